//! The `rapport` binary as a user or a script meets it, on real database files.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

const AT: &str = "2026-11-23T10:00:00Z";

fn rapport(dir: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("rapport").unwrap();
    cmd.env("RAPPORT_DB", dir.path().join("rapport.db")).arg("--at").arg(AT);
    cmd
}

fn json(cmd: &mut Command) -> Value {
    let out = cmd.arg("--json").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn demo(dir: &TempDir) {
    rapport(dir).arg("demo").assert().success().stdout(predicate::str::contains("Demo portfolio ready"));
}

#[test]
fn demo_fills_a_portfolio_a_script_can_read() {
    let dir = TempDir::new().unwrap();
    demo(&dir);
    let accounts = json(rapport(&dir).args(["account", "list"]));
    let accounts = accounts.as_array().unwrap();
    assert!(accounts.len() >= 12);
    let zones: std::collections::BTreeSet<&str> =
        accounts.iter().map(|a| a["timezone"].as_str().unwrap()).collect();
    assert!(zones.len() >= 5, "{zones:?}");
    assert!(accounts.iter().all(|a| a["last_touch_at"].is_string()), "every demo account has history");
}

#[test]
fn a_logged_interaction_appears_first_in_the_account_history() {
    let dir = TempDir::new().unwrap();
    demo(&dir);
    let logged = json(rapport(&dir).args([
        "log",
        "Maison",
        "Walked Hélène through the atelier traceability plan",
        "--with",
        "Hélène",
        "--channel",
        "visit",
        "--by",
        "us",
        "--sentiment",
        "2",
        "--strategic",
    ]));
    assert_eq!(logged["occurred_at"], AT);
    let page = json(rapport(&dir).args(["account", "show", "maison vérité"]));
    let first = &page["interactions"][0];
    assert_eq!(first["summary"], "Walked Hélène through the atelier traceability plan");
    assert_eq!(first["channel"], "visit");
    assert_eq!(first["strategic"], true);
    assert_eq!(page["last_touch_at"], AT);
    let helene =
        page["contacts"].as_array().unwrap().iter().find(|c| c["name"] == "Hélène Marchand").unwrap();
    assert_eq!(first["contact_ids"], serde_json::json!([helene["id"]]));
}

#[test]
fn accounts_and_contacts_added_from_the_command_line_show_up() {
    let dir = TempDir::new().unwrap();
    rapport(&dir)
        .args(["account", "add", "Kestrel Logistik", "--tier", "strategic", "--timezone", "Europe/Berlin"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Added Kestrel Logistik (strategic, Europe/Berlin)"));
    rapport(&dir)
        .args(["contact", "add", "kestrel", "Annika Vogt", "--level", "executive"])
        .assert()
        .success();
    rapport(&dir)
        .args(["contact", "add", "kestrel", "Jonas Keller", "--level", "manager", "--reports-to", "Annika"])
        .assert()
        .success();
    let people = json(rapport(&dir).args(["contact", "list", "Kestrel Logistik"]));
    let annika = &people[0];
    assert_eq!(annika["name"], "Annika Vogt");
    assert_eq!(people[1]["reports_to"], annika["id"]);
    rapport(&dir)
        .args(["account", "show", "kestrel"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Annika Vogt (executive)\n    Jonas Keller (manager)"));
}

#[test]
fn an_empty_account_name_is_refused_with_one_sentence_and_nothing_written() {
    let dir = TempDir::new().unwrap();
    rapport(&dir)
        .args(["account", "add", ""])
        .assert()
        .code(1)
        .stderr("rapport: An account needs a name. Type one and save again.\n");
    assert!(!dir.path().join("rapport.db").exists(), "no empty database left behind");
    rapport(&dir).args(["account", "add", "Kestrel"]).assert().success();
    rapport(&dir).args(["account", "add", " "]).assert().code(1);
    let accounts = json(rapport(&dir).args(["account", "list"]));
    assert_eq!(accounts.as_array().unwrap().len(), 1, "the existing database keeps only what succeeded");
}

#[test]
fn errors_reach_scripts_as_json_with_a_code_and_field() {
    let dir = TempDir::new().unwrap();
    let out = rapport(&dir).args(["--json", "account", "add", "  "]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["code"], "validation");
    assert_eq!(err["field"], "name");
}

#[test]
fn an_unknown_account_says_how_to_find_the_right_one() {
    let dir = TempDir::new().unwrap();
    demo(&dir);
    rapport(&dir).args(["account", "show", "Nonexistent Corp"]).assert().code(1).stderr(
        predicate::str::contains("No account is called \"Nonexistent Corp\"")
            .and(predicate::str::contains("rapport account list")),
    );
    rapport(&dir).args(["log", "Nonexistent Corp", "hello"]).assert().code(1);
}

#[test]
fn a_malformed_at_is_refused_before_anything_is_written() {
    let dir = TempDir::new().unwrap();
    Command::cargo_bin("rapport")
        .unwrap()
        .env("RAPPORT_DB", dir.path().join("rapport.db"))
        .args(["--at", "next tuesday", "account", "add", "Kestrel"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("\"next tuesday\" is not a date and time")
                .and(predicate::str::contains("RFC 3339")),
        );
    assert!(!dir.path().join("rapport.db").exists(), "no database was created");
}

#[test]
fn reading_a_database_that_does_not_exist_creates_nothing() {
    let dir = TempDir::new().unwrap();
    rapport(&dir).args(["account", "list"]).assert().code(1).stderr(predicate::str::contains("rapport demo"));
    assert!(!dir.path().join("rapport.db").exists());
}

#[test]
fn a_file_that_is_not_a_rapport_database_is_refused() {
    let dir = TempDir::new().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "not a database, just notes about clients\n".repeat(100)).unwrap();
    Command::cargo_bin("rapport")
        .unwrap()
        .arg("--db")
        .arg(&notes)
        .args(["account", "add", "Kestrel"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not a Rapport database"));
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "not a database, just notes about clients\n".repeat(100)
    );
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_untouched() {
    let dir = TempDir::new().unwrap();
    rapport(&dir).args(["account", "add", "Kestrel"]).assert().success();
    let path = dir.path().join("rapport.db");
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "user_version", 999).unwrap();
    let before = std::fs::read(&path).unwrap();
    rapport(&dir)
        .args(["account", "add", "Another"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("newer version of Rapport"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn bad_words_list_the_accepted_ones() {
    let dir = TempDir::new().unwrap();
    rapport(&dir)
        .args(["account", "add", "Kestrel", "--tier", "platinum"])
        .assert()
        .code(1)
        .stderr("rapport: \"platinum\" is not a tier Rapport knows. Use strategic, core or standard.\n");
    rapport(&dir)
        .args(["account", "add", "Kestrel", "--timezone", "Berlin"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not a time zone"));
}

#[test]
fn version_names_the_release_and_its_data_format() {
    let out = Command::cargo_bin("rapport").unwrap().arg("--version").output().unwrap();
    assert!(out.status.success());
    let line = String::from_utf8(out.stdout).unwrap();
    let expected =
        format!("rapport {} (data format {})\n", env!("CARGO_PKG_VERSION"), rapport::store::SCHEMA_VERSION);
    assert_eq!(line, expected);
}
