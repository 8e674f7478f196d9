//! Encryption at rest, optional: SQLCipher's whole-file encryption (AES-256, its key derived from
//! the passphrase with SQLCipher's own PBKDF2-HMAC-SHA512 at 256,000 rounds). A database is
//! created plain; `rapport encrypt` converts it, and `rapport decrypt` converts it back. Its
//! backups always share its lock and passphrase, so no plain copy is left beside a locked file.
//!
//! A locked file is never mistaken for an empty one: without its passphrase, or with a wrong
//! one, it is refused and left as it is.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

/// The user's passphrase. Never printed: its `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(hidden)")
    }
}

/// Shorter than this is too easy to guess for a file full of people's personal notes.
pub const SHORTEST: usize = 10;

impl Passphrase {
    /// Checks a passphrase the user is choosing.
    pub fn choose(text: &str) -> Result<Passphrase> {
        if text.chars().count() < SHORTEST {
            return Err(Error::validation(
                "passphrase",
                format!(
                    "Choose a passphrase of at least {SHORTEST} characters: a few words you will remember are best."
                ),
            ));
        }
        Ok(Passphrase(text.to_string()))
    }

    /// A passphrase given to open a file: any text, judged by whether it opens it.
    pub fn given(text: &str) -> Passphrase {
        Passphrase(text.to_string())
    }

    pub fn text(&self) -> &str {
        &self.0
    }
}

/// What a file is, from its first bytes, before SQLite touches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    /// No file, or an empty one: a new database.
    New,
    Plain,
    Locked,
    /// Text or anything else that is not a database.
    Foreign,
}

/// Reads the first 16 bytes: a plain database starts "SQLite format 3"; a locked one starts with
/// a random salt, which is almost never all printable text.
pub fn lock_of(path: &Path) -> Result<Lock> {
    super::not_a_plain_file(path)?;
    let mut head = [0u8; 16];
    let read = match std::fs::File::open(path) {
        Ok(mut file) => file.read(&mut head).map_err(|e| Error::file(path, e))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Lock::New),
        Err(e) => return Err(Error::file(path, e)),
    };
    Ok(match read {
        0 => Lock::New,
        16 if &head == b"SQLite format 3\0" => Lock::Plain,
        16 if head.iter().any(|b| !(b.is_ascii_graphic() || b.is_ascii_whitespace())) => Lock::Locked,
        _ => Lock::Foreign,
    })
}

/// Gives `conn` the key of a locked file and proves it opens it. A plain file needs none, and a
/// key offered for one is not applied.
pub fn unlock(conn: &Connection, path: &Path, lock: Lock, key: Option<&Passphrase>) -> Result<()> {
    if lock != Lock::Locked {
        return Ok(());
    }
    let Some(key) = key else {
        return Err(Error::Locked { path: path.display().to_string() });
    };
    if key.text().is_empty() {
        // SQLCipher answers an empty key in its own terms; it opens nothing, so say that.
        return Err(Error::WrongPassphrase { path: path.display().to_string() });
    }
    quiet(conn);
    conn.pragma_update(None, "key", key.text())?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(()),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            Err(Error::WrongPassphrase { path: path.display().to_string() })
        }
        Err(e) => Err(e.into()),
    }
}

/// SQLCipher reports a wrong key on stderr as well as in its answer; Rapport says it in a
/// sentence instead.
fn quiet(conn: &Connection) {
    let _ = conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()));
}

/// Opens a database file (a backup, say) with the key it needs, if any.
pub fn open(path: &Path, flags: OpenFlags, key: Option<&Passphrase>) -> Result<Connection> {
    let lock = lock_of(path)?;
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| Error::file(path, e))?;
    match (lock, key) {
        (Lock::Locked, _) => unlock(&conn, path, lock, key)?,
        // A new copy of a locked database is locked from its first page.
        (Lock::New, Some(key)) => {
            quiet(&conn);
            conn.pragma_update(None, "key", key.text())?;
        }
        _ => {}
    }
    Ok(conn)
}

/// Rewrites the database at `path` locked with `to` (or plain, with `None`), through a temporary
/// file that must open with the new key and pass `integrity_check` before it replaces the
/// original. No other connection may have the file open.
pub fn convert(path: &Path, from: Option<&Passphrase>, to: Option<&Passphrase>) -> Result<()> {
    let conn = open(path, OpenFlags::SQLITE_OPEN_READ_WRITE, from)?;
    // Everything in the file itself, none of it left in the log.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let temp = PathBuf::from(format!("{}.converting", path.display()));
    let _ = std::fs::remove_file(&temp);
    super::backup::private_file(&temp)?;
    let written = (|| -> Result<()> {
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let application_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        conn.execute(
            "ATTACH DATABASE ?1 AS converted KEY ?2",
            rusqlite::params![temp.display().to_string(), to.map_or("", Passphrase::text)],
        )?;
        conn.query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
        conn.execute_batch(&format!(
            "PRAGMA converted.user_version = {version}; PRAGMA converted.application_id = {application_id}; DETACH DATABASE converted;"
        ))?;
        let check = open(&temp, OpenFlags::SQLITE_OPEN_READ_ONLY, to)?;
        let verdict: String = check.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
        let copied: i64 = check.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if verdict != "ok" || copied != version {
            return Err(Error::Storage {
                detail: format!("the converted copy did not check out ({verdict})"),
            });
        }
        Ok(())
    })();
    drop(conn);
    if let Err(err) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(err);
    }
    std::fs::File::open(&temp).and_then(|f| f.sync_all()).map_err(|e| Error::io(&temp, e))?;
    std::fs::rename(&temp, path).map_err(|e| Error::io(path, e))?;
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passphrase_is_never_printed_and_a_short_one_is_refused() {
        let p = Passphrase::choose("correct horse battery").unwrap();
        assert_eq!(format!("{p:?}"), "Passphrase(hidden)");
        let err = Passphrase::choose("short").unwrap_err();
        assert!(matches!(err, Error::Validation { field: "passphrase", .. }), "{err}");
    }

    #[test]
    fn files_are_told_apart_by_their_first_bytes() {
        let dir = tempfile::TempDir::new().unwrap();
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "Call Annika about the renewal, then Jonas.").unwrap();
        assert_eq!(lock_of(&text).unwrap(), Lock::Foreign);
        assert_eq!(lock_of(&dir.path().join("none.db")).unwrap(), Lock::New);
        let plain = dir.path().join("plain.db");
        Connection::open(&plain).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
        assert_eq!(lock_of(&plain).unwrap(), Lock::Plain);
        convert(&plain, None, Some(&Passphrase::given("a long passphrase"))).unwrap();
        assert_eq!(lock_of(&plain).unwrap(), Lock::Locked);
    }
}
