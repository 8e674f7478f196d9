//! Every write the app can make, made from the command line.

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

fn json(dir: &TempDir, args: &[&str]) -> Value {
    let out = rapport(dir).arg("--json").args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn setup() -> TempDir {
    let dir = TempDir::new().unwrap();
    rapport(&dir)
        .args(["account", "add", "Kestrel Logistik", "--timezone", "Europe/Berlin"])
        .assert()
        .success();
    rapport(&dir)
        .args(["contact", "add", "kestrel", "Annika Vogt", "--level", "executive"])
        .assert()
        .success();
    dir
}

#[test]
fn a_whole_profile_can_be_kept_from_the_command_line() {
    let dir = setup();
    json(
        &dir,
        &[
            "culture",
            "add",
            "kestrel",
            "--category",
            "etiquette",
            "Formal; titles matter",
            "--contact",
            "Annika",
        ],
    );
    let goal =
        json(&dir, &["goal", "add", "kestrel", "Cut picking errors by half", "--target", "2027-06-30"]);
    let goal = json(
        &dir,
        &["goal", "progress", goal["id"].as_str().unwrap(), "Hamburg down 20%", "--status", "on_track"],
    );
    assert_eq!(goal["status"], "on_track");
    json(
        &dir,
        &[
            "goal",
            "add",
            "kestrel",
            "Become group COO",
            "--kind",
            "personal",
            "--contact",
            "Annika",
            "--inferred",
        ],
    );

    let promise = json(
        &dir,
        &[
            "promise",
            "add",
            "kestrel",
            "Send the pilot plan",
            "--due",
            "2026-11-22T17:00:00Z",
            "--made",
            "2026-11-20T09:00:00Z",
            "--contact",
            "Annika",
        ],
    );
    let kept = json(
        &dir,
        &["promise", "keep", promise["id"].as_str().unwrap(), "--extra", "Added a rollout checklist"],
    );
    assert_eq!((kept["status"].as_str(), kept["completed_at"].as_str()), (Some("kept"), Some(AT)));
    let theirs = json(
        &dir,
        &["promise", "add", "kestrel", "Share the site list", "--due", "2026-11-30T17:00:00Z", "--theirs"],
    );
    let moved = json(
        &dir,
        &["promise", "renegotiate", theirs["id"].as_str().unwrap(), "--due", "2026-12-05T17:00:00Z"],
    );
    assert_eq!(moved["due_at"], "2026-12-05T17:00:00Z");

    let request = json(
        &dir,
        &["request", "add", "kestrel", "Quote for ten scanners", "--received", "2026-11-23T08:00:00Z"],
    );
    let request =
        json(&dir, &["request", "answer", request["id"].as_str().unwrap(), "--when", "2026-11-23T09:30:00Z"]);
    assert_eq!(request["acknowledged_at"], "2026-11-23T09:30:00Z");

    let issue = json(
        &dir,
        &[
            "issue",
            "open",
            "kestrel",
            "Scanner sync outage",
            "--severity",
            "high",
            "--opened",
            "2026-11-20T08:00:00Z",
        ],
    );
    let id = issue["id"].as_str().unwrap().to_string();
    json(&dir, &["issue", "ack", &id, "--when", "2026-11-20T09:00:00Z"]);
    json(&dir, &["issue", "resolve", &id, "--when", "2026-11-21T09:00:00Z"]);
    let issue = json(&dir, &["issue", "follow-up", &id]);
    assert_eq!(issue["followed_up_at"], AT);

    let meeting = json(
        &dir,
        &[
            "meeting",
            "add",
            "kestrel",
            "Quarterly review",
            "--start",
            "2026-11-26T13:00:00Z",
            "--with",
            "Annika",
        ],
    );
    assert_eq!(meeting["ends_at"], "2026-11-26T14:00:00Z");

    let page = json(&dir, &["account", "show", "kestrel"]);
    assert_eq!(page["culture_notes"].as_array().unwrap().len(), 1);
    assert_eq!(page["goals"].as_array().unwrap().len(), 2);
    assert_eq!(page["promises"].as_array().unwrap().len(), 2);
    assert_eq!(page["requests"].as_array().unwrap().len(), 1);
    assert_eq!(page["issues"].as_array().unwrap().len(), 1);
    assert_eq!(page["meetings"].as_array().unwrap().len(), 1);
}

#[test]
fn edits_change_only_what_is_given() {
    let dir = setup();
    let account = json(
        &dir,
        &[
            "account",
            "edit",
            "kestrel",
            "--tier",
            "strategic",
            "--hours",
            "08:00-16:30",
            "--working-days",
            "mon,tue,wed,thu",
        ],
    );
    assert_eq!(account["tier"], "strategic");
    assert_eq!(account["timezone"], "Europe/Berlin", "unchanged");
    assert_eq!(account["working_hours"], serde_json::json!({"start": "08:00", "end": "16:30"}));
    let person =
        json(&dir, &["contact", "edit", "kestrel", "Annika", "--title", "COO", "--birthday", "--03-14"]);
    assert_eq!(person["title"], "COO");
    assert_eq!(person["level"], "executive", "unchanged");
    assert_eq!(person["dates"][0]["date"], "--03-14");
}

#[test]
fn archive_and_restore_from_the_command_line() {
    let dir = setup();
    let archived = json(&dir, &["contact", "archive", "kestrel", "Annika"]);
    assert_eq!(json(&dir, &["contact", "list", "kestrel"]), serde_json::json!([]));
    assert_eq!(json(&dir, &["archive", "list"])[0]["label"], "Annika Vogt");
    rapport(&dir)
        .args(["archive", "restore", "contact", archived["id"].as_str().unwrap()])
        .assert()
        .success()
        .stdout("Restored the person.\n");
    assert_eq!(json(&dir, &["contact", "list", "kestrel"])[0]["name"], "Annika Vogt");
}

#[test]
fn search_finds_people_and_notes_without_accents() {
    let dir = setup();
    rapport(&dir).args(["log", "kestrel", "Lunch with Annika at the Café Müller"]).assert().success();
    rapport(&dir)
        .args(["search", "cafe", "muller"])
        .assert()
        .success()
        .stdout(predicate::str::contains("*Café* *Müller*"));
    let results = json(&dir, &["search", "annika"]);
    let kinds: Vec<&str> =
        results["groups"].as_array().unwrap().iter().map(|g| g["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"contact") && kinds.contains(&"interaction"), "{kinds:?}");
}

#[test]
fn bad_records_get_one_sentence_and_write_nothing() {
    let dir = setup();
    rapport(&dir)
        .args(["promise", "add", "kestrel", "Send plan", "--due", "2026-11-01T10:00:00Z"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("The due date is before the promise was made"));
    rapport(&dir)
        .args(["contact", "add", "kestrel", "Jonas", "--reports-to", "Nobody"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Nobody called \"Nobody\""));
    rapport(&dir)
        .args(["culture", "add", "kestrel", "x".repeat(20_001).as_str()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the limit is 20000"));
    rapport(&dir)
        .args(["account", "add", "Fjordlys", "--timezone", "Oslo"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not a time zone"));
    let page = json(&dir, &["account", "show", "kestrel"]);
    assert!(
        page["promises"].as_array().unwrap().is_empty()
            && page["culture_notes"].as_array().unwrap().is_empty()
    );
    assert_eq!(page["contacts"].as_array().unwrap().len(), 1);
    assert_eq!(json(&dir, &["account", "list"]).as_array().unwrap().len(), 1);
}

#[test]
fn export_and_import_from_the_command_line() {
    let dir = setup();
    let file = dir.path().join("kestrel.json");
    rapport(&dir).args(["export", "--out"]).arg(&file).assert().success();
    let other = TempDir::new().unwrap();
    rapport(&other)
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("Imported 1 accounts"));
    assert_eq!(json(&other, &["contact", "list", "kestrel"])[0]["name"], "Annika Vogt");

    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, r#"{"format":"rapport-archive","version":1,"accounts":[{"id":"a1","name":""}]}"#)
        .unwrap();
    rapport(&other)
        .arg("import")
        .arg(&broken)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("$.accounts[0].name: An account needs a name"));
    assert_eq!(json(&other, &["account", "list"]).as_array().unwrap().len(), 1);
}

/// Monday 23 November 2026, 10:00 UTC, read on a clock in Berlin.
#[test]
fn days_are_typed_as_they_are_said() {
    let dir = setup();
    let said = |args: &[&str]| {
        let out = rapport(&dir).env("TZ", "Europe/Berlin").arg("--json").args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let promise = said(&["promise", "add", "kestrel", "Send the plan", "--due", "by Friday EOD"]);
    // The end of Friday 27 November on the reader's clock (Berlin, UTC+1).
    assert_eq!(promise["due_at"], "2026-11-27T22:59:00Z");
    let promise = said(&["promise", "add", "kestrel", "Send the deck", "--due", "in two weeks"]);
    assert_eq!(promise["due_at"], "2026-12-07T22:59:00Z");
    let goal = said(&["goal", "add", "kestrel", "Cut dwell time", "--target", "end of quarter"]);
    assert_eq!(goal["target_date"], "2026-12-31");
    let account = said(&["account", "edit", "kestrel", "--renewal", "end of next month"]);
    assert_eq!(account["renewal_date"], "2026-12-31");

    let refused =
        rapport(&dir).args(["promise", "add", "kestrel", "x", "--due", "when pigs fly"]).output().unwrap();
    assert!(!refused.status.success());
    let sentence = String::from_utf8_lossy(&refused.stderr);
    assert!(sentence.contains("\"when pigs fly\" is not a day Rapport can read"), "{sentence}");
    let listed = json(&dir, &["account", "show", "kestrel"]);
    assert_eq!(listed["promises"].as_array().unwrap().len(), 2, "the refused promise left nothing behind");
}
