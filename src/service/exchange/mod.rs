//! Importing what other tools export: people and companies from CSV, people from vCard,
//! meetings from iCalendar. Each import is one user action, as the archive's is: every record
//! is matched and applied inside one transaction, so a preview (a rehearsal rolled back) says
//! exactly what will be created, merged or brought back from the archive, and the import itself
//! is the same pass, kept, behind a backup. Matching makes a second import of the same file
//! change nothing. CSV is read a row at a time; the report lists the first records and problems
//! and counts them all.

mod applied;
mod formats;
mod invitation;
mod met;
mod series;
mod source;

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::progress::Unit;
use super::{Rapport, stored_precision};
use crate::domain::{Id, validate};
use crate::error::{Error, Result};
use crate::interop::csv::{Column, CsvLayout};
use crate::interop::{LineProblem, text};
use crate::store::{BackupReason, RecordKind};
use applied::Applied;
use formats::{Incoming, Input, Records};
pub use formats::{format_of, other_tools_extensions};
pub(crate) use invitation::accept_invitation;
pub(crate) use met::{LOOK_BACK_DAYS, touch_if_met};
pub(crate) use source::read_at_most;

/// Larger files are not address books, calendars or CRM exports an account manager keeps (a
/// CRM's export of a million people is about 100 MB); refusing them early keeps a wrong choice
/// of file from filling memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// How many records and problems a report lists; more than this is read as a count.
pub const LISTED: usize = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum FileFormat {
    Archive,
    Csv,
    Vcard,
    Icalendar,
}

/// What a chosen file is, before anything is imported: for CSV, its columns and the mapping
/// Rapport suggests.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ImportSource {
    pub path: String,
    /// The file's name, to show.
    pub name: String,
    pub format: FileFormat,
    /// What the file is, in words ("vCard address book").
    pub label: String,
    pub encoding: String,
    pub csv: Option<CsvLayout>,
}

/// The user's choices for an import.
#[derive(Debug, Clone, Default, Deserialize, Type)]
pub struct ImportOptions {
    /// Where people or meetings go when the file does not say (no company, no known attendee).
    #[serde(default)]
    pub account_id: Option<Id>,
    /// CSV only: what each column holds; absent means Rapport's suggestion.
    #[serde(default)]
    pub mapping: Option<Vec<Column>>,
    /// Import the good records when some lines have problems (the user has seen them).
    #[serde(default)]
    pub skip_bad_rows: bool,
    /// CSV only: the file has no header row, its first row is data (Rapport also tells by
    /// itself when the first row holds an email address or a phone number).
    #[serde(default)]
    pub no_header: bool,
    /// The zone for accounts the import creates; absent means UTC.
    #[serde(default)]
    pub timezone: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Create,
    Merge,
    /// An archived record that the import brings back (and merges into).
    Restore,
    Unchanged,
}

/// One record the import creates or touches, placed by the line it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct PlannedRecord {
    pub line: u32,
    pub kind: RecordKind,
    pub outcome: Outcome,
    pub label: String,
    pub account: String,
    /// What a merge changes, in words ("adds email aiko@kiyomizu.jp").
    pub changes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ExchangeReport {
    pub format: FileFormat,
    pub encoding: String,
    /// The first records, in the file's order ([`LISTED`] at most; the counts below are of all).
    pub records: Vec<PlannedRecord>,
    /// The first lines that cannot be imported ([`LISTED`] at most).
    pub problems: Vec<LineProblem>,
    /// How many lines cannot be imported, listed or not.
    pub problem_count: u32,
    /// Properties in the file that Rapport does not keep (PHOTO, X-…), skipped.
    pub skipped: Vec<String>,
    /// Values left out of records that are imported all the same (an address that is not
    /// one, an offset for a time zone), and why, by line ([`LISTED`] at most).
    pub left_out: Vec<LineProblem>,
    /// How many values were left out, listed or not.
    pub left_out_count: u32,
    /// How many records the file holds (people, companies, meetings), imported or not.
    pub read: u32,
    /// Meetings read that had ended, with a client's people: each is now a touch in its history.
    pub touches: u32,
    pub created: u32,
    pub merged: u32,
    pub restored: u32,
    pub unchanged: u32,
    /// True for a preview: nothing was written.
    pub dry_run: bool,
    /// The copy taken before the import, when there was anything to copy.
    pub backup: Option<String>,
}

impl Rapport {
    /// What the file at `path` is, and for CSV its columns with a suggested mapping, its first
    /// rows and how many there are (counted a row at a time).
    pub fn inspect_import(&self, path: &Path) -> Result<ImportSource> {
        self.inspect_import_as(path, false)
    }

    /// [`Rapport::inspect_import`], for a CSV file the user says has no header row.
    pub fn inspect_import_as(&self, path: &Path, no_header: bool) -> Result<ImportSource> {
        let name =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        // An archive is known from its first bytes, and read whole only by its own import, whose
        // limit is far larger: Rapport imports every archive it exports.
        let (format, head_encoding) = source::format_at(path)?;
        let entry = formats::format(format);
        let inspected = match format {
            FileFormat::Csv if no_header => formats::inspect_csv(path, Some(false))?,
            _ => (entry.inspect)(path, head_encoding)?,
        };
        Ok(ImportSource {
            path: path.display().to_string(),
            name,
            format,
            label: entry.label.to_string(),
            encoding: inspected.encoding.to_string(),
            csv: inspected.csv,
        })
    }

    /// Imports the CSV, vCard or iCalendar file at `path`; see [`Rapport::import_bytes`]. A CSV
    /// file is read a row at a time.
    pub fn import_file(
        &mut self,
        path: &Path,
        options: &ImportOptions,
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<ExchangeReport> {
        let (format, _) = source::format_at(path)?;
        self.import_input(format, Input::File(path), options, dry_run, true, now)
    }

    /// Imports the calendar at `path` as it is kept current: the meetings with clients that
    /// can be placed, without a backup first (the daily one covers it, and every meeting can
    /// be archived), the others counted as problems.
    pub(crate) fn import_calendar_quietly(
        &mut self,
        path: &Path,
        now: DateTime<Utc>,
    ) -> Result<ExchangeReport> {
        let options = ImportOptions { skip_bad_rows: true, ..Default::default() };
        self.import_input(FileFormat::Icalendar, Input::File(path), &options, false, false, now)
    }

    /// Matches every record and then either rehearses the import (`dry_run`: the report is
    /// exactly what an import would do) or makes it, in one transaction after a backup. When
    /// lines have problems, nothing is written unless the user chose to import the rest.
    pub fn import_bytes(
        &mut self,
        path: &Path,
        bytes: &[u8],
        options: &ImportOptions,
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<ExchangeReport> {
        let head = text::decode(&bytes[..bytes.len().min(16 * 1024)]);
        let format = format_of(&path.to_string_lossy(), &head.text);
        self.import_input(format, Input::Bytes(path, bytes), options, dry_run, true, now)
    }

    #[allow(clippy::too_many_arguments)]
    fn import_input(
        &mut self,
        format: FileFormat,
        input: Input<'_>,
        options: &ImportOptions,
        dry_run: bool,
        backup: bool,
        now: DateTime<Utc>,
    ) -> Result<ExchangeReport> {
        let now = stored_precision(now);
        if let Some(account_id) = &options.account_id {
            self.store.account(account_id)?;
        }
        let timezone = match options.timezone.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(tz) => validate::timezone("timezone", tz)?,
            None => "UTC".to_string(),
        };
        let path = input.path();
        let Records { encoding, skipped, items } = (formats::format(format).read)(input, options, now)?;
        let progress = self.progress();
        let name =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        progress.step(format!("Reading {name}"), Unit::Records, None);
        let plan = |tx: &Transaction<'_>| -> Result<applied::Done> {
            let mut applied = Applied::new(tx, options.account_id.clone(), timezone.clone(), now)?;
            for item in items {
                // Everything so far is in the transaction: stopping rolls it back whole.
                progress.go_on()?;
                progress.add(1);
                match item? {
                    Ok(Incoming::Person(card)) => applied.person(&card)?,
                    Ok(Incoming::Company(company)) => applied.company(&company)?,
                    Ok(Incoming::Meeting(event)) => applied.meeting(&event)?,
                    Ok(Incoming::LeftOut(left_out)) => applied.left_out(left_out),
                    Err(problem) => applied.problem(problem),
                }
            }
            applied.problems.sort_by_key(|p| p.line);
            let good = applied.total();
            let done = applied.done()?;
            if !dry_run && done.problem_count > 0 && (!options.skip_bad_rows || good == 0) {
                return Err(bad_lines(path, done.problems, done.problem_count, good));
            }
            Ok(done)
        };
        let backup = if dry_run || !backup || self.store.account_count()? == 0 {
            None
        } else {
            Some(self.back_up_for(BackupReason::BeforeImport, now)?.path)
        };
        let done = if dry_run { self.store.rehearse(plan)? } else { self.store.write(plan)? };
        Ok(ExchangeReport {
            format,
            encoding: encoding.to_string(),
            created: done.counts[0],
            merged: done.counts[1],
            restored: done.counts[2],
            unchanged: done.counts[3],
            skipped,
            left_out: done.left_out,
            left_out_count: done.left_out_count,
            read: done.read,
            touches: done.touches,
            records: done.records,
            problems: done.problems,
            problem_count: done.problem_count,
            dry_run,
            backup,
        })
    }
}

fn bad_lines(path: &Path, problems: Vec<LineProblem>, count: u32, good: u32) -> Error {
    Error::BadLines { file: path.display().to_string(), problems, good, count }
}
