//! Whole-account reads and writes, for the portable archive: load everything about every live
//! account, or write a set of accounts in one transaction, replacing records with the same id.

use std::collections::HashMap;

use rusqlite::OptionalExtension;
use serde::Serialize;
use specta::Type;

use super::{
    Store, accounts, codec, contacts, culture, goals, interactions, issues, meetings, promises, requests,
};
use crate::domain::{Bundle, Problem, Window};
use crate::error::{Error, Result};

const ARCHIVABLE: [&str; 9] = [
    "accounts",
    "contacts",
    "culture_notes",
    "goals",
    "promises",
    "interactions",
    "requests",
    "issues",
    "meetings",
];

/// How many records an import created and how many it replaced.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct ImportCounts {
    pub created: u32,
    pub updated: u32,
}

/// An empty bundle per account, by account id, to be filled one table at a time.
fn empty_bundles(accounts: Vec<crate::domain::Account>) -> HashMap<String, Bundle> {
    accounts.into_iter().map(|account| (account.id.clone(), Bundle::empty(account))).collect()
}

impl Store {
    /// Everything live about one account.
    pub fn bundle(&self, account_id: &str) -> Result<Bundle> {
        Ok(Bundle {
            contacts: self.contacts(account_id)?,
            culture_notes: self.culture_notes(account_id)?,
            goals: self.goals(account_id)?,
            promises: self.promises(account_id)?,
            interactions: self.timeline(account_id, u32::MAX)?,
            requests: self.requests(account_id)?,
            issues: self.issues(account_id)?,
            meetings: self.meetings(account_id)?,
            meeting_series: meetings::all_series(self.conn(), Some(account_id))?,
            ..Bundle::empty(self.account(account_id)?)
        })
    }

    /// Everything about every live account: one scan per table, grouped in memory.
    pub fn bundles(&self) -> Result<Vec<Bundle>> {
        self.load_bundles(false)
    }

    /// What the health review and the brief read about every live account (or one): the
    /// people, goals and notes; the touches of the window, each account's last touch (and, for
    /// one account, its five newest); promises due, requests received, issues resolved and
    /// meetings held since the window's `since`, and whatever is still open. Never the whole
    /// history.
    pub fn recent_bundles(&self, window: Window, account_id: Option<&str>) -> Result<Vec<Bundle>> {
        let conn = self.conn();
        let since = codec::instant(&window.since);
        let detail_since = codec::instant(&window.detail_since);
        let text_since = window.text_since.map(|t| codec::instant(&t.max(window.detail_since)));
        // Instants are fixed-format, written by Rapport; the account's id is bound (`:account`).
        let of = |column: &str| codec::only_account(column, account_id);
        let live = format!("archived_at IS NULL{}", of("account_id"));
        let mut by_account = empty_bundles(accounts::all_where(
            conn,
            &format!("archived_at IS NULL{}", of("id")),
            account_id,
        )?);
        spread!(by_account, contacts::all_where(conn, &live, account_id)?, contacts);
        spread!(by_account, culture::all_where(conn, &live, account_id)?, culture_notes);
        spread!(by_account, goals::all_where(conn, &live, account_id)?, goals);
        // Each kind in two reads that each use an index — the window by date, then what is
        // older but still open — rather than one OR that would scan the table. The `+` keeps
        // SQLite on the small partial index of open records rather than the date index.
        spread!(
            by_account,
            promises::all_where(conn, &format!("{live} AND due_at >= '{since}'"), account_id)?,
            promises
        );
        spread!(
            by_account,
            promises::all_where(
                conn,
                &format!("{live} AND {} AND +due_at < '{since}'", super::open::PROMISE),
                account_id
            )?,
            promises
        );
        if let Some(touches_since) = window.touches_since {
            let touches_since = codec::instant(&touches_since);
            // Two index-friendly reads rather than one OR, which would scan the whole history:
            // the window, then what came before it that still counts (the last touch; for one
            // account, its five newest).
            spread!(
                by_account,
                interactions::all_where(
                    conn,
                    &format!("i.occurred_at >= '{touches_since}'{}", of("i.account_id")),
                    account_id,
                    &detail_since,
                    text_since.as_deref()
                )?,
                interactions
            );
            let before = match account_id {
                Some(_) => format!(
                    "i.id IN (SELECT id FROM interactions WHERE archived_at IS NULL{}
                     AND occurred_at < '{touches_since}' ORDER BY occurred_at DESC LIMIT 5)",
                    of("account_id")
                ),
                None => {
                    format!("i.id IN (SELECT last_id FROM account_touch WHERE last_at < '{touches_since}')")
                }
            };
            spread!(
                by_account,
                interactions::all_where(conn, &before, account_id, &detail_since, text_since.as_deref())?,
                interactions
            );
        }
        spread!(
            by_account,
            requests::all_where(conn, &format!("{live} AND received_at >= '{since}'"), account_id)?,
            requests
        );
        spread!(
            by_account,
            requests::all_where(
                conn,
                &format!(
                    "{live} AND answered_at IS NULL AND resolved_at IS NULL AND +received_at < '{since}'"
                ),
                account_id
            )?,
            requests
        );
        spread!(
            by_account,
            issues::all_where(conn, &format!("{live} AND resolved_at >= '{since}'"), account_id)?,
            issues
        );
        spread!(
            by_account,
            issues::all_where(
                conn,
                &format!(
                    "{live} AND (resolved_at IS NULL OR followed_up_at IS NULL) AND +resolved_at IS NULL"
                ),
                account_id
            )?,
            issues
        );
        spread!(
            by_account,
            meetings::all_where(conn, &format!("{live} AND ends_at >= '{since}'"), account_id)?,
            meetings
        );
        let mut bundles: Vec<Bundle> = by_account.into_values().collect();
        bundles.sort_by(|a, b| a.account.id.cmp(&b.account.id));
        Ok(bundles)
    }

    /// Everything, archived records and accounts included (each marked with when it was
    /// archived): what the portable archive holds.
    pub fn bundles_for_export(&self) -> Result<Vec<Bundle>> {
        let mut bundles = self.load_bundles(true)?;
        for record in self.archived()? {
            if let Some(b) = bundles.iter_mut().find(|b| b.account.id == record.account_id) {
                b.archived.insert(record.id, record.archived_at);
            }
        }
        Ok(bundles)
    }

    fn load_bundles(&self, with_archived: bool) -> Result<Vec<Bundle>> {
        let conn = self.conn();
        let which = if with_archived { "1" } else { "archived_at IS NULL" };
        let mut by_account = empty_bundles(accounts::all_where(conn, which, None)?);
        spread!(by_account, contacts::all_where(conn, which, None)?, contacts);
        spread!(by_account, culture::all_where(conn, which, None)?, culture_notes);
        spread!(by_account, goals::all_where(conn, which, None)?, goals);
        spread!(by_account, promises::all_where(conn, which, None)?, promises);
        spread!(by_account, interactions::all(conn, with_archived)?, interactions);
        spread!(by_account, requests::all_where(conn, which, None)?, requests);
        spread!(by_account, issues::all_where(conn, which, None)?, issues);
        spread!(by_account, meetings::all_where(conn, which, None)?, meetings);
        spread!(by_account, meetings::all_series(conn, None)?, meeting_series);
        let mut bundles: Vec<Bundle> = by_account.into_values().collect();
        bundles.sort_by(|a, b| a.account.id.cmp(&b.account.id));
        Ok(bundles)
    }

    /// Writes every bundle in one transaction. A record whose id already exists is replaced
    /// (and brought back if it was archived); the rest are added. A record whose id belongs to
    /// another account here is refused — merging it would move it and leave what points at it
    /// behind — and then nothing is written. With `rehearse`, everything is checked and counted
    /// inside the transaction, which is then rolled back.
    pub fn replace_bundles(&mut self, bundles: &[Bundle], rehearse: bool) -> Result<ImportCounts> {
        // A big import is one transaction: with the usual small cache its pages would spill to
        // the write-ahead log again and again. Room for them while it runs, then back.
        self.conn().pragma_update(None, "cache_size", -256 * 1024)?;
        let written = if rehearse {
            self.rehearse(|tx| replace_all(tx, bundles))
        } else {
            self.write(|tx| replace_all(tx, bundles))
        };
        self.conn().pragma_update(None, "cache_size", -16 * 1024)?;
        written
    }
}

/// What each table's records are called in a sentence.
const NOUNS: [(&str, &str); 9] = [
    ("contacts", "contact"),
    ("interactions", "interaction"),
    ("promises", "promise"),
    ("culture_notes", "culture note"),
    ("goals", "goal"),
    ("requests", "request"),
    ("issues", "issue"),
    ("meetings", "meeting"),
    ("meeting_series", "repeating meeting"),
];

fn replace_all(tx: &rusqlite::Transaction<'_>, bundles: &[Bundle]) -> Result<ImportCounts> {
    // References are checked at commit, so a record can be replaced while others point at it.
    tx.pragma_update(None, "defer_foreign_keys", "ON")?;
    let mut counts = ImportCounts::default();
    let mut problems = Vec::new();
    // Returns whether the record may be written.
    let mut replace = |table: &str, id: &str, owner: &str, path: &dyn Fn() -> String| -> Result<bool> {
        let column = if table == "accounts" { "id" } else { "account_id" };
        let existing: Option<String> = tx
            .prepare_cached(&format!("SELECT {column} FROM {table} WHERE id = ?1"))?
            .query_row([id], |r| r.get(0))
            .optional()?;
        match existing {
            Some(other) if other != owner => {
                let name: String = tx
                    .prepare_cached("SELECT name FROM accounts WHERE id = ?1")?
                    .query_row([&other], |r| r.get(0))
                    .optional()?
                    .unwrap_or_default();
                let noun = NOUNS.iter().find(|(t, _)| *t == table).map_or("record", |(_, n)| n);
                problems.push(Problem {
                    path: path(),
                    message: format!(
                        "A {noun} with this id already belongs to another account here ({name}); importing it would move it there. Give it a new id in the file, then import again."
                    ),
                });
                Ok(false)
            }
            Some(_) => {
                tx.prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))?.execute([id])?;
                counts.updated += 1;
                Ok(true)
            }
            None => {
                counts.created += 1;
                Ok(true)
            }
        }
    };
    for (n, b) in bundles.iter().enumerate() {
        let owner = b.account.id.as_str();
        let at = |list: &'static str, i: usize| move || format!("$.accounts[{n}].{list}[{i}].id");
        if replace("accounts", owner, owner, &|| format!("$.accounts[{n}].id"))? {
            accounts::save(tx, &b.account)?;
        }
        // Each list is written under its table's name, which is also its key in the archive.
        macro_rules! each {
            ($list:ident, $save:path) => {
                for (i, record) in b.$list.iter().enumerate() {
                    if replace(stringify!($list), &record.id, owner, &at(stringify!($list), i))? {
                        $save(tx, record)?;
                    }
                }
            };
        }
        each!(contacts, contacts::save);
        each!(interactions, interactions::save);
        each!(promises, promises::save);
        each!(culture_notes, culture::save);
        each!(goals, goals::save);
        each!(requests, requests::save);
        each!(issues, issues::save);
        // A series before its occurrences, which point at it.
        each!(meeting_series, meetings::save_series);
        each!(meetings, meetings::save);
    }
    if !problems.is_empty() {
        return Err(Error::InvalidArchive { problems });
    }
    // Archived last, so that records pointing at them could still be written.
    for b in bundles {
        for (id, at) in &b.archived {
            for table in ARCHIVABLE {
                tx.prepare_cached(&format!("UPDATE {table} SET archived_at = ?2 WHERE id = ?1"))?
                    .execute(rusqlite::params![id, codec::instant(at)])?;
            }
        }
    }
    Ok(counts)
}
