//! Backups as user actions: take one now, keep the daily schedule, see them, choose how many are
//! kept, and restore one. Listing and restoring work from the path alone, so the app can offer
//! them even when the database itself cannot be opened.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use super::Rapport;
use crate::clock::{Clock, machine_now};
use crate::error::{Error, Result};
use crate::store::{BackupFile, BackupPolicy, BackupReason, Passphrase, backup};

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Backups {
    /// Where the copies are kept.
    pub folder: String,
    /// Newest first.
    pub files: Vec<BackupFile>,
    pub policy: BackupPolicy,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Restored {
    pub from: String,
    /// The database as it was just before, kept in the backup folder.
    pub safety_copy: Option<String>,
}

impl Rapport {
    /// Takes a copy now, then thins the older ones. Thinning that fails leaves extra copies,
    /// never fewer, so it does not fail the backup.
    /// Copies are named and thinned by the machine's clock when `now` is pinned.
    pub(crate) fn back_up_for(&self, reason: BackupReason, now: DateTime<Utc>) -> Result<BackupFile> {
        let now = self.chore_time(now);
        let file = backup::take(self.store.conn(), self.store.path(), reason, now, self.store.key())?;
        let _ = backup::thin(self.store.path(), self.store.backup_policy()?, now);
        Ok(file)
    }

    /// `rapport backup`, or Back up now in Settings.
    pub fn back_up(&self, now: DateTime<Utc>) -> Result<BackupFile> {
        self.back_up_for(BackupReason::Manual, now)
    }

    /// The daily copy, taken when the newest is a day old (a directory listing otherwise).
    pub fn keep_backups(&self, now: DateTime<Utc>) -> Result<Option<BackupFile>> {
        backup::keep_daily(self.store.path(), self.store.key(), self.chore_time(now))
    }

    pub fn backups(&self) -> Result<Backups> {
        backups_at(self.store.path(), self.store.backup_policy()?)
    }

    pub fn save_backup_policy(&mut self, policy: BackupPolicy, now: DateTime<Utc>) -> Result<Backups> {
        self.store.save_backup_policy(&policy)?;
        backup::thin(self.store.path(), policy, self.chore_time(now))?;
        self.backups()
    }
}

/// The daily copy of the database at `db`, taken on a connection of its own: the app calls this
/// without holding its core, so a copy of a large file (seconds) never keeps a view waiting.
pub fn keep_backups_at(
    db: &Path,
    key: Option<&Passphrase>,
    now: DateTime<Utc>,
) -> Result<Option<BackupFile>> {
    backup::keep_daily(db, key, now)
}

/// The backups of the database at `db`, whether or not it can be opened.
pub fn backups_at(db: &Path, policy: BackupPolicy) -> Result<Backups> {
    Ok(Backups { folder: backup::folder(db).display().to_string(), files: backup::list(db)?, policy })
}

/// Replaces the database at `db` with the backup `file` once it is checked whole, keeping the
/// database as it was in the backup folder, and opens the result (bringing an older copy's
/// schema up to date). `key` is the database's passphrase when it is locked: its backups are
/// locked with it. Any open [`Rapport`] on `db` must be dropped first.
pub fn restore(
    db: &Path,
    file: &Path,
    now: DateTime<Utc>,
    key: Option<Passphrase>,
) -> Result<(Rapport, Restored)> {
    // A wrong passphrase is said to be wrong, not taken for a backup locked with another one.
    if crate::store::lock_of(db)? == crate::store::Lock::Locked {
        drop(crate::store::cipher::open(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY, key.as_ref())?);
    }
    // Alone from the safety copy to the last page restored: a write in between would be in
    // neither the copy kept nor the file restored.
    let alone = crate::store::exclusive::exclusive(db)?;
    let safety = backup::restore(db, file, now, key.as_ref())?;
    drop(alone);
    let rapport = Rapport::open_keyed(db, now, key, true)?;
    let restored =
        Restored { from: file.display().to_string(), safety_copy: safety.map(|p| p.display().to_string()) };
    Ok((rapport, restored))
}

/// Restores `file` over the database at `db` for a caller that keeps it open in `slot` (the
/// app): the file is checked before the open database is touched, the open database is closed
/// before its file is replaced, and whatever happens `slot` then holds what opened — the restored
/// database, or the one as it was — on `clock`. While it runs, `slot` holds `closed()`. A chore:
/// the copy kept is named by the machine's clock.
pub fn restore_over<E: From<Error>>(
    slot: &mut std::result::Result<Rapport, E>,
    db: &Path,
    file: &Path,
    clock: Clock,
    closed: impl FnOnce() -> E,
) -> Result<Restored> {
    // The backups of a locked database are locked with its passphrase.
    let key = slot.as_ref().ok().and_then(|r| r.store().key().cloned());
    backup::check(file, key.as_ref())?;
    *slot = Err(closed());
    let now = machine_now();
    let reopen = |r: Result<Rapport>| {
        r.map(|mut r| {
            r.set_clock(clock);
            r
        })
        .map_err(E::from)
    };
    match restore(db, file, now, key.clone()) {
        Ok((rapport, restored)) => {
            *slot = reopen(Ok(rapport));
            Ok(restored)
        }
        Err(err) => {
            *slot = reopen(Rapport::open_keyed(db, now, key, true));
            Err(err)
        }
    }
}
