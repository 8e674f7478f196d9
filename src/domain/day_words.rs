//! A day as a person types it: "Friday", "in 2 days", "end of month", "by Friday EOD", "24 Dec",
//! or 2026-12-24. The grammar of weekdays, months and counts of days is `interim`'s; what it does
//! not know and an account manager says every day — "in", "by", "EOD", "end of month", counts
//! in words — is read here first. Always relative to a day handed in: never the clock.

use chrono::{Datelike, Days, Months, NaiveDate, TimeZone, Utc, Weekday};
use interim::{Dialect, parse_date_string};

use crate::error::{Error, Result};

/// Which number comes first in "3/4": the day (most of the world) or the month (the US).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    DayFirst,
    MonthFirst,
}

impl DayOrder {
    /// The order a locale writes dates in ("en-US" → month first; anything else → day first).
    pub fn of_locale(locale: &str) -> DayOrder {
        let region = locale.split(['-', '_']).nth(1).unwrap_or_default();
        if ["US", "PH", "FM", "MH", "PW"].iter().any(|r| region.eq_ignore_ascii_case(r)) {
            DayOrder::MonthFirst
        } else {
            DayOrder::DayFirst
        }
    }
}

/// The earliest and latest years a typed day may land in: anything else is a slip of the keys.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The day `text` names, as seen on `today`. `field` names the form field an error belongs to.
pub fn read_day(field: &'static str, text: &str, today: NaiveDate, order: DayOrder) -> Result<NaiveDate> {
    let words = plain(text);
    if words.is_empty() {
        return Err(Error::validation(
            field,
            "Type a day, for example Friday, in 2 days, end of month or 2026-12-31.",
        ));
    }
    let day = ends_of_periods(&words, today).or_else(|| by_interim(&words, today, order));
    match day {
        Some(day) if YEARS.contains(&day.year()) => Ok(day),
        _ => Err(Error::validation(
            field,
            format!(
                "\"{}\" is not a day Rapport can read. Try Friday, in 2 days, end of month, 24 Dec or 2026-12-31.",
                quoted(text.trim())
            ),
        )),
    }
}

/// What was typed, as an error quotes it: at most 60 characters.
fn quoted(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Lower case, single spaces, without the words around a day that do not change it ("by Friday
/// EOD" is Friday) and with counts in figures ("in two weeks" is "2 weeks").
fn plain(text: &str) -> String {
    let lowered = text.trim().trim_end_matches(['.', '!', ',']).to_lowercase();
    let words: Vec<&str> = lowered.split_whitespace().collect();
    let leading = words
        .iter()
        .take(words.len().saturating_sub(1))
        .take_while(|w| ["by", "on", "due", "before", "until", "till", "in"].contains(w))
        .count();
    let text = words[leading..].join(" ");
    let text = [
        "end of day",
        "end of business",
        "close of business",
        "eod",
        "cob",
        "eob",
        "morning",
        "afternoon",
        "evening",
    ]
    .iter()
    .find_map(|tail| text.strip_suffix(tail).map(|rest| rest.trim_end().trim_end_matches(',').trim_end()))
    .filter(|rest| !rest.is_empty())
    .unwrap_or(&text)
    .replace("a couple of ", "2 ")
    .replace("couple of ", "2 ");
    text.split(' ')
        .map(|word| match word {
            "a" | "an" | "one" => "1",
            "two" => "2",
            "three" => "3",
            "four" => "4",
            "five" => "5",
            "six" => "6",
            "seven" => "7",
            "eight" => "8",
            "nine" => "9",
            "ten" => "10",
            "eleven" => "11",
            "twelve" => "12",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" from now", "")
        .replace(" from today", "")
}

/// "end of the week / month / quarter / year" (and "next"), which `interim` does not know; "EOD"
/// and "today" on their own are today.
fn ends_of_periods(words: &str, today: NaiveDate) -> Option<NaiveDate> {
    let words = words.replace("the ", "");
    let (later, period) = match words.as_str() {
        "eod" | "cob" | "eob" | "end of day" | "today" | "tonight" => return Some(today),
        "eow" | "end of week" | "this week" => (0, "week"),
        "end of next week" => (1, "week"),
        "eom" | "end of month" | "this month" => (0, "month"),
        "end of next month" => (1, "month"),
        "eoq" | "end of quarter" | "this quarter" => (0, "quarter"),
        "end of next quarter" => (1, "quarter"),
        "eoy" | "end of year" | "this year" => (0, "year"),
        "end of next year" => (1, "year"),
        _ => return None,
    };
    match period {
        // The working week ends on Friday; on a weekend, "end of week" is the coming Friday.
        "week" => {
            let ahead =
                (Weekday::Fri.num_days_from_monday() + 7 - today.weekday().num_days_from_monday()) % 7;
            today.checked_add_days(Days::new(u64::from(ahead) + 7 * later))
        }
        "month" => last_of_month(today.checked_add_months(Months::new(later as u32))?),
        "quarter" => {
            let last_month_of_quarter = (today.month0() / 3) * 3 + 3;
            let in_quarter = NaiveDate::from_ymd_opt(today.year(), last_month_of_quarter, 1)?;
            last_of_month(in_quarter.checked_add_months(Months::new(3 * later as u32))?)
        }
        _ => NaiveDate::from_ymd_opt(today.year() + later as i32, 12, 31),
    }
}

fn last_of_month(day: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(day.year(), day.month(), 1)?.checked_add_months(Months::new(1))?.pred_opt()
}

/// Everything else — weekdays, month names, "next", counts of days and weeks, written dates — as
/// `interim` reads it, at midday so that no offset moves the day.
fn by_interim(words: &str, today: NaiveDate, order: DayOrder) -> Option<NaiveDate> {
    let dialect = match order {
        DayOrder::DayFirst => Dialect::Uk,
        DayOrder::MonthFirst => Dialect::Us,
    };
    let noon = Utc.from_utc_datetime(&today.and_hms_opt(12, 0, 0)?);
    parse_date_string(words, noon, dialect).ok().map(|at| at.date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Thursday 3 December 2026.
    fn thursday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
    }

    fn day(text: &str) -> String {
        read_day("due", text, thursday(), DayOrder::DayFirst)
            .map(|d| d.to_string())
            .unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn weekdays_counts_and_ends_of_periods_are_read_as_an_account_manager_means_them() {
        for (said, meant) in [
            ("Friday", "2026-12-04"),
            ("by Friday EOD", "2026-12-04"),
            ("fri", "2026-12-04"),
            ("next Tuesday", "2026-12-15"),
            ("tomorrow", "2026-12-04"),
            ("today", "2026-12-03"),
            ("EOD", "2026-12-03"),
            ("in 2 days", "2026-12-05"),
            ("in two weeks", "2026-12-17"),
            ("in a week", "2026-12-10"),
            ("3 days from now", "2026-12-06"),
            ("end of week", "2026-12-04"),
            ("end of next week", "2026-12-11"),
            ("end of month", "2026-12-31"),
            ("End of the month.", "2026-12-31"),
            ("end of next month", "2027-01-31"),
            ("end of quarter", "2026-12-31"),
            ("end of next quarter", "2027-03-31"),
            ("end of year", "2026-12-31"),
            ("24 Dec", "2026-12-24"),
            ("Dec 24", "2026-12-24"),
            ("2027-01-05", "2027-01-05"),
            ("  2027-01-05  ", "2027-01-05"),
        ] {
            assert_eq!(day(said), meant, "{said:?}");
        }
    }

    #[test]
    fn the_locale_decides_which_number_is_the_day() {
        assert_eq!(read_day("due", "3/4", thursday(), DayOrder::DayFirst).unwrap().to_string(), "2026-04-03");
        assert_eq!(
            read_day("due", "3/4", thursday(), DayOrder::MonthFirst).unwrap().to_string(),
            "2026-03-04"
        );
        assert_eq!(DayOrder::of_locale("en-US"), DayOrder::MonthFirst);
        assert_eq!(DayOrder::of_locale("en-GB"), DayOrder::DayFirst);
        assert_eq!(DayOrder::of_locale("de"), DayOrder::DayFirst);
    }

    #[test]
    fn the_end_of_the_week_on_a_weekend_is_the_coming_friday() {
        let saturday = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert_eq!(read_day("due", "eow", saturday, DayOrder::DayFirst).unwrap().to_string(), "2026-12-11");
        let friday = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(
            read_day("due", "end of week", friday, DayOrder::DayFirst).unwrap().to_string(),
            "2026-12-04"
        );
    }

    #[test]
    fn the_end_of_february_knows_leap_years() {
        let in_feb = NaiveDate::from_ymd_opt(2028, 2, 10).unwrap();
        assert_eq!(
            read_day("due", "end of month", in_feb, DayOrder::DayFirst).unwrap().to_string(),
            "2028-02-29"
        );
    }

    #[test]
    fn what_is_not_a_day_is_refused_in_a_sentence_naming_the_field() {
        for nonsense in
            ["", "   ", "blue moon", "=1+1", "<b>Friday</b>", "in 99999999999 years", "by", "31/31"]
        {
            let err = read_day("due", nonsense, thursday(), DayOrder::DayFirst).unwrap_err();
            assert!(matches!(err, Error::Validation { field: "due", .. }), "{nonsense:?}");
            assert!(err.to_string().contains("day"), "{nonsense:?}: {err}");
        }
    }
}
