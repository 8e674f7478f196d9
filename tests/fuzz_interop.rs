//! The CSV, vCard and iCalendar importers under random and hostile input (a bounded run of
//! what `fuzz/` runs for longer): whatever the file holds, an import never panics; it either
//! succeeds, leaving a database that exports as a valid archive, or refuses in a sentence with
//! every bad line placed, and then the database is exactly as before.

use std::cell::RefCell;
use std::path::Path;

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use rapport::Rapport;
use rapport::error::Error;
use rapport::service::ImportOptions;
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/interop").join(name)).unwrap()
}

const FIXTURES: [&str; 4] = ["crm-excel-1252.csv", "hubspot-bom.csv", "address-book.vcf", "google.ics"];

/// Imports `bytes` as a file called `name`; checks what a user would see either way.
fn import_checked(
    r: &mut Rapport,
    name: &str,
    bytes: &[u8],
    skip_bad_rows: bool,
) -> Result<(), TestCaseError> {
    let before = r.export_archive(now()).unwrap();
    let options = ImportOptions { skip_bad_rows, ..Default::default() };
    match r.import_bytes(Path::new(name), bytes, &options, false, now()) {
        Ok(report) => {
            for p in &report.problems {
                prop_assert!(p.line >= 1 && !p.message.is_empty(), "{p:?}");
            }
            let after = r.export_archive(now()).unwrap();
            prop_assert!(
                rapport::archive::read(&after, now()).is_ok(),
                "what was imported exports as a valid archive"
            );
        }
        Err(err) => {
            if let Error::BadLines { problems, .. } = &err {
                prop_assert!(!problems.is_empty());
                for p in problems {
                    prop_assert!(p.line >= 1 && !p.message.is_empty(), "{p:?}");
                }
            } else {
                prop_assert!(
                    matches!(err, Error::Validation { .. } | Error::Conflict { .. }),
                    "a file gets a sentence about the file, not {err:?}"
                );
            }
            prop_assert!(err.to_string().ends_with('.') || err.to_string().contains('\n'), "{err}");
            prop_assert_eq!(r.export_archive(now()).unwrap(), before, "a refused import writes nothing");
        }
    }
    Ok(())
}

/// A few random edits of a real file: cut a piece, insert bytes, repeat or drop a line.
fn mutated(base: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = base.len().max(1);
    prop::collection::vec((0..4u8, 0..len, 0..len, prop::collection::vec(any::<u8>(), 0..12)), 1..4).prop_map(
        move |edits| {
            let mut bytes = base.clone();
            for (kind, a, b, insert) in edits {
                let (a, b) = (a.min(bytes.len()), b.min(bytes.len()));
                let (lo, hi) = (a.min(b), a.max(b));
                match kind {
                    0 => {
                        bytes.drain(lo..hi.min(lo + 40));
                    }
                    1 => {
                        bytes.splice(lo..lo, insert);
                    }
                    2 => {
                        let piece = bytes[lo..hi].to_vec();
                        bytes.splice(hi..hi, piece);
                    }
                    _ => {
                        let nasty: &[u8] = match insert.first().copied().unwrap_or(0) % 5 {
                            0 => b"\r\n",
                            1 => b"\"",
                            2 => b"BEGIN:VCARD\r\n",
                            3 => b"END:VEVENT\r\n",
                            _ => b";;;,,,",
                        };
                        bytes.splice(lo..lo, nasty.iter().copied());
                    }
                }
            }
            bytes
        },
    )
}

#[test]
fn real_files_changed_in_random_places_are_imported_or_refused_cleanly() {
    let dir = TempDir::new().unwrap();
    let r = RefCell::new(Rapport::open(&dir.path().join("rapport.db"), now()).unwrap());
    for name in FIXTURES {
        let mut runner =
            TestRunner::new(Config { cases: 60, failure_persistence: None, ..Config::default() });
        runner
            .run(&(mutated(fixture(name)), any::<bool>()), |(bytes, skip)| {
                import_checked(&mut r.borrow_mut(), name, &bytes, skip)
            })
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn any_bytes_under_any_name_are_refused_cleanly() {
    let dir = TempDir::new().unwrap();
    let r = RefCell::new(Rapport::open(&dir.path().join("rapport.db"), now()).unwrap());
    let mut runner = TestRunner::new(Config { cases: 200, failure_persistence: None, ..Config::default() });
    let names = prop::sample::select(vec!["people.csv", "contacts.vcf", "calendar.ics", "export.txt"]);
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2000),
        "BEGIN:(VCARD|VCALENDAR)\r\n[ -~\r\n]{0,400}".prop_map(String::into_bytes),
        "([a-zA-Z ,;\"\t]{0,20}\n){0,30}".prop_map(String::into_bytes),
    ];
    runner
        .run(&(names, bytes), |(name, bytes)| import_checked(&mut r.borrow_mut(), name, &bytes, true))
        .unwrap();
}
