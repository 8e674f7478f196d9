//! Locking is all-or-nothing, and resumable: `rapport encrypt` and `rapport decrypt` are killed
//! with SIGKILL at a random moment, many times. After each kill no plaintext copy of a locked
//! database is left anywhere Rapport writes, and running the same command again finishes the job.

use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::Duration;

use assert_cmd::cargo::CommandCargoExt;
use rand::{Rng, SeedableRng};
use tempfile::TempDir;

const PASSPHRASE: &str = "correct horse battery staple";
const TRIALS: usize = 10;

fn rapport(db: &Path) -> Process {
    let mut cmd = Process::cargo_bin("rapport").unwrap();
    cmd.env("RAPPORT_DB", db)
        .env_remove("RAPPORT_AT")
        .env("RAPPORT_PASSPHRASE", PASSPHRASE)
        .env("RAPPORT_NEW_PASSPHRASE", PASSPHRASE)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    cmd
}

fn run(db: &Path, args: &[&str]) -> bool {
    rapport(db).args(args).status().unwrap().success()
}

/// Whether the file starts as a plain SQLite database does: anyone can read it.
fn plain(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|b| b.starts_with(b"SQLite format 3\0"))
}

/// Every file Rapport wrote beside the database and in its backup folder.
fn files(db: &Path) -> Vec<PathBuf> {
    let dir = db.parent().unwrap();
    let mut all: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    if let Ok(backups) = std::fs::read_dir(dir.join("backups")) {
        all.extend(backups.map(|e| e.unwrap().path()));
    }
    all.into_iter().filter(|p| p.is_file()).collect()
}

/// Killed somewhere in the 1.2–1.5 s that locking or unlocking the demo takes here.
fn killed_at_random(db: &Path, args: &[&str], rng: &mut impl Rng) {
    let mut child = rapport(db).args(args).spawn().unwrap();
    std::thread::sleep(Duration::from_millis(rng.random_range(0..1500)));
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn an_interrupted_encrypt_leaves_no_plain_copy_beside_a_locked_database_and_finishes_when_run_again() {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(17);
    let (mut locked_when_killed, mut finished) = (0, 0);
    for trial in 0..TRIALS {
        let dir = TempDir::new().unwrap();
        let db = dir.path().join("rapport.db");
        assert!(run(&db, &["demo"]));
        for _ in 0..3 {
            assert!(run(&db, &["backup"]));
        }
        killed_at_random(&db, &["encrypt"], &mut rng);
        if !plain(&db) {
            locked_when_killed += 1;
            let leaks: Vec<PathBuf> = files(&db)
                .into_iter()
                .filter(|f| plain(f) && !f.to_string_lossy().ends_with("-lock"))
                .collect();
            assert!(leaks.is_empty(), "trial {trial}: plain copies beside a locked database: {leaks:?}");
        }
        assert!(run(&db, &["encrypt"]) || !plain(&db), "trial {trial}: running encrypt again failed");
        // Whatever the first run reached, the second leaves everything locked and readable.
        assert!(run(&db, &["account", "list"]), "trial {trial}: the locked database opens");
        let plain_left: Vec<PathBuf> = files(&db).into_iter().filter(|f| plain(f)).collect();
        assert!(plain_left.is_empty(), "trial {trial}: still plain after encrypt: {plain_left:?}");
        finished += 1;
    }
    println!(
        "encrypt: {TRIALS} kills, {locked_when_killed} after the database was locked, {finished} finished by a second run"
    );
}

#[test]
fn an_interrupted_decrypt_finishes_when_run_again() {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(18);
    for trial in 0..TRIALS / 2 {
        let dir = TempDir::new().unwrap();
        let db = dir.path().join("rapport.db");
        assert!(run(&db, &["demo"]));
        assert!(run(&db, &["backup"]));
        assert!(run(&db, &["encrypt"]));
        killed_at_random(&db, &["decrypt"], &mut rng);
        // Run again until done: the first may have found nothing left to do.
        let again = run(&db, &["decrypt"]);
        assert!(again || plain(&db), "trial {trial}: running decrypt again failed");
        assert!(plain(&db), "trial {trial}: the database is unlocked");
        let copies: Vec<PathBuf> = files(&db)
            .into_iter()
            .filter(|f| f.parent().unwrap().ends_with("backups") && f.extension().is_some_and(|e| e == "db"))
            .collect();
        assert!(copies.iter().all(|c| plain(c)), "trial {trial}: a backup stayed locked: {copies:?}");
        assert!(run(&db, &["account", "list"]));
    }
}
