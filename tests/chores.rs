//! The app's chores of one minute, as the shell calls them: the day's health snapshot kept, the
//! urgent check-ins found (each only until notified), and the calendar file written again when
//! it is due or has gone missing.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rapport::Rapport;
use rapport::service::{ChoresDue, FeedSettings};
use rusqlite::Connection;
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

#[test]
fn a_minute_of_chores_keeps_the_snapshot_finds_reminders_and_writes_a_missing_calendar_file() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    r.fill_demo(2026, now()).unwrap();
    let feed = dir.path().join("rapport.ics");
    r.save_feed_settings(FeedSettings { path: Some(feed.display().to_string()) }, now()).unwrap();
    std::fs::remove_file(&feed).unwrap();

    // Not yet settled, not due: the missing file waits.
    let first = r.run_chores(now(), &HashSet::new(), ChoresDue::default());
    assert!(first.failed.is_empty(), "{:?}", first.failed);
    assert!(!first.feed_written && !feed.exists());
    let today: i64 = Connection::open(&db)
        .unwrap()
        .query_row("SELECT count(*) FROM health_snapshots WHERE day = '2026-11-23'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(today, 15, "every demo account has today's snapshot");
    assert!(!first.reminders.is_empty(), "the demo has check-ins urgent enough to notify");

    // Settled: the missing file is written again; what was notified is not found again.
    let sent: HashSet<String> = first.reminders.iter().map(|r| r.id.clone()).collect();
    let second = r.run_chores(now(), &sent, ChoresDue { feed: false, settled: true });
    assert!(second.feed_written && feed.exists());
    assert!(second.reminders.iter().all(|r| !sent.contains(&r.id)));
}
