//! The formats other tools speak: CSV from a CRM, vCard from an address book, iCalendar from a
//! calendar, the user's own mail files. Each reader turns a file into plain records placed by line, and never touches the
//! database; `service::exchange` decides what they create or merge, in one transaction behind a
//! backup, exactly as the archive is imported.

pub mod csv;
pub mod ical;
pub mod mail;
pub mod text;
pub mod vcard;
pub mod zone_label;

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::{Guest, ImportantDate, NameParts};

pub use crate::domain::LineProblem;

/// What a reader made of a file: the records it could read, the ones it could not (by line),
/// the values it left out of records it did read (a bad address, an offset for a time zone),
/// and the names of properties it met and does not keep (PHOTO, X-…); only problems are fatal.
#[derive(Debug, Clone, PartialEq)]
pub struct Read<T> {
    pub records: Vec<T>,
    pub problems: Vec<LineProblem>,
    /// What was left out of a record that was read, and why, by line.
    pub left_out: Vec<LineProblem>,
    pub skipped: Vec<String>,
}

impl<T> Default for Read<T> {
    fn default() -> Self {
        Read { records: Vec::new(), problems: Vec::new(), left_out: Vec::new(), skipped: Vec::new() }
    }
}

/// One record of an address book or a CRM export: a person, or a company on its own (a vCard
/// of KIND:org, a row naming only a company), which becomes an account.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Person(PersonCard),
    Company(CompanyRow),
}

/// A company: it becomes an account.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CompanyRow {
    pub line: u32,
    pub name: String,
    pub industry: Option<String>,
    pub timezone: Option<String>,
    pub tier: Option<String>,
    pub renewal_date: Option<String>,
    pub notes: Option<String>,
}

/// One person as an address book or a CRM export knows them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersonCard {
    /// 1-based line where the card or row starts.
    pub line: u32,
    pub name: String,
    /// The name in its parts, when the file gave them (vCard N; first, middle and last name).
    pub name_parts: Option<NameParts>,
    /// The company (vCard ORG's first part, or a CSV column): the account they belong to.
    pub company: Option<String>,
    pub title: Option<String>,
    /// Preferred first; trimmed, never empty strings.
    pub emails: Vec<String>,
    /// Preferred first.
    pub phones: Vec<String>,
    /// An IANA zone name when the file gave one Rapport can use.
    pub timezone: Option<String>,
    /// Birthdays ("YYYY-MM-DD" or "--MM-DD"), anniversaries: calendar days, never instants.
    pub dates: Vec<ImportantDate>,
    pub notes: Option<String>,
}

/// One meeting as a calendar knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEvent {
    pub line: u32,
    /// The iCalendar UID; for an occurrence of a repeating event, the UID and the start.
    pub uid: String,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The IANA zone the event was scheduled in (Windows names mapped, a VTIMEZONE's own rules
    /// matched to the zone with the same clocks), when it had one.
    pub timezone: Option<String>,
    /// A time without a zone: `starts_at` and `ends_at` are wall-clock times written as UTC,
    /// to be read in the zone of the account the meeting lands in.
    pub floating: bool,
    /// How the reader placed the meeting in time, for the preview ("time zone … read as …").
    pub notes: Vec<String>,
    pub location: Option<String>,
    pub description: Option<String>,
    /// Attendees and the organiser: email address (lower case), the name the calendar gave,
    /// and which of the two they were.
    pub attendees: Vec<Guest>,
    /// For an occurrence of a repeating event: the series, shared by all its occurrences.
    pub series: Option<std::sync::Arc<SeriesRule>>,
    /// Whether the calendar changed this occurrence of its series (moved it, renamed it).
    pub changed: bool,
}

/// A repeating event as its calendar wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesRule {
    /// The event's UID (every occurrence's `uid` starts with it and a `/`).
    pub uid: String,
    /// How it repeats, in words: "weekly on Tuesday".
    pub repeats: String,
    /// When it happens, in the calendar's own words (see `MeetingSeries::rule`).
    pub rule: String,
    /// The end of the period the series was read over: the file says what happens until then.
    pub read_until: DateTime<Utc>,
    /// Whether the reader took only the first occurrences of the period (too many).
    pub cut_short: bool,
}

/// When something in the calendar feed happens.
#[derive(Debug, Clone, PartialEq)]
pub enum FeedWhen {
    /// A whole day (a promise's due date, a check-in); `yearly` repeats it (a birthday).
    Day { date: NaiveDate, yearly: bool },
    /// A meeting, written in its own zone when it has one.
    Timed { starts_at: DateTime<Utc>, ends_at: DateTime<Utc>, timezone: Option<String> },
    /// A repeating meeting: the calendar's own rule as a series keeps it (see
    /// `MeetingSeries::rule`), less the occurrences deleted since, named by their
    /// `<UID>/<start>` as the reader names occurrences.
    Series { rule: String, deleted: Vec<String> },
}

/// One event of an exported calendar.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedEvent {
    /// Stable across exports, so a subscribed calendar updates events instead of adding them.
    pub uid: String,
    pub title: String,
    pub when: FeedWhen,
    pub description: Option<String>,
    pub location: Option<String>,
    /// (name, email) of people attending, when known.
    pub attendees: Vec<(String, Option<String>)>,
    /// Who sent the invitation, when Rapport knows: (name, email).
    pub organizer: Option<(String, String)>,
    /// Calendars show these as tags: the client's name, and what kind of event it is.
    pub categories: Vec<String>,
}

/// A seeded generator for the readers' never-panic tests, so a failure can be replayed.
#[cfg(test)]
pub(crate) struct TestRng(rand_chacha::ChaCha8Rng);

#[cfg(test)]
impl TestRng {
    pub(crate) fn new(seed: u64) -> Self {
        use rand::SeedableRng;
        TestRng(rand_chacha::ChaCha8Rng::seed_from_u64(seed))
    }

    /// A number in 0..bound (0 when bound is 0).
    pub(crate) fn below(&mut self, bound: usize) -> usize {
        use rand::Rng;
        self.0.random_range(0..bound.max(1))
    }
}
