//! Locking the database with a passphrase, and unlocking it: the whole file and every backup of
//! it are converted, so no plain copy stays beside a locked database. A copy is taken first.
//! Both hold the database alone (`store::exclusive`): writes under way finish first, and a
//! write that waited is refused rather than lost in the file put aside.

use std::path::Path;

use chrono::{DateTime, Utc};

use rusqlite::OpenFlags;

use super::Rapport;
use crate::error::{Error, Result};
use crate::store::{BackupReason, Lock, Passphrase, backup, cipher, exclusive, lock_of};

/// Locks the plain database at `db` (and its backups) with `new`, and opens it. The backups are
/// locked first and the database last, so an interruption never leaves a plain copy beside a
/// locked database; running it again finishes the job.
pub fn encrypt(db: &Path, new: &Passphrase, now: DateTime<Utc>) -> Result<Rapport> {
    let _alone = exclusive::exclusive(db)?;
    if lock_of(db)? == Lock::Locked {
        // Opening proves the key: `cipher::open` reads the schema with it.
        if cipher::open(db, OpenFlags::SQLITE_OPEN_READ_ONLY, Some(new)).is_ok() {
            // An earlier run locked the database itself: only copies left plain remain to do.
            backup::clean_leftovers_now(db);
            convert_backups(db, None, Some(new))?;
            return Rapport::open_keyed(db, now, Some(new.clone()), true);
        }
        return Err(Error::conflict(
            "This database is already locked with a passphrase. To choose another, unlock it with `rapport decrypt`, then lock it again.",
        ));
    }
    let before = Rapport::open_keyed(db, now, None, true)?;
    before.back_up_for(BackupReason::BeforeLockChange, now)?;
    drop(before);
    // A plain temporary copy left by an interrupted backup would outlive the lock.
    backup::clean_leftovers_now(db);
    convert_backups(db, None, Some(new))?;
    cipher::convert(db, None, Some(new))?;
    Rapport::open_keyed(db, now, Some(new.clone()), true)
}

/// Unlocks the database at `db` (and its backups), which `key` opens, and opens it. The
/// database is unlocked first; running it again after an interruption unlocks the copies left.
pub fn decrypt(db: &Path, key: &Passphrase, now: DateTime<Utc>) -> Result<Rapport> {
    let _alone = exclusive::exclusive(db)?;
    if lock_of(db)? != Lock::Locked {
        if !locked_copies_left(db)? {
            return Err(Error::conflict(
                "This database is not locked with a passphrase; there is nothing to unlock.",
            ));
        }
        // An earlier run unlocked the database itself: the copies still locked remain to do.
        convert_backups(db, Some(key), None)?;
        return Rapport::open(db, now);
    }
    let before = Rapport::open_keyed(db, now, Some(key.clone()), true)?;
    before.back_up_for(BackupReason::BeforeLockChange, now)?;
    drop(before);
    backup::clean_leftovers_now(db);
    cipher::convert(db, Some(key), None)?;
    convert_backups(db, Some(key), None)?;
    Rapport::open(db, now)
}

/// Whether unlocking `db` needs a passphrase although the file itself is plain: an earlier,
/// interrupted unlock left locked copies.
pub fn decrypt_needs_passphrase(db: &Path) -> Result<bool> {
    Ok(lock_of(db)? != Lock::Locked && locked_copies_left(db)?)
}

fn locked_copies_left(db: &Path) -> Result<bool> {
    Ok(backup::list(db)?.iter().any(|f| lock_of(Path::new(&f.path)).is_ok_and(|l| l == Lock::Locked)))
}

/// Converts every copy still in the old state; one converted by an earlier, interrupted run is
/// left as it is.
fn convert_backups(db: &Path, from: Option<&Passphrase>, to: Option<&Passphrase>) -> Result<()> {
    let old = if from.is_some() { Lock::Locked } else { Lock::Plain };
    for file in backup::list(db)? {
        let path = Path::new(&file.path);
        if lock_of(path)? == old {
            cipher::convert(path, from, to)?;
        }
    }
    Ok(())
}

/// A locked database opened with the passphrase the user typed.
pub struct Unlocked {
    pub rapport: Rapport,
    pub key: Passphrase,
    /// Whether the passphrase was kept in the system's keyring, when asked: a keyring that fails
    /// leaves the database open, and says so.
    pub remembered: Result<()>,
}

/// Opens the locked database at `db` with `passphrase` (a wrong one is refused and changes
/// nothing) and, with `remember`, keeps it in the system's keyring for the next start.
pub fn unlock(db: &Path, passphrase: &str, remember: bool, now: DateTime<Utc>) -> Result<Unlocked> {
    let key = Passphrase::given(passphrase);
    let rapport = Rapport::open_keyed(db, now, Some(key.clone()), false)?;
    let remembered = if remember { crate::keychain::remember(db, &key) } else { Ok(()) };
    Ok(Unlocked { rapport, key, remembered })
}
