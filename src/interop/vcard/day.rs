//! A calendar day as a vCard writes it, read from the text as written: calcard's date parser
//! drops the day of extended dates such as `1985-03-14`, and a birthday must never lose or
//! shift a day.

use std::fmt;

use calcard::common::PartialDateTime;
use calcard::vcard::{VCardEntry, VCardParameterName, VCardParameterValue};
use chrono::NaiveDate;

use super::{APPLE_OMIT_YEAR, LABEL_PARAM};
use crate::domain::DateKind;

/// A calendar day, with or without its year. It is read from the text as written: a time or
/// zone after the day is ignored, never applied, so a birthday cannot move to another day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Day {
    pub(super) year: Option<u16>,
    pub(super) month: u8,
    pub(super) day: u8,
}

impl Day {
    /// Accepts `YYYYMMDD`, `YYYY-MM-DD`, `--MMDD` and `--MM-DD`, each optionally followed by
    /// `T` and a time. February 29 without a year is a real date.
    pub(super) fn parse(text: &str) -> Option<Day> {
        let date = text.trim().split(['T', 't']).next().unwrap_or_default();
        let (year, month_day) = match date.strip_prefix("--") {
            Some(month_day) => (None, month_day),
            None if date.len() == 8 => (Some(date.get(..4)?), date.get(4..)?),
            None => {
                let (year, month_day) = date.split_once('-')?;
                (Some(year), month_day)
            }
        };
        let (month, day) = match month_day.split_once('-') {
            Some(parts) => parts,
            None => (month_day.get(..2)?, month_day.get(2..)?),
        };
        let year = match year {
            Some(year) => Some(u16::try_from(digits(year, 4)?).ok()?),
            None => None,
        };
        let month = u8::try_from(digits(month, 2)?).ok()?;
        let day = u8::try_from(digits(day, 2)?).ok()?;
        // 2000 is a leap year, so a year-less February 29 passes.
        NaiveDate::from_ymd_opt(i32::from(year.unwrap_or(2000)), u32::from(month), u32::from(day))?;
        Some(Day { year, month, day })
    }

    pub(super) fn partial(self) -> PartialDateTime {
        PartialDateTime {
            year: self.year,
            month: Some(self.month),
            day: Some(self.day),
            ..Default::default()
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(year) => write!(f, "{year:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "--{:02}-{:02}", self.month, self.day),
        }
    }
}

fn digits(text: &str, width: usize) -> Option<u32> {
    if text.len() != width || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

pub(super) fn label_of(entry: &VCardEntry) -> Option<String> {
    entry.params.iter().find_map(|param| match (&param.name, &param.value) {
        (VCardParameterName::Other(name), VCardParameterValue::Text(label))
            if name.eq_ignore_ascii_case(LABEL_PARAM) =>
        {
            Some(label.clone())
        }
        _ => None,
    })
}

pub(super) fn omitted_year(entry: &VCardEntry) -> Option<u16> {
    entry.params.iter().find_map(|param| match (&param.name, &param.value) {
        (VCardParameterName::Other(name), VCardParameterValue::Text(year))
            if name.eq_ignore_ascii_case(APPLE_OMIT_YEAR) =>
        {
            year.trim().parse().ok()
        }
        _ => None,
    })
}

pub(super) fn kind_words(kind: DateKind) -> &'static str {
    match kind {
        DateKind::Birthday => "birthday",
        DateKind::WorkAnniversary => "work anniversary",
        DateKind::Other => "date",
    }
}
