//! The SQLite file: opening it safely, keeping its schema current, and reading and writing
//! records. All SQL in Rapport lives under this module.
//!
//! Invariants: a file that is not Rapport's is never written to; a database from a newer
//! Rapport is never touched; before an existing database is migrated, a copy is taken with the
//! online backup API; every user action is one `BEGIN IMMEDIATE` transaction, so a failed write
//! leaves nothing behind.

/// Hands each row to the entry of its account in `$map` (rows of accounts not loaded are
/// dropped): the portfolio is read one table at a time, then grouped in memory.
macro_rules! spread {
    ($map:expr, $rows:expr, $($field:ident).+) => {
        for row in $rows {
            if let Some(entry) = $map.get_mut(&row.account_id) {
                entry.$($field).+.push(row);
            }
        }
    };
}

pub(crate) mod accounts;
pub mod backup;
mod bulk;
pub(crate) mod checkins;
pub(crate) mod cipher;
mod codec;
pub(crate) mod contacts;
pub(crate) mod culture;
pub mod exclusive;
pub(crate) mod goals;
mod health;
pub(crate) mod interactions;
pub(crate) mod issues;
pub(crate) mod known;
mod lifecycle;
pub(crate) mod mail;
pub(crate) mod meetings;
pub(crate) mod merges;
pub(crate) mod noticed;
mod open;
pub(crate) mod outward;
mod plans;
pub(crate) mod promises;
pub(crate) mod requests;
mod search;
pub(crate) mod settings;
mod touches;
pub mod upgrade;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::error::{Error, Result};

pub use crate::domain::RecordKind;
pub use crate::domain::Window;
pub use accounts::AccountFacts;
pub use backup::{BackupFile, BackupPolicy, BackupReason};
pub use bulk::ImportCounts;
pub use checkins::{SuggestionAction, SuggestionState};
pub use cipher::{Lock, Passphrase, lock_of};
pub use lifecycle::ArchivedRecord;
pub use plans::Plan;
pub use search::{SearchHit, SearchResults};
pub use upgrade::{Upgrade, pending_upgrade};

/// "RAPP": marks the file as Rapport's in the SQLite header, so other databases are recognised.
pub const APPLICATION_ID: i32 = 0x5241_5050;

/// The schema history, in order. A migration is never edited once released; a change is a new file.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_accounts_and_contacts.sql"),
    include_str!("migrations/0002_interactions.sql"),
    include_str!("migrations/0003_profiles.sql"),
    include_str!("migrations/0004_search.sql"),
    include_str!("migrations/0005_checkins.sql"),
    include_str!("migrations/0006_touches.sql"),
    include_str!("migrations/0007_health.sql"),
    include_str!("migrations/0008_interop.sql"),
    include_str!("migrations/0009_touch_figures.sql"),
    include_str!("migrations/0010_trend_index.sql"),
    include_str!("migrations/0011_renegotiated_is_open.sql"),
    include_str!("migrations/0012_name_parts.sql"),
    include_str!("migrations/0013_meeting_guests.sql"),
    include_str!("migrations/0014_meeting_series.sql"),
    include_str!("migrations/0015_noticed.sql"),
    include_str!("migrations/0016_mail.sql"),
    include_str!("migrations/0017_noticed_meetings.sql"),
    include_str!("migrations/0018_merges.sql"),
    include_str!("migrations/0019_advisor.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The passphrase of a locked database: its backups are locked with it too.
    key: Option<Passphrase>,
    /// Counts the user actions written through this store (see [`Store::version`]).
    writes: u64,
    /// The lock every write shares and maintenance holds alone (see [`exclusive`]).
    lock: std::fs::File,
    /// Which file the connection opened: a write refuses to go into a file that encrypt or
    /// decrypt has since put aside.
    identity: Option<(u64, u64)>,
}

/// What was found in a file before Rapport decided whether to use it.
struct Header {
    application_id: i32,
    user_version: i64,
    objects: i64,
}

/// When opening a database runs the damage check (`PRAGMA quick_check`, most of a second on a
/// heavy portfolio).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Always: for a library caller that asks for it.
    Always,
    /// Only when it can find something: the last session ended uncleanly (its write-ahead log
    /// was left with pages in it) or the schema is to be updated. A command that meets damage
    /// while reading still says so, with the backup to restore (`Error::Damaged`).
    WhenUnclean,
    /// Never here: the caller runs [`check_file`] itself (the app, beside its first view).
    Never,
}

impl Store {
    /// Opens the database at `path`, creating it (and its folder) if it does not exist, and
    /// brings its schema up to date. `now` dates the backup taken before a migration.
    /// A damaged file is refused (`PRAGMA quick_check`) before anything else touches it.
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<Store> {
        Self::open_with(path, now, SCHEMA_VERSION, Check::Always, None, &mut |_| {})
    }

    /// Opens a database that may be locked with a passphrase (see [`cipher`]); `check` as for
    /// [`Store::open`] (with `true`) or [`Store::open_unchecked`].
    pub fn open_keyed(
        path: &Path,
        now: DateTime<Utc>,
        key: Option<Passphrase>,
        check: bool,
    ) -> Result<Store> {
        Self::open_with(
            path,
            now,
            SCHEMA_VERSION,
            if check { Check::Always } else { Check::Never },
            key,
            &mut |_| {},
        )
    }

    /// Opens a database that may be locked, checking it only when it can find something
    /// ([`Check::WhenUnclean`]): what each command of the CLI does.
    pub fn open_checked_when_unclean(
        path: &Path,
        now: DateTime<Utc>,
        key: Option<Passphrase>,
    ) -> Result<Store> {
        Self::open_with(path, now, SCHEMA_VERSION, Check::WhenUnclean, key, &mut |_| {})
    }

    /// Opens the database like [`Store::open`], but leaves the damage check to the caller
    /// ([`check_file`]) unless the schema must be updated: the app runs it beside the window's
    /// start, where it costs no waiting (half a second on a heavy portfolio).
    pub fn open_unchecked(path: &Path, now: DateTime<Utc>) -> Result<Store> {
        Self::open_with(path, now, SCHEMA_VERSION, Check::Never, None, &mut |_| {})
    }

    /// Opens the database and migrates it only up to `version`: how tests make a database of
    /// an older release.
    pub fn open_to(path: &Path, now: DateTime<Utc>, version: i64) -> Result<Store> {
        Self::open_with(path, now, version, Check::Always, None, &mut |_| {})
    }

    /// Opens a database like [`Store::open_keyed`] without the damage check unless the schema
    /// must be updated, telling `observe` each stage of an update as it starts: what the app's
    /// window shows while an upgrade runs.
    pub fn open_observed(
        path: &Path,
        now: DateTime<Utc>,
        key: Option<Passphrase>,
        observe: &mut dyn FnMut(Upgrade),
    ) -> Result<Store> {
        Self::open_with(path, now, SCHEMA_VERSION, Check::Never, key, observe)
    }

    fn open_with(
        path: &Path,
        now: DateTime<Utc>,
        version: i64,
        check: Check,
        key: Option<Passphrase>,
        observe: &mut dyn FnMut(Upgrade),
    ) -> Result<Store> {
        let exists = path.exists();
        // Read before SQLite opens the file: the last connection to close cleanly empties the
        // log and removes it, so pages left in it mean a session that ended uncleanly (or one
        // running beside this one, where a check costs time but finds the truth as well).
        let unclean = wal_has_pages(path);
        not_a_plain_file(path)?;
        if !exists {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                backup::private_dir(dir)?;
            }
            // Created by Rapport before SQLite opens it, so only the user can read it; SQLite
            // gives its log files the same permissions.
            backup::private_file(path)?;
        }
        let lock = cipher::lock_of(path)?;
        if lock == Lock::Foreign {
            return Err(Error::NotRapportDatabase { path: path.display().to_string() });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| Error::file(path, e))?;
        // Without its passphrase a locked file is refused here, before anything could take it
        // for an empty one.
        cipher::unlock(&conn, path, lock, key.as_ref())?;
        let key = if lock == Lock::Locked { key } else { None };
        let header = read_header(&conn, path)?;
        let is_ours = header.application_id == APPLICATION_ID;
        let is_blank = header.application_id == 0 && header.user_version == 0 && header.objects == 0;
        if !is_ours && !is_blank {
            return Err(Error::NotRapportDatabase { path: path.display().to_string() });
        }
        if header.user_version > SCHEMA_VERSION {
            return Err(Error::NewerSchema { found: header.user_version, known: SCHEMA_VERSION });
        }

        let wanted = match check {
            Check::Always => true,
            Check::WhenUnclean => unclean,
            Check::Never => false,
        };
        let upgrading = exists && header.objects > 0 && header.user_version < version;
        if exists && header.objects > 0 && (wanted || upgrading) {
            if upgrading {
                observe(Upgrade::Checking);
            }
            check_whole(&conn, path)?;
        }

        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // FULL: a commit survives power loss, not only a crash of the app.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // A 16 MiB page cache for the reads that touch many pages. No memory map: it made the
        // health review twice as fast on a heavy portfolio, but every page it touched counted
        // in the app's memory (30 MiB more at start), and memory is the scarcer resource on a laptop.
        conn.pragma_update(None, "mmap_size", 0)?;
        conn.pragma_update(None, "cache_size", -16 * 1024)?;
        // Temporary tables beyond the page cache (an import's keys for a million people) spill to
        // a file rather than fill memory — but only beside a plain database: SQLCipher does not
        // lock temporary files, so a locked database keeps them in memory (the build's default).
        if key.is_none() {
            conn.pragma_update(None, "temp_store", "FILE")?;
        }

        if header.user_version < version {
            let backup = if header.user_version > 0 {
                observe(Upgrade::KeepingCopy);
                Some(backup::take(&conn, path, BackupReason::BeforeMigration, now, key.as_ref())?.path)
            } else {
                None
            };
            let from = header.user_version;
            let mut step = |done: i64| {
                if upgrading {
                    observe(Upgrade::Migrating {
                        done: u32::try_from(done - from).unwrap_or(0),
                        of: u32::try_from(version - from).unwrap_or(0),
                        backup: backup.clone(),
                    });
                }
            };
            migrate(&mut conn, from, version, &mut step).map_err(|detail| match &backup {
                Some(backup) => Error::Migration { detail, backup: backup.clone() },
                None => Error::Storage { detail },
            })?;
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        // What an interrupted backup left behind is cleaned at the next start.
        backup::clean_leftovers(path);
        let lock = exclusive::open(path)?;
        let identity = exclusive::file_identity(path);
        Ok(Store { conn, path: path.to_path_buf(), key, writes: 0, lock, identity })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The passphrase the database is locked with, if it is.
    pub fn key(&self) -> Option<&Passphrase> {
        self.key.as_ref()
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    /// Runs `action` as one write transaction, taken at once (`BEGIN IMMEDIATE`) so that it
    /// never fails half-way for want of the write lock. Anything `action` returns as an error
    /// rolls the whole action back.
    pub(crate) fn write<T>(
        &mut self,
        action: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let _shared = exclusive::shared(&self.lock)?;
        if !exclusive::same_file(&self.path, self.identity) {
            return Err(Error::Conflict {
                message: "This database was restored, locked or unlocked by another Rapport while this waited, so nothing was saved. Do it again (restart the app first if it is open).".into(),
            });
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        self.writes += 1;
        let value = action(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs `action` in a write transaction like [`Store::write`], then rolls it back whatever
    /// it returns: a rehearsal that checks and counts what an action would do.
    pub(crate) fn rehearse<T>(
        &mut self,
        action: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = action(&tx);
        tx.rollback()?;
        value
    }

    /// Changes whenever anything is written to the file: by this store (each action counted,
    /// even one rolled back) or by another connection, such as the CLI run beside the app
    /// (SQLite's `data_version`). A cache of what was read is current while this is unchanged;
    /// `None` when it cannot be told, which no cache may take as current.
    pub fn version(&self) -> Option<u64> {
        let others: i64 = self.conn.pragma_query_value(None, "data_version", |r| r.get(0)).ok()?;
        // Both parts only grow, so their sum changes whenever either does.
        Some(self.writes + u64::try_from(others).ok()?)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// `INSERT … ON CONFLICT (id) DO UPDATE`: one statement that adds a record or edits it in place.
/// The id and `created_at` never change, and an archived record is never edited.
pub(crate) fn upsert_sql(table: &str, columns: &str) -> String {
    let names: Vec<&str> = columns.split(',').map(str::trim).collect();
    let values: Vec<String> = (1..=names.len()).map(|n| format!("?{n}")).collect();
    let set: Vec<String> = names
        .iter()
        .filter(|c| !matches!(**c, "id" | "created_at"))
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!(
        "INSERT INTO {table} ({columns}) VALUES ({}) ON CONFLICT (id) DO UPDATE SET {} WHERE {table}.archived_at IS NULL",
        values.join(", "),
        set.join(", ")
    )
}

fn read_header(conn: &Connection, path: &Path) -> Result<Header> {
    let read = || -> rusqlite::Result<Header> {
        Ok(Header {
            application_id: conn.pragma_query_value(None, "application_id", |row| row.get(0))?,
            user_version: conn.pragma_query_value(None, "user_version", |row| row.get(0))?,
            objects: conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?,
        })
    };
    read().map_err(|err| match err.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => {
            Error::NotRapportDatabase { path: path.display().to_string() }
        }
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => Error::Damaged {
            path: path.display().to_string(),
            newest_backup: backup::list(path).ok().and_then(|f| f.into_iter().next()).map(|f| f.path),
        },
        _ => Error::file(path, err),
    })
}

/// Runs the damage check of [`Store::open`] on its own read-only connection.
pub fn check_file(path: &Path, key: Option<&Passphrase>) -> Result<()> {
    let conn = cipher::open(path, OpenFlags::SQLITE_OPEN_READ_ONLY, key)?;
    check_whole(&conn, path)
}

/// `PRAGMA quick_check` before anything else touches the file: a damaged database is opened
/// no further, and the error names the newest backup to restore.
fn check_whole(conn: &Connection, path: &Path) -> Result<()> {
    let verdict = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get::<_, String>(0));
    if matches!(&verdict, Ok(v) if v == "ok") {
        return Ok(());
    }
    Err(damaged(path))
}

/// The whole check, `PRAGMA integrity_check` (indexes included), on demand (`rapport check`).
pub fn check_thoroughly(path: &Path, key: Option<&Passphrase>) -> Result<()> {
    let conn = cipher::open(path, OpenFlags::SQLITE_OPEN_READ_ONLY, key)?;
    let verdict = conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get::<_, String>(0));
    if matches!(&verdict, Ok(v) if v == "ok") { Ok(()) } else { Err(damaged(path)) }
}

/// Refuses a path that names something other than a file: a folder, or a device such as
/// /dev/null (where nothing written would be kept).
pub(crate) fn not_a_plain_file(path: &Path) -> Result<()> {
    let Ok(meta) = std::fs::metadata(path) else { return Ok(()) };
    let what = if meta.is_dir() {
        "a folder"
    } else if !meta.is_file() {
        "a device or a pipe, where nothing written would be kept"
    } else {
        return Ok(());
    };
    Err(Error::validation(
        "db",
        format!(
            "{} is {what}, not a database file. Give the path of a file (it is created if it does not exist), such as {}.",
            path.display(),
            if meta.is_dir() { path.join("rapport.db").display().to_string() } else { "rapport.db".into() }
        ),
    ))
}

/// The database at `path` is damaged: the sentence that names the newest backup to restore.
pub fn damaged(path: &Path) -> Error {
    let newest = backup::list(path).ok().and_then(|files| files.into_iter().next()).map(|f| f.path);
    Error::Damaged { path: path.display().to_string(), newest_backup: newest }
}

/// Whether the write-ahead log beside `path` holds pages (its header alone is 32 bytes).
fn wal_has_pages(path: &Path) -> bool {
    std::fs::metadata(format!("{}-wal", path.display())).is_ok_and(|m| m.len() > 32)
}

/// Brings the schema from `from` to `version` in one transaction — all of it or none —
/// saying after each migration how far it has come (`step` is told the version reached, `from`
/// first). What `rusqlite_migration` would run, one migration at a time, so that a long upgrade
/// can show its progress; the crate still validates the list (the test below).
fn migrate(
    conn: &mut Connection,
    from: i64,
    version: i64,
    step: &mut dyn FnMut(i64),
) -> std::result::Result<(), String> {
    let first = usize::try_from(from).map_err(|e| e.to_string())?;
    let last = usize::try_from(version).map_err(|e| e.to_string())?;
    let tx = conn.transaction().map_err(|e| e.to_string())?;
    step(from);
    for (index, sql) in MIGRATIONS.iter().enumerate().take(last).skip(first) {
        tx.execute_batch(sql).map_err(|e| format!("migration {}: {e}", index + 1))?;
        step(i64::try_from(index + 1).unwrap_or(version));
    }
    tx.pragma_update(None, "user_version", version).map_err(|e| e.to_string())?;
    tx.commit().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        use rusqlite_migration::{M, Migrations};
        let steps: Vec<M<'static>> = MIGRATIONS.iter().map(|sql| M::up(sql)).collect();
        Migrations::new(steps).validate().expect("every migration applies in order on an empty database");
    }
}
