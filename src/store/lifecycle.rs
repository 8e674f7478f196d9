//! Archiving and restoring: nothing the user deletes is lost. An archived record leaves every
//! list and the search index, and comes back whole when restored.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use specta::Type;

use super::{Store, codec};
use crate::domain::{Id, RecordKind};
use crate::error::{Error, Result};

/// Where each kind of record is kept in the file.
impl RecordKind {
    fn table(self) -> &'static str {
        match self {
            RecordKind::Account => "accounts",
            RecordKind::Contact => "contacts",
            RecordKind::CultureNote => "culture_notes",
            RecordKind::Goal => "goals",
            RecordKind::Promise => "promises",
            RecordKind::Interaction => "interactions",
            RecordKind::Request => "requests",
            RecordKind::Issue => "issues",
            RecordKind::Meeting => "meetings",
        }
    }

    /// The column that names a record in a list of archived things.
    fn label_column(self) -> &'static str {
        match self {
            RecordKind::Account | RecordKind::Contact => "name",
            RecordKind::CultureNote | RecordKind::Promise | RecordKind::Request => "text",
            RecordKind::Goal | RecordKind::Issue | RecordKind::Meeting => "title",
            RecordKind::Interaction => "summary",
        }
    }

    fn account_column(self) -> &'static str {
        if self == RecordKind::Account { "id" } else { "account_id" }
    }
}

/// Something in the archive, with what is needed to show it and bring it back.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ArchivedRecord {
    pub kind: RecordKind,
    pub id: Id,
    pub account_id: Id,
    pub label: String,
    pub archived_at: DateTime<Utc>,
}

impl Store {
    /// Moves a live record to the archive.
    pub fn archive(&mut self, kind: RecordKind, id: &str, now: DateTime<Utc>) -> Result<ArchivedRecord> {
        self.write(|tx| {
            let sql =
                format!("UPDATE {} SET archived_at = ?2 WHERE id = ?1 AND archived_at IS NULL", kind.table());
            if tx.execute(&sql, params![id, codec::instant(&now)])? == 0 {
                return Err(Error::not_found(format!(
                    "That {} is not in this database, or is already archived. Reload to see what is there.",
                    kind.noun()
                )));
            }
            archived_record(tx, kind, id)
        })
    }

    /// Brings an archived record back, as it was.
    pub fn restore(&mut self, kind: RecordKind, id: &str) -> Result<()> {
        self.write(|tx| {
            let sql = format!(
                "UPDATE {} SET archived_at = NULL WHERE id = ?1 AND archived_at IS NOT NULL",
                kind.table()
            );
            if tx.execute(&sql, [id])? == 0 {
                return Err(Error::not_found(format!(
                    "That {} is not in the archive. It may have been restored already.",
                    kind.noun()
                )));
            }
            Ok(())
        })
    }

    /// Everything in the archive, most recently archived first.
    pub fn archived(&self) -> Result<Vec<ArchivedRecord>> {
        let mut all = Vec::new();
        for kind in RecordKind::ALL {
            let sql = format!(
                "SELECT id, {}, {}, archived_at FROM {} WHERE archived_at IS NOT NULL",
                kind.account_column(),
                kind.label_column(),
                kind.table()
            );
            let mut stmt = self.conn().prepare(&sql)?;
            let rows = stmt.query_map([], |row| {
                Ok(ArchivedRecord {
                    kind,
                    id: row.get(0)?,
                    account_id: row.get(1)?,
                    label: row.get(2)?,
                    archived_at: codec::parse_instant(3, &row.get::<_, String>(3)?)?,
                })
            })?;
            for row in rows {
                all.push(row?);
            }
        }
        all.sort_by(|a, b| b.archived_at.cmp(&a.archived_at).then_with(|| a.id.cmp(&b.id)));
        Ok(all)
    }
}

fn archived_record(conn: &rusqlite::Connection, kind: RecordKind, id: &str) -> Result<ArchivedRecord> {
    let sql = format!(
        "SELECT {}, {}, archived_at FROM {} WHERE id = ?1",
        kind.account_column(),
        kind.label_column(),
        kind.table()
    );
    conn.query_row(&sql, [id], |row| {
        Ok(ArchivedRecord {
            kind,
            id: id.to_string(),
            account_id: row.get(0)?,
            label: row.get(1)?,
            archived_at: codec::parse_instant(2, &row.get::<_, String>(2)?)?,
        })
    })
    .optional()?
    .ok_or_else(|| {
        Error::not_found("That record vanished while it was being archived. Reload and try again.")
    })
}
