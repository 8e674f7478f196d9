//! The archive importer on arbitrary bytes: it must never panic; what it accepts must export
//! again as a valid archive, and what it refuses must leave the database as it was. Run with
//! `cargo +nightly fuzz run archive_import` (see docs/fuzzing.md).

#![no_main]

use std::sync::{Mutex, OnceLock};

use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;
use rapport::Rapport;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-23T10:00:00Z").unwrap().with_timezone(&Utc)
}

/// One database for the whole run, in a folder removed when the process ends normally.
fn database() -> &'static Mutex<Rapport> {
    static DB: OnceLock<(tempfile::TempDir, Mutex<Rapport>)> = OnceLock::new();
    &DB.get_or_init(|| {
        let dir = tempfile::TempDir::new().unwrap();
        let rapport = Rapport::open(&dir.path().join("fuzz.db"), now()).unwrap();
        (dir, Mutex::new(rapport))
    })
    .1
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if rapport::archive::read(text, now()).is_err() {
        return;
    }
    let mut r = database().lock().unwrap();
    let before = r.export_archive(now()).unwrap();
    match r.import_archive(text, false, now()) {
        Ok(_) => {
            let again = r.export_archive(now()).unwrap();
            assert!(rapport::archive::read(&again, now()).is_ok(), "an accepted archive exports as a valid one");
        }
        // Refused against what earlier inputs left here (an id of another account): whole.
        Err(_) => assert_eq!(r.export_archive(now()).unwrap(), before, "a refused import wrote nothing"),
    }
});
