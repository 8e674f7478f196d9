//! The formats Rapport imports, one module each. A format says what it is called, the file
//! names a chooser offers for it, how the start of a file tells it apart, what a first look at
//! a file shows, and how a file becomes records with line-numbered problems. Everything else —
//! the detection, the app's file chooser, the matching and applying of records, the CLI —
//! follows from [`FORMATS`]; a new format is a module here and its entry in the list.

mod archive;
mod csv;
mod icalendar;
mod vcard;

use std::path::Path;

use chrono::{DateTime, Utc};

use super::{FileFormat, ImportOptions};
use crate::error::Result;
use crate::interop::csv::{CompanyRow, CsvLayout};
use crate::interop::{CalendarEvent, LineProblem, PersonCard, Record};

/// One format an import takes.
pub struct Format {
    pub kind: FileFormat,
    /// What the file is, in an account manager's words ("vCard address book").
    pub label: &'static str,
    /// The names a file chooser offers, and the last word when the content says nothing.
    pub extensions: &'static [&'static str],
    /// Whether a file's start is in this format: its first 4,096 characters without a BOM or
    /// leading space, as written and upper-cased.
    pub recognises: fn(head: &str, upper: &str) -> bool,
    /// A first look at the file, before anything is imported.
    pub inspect: fn(path: &Path, head_encoding: &'static str) -> Result<Inspected>,
    /// The file's records, in the file's order, each a record or the problem of its line.
    pub read:
        for<'a> fn(input: Input<'a>, options: &ImportOptions, now: DateTime<Utc>) -> Result<Records<'a>>,
}

/// A file to read: on disk (read as the format likes, a CSV a row at a time), or in memory.
#[derive(Clone, Copy)]
pub enum Input<'a> {
    File(&'a Path),
    Bytes(&'a Path, &'a [u8]),
}

impl<'a> Input<'a> {
    pub fn path(&self) -> &'a Path {
        match *self {
            Input::File(path) | Input::Bytes(path, _) => path,
        }
    }
}

/// What a first look at a file shows: the encoding of its text and, for a table, its columns.
pub struct Inspected {
    pub encoding: &'static str,
    pub csv: Option<CsvLayout>,
}

/// One record a file holds, or what was left out of one.
pub enum Incoming {
    Person(PersonCard),
    Company(CompanyRow),
    Meeting(CalendarEvent),
    /// A value left out of a record that is imported all the same (a bad address), and why.
    LeftOut(LineProblem),
}

impl From<Record> for Incoming {
    fn from(record: Record) -> Self {
        match record {
            Record::Person(person) => Incoming::Person(person),
            Record::Company(company) => Incoming::Company(company),
        }
    }
}

/// A file's records as they are read; an `Err` inside is a line that cannot be imported, an
/// `Err` outside a file that cannot be read from there on (nothing of it is imported).
pub type Items<'a> = Box<dyn Iterator<Item = Result<std::result::Result<Incoming, LineProblem>>> + 'a>;

pub struct Records<'a> {
    pub encoding: &'static str,
    /// Properties in the file that Rapport does not keep (PHOTO, X-…), skipped.
    pub skipped: Vec<String>,
    pub items: Items<'a>,
}

/// Every format, in the order their content is recognised; CSV recognises nothing of its own
/// and is what a file is when nothing else claims it.
pub use csv::inspect_as as inspect_csv;

pub const FORMATS: [Format; 4] = [archive::FORMAT, icalendar::FORMAT, vcard::FORMAT, csv::FORMAT];

/// The entry of `kind`.
pub fn format(kind: FileFormat) -> &'static Format {
    FORMATS.iter().find(|f| f.kind == kind).unwrap_or(&FORMATS[FORMATS.len() - 1])
}

/// The format of a file called `name` whose text begins `text`: its content first, its name second.
pub fn format_of(name: &str, text: &str) -> FileFormat {
    let head: String = text.trim_start_matches('\u{feff}').trim_start().chars().take(4096).collect();
    let upper = head.to_uppercase();
    if let Some(format) = FORMATS.iter().find(|f| (f.recognises)(&head, &upper)) {
        return format.kind;
    }
    let lower = name.to_lowercase();
    let extension = lower.rsplit_once('.').map_or("", |(_, e)| e);
    FORMATS.iter().find(|f| f.extensions.contains(&extension)).map_or(FileFormat::Csv, |f| f.kind)
}

/// What the chooser of files from other tools offers: every format's names but the archive's,
/// which has a chooser of its own.
pub fn other_tools_extensions() -> Vec<&'static str> {
    FORMATS
        .iter()
        .filter(|f| f.kind != FileFormat::Archive)
        .flat_map(|f| f.extensions.iter().copied())
        .collect()
}

/// A whole file's records, read at once: its problems, what was left out, then its records.
fn whole<'a, T: 'a>(
    encoding: &'static str,
    read: crate::interop::Read<T>,
    incoming: fn(T) -> Incoming,
) -> Records<'a> {
    let problems = read.problems.into_iter().map(|p| Ok(Err(p)));
    let left_out = read.left_out.into_iter().map(|p| Ok(Ok(Incoming::LeftOut(p))));
    let records = read.records.into_iter().map(move |r| Ok(Ok(incoming(r))));
    Records { encoding, skipped: read.skipped, items: Box::new(problems.chain(left_out).chain(records)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_known_by_its_content_first_and_its_name_second() {
        assert_eq!(format_of("x.csv", "\u{feff}  {\"format\": 1}"), FileFormat::Archive);
        assert_eq!(format_of("x.txt", "begin:vcalendar\r\n"), FileFormat::Icalendar);
        assert_eq!(format_of("people.csv", "BEGIN:VCARD\r\n"), FileFormat::Vcard);
        assert_eq!(format_of("Team.VCF", "garbled"), FileFormat::Vcard);
        assert_eq!(format_of("cal.ical", ""), FileFormat::Icalendar);
        assert_eq!(format_of("backup.JSON", "not json"), FileFormat::Archive);
        assert_eq!(format_of("crm export", "Name,Email"), FileFormat::Csv);
        assert_eq!(format_of("no.extension.here", "Name;Email"), FileFormat::Csv);
    }

    #[test]
    fn the_chooser_offers_every_format_from_another_tool() {
        assert_eq!(other_tools_extensions(), vec!["ics", "ical", "vcf", "vcard", "csv", "tsv", "txt"]);
    }

    #[test]
    fn every_kind_has_one_entry_and_a_label() {
        for format in &FORMATS {
            assert_eq!(FORMATS.iter().filter(|f| f.kind == format.kind).count(), 1);
            assert_eq!(self::format(format.kind).label, format.label);
            assert!(!format.label.is_empty() && !format.extensions.is_empty());
        }
    }
}
