//! The user's settings: one JSON value per key in the `settings` table. A value that cannot be
//! read (written by a later Rapport, or damaged) falls back to the default rather than failing.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{Store, codec};
use crate::error::Result;

/// One setting, read on any connection to the file.
pub(crate) fn read<T: DeserializeOwned + Default>(conn: &rusqlite::Connection, key: &str) -> Result<T> {
    let text: Option<String> =
        conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default())
}

impl Store {
    pub(crate) fn setting<T: DeserializeOwned + Default>(&self, key: &str) -> Result<T> {
        read(self.conn(), key)
    }

    pub(crate) fn save_setting<T: Serialize>(&mut self, key: &str, value: &T) -> Result<()> {
        let text = codec::json(value);
        self.write(|tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, text],
            )?;
            Ok(())
        })
    }
}

pub(crate) const BACKUP_POLICY_KEY: &str = "backup_policy";

impl Store {
    pub fn backup_policy(&self) -> Result<super::BackupPolicy> {
        self.setting(BACKUP_POLICY_KEY)
    }

    pub fn save_backup_policy(&mut self, policy: &super::BackupPolicy) -> Result<()> {
        policy.check()?;
        self.save_setting(BACKUP_POLICY_KEY, policy)
    }
}
