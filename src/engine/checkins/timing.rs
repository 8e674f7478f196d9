//! When to reach out: the first good moment inside the client's working day, in their own time
//! zone, skipping their weekend and holidays. Local times that fall in a daylight-saving gap
//! move to the next hour that exists.

use chrono::{DateTime, Duration, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

use super::{Reason, ReasonCode};
use crate::domain::Account;
use crate::domain::Bundle;

/// The first moment at or after `from` inside the account's working hours, in `zone`.
pub fn next_working_moment(account: &Account, zone: &str, from: DateTime<Utc>) -> DateTime<Utc> {
    let tz: Tz = zone.parse().unwrap_or(Tz::UTC);
    let start = NaiveTime::parse_from_str(&account.working_hours.start, "%H:%M").unwrap_or(NaiveTime::MIN);
    let end = NaiveTime::parse_from_str(&account.working_hours.end, "%H:%M").unwrap_or(NaiveTime::MIN);
    let mut day = from.with_timezone(&tz).date_naive();
    for _ in 0..31 {
        let weekday = day.format("%a").to_string().to_lowercase();
        let works =
            account.working_days.iter().any(|d| d.as_str() == weekday) && !account.holidays.contains(&day);
        if works {
            let opens = local(tz, day.and_time(start));
            let closes = local(tz, day.and_time(end));
            if from < opens {
                return opens;
            }
            if from < closes {
                return quarter_hour(from).min(closes);
            }
        }
        day = day.succ_opt().unwrap_or(day);
    }
    from
}

/// A local wall-clock time as an instant; in a spring-forward gap, the first instant after it.
fn local(tz: Tz, t: NaiveDateTime) -> DateTime<Utc> {
    for shift in 0..3 {
        if let Some(at) = tz.from_local_datetime(&(t + Duration::hours(shift))).earliest() {
            return at.with_timezone(&Utc);
        }
    }
    Utc.from_utc_datetime(&t)
}

/// Rounds up to the next quarter hour, so suggestions read as times people book.
fn quarter_hour(t: DateTime<Utc>) -> DateTime<Utc> {
    let past = (t.minute() % 15) as i64 * 60 + t.second() as i64;
    let t = t.with_nanosecond(0).unwrap_or(t);
    if past == 0 { t } else { t + Duration::seconds(15 * 60 - past) }
}

/// Now-ish for anything pressing; for a personal date only, the morning of the day itself.
pub fn suggested_time(bundle: &Bundle, zone: &str, reasons: &[Reason], now: DateTime<Utc>) -> DateTime<Utc> {
    let only_dates = reasons.iter().all(|r| r.code == ReasonCode::PersonalDate);
    let from = if only_dates {
        let day_start = reasons.iter().map(|r| r.due_at).min().unwrap_or(now) - Duration::hours(9);
        day_start.max(now)
    } else {
        now
    };
    next_working_moment(&bundle.account, zone, from)
}

/// The end of the calendar day `now` falls in, in `zone`: what is owed the client "today".
pub fn end_of_day(zone: &str, now: DateTime<Utc>) -> DateTime<Utc> {
    let tz: Tz = zone.parse().unwrap_or(Tz::UTC);
    let tomorrow = now.with_timezone(&tz).date_naive().succ_opt().unwrap_or(chrono::NaiveDate::MAX);
    local(tz, tomorrow.and_time(NaiveTime::MIN))
}
