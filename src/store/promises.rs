//! Promise rows.

use rusqlite::{Connection, OptionalExtension, Row};

use super::{Store, accounts, codec, contacts};
use crate::domain::Promise;
use crate::error::{Error, Result};

const COLUMNS: &str = "id, account_id, direction, contact_id, text, made_at, due_at, status, completed_at, extra, \
     interaction_id, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Promise> {
    Ok(Promise {
        id: row.get(0)?,
        account_id: row.get(1)?,
        direction: codec::parse_word(2, &row.get::<_, String>(2)?)?,
        contact_id: row.get(3)?,
        text: row.get(4)?,
        made_at: codec::parse_instant(5, &row.get::<_, String>(5)?)?,
        due_at: codec::parse_instant(6, &row.get::<_, String>(6)?)?,
        status: codec::parse_word(7, &row.get::<_, String>(7)?)?,
        completed_at: codec::opt_instant(8, row.get(8)?)?,
        extra: row.get(9)?,
        interaction_id: row.get(10)?,
        created_at: codec::parse_instant(11, &row.get::<_, String>(11)?)?,
        updated_at: codec::parse_instant(12, &row.get::<_, String>(12)?)?,
    })
}

fn check(conn: &Connection, p: &Promise) -> Result<()> {
    accounts::require(conn, &p.account_id)?;
    if let Some(c) = &p.contact_id {
        contacts::require_in_account(conn, &p.account_id, c, "contact_id")?;
    }
    if let Some(i) = &p.interaction_id {
        let account: Option<String> = conn
            .prepare_cached("SELECT account_id FROM interactions WHERE id = ?1")?
            .query_row([i], |r| r.get(0))
            .optional()?;
        if account.as_deref() != Some(p.account_id.as_str()) {
            return Err(Error::validation(
                "interaction_id",
                "The interaction this promise was made in is not in this account's history. Choose one of its interactions.",
            ));
        }
    }
    Ok(())
}

fn values(p: &Promise) -> [Box<dyn rusqlite::ToSql + '_>; 13] {
    [
        Box::new(&p.id),
        Box::new(&p.account_id),
        Box::new(p.direction.as_str()),
        Box::new(&p.contact_id),
        Box::new(&p.text),
        Box::new(codec::instant(&p.made_at)),
        Box::new(codec::instant(&p.due_at)),
        Box::new(p.status.as_str()),
        Box::new(p.completed_at.as_ref().map(codec::instant)),
        Box::new(&p.extra),
        Box::new(&p.interaction_id),
        Box::new(codec::instant(&p.created_at)),
        Box::new(codec::instant(&p.updated_at)),
    ]
}

/// Adds the record, or edits it in place when its id exists (never an archived one).
pub(crate) fn save(conn: &Connection, p: &Promise) -> Result<()> {
    check(conn, p)?;
    let values = values(p);
    conn.prepare_cached(&super::upsert_sql("promises", COLUMNS))?
        .execute(rusqlite::params_from_iter(values.iter()))?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: &str) -> Result<Promise> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM promises WHERE id = ?1 AND archived_at IS NULL"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| {
            Error::not_found("That promise no longer exists. Reload the account to see its promises.")
        })
}

/// Every row meeting `condition` (SQL written by the store, never by a user), for loading
/// the whole portfolio at once.
/// The rows meeting `condition`, narrowed to `account` where the condition names `:account`.
pub(crate) fn all_where(conn: &Connection, condition: &str, account: Option<&str>) -> Result<Vec<Promise>> {
    let sql = format!("SELECT {COLUMNS} FROM promises WHERE {condition}");
    let mut stmt = conn.prepare_cached(&sql)?;
    Ok(codec::query(&mut stmt, &[], account)?.mapped(from_row).collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// An account's promises, soonest due first.
    pub fn promises(&self, account_id: &str) -> Result<Vec<Promise>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM promises WHERE account_id = ?1 AND archived_at IS NULL ORDER BY due_at, id"
        ))?;
        Ok(stmt.query_map([account_id], from_row)?.collect::<rusqlite::Result<_>>()?)
    }
}
