//! Long work says how far it has come and stops when asked, while stopping loses nothing
//! (issue 22): the figures a watcher reads, and a stop that leaves the database — and any file
//! the work would have written — exactly as it was.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rapport::domain::{AccountDraft, ContactDraft};
use rapport::service::{ExportFormat, ImportOptions, Progress, Unit};
use rapport::{Error, Rapport};
use tempfile::TempDir;

mod common;
use common::contents;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

fn mail(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mail").join(name)
}

/// A database with Kestrel and Anna Berg, whom the Thunderbird thread is with.
fn kestrel(dir: &TempDir) -> (PathBuf, Rapport) {
    let db = dir.path().join("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    let account =
        r.add_account(AccountDraft { name: "Kestrel".into(), ..Default::default() }, now()).unwrap();
    r.add_contact(
        ContactDraft {
            account_id: account.id,
            name: "Anna Berg".into(),
            email: Some("anna.berg@kestrel.example".into()),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    (db, r)
}

#[test]
fn reading_an_mbox_reports_its_bytes_and_a_stop_before_writing_changes_nothing() {
    let dir = TempDir::new().unwrap();
    let (db, mut r) = kestrel(&dir);
    let mbox = mail("thunderbird-thread.mbox");
    let size = fs::metadata(&mbox).unwrap().len();

    let stopped = Progress::new();
    stopped.stop();
    r.watch(Some(stopped.clone()));
    let before = contents(&db);
    let err = r.import_mail(&mbox, false, now()).expect_err("stopped");
    assert!(matches!(err, Error::Stopped), "{err:?}");
    assert_eq!(err.to_string(), "Stopped, as you asked: nothing was changed.");
    assert_eq!(contents(&db), before, "not a row was written, not even how far the mbox was read");

    let watched = Progress::new();
    r.watch(Some(watched.clone()));
    let report = r.import_mail(&mbox, false, now()).unwrap();
    assert!(report.added > 0, "{report:?}");
    let seen = watched.now();
    assert_eq!(seen.step, "Reading thunderbird-thread.mbox");
    assert_eq!((seen.unit, seen.done, seen.total), (Unit::Bytes, size as f64, Some(size as f64)));
    assert!(!seen.stoppable, "once it wrote, it could no longer be stopped");

    // A stop asked for once the work writes is too late to lose anything by: it finishes.
    watched.stop();
    r.watch(None);
    assert!(r.import_mail(&mbox, false, now()).is_ok(), "an unwatched reading ignores the old stop");
}

#[test]
fn an_import_stopped_half_way_is_rolled_back_whole() {
    let dir = TempDir::new().unwrap();
    let (db, mut r) = kestrel(&dir);
    let csv = dir.path().join("people.csv");
    let mut rows = String::from("Name,Email,Company\n");
    for n in 0..500 {
        rows.push_str(&format!("Person {n},person{n}@lagos.example,Lagos Logistics\n"));
    }
    fs::write(&csv, rows).unwrap();
    let before = contents(&db);

    // Stopped from another thread while the rows go in: the transaction is undone.
    let progress = Progress::new();
    r.watch(Some(progress.clone()));
    let stopper = {
        let progress = progress.clone();
        std::thread::spawn(move || {
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
            while progress.now().done < 100.0 && std::time::Instant::now() < deadline {
                std::thread::yield_now();
            }
            progress.stop();
        })
    };
    let answer = r.import_file(&csv, &ImportOptions::default(), false, now());
    stopper.join().unwrap();
    match answer {
        Err(Error::Stopped) => assert_eq!(contents(&db), before, "no person of the file is kept"),
        // On a machine fast enough to finish first, the import is simply whole.
        Ok(report) => assert!(report.created >= 500, "{report:?}"),
        Err(other) => panic!("{other:?}"),
    }
}

#[test]
fn an_export_stopped_before_it_writes_leaves_no_file() {
    let dir = TempDir::new().unwrap();
    let (_, mut r) = kestrel(&dir);
    let out = dir.path().join("people.vcf");
    let progress = Progress::new();
    progress.stop();
    r.watch(Some(progress));
    let err = r.export_to(&out, ExportFormat::Vcard, None, now()).expect_err("stopped");
    assert!(matches!(err, Error::Stopped));
    assert!(!out.exists(), "no file, not even part of one");
    r.watch(None);
    r.export_to(&out, ExportFormat::Vcard, None, now()).unwrap();
    assert!(fs::read_to_string(&out).unwrap().contains("Anna Berg"));
}

#[test]
fn the_first_health_review_counts_its_accounts_and_offers_no_stop_that_would_do_nothing() {
    let dir = TempDir::new().unwrap();
    let (_, mut r) = kestrel(&dir);
    let progress = Progress::new();
    r.watch(Some(progress.clone()));
    r.health_review(now()).unwrap();
    let seen = progress.now();
    assert_eq!(seen.step, "Rebuilding the last 90 days of each account's health");
    assert_eq!((seen.unit, seen.done, seen.total), (Unit::Accounts, 1.0, Some(1.0)));
    assert!(!seen.stoppable, "the window offers no Stop here");
}
