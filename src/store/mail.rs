//! What reading mail asks of the file: the client's people by their addresses, the touches
//! already read from mail (by Message-ID), and how far each mail file or folder was read.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::{Store, codec};
use crate::domain::{MailKind, MailPerson, MailSourceState, StoredMail};
use crate::error::Result;

/// Every person of every live account, with the addresses they are known by.
pub(crate) fn people(conn: &Connection) -> Result<Vec<MailPerson>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.account_id, a.name, c.id, c.email, c.other_emails FROM contacts c
         JOIN accounts a ON a.id = c.account_id
         WHERE c.archived_at IS NULL AND a.archived_at IS NULL
         ORDER BY a.name, c.account_id, c.id",
    )?;
    let rows = stmt.query_map([], |r| {
        let mut addresses: Vec<String> = r.get::<_, Option<String>>(3)?.into_iter().collect();
        addresses.extend(codec::parse_json::<Vec<String>>(4, codec::text(r, 4)?)?);
        Ok(MailPerson { account_id: r.get(0)?, account: r.get(1)?, contact_id: r.get(2)?, addresses })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The touches read from mail whose Message-ID is one of `message_ids`, archived ones included.
pub(crate) fn stored(conn: &Connection, message_ids: &[&str]) -> Result<Vec<StoredMail>> {
    let mut stmt = conn.prepare_cached(
        "SELECT message_id, account_id, initiated_by FROM interactions WHERE message_id = ?1 ORDER BY account_id",
    )?;
    let mut found = Vec::new();
    for id in message_ids {
        let rows = stmt.query_map([id], |r| {
            Ok(StoredMail {
                message_id: r.get(0)?,
                account_id: r.get(1)?,
                initiated_by: codec::parse_word(2, codec::text(r, 2)?)?,
            })
        })?;
        for row in rows {
            found.push(row?);
        }
    }
    Ok(found)
}

/// Whether the account has a touch read from this message, archived or not: a touch the user
/// deleted is not read back in.
pub(crate) fn has_touch(conn: &Connection, account_id: &str, message_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM interactions WHERE message_id = ?1 AND account_id = ?2")?
        .query_row(params![message_id, account_id], |_| Ok(()))
        .optional()?
        .is_some())
}

fn source(conn: &Connection, path: &str) -> Result<Option<(i64, MailSourceState)>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, path, kind, stamp, resume_offset, resume_check, resume_whole, people_check
             FROM mail_sources WHERE path = ?1",
        )?
        .query_row([path], |r| {
            let kind = codec::text(r, 2)?;
            Ok((
                r.get(0)?,
                MailSourceState {
                    path: r.get(1)?,
                    kind: MailKind::from_word(kind).ok_or_else(|| {
                        rusqlite::Error::FromSqlConversionFailure(
                            2,
                            rusqlite::types::Type::Text,
                            format!("unknown mail source kind {kind:?}").into(),
                        )
                    })?,
                    stamp: r.get(3)?,
                    resume_offset: r.get::<_, Option<i64>>(4)?.map(|o| o as u64),
                    resume_check: r.get::<_, Option<i64>>(5)?.map(|c| c as u64),
                    resume_whole: r.get(6)?,
                    people_check: r.get::<_, Option<i64>>(7)?.map(|c| c as u64),
                },
            ))
        })
        .optional()?)
}

/// Records how far the source was read (adding it the first time), and the message files read
/// in it; returns its row's id.
pub(crate) fn save_source(
    conn: &Connection,
    state: &MailSourceState,
    files: &[u64],
    now: DateTime<Utc>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO mail_sources (path, kind, stamp, resume_offset, resume_check, resume_whole, people_check, read_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (path) DO UPDATE SET kind = excluded.kind, stamp = excluded.stamp,
             resume_offset = excluded.resume_offset, resume_check = excluded.resume_check,
             resume_whole = excluded.resume_whole, people_check = excluded.people_check,
             read_at = excluded.read_at",
    )?
    .execute(params![
        state.path,
        state.kind.as_str(),
        state.stamp,
        state.resume_offset.map(|o| o as i64),
        state.resume_check.map(|c| c as i64),
        state.resume_whole,
        state.people_check.map(|c| c as i64),
        codec::instant(&now),
    ])?;
    let id: i64 = conn
        .prepare_cached("SELECT id FROM mail_sources WHERE path = ?1")?
        .query_row([&state.path], |r| r.get(0))?;
    let mut add =
        conn.prepare_cached("INSERT OR IGNORE INTO mail_source_files (source_id, name_key) VALUES (?1, ?2)")?;
    for key in files {
        add.execute(params![id, *key as i64])?;
    }
    Ok(id)
}

impl Store {
    /// Every person of every live account, with the addresses they are known by.
    pub fn mail_people(&self) -> Result<Vec<MailPerson>> {
        people(self.conn())
    }

    /// How far the mail source at `path` (canonical) was read, if it was.
    pub fn mail_source(&self, path: &str) -> Result<Option<MailSourceState>> {
        Ok(source(self.conn(), path)?.map(|(_, state)| state))
    }

    /// The keys of the message files already read in the Maildir or folder at `path`.
    pub fn mail_files_read(&self, path: &str) -> Result<HashSet<u64>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT f.name_key FROM mail_source_files f JOIN mail_sources s ON s.id = f.source_id WHERE s.path = ?1",
        )?;
        let keys = stmt.query_map([path], |r| r.get::<_, i64>(0).map(|k| k as u64))?;
        Ok(keys.collect::<rusqlite::Result<_>>()?)
    }
}
