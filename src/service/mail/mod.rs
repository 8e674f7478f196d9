//! The user's mail becomes touches in each account's history (issue 19): one `.eml`, `.emlx` or
//! Outlook `.msg`, an mbox, a Maildir or a folder of message files, read where it lies.
//!
//! An import reads the source a message at a time, outside any transaction: the engine decides
//! which messages become touches ([`crate::engine::mail`]), and only those are held, never a
//! message without a client's person. Then one write transaction, behind a backup when there
//! is anything to add, adds the touches not already there (by Message-ID, per account) and
//! records how far the source was read (`mail_sources`), so that importing it again reads only
//! what is new and an unchanged source is not read at all. A dry run rehearses the same
//! transaction and rolls it back.

mod current;
mod infer;
mod invite;
mod reading;
mod said;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use super::progress::{Progress, Unit};
use super::{Rapport, new_id, stored_precision};
use crate::domain::{
    Channel, Id, Interaction, InteractionSource, MailKind, MailSourceState, Noticed, NoticedState,
};
use crate::engine::mail::{Kept, People, Skip, Threads, consider};
use crate::error::{Error, Result};
use crate::interop::mail::{self, MailSource};
use crate::store::{self, BackupReason};

/// How many problem sentences a report lists; the rest are counted.
pub const MAIL_PROBLEMS_LISTED: usize = 5;

/// What an import of mail did, or would do (a dry run).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct MailReport {
    /// The file or folder, as given.
    pub path: String,
    pub kind: MailKind,
    /// True for a preview: nothing was written.
    pub dry_run: bool,
    /// Nothing changed in the source since it was last read, so nothing was read.
    pub unchanged: bool,
    /// The mbox was read from where the last reading ended, or the Maildir or folder without
    /// the message files read before.
    pub resumed: bool,
    /// The client's people (or their addresses) changed since the source was last read, so it
    /// was read again from its start: a message left out then may be kept now.
    pub people_changed: bool,
    /// Rapport knows no address of any client's person yet, so no message can be kept.
    pub no_people: bool,
    /// Messages read (each message that could not be read included).
    pub read: u32,
    /// Messages with a client's person that are touches: added now or already in Rapport.
    pub kept: u32,
    /// Touches added (one per account on a message).
    pub added: u32,
    /// Touches already in Rapport, from an earlier reading (or deleted there: not brought back).
    pub already: u32,
    pub skipped: MailSkipped,
    /// The first sentences saying what could not be read and why ([`MAIL_PROBLEMS_LISTED`]).
    pub problems: Vec<String>,
    /// Touches added per account, by the account's name.
    pub accounts: Vec<MailAccountTouches>,
    /// Suggestions added to "Rapport noticed" (requests, promises, new people), each once.
    pub noticed: u32,
    /// The copy taken before the import, when anything was added.
    pub backup: Option<String>,
    /// All of the above in sentences, as the app and the CLI say it.
    pub said: String,
}

/// Messages left out, by why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct MailSkipped {
    /// None of a client's people sent or received it: nothing of it was kept.
    pub no_client: u32,
    /// Automatic replies (out of office), newsletters, bounces.
    pub automatic: u32,
    /// No date that could be read.
    pub no_date: u32,
    /// Dated in the future.
    pub future: u32,
    /// Messages that could not be read.
    pub unreadable: u32,
    /// Folders that could not be opened (their messages were not read).
    pub folders: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct MailAccountTouches {
    pub account_id: Id,
    pub account: String,
    pub added: u32,
}

impl MailSkipped {
    fn count(&mut self, skip: Skip) {
        match skip {
            Skip::NoClient => self.no_client += 1,
            Skip::Automatic => self.automatic += 1,
            Skip::Undated => self.no_date += 1,
            Skip::Future => self.future += 1,
        }
    }
}

/// What a reading found, before anything is written.
struct Found {
    kept: Vec<Kept>,
    threads: Threads,
    /// Maildir or folder: the keys of the message files read.
    files: Vec<u64>,
    /// Mbox: where the last message read starts, and whether it was read.
    last: Option<(u64, bool)>,
    /// Whether anything could not be read (then the source is listed again next time).
    trouble: bool,
    /// The kept messages' words, for what they suggest; and their subjects, by message.
    words: Vec<crate::engine::capture::Mail>,
    subjects: std::collections::HashMap<String, String>,
    /// The invitations in kept messages.
    invitations: Vec<invite::Invitation>,
}

/// Whether `path` is mail Rapport reads: one message, an mbox, a Maildir or a folder.
pub fn is_mail(path: &Path) -> bool {
    mail::detect(path).is_some()
}

impl Rapport {
    /// Reads the mail at `path` (an `.eml`, `.emlx`, `.msg`, mbox, Maildir or folder of message
    /// files) and adds a touch for each message with a client's person, in each account whose
    /// people are on it; see the module's documentation.
    pub fn import_mail(&mut self, path: &Path, dry_run: bool, now: DateTime<Utc>) -> Result<MailReport> {
        self.read_mail(path, dry_run, true, now)
    }

    /// [`Rapport::import_mail`]; `backup` says whether a copy is taken first when anything is
    /// new (the user's import), or not (the mail kept current, read every minute: the daily
    /// backup covers it, and every touch can be archived).
    pub(super) fn read_mail(
        &mut self,
        path: &Path,
        dry_run: bool,
        backup: bool,
        now: DateTime<Utc>,
    ) -> Result<MailReport> {
        let mut report = self.read_mail_counted(path, dry_run, backup, now)?;
        report.said = said::said(&report);
        Ok(report)
    }

    fn read_mail_counted(
        &mut self,
        path: &Path,
        dry_run: bool,
        backup: bool,
        now: DateTime<Utc>,
    ) -> Result<MailReport> {
        let now = stored_precision(now);
        let source = mail::detect(path).ok_or_else(|| not_mail(path))?;
        let kind = reading::kind(&source);
        let key = reading::canonical(source.path()).display().to_string();
        let prior = self.store.mail_source(&key)?;
        let people = People::new(self.store.mail_people()?);
        let people_check = people.check();
        let stamp = reading::stamp(&source);
        let mut report = MailReport {
            path: path.display().to_string(),
            kind,
            dry_run,
            unchanged: false,
            resumed: false,
            people_changed: false,
            no_people: people.is_empty(),
            read: 0,
            kept: 0,
            added: 0,
            already: 0,
            skipped: MailSkipped::default(),
            problems: Vec::new(),
            accounts: Vec::new(),
            noticed: 0,
            backup: None,
            said: String::new(),
        };
        // Read before by the same people: only what is new is read.
        let same_people = prior.as_ref().filter(|p| p.people_check == Some(people_check));
        report.people_changed = prior.is_some() && same_people.is_none();
        if stamp.is_some() && same_people.and_then(|p| p.stamp.as_ref()) == stamp.as_ref() {
            report.unchanged = true;
            return Ok(report);
        }
        let resume = match kind {
            MailKind::Mbox => reading::resume_point(source.path(), same_people),
            _ => None,
        };
        let read_before = match (kind, same_people) {
            (MailKind::Maildir | MailKind::Folder, Some(_)) => self.store.mail_files_read(&key)?,
            _ => HashSet::new(),
        };
        report.resumed = resume.is_some()
            || (matches!(kind, MailKind::Maildir | MailKind::Folder) && same_people.is_some());

        let progress = self.progress();
        let name = source
            .path()
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        match kind {
            MailKind::Mbox => progress.step(
                format!("Reading {name}"),
                Unit::Bytes,
                std::fs::metadata(source.path()).ok().map(|m| m.len()),
            ),
            _ => progress.step(format!("Reading {name}"), Unit::Messages, None),
        }
        let found = read(&source, resume, read_before, &people, now, &mut report, &progress)?;
        if kind == MailKind::Folder && report.read == 0 && report.skipped.folders == 0 && !report.resumed {
            return Err(Error::validation(
                "file",
                format!(
                    "{} is a folder with no mail in it. Choose the file inside it to import (a Rapport archive, a CSV, vCard, iCalendar or mbox file), or the folder that holds your mail: .eml, .emlx or Outlook .msg files, or a Maildir (with cur and new inside).",
                    path.display()
                ),
            ));
        }
        let mut threads = found.threads;
        let mut wanted: Vec<&str> =
            found.kept.iter().flat_map(|k| k.ancestors.iter().map(String::as_str)).collect();
        wanted.sort_unstable();
        wanted.dedup();
        threads.remember(store::mail::stored(self.store.conn(), &wanted)?);
        let touches: Vec<Interaction> = found
            .kept
            .iter()
            .flat_map(|kept| {
                kept.accounts.iter().map(|touching| Interaction {
                    id: new_id(now),
                    account_id: touching.account_id.clone(),
                    occurred_at: kept.occurred_at,
                    channel: Channel::Email,
                    initiated_by: threads.initiator(kept, touching, &people),
                    contact_ids: touching.contact_ids.clone(),
                    summary: kept.summary.clone(),
                    sentiment: None,
                    strategic: false,
                    created_at: now,
                    source: InteractionSource::Mail,
                    message_id: Some(kept.message_id.clone()),
                    snippet: kept.snippet.clone(),
                    serves: None,
                    private: false,
                })
            })
            .collect();
        report.kept = found.kept.len() as u32;
        let names: BTreeMap<&str, &str> = found
            .kept
            .iter()
            .flat_map(|k| k.accounts.iter().map(|t| (t.account_id.as_str(), t.account.as_str())))
            .collect();

        let resume_at = found
            .last
            .or_else(|| resume.map(|(offset, _)| (offset, same_people.is_some_and(|p| p.resume_whole))));
        let state = MailSourceState {
            path: key,
            kind,
            stamp: if found.trouble { None } else { stamp },
            resume_offset: resume_at.map(|(offset, _)| offset),
            resume_check: resume_at.and_then(|(offset, _)| reading::check_at(source.path(), offset)),
            resume_whole: resume_at.is_some_and(|(_, whole)| whole),
            people_check: Some(people_check),
        };
        let anything_new = touches
            .iter()
            .map(|t| {
                store::mail::has_touch(
                    self.store.conn(),
                    &t.account_id,
                    t.message_id.as_deref().unwrap_or(""),
                )
            })
            .any(|there| !matches!(there, Ok(true)));
        progress.go_on()?;
        progress.writing();
        if backup && !dry_run && anything_new && self.store.account_count()? > 0 {
            report.backup = Some(self.back_up_for(BackupReason::BeforeImport, now)?.path);
        }
        let files = found.files;
        let accounts = store::accounts::all_where(self.store.conn(), "archived_at IS NULL", None)?;
        let known = infer::known(&self.store.mail_people()?, &accounts);
        let replied = infer::replies(&found.words, &known);
        let suggested: Vec<Noticed> = infer::proposals(found.words, &known)
            .into_iter()
            .map(|p| infer::noticed(p, &found.subjects, now))
            .collect();
        let invited: Vec<Noticed> =
            found.invitations.iter().flat_map(|invitation| invite::proposals(invitation, now)).collect();
        let plan = |tx: &rusqlite::Transaction<'_>| -> Result<(u32, BTreeMap<Id, u32>, u32)> {
            let live: HashSet<(Id, Id)> =
                store::mail::people(tx)?.into_iter().map(|p| (p.account_id, p.contact_id)).collect();
            let mut planned: HashSet<(&str, &str)> = HashSet::new();
            let (mut already, mut added) = (0, BTreeMap::new());
            for touch in &touches {
                let message_id = touch.message_id.as_deref().unwrap_or_default();
                if !planned.insert((&touch.account_id, message_id))
                    || store::mail::has_touch(tx, &touch.account_id, message_id)?
                {
                    already += 1;
                    continue;
                }
                // Someone archived since the reading began is left out of the touch.
                let contact_ids: Vec<Id> = touch
                    .contact_ids
                    .iter()
                    .filter(|c| live.contains(&(touch.account_id.clone(), (*c).clone())))
                    .cloned()
                    .collect();
                if contact_ids.is_empty() {
                    continue;
                }
                store::interactions::save(tx, &Interaction { contact_ids, ..touch.clone() })?;
                *added.entry(touch.account_id.clone()).or_insert(0) += 1;
            }
            store::mail::save_source(tx, &state, &files, now)?;
            let mut noticed = 0;
            for suggestion in &suggested {
                noticed += u32::from(store::noticed::propose(tx, suggestion)?);
            }
            for meeting in &invited {
                if let Some(uid) = meeting.invitation_uid() {
                    noticed += u32::from(store::noticed::propose_invitation(tx, meeting, &uid)?);
                }
            }
            // A reply read now to a request read before: its clocks, on the suggestion and on
            // the request accepted from it.
            for reply in &replied {
                for (id, state, record, asked_at) in store::noticed::requests_asked_in(tx, &reply.answers_to)?
                {
                    if reply.at < asked_at {
                        continue;
                    }
                    let answered = reply.gives.then_some(reply.at);
                    match (state, record) {
                        (NoticedState::Accepted, Some(request)) => {
                            store::requests::replied(tx, &request, Some(reply.at), answered, now)?
                        }
                        _ => store::noticed::replied(tx, &id, Some(reply.at), answered)?,
                    }
                }
            }
            Ok((already, added, noticed))
        };
        let (already, added, noticed) =
            if dry_run { self.store.rehearse(plan)? } else { self.store.write(plan)? };
        report.noticed = noticed;
        report.already = already;
        report.added = added.values().sum();
        report.accounts = added
            .into_iter()
            .map(|(account_id, added)| MailAccountTouches {
                account: names.get(account_id.as_str()).map_or_else(String::new, |n| n.to_string()),
                account_id,
                added,
            })
            .collect();
        report.accounts.sort_by(|a, b| (&a.account, &a.account_id).cmp(&(&b.account, &b.account_id)));
        Ok(report)
    }
}

/// Reads the source's messages still to read, keeping only those that become touches.
fn read(
    source: &MailSource,
    resume: Option<(u64, bool)>,
    read_before: HashSet<u64>,
    people: &People,
    now: DateTime<Utc>,
    report: &mut MailReport,
    progress: &Progress,
) -> Result<Found> {
    let mut found = Found {
        kept: Vec::new(),
        threads: Threads::new(),
        files: Vec::new(),
        last: None,
        trouble: false,
        words: Vec::new(),
        subjects: std::collections::HashMap::new(),
        invitations: Vec::new(),
    };
    for item in reading::messages(source, resume, read_before) {
        // Only read so far: stopping here loses nothing.
        progress.go_on()?;
        match item {
            Err(problem) => {
                match problem.place.offset {
                    // A message of an mbox: reading it again would find the same.
                    Some(offset) => found.last = Some((offset, false)),
                    // A file or a folder that could not be opened: worth trying again.
                    None => found.trouble = true,
                }
                if problem.place.path.is_dir() {
                    report.skipped.folders += 1;
                } else {
                    report.read += 1;
                    report.skipped.unreadable += 1;
                }
                if report.problems.len() < MAIL_PROBLEMS_LISTED {
                    report.problems.push(problem.reason);
                }
            }
            Ok(message) => {
                report.read += 1;
                match message.place.offset {
                    Some(offset) => progress.reached(offset),
                    None => progress.add(1),
                }
                if let Some(offset) = message.place.offset {
                    found.last = Some((offset, true));
                }
                if let Some(key) = reading::file_key(source, &message.place.path) {
                    found.files.push(key);
                }
                found.threads.note(&message.value, people);
                match consider(&message.value, people, now) {
                    Ok(kept) => {
                        if let Some(calendar) = &message.value.calendar {
                            found
                                .invitations
                                .push(invite::Invitation { kept: kept.clone(), calendar: calendar.clone() });
                        }
                        found.words.push(infer::mail_of(&message.value, &kept));
                        found.subjects.insert(kept.message_id.clone(), kept.summary.clone());
                        found.kept.push(kept);
                    }
                    Err(skip) => report.skipped.count(skip),
                }
            }
        }
    }
    progress.complete();
    Ok(found)
}

fn not_mail(path: &Path) -> Error {
    Error::validation(
        "file",
        format!(
            "{} is not mail Rapport can read, or cannot be opened. Rapport reads .eml, .emlx and Outlook .msg files, mbox files, Maildir folders and folders of message files; check the path and that you may read it.",
            path.display()
        ),
    )
}
