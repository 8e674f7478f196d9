//! `personal_date`: a birthday or work anniversary in the coming week.

use chrono::{Datelike, NaiveDate};
use chrono_tz::Tz;

use super::{About, Clock, Found, View, never};
use crate::domain::DateKind;
use crate::domain::RecordKind;
use crate::engine::checkins::ReasonCode;

/// How much it matters before urgency and tier, and its name in the ranking's sentence; never
/// worth a notification.
pub(super) const ABOUT: About =
    About { weight: 3.0, short: "a personal date", notify: never, clock: Clock::Proactive };

/// The next time this month and day comes round, on or after `today` (29 February falls on
/// the 28th in other years).
fn next_occurrence(date: &str, today: NaiveDate) -> Option<NaiveDate> {
    let md = &date[date.len().checked_sub(5)?..];
    let (m, d) = md.split_once('-')?;
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    let on =
        |year: i32| NaiveDate::from_ymd_opt(year, m, d).or_else(|| NaiveDate::from_ymd_opt(year, m, d - 1));
    let this_year = on(today.year())?;
    if this_year >= today { Some(this_year) } else { on(today.year() + 1) }
}

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    for c in &v.b.contacts {
        let zone = c.timezone.as_deref().unwrap_or(&v.b.account.timezone);
        let tz: Tz = zone.parse().unwrap_or(Tz::UTC);
        let today = v.now.with_timezone(&tz).date_naive();
        for d in c.dates.iter().filter(|d| d.kind != DateKind::Other) {
            let Some(next) = next_occurrence(&d.date, today) else { continue };
            let days_left = (next - today).num_days();
            if days_left > i64::from(v.s.personal_date_days) {
                continue;
            }
            let what = match d.kind {
                DateKind::Birthday => "birthday",
                _ => "work anniversary",
            };
            let when = match days_left {
                0 => "is today".to_string(),
                1 => "is tomorrow".to_string(),
                n => format!("is in {n} days ({})", next.format("%A %-d %B")),
            };
            let text = format!("{}'s {what} {when}. A personal note goes a long way.", c.name);
            let due = next
                .and_hms_opt(9, 0, 0)
                .and_then(|t| t.and_local_timezone(tz).earliest())
                .map(|t| t.to_utc())
                .unwrap_or(v.now);
            View::add(
                out,
                Some(c.id.clone()),
                ReasonCode::PersonalDate,
                text,
                Some((RecordKind::Contact, &c.id)),
                due,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leap_day_birthday_falls_on_the_28th_in_other_years() {
        let today = NaiveDate::from_ymd_opt(2027, 2, 20).unwrap();
        assert_eq!(next_occurrence("--02-29", today), NaiveDate::from_ymd_opt(2027, 2, 28));
        assert_eq!(next_occurrence("1988-03-14", today), NaiveDate::from_ymd_opt(2027, 3, 14));
        let after = NaiveDate::from_ymd_opt(2027, 3, 15).unwrap();
        assert_eq!(next_occurrence("1988-03-14", after), NaiveDate::from_ymd_opt(2028, 3, 14));
    }
}
