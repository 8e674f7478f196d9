//! The CLI and the app on one database at once: the app's long-lived core writes while the real
//! `rapport` binary writes beside it. Nothing is lost or damaged, and what the CLI wrote shows in
//! the app's next look at Today without waiting.

use std::path::Path;

use assert_cmd::Command;
use chrono::{DateTime, Duration, Utc};
use rapport::Rapport;
use rapport::domain::InteractionDraft;
use rusqlite::Connection;
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

fn cli(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("rapport").unwrap();
    cmd.arg("--db").arg(db).arg("--at").arg(now().to_rfc3339());
    cmd
}

fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn the_cli_and_the_app_writing_at_once_lose_nothing() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let mut app = Rapport::open(&db, now()).unwrap();
    app.fill_demo(2026, now()).unwrap();
    let accounts = app.accounts(now()).unwrap();
    let (first, second) = (accounts[0].id.clone(), accounts[1].id.clone());
    let before = count(&db, "SELECT count(*) FROM interactions");

    let cli_db = db.clone();
    let from_cli = std::thread::spawn(move || {
        for n in 0..25 {
            cli(&cli_db).args(["log", &second, &format!("From the command line {n}")]).assert().success();
        }
    });
    for n in 0..200 {
        app.log_interaction(
            InteractionDraft {
                account_id: first.clone(),
                summary: format!("From the app {n}"),
                ..Default::default()
            },
            now() + Duration::seconds(n),
        )
        .unwrap();
        if n % 20 == 0 {
            app.today_page(now(), None, 25).unwrap();
        }
    }
    from_cli.join().unwrap();

    assert_eq!(
        count(&db, "SELECT count(*) FROM interactions"),
        before + 225,
        "every write from both is there"
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM interactions WHERE summary LIKE 'From the command line %'"),
        25
    );
    let verdict: String =
        Connection::open(&db).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(verdict, "ok");
    let found = app.search("command line").unwrap();
    assert!(!found.groups.is_empty(), "the app's search finds what the CLI wrote");
}

#[test]
fn a_touch_logged_from_the_cli_shows_in_the_apps_today_at_once() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let mut app = Rapport::open(&db, now()).unwrap();
    app.fill_demo(2026, now()).unwrap();
    let before = app.today(now()).unwrap();
    let due = before
        .iter()
        .find(|s| s.reasons.iter().any(|x| format!("{:?}", x.code).to_lowercase().contains("cadence")))
        .expect("the demo has an account due for a touch")
        .clone();

    cli(&db).args(["log", &due.account_id, "Called to catch up"]).assert().success();

    // The same moment: the app's kept list would still be fresh by the clock.
    let after = app.today(now()).unwrap();
    assert!(
        !after.iter().any(|s| s.key == due.key && s.fingerprint == due.fingerprint),
        "the app sees the CLI's touch answered the check-in"
    );
    assert_eq!(after, Rapport::open(&db, now()).unwrap().today(now()).unwrap(), "exactly as judged afresh");
}

/// A write that waits longer than it may for another Rapport's (a long import) is refused in a
/// sentence that says so — not one about the disk — and nothing is written.
#[test]
fn a_write_kept_waiting_by_another_rapport_says_so() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let mut app = Rapport::open(&db, now()).unwrap();
    app.fill_demo(2026, now()).unwrap();
    drop(app);
    let before = count(&db, "SELECT count(*) FROM interactions");
    // Another connection holds the write, as a long import does, for longer than the wait.
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE; UPDATE accounts SET notes = notes;").unwrap();
    let out = cli(&db).args(["log", "kestrel", "Call about the renewal"]).output().unwrap();
    holder.execute_batch("ROLLBACK").unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(said.contains("Another Rapport is saving to this database right now"), "{said}");
    assert!(!said.contains("disk"), "{said}");
    assert_eq!(count(&db, "SELECT count(*) FROM interactions"), before);
}
