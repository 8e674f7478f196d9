//! Goal rows; progress notes are kept with their goal as a JSON list.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Store, accounts, codec, contacts};
use crate::domain::Goal;
use crate::error::{Error, Result};

const COLUMNS: &str = "id, account_id, kind, contact_id, title, detail, status, target_date, stated, progress, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Goal> {
    Ok(Goal {
        id: row.get(0)?,
        account_id: row.get(1)?,
        kind: codec::parse_word(2, &row.get::<_, String>(2)?)?,
        contact_id: row.get(3)?,
        title: row.get(4)?,
        detail: row.get(5)?,
        status: codec::parse_word(6, &row.get::<_, String>(6)?)?,
        target_date: row.get::<_, Option<String>>(7)?.map(|d| codec::parse_date(7, &d)).transpose()?,
        stated: row.get(8)?,
        progress: codec::parse_json(9, &row.get::<_, String>(9)?)?,
        created_at: codec::parse_instant(10, &row.get::<_, String>(10)?)?,
        updated_at: codec::parse_instant(11, &row.get::<_, String>(11)?)?,
    })
}

fn check(conn: &Connection, g: &Goal) -> Result<()> {
    accounts::require(conn, &g.account_id)?;
    if let Some(c) = &g.contact_id {
        contacts::require_in_account(conn, &g.account_id, c, "contact_id")?;
    }
    Ok(())
}

/// Adds the record, or edits it in place when its id exists (never an archived one).
pub(crate) fn save(conn: &Connection, g: &Goal) -> Result<()> {
    check(conn, g)?;
    conn.prepare_cached(&super::upsert_sql("goals", COLUMNS))?.execute(params![
        g.id,
        g.account_id,
        g.kind.as_str(),
        g.contact_id,
        g.title,
        g.detail,
        g.status.as_str(),
        g.target_date.as_ref().map(codec::date),
        g.stated,
        codec::json(&g.progress),
        codec::instant(&g.created_at),
        codec::instant(&g.updated_at),
    ])?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: &str) -> Result<Goal> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM goals WHERE id = ?1 AND archived_at IS NULL"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("That goal no longer exists. Reload the account to see its goals."))
}

/// Every row meeting `condition` (SQL written by the store, never by a user), for loading
/// the whole portfolio at once.
/// The rows meeting `condition`, narrowed to `account` where the condition names `:account`.
pub(crate) fn all_where(conn: &Connection, condition: &str, account: Option<&str>) -> Result<Vec<Goal>> {
    let sql = format!("SELECT {COLUMNS} FROM goals WHERE {condition}");
    let mut stmt = conn.prepare_cached(&sql)?;
    Ok(codec::query(&mut stmt, &[], account)?.mapped(from_row).collect::<rusqlite::Result<_>>()?)
}

impl Store {
    pub fn goals(&self, account_id: &str) -> Result<Vec<Goal>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM goals WHERE account_id = ?1 AND archived_at IS NULL
             ORDER BY kind, coalesce(target_date, '9999'), title"
        ))?;
        Ok(stmt.query_map([account_id], from_row)?.collect::<rusqlite::Result<_>>()?)
    }
}
