//! Issue rows.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Store, accounts, codec};
use crate::domain::Issue;
use crate::error::{Error, Result};

const COLUMNS: &str = "id, account_id, title, severity, opened_at, acknowledged_at, resolved_at, followed_up_at, \
     notes, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Issue> {
    Ok(Issue {
        id: row.get(0)?,
        account_id: row.get(1)?,
        title: row.get(2)?,
        severity: codec::parse_word(3, &row.get::<_, String>(3)?)?,
        opened_at: codec::parse_instant(4, &row.get::<_, String>(4)?)?,
        acknowledged_at: codec::opt_instant(5, row.get(5)?)?,
        resolved_at: codec::opt_instant(6, row.get(6)?)?,
        followed_up_at: codec::opt_instant(7, row.get(7)?)?,
        notes: row.get(8)?,
        created_at: codec::parse_instant(9, &row.get::<_, String>(9)?)?,
        updated_at: codec::parse_instant(10, &row.get::<_, String>(10)?)?,
    })
}

/// Adds the record, or edits it in place when its id exists (never an archived one).
pub(crate) fn save(conn: &Connection, i: &Issue) -> Result<()> {
    accounts::require(conn, &i.account_id)?;
    conn.prepare_cached(&super::upsert_sql("issues", COLUMNS))?.execute(params![
        i.id,
        i.account_id,
        i.title,
        i.severity.as_str(),
        codec::instant(&i.opened_at),
        i.acknowledged_at.as_ref().map(codec::instant),
        i.resolved_at.as_ref().map(codec::instant),
        i.followed_up_at.as_ref().map(codec::instant),
        i.notes,
        codec::instant(&i.created_at),
        codec::instant(&i.updated_at),
    ])?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: &str) -> Result<Issue> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM issues WHERE id = ?1 AND archived_at IS NULL"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("That issue no longer exists. Reload the account to see its issues."))
}

/// Every row meeting `condition` (SQL written by the store, never by a user), for loading
/// the whole portfolio at once.
/// The rows meeting `condition`, narrowed to `account` where the condition names `:account`.
pub(crate) fn all_where(conn: &Connection, condition: &str, account: Option<&str>) -> Result<Vec<Issue>> {
    let sql = format!("SELECT {COLUMNS} FROM issues WHERE {condition}");
    let mut stmt = conn.prepare_cached(&sql)?;
    Ok(codec::query(&mut stmt, &[], account)?.mapped(from_row).collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// An account's issues, newest first.
    pub fn issues(&self, account_id: &str) -> Result<Vec<Issue>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM issues WHERE account_id = ?1 AND archived_at IS NULL ORDER BY opened_at DESC, id"
        ))?;
        Ok(stmt.query_map([account_id], from_row)?.collect::<rusqlite::Result<_>>()?)
    }
}
