//! A CRM export far longer than a screen: read a row at a time, every row placed on its line
//! wherever it falls in the file, every record and problem counted, and the first of them
//! listed — in the preview, the import, the refusal and the CLI's words.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, Utc};
use rapport::service::{ImportOptions, LISTED};
use rapport::{Error, Rapport};
use rusqlite::Connection;
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

/// `rows` people at 50 companies, in Windows-1252 as Excel writes it, with a note that spans two
/// lines on every seventh row and no name on every `bad_every`th (when given).
fn crm_file(dir: &TempDir, rows: usize, bad_every: Option<usize>) -> (PathBuf, Vec<u32>) {
    let mut text = String::from("Company;Name;Email;Notes\r\n");
    let mut lines = Vec::new();
    let mut line = 2u32;
    for n in 0..rows {
        // A bad row names nobody: no name, no address, no company, only a note.
        let (company, name, email) = if bad_every.is_some_and(|k| n % k == k - 1) {
            (String::new(), String::new(), String::new())
        } else {
            (format!("Kestrel {}", n % 50), format!("Zoë Nüñez {n}"), format!("zoe.{n}@kestrel.de"))
        };
        let note = if n % 7 == 0 { "\"Met at the fair;\r\nlikes café\"" } else { "Société" };
        text.push_str(&format!("{company};{name};{email};{note}\r\n"));
        lines.push(line);
        line += if n % 7 == 0 { 2 } else { 1 };
    }
    let path = dir.path().join("crm.csv");
    std::fs::write(&path, encoding_rs::WINDOWS_1252.encode(&text).0).unwrap();
    (path, lines)
}

fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_long_export_is_counted_whole_and_listed_in_part() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    let rows = 3 * LISTED;
    let (csv, lines) = crm_file(&dir, rows, None);
    assert!(
        std::fs::metadata(&csv).unwrap().len() > 64 * 1024,
        "longer than the part read to find the delimiter"
    );

    let source = r.inspect_import(&csv).unwrap();
    let layout = source.csv.unwrap();
    assert_eq!((layout.rows as usize, source.encoding.as_str()), (rows, "windows-1252"));
    assert_eq!(layout.sample.len(), 5);
    assert_eq!(layout.sample[0][1], "Zoë Nüñez 0");

    let preview = r.import_file(&csv, &ImportOptions::default(), true, now()).unwrap();
    assert_eq!(preview.created as usize, rows + 50, "every person and their 50 accounts");
    assert_eq!(preview.records.len(), LISTED);
    assert_eq!(count(&db, "SELECT count(*) FROM contacts"), 0, "a preview writes nothing");

    let report = r.import_file(&csv, &ImportOptions::default(), false, now()).unwrap();
    assert_eq!(report.created as usize, rows + 50);
    assert_eq!(count(&db, "SELECT count(*) FROM contacts") as usize, rows);
    let notes: String = Connection::open(&db)
        .unwrap()
        .query_row("SELECT notes FROM contacts WHERE name = 'Zoë Nüñez 2996'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(notes, "Met at the fair;\r\nlikes café", "text far into the file decoded as written");

    // The people are listed on the lines they start on, after the first pieces of the file.
    let again = r.import_file(&csv, &ImportOptions::default(), true, now()).unwrap();
    assert_eq!(again.unchanged as usize, rows);
    let listed: Vec<u32> = again.records.iter().map(|p| p.line).collect();
    assert_eq!(listed, lines[..LISTED].to_vec());
}

#[test]
fn thousands_of_bad_lines_are_counted_and_the_first_are_named() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    let rows = 5 * LISTED;
    let (csv, lines) = crm_file(&dir, rows, Some(2));
    let bad = rows / 2;

    let err = r.import_file(&csv, &ImportOptions::default(), false, now()).unwrap_err();
    let Error::BadLines { problems, count: counted, good, .. } = &err else { panic!("{err:?}") };
    assert_eq!((*counted as usize, *good as usize, problems.len()), (bad, bad + 25, LISTED));
    assert_eq!(problems[0].line, lines[1]);
    let said = err.to_string();
    assert!(said.starts_with(&format!("Nothing was imported: {bad} lines have problems")), "{said}");
    assert!(said.ends_with(&format!("… and {} more.", bad - 50)), "{said}");
    assert_eq!(count(&db, "SELECT count(*) FROM contacts"), 0, "a refused import writes nothing");

    let skipped = ImportOptions { skip_bad_rows: true, ..Default::default() };
    let report = r.import_file(&csv, &skipped, false, now()).unwrap();
    assert_eq!((report.created as usize, report.problem_count as usize), (bad + 25, bad));
    assert_eq!(report.problems.len(), LISTED);
    assert_eq!(count(&db, "SELECT count(*) FROM contacts") as usize, bad);
}

#[test]
fn the_command_line_says_how_many_are_not_listed() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    drop(Rapport::open(&db, now()).unwrap());
    let (csv, _) = crm_file(&dir, 2 * LISTED, Some(1000));
    let out = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(["--db", db.to_str().unwrap(), "--at", "2026-11-23T10:00:00Z", "import"])
        .arg(&csv)
        .arg("--dry-run")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}{}", String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("2 lines cannot be imported"), "{said}");
    assert!(
        said.contains(&format!(
            "… and {} more records (the first {LISTED} are listed).",
            2 * LISTED - 2 + 50 - LISTED
        )),
        "{said}"
    );
}

#[test]
fn a_locked_database_imports_a_long_export_too() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    r.add_account(rapport::domain::AccountDraft { name: "Kestrel 7".into(), ..Default::default() }, now())
        .unwrap();
    drop(r);
    let key = || rapport::store::Passphrase::choose("tea before talks, always").unwrap();
    drop(rapport::service::encrypt(&db, &key(), now()).unwrap());
    let (csv, _) = crm_file(&dir, 2 * LISTED, None);

    let mut r = Rapport::open_keyed(&db, now(), Some(key()), false).unwrap();
    let report = r.import_file(&csv, &ImportOptions::default(), false, now()).unwrap();
    assert_eq!(
        (report.created as usize, report.merged),
        (2 * LISTED + 49, 0),
        "Kestrel 7 was matched, not made again"
    );
    assert_eq!(r.accounts(now()).unwrap().len(), 50);
}
