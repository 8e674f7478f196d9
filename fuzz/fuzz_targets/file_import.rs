//! The CSV, vCard and iCalendar importers on arbitrary bytes: they must never panic; what they
//! accept must leave a database that exports as a valid archive, and what they refuse must
//! leave it as it was. The first byte picks the file's name (and so the format when the text
//! does not say). Run with `cargo +nightly fuzz run file_import` (see docs/fuzzing.md).

#![no_main]

use std::path::Path;
use std::sync::{Mutex, OnceLock};

use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;
use rapport::Rapport;
use rapport::service::ImportOptions;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-23T10:00:00Z").unwrap().with_timezone(&Utc)
}

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
    let Some((first, bytes)) = data.split_first() else { return };
    let name = ["people.csv", "contacts.vcf", "calendar.ics"][usize::from(*first) % 3];
    let options = ImportOptions { skip_bad_rows: first & 0x80 != 0, ..Default::default() };
    let mut r = database().lock().unwrap();
    let before = r.export_archive(now()).unwrap();
    match r.import_bytes(Path::new(name), bytes, &options, false, now()) {
        Ok(_) => {
            let again = r.export_archive(now()).unwrap();
            assert!(rapport::archive::read(&again, now()).is_ok(), "an accepted file leaves a valid archive");
        }
        Err(_) => assert_eq!(r.export_archive(now()).unwrap(), before, "a refused import wrote nothing"),
    }
});
