//! Backups and restore against real files: taken whole, kept private, thinned over time,
//! restored only from a whole Rapport database, and a damaged database refused with the way out.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use rapport::domain::{AccountDraft, InteractionDraft};
use rapport::store::{BackupPolicy, BackupReason, backup};
use rapport::{Error, Rapport};
use rusqlite::Connection;
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

fn add_account(r: &mut Rapport, name: &str, at: DateTime<Utc>) -> String {
    r.add_account(AccountDraft { name: name.into(), ..Default::default() }, at).unwrap().id
}

fn names(r: &Rapport) -> Vec<String> {
    let mut names: Vec<String> = r.accounts(now()).unwrap().into_iter().map(|a| a.name).collect();
    names.sort();
    names
}

fn integrity(path: &Path) -> String {
    Connection::open(path).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

/// Overwrites part of a table's pages, as a failing disk would.
fn damage(path: &Path) {
    use std::io::{Seek, SeekFrom, Write};
    let len = std::fs::metadata(path).unwrap().len() as usize;
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.seek(SeekFrom::Start(4096)).unwrap();
    file.write_all(&vec![0xA5; len / 2 - 4096]).unwrap();
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_backup_restores_the_data_as_it_was_and_keeps_what_it_replaced() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    add_account(&mut r, "Kestrel Logistik", now());
    let copy = r.back_up(now()).unwrap();
    assert_eq!(copy.reason, BackupReason::Manual);
    add_account(&mut r, "Added after the copy", now() + Duration::minutes(5));
    drop(r);

    let later = now() + Duration::minutes(10);
    let (r, restored) = rapport::service::restore(&db, Path::new(&copy.path), later, None).unwrap();
    assert_eq!(names(&r), vec!["Kestrel Logistik"], "the data is as it was when the copy was taken");
    let safety = PathBuf::from(restored.safety_copy.expect("what was replaced is kept"));
    let kept = Rapport::open(&safety, later).unwrap();
    assert_eq!(names(&kept), vec!["Added after the copy", "Kestrel Logistik"]);
    assert_eq!(
        r.backups().unwrap().files.len(),
        2,
        "the copy restored and the safety copy: {:?}",
        r.backups()
    );
}

#[cfg(unix)]
#[test]
fn the_database_and_its_backups_are_readable_by_the_user_alone() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("data/rapport.db");
    let r = Rapport::open(&db, now()).unwrap();
    let copy = r.back_up(now()).unwrap();
    assert_eq!(mode(&db), 0o600, "database");
    assert_eq!(mode(db.parent().unwrap()), 0o700, "the folder Rapport created");
    assert_eq!(mode(Path::new(&copy.path)), 0o600, "backup");
    assert_eq!(mode(&backup::folder(&db)), 0o700, "backup folder");
    let leftovers: Vec<_> = std::fs::read_dir(backup::folder(&db))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.ends_with(".db"))
        .collect();
    assert!(leftovers.is_empty(), "a backup is one file, with no log or partial beside it: {leftovers:?}");
}

#[test]
fn a_file_that_is_not_a_whole_rapport_database_is_refused_and_nothing_changes() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    add_account(&mut r, "Kestrel Logistik", now());
    let good = PathBuf::from(r.back_up(now()).unwrap().path);
    drop(r);

    let text = dir.path().join("notes.db");
    std::fs::write(&text, "not a database at all").unwrap();
    let foreign = dir.path().join("other.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let cut = dir.path().join("cut.db");
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let damaged = dir.path().join("damaged.db");
    std::fs::copy(&good, &damaged).unwrap();
    damage(&damaged);

    for (file, why) in [
        (dir.path().join("missing.db"), "there is no file there"),
        (text, "it is not a database"),
        (foreign, "it is not a Rapport database"),
        (cut, ""),
        (damaged, ""),
    ] {
        let err = rapport::service::restore(&db, &file, now(), None)
            .err()
            .unwrap_or_else(|| panic!("{file:?} was restored"));
        assert!(matches!(err, Error::BadBackup { .. }), "{file:?}: {err}");
        let message = err.to_string();
        assert!(message.contains(why) && message.contains("Nothing was changed"), "{message}");
        let r = Rapport::open(&db, now()).unwrap();
        assert_eq!(names(&r), vec!["Kestrel Logistik"], "after refusing {file:?}");
        assert_eq!(r.backups().unwrap().files.len(), 1, "no safety copy is taken for a refused file");
    }
}

#[test]
fn a_damaged_database_is_refused_naming_the_newest_backup_which_then_restores_it() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    for n in 0..40 {
        let id = add_account(&mut r, &format!("Client {n:02}"), now());
        r.log_interaction(
            InteractionDraft {
                account_id: id,
                summary: "A long conversation ".repeat(40),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    }
    let copy = r.back_up(now()).unwrap();
    drop(r);
    damage(&db);

    let err = Rapport::open(&db, now()).err().expect("a damaged database is not opened");
    assert!(matches!(err, Error::Damaged { .. }), "{err}");
    assert!(err.to_string().contains(&copy.path), "the sentence names the backup to restore: {err}");
    // The app opens without the check and runs it beside the window: it must come to the same.
    if let Err(err) = Rapport::open_unchecked(&db, now()) {
        assert!(matches!(err, Error::Damaged { .. }), "{err}");
    }
    assert!(matches!(rapport::store::check_file(&db, None), Err(Error::Damaged { .. })));

    let (r, restored) = rapport::service::restore(&db, Path::new(&copy.path), now(), None).unwrap();
    assert_eq!(r.accounts(now()).unwrap().len(), 40);
    assert_eq!(integrity(&db), "ok");
    let aside = PathBuf::from(restored.safety_copy.unwrap());
    assert!(aside.file_name().unwrap().to_str().unwrap().ends_with("-damaged.db"), "{aside:?}");
    assert_eq!(std::fs::metadata(&aside).unwrap().len(), std::fs::metadata(&copy.path).unwrap().len());
}

#[test]
fn a_backup_taken_while_another_connection_writes_is_whole() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    let id = add_account(&mut r, "Kestrel Logistik", now());
    let writer_db = db.clone();
    let writer = std::thread::spawn(move || {
        let mut w = Rapport::open(&writer_db, now()).unwrap();
        for n in 0..300 {
            w.log_interaction(
                InteractionDraft {
                    account_id: id.clone(),
                    summary: format!("Call {n}"),
                    ..Default::default()
                },
                now() + Duration::seconds(n),
            )
            .unwrap();
        }
    });
    let mut copies = Vec::new();
    for n in 0..8 {
        copies.push(r.back_up(now() + Duration::seconds(n)).unwrap());
    }
    writer.join().unwrap();
    for copy in copies {
        assert_eq!(integrity(Path::new(&copy.path)), "ok", "{}", copy.path);
        Rapport::open(Path::new(&copy.path), now()).expect("every copy opens");
    }
}

#[test]
fn a_year_of_daily_use_keeps_a_bounded_history_of_days_weeks_and_months() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    let mut taken = 0;
    for day in 0..400 {
        let at = now() + Duration::days(day);
        if day % 50 == 0 {
            add_account(&mut r, &format!("Client {day}"), at);
        }
        // The app looks every minute; only the first look of a day takes a copy.
        for minute in [0, 1, 2] {
            taken += usize::from(r.keep_backups(at + Duration::minutes(minute)).unwrap().is_some());
        }
    }
    assert_eq!(taken, 400, "one scheduled copy a day");
    let files = r.backups().unwrap().files;
    let p = BackupPolicy::default();
    assert!(files.len() <= (p.daily + p.weekly + p.monthly) as usize, "{} copies kept", files.len());
    assert!(files.len() >= p.monthly as usize, "a year of months is still there: {}", files.len());
    let last = now() + Duration::days(399);
    assert_eq!(files[0].taken_at, last, "the newest is kept");
    for d in 0..7 {
        assert!(files.iter().any(|f| f.taken_at == last - Duration::days(d)), "day -{d} is kept");
    }
    assert!(files.iter().all(|f| last - f.taken_at < Duration::days(366)), "nothing older than a year");

    let fewer = BackupPolicy { daily: 2, weekly: 0, monthly: 0 };
    let after = r.save_backup_policy(fewer, last).unwrap();
    assert_eq!(after.files.len(), 2, "a smaller policy thins at once");
    assert_eq!(r.backups().unwrap().policy, fewer, "and is kept");
    let refused = r.save_backup_policy(BackupPolicy { daily: 5000, weekly: 0, monthly: 0 }, last);
    assert!(matches!(refused, Err(Error::Validation { field: "daily", .. })), "{refused:?}");
    assert_eq!(r.backups().unwrap().policy, fewer, "a refused policy changes nothing");
}

#[test]
fn an_import_takes_a_copy_first() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    add_account(&mut r, "Kestrel Logistik", now());
    let archive = r.export_archive(now()).unwrap();
    r.import_archive(&archive, false, now()).unwrap();
    let reasons: Vec<BackupReason> = r.backups().unwrap().files.iter().map(|f| f.reason).collect();
    assert_eq!(reasons, vec![BackupReason::BeforeImport]);
}

/// The app's restore: the database it holds open is closed before its file is replaced, and
/// whatever happens it then holds what opened — the restored database, or the one as it was
/// when the file chosen cannot be restored.
#[test]
fn the_app_holds_what_opened_after_a_restore_and_after_a_refused_one() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    add_account(&mut r, "Kestrel Logistik", now());
    let copy = r.back_up(now()).unwrap();
    add_account(&mut r, "Added after the copy", now() + Duration::minutes(5));
    let mut slot: Result<Rapport, Error> = Ok(r);
    let clock = rapport::clock::Clock::Machine;
    let closed = || Error::conflict("closed for the restore");

    let foreign = dir.path().join("notes.db");
    std::fs::write(&foreign, b"not a database at all").unwrap();
    assert!(rapport::service::restore_over(&mut slot, &db, &foreign, clock, closed).is_err());
    let held = slot.as_ref().expect("still open after a refused restore");
    assert_eq!(names(held), vec!["Added after the copy", "Kestrel Logistik"]);

    let restored =
        rapport::service::restore_over(&mut slot, &db, Path::new(&copy.path), clock, closed).unwrap();
    assert!(restored.safety_copy.is_some());
    assert_eq!(names(slot.as_ref().expect("the restored database is open")), vec!["Kestrel Logistik"]);
}
