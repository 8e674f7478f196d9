//! An upgrade as the user waits for it: whether a file needs one, and how far one has come.
//! Opening a database of an older release checks it, keeps a copy of it as it was, then runs the
//! migrations; on a heavy portfolio that takes seconds, which the app shows rather than a blank
//! window (`Store::open_observed`).

use std::path::Path;

use rusqlite::OpenFlags;
use serde::Serialize;
use specta::Type;

use super::cipher::{self, Passphrase};
use super::{APPLICATION_ID, SCHEMA_VERSION};

/// The stage an upgrade has reached, told as it starts.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum Upgrade {
    /// The file is checked for damage before anything in it changes.
    Checking,
    /// A copy of the file as it is is being kept beside the backups.
    KeepingCopy,
    /// `done` of `of` changes to the file's layout are made, in one transaction; the copy is
    /// at `backup`.
    Migrating { done: u32, of: u32, backup: Option<String> },
}

/// The schema versions an upgrade of the file at `path` would go from and to, when it needs
/// one: an existing Rapport file of an older release. `None` for a new, current, foreign or
/// unreadable file (opening it says why), and for a locked one without its passphrase.
pub fn pending_upgrade(path: &Path, key: Option<&Passphrase>) -> Option<(i64, i64)> {
    if !path.is_file() {
        return None;
    }
    let conn = cipher::open(path, OpenFlags::SQLITE_OPEN_READ_ONLY, key).ok()?;
    let id: i32 = conn.pragma_query_value(None, "application_id", |row| row.get(0)).ok()?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0)).ok()?;
    (id == APPLICATION_ID && version > 0 && version < SCHEMA_VERSION).then_some((version, SCHEMA_VERSION))
}
