//! Meetings from a calendar: iCalendar events, repeating ones expanded from three months back
//! to a year ahead, read whole.

use chrono::{DateTime, Duration, Utc};

use super::{Format, Incoming, Input, Inspected, Records, whole};
use crate::error::Result;
use crate::interop::{ical, text};
use crate::service::exchange::{FileFormat, ImportOptions, source};
use crate::service::stored_precision;

pub const FORMAT: Format = Format {
    kind: FileFormat::Icalendar,
    label: "Calendar",
    extensions: &["ics", "ical"],
    recognises: |_, upper| upper.contains("BEGIN:VCALENDAR") || upper.contains("BEGIN:VEVENT"),
    inspect: |path, _| {
        Ok(Inspected { encoding: text::decode(&source::read_bytes(path)?).encoding, csv: None })
    },
    read,
};

/// Repeating meetings are taken from three months back to a year ahead.
fn calendar_window(now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    (now - Duration::days(90), now + Duration::days(365))
}

fn read<'a>(input: Input<'a>, _: &ImportOptions, now: DateTime<Utc>) -> Result<Records<'a>> {
    let decoded = source::decoded(input)?;
    let (from, to) = calendar_window(stored_precision(now));
    Ok(whole(decoded.encoding, ical::read(&decoded.text, from, to), Incoming::Meeting))
}
