//! Duplicates, as user actions: merge two people or two accounts found to be one — every record
//! moved, addresses united, the merged one archived and remembered as merged — undo a merge,
//! see the likely pairs, and say of a pair that it is not the same. Each write is one
//! transaction behind a backup; what is checked before the backup is checked again inside.

use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use super::{Rapport, new_id, stored_precision};
use crate::domain::{Account, Contact, MergeKind, validate};
use crate::engine::duplicates::{self, LikelyPair};
use crate::error::{Error, Result};
use crate::store::{BackupReason, accounts, contacts, merges};

pub use crate::store::merges::Moved;

/// What a merge did, for the window and the CLI.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct MergeReport {
    /// What `undo_merge` takes.
    pub merge_id: String,
    pub kind: MergeKind,
    pub kept_id: String,
    pub kept_name: String,
    pub merged_id: String,
    pub merged_name: String,
    pub moved: Moved,
    /// The kept record's fields that were empty and are now filled from the merged one.
    pub filled: Vec<String>,
    /// The merged person's addresses that are now the kept one's too.
    pub addresses_added: Vec<String>,
    /// Addresses and phone numbers that did not fit (a person keeps the main one and at most
    /// 20 others).
    pub left_out: Vec<String>,
    /// The copy taken before the merge.
    pub backup: String,
    pub said: String,
}

/// What undoing a merge put back.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct MergeUndone {
    pub merge_id: String,
    pub kind: MergeKind,
    pub kept_id: String,
    pub kept_name: String,
    /// The merged record, live again.
    pub restored_id: String,
    pub restored_name: String,
    pub backup: String,
    pub said: String,
}

fn noun(kind: MergeKind) -> &'static str {
    match kind {
        MergeKind::Person => "person",
        MergeKind::Account => "account",
    }
}

/// The live record `id` of `kind` and its name, or the sentence saying why it cannot be merged.
fn live_name(conn: &rusqlite::Connection, kind: MergeKind, id: &str, field: &'static str) -> Result<String> {
    let list = match kind {
        MergeKind::Person => "`rapport contact list ACCOUNT`",
        MergeKind::Account => "`rapport account list`",
    };
    match merges::state_of(conn, kind, id)? {
        None => Err(Error::not_found(format!(
            "There is no {} with the id \"{id}\" in this database. Run {list} to see their ids.",
            noun(kind)
        ))),
        Some((name, Some(_))) => Err(Error::validation(
            field,
            format!(
                "{name} is archived, so it cannot be merged. Restore it first (`rapport archive restore {} {id}`), or choose a live {}.",
                if kind == MergeKind::Person { "contact" } else { "account" },
                noun(kind)
            ),
        )),
        Some((name, None)) => Ok(name),
    }
}

fn not_itself(kind: MergeKind, keep: &str, merge: &str) -> Result<()> {
    if keep.trim() == merge.trim() {
        return Err(Error::validation(
            "merge",
            format!("A {} cannot be merged with itself. Choose two different ones.", noun(kind)),
        ));
    }
    Ok(())
}

/// The two people, checked: both live, at one live account.
fn people(conn: &rusqlite::Connection, keep: &str, merge: &str) -> Result<(Contact, Contact)> {
    not_itself(MergeKind::Person, keep, merge)?;
    let kept_name = live_name(conn, MergeKind::Person, keep, "keep")?;
    let merged_name = live_name(conn, MergeKind::Person, merge, "merge")?;
    let kept = contacts::get_live(conn, keep)?;
    let merged = contacts::get_live(conn, merge)?;
    if kept.account_id != merged.account_id {
        return Err(Error::validation(
            "merge",
            format!(
                "{merged_name} and {kept_name} are at two accounts. Merge the accounts first, or keep both people as they are."
            ),
        ));
    }
    accounts::get(conn, &kept.account_id)?.ok_or_else(|| {
        Error::validation(
            "merge",
            format!("{kept_name}'s account is archived. Restore the account first, then merge its people."),
        )
    })?;
    Ok((kept, merged))
}

/// The two accounts, checked: both live.
fn two_accounts(conn: &rusqlite::Connection, keep: &str, merge: &str) -> Result<(Account, Account)> {
    not_itself(MergeKind::Account, keep, merge)?;
    live_name(conn, MergeKind::Account, keep, "keep")?;
    live_name(conn, MergeKind::Account, merge, "merge")?;
    Ok((accounts::require(conn, keep)?, accounts::require(conn, merge)?))
}

/// Both notes joined are within the limit of one text, or the merge is refused: notes are
/// never cut.
fn notes_fit(notes: &str) -> Result<()> {
    validate::long_text("notes", "Their notes together", notes).map_err(|_| {
        Error::validation(
            "notes",
            format!(
                "Their notes together are {} characters long; the limit is {}. Shorten one of them, then merge again.",
                notes.chars().count(),
                validate::TEXT_MAX
            ),
        )
    })?;
    Ok(())
}

/// "3 touches, 2 promises and 1 meeting", or "nothing else" when nothing was moved.
fn counted(moved: &Moved) -> String {
    let parts: Vec<String> = [
        (moved.people, "person", "people"),
        (moved.touches, "touch", "touches"),
        (moved.meetings, "meeting", "meetings"),
        (moved.series, "repeating meeting", "repeating meetings"),
        (moved.goals, "goal", "goals"),
        (moved.promises, "promise", "promises"),
        (moved.requests, "request", "requests"),
        (moved.issues, "issue", "issues"),
        (moved.culture_notes, "culture note", "culture notes"),
        (moved.noticed, "suggestion", "suggestions"),
        (moved.reports, "person reporting to them", "people reporting to them"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
    .collect();
    match parts.as_slice() {
        [] => "nothing else".into(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn said(r: &MergeReport) -> String {
    let mut text = format!("{} is now part of {}: {} moved.", r.merged_name, r.kept_name, counted(&r.moved));
    if !r.addresses_added.is_empty() {
        text.push_str(&format!(" {}'s addresses now include {}.", r.kept_name, r.addresses_added.join(", ")));
    }
    if !r.left_out.is_empty() {
        text.push_str(&format!(
            " {} did not fit (a person keeps at most 20 other addresses and numbers): {}.",
            if r.left_out.len() == 1 { "One address" } else { "Some addresses" },
            r.left_out.join(", ")
        ));
    }
    text.push_str(&format!(" {} is archived and remembered as merged.", r.merged_name));
    text
}

impl Rapport {
    /// Merges the person `merge_id` into `keep_id`, two people of one account: every record
    /// naming the merged person names the kept one, the kept one's empty fields are filled and
    /// their addresses united, the notes joined, and the merged person archived.
    pub fn merge_people(&mut self, keep_id: &str, merge_id: &str, now: DateTime<Utc>) -> Result<MergeReport> {
        // Checked before the backup is taken, so that a refusal leaves nothing behind.
        let (kept, merged) = people(self.store.conn(), keep_id, merge_id)?;
        notes_fit(&duplicates::unite_people(&kept, &merged, now).person.notes)?;
        self.merge(MergeKind::Person, keep_id, merge_id, now)
    }

    /// Merges the account `merge_id` into `keep_id`: every person and record moves, a message
    /// read into both is one touch with the people of both, the kept account's empty fields are
    /// filled, and the merged account archived.
    pub fn merge_accounts(
        &mut self,
        keep_id: &str,
        merge_id: &str,
        now: DateTime<Utc>,
    ) -> Result<MergeReport> {
        let (kept, merged) = two_accounts(self.store.conn(), keep_id, merge_id)?;
        notes_fit(&duplicates::unite_accounts(&kept, &merged, now).account.notes)?;
        self.merge(MergeKind::Account, keep_id, merge_id, now)
    }

    fn merge(&mut self, kind: MergeKind, keep: &str, merge: &str, now: DateTime<Utc>) -> Result<MergeReport> {
        let now = stored_precision(now);
        let today = self.chore_time(now).date_naive();
        let backup = self.back_up_for(BackupReason::BeforeMerge, now)?.path;
        let merge_id = new_id(now);
        let report = self.store.write(|tx| {
            let mut j = merges::Journal::default();
            j.kept_before(tx, kind, keep)?;
            let (kept_id, kept_name, merged_name, moved, filled, added, left_out) = match kind {
                MergeKind::Person => {
                    let (kept, merged) = people(tx, keep, merge)?;
                    let moved = merges::move_person(tx, &mut j, &kept.account_id, &kept.id, &merged.id)?;
                    let united = duplicates::unite_people(&kept, &merged, now);
                    notes_fit(&united.person.notes)?;
                    let mut filled: Vec<String> = united.filled.iter().map(|f| f.to_string()).collect();
                    if !merges::save_person(tx, &united.person)? {
                        filled.retain(|f| f != "reports_to");
                    }
                    merges::settle(
                        tx,
                        kind,
                        &merged.id,
                        Some(now),
                        &[&kept.id, &merged.id],
                        &[&kept.account_id],
                        today,
                    )?;
                    (kept.id, kept.name, merged.name, moved, filled, united.addresses_added, united.left_out)
                }
                MergeKind::Account => {
                    let (kept, merged) = two_accounts(tx, keep, merge)?;
                    let moved = merges::move_account(tx, &mut j, &kept.id, &merged.id)?;
                    let united = duplicates::unite_accounts(&kept, &merged, now);
                    notes_fit(&united.account.notes)?;
                    merges::save_account(tx, &united.account)?;
                    let people = merges::people_of(tx, &kept.id)?;
                    let people: Vec<&str> = people.iter().map(String::as_str).collect();
                    merges::settle(tx, kind, &merged.id, Some(now), &people, &[&kept.id, &merged.id], today)?;
                    let filled = united.filled.iter().map(|f| f.to_string()).collect();
                    (kept.id, kept.name, merged.name, moved, filled, Vec::new(), Vec::new())
                }
            };
            j.kept_after(tx, kind, &kept_id)?;
            merges::save(tx, &merge_id, kind, &kept_id, merge, &j, now)?;
            let mut report = MergeReport {
                merge_id: merge_id.clone(),
                kind,
                kept_id,
                kept_name,
                merged_id: merge.to_string(),
                merged_name,
                moved,
                filled,
                addresses_added: added,
                left_out,
                backup: backup.clone(),
                said: String::new(),
            };
            report.said = said(&report);
            Ok(report)
        })?;
        // Two accounts, or two people's check-ins, changed: Today is judged afresh.
        *self.today_cache.borrow_mut() = None;
        Ok(report)
    }

    /// Undoes a merge: every row it moved goes back, the rows it kept once come back, the kept
    /// record's fields are as they were, and the merged record is live again. Refused whole
    /// while the kept record is archived, or a later merge of the same account is in force.
    pub fn undo_merge(&mut self, merge_id: &str, now: DateTime<Utc>) -> Result<MergeUndone> {
        let now = stored_precision(now);
        let today = self.chore_time(now).date_naive();
        check_undo(self.store.conn(), merge_id)?;
        let backup = self.back_up_for(BackupReason::BeforeMerge, now)?.path;
        let undone = self.store.write(|tx| {
            let (merge, kept_name, accounts) = check_undo(tx, merge_id)?;
            merges::undo(tx, &merge, now)?;
            let accounts: Vec<&str> = accounts.iter().map(String::as_str).collect();
            let mut people = vec![merge.kept_id.clone(), merge.merged_id.clone()];
            if merge.kind == MergeKind::Account {
                people =
                    accounts.iter().map(|a| merges::people_of(tx, a)).collect::<Result<Vec<_>>>()?.concat();
            }
            let people: Vec<&str> = people.iter().map(String::as_str).collect();
            merges::settle(tx, merge.kind, &merge.merged_id, None, &people, &accounts, today)?;
            let restored_name =
                merges::state_of(tx, merge.kind, &merge.merged_id)?.map(|(n, _)| n).unwrap_or_default();
            let said = format!(
                "{restored_name} is back on their own, with everything the merge moved to {kept_name}."
            );
            Ok(MergeUndone {
                merge_id: merge.id,
                kind: merge.kind,
                kept_id: merge.kept_id,
                kept_name,
                restored_id: merge.merged_id,
                restored_name,
                backup: backup.clone(),
                said,
            })
        })?;
        *self.today_cache.borrow_mut() = None;
        Ok(undone)
    }

    /// People and accounts that look like one, people first: the same address, the same name
    /// at one account, the same company name but for its legal form, people writing from the
    /// same company domain. Archived records and pairs said not to be the same never come.
    pub fn likely_duplicates(&self) -> Result<Vec<LikelyPair>> {
        let conn = self.store.conn();
        let (accounts, people) = merges::live(conn)?;
        Ok(duplicates::likely_pairs(&accounts, &people, &merges::not_same_pairs(conn)?))
    }

    /// Finds a live person by id, exact name (any case) or the start of a name, at `account`
    /// or, without one, at any live account; a name several people share is refused with
    /// their accounts, to choose among.
    pub fn find_person(&self, query: &str, account: Option<&str>) -> Result<Contact> {
        if let Some(account) = account {
            let account = self.store.find_account(account)?;
            return self.store.find_contact(&account.id, query);
        }
        let query = query.trim();
        let (accounts, people) = merges::live(self.store.conn())?;
        if let Some(c) = people.iter().find(|c| c.id == query) {
            return Ok(c.clone());
        }
        let lower = query.to_lowercase();
        let mut found: Vec<&Contact> = people.iter().filter(|c| c.name.to_lowercase() == lower).collect();
        if found.is_empty() {
            found = people.iter().filter(|c| c.name.to_lowercase().starts_with(&lower)).collect();
        }
        let account_name = |c: &Contact| {
            accounts.iter().find(|a| a.id == c.account_id).map(|a| a.name.clone()).unwrap_or_default()
        };
        match found.as_slice() {
            [only] => Ok((*only).clone()),
            [] => Err(Error::not_found(format!(
                "Nobody called \"{query}\" works at any account. Run `rapport contact list ACCOUNT` to see an account's people."
            ))),
            several => Err(Error::validation(
                "contact",
                format!(
                    "\"{query}\" matches several people ({}). Type more of the name, or name the account with --account.",
                    several
                        .iter()
                        .map(|c| format!("{} at {}", c.name, account_name(c)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    }

    /// Says that two people, or two accounts, are not the same: they are not proposed again.
    pub fn not_duplicates(&mut self, a: &str, b: &str, now: DateTime<Utc>) -> Result<()> {
        let now = stored_precision(now);
        self.store.write(|tx| {
            let kind = if merges::state_of(tx, MergeKind::Person, a)?.is_some() {
                MergeKind::Person
            } else {
                MergeKind::Account
            };
            not_itself(kind, a, b)?;
            for id in [a, b] {
                if merges::state_of(tx, kind, id)?.is_none() {
                    return Err(Error::not_found(format!(
                        "There is no {} with the id \"{id}\" in this database. Run `rapport duplicates` to see the pairs and their ids.",
                        noun(kind)
                    )));
                }
            }
            merges::not_same(tx, kind, a, b, now)
        })
    }
}

/// The merge `merge_id` if it can be undone now, with the kept record's name and the accounts
/// it touched; else the sentence saying why not.
fn check_undo(conn: &rusqlite::Connection, merge_id: &str) -> Result<(merges::Merge, String, Vec<String>)> {
    let merge = merges::get(conn, merge_id)?;
    if merge.undone_at.is_some() {
        return Err(Error::conflict("That merge was already undone. Nothing was changed."));
    }
    let (kept_name, archived) = merges::state_of(conn, merge.kind, &merge.kept_id)?
        .ok_or_else(|| Error::not_found("The record that merge kept is no longer in this database."))?;
    if archived.is_some() {
        return Err(Error::conflict(format!(
            "{kept_name} has been archived (or merged into another) since, so this merge cannot be undone. Restore {kept_name} or undo that later merge first; nothing was changed."
        )));
    }
    let accounts = match merge.kind {
        MergeKind::Person => merges::account_of(conn, &merge.kept_id)?.into_iter().collect(),
        MergeKind::Account => vec![merge.kept_id.clone(), merge.merged_id.clone()],
    };
    let names: Vec<&str> = accounts.iter().map(String::as_str).collect();
    if let Some(later) = merges::later_in_force(conn, &merge, &names)? {
        let name = |kind, id: &str| merges::state_of(conn, kind, id).ok().flatten().map(|(n, _)| n);
        return Err(Error::conflict(format!(
            "{} was merged into {} after this merge, in the same account. Undo that merge first (its id is {}); nothing was changed.",
            name(later.kind, &later.merged_id).unwrap_or_default(),
            name(later.kind, &later.kept_id).unwrap_or_default(),
            later.id
        )));
    }
    Ok((merge, kept_name, accounts))
}
