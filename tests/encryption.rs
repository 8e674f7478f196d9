//! Encryption at rest: a database and its backups locked with a passphrase hold nothing readable,
//! open only with it, and a missing or wrong passphrase is refused in a sentence without ever
//! creating an empty database in place of the real one. Through the real CLI as well.

use std::path::Path;

use assert_cmd::Command;
use chrono::{DateTime, Utc};
use rapport::store::{Lock, Passphrase, lock_of};
use rapport::{Error, Rapport};
use tempfile::TempDir;

mod common;
use common::contents;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

fn key() -> Passphrase {
    Passphrase::choose("tea before talks, always").unwrap()
}

fn demo(dir: &TempDir) -> std::path::PathBuf {
    let db = dir.path().join("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    r.fill_demo(2026, now()).unwrap();
    r.back_up(now()).unwrap();
    db
}

/// Whether any of the demo's words can be read in the file's bytes.
fn readable(path: &Path) -> bool {
    let bytes = std::fs::read(path).unwrap();
    ["Maison V", "Kestrel", "SQLite format 3", "Riyadh"]
        .iter()
        .any(|w| bytes.windows(w.len()).any(|win| win == w.as_bytes()))
}

#[test]
fn a_locked_database_and_its_backups_hold_nothing_readable_and_open_with_the_passphrase() {
    let dir = TempDir::new().unwrap();
    let db = demo(&dir);
    let plain = Rapport::open(&db, now()).unwrap();
    let before = plain.export_archive(now()).unwrap();
    let accounts = plain.accounts(now()).unwrap().len();
    drop(plain);
    assert!(readable(&db), "the demo is readable before locking");

    let r = rapport::service::encrypt(&db, &key(), now()).unwrap();
    assert_eq!(r.export_archive(now()).unwrap(), before, "every record is there, unchanged");
    drop(r);
    assert_eq!(lock_of(&db).unwrap(), Lock::Locked);
    assert!(!readable(&db), "no client's name can be read in the file");
    let backups = rapport::store::backup::list(&db).unwrap();
    assert!(backups.len() >= 2, "the copy taken before, and the earlier one: {backups:?}");
    for b in &backups {
        assert_eq!(lock_of(Path::new(&b.path)).unwrap(), Lock::Locked, "{}", b.path);
        assert!(!readable(Path::new(&b.path)), "{} is locked too", b.path);
    }

    let r = Rapport::open_keyed(&db, now(), Some(key()), true).unwrap();
    assert_eq!(r.accounts(now()).unwrap().len(), accounts);
    // A backup of a locked database is locked with the same passphrase, and restores.
    let copy = r.back_up(now()).unwrap();
    assert!(!readable(Path::new(&copy.path)));
    drop(r);
    let (r, _) = rapport::service::restore(&db, Path::new(&copy.path), now(), Some(key())).unwrap();
    assert_eq!(r.export_archive(now()).unwrap(), before);
    drop(r);

    let r = rapport::service::decrypt(&db, &key(), now()).unwrap();
    assert_eq!(r.export_archive(now()).unwrap(), before, "unlocked, every record is still there");
    assert_eq!(lock_of(&db).unwrap(), Lock::Plain);
}

#[test]
fn a_missing_or_wrong_passphrase_is_refused_and_never_replaces_the_file() {
    let dir = TempDir::new().unwrap();
    let db = demo(&dir);
    drop(rapport::service::encrypt(&db, &key(), now()).unwrap());
    let bytes = std::fs::read(&db).unwrap();

    let missing = Rapport::open(&db, now()).err().expect("refused without the passphrase");
    assert!(matches!(missing, Error::Locked { .. }), "{missing:?}");
    assert!(missing.to_string().contains("locked with a passphrase"), "{missing}");
    let wrong =
        Rapport::open_keyed(&db, now(), Some(Passphrase::given("not the one")), true).err().expect("refused");
    assert!(matches!(wrong, Error::WrongPassphrase { .. }), "{wrong:?}");
    assert!(wrong.to_string().contains("does not open"), "{wrong}");
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "not a byte of the locked file changed");

    // Restoring a plain copy into it, or a copy with another passphrase, is refused too.
    let other = TempDir::new().unwrap();
    let plain_db = demo(&other);
    let plain_copy = Rapport::open(&plain_db, now()).unwrap().back_up(now()).unwrap();
    let err = rapport::service::restore(&db, Path::new(&plain_copy.path), now(), Some(key())).err().unwrap();
    assert!(err.to_string().contains("it is not locked, and this database is"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
}

fn cli(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("rapport").unwrap();
    cmd.arg("--db").arg(db).arg("--at").arg(now().to_rfc3339()).env_remove("RAPPORT_PASSPHRASE");
    cmd
}

#[test]
fn the_command_line_locks_opens_and_unlocks_with_a_passphrase() {
    let dir = TempDir::new().unwrap();
    let db = demo(&dir);
    let before = contents(&db);

    let out = cli(&db).arg("encrypt").env("RAPPORT_NEW_PASSPHRASE", "short").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 10 characters"));
    assert_eq!(lock_of(&db).unwrap(), Lock::Plain, "a refused passphrase changes nothing");

    cli(&db).arg("encrypt").env("RAPPORT_NEW_PASSPHRASE", "tea before talks, always").assert().success();
    assert_eq!(lock_of(&db).unwrap(), Lock::Locked);

    let out = cli(&db).arg("today").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "no passphrase, no terminal to ask on");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("is locked with a passphrase") && said.contains("RAPPORT_PASSPHRASE"), "{said}");
    assert!(!said.contains("ERROR"), "no engine noise: {said}");

    let out = cli(&db).arg("today").env("RAPPORT_PASSPHRASE", "not the one").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.starts_with("rapport: That passphrase does not open"),
        "one sentence, no engine noise: {said}"
    );

    cli(&db).arg("today").env("RAPPORT_PASSPHRASE", "tea before talks, always").assert().success();
    cli(&db)
        .args(["log", "Maison", "Called about the renewal"])
        .env("RAPPORT_PASSPHRASE", "tea before talks, always")
        .assert()
        .success();
    cli(&db).arg("decrypt").env("RAPPORT_PASSPHRASE", "tea before talks, always").assert().success();
    assert_eq!(lock_of(&db).unwrap(), Lock::Plain);
    let after = contents(&db);
    assert!(after.contains("Called about the renewal"), "what was written while locked is there");
    assert!(after.len() > before.len());
}

/// The window's unlock, as one call: a wrong passphrase is refused and opens nothing; the right
/// one opens the database.
#[test]
fn unlocking_opens_with_the_right_passphrase_only() {
    let dir = TempDir::new().unwrap();
    let db = demo(&dir);
    drop(rapport::service::encrypt(&db, &key(), now()).unwrap());

    let wrong = rapport::service::unlock(&db, "not the passphrase", false, now());
    assert!(matches!(wrong, Err(Error::WrongPassphrase { .. })), "{:?}", wrong.err());

    let unlocked = rapport::service::unlock(&db, "tea before talks, always", false, now()).unwrap();
    assert!(unlocked.remembered.is_ok(), "nothing was asked of the keyring");
    assert_eq!(unlocked.rapport.accounts(now()).unwrap().len(), 15);
}
