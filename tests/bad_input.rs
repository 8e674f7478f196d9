//! Every CLI command given malformed, oversized and hostile input, through the real binary: each
//! is refused with one sentence for a person (never a panic, a debug dump or a SQL message), and
//! the database is exactly as before. Hostile text that is valid is stored as written.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::contents;

const AT: &str = "2026-11-23T10:00:00Z";

fn cli(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("rapport").unwrap();
    cmd.arg("--db")
        .arg(db)
        .arg("--at")
        .arg(AT)
        .env_remove("RAPPORT_NEW_PASSPHRASE")
        .env_remove("RAPPORT_PASSPHRASE");
    cmd
}

struct Portfolio {
    _dir: TempDir,
    db: std::path::PathBuf,
    account: String,
    contact: String,
    promise: String,
}

fn portfolio() -> Portfolio {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    cli(&db).arg("demo").assert().success();
    let json = |args: &[&str]| -> Value {
        let out = cli(&db).arg("--json").args(args).output().unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let accounts = json(&["account", "list"]);
    let account = accounts[0]["id"].as_str().unwrap().to_string();
    let shown = json(&["account", "show", &account]);
    let contact = shown["contacts"][0]["id"].as_str().unwrap().to_string();
    let promise = shown["promises"][0]["id"].as_str().unwrap().to_string();
    Portfolio { _dir: dir, db, account, contact, promise }
}

/// What a refusal must look like: status 1 (2 for a malformed command line, from the parser),
/// one plain sentence, and nothing written.
fn assert_refused(p: &Portfolio, args: &[String]) {
    let before = contents(&p.db);
    let out = cli(&p.db).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let shown: String = args
        .iter()
        .map(|a| if a.len() > 40 { format!("{}…", &a[..40]) } else { a.clone() })
        .collect::<Vec<_>>()
        .join(" ");
    let code = out.status.code();
    assert!(matches!(code, Some(1) | Some(2)), "`{shown}` ended with {code:?} (a panic is 101): {stderr}");
    for leak in ["panicked", "RUST_BACKTRACE", "SqliteFailure", "Error {", "called `"] {
        assert!(!stderr.contains(leak), "`{shown}` shows a programmer's message: {stderr}");
    }
    let first = stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("rapport: ") || first.starts_with("error: "),
        "`{shown}` says why in one line: {stderr}"
    );
    if code == Some(1) {
        assert!(
            first.trim_end().ends_with('.') || first.trim_end().ends_with(':'),
            "`{shown}`: a sentence: {first}"
        );
        assert!(first.len() < 600, "`{shown}`: a sentence, not a dump ({} bytes)", first.len());
    }
    assert_eq!(contents(&p.db), before, "`{shown}` wrote something");
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn every_command_refuses_bad_input_with_a_sentence_and_writes_nothing() {
    let p = portfolio();
    let (a, c, pr) = (p.account.as_str(), p.contact.as_str(), p.promise.as_str());
    let big = "x".repeat(100_000);
    let file = |name: &str, text: &str| {
        let path = p._dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    let people = file("people.csv", "Name,Company,Email\nAiko Tanaka,Kiyomizu,aiko@kiyomizu.jp\n");
    let bad_rows =
        file("bad.csv", "Name,Company,Email\nAiko Tanaka,Kiyomizu,aiko@kiyomizu.jp\n,Kiyomizu,x@y.z\n");
    let cards = file("cards.vcf", "BEGIN:VCARD\nVERSION:4.0\nFN:Aiko\nEND:VCARD\n");
    let open_card = file("open.vcf", "BEGIN:VCARD\nVERSION:4.0\nFN:Aiko\n");
    let no_events = file("empty.ics", "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n");
    let cases: Vec<Vec<String>> = vec![
        // Accounts
        args(&["account", "add", ""]),
        args(&["account", "add", "   "]),
        args(&["account", "add", &big]),
        args(&["account", "add", "Fine", "--tier", "platinum"]),
        args(&["account", "add", "Fine", "--status", "immortal"]),
        args(&["account", "add", "Fine", "--timezone", "Mars/Olympus_Mons"]),
        args(&["account", "add", "Fine", "--renewal", "2026-02-30"]),
        args(&["account", "add", "Fine", "--cadence", "0"]),
        args(&["account", "add", "Fine", "--cadence", "100000"]),
        args(&["account", "add", "Fine", "--cadence", "-5"]),
        args(&["account", "add", "Fine", "--hours", "25:00-26:00"]),
        args(&["account", "add", "Fine", "--hours", "17:00-09:00"]),
        args(&["account", "add", "Fine", "--working-days", "funday"]),
        args(&["account", "add", "Fine", "--holiday", "yesterday"]),
        args(&["account", "add", "Fine", "--notes", &"n".repeat(20_001)]),
        args(&["account", "edit", "no such client", "New name"]),
        args(&["account", "edit", a, ""]),
        args(&["account", "show", "no such client"]),
        args(&["account", "archive", "no such client"]),
        // People
        args(&["contact", "add", a, ""]),
        args(&["contact", "add", a, &big]),
        args(&["contact", "add", a, "Ana", "--email", "not an address"]),
        args(&["contact", "add", a, "Ana", "--level", "emperor"]),
        args(&["contact", "add", a, "Ana", "--reports-to", "nobody at all"]),
        args(&["contact", "add", a, "Ana", "--birthday", "1990-13-01"]),
        args(&["contact", "add", a, "Ana", "--birthday", "--02-30"]),
        args(&["contact", "add", a, "Ana", "--timezone", "Nowhere/Land"]),
        args(&["contact", "add", a, "Ana", "--preferred-channel", "pigeon"]),
        args(&["contact", "add", a, "Ana", "--cadence", "999999"]),
        args(&["contact", "add", "no such client", "Ana"]),
        args(&["contact", "edit", a, "nobody at all"]),
        args(&["contact", "edit", a, c, "--reports-to", c]),
        args(&["contact", "archive", a, "nobody at all"]),
        // Touches and records
        args(&["log", a, ""]),
        args(&["log", a, &big]),
        args(&["log", a, "Call", "--sentiment", "9"]),
        args(&["log", a, "Call", "--channel", "pigeon"]),
        args(&["log", a, "Call", "--by", "nobody"]),
        args(&["log", a, "Call", "--with", "nobody at all"]),
        args(&["log", "no such client", "Call"]),
        args(&["culture", "add", a, ""]),
        args(&["culture", "add", a, &big]),
        args(&["goal", "add", a, ""]),
        args(&["goal", "add", a, "Grow", "--kind", "dream"]),
        args(&["goal", "add", a, "Grow", "--status", "maybe"]),
        args(&["goal", "add", a, "Grow", "--target", "2026-99-99"]),
        args(&["goal", "progress", "no-such-goal", "Moved on"]),
        args(&["promise", "add", a, "Send it", "--due", "blue moon"]),
        args(&["promise", "add", a, "", "--due", AT]),
        args(&["promise", "keep", "no-such-promise"]),
        args(&["promise", "keep", pr, "--when", "last week"]),
        args(&["promise", "renegotiate", pr, "--due", "soonish"]),
        args(&["request", "add", a, ""]),
        args(&["request", "add", a, "Quote", "--received", "Monday"]),
        args(&["request", "ack", "no-such-request"]),
        args(&["issue", "open", a, "Outage", "--severity", "apocalyptic"]),
        args(&["issue", "open", a, "Outage", "--opened", "earlier"]),
        args(&["issue", "open", a, ""]),
        args(&["issue", "resolve", "no-such-issue"]),
        args(&["meeting", "add", a, "Review", "--start", "after lunch"]),
        args(&[
            "meeting",
            "add",
            a,
            "Review",
            "--start",
            "2026-11-24T10:00:00Z",
            "--end",
            "2026-11-24T09:00:00Z",
        ]),
        args(&["meeting", "add", a, "Review", "--start", "2026-11-24T10:00:00Z", "--with", "nobody at all"]),
        args(&["meeting", "add", a, "", "--start", "2026-11-24T10:00:00Z"]),
        // Check-ins, brief, health
        args(&["checkin", "done", "no-such-check-in", "Called"]),
        args(&["checkin", "snooze", "no-such-check-in", "--until", "2026-12-01T00:00:00Z"]),
        args(&["checkin", "snooze", "1", "--until", "whenever"]),
        args(&["checkin", "dismiss", "no-such-check-in"]),
        args(&["brief", "no such client"]),
        args(&["brief", a, "--format", "docx"]),
        args(&["brief", a, "--meeting", "no-such-meeting"]),
        args(&["health", "no such client"]),
        args(&["health", "--weight", "reliability=500"]),
        args(&["health", "--weight", "charm=3"]),
        args(&["health", "--weight", "reliability"]),
        // Archive, files, backups
        args(&["archive", "restore", "dragon", "x"]),
        args(&["archive", "restore", "account", "no-such-account"]),
        args(&["import", "/nonexistent/archive.json"]),
        args(&["import", "/etc/passwd"]),
        args(&["import", "/etc"]),
        args(&["export", "--out", "/nonexistent/folder/archive.json"]),
        args(&["export", "--format", "docx"]),
        args(&["export", "--format", "vcard", "--account", "no such client"]),
        args(&["import", &people, "--map", "Nope=company"]),
        args(&["import", &people, "--map", "Name"]),
        args(&["import", &people, "--map", "Name=wizard"]),
        args(&["import", &people, "--map", "Name=skip,Company=skip"]),
        args(&["import", &people, "--map", "Email=name,Name=name"]),
        args(&["import", &people, "--account", "no such client"]),
        args(&["import", &cards, "--map", "FN=name"]),
        args(&["import", &bad_rows]),
        args(&["import", &open_card]),
        args(&["import", &no_events]),
        args(&["restore", "/etc/passwd"]),
        args(&["restore", "/nonexistent/backup.db"]),
        args(&["backup", "--keep-daily", "5000"]),
        args(&["demo", "--scale", "gigantic"]),
        // Locking: no new passphrase given and no terminal to type it on; nothing to unlock.
        args(&["encrypt"]),
        args(&["decrypt"]),
        // The command line itself
        args(&["--at", "half past nine", "today"]),
        args(&["account", "add"]),
        args(&["frobnicate"]),
    ];
    for case in &cases {
        assert_refused(&p, case);
    }
    eprintln!("{} bad inputs refused, each with a sentence and nothing written", cases.len());
}

#[test]
fn hostile_text_that_is_valid_is_stored_exactly_as_written() {
    let p = portfolio();
    for name in [
        "'; DROP TABLE accounts; --",
        "Robert\"); DELETE FROM contacts; --",
        "<script>alert(1)</script>",
        "\u{202E}evil right-to-left\u{202C} & Co",
        "Zürich 🏔️ 株式会社",
    ] {
        let out = cli(&p.db).args(["--json", "account", "add", name]).output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let saved: Value = serde_json::from_slice(&out.stdout).unwrap();
        let id = saved["id"].as_str().unwrap();
        let shown: Value = serde_json::from_slice(
            &cli(&p.db).args(["--json", "account", "show", id]).output().unwrap().stdout,
        )
        .unwrap();
        assert_eq!(shown["account"]["name"], name, "stored as written");
    }
    let listed: Value =
        serde_json::from_slice(&cli(&p.db).args(["--json", "account", "list"]).output().unwrap().stdout)
            .unwrap();
    assert_eq!(
        listed.as_array().unwrap().len(),
        20,
        "the 15 demo accounts are all still there, with the 5 new"
    );
}
