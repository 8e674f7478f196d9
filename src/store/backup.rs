//! Copies of the database taken with SQLite's online backup API — never a file copy, which
//! could miss what is still in the write-ahead log.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, MAIN_DB};

use crate::error::{Error, Result};

/// Backups live beside the database, in `backups/`.
fn backup_dir(db: &Path) -> PathBuf {
    db.parent().map(|p| p.join("backups")).unwrap_or_else(|| PathBuf::from("backups"))
}

/// Takes the copy that must exist before a migration touches the file, and returns its path.
pub(super) fn before_migration(
    conn: &Connection,
    db: &Path,
    version: i64,
    now: DateTime<Utc>,
) -> Result<PathBuf> {
    let stem = db.file_stem().and_then(|s| s.to_str()).unwrap_or("rapport");
    let name = format!("{stem}-schema-v{version}-{}.db", now.format("%Y%m%dT%H%M%SZ"));
    let target = backup_dir(db).join(name);
    backup_to(conn, &target)?;
    Ok(target)
}

/// Takes a copy before an import changes the database, and returns its path.
pub fn backup_before_import(store: &super::Store, now: DateTime<Utc>) -> Result<PathBuf> {
    let db = store.path();
    let stem = db.file_stem().and_then(|s| s.to_str()).unwrap_or("rapport");
    let target = backup_dir(db).join(format!("{stem}-before-import-{}.db", now.format("%Y%m%dT%H%M%SZ")));
    backup_to(store.conn(), &target)?;
    Ok(target)
}

/// Writes a consistent copy of the open database to `target`, through a temporary file that is
/// renamed into place only once it is complete.
pub fn backup_to(conn: &Connection, target: &Path) -> Result<()> {
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::file(dir, e))?;
    }
    let partial = target.with_extension("partial");
    conn.backup(MAIN_DB, &partial, None).map_err(|e| Error::file(&partial, e))?;
    std::fs::rename(&partial, target).map_err(|e| Error::file(target, e))?;
    Ok(())
}
