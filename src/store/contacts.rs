//! Contact rows, and the rules that need the database: a contact belongs to a live account,
//! and reports to a colleague at that same account.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Store, accounts, codec};
use crate::domain::Contact;
use crate::error::{Error, Result};

const COLUMNS: &str = "id, account_id, name, title, level, reports_to, email, phone, preferred_channel, \
     timezone, cadence_days, notes, created_at, updated_at, dates, other_emails, other_phones, name_parts, \
     roles, influence, stance, introduced_by";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: row.get(0)?,
        account_id: row.get(1)?,
        name: row.get(2)?,
        title: row.get(3)?,
        level: codec::parse_word(4, &row.get::<_, String>(4)?)?,
        reports_to: row.get(5)?,
        email: row.get(6)?,
        phone: row.get(7)?,
        preferred_channel: row.get::<_, Option<String>>(8)?.map(|c| codec::parse_word(8, &c)).transpose()?,
        timezone: row.get(9)?,
        cadence_days: row.get(10)?,
        notes: row.get(11)?,
        created_at: codec::parse_instant(12, &row.get::<_, String>(12)?)?,
        updated_at: codec::parse_instant(13, &row.get::<_, String>(13)?)?,
        dates: codec::parse_json(14, &row.get::<_, String>(14)?)?,
        other_emails: codec::parse_json(15, &row.get::<_, String>(15)?)?,
        other_phones: codec::parse_json(16, &row.get::<_, String>(16)?)?,
        name_parts: row.get::<_, Option<String>>(17)?.map(|t| codec::parse_json(17, &t)).transpose()?,
        roles: codec::parse_json(18, &row.get::<_, String>(18)?)?,
        influence: row.get::<_, Option<String>>(19)?.map(|w| codec::parse_word(19, &w)).transpose()?,
        stance: row.get::<_, Option<String>>(20)?.map(|w| codec::parse_word(20, &w)).transpose()?,
        introduced_by: row.get(21)?,
    })
}

fn get(conn: &Connection, id: &str) -> Result<Option<Contact>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM contacts WHERE id = ?1 AND archived_at IS NULL"))?
        .query_row([id], from_row)
        .optional()?)
}

/// Checks that `contact_id` is a live contact of `account_id`; `field` names the input it came from.
pub(crate) fn require_in_account(
    conn: &Connection,
    account_id: &str,
    contact_id: &str,
    field: &'static str,
) -> Result<Contact> {
    match get(conn, contact_id)? {
        Some(c) if c.account_id == account_id => Ok(c),
        Some(c) => Err(Error::validation(
            field,
            format!("{} works at another account. Choose someone from this account.", c.name),
        )),
        None => Err(Error::validation(
            field,
            "One of the people chosen is no longer in this database. Choose again from the account's people.",
        )),
    }
}

/// Checks that the manager is a colleague, and that following reports-to upwards from them
/// never comes back to this person.
fn check(conn: &Connection, c: &Contact) -> Result<()> {
    accounts::require(conn, &c.account_id)?;
    if let Some(by) = &c.introduced_by {
        if *by == c.id {
            return Err(Error::validation(
                "introduced_by",
                format!(
                    "{} cannot have introduced themselves. Choose who introduced them, or nobody.",
                    c.name
                ),
            ));
        }
        require_in_account(conn, &c.account_id, by, "introduced_by")?;
    }
    let mut next = c.reports_to.clone();
    let mut steps = 0;
    while let Some(manager) = next {
        if manager == c.id {
            return Err(Error::validation(
                "reports_to",
                format!(
                    "{} cannot report to someone who reports to them. Choose a manager higher up.",
                    c.name
                ),
            ));
        }
        let m = require_in_account(conn, &c.account_id, &manager, "reports_to")?;
        next = m.reports_to;
        steps += 1;
        if steps > 10_000 {
            break;
        }
    }
    Ok(())
}

/// Adds the record, or edits it in place when its id exists (never an archived one).
pub(crate) fn save(conn: &Connection, c: &Contact) -> Result<()> {
    check(conn, c)?;
    conn.prepare_cached(&super::upsert_sql("contacts", COLUMNS))?.execute(params![
        c.id,
        c.account_id,
        c.name,
        c.title,
        c.level.as_str(),
        c.reports_to,
        c.email,
        c.phone,
        c.preferred_channel.map(|p| p.as_str()),
        c.timezone,
        c.cadence_days,
        c.notes,
        codec::instant(&c.created_at),
        codec::instant(&c.updated_at),
        codec::json(&c.dates),
        codec::json(&c.other_emails),
        codec::json(&c.other_phones),
        c.name_parts.as_ref().map(codec::json),
        codec::json(&c.roles),
        c.influence.map(|w| w.as_str()),
        c.stance.map(|w| w.as_str()),
        c.introduced_by,
    ])?;
    Ok(())
}

pub(crate) fn get_live(conn: &Connection, id: &str) -> Result<Contact> {
    get(conn, id)?
        .ok_or_else(|| Error::not_found("That person is no longer in this database. Reload the account."))
}

/// Every row meeting `condition` (SQL written by the store, never by a user), for loading
/// the whole portfolio at once.
/// The rows meeting `condition`, narrowed to `account` where the condition names `:account`.
pub(crate) fn all_where(conn: &Connection, condition: &str, account: Option<&str>) -> Result<Vec<Contact>> {
    let sql = format!("SELECT {COLUMNS} FROM contacts WHERE {condition}");
    let mut stmt = conn.prepare_cached(&sql)?;
    Ok(codec::query(&mut stmt, &[], account)?.mapped(from_row).collect::<rusqlite::Result<_>>()?)
}

impl Store {
    pub fn insert_contact(&mut self, contact: &Contact) -> Result<()> {
        self.write(|tx| save(tx, contact))
    }

    /// The live contacts of an account, most senior first, then by name.
    pub fn contacts(&self, account_id: &str) -> Result<Vec<Contact>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM contacts WHERE account_id = ?1 AND archived_at IS NULL
             ORDER BY CASE level WHEN 'executive' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, name COLLATE NOCASE"
        ))?;
        Ok(stmt.query_map([account_id], from_row)?.collect::<rusqlite::Result<_>>()?)
    }

    /// Finds a contact of an account by id, exact name (any case) or the start of a single name.
    pub fn find_contact(&self, account_id: &str, query: &str) -> Result<Contact> {
        let query = query.trim();
        let people = self.contacts(account_id)?;
        if let Some(c) = people.iter().find(|c| c.id == query || c.name.eq_ignore_ascii_case(query)) {
            return Ok(c.clone());
        }
        let lower = query.to_lowercase();
        let matches: Vec<&Contact> =
            people.iter().filter(|c| c.name.to_lowercase().starts_with(&lower)).collect();
        match matches.as_slice() {
            [only] => Ok((*only).clone()),
            [] => Err(Error::not_found(format!(
                "Nobody called \"{query}\" works at this account. Run `rapport contact list` with the account to see its people."
            ))),
            several => Err(Error::validation(
                "contact",
                format!(
                    "\"{query}\" matches several people ({}). Type more of the name.",
                    several.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(", ")
                ),
            )),
        }
    }
}

/// The domains of the addresses of an account's live people, lower case.
pub(crate) fn domains_of_account(
    conn: &Connection,
    account_id: &str,
) -> Result<std::collections::HashSet<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT email, other_emails FROM contacts WHERE account_id = ?1 AND archived_at IS NULL",
    )?;
    let mut domains = std::collections::HashSet::new();
    let mut rows = stmt.query([account_id])?;
    while let Some(row) = rows.next()? {
        let email: Option<String> = row.get(0)?;
        let others: String = row.get::<_, Option<String>>(1)?.unwrap_or_else(|| "[]".into());
        let others: Vec<String> = serde_json::from_str(&others).unwrap_or_default();
        for address in email.into_iter().chain(others) {
            if let Some(domain) = crate::domain::domain_of(&address) {
                domains.insert(domain);
            }
        }
    }
    Ok(domains)
}

/// The live person (at a live account) who has this address, as their email or another one.
pub(crate) fn live_with_email(conn: &Connection, email: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT c.id FROM contacts c JOIN accounts a ON a.id = c.account_id
             WHERE c.archived_at IS NULL AND a.archived_at IS NULL
               AND (lower(c.email) = lower(?1)
                    OR EXISTS (SELECT 1 FROM json_each(c.other_emails) o WHERE lower(o.value) = lower(?1)))
             ORDER BY c.created_at LIMIT 1",
        )?
        .query_row([email], |r| r.get(0))
        .optional()?)
}
