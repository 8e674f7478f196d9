//! What an import matches against: every account, person and meeting already in the file,
//! archived ones included, so a record deleted and imported again comes back instead of twice.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};

use super::{RecordKind, accounts, codec, contacts, meetings};
use crate::domain::{Account, Contact, Id, Meeting, match_key as key};
use crate::error::{Error, Result};

/// A record found by a key: its id, and whether it is in the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub id: Id,
    pub archived: bool,
}

/// Lookups by the keys imports match on, kept current as the import adds records.
#[derive(Debug, Default)]
pub(crate) struct Known {
    accounts_by_name: HashMap<String, Found>,
    people_by_email: HashMap<String, Found>,
    people_by_name: HashMap<(Id, String), Found>,
    meetings_by_uid: HashMap<String, Found>,
}

impl Known {
    pub(crate) fn load(conn: &Connection) -> Result<Known> {
        let mut known = Known::default();
        // Live records first, so that when an archived one shares a key the live one wins.
        let mut stmt =
            conn.prepare("SELECT id, name, archived_at IS NOT NULL FROM accounts ORDER BY 3 DESC")?;
        for row in
            stmt.query_map([], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?, r.get::<_, bool>(2)?)))?
        {
            let (id, name, archived) = row?;
            known.accounts_by_name.insert(key(&name), Found { id, archived });
        }
        let mut stmt = conn.prepare(
            "SELECT id, account_id, name, email, other_emails, archived_at IS NOT NULL FROM contacts ORDER BY 6 DESC, id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, Id>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                codec::parse_json::<Vec<String>>(4, &r.get::<_, String>(4)?)?,
                r.get::<_, bool>(5)?,
            ))
        })?;
        for row in rows {
            let (id, account_id, name, email, others, archived) = row?;
            let found = Found { id, archived };
            for email in email.iter().chain(others.iter()) {
                known.people_by_email.insert(key(email), found.clone());
            }
            known.people_by_name.insert((account_id, key(&name)), found);
        }
        // A meeting made in Rapport is known to calendars by the UID Rapport's export gave it.
        let mut stmt = conn.prepare(
            "SELECT id, coalesce(ical_uid, id || '@rapport'), archived_at IS NOT NULL FROM meetings ORDER BY 3 DESC",
        )?;
        for row in
            stmt.query_map([], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?, r.get::<_, bool>(2)?)))?
        {
            let (id, uid, archived) = row?;
            known.meetings_by_uid.insert(uid, Found { id, archived });
        }
        Ok(known)
    }

    pub(crate) fn account(&self, name: &str) -> Option<&Found> {
        self.accounts_by_name.get(&key(name))
    }

    /// The person with any of these addresses, else the one of this name at the account.
    pub(crate) fn person(&self, emails: &[String], account_id: Option<&str>, name: &str) -> Option<&Found> {
        emails
            .iter()
            .find_map(|e| self.people_by_email.get(&key(e)))
            .or_else(|| account_id.and_then(|a| self.people_by_name.get(&(a.to_string(), key(name)))))
    }

    pub(crate) fn meeting(&self, uid: &str) -> Option<&Found> {
        self.meetings_by_uid.get(uid)
    }

    pub(crate) fn add_account(&mut self, a: &Account) {
        self.accounts_by_name.insert(key(&a.name), Found { id: a.id.clone(), archived: false });
    }

    pub(crate) fn add_person(&mut self, c: &Contact) {
        let found = Found { id: c.id.clone(), archived: false };
        for email in c.email.iter().chain(c.other_emails.iter()) {
            self.people_by_email.insert(key(email), found.clone());
        }
        self.people_by_name.insert((c.account_id.clone(), key(&c.name)), found);
    }

    pub(crate) fn add_meeting(&mut self, m: &Meeting) {
        if let Some(uid) = &m.ical_uid {
            self.meetings_by_uid.insert(uid.clone(), Found { id: m.id.clone(), archived: false });
        }
    }
}

/// Takes a record out of the archive so that an import can merge into it.
pub(crate) fn unarchive(conn: &Connection, kind: RecordKind, id: &str) -> Result<()> {
    let table = match kind {
        RecordKind::Account => "accounts",
        RecordKind::Contact => "contacts",
        RecordKind::Meeting => "meetings",
        _ => {
            return Err(Error::conflict(
                "An import brings back only accounts, people and meetings from the archive; restore anything else from the Archive view.",
            ));
        }
    };
    conn.execute(&format!("UPDATE {table} SET archived_at = NULL WHERE id = ?1"), [id])?;
    Ok(())
}

pub(crate) fn account(conn: &Connection, id: &str) -> Result<Account> {
    accounts::require(conn, id)
}

pub(crate) fn person(conn: &Connection, id: &str) -> Result<Contact> {
    contacts::get_live(conn, id)
}

pub(crate) fn meeting(conn: &Connection, id: &str) -> Result<Meeting> {
    meetings::get(conn, id)
}

/// The account a live person works at, for a person matched by email at another account.
pub(crate) fn account_name(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT name FROM accounts WHERE id = ?1", [id], |r| r.get(0)).optional()?)
}
