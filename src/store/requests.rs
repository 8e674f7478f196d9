//! Request rows.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Store, accounts, codec, contacts};
use crate::domain::Request;
use crate::error::{Error, Result};

const COLUMNS: &str = "id, account_id, contact_id, received_at, text, acknowledged_at, answered_at, resolved_at, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Request> {
    Ok(Request {
        id: row.get(0)?,
        account_id: row.get(1)?,
        contact_id: row.get(2)?,
        received_at: codec::parse_instant(3, &row.get::<_, String>(3)?)?,
        text: row.get(4)?,
        acknowledged_at: codec::opt_instant(5, row.get(5)?)?,
        answered_at: codec::opt_instant(6, row.get(6)?)?,
        resolved_at: codec::opt_instant(7, row.get(7)?)?,
        created_at: codec::parse_instant(8, &row.get::<_, String>(8)?)?,
        updated_at: codec::parse_instant(9, &row.get::<_, String>(9)?)?,
    })
}

fn check(conn: &Connection, r: &Request) -> Result<()> {
    accounts::require(conn, &r.account_id)?;
    if let Some(c) = &r.contact_id {
        contacts::require_in_account(conn, &r.account_id, c, "contact_id")?;
    }
    Ok(())
}

/// Adds the record, or edits it in place when its id exists (never an archived one).
pub(crate) fn save(conn: &Connection, r: &Request) -> Result<()> {
    check(conn, r)?;
    conn.prepare_cached(&super::upsert_sql("requests", COLUMNS))?.execute(params![
        r.id,
        r.account_id,
        r.contact_id,
        codec::instant(&r.received_at),
        r.text,
        r.acknowledged_at.as_ref().map(codec::instant),
        r.answered_at.as_ref().map(codec::instant),
        r.resolved_at.as_ref().map(codec::instant),
        codec::instant(&r.created_at),
        codec::instant(&r.updated_at),
    ])?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: &str) -> Result<Request> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM requests WHERE id = ?1 AND archived_at IS NULL"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| {
            Error::not_found("That request no longer exists. Reload the account to see its requests.")
        })
}

/// Every row meeting `condition` (SQL written by the store, never by a user), for loading
/// the whole portfolio at once.
/// The rows meeting `condition`, narrowed to `account` where the condition names `:account`.
pub(crate) fn all_where(conn: &Connection, condition: &str, account: Option<&str>) -> Result<Vec<Request>> {
    let sql = format!("SELECT {COLUMNS} FROM requests WHERE {condition}");
    let mut stmt = conn.prepare_cached(&sql)?;
    Ok(codec::query(&mut stmt, &[], account)?.mapped(from_row).collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// An account's requests, newest first.
    pub fn requests(&self, account_id: &str) -> Result<Vec<Request>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM requests WHERE account_id = ?1 AND archived_at IS NULL ORDER BY received_at DESC, id"
        ))?;
        Ok(stmt.query_map([account_id], from_row)?.collect::<rusqlite::Result<_>>()?)
    }
}

/// A request's clocks as a reply read from mail shows them; a time already recorded stays.
pub(crate) fn replied(
    conn: &Connection,
    id: &str,
    acknowledged_at: Option<chrono::DateTime<chrono::Utc>>,
    answered_at: Option<chrono::DateTime<chrono::Utc>>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE requests SET acknowledged_at = coalesce(acknowledged_at, ?2), answered_at = coalesce(answered_at, ?3),
           updated_at = ?4
         WHERE id = ?1 AND archived_at IS NULL AND (acknowledged_at IS NULL OR (answered_at IS NULL AND ?3 IS NOT NULL))",
    )?
    .execute(params![
        id,
        acknowledged_at.as_ref().map(codec::instant),
        answered_at.as_ref().map(codec::instant),
        codec::instant(&now)
    ])?;
    Ok(())
}
