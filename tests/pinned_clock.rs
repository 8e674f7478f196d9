//! `--at` (or `RAPPORT_AT`) means "as if it were then" for what the user asks and for dating a
//! write, and never drives a chore: no health snapshot is kept at a pretend moment, and backups
//! are named and thinned by the machine's clock, so a date far ahead deletes nothing.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::Utc;
use rusqlite::Connection;
use serde_json::Value;
use tempfile::TempDir;

fn rapport(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("rapport").unwrap();
    cmd.env("RAPPORT_DB", db).env_remove("RAPPORT_AT");
    cmd
}

fn ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn demo_at(at: &str) -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    ok(rapport(&db).args(["--at", at, "demo"]));
    (dir, db)
}

/// Every snapshot day stored, as text, latest first.
fn snapshot_days(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn.prepare("SELECT DISTINCT day FROM health_snapshots ORDER BY day DESC").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

fn backups(db: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(db.parent().unwrap().join("backups"))
        .map(|d| d.map(|e| e.unwrap().file_name().into_string().unwrap()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn reading_as_of_a_future_moment_keeps_no_snapshot() {
    let (_dir, db) = demo_at("2026-12-02T10:00:00Z");
    let before = snapshot_days(&db);
    for command in [
        vec!["today"],
        vec!["health", "--json"],
        vec!["health", "kestrel", "--json"],
        vec!["account", "list"],
    ] {
        ok(rapport(&db).args(["--at", "2031-05-05T09:00:00Z"]).args(&command));
    }
    // The same through the environment, as the app's tests pin it.
    ok(rapport(&db).env("RAPPORT_AT", "2031-05-05T09:00:00Z").arg("today"));
    assert_eq!(snapshot_days(&db), before, "a pretend moment left snapshots in the file");
    let today = Utc::now().date_naive().to_string();
    assert!(
        snapshot_days(&db).iter().all(|d| d.as_str() <= today.as_str()),
        "no snapshot is dated after today"
    );
}

#[test]
fn health_as_of_a_moment_still_shows_its_trend_without_writing_it() {
    let (_dir, db) = demo_at("2026-12-02T10:00:00Z");
    let list: Vec<Value> =
        serde_json::from_str(&ok(rapport(&db).args(["--at", "2026-12-02T10:00:00Z", "health", "--json"])))
            .unwrap();
    for h in &list {
        let points = h["trend"]["points"].as_array().unwrap();
        assert!(points.len() > 60, "{}: the trend is rebuilt for the answer", h["account"]);
        assert!(points.iter().all(|p| p["day"].as_str().unwrap() <= "2026-12-02"));
    }
    let one: Value = serde_json::from_str(&ok(rapport(&db).args([
        "--at",
        "2026-12-02T10:00:00Z",
        "health",
        "kestrel",
        "--json",
    ])))
    .unwrap();
    assert!(one[0]["trend"]["points"].as_array().unwrap().len() > 60);
    assert!(
        snapshot_days(&db).is_empty(),
        "only the machine's clock keeps snapshots: {:?}",
        snapshot_days(&db)
    );
}

#[test]
fn a_write_dated_far_ahead_deletes_no_backup_and_takes_todays_by_the_machines_clock() {
    let (dir, db) = demo_at("2026-12-02T10:00:00Z");
    let folder = dir.path().join("backups");
    std::fs::create_dir_all(&folder).unwrap();
    // A month of daily copies, each older than a day by the machine's clock, and a policy that
    // keeps every one of them: against the machine's clock, thinning has nothing to delete.
    ok(rapport(&db).args(["backup", "--keep-daily", "60"]));
    let machine = Utc::now();
    let mut planted = Vec::new();
    for days in 2..32 {
        let name = format!(
            "rapport-{}-scheduled.db",
            (machine - chrono::Duration::days(days)).format("%Y%m%dT%H%M%SZ")
        );
        std::fs::copy(&db, folder.join(&name)).unwrap();
        planted.push(name);
    }
    for (i, name) in std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name()).enumerate() {
        let name = name.into_string().unwrap();
        if !planted.contains(&name) {
            std::fs::remove_file(folder.join(&name)).unwrap_or_else(|e| panic!("{i}: {e}"));
        }
    }
    for at in ["9999-12-31T10:00:00Z", "2090-12-15T10:00:00Z"] {
        ok(rapport(&db).args(["--at", at, "log", "kestrel", "Pilot review"]));
    }
    let after = backups(&db);
    for name in &planted {
        assert!(after.contains(name), "{name} was deleted: {after:?}");
    }
    let stamp = |t: chrono::DateTime<Utc>| format!("rapport-{}", t.format("%Y%m%d"));
    let taken: Vec<&String> = after.iter().filter(|n| !planted.contains(n)).collect();
    assert_eq!(taken.len(), 1, "one daily copy, taken once: {taken:?}");
    assert!(
        taken[0].starts_with(&stamp(machine)) || taken[0].starts_with(&stamp(Utc::now())),
        "named by the machine's clock: {}",
        taken[0]
    );
    assert!(!after.iter().any(|n| n.starts_with("rapport-9999") || n.starts_with("rapport-2090")));
}

#[test]
fn a_copy_dated_in_the_future_neither_blocks_the_daily_backup_nor_is_deleted() {
    let (dir, db) = demo_at("2026-12-02T10:00:00Z");
    let folder = dir.path().join("backups");
    for entry in std::fs::read_dir(&folder).unwrap() {
        std::fs::remove_file(entry.unwrap().path()).unwrap();
    }
    // What an older Rapport left after `--at 9999-…`: a daily copy "from the future".
    let future = "rapport-99991231T100000Z-scheduled.db";
    std::fs::copy(&db, folder.join(future)).unwrap();
    ok(rapport(&db).args(["log", "kestrel", "Called about the pilot"]));
    let after = backups(&db);
    assert!(after.contains(&future.to_string()), "{after:?}");
    assert_eq!(
        after.iter().filter(|n| n.ends_with("-scheduled.db")).count(),
        2,
        "today's was taken: {after:?}"
    );
    ok(rapport(&db).args(["backup", "--keep-daily", "1", "--keep-weekly", "0", "--keep-monthly", "0"]));
    assert!(backups(&db).contains(&future.to_string()), "thinning deleted a copy dated in the future");
}
