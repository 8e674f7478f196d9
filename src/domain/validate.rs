//! Small checks shared by every record, each returning a user-facing sentence.
//!
//! Lengths are counted in characters, never bytes, so that a name in Japanese is held to the
//! same limit as one in English.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Result};

/// Names and titles: long enough for any real one, short enough to show on one line.
pub const NAME_MAX: usize = 200;
/// Free text (notes, summaries): a few pages, which is more than any note needs.
pub const TEXT_MAX: usize = 20_000;

/// "a, b or c"
pub fn one_of(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Text without NUL characters, which no keyboard types and which would reach every export
/// (and cut a C string short) if they were kept.
fn without_nul(value: &str) -> std::borrow::Cow<'_, str> {
    if value.contains('\0') { value.replace('\0', "").into() } else { value.into() }
}

/// A required name: trimmed, not empty, not too long.
pub fn name(field: &'static str, what: &str, value: &str) -> Result<String> {
    let value = without_nul(value);
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::validation(field, format!("{what} needs a name. Type one and save again.")));
    }
    limit(field, what, value, NAME_MAX)?;
    Ok(value.to_string())
}

/// Optional short text: trimmed; blank means absent.
pub fn short_text(field: &'static str, what: &str, value: Option<&str>) -> Result<Option<String>> {
    let value = value.map(without_nul);
    let Some(value) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) else { return Ok(None) };
    limit(field, what, value, NAME_MAX)?;
    Ok(Some(value.to_string()))
}

/// Free text: kept as typed (only trimmed at the ends); blank is allowed.
pub fn long_text(field: &'static str, what: &str, value: &str) -> Result<String> {
    let value = without_nul(value);
    let value = value.trim();
    limit(field, what, value, TEXT_MAX)?;
    Ok(value.to_string())
}

fn limit(field: &'static str, what: &str, value: &str, max: usize) -> Result<()> {
    let count = value.chars().count();
    if count > max {
        return Err(Error::validation(
            field,
            format!("{what} is {count} characters long; the limit is {max}. Shorten it and save again."),
        ));
    }
    Ok(())
}

/// An IANA time zone name such as "Europe/Berlin".
pub fn timezone(field: &'static str, value: &str) -> Result<String> {
    let value = value.trim();
    value.parse::<Tz>().map(|tz| tz.name().to_string()).map_err(|_| {
        Error::validation(
            field,
            format!(
                "\"{value}\" is not a time zone Rapport knows. Use a name such as Europe/Berlin, America/Sao_Paulo or Asia/Tokyo."
            ),
        )
    })
}

/// A cadence in days: how often the relationship wants a touch.
pub fn cadence(field: &'static str, value: Option<i64>) -> Result<Option<u32>> {
    match value {
        None => Ok(None),
        Some(days @ 1..=365) => Ok(Some(days as u32)),
        Some(days) => Err(Error::validation(
            field,
            format!("A check-in cadence of {days} days is not possible. Use a number of days from 1 to 365."),
        )),
    }
}

/// "HH:MM" on a 24-hour clock.
pub fn clock_time(field: &'static str, value: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(value.trim(), "%H:%M").map_err(|_| {
        Error::validation(
            field,
            format!("\"{value}\" is not a time of day. Write it as HH:MM, for example 09:00."),
        )
    })
}

/// A calendar date "YYYY-MM-DD".
pub fn date(field: &'static str, value: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| {
        Error::validation(
            field,
            format!("\"{value}\" is not a date. Write it as YYYY-MM-DD, for example 2027-03-31."),
        )
    })
}

/// A day in the calendar: "YYYY-MM-DD", or "--MM-DD" when the year is unknown (a birthday
/// without a year). February 29 is allowed without a year.
pub fn calendar_day(field: &'static str, value: &str) -> Result<()> {
    let value = value.trim();
    let full = match value.strip_prefix("--") {
        Some(month_day) => format!("2000-{month_day}"),
        None => value.to_string(),
    };
    NaiveDate::parse_from_str(&full, "%Y-%m-%d").map(|_| ()).map_err(|_| {
        Error::validation(
            field,
            format!(
                "\"{value}\" is not a date. Write it as YYYY-MM-DD, or --MM-DD when you do not know the year."
            ),
        )
    })
}

/// An instant in RFC 3339, such as 2026-11-23T09:30:00+01:00, stored in UTC.
pub fn instant(field: &'static str, value: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(value.trim()).map(|t| t.with_timezone(&Utc)).map_err(|_| {
        Error::validation(
            field,
            format!(
                "\"{value}\" is not a date and time Rapport can read. Write it in RFC 3339, for example 2026-11-23T09:30:00+01:00."
            ),
        )
    })
}

/// An optional instant: blank means absent.
pub fn opt_instant(field: &'static str, value: Option<&str>) -> Result<Option<DateTime<Utc>>> {
    value.map(str::trim).filter(|v| !v.is_empty()).map(|v| instant(field, v)).transpose()
}

/// An optional calendar date: blank means absent.
pub fn opt_date(field: &'static str, value: Option<&str>) -> Result<Option<NaiveDate>> {
    value.map(str::trim).filter(|v| !v.is_empty()).map(|v| date(field, v)).transpose()
}

/// Required free text, such as a promise or a request: not blank, not too long.
pub fn required_text(field: &'static str, what: &str, value: &str) -> Result<String> {
    let value = long_text(field, what, value)?;
    if value.is_empty() {
        return Err(Error::validation(
            field,
            format!("{what} is empty. Write it in a few words, then save again."),
        ));
    }
    Ok(value)
}

/// Parses one of a closed set of words, with a sentence listing the accepted ones.
pub fn word<T: std::str::FromStr>(
    field: &'static str,
    what: &str,
    value: &str,
    choices: String,
) -> Result<T> {
    value.parse::<T>().map_err(|_| {
        Error::validation(field, format!("\"{value}\" is not a {what} Rapport knows. Use {choices}."))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_name_is_refused_with_a_sentence() {
        let err = name("name", "An account", "   ").unwrap_err();
        assert_eq!(err.to_string(), "An account needs a name. Type one and save again.");
    }

    #[test]
    fn name_length_counts_characters_not_bytes() {
        let japanese = "東".repeat(NAME_MAX);
        assert!(name("name", "A contact", &japanese).is_ok(), "200 characters of 3 bytes each fit");
        assert!(name("name", "A contact", &format!("{japanese}東")).is_err());
    }

    #[test]
    fn time_zone_names_are_checked_and_normalised() {
        assert_eq!(timezone("timezone", " Asia/Tokyo ").unwrap(), "Asia/Tokyo");
        let err = timezone("timezone", "Mars/Olympus").unwrap_err();
        assert!(err.to_string().contains("Europe/Berlin"), "the sentence shows a valid example: {err}");
    }

    #[test]
    fn instants_are_converted_to_utc() {
        let t = instant("at", "2026-03-29T09:30:00+02:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-03-29T07:30:00+00:00");
        assert!(instant("at", "yesterday").is_err());
    }

    #[test]
    fn nul_characters_never_reach_the_database() {
        assert_eq!(name("name", "The account", "\0Kestrel\0 GmbH ").unwrap(), "Kestrel GmbH");
        assert_eq!(long_text("notes", "The notes", "a\0b").unwrap(), "ab");
        assert_eq!(short_text("title", "The title", Some("\0")).unwrap(), None);
        assert!(name("name", "The account", "\0\0").is_err(), "nothing but NUL is no name");
    }

    #[test]
    fn cadence_outside_a_year_is_refused() {
        assert_eq!(cadence("cadence_days", Some(14)).unwrap(), Some(14));
        assert!(cadence("cadence_days", Some(0)).is_err());
        assert!(cadence("cadence_days", Some(366)).is_err());
        assert_eq!(cadence("cadence_days", None).unwrap(), None);
    }

    #[test]
    fn choices_read_as_a_sentence() {
        assert_eq!(one_of(&["us", "them"]), "us or them");
        assert_eq!(one_of(&["a", "b", "c"]), "a, b or c");
    }
}
