//! Maintenance never races a write, across processes. Every Rapport process that writes (the
//! app, each CLI command) holds a *shared* lock on `<database>-lock` for each write
//! transaction; restore, encrypt and decrypt hold it *exclusively* for the whole operation, so
//! they start only once every write under way has committed, and no write starts until they
//! are done. A write that waited on a maintenance which replaced the file (encrypt, decrypt)
//! finds its connection pointing at the old file and is refused, never silently lost.
//!
//! SQLite's own locks cannot do this: they cover one transaction, and a backup or a file
//! swap is many. The lock file is separate from the database because closing any descriptor
//! of a file releases every POSIX lock SQLite holds on it in this process.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// How long a write waits for a maintenance operation, and a maintenance for the writes under
/// way, before giving up with a sentence.
const PATIENCE: Duration = Duration::from_secs(30);

/// The lock file beside the database.
pub fn lock_path(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}-lock", db.display()))
}

/// A held lock; released when dropped.
pub struct Held {
    file: File,
}

impl Drop for Held {
    fn drop(&mut self) {
        unlock(&self.file);
    }
}

/// Opens (creating, owner-only) the lock file of `db`.
pub fn open(db: &Path) -> Result<File> {
    let path = lock_path(db);
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(&path).map_err(|e| Error::io(&path, e))
}

/// Takes the shared lock a write holds, waiting while a maintenance operation runs.
pub fn shared(file: &File) -> Result<Held> {
    let held = take(file, false)?.ok_or_else(|| Error::Conflict {
        message: "Rapport is busy restoring a backup or locking the database in another window or command; nothing was saved. Try again in a minute.".into(),
    })?;
    Ok(held)
}

/// Takes the exclusive lock of a maintenance operation on `db`, waiting for the writes under way.
pub fn exclusive(db: &Path) -> Result<Held> {
    let file = open(db)?;
    take(&file, true)?.ok_or_else(|| Error::Conflict {
        message: "Another Rapport (the app, or a command still running) kept writing to this database, so nothing was changed. Close the app and wait for running commands, then try again.".into(),
    })
}

/// The exclusive lock if it can be had this instant (no write or maintenance under way in any
/// process), for chores that must not race either; `None` otherwise, without waiting.
pub fn try_alone(db: &Path) -> Option<Held> {
    try_now(&open(db).ok()?, true)
}

/// Whether the file at `db` is still the one a connection opened as `identity`: encrypt and
/// decrypt put a new file in its place.
pub fn same_file(db: &Path, identity: Option<(u64, u64)>) -> bool {
    identity.is_none() || file_identity(db) == identity
}

/// The device and inode of the file at `path`, where the system has them.
pub fn file_identity(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

#[cfg(unix)]
fn take(file: &File, exclusive: bool) -> Result<Option<Held>> {
    use std::os::fd::AsRawFd;
    let mode = if exclusive { libc::LOCK_EX } else { libc::LOCK_SH };
    let started = Instant::now();
    loop {
        // SAFETY: flock on a descriptor this process owns; no memory is shared.
        if unsafe { libc::flock(file.as_raw_fd(), mode | libc::LOCK_NB) } == 0 {
            let file = file.try_clone().map_err(|e| Error::Storage { detail: e.to_string() })?;
            return Ok(Some(Held { file }));
        }
        let err = std::io::Error::last_os_error();
        if err.raw_os_error() != Some(libc::EWOULDBLOCK) && err.kind() != std::io::ErrorKind::Interrupted {
            return Err(Error::Storage { detail: format!("the database's lock file: {err}") });
        }
        if started.elapsed() >= PATIENCE {
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[cfg(unix)]
fn try_now(file: &File, exclusive: bool) -> Option<Held> {
    use std::os::fd::AsRawFd;
    let mode = if exclusive { libc::LOCK_EX } else { libc::LOCK_SH };
    // SAFETY: as in `take`.
    if unsafe { libc::flock(file.as_raw_fd(), mode | libc::LOCK_NB) } != 0 {
        return None;
    }
    Some(Held { file: file.try_clone().ok()? })
}

#[cfg(not(unix))]
fn try_now(file: &File, _exclusive: bool) -> Option<Held> {
    Some(Held { file: file.try_clone().ok()? })
}

#[cfg(unix)]
fn unlock(file: &File) {
    use std::os::fd::AsRawFd;
    // SAFETY: as above.
    unsafe {
        libc::flock(file.as_raw_fd(), libc::LOCK_UN);
    }
}

#[cfg(not(unix))]
fn take(file: &File, _exclusive: bool) -> Result<Option<Held>> {
    let file = file.try_clone().map_err(|e| Error::Storage { detail: e.to_string() })?;
    Ok(Some(Held { file }))
}

#[cfg(not(unix))]
fn unlock(_file: &File) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn try_now(file: &File, mode: i32) -> bool {
        // SAFETY: as in `take`.
        let got = unsafe { libc::flock(std::os::fd::AsRawFd::as_raw_fd(file), mode | libc::LOCK_NB) };
        if got == 0 {
            unlock(file);
        }
        got == 0
    }

    #[cfg(unix)]
    #[test]
    fn writers_share_and_maintenance_excludes_them() {
        let dir = tempfile::TempDir::new().unwrap();
        let db = dir.path().join("rapport.db");
        let (a, b, probe) = (open(&db).unwrap(), open(&db).unwrap(), open(&db).unwrap());
        let one = shared(&a).unwrap();
        let two = shared(&b).unwrap();
        assert!(!try_now(&probe, libc::LOCK_EX), "maintenance waits for the writes under way");
        drop((one, two));
        let held = exclusive(&db).unwrap();
        assert!(!try_now(&probe, libc::LOCK_SH), "a write waits for maintenance");
        drop(held);
        assert!(try_now(&probe, libc::LOCK_SH));
    }
}
