//! The review queue's rows: what Rapport noticed, once each, and what the user decided.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::codec;
use crate::domain::{Noticed, NoticedSource, NoticedState};
use crate::error::{Error, Result};

const COLUMNS: &str = "n.id, n.kind, n.account_id, a.name, n.contact_id, c.name, n.text, n.due_at, n.email, n.name, \
     n.acknowledged_at, n.answered_at, n.message_id, n.subject, n.sent_at, n.state, n.created_at, n.calendar";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Noticed> {
    let instant = |i: usize| -> rusqlite::Result<Option<DateTime<Utc>>> {
        row.get::<_, Option<String>>(i)?.map(|t| codec::parse_instant(i, &t)).transpose()
    };
    Ok(Noticed {
        id: row.get(0)?,
        kind: codec::parse_word(1, &row.get::<_, String>(1)?)?,
        account_id: row.get(2)?,
        account: row.get::<_, Option<String>>(3)?.unwrap_or_default(),
        contact_id: row.get(4)?,
        contact: row.get(5)?,
        text: row.get(6)?,
        due_at: instant(7)?,
        email: row.get(8)?,
        name: row.get(9)?,
        acknowledged_at: instant(10)?,
        answered_at: instant(11)?,
        source: NoticedSource {
            message_id: row.get(12)?,
            subject: row.get(13)?,
            sent_at: codec::parse_instant(14, &row.get::<_, String>(14)?)?,
        },
        state: codec::parse_word(15, &row.get::<_, String>(15)?)?,
        created_at: codec::parse_instant(16, &row.get::<_, String>(16)?)?,
        calendar: row.get(17)?,
    })
}

/// Adds a proposal unless the same one (see [`Noticed::key`]) was made before, whatever became
/// of it. Returns whether it was added.
pub(crate) fn propose(conn: &Connection, n: &Noticed) -> Result<bool> {
    let added = conn
        .prepare_cached(
            "INSERT INTO noticed (id, kind, account_id, contact_id, key, text, due_at, email, name, acknowledged_at,
               answered_at, message_id, subject, sent_at, state, created_at, calendar)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'open', ?15, ?16)
             ON CONFLICT (kind, account_id, key) DO NOTHING",
        )?
        .execute(params![
            n.id,
            n.kind.as_str(),
            n.account_id,
            n.contact_id,
            n.key(),
            n.text,
            n.due_at.as_ref().map(codec::instant),
            n.email,
            n.name,
            n.acknowledged_at.as_ref().map(codec::instant),
            n.answered_at.as_ref().map(codec::instant),
            n.source.message_id,
            n.source.subject,
            codec::instant(&n.source.sent_at),
            codec::instant(&n.created_at),
            n.calendar,
        ])?;
    Ok(added > 0)
}

/// The proposals waiting for the user, newest first, of live accounts only.
pub(crate) fn open(conn: &Connection) -> Result<Vec<Noticed>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM noticed n JOIN accounts a ON a.id = n.account_id LEFT JOIN contacts c ON c.id = n.contact_id
         WHERE n.state = 'open' AND a.archived_at IS NULL ORDER BY n.sent_at DESC, n.text COLLATE NOCASE, n.id"
    ))?;
    Ok(stmt.query_map([], from_row)?.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn get(conn: &Connection, id: &str) -> Result<Noticed> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM noticed n JOIN accounts a ON a.id = n.account_id LEFT JOIN contacts c ON c.id = n.contact_id
         WHERE n.id = ?1"
    ))?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| Error::not_found("Rapport no longer has that suggestion. Reload the list to see what is waiting."))
}

/// Records what the user decided, and what accepting it made.
pub(crate) fn decide(
    conn: &Connection,
    id: &str,
    state: NoticedState,
    record_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    let decided = (state != NoticedState::Open).then(|| codec::instant(&now));
    conn.prepare_cached("UPDATE noticed SET state = ?2, record_id = ?3, decided_at = ?4 WHERE id = ?1")?
        .execute(params![id, state.as_str(), record_id, decided])?;
    Ok(())
}

/// How many proposals wait, for the sidebar.
pub(crate) fn waiting(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM noticed n JOIN accounts a ON a.id = n.account_id WHERE n.state = 'open' AND a.archived_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}

/// A request suggested from a message: its id, state, what accepting made, and when it was asked.
pub(crate) type AskedIn = (String, NoticedState, Option<String>, DateTime<Utc>);

/// The requests suggested from one of `messages`, whatever became of them.
pub(crate) fn requests_asked_in(conn: &Connection, messages: &[String]) -> Result<Vec<AskedIn>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, state, record_id, sent_at FROM noticed WHERE kind = 'request' AND message_id = ?1",
    )?;
    let mut found = Vec::new();
    for message in messages {
        let rows = stmt.query_map([message], |r| {
            Ok((
                r.get::<_, String>(0)?,
                codec::parse_word::<NoticedState>(1, &r.get::<_, String>(1)?)?,
                r.get::<_, Option<String>>(2)?,
                codec::parse_instant(3, &r.get::<_, String>(3)?)?,
            ))
        })?;
        for row in rows {
            found.push(row?);
        }
    }
    Ok(found)
}

/// A suggested request's clocks, as a later reply shows them; a time already known stays.
pub(crate) fn replied(
    conn: &Connection,
    id: &str,
    acknowledged_at: Option<DateTime<Utc>>,
    answered_at: Option<DateTime<Utc>>,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE noticed SET acknowledged_at = coalesce(acknowledged_at, ?2), answered_at = coalesce(answered_at, ?3)
         WHERE id = ?1",
    )?
    .execute(params![id, acknowledged_at.as_ref().map(codec::instant), answered_at.as_ref().map(codec::instant)])?;
    Ok(())
}

/// Proposes a meeting from an invitation (see [`propose`]) unless Rapport already has it at
/// that time (from a calendar, or an invitation accepted before) or a later invitation for it
/// was read; an older invitation for it still waiting is set aside, so the queue offers the
/// meeting as it now stands. Returns whether it was added.
pub(crate) fn propose_invitation(conn: &Connection, n: &Noticed, uid: &str) -> Result<bool> {
    let starts_at = n.due_at.as_ref().map(codec::instant).unwrap_or_default();
    let known: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM meetings WHERE archived_at IS NULL AND starts_at = ?2
               AND (ical_uid = ?1 OR substr(ical_uid, 1, length(?1) + 1) = ?1 || '/'))",
        )?
        .query_row(params![uid, starts_at], |r| r.get(0))?;
    let prefix = format!("{uid}\u{1f}");
    let later: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM noticed WHERE kind = 'meeting' AND account_id = ?1
               AND substr(key, 1, length(?2)) = ?2 AND sent_at > ?3)",
        )?
        .query_row(params![n.account_id, prefix, codec::instant(&n.source.sent_at)], |r| r.get(0))?;
    if known || later || !propose(conn, n)? {
        return Ok(false);
    }
    conn.prepare_cached(
        "UPDATE noticed SET state = 'ignored', decided_at = ?4
         WHERE kind = 'meeting' AND account_id = ?1 AND state = 'open' AND substr(key, 1, length(?2)) = ?2
           AND id <> ?3",
    )?
    .execute(params![n.account_id, prefix, n.id, codec::instant(&n.created_at)])?;
    Ok(true)
}
