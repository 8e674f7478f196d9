//! What an import matches against: every account, person and meeting already in the file,
//! archived ones included, so a record deleted and imported again comes back instead of twice.

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

/// What a key names, in the table of keys.
#[derive(Clone, Copy)]
enum Key {
    AccountName = 0,
    Email = 1,
    /// A person's name at one account: the account's id, a unit separator, the name's key.
    PersonName = 2,
    MeetingUid = 3,
}

/// Lookups by the keys imports match on, kept current as the import adds records. The keys live
/// in a temporary table of the import's own connection, not in this process's memory, so that a
/// file of a million people is matched in the memory SQLite's page cache allows (on disk for a
/// plain database; in memory for a locked one, whose temporary files SQLCipher would not lock).
/// It is made inside the import's transaction, and goes with it.
pub(crate) struct Known<'c> {
    conn: &'c Connection,
}

fn person_name(account_id: &str, name: &str) -> String {
    format!("{account_id}\u{1f}{}", key(name))
}

impl<'c> Known<'c> {
    pub(crate) fn load(conn: &'c Connection) -> Result<Known<'c>> {
        conn.execute_batch(
            "DROP TABLE IF EXISTS temp.import_keys;
             CREATE TEMP TABLE import_keys (
                 kind INTEGER NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL, archived INTEGER NOT NULL,
                 PRIMARY KEY (kind, key)
             ) WITHOUT ROWID;",
        )?;
        let known = Known { conn };
        // Archived records first, so that when a live one shares a key the live one wins.
        let mut stmt =
            conn.prepare("SELECT id, name, archived_at IS NOT NULL FROM accounts ORDER BY 3 DESC")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            known.put(Key::AccountName, &key(codec::text(r, 1)?), codec::text(r, 0)?, r.get(2)?)?;
        }
        let mut stmt = conn.prepare(
            "SELECT id, account_id, name, email, other_emails, archived_at IS NOT NULL FROM contacts ORDER BY 6 DESC, id DESC",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, archived) = (codec::text(r, 0)?, r.get(5)?);
            let others = codec::parse_json::<Vec<String>>(4, codec::text(r, 4)?)?;
            for email in r.get::<_, Option<String>>(3)?.iter().chain(others.iter()) {
                known.put(Key::Email, &key(email), id, archived)?;
            }
            known.put(Key::PersonName, &person_name(codec::text(r, 1)?, codec::text(r, 2)?), id, archived)?;
        }
        // A meeting made in Rapport is known to calendars by the UID Rapport's export gave it.
        let mut stmt = conn.prepare(
            "SELECT id, coalesce(ical_uid, id || '@rapport'), archived_at IS NOT NULL FROM meetings ORDER BY 3 DESC",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            known.put(Key::MeetingUid, codec::text(r, 1)?, codec::text(r, 0)?, r.get(2)?)?;
        }
        Ok(known)
    }

    fn put(&self, kind: Key, key: &str, id: &str, archived: bool) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT OR REPLACE INTO temp.import_keys (kind, key, id, archived) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(rusqlite::params![kind as i64, key, id, archived])?;
        Ok(())
    }

    fn get(&self, kind: Key, key: &str) -> Result<Option<Found>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id, archived FROM temp.import_keys WHERE kind = ?1 AND key = ?2")?
            .query_row(rusqlite::params![kind as i64, key], |r| {
                Ok(Found { id: r.get(0)?, archived: r.get(1)? })
            })
            .optional()?)
    }

    /// Lets the keys go once the import is applied: a kept import's transaction would otherwise
    /// keep them for as long as the connection lives (the app's, in memory beside a locked file).
    pub(crate) fn forget(self) -> Result<()> {
        self.conn.execute_batch("DROP TABLE IF EXISTS temp.import_keys")?;
        Ok(())
    }

    pub(crate) fn account(&self, name: &str) -> Result<Option<Found>> {
        self.get(Key::AccountName, &key(name))
    }

    /// The person with any of these addresses, else the one of this name at the account.
    pub(crate) fn person(
        &self,
        emails: &[String],
        account_id: Option<&str>,
        name: &str,
    ) -> Result<Option<Found>> {
        for email in emails {
            if let Some(found) = self.get(Key::Email, &key(email))? {
                return Ok(Some(found));
            }
        }
        match account_id {
            Some(a) => self.get(Key::PersonName, &person_name(a, name)),
            None => Ok(None),
        }
    }

    pub(crate) fn meeting(&self, uid: &str) -> Result<Option<Found>> {
        self.get(Key::MeetingUid, uid)
    }

    pub(crate) fn add_account(&self, a: &Account) -> Result<()> {
        self.put(Key::AccountName, &key(&a.name), &a.id, false)
    }

    pub(crate) fn add_person(&self, c: &Contact) -> Result<()> {
        for email in c.email.iter().chain(c.other_emails.iter()) {
            self.put(Key::Email, &key(email), &c.id, false)?;
        }
        self.put(Key::PersonName, &person_name(&c.account_id, &c.name), &c.id, false)
    }

    pub(crate) fn add_meeting(&self, m: &Meeting) -> Result<()> {
        match &m.ical_uid {
            Some(uid) => self.put(Key::MeetingUid, uid, &m.id, false),
            None => Ok(()),
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_keys_go_once_the_import_is_applied() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE accounts (id TEXT, name TEXT, archived_at TEXT);
             CREATE TABLE contacts (id TEXT, account_id TEXT, name TEXT, email TEXT, other_emails TEXT, archived_at TEXT);
             CREATE TABLE meetings (id TEXT, ical_uid TEXT, archived_at TEXT);
             INSERT INTO accounts VALUES ('a1', 'Kestrel', NULL);",
        )
        .unwrap();
        let tables = || -> i64 {
            conn.query_row("SELECT count(*) FROM temp.sqlite_master WHERE name = 'import_keys'", [], |r| {
                r.get(0)
            })
            .unwrap()
        };
        let known = super::Known::load(&conn).unwrap();
        assert_eq!(known.account(" kestrel ").unwrap().map(|f| f.id), Some("a1".to_string()));
        assert_eq!(tables(), 1);
        known.forget().unwrap();
        assert_eq!(tables(), 0, "nothing of the import stays with the connection");
    }
}
