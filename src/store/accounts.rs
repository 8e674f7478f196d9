//! Account rows.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Store, codec};
use crate::domain::{Account, WorkingHours};
use crate::error::{Error, Result};

const COLUMNS: &str = "id, name, tier, status, industry, timezone, working_days, work_start, work_end, \
     holidays, renewal_date, cadence_days, notes, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Account> {
    Ok(Account {
        id: row.get(0)?,
        name: row.get(1)?,
        tier: codec::parse_word(2, &row.get::<_, String>(2)?)?,
        status: codec::parse_word(3, &row.get::<_, String>(3)?)?,
        industry: row.get(4)?,
        timezone: row.get(5)?,
        working_days: codec::parse_json(6, &row.get::<_, String>(6)?)?,
        working_hours: WorkingHours { start: row.get(7)?, end: row.get(8)? },
        holidays: codec::parse_json(9, &row.get::<_, String>(9)?)?,
        renewal_date: row.get::<_, Option<String>>(10)?.map(|d| codec::parse_date(10, &d)).transpose()?,
        cadence_days: row.get(11)?,
        notes: row.get(12)?,
        created_at: codec::parse_instant(13, &row.get::<_, String>(13)?)?,
        updated_at: codec::parse_instant(14, &row.get::<_, String>(14)?)?,
    })
}

/// Adds the record, or edits it in place when its id exists (never an archived one).
pub(crate) fn save(conn: &Connection, a: &Account) -> Result<()> {
    conn.prepare_cached(&super::upsert_sql("accounts", COLUMNS))?.execute(params![
        a.id,
        a.name,
        a.tier.as_str(),
        a.status.as_str(),
        a.industry,
        a.timezone,
        codec::json(&a.working_days),
        a.working_hours.start,
        a.working_hours.end,
        codec::json(&a.holidays),
        a.renewal_date.as_ref().map(codec::date),
        a.cadence_days,
        a.notes,
        codec::instant(&a.created_at),
        codec::instant(&a.updated_at),
    ])?;
    Ok(())
}

/// The live (not archived) account with this id, if any.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<Option<Account>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM accounts WHERE id = ?1 AND archived_at IS NULL"))?
        .query_row([id], from_row)
        .optional()?)
}

pub(crate) fn require(conn: &Connection, id: &str) -> Result<Account> {
    get(conn, id)?.ok_or_else(|| {
        Error::not_found(
            "That account no longer exists in this database. Go back to the accounts list and pick another.",
        )
    })
}

/// An account with the facts the accounts list shows beside it.
pub struct AccountFacts {
    pub account: Account,
    pub contact_count: u32,
    pub last_touch_at: Option<DateTime<Utc>>,
}

/// Every row meeting `condition` (SQL written by the store, never by a user), for loading
/// the whole portfolio at once.
/// The rows meeting `condition`, narrowed to `account` where the condition names `:account`.
pub(crate) fn all_where(conn: &Connection, condition: &str, account: Option<&str>) -> Result<Vec<Account>> {
    let sql = format!("SELECT {COLUMNS} FROM accounts WHERE {condition}");
    let mut stmt = conn.prepare_cached(&sql)?;
    Ok(codec::query(&mut stmt, &[], account)?.mapped(from_row).collect::<rusqlite::Result<_>>()?)
}

impl Store {
    pub fn insert_account(&mut self, account: &Account) -> Result<()> {
        self.write(|tx| save(tx, account))
    }

    pub fn account(&self, id: &str) -> Result<Account> {
        require(self.conn(), id)
    }

    pub fn account_count(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM accounts WHERE archived_at IS NULL", [], |r| r.get(0))?)
    }

    /// Every live account, by name, with its contact count and last touch.
    pub fn account_facts(&self) -> Result<Vec<AccountFacts>> {
        let sql = format!(
            "SELECT {COLUMNS},
                (SELECT count(*) FROM contacts c WHERE c.account_id = a.id AND c.archived_at IS NULL),
                (SELECT max(occurred_at) FROM interactions i WHERE i.account_id = a.id AND i.archived_at IS NULL)
             FROM accounts a WHERE archived_at IS NULL ORDER BY name COLLATE NOCASE, id"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map([], |row| {
            Ok(AccountFacts {
                account: from_row(row)?,
                contact_count: row.get(15)?,
                last_touch_at: codec::opt_instant(16, row.get(16)?)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Finds an account by id, by exact name (any case), or by the start of a single name.
    pub fn find_account(&self, query: &str) -> Result<Account> {
        let query = query.trim();
        if let Some(account) = get(self.conn(), query)? {
            return Ok(account);
        }
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM accounts WHERE archived_at IS NULL
               AND (name = ?1 COLLATE NOCASE OR substr(lower(name), 1, length(?1)) = lower(?1))
             ORDER BY (name = ?1 COLLATE NOCASE) DESC, name COLLATE NOCASE LIMIT 6"
        ))?;
        let found: Vec<Account> = stmt.query_map([query], from_row)?.collect::<rusqlite::Result<_>>()?;
        match found.as_slice() {
            [] => Err(Error::not_found(format!(
                "No account is called \"{query}\". Run `rapport account list` to see the names, or add it with `rapport account add`."
            ))),
            [only] => Ok(only.clone()),
            [first, ..] if first.name.eq_ignore_ascii_case(query) => Ok(first.clone()),
            several => Err(Error::validation(
                "account",
                format!(
                    "\"{query}\" matches several accounts ({}). Type more of the name.",
                    several.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ")
                ),
            )),
        }
    }
}
