//! Maintenance never races a write: CLI processes log interactions in a loop while restore,
//! encrypt and decrypt run beside them, and every write that returned success is found
//! afterwards — in the database, or (for a restore) in the copy kept of what it replaced.
//!
//! `RAPPORT_SOAK_TRIALS=N cargo test --test maintenance_soak -- --nocapture` runs N trials of
//! each and prints the figures; the test command runs two.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use assert_cmd::Command;
use assert_cmd::cargo::CommandCargoExt;
use rusqlite::Connection;
use tempfile::TempDir;

const PASSPHRASE: &str = "correct horse battery staple";

fn rapport(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("rapport").unwrap();
    cmd.env("RAPPORT_DB", db).env_remove("RAPPORT_AT").env("RAPPORT_PASSPHRASE", PASSPHRASE);
    cmd
}

fn trials() -> usize {
    std::env::var("RAPPORT_SOAK_TRIALS").ok().and_then(|t| t.parse().ok()).unwrap_or(2)
}

fn demo() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    assert!(rapport(&db).arg("demo").output().unwrap().status.success());
    (dir, db)
}

/// Starts a writer logging `soak-<trial>-<n>` until `stop`; returns what succeeded.
fn writer(db: PathBuf, trial: usize, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<(Vec<String>, usize)> {
    std::thread::spawn(move || {
        let (mut acknowledged, mut refused) = (Vec::new(), 0);
        let mut n = 0;
        while !stop.load(Ordering::Relaxed) || n < 20 {
            let summary = format!("soak-{trial}-{n}");
            if rapport(&db).args(["log", "kestrel", &summary]).output().unwrap().status.success() {
                acknowledged.push(summary);
            } else {
                refused += 1;
            }
            n += 1;
        }
        (acknowledged, refused)
    })
}

/// The summaries in a database file, opened with or without the passphrase.
fn summaries(file: &Path, key: Option<&str>) -> BTreeSet<String> {
    let conn = Connection::open(file).unwrap();
    if let Some(key) = key {
        conn.pragma_update(None, "key", key).unwrap();
    }
    let mut stmt = conn.prepare("SELECT summary FROM interactions WHERE summary LIKE 'soak-%'").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

fn before_restore_copies(db: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(db.parent().unwrap().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("before-restore"))
        .collect()
}

#[test]
fn restores_beside_writers_lose_no_acknowledged_write() {
    let (mut writes, mut refusals, mut lost) = (0, 0, 0);
    for trial in 0..trials() {
        let (_dir, db) = demo();
        assert!(rapport(&db).arg("backup").output().unwrap().status.success());
        let copy =
            std::fs::read_dir(db.parent().unwrap().join("backups")).unwrap().next().unwrap().unwrap().path();
        let stop = Arc::new(AtomicBool::new(false));
        let handle = writer(db.clone(), trial, stop.clone());
        for _ in 0..3 {
            std::thread::sleep(std::time::Duration::from_millis(150));
            let out = rapport(&db).arg("restore").arg(&copy).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
        stop.store(true, Ordering::Relaxed);
        let (acknowledged, refused) = handle.join().unwrap();
        let mut found = summaries(&db, None);
        for kept in before_restore_copies(&db) {
            found.extend(summaries(&kept, None));
        }
        let missing: Vec<&String> = acknowledged.iter().filter(|s| !found.contains(*s)).collect();
        writes += acknowledged.len();
        refusals += refused;
        lost += missing.len();
        assert!(missing.is_empty(), "trial {trial}: acknowledged and lost: {missing:?}");
    }
    println!(
        "restore soak: {} trials, {writes} writes acknowledged, {refusals} refused, {lost} lost",
        trials()
    );
}

#[test]
fn encrypting_and_decrypting_beside_writers_lose_no_acknowledged_write() {
    let (mut writes, mut refusals) = (0, 0);
    for trial in 0..trials() {
        let (_dir, db) = demo();
        let stop = Arc::new(AtomicBool::new(false));
        let handle = writer(db.clone(), trial, stop.clone());
        std::thread::sleep(std::time::Duration::from_millis(300));
        let out = rapport(&db).env("RAPPORT_NEW_PASSPHRASE", PASSPHRASE).arg("encrypt").output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        std::thread::sleep(std::time::Duration::from_millis(300));
        stop.store(true, Ordering::Relaxed);
        let (acknowledged, refused) = handle.join().unwrap();
        let found = summaries(&db, Some(PASSPHRASE));
        let missing: Vec<&String> = acknowledged.iter().filter(|s| !found.contains(*s)).collect();
        assert!(missing.is_empty(), "trial {trial}: acknowledged and lost by encrypt: {missing:?}");

        let stop = Arc::new(AtomicBool::new(false));
        let handle = writer(db.clone(), trial + 1000, stop.clone());
        std::thread::sleep(std::time::Duration::from_millis(300));
        let out = rapport(&db).arg("decrypt").output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        std::thread::sleep(std::time::Duration::from_millis(300));
        stop.store(true, Ordering::Relaxed);
        let (after, refused_after) = handle.join().unwrap();
        let found = summaries(&db, None);
        let missing: Vec<&String> = after.iter().filter(|s| !found.contains(*s)).collect();
        assert!(missing.is_empty(), "trial {trial}: acknowledged and lost by decrypt: {missing:?}");
        writes += acknowledged.len() + after.len();
        refusals += refused + refused_after;
    }
    println!(
        "encrypt/decrypt soak: {} trials, {writes} writes acknowledged, {refusals} refused, 0 lost",
        trials()
    );
}

#[test]
fn writers_taking_the_days_backup_at_once_each_keep_a_whole_copy() {
    let (_dir, db) = demo();
    let folder = db.parent().unwrap().join("backups");
    let (mut copies, rounds) = (0, 10 * trials());
    for round in 0..rounds {
        // No copy yet today: each of the three writers finds the daily backup due.
        let _ = std::fs::remove_dir_all(&folder);
        let children: Vec<std::process::Child> = (0..3)
            .map(|n| {
                let mut cmd = std::process::Command::cargo_bin("rapport").unwrap();
                cmd.env("RAPPORT_DB", &db)
                    .env_remove("RAPPORT_AT")
                    .args(["log", "kestrel", &format!("backup-soak-{round}-{n}")])
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut child in children {
            assert!(child.wait().unwrap().success(), "round {round}: a writer failed");
        }
        let files: Vec<PathBuf> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().path()).collect();
        assert!(!files.is_empty(), "round {round}: the day's backup was taken");
        for file in &files {
            assert!(file.extension().is_some_and(|e| e == "db"), "round {round}: a leftover {file:?}");
            let conn = Connection::open(file).unwrap();
            let verdict: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
            let accounts: i64 = conn.query_row("SELECT count(*) FROM accounts", [], |r| r.get(0)).unwrap();
            assert!(verdict == "ok" && accounts == 15, "round {round}: {file:?} is not a whole copy");
        }
        copies += files.len();
    }
    println!("backup soak: {rounds} rounds of three writers at once, {copies} copies kept, every one whole");
}

#[test]
fn archive_imports_beside_writers_lose_no_acknowledged_write() {
    let (mut writes, mut imports) = (0, 0);
    for trial in 0..trials() {
        let (dir, db) = demo();
        let archive = dir.path().join("archive.json");
        let out = rapport(&db).args(["export", "--out"]).arg(&archive).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stop = Arc::new(AtomicBool::new(false));
        let handle = writer(db.clone(), trial, stop.clone());
        for _ in 0..3 {
            std::thread::sleep(std::time::Duration::from_millis(100));
            let out = rapport(&db).arg("import").arg(&archive).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            imports += 1;
        }
        stop.store(true, Ordering::Relaxed);
        let (acknowledged, _) = handle.join().unwrap();
        let found = summaries(&db, None);
        let missing: Vec<&String> = acknowledged.iter().filter(|s| !found.contains(*s)).collect();
        assert!(missing.is_empty(), "trial {trial}: acknowledged and lost beside an import: {missing:?}");
        writes += acknowledged.len();
    }
    println!("import soak: {} trials, {imports} imports, {writes} writes acknowledged, 0 lost", trials());
}
