//! Culture note rows.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Store, accounts, codec, contacts};
use crate::domain::CultureNote;
use crate::error::{Error, Result};

const COLUMNS: &str = "id, account_id, contact_id, category, text, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<CultureNote> {
    Ok(CultureNote {
        id: row.get(0)?,
        account_id: row.get(1)?,
        contact_id: row.get(2)?,
        category: codec::parse_word(3, &row.get::<_, String>(3)?)?,
        text: row.get(4)?,
        created_at: codec::parse_instant(5, &row.get::<_, String>(5)?)?,
        updated_at: codec::parse_instant(6, &row.get::<_, String>(6)?)?,
    })
}

fn check(conn: &Connection, n: &CultureNote) -> Result<()> {
    accounts::require(conn, &n.account_id)?;
    if let Some(c) = &n.contact_id {
        contacts::require_in_account(conn, &n.account_id, c, "contact_id")?;
    }
    Ok(())
}

/// Adds the record, or edits it in place when its id exists (never an archived one).
pub(crate) fn save(conn: &Connection, n: &CultureNote) -> Result<()> {
    check(conn, n)?;
    conn.prepare_cached(&super::upsert_sql("culture_notes", COLUMNS))?.execute(params![
        n.id,
        n.account_id,
        n.contact_id,
        n.category.as_str(),
        n.text,
        codec::instant(&n.created_at),
        codec::instant(&n.updated_at)
    ])?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: &str) -> Result<CultureNote> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM culture_notes WHERE id = ?1 AND archived_at IS NULL"
    ))?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| {
        Error::not_found("That culture note no longer exists. Reload the account to see its notes.")
    })
}

/// Every row meeting `condition` (SQL written by the store, never by a user), for loading
/// the whole portfolio at once.
/// The rows meeting `condition`, narrowed to `account` where the condition names `:account`.
pub(crate) fn all_where(
    conn: &Connection,
    condition: &str,
    account: Option<&str>,
) -> Result<Vec<CultureNote>> {
    let sql = format!("SELECT {COLUMNS} FROM culture_notes WHERE {condition}");
    let mut stmt = conn.prepare_cached(&sql)?;
    Ok(codec::query(&mut stmt, &[], account)?.mapped(from_row).collect::<rusqlite::Result<_>>()?)
}

impl Store {
    pub fn culture_notes(&self, account_id: &str) -> Result<Vec<CultureNote>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM culture_notes WHERE account_id = ?1 AND archived_at IS NULL ORDER BY category, created_at"
        ))?;
        Ok(stmt.query_map([account_id], from_row)?.collect::<rusqlite::Result<_>>()?)
    }
}
