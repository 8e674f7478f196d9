//! Opening a database costs what it must: a command checks the file for damage only when the last
//! session ended uncleanly, yet damage is always reported with the backup to restore — whether
//! the check found it, a read met it, or the user asked (`rapport check`).

use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

fn rapport(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("rapport").unwrap();
    cmd.env("RAPPORT_DB", db).env("RAPPORT_AT", "2026-12-02T10:00:00Z");
    cmd
}

fn demo() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    assert!(rapport(&db).arg("demo").output().unwrap().status.success());
    assert!(rapport(&db).arg("backup").output().unwrap().status.success());
    (dir, db)
}

/// Overwrites most of the file's pages after the first, as a failing disk would.
fn damage(path: &Path) {
    let len = std::fs::metadata(path).unwrap().len();
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.seek(SeekFrom::Start(4096)).unwrap();
    file.write_all(&vec![0xA5; (len * 3 / 4) as usize - 4096]).unwrap();
}

fn newest_backup(db: &Path) -> String {
    let mut names: Vec<PathBuf> =
        std::fs::read_dir(db.parent().unwrap().join("backups")).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    names.pop().unwrap().display().to_string()
}

#[test]
fn check_on_demand_says_whole_or_names_the_backup_to_restore() {
    let (_dir, db) = demo();
    let out = rapport(&db).arg("check").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("is whole"));
    damage(&db);
    let out = rapport(&db).arg("check").output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("found damage") && err.contains(&newest_backup(&db)), "{err}");
}

#[test]
fn damage_met_by_any_command_is_named_with_the_backup_to_restore() {
    let (_dir, db) = demo();
    let backup = newest_backup(&db);
    damage(&db);
    for args in [&["account", "list"][..], &["today"], &["health", "--json"], &["log", "kestrel", "x"]] {
        let out = rapport(&db).args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?} worked on a damaged file");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("found damage") && err.contains(&backup), "{args:?}: {err}");
    }
}

/// Overwrites the second half of the file, which opening it never reads (the schema is at the
/// start): only a check can find this damage at open.
fn damage_far_from_the_schema(path: &Path) {
    let len = std::fs::metadata(path).unwrap().len();
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.seek(SeekFrom::Start(len / 2 / 4096 * 4096)).unwrap();
    file.write_all(&vec![0xA5; (len - len / 2 / 4096 * 4096) as usize]).unwrap();
}

#[test]
fn opening_checks_only_after_a_session_that_ended_uncleanly() {
    use rapport::store::Store;
    let now = "2026-12-02T10:00:00Z".parse().unwrap();
    let (_dir, db) = demo();
    damage_far_from_the_schema(&db);
    // The last session closed cleanly: no check, so this damage is not met at open (a read that
    // meets it says so, as the test above shows).
    assert!(Store::open_checked_when_unclean(&db, now, None).is_ok());

    // A killed session leaves its write-ahead log with pages in it: one made by a connection
    // that is then forgotten (never closed, so never emptied) stands for it.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.execute("UPDATE settings SET value = value WHERE rowid = 1", []).ok();
    conn.execute_batch("CREATE TABLE IF NOT EXISTS scratch (x); INSERT INTO scratch VALUES (1);").unwrap();
    std::mem::forget(conn);
    let wal = std::fs::metadata(format!("{}-wal", db.display())).unwrap().len();
    assert!(wal > 32, "the log holds pages");
    let err =
        Store::open_checked_when_unclean(&db, now, None).err().expect("the check ran and found the damage");
    assert!(err.to_string().contains("found damage"), "{err}");
}
