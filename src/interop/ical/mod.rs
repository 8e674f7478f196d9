//! iCalendar, the format calendars export (`.ics`) and subscribe to. Reading takes the meetings
//! out of an Outlook, Google or Apple export; writing publishes Rapport's own calendar feed.
//!
//! `calcard` parses, names time zones (IANA names, Windows names, VTIMEZONEs that name a
//! known zone), expands repeat rules, and writes with escaping and folding. This module finds
//! where each component starts, so that problems name their line, follows a VTIMEZONE's own
//! rules where calcard has only names (`zone`), and decides what counts as a meeting for an
//! account manager. It never refuses a zone the file describes.

mod read;
mod repeats;
mod series;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_zones;
mod when;
mod write;
mod zone;

use calcard::common::PartialDateTime;
use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc};

pub use read::{MAX_OCCURRENCES, read};
pub use write::write;

/// A floating event's times (wall-clock, written as UTC) read in `zone`: the instants it has
/// there. A time the clocks skip is read an hour later, one they pass twice as the first.
pub fn on_clock_of(
    event: &crate::interop::CalendarEvent,
    zone: chrono_tz::Tz,
) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let place = |at: DateTime<Utc>| zone::Zone::Iana(zone).to_utc(at.naive_utc());
    Some((place(event.starts_at)?, place(event.ends_at)?))
}

const PRODID: &str = "-//Rapport//Rapport//EN";

fn utc_partial(instant: DateTime<Utc>) -> PartialDateTime {
    PartialDateTime { tz_hour: Some(0), tz_minute: Some(0), ..local_partial(instant.naive_utc()) }
}

fn local_partial(at: NaiveDateTime) -> PartialDateTime {
    PartialDateTime {
        year: u16::try_from(at.year()).ok(),
        month: u8::try_from(at.month()).ok(),
        day: u8::try_from(at.day()).ok(),
        hour: u8::try_from(at.hour()).ok(),
        minute: u8::try_from(at.minute()).ok(),
        second: u8::try_from(at.second()).ok(),
        ..Default::default()
    }
}
