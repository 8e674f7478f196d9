//! Locking the database with a passphrase, and unlocking it: the whole file and every backup of
//! it are converted, so no plain copy stays beside a locked database. A copy is taken first.
//! No other process may have the database open meanwhile: close the app before using these
//! from the command line.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::Rapport;
use crate::error::{Error, Result};
use crate::store::{BackupReason, Lock, Passphrase, backup, cipher, lock_of};

/// Locks the plain database at `db` (and its backups) with `new`, and opens it.
pub fn encrypt(db: &Path, new: &Passphrase, now: DateTime<Utc>) -> Result<Rapport> {
    if lock_of(db)? == Lock::Locked {
        return Err(Error::conflict(
            "This database is already locked with a passphrase. To choose another, unlock it with `rapport decrypt`, then lock it again.",
        ));
    }
    convert_all(db, None, Some(new), now)?;
    Rapport::open_keyed(db, now, Some(new.clone()), true)
}

/// Unlocks the database at `db` (and its backups), which `key` opens, and opens it.
pub fn decrypt(db: &Path, key: &Passphrase, now: DateTime<Utc>) -> Result<Rapport> {
    if lock_of(db)? != Lock::Locked {
        return Err(Error::conflict(
            "This database is not locked with a passphrase; there is nothing to unlock.",
        ));
    }
    convert_all(db, Some(key), None, now)?;
    Rapport::open(db, now)
}

fn convert_all(
    db: &Path,
    from: Option<&Passphrase>,
    to: Option<&Passphrase>,
    now: DateTime<Utc>,
) -> Result<()> {
    // Opened (and so checked for damage) and copied as it is, then closed for the conversion.
    let before = Rapport::open_keyed(db, now, from.cloned(), true)?;
    before.back_up_for(BackupReason::BeforeLockChange, now)?;
    drop(before);
    cipher::convert(db, from, to)?;
    // Only copies still in the old state: one converted by an earlier, interrupted run is left.
    let old = if from.is_some() { Lock::Locked } else { Lock::Plain };
    for file in backup::list(db)? {
        let path = Path::new(&file.path);
        if lock_of(path)? == old {
            cipher::convert(path, from, to)?;
        }
    }
    Ok(())
}
