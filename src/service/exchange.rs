//! Importing what other tools export: people and companies from CSV, people from vCard,
//! meetings from iCalendar. Each import is one user action, as the archive's is: the whole file
//! is read and matched first, a preview (a rehearsal rolled back) says exactly what will be
//! created, merged or brought back from the archive, and the import itself is one transaction
//! behind a backup. Matching makes a second import of the same file change nothing.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Rapport, new_id, stored_precision};
use crate::domain::{
    Account, AccountDraft, Contact, ContactDraft, Id, Meeting, MeetingDraft, Tier, validate,
};
use crate::engine::merge;
use crate::error::{Error, Result};
use crate::interop::csv::{self as csv_file, Column, CompanyRow, CsvLayout, Rows};
use crate::interop::{CalendarEvent, LineProblem, PersonCard, Read, ical, text, vcard};
use crate::store::known::{self, Found, Known};
use crate::store::{BackupReason, RecordKind, accounts, contacts, meetings};

/// Larger files are not address books, calendars or CRM exports an account manager keeps (a
/// CRM's export of a million people is about 100 MB); refusing them early keeps a wrong choice
/// of file from filling memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

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
    pub records: Vec<PlannedRecord>,
    pub problems: Vec<LineProblem>,
    /// Properties in the file that Rapport does not keep (PHOTO, X-…), skipped.
    pub skipped: Vec<String>,
    pub created: u32,
    pub merged: u32,
    pub restored: u32,
    pub unchanged: u32,
    /// True for a preview: nothing was written.
    pub dry_run: bool,
    /// The copy taken before the import, when there was anything to copy.
    pub backup: Option<String>,
}

/// A file's records, read and given their meaning.
enum Parsed {
    People(Read<PersonCard>),
    Companies(Read<CompanyRow>),
    Meetings(Read<CalendarEvent>),
}

impl Parsed {
    fn problems(&self) -> &[LineProblem] {
        match self {
            Parsed::People(r) => &r.problems,
            Parsed::Companies(r) => &r.problems,
            Parsed::Meetings(r) => &r.problems,
        }
    }

    fn skipped(&self) -> &[String] {
        match self {
            Parsed::People(r) => &r.skipped,
            Parsed::Companies(r) => &r.skipped,
            Parsed::Meetings(r) => &r.skipped,
        }
    }
}

/// Repeating meetings are taken from three months back to a year ahead.
fn calendar_window(now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    (now - Duration::days(90), now + Duration::days(365))
}

/// The format, from the text itself first and the file's name second.
pub fn format_of(name: &str, text: &str) -> FileFormat {
    let head: String = text.trim_start_matches('\u{feff}').trim_start().chars().take(4096).collect();
    let upper = head.to_uppercase();
    if head.starts_with('{') {
        FileFormat::Archive
    } else if upper.contains("BEGIN:VCALENDAR") || upper.contains("BEGIN:VEVENT") {
        FileFormat::Icalendar
    } else if upper.contains("BEGIN:VCARD") {
        FileFormat::Vcard
    } else {
        let lower = name.to_lowercase();
        if lower.ends_with(".vcf") || lower.ends_with(".vcard") {
            FileFormat::Vcard
        } else if lower.ends_with(".ics") || lower.ends_with(".ical") {
            FileFormat::Icalendar
        } else if lower.ends_with(".json") {
            FileFormat::Archive
        } else {
            FileFormat::Csv
        }
    }
}

/// The file's bytes, refused in a sentence when it cannot be read or is far too large. The
/// limit holds for any source — a device such as /dev/zero or a pipe reports no size, so the
/// read itself stops one byte past the limit.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    read_at_most(path, MAX_FILE_BYTES, |size_mb| {
        format!(
            "{} is {size_mb}, larger than any address book, calendar or CRM export Rapport takes ({} MB at most). Choose the exported file itself.",
            path.display(),
            MAX_FILE_BYTES / (1024 * 1024)
        )
    })
}

fn folder_given(path: &Path) -> Error {
    Error::validation(
        "path",
        format!(
            "{} is a folder. Choose the file inside it to import (a Rapport archive, a CSV, vCard or iCalendar file).",
            path.display()
        ),
    )
}

/// The first few kilobytes of `path`, enough to tell its format.
fn read_head(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read as _;
    if path.is_dir() {
        return Err(folder_given(path));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::file(path, e))?;
    let mut head = Vec::with_capacity(16 * 1024);
    file.take(16 * 1024).read_to_end(&mut head).map_err(|e| Error::file(path, e))?;
    Ok(head)
}

/// Reads `path` whole, but never more than `limit` bytes; `too_large` words the refusal from
/// the size ("300 MB", or "more than 256 MB" when the source gave no size).
pub(crate) fn read_at_most(path: &Path, limit: u64, too_large: impl Fn(String) -> String) -> Result<Vec<u8>> {
    use std::io::Read as _;
    let refuse = |size: String| Error::validation("path", too_large(size));
    let file = std::fs::File::open(path).map_err(|e| Error::file(path, e))?;
    let meta = file.metadata().map_err(|e| Error::file(path, e))?;
    if meta.is_dir() {
        return Err(folder_given(path));
    }
    if meta.len() > limit {
        return Err(refuse(format!("{} MB", meta.len() / (1024 * 1024))));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| Error::file(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(refuse(format!("more than {} MB", limit / (1024 * 1024))));
    }
    Ok(bytes)
}

impl Rapport {
    /// What the file at `path` is, and for CSV its columns with a suggested mapping.
    pub fn inspect_import(&self, path: &Path) -> Result<ImportSource> {
        let name =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        // An archive is known from its first bytes, and read whole only by its own import, whose
        // limit is far larger: Rapport imports every archive it exports.
        let head = text::decode(&read_head(path)?);
        if format_of(&path.to_string_lossy(), &head.text) == FileFormat::Archive {
            return Ok(ImportSource {
                path: path.display().to_string(),
                name,
                format: FileFormat::Archive,
                encoding: head.encoding.to_string(),
                csv: None,
            });
        }
        let bytes = read_bytes(path)?;
        let decoded = text::decode(&bytes);
        let format = format_of(&path.to_string_lossy(), &decoded.text);
        let csv = match format {
            FileFormat::Csv => Some(
                csv_file::read_table(&decoded.text)
                    .map_err(|p| bad_lines(path, vec![p], 0))?
                    .layout(decoded.encoding),
            ),
            _ => None,
        };
        Ok(ImportSource {
            path: path.display().to_string(),
            name,
            format,
            encoding: decoded.encoding.to_string(),
            csv,
        })
    }

    /// Imports the CSV, vCard or iCalendar file at `path`; see [`Rapport::import_bytes`].
    pub fn import_file(
        &mut self,
        path: &Path,
        options: &ImportOptions,
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<ExchangeReport> {
        let bytes = read_bytes(path)?;
        self.import_bytes(path, &bytes, options, dry_run, now)
    }

    /// Reads the whole file, matches every record, and then either rehearses the import
    /// (`dry_run`: the report is exactly what an import would do) or makes it, in one
    /// transaction after a backup. When lines have problems, nothing is written unless the
    /// user chose to import the rest.
    pub fn import_bytes(
        &mut self,
        path: &Path,
        bytes: &[u8],
        options: &ImportOptions,
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<ExchangeReport> {
        let now = stored_precision(now);
        let decoded = text::decode(bytes);
        let format = format_of(&path.to_string_lossy(), &decoded.text);
        let parsed = match format {
            FileFormat::Archive => {
                return Err(Error::conflict(format!(
                    "{} is a Rapport archive, not a file from another tool. Import it with Import archive… under Your data in the app (`rapport import` on the command line reads it as an archive).",
                    path.display()
                )));
            }
            FileFormat::Csv => {
                let table = csv_file::read_table(&decoded.text).map_err(|p| bad_lines(path, vec![p], 0))?;
                let mapping = options.mapping.clone().unwrap_or_else(|| csv_file::suggest(&table.header));
                match csv_file::rows(&table, &mapping).map_err(|m| Error::validation("mapping", m))? {
                    Rows::People(read) => Parsed::People(read),
                    Rows::Companies(read) => Parsed::Companies(read),
                }
            }
            FileFormat::Vcard => Parsed::People(vcard::read(&decoded.text)),
            FileFormat::Icalendar => {
                let (from, to) = calendar_window(now);
                Parsed::Meetings(ical::read(&decoded.text, from, to))
            }
        };
        if let Some(account_id) = &options.account_id {
            self.store.account(account_id)?;
        }
        let timezone = match options.timezone.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(tz) => validate::timezone("timezone", tz)?,
            None => "UTC".to_string(),
        };
        let plan = |tx: &Transaction<'_>| -> Result<(Vec<PlannedRecord>, Vec<LineProblem>)> {
            let mut applied = Applied::new(tx, options.account_id.clone(), timezone.clone(), now)?;
            applied.problems.extend(parsed.problems().iter().cloned());
            match &parsed {
                Parsed::People(read) => read.records.iter().try_for_each(|card| applied.person(card))?,
                Parsed::Companies(read) => read.records.iter().try_for_each(|row| applied.company(row))?,
                Parsed::Meetings(read) => read.records.iter().try_for_each(|event| applied.meeting(event))?,
            }
            applied.problems.sort_by_key(|p| p.line);
            if !dry_run && !applied.problems.is_empty() && !options.skip_bad_rows {
                return Err(bad_lines(path, applied.problems, applied.records.len() as u32));
            }
            if applied.records.is_empty() && !applied.problems.is_empty() && !dry_run {
                return Err(bad_lines(path, applied.problems, 0));
            }
            Ok((applied.records, applied.problems))
        };
        let ((records, problems), backup) = if dry_run {
            (self.store.rehearse(plan)?, None)
        } else {
            let backup = if self.store.account_count()? > 0 {
                Some(self.back_up_for(BackupReason::BeforeImport, now)?.path)
            } else {
                None
            };
            (self.store.write(plan)?, backup)
        };
        let count = |o: Outcome| records.iter().filter(|r| r.outcome == o).count() as u32;
        Ok(ExchangeReport {
            format,
            encoding: decoded.encoding.to_string(),
            created: count(Outcome::Create),
            merged: count(Outcome::Merge),
            restored: count(Outcome::Restore),
            unchanged: count(Outcome::Unchanged),
            skipped: parsed.skipped().to_vec(),
            records,
            problems,
            dry_run,
            backup,
        })
    }
}

fn bad_lines(path: &Path, problems: Vec<LineProblem>, good: u32) -> Error {
    Error::BadLines { file: path.display().to_string(), problems, good }
}

/// The import as it goes: what is known, what was done, what could not be.
struct Applied<'t> {
    tx: &'t Transaction<'t>,
    known: Known,
    account_id: Option<Id>,
    timezone: String,
    now: DateTime<Utc>,
    /// Account names by id, for the preview.
    names: HashMap<Id, String>,
    records: Vec<PlannedRecord>,
    problems: Vec<LineProblem>,
}

impl<'t> Applied<'t> {
    fn new(
        tx: &'t Transaction<'t>,
        account_id: Option<Id>,
        timezone: String,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        Ok(Applied {
            known: Known::load(tx)?,
            tx,
            account_id,
            timezone,
            now,
            names: HashMap::new(),
            records: Vec::new(),
            problems: Vec::new(),
        })
    }

    fn account_name(&mut self, id: &str) -> Result<String> {
        if let Some(name) = self.names.get(id) {
            return Ok(name.clone());
        }
        let name = known::account_name(self.tx, id)?.unwrap_or_default();
        self.names.insert(id.to_string(), name.clone());
        Ok(name)
    }

    fn note(
        &mut self,
        line: u32,
        kind: RecordKind,
        outcome: Outcome,
        label: &str,
        account_id: &str,
        changes: Vec<String>,
    ) -> Result<()> {
        let account = self.account_name(account_id)?;
        self.records.push(PlannedRecord { line, kind, outcome, label: label.to_string(), account, changes });
        Ok(())
    }

    /// A problem with one record: the rest of the file goes on.
    fn refuse(&mut self, line: u32, err: Error) -> Result<()> {
        match err {
            Error::Validation { message, .. } | Error::NotFound { message } | Error::Conflict { message } => {
                self.problems.push(LineProblem { line, message });
                Ok(())
            }
            other => Err(other),
        }
    }

    /// Takes a matched record out of the archive first, when it is there.
    fn bring_back(&mut self, kind: RecordKind, found: &Found) -> Result<Outcome> {
        if found.archived {
            known::unarchive(self.tx, kind, &found.id)?;
            Ok(Outcome::Restore)
        } else {
            Ok(Outcome::Merge)
        }
    }

    /// The account called `name`: found (and brought back from the archive), or created.
    fn account_called(&mut self, line: u32, name: &str, timezone: Option<&str>) -> Result<Id> {
        if let Some(found) = self.known.account(name).cloned() {
            if found.archived {
                known::unarchive(self.tx, RecordKind::Account, &found.id)?;
                self.note(line, RecordKind::Account, Outcome::Restore, name, &found.id, Vec::new())?;
            }
            return Ok(found.id);
        }
        let timezone = timezone.map(str::to_string).unwrap_or_else(|| self.timezone.clone());
        let draft = AccountDraft { name: name.to_string(), timezone: Some(timezone), ..Default::default() };
        let account = draft.into_account(new_id(self.now), self.now)?;
        accounts::save(self.tx, &account)?;
        self.known.add_account(&account);
        self.names.insert(account.id.clone(), account.name.clone());
        self.note(line, RecordKind::Account, Outcome::Create, &account.name, &account.id, Vec::new())?;
        Ok(account.id)
    }

    fn person(&mut self, card: &PersonCard) -> Result<()> {
        let result = self.try_person(card);
        result.or_else(|e| self.refuse(card.line, e))
    }

    fn try_person(&mut self, card: &PersonCard) -> Result<()> {
        // Checked before anything is written for this card, so a bad one leaves no account behind.
        let draft = merge::new_person(card, String::new());
        draft.clone().into_contact(String::new(), self.now)?;
        let company = card.company.as_deref().map(str::trim).filter(|c| !c.is_empty());
        let by_email = self.known.person(&card.emails, None, &card.name).cloned();
        let account_id = match (&by_email, company, &self.account_id) {
            (Some(_), _, _) => None,
            (None, Some(company), _) => Some(self.account_called(card.line, company, None)?),
            (None, None, Some(chosen)) => Some(chosen.clone()),
            (None, None, None) => {
                return Err(Error::validation(
                    "account_id",
                    format!(
                        "{} has no company in the file, so Rapport cannot tell which account they belong to. Choose an account for such people (--account), or add their company to the file.",
                        card.name
                    ),
                ));
            }
        };
        let found = by_email.or_else(|| {
            account_id.as_deref().and_then(|a| self.known.person(&[], Some(a), &card.name).cloned())
        });
        match found {
            Some(found) => {
                let outcome = self.bring_back(RecordKind::Contact, &found)?;
                let old = known::person(self.tx, &found.id)?;
                // A person whose account was archived comes back with it.
                if accounts::get(self.tx, &old.account_id)?.is_none() {
                    known::unarchive(self.tx, RecordKind::Account, &old.account_id)?;
                }
                let (draft, changes) = merge::person(&old, card);
                let outcome = if changes.is_empty() && outcome == Outcome::Merge {
                    Outcome::Unchanged
                } else {
                    outcome
                };
                if outcome != Outcome::Unchanged {
                    let contact = Contact {
                        created_at: old.created_at,
                        ..draft.into_contact(old.id.clone(), self.now)?
                    };
                    contacts::save(self.tx, &contact)?;
                    self.known.add_person(&contact);
                }
                self.note(card.line, RecordKind::Contact, outcome, &old.name, &old.account_id, changes)
            }
            None => {
                let account_id = account_id.unwrap_or_default();
                let contact = ContactDraft { account_id: account_id.clone(), ..draft }
                    .into_contact(new_id(self.now), self.now)?;
                contacts::save(self.tx, &contact)?;
                self.known.add_person(&contact);
                self.note(
                    card.line,
                    RecordKind::Contact,
                    Outcome::Create,
                    &contact.name,
                    &account_id,
                    Vec::new(),
                )
            }
        }
    }

    fn company(&mut self, row: &CompanyRow) -> Result<()> {
        let result = self.try_company(row);
        result.or_else(|e| self.refuse(row.line, e))
    }

    fn try_company(&mut self, row: &CompanyRow) -> Result<()> {
        let tier = row
            .tier
            .as_deref()
            .map(|t| {
                Tier::ALL.iter().copied().find(|w| w.as_str() == t).ok_or_else(|| {
                    Error::validation("tier", format!("\"{t}\" is not a tier. Use {}.", Tier::choices()))
                })
            })
            .transpose()?;
        let timezone = row.timezone.as_deref().map(|tz| validate::timezone("timezone", tz)).transpose()?;
        let industry = validate::short_text("industry", "The industry", row.industry.as_deref())?;
        let renewal_date = validate::opt_date("renewal_date", row.renewal_date.as_deref())?;
        let notes = row.notes.clone().unwrap_or_default();
        let Some(found) = self.known.account(&row.name).cloned() else {
            let draft = AccountDraft {
                name: row.name.clone(),
                tier,
                industry,
                timezone: Some(timezone.unwrap_or_else(|| self.timezone.clone())),
                renewal_date: renewal_date.map(|d| d.to_string()),
                notes: Some(notes),
                ..Default::default()
            };
            let account = draft.into_account(new_id(self.now), self.now)?;
            accounts::save(self.tx, &account)?;
            self.known.add_account(&account);
            self.names.insert(account.id.clone(), account.name.clone());
            return self.note(
                row.line,
                RecordKind::Account,
                Outcome::Create,
                &account.name,
                &account.id,
                Vec::new(),
            );
        };
        let outcome = self.bring_back(RecordKind::Account, &found)?;
        let old = known::account(self.tx, &found.id)?;
        let mut account = Account { updated_at: self.now, ..old.clone() };
        let mut changes = Vec::new();
        if let Some(tier) = tier.filter(|t| *t != old.tier) {
            changes.push(format!("tier: {} → {}", old.tier, tier));
            account.tier = tier;
        }
        if let Some(industry) = industry.filter(|i| Some(i) != old.industry.as_ref()) {
            changes.push(format!("industry: {industry}"));
            account.industry = Some(industry);
        }
        if let Some(tz) = timezone.filter(|t| *t != old.timezone) {
            changes.push(format!("time zone: {} → {tz}", old.timezone));
            account.timezone = tz;
        }
        if let Some(date) = renewal_date.filter(|d| Some(*d) != old.renewal_date) {
            changes.push(format!("renewal date: {date}"));
            account.renewal_date = Some(date);
        }
        if let Some(notes) = merge::added_notes(&old.notes, &notes) {
            changes.push("adds notes".into());
            account.notes = validate::long_text("notes", "The notes", &notes)?;
        }
        let outcome =
            if changes.is_empty() && outcome == Outcome::Merge { Outcome::Unchanged } else { outcome };
        if outcome != Outcome::Unchanged {
            accounts::save(self.tx, &account)?;
        }
        self.note(row.line, RecordKind::Account, outcome, &old.name, &old.id, changes)
    }

    fn meeting(&mut self, event: &CalendarEvent) -> Result<()> {
        let result = self.try_meeting(event);
        result.or_else(|e| self.refuse(event.line, e))
    }

    fn try_meeting(&mut self, event: &CalendarEvent) -> Result<()> {
        // Rapport's own calendar holds check-ins beside meetings; they are not meetings.
        if event.uid.starts_with("checkin-") && event.uid.ends_with("@rapport") {
            return Ok(());
        }
        // The people invited, as Rapport knows them, and the account most of them work at.
        let mut people: Vec<Contact> = Vec::new();
        for email in &event.attendees {
            if let Some(found) = self.known.person(std::slice::from_ref(email), None, "").cloned()
                && !found.archived
                && let Ok(c) = known::person(self.tx, &found.id)
                && !people.iter().any(|p| p.id == c.id)
            {
                people.push(c);
            }
        }
        let existing = self.known.meeting(&event.uid).cloned();
        let old = match &existing {
            Some(found) => {
                let outcome = self.bring_back(RecordKind::Meeting, found)?;
                Some((outcome, known::meeting(self.tx, &found.id)?))
            }
            None => None,
        };
        let account_id = match (&old, merge::most_common_account(&people), &self.account_id) {
            (Some((_, m)), _, _) => m.account_id.clone(),
            (None, Some(a), _) => a,
            (None, None, Some(chosen)) => chosen.clone(),
            (None, None, None) => {
                return Err(Error::validation(
                    "account_id",
                    format!(
                        "Nobody invited to \"{}\" is one of your contacts, so Rapport cannot tell which client it is with. Choose an account for such meetings (--account), or add the people first.",
                        event.title
                    ),
                ));
            }
        };
        let mut attendee_ids: Vec<Id> =
            people.iter().filter(|p| p.account_id == account_id).map(|p| p.id.clone()).collect();
        let draft = MeetingDraft {
            account_id: account_id.clone(),
            starts_at: event.starts_at.to_rfc3339(),
            ends_at: Some(event.ends_at.to_rfc3339()),
            title: event.title.clone(),
            location: event.location.clone(),
            attendee_ids: Vec::new(),
            agenda: event.description.clone(),
        };
        match old {
            None => {
                let meeting = MeetingDraft { attendee_ids, ..draft }
                    .into_meeting(new_id(self.now), self.now)?
                    .from_calendar(Some(&event.uid), event.timezone.as_deref())?;
                meetings::save(self.tx, &meeting)?;
                self.known.add_meeting(&meeting);
                self.note(
                    event.line,
                    RecordKind::Meeting,
                    Outcome::Create,
                    &meeting.title,
                    &account_id,
                    Vec::new(),
                )
            }
            Some((outcome, old)) => {
                attendee_ids.extend(old.attendee_ids.iter().cloned());
                let agenda =
                    if old.agenda.is_empty() { draft.agenda.clone() } else { Some(old.agenda.clone()) };
                let meeting = Meeting {
                    created_at: old.created_at,
                    ..MeetingDraft { attendee_ids, agenda, ..draft }
                        .into_meeting(old.id.clone(), self.now)?
                        .from_calendar(
                        Some(&event.uid),
                        event.timezone.as_deref().or(old.timezone.as_deref()),
                    )?
                };
                let changes = merge::meeting_changes(&old, &meeting, &people);
                let outcome = if changes.is_empty() && outcome == Outcome::Merge {
                    Outcome::Unchanged
                } else {
                    outcome
                };
                if outcome != Outcome::Unchanged {
                    meetings::save(self.tx, &meeting)?;
                }
                self.note(event.line, RecordKind::Meeting, outcome, &old.title, &account_id, changes)
            }
        }
    }
}
