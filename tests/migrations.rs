//! Every released schema version, as a database file kept in `tests/fixtures/schema/`, is brought
//! up to date and checked: its data is all there and every part of Rapport works on it. A
//! migration that fails leaves the file as it was.
//!
//! The fixtures are frozen once made: `make fixtures` writes only the versions that have none
//! yet (the demo portfolio, copied into a database of that version by the columns it had).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rapport::domain::{ContactDraft, Guest, GuestRole, InteractionSource, MeetingDraft, NameParts};
use rapport::service::{ExportFormat, ImportOptions};
use rapport::store::{SCHEMA_VERSION, Store};
use rapport::{Error, Rapport};
use rusqlite::Connection;
use tempfile::TempDir;

mod common;
use common::{contents, tables};

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

fn fixture(version: i64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema/v{version}.db"))
}

fn columns(conn: &Connection, table: &str) -> Vec<String> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})")).unwrap();
    stmt.query_map([], |r| r.get(1)).unwrap().map(Result::unwrap).collect()
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

/// Writes the fixtures that do not exist yet (`make fixtures`); a normal run writes nothing.
#[test]
fn write_missing_fixtures() {
    if std::env::var_os("RAPPORT_WRITE_FIXTURES").is_none() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let demo = dir.path().join("demo.db");
    Rapport::open(&demo, now()).unwrap().fill_demo(2026, now()).unwrap();
    std::fs::create_dir_all(fixture(1).parent().unwrap()).unwrap();
    for version in 1..=SCHEMA_VERSION {
        let target = fixture(version);
        if target.exists() {
            continue;
        }
        drop(Store::open_to(&target, now(), version).unwrap());
        let conn = Connection::open(&target).unwrap();
        conn.execute("ATTACH DATABASE ?1 AS demo", [demo.to_str().unwrap()]).unwrap();
        let demo_conn = Connection::open(&demo).unwrap();
        conn.execute_batch("PRAGMA foreign_keys = OFF; BEGIN;").unwrap();
        for table in tables(&conn) {
            let theirs = columns(&demo_conn, &table);
            let shared: Vec<String> =
                columns(&conn, &table).into_iter().filter(|c| theirs.contains(c)).collect();
            if shared.is_empty() {
                continue;
            }
            let list = shared.join(", ");
            conn.execute(&format!("INSERT INTO main.{table} ({list}) SELECT {list} FROM demo.{table}"), [])
                .unwrap();
        }
        conn.execute_batch("COMMIT; DETACH DATABASE demo; PRAGMA journal_mode = DELETE; VACUUM;").unwrap();
        // The fixture is the database alone, without the lock file opening it left beside it.
        let _ = std::fs::remove_file(rapport::store::exclusive::lock_path(&target));
    }
}

#[test]
fn every_released_schema_version_is_migrated_with_all_its_data_and_works() {
    let dir = TempDir::new().unwrap();
    for version in 1..=SCHEMA_VERSION {
        let source = fixture(version);
        assert!(source.exists(), "no fixture for schema v{version}: run `make fixtures` and commit it");
        let path = dir.path().join(format!("v{version}.db"));
        std::fs::copy(&source, &path).unwrap();
        let before = Connection::open(&path).unwrap();
        let old_tables = tables(&before);
        let old_counts: Vec<(String, i64)> =
            old_tables.iter().map(|t| (t.clone(), count(&before, t))).collect();
        assert_eq!(before.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0)).unwrap(), version);
        drop(before);

        let mut r = Rapport::open(&path, now()).unwrap_or_else(|e| panic!("v{version} does not open: {e}"));
        assert_eq!(r.store().schema_version().unwrap(), SCHEMA_VERSION, "v{version}");
        let after = Connection::open(&path).unwrap();
        let verdict: String = after.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(verdict, "ok", "v{version}");
        let fk: i64 =
            after.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(fk, 0, "v{version}: no reference points nowhere");
        for (table, n) in &old_counts {
            assert_eq!(count(&after, table), *n, "v{version}: every row of {table} is kept");
        }
        assert!(old_counts.iter().any(|(t, n)| t == "accounts" && *n == 15), "v{version}: {old_counts:?}");

        // Every part of Rapport reads the migrated file.
        let accounts = r.accounts(now()).unwrap();
        assert_eq!(accounts.len(), 15);
        let first = &accounts[0];
        r.account_page(&first.id, now()).unwrap();
        let found = r.search(first.name.split_whitespace().next().unwrap()).unwrap();
        assert!(!found.groups.is_empty(), "v{version}: search finds {:?} once migrated", first.name);
        r.today_page(now(), None, 25).unwrap();
        assert_eq!(r.health_review(now()).unwrap().accounts.len(), 15, "v{version}");
        let archive = r.export_archive(now()).unwrap();
        let report = r.import_archive(&archive, true, now()).unwrap();
        assert_eq!(report.accounts, 15, "v{version}: the migrated data exports as a valid archive");

        // 0012: a person's name keeps its parts, and keeps them through an edit of anything else.
        assert!(columns(&after, "contacts").contains(&"name_parts".to_string()), "v{version}");
        let person = r.account_page(&first.id, now()).unwrap().contacts[0].clone();
        let parts = NameParts {
            family: vec!["Doe".into()],
            given: vec!["John".into()],
            prefixes: vec!["Mr.".into()],
            ..Default::default()
        };
        let draft = ContactDraft { name_parts: Some(parts.clone()), ..ContactDraft::from(&person) };
        r.update_contact(&person.id, draft, now()).unwrap();
        let edited =
            ContactDraft { title: Some("Chair".into()), name_parts: None, ..ContactDraft::from(&person) };
        let kept = r.update_contact(&person.id, edited, now()).unwrap();
        assert_eq!(kept.name_parts, Some(parts), "v{version}: the parts stay while the name does");

        // 0013: a meeting keeps the people invited who are not among the user's, through an
        // edit in the app's form (which does not send them).
        assert!(tables(&after).contains(&"meeting_guests".to_string()), "v{version}");
        let dana = Guest {
            email: "dana@acme.com".into(),
            name: Some("Dana Ruiz".into()),
            role: GuestRole::Organizer,
        };
        let draft = |guests| MeetingDraft {
            account_id: first.id.clone(),
            starts_at: "2026-12-01T10:00:00Z".into(),
            title: "Renewal call".into(),
            guests,
            ..Default::default()
        };
        let meeting = r.add_meeting(draft(Some(vec![dana.clone()])), now()).unwrap();
        let edited = r.update_meeting(&meeting.id, draft(None), now()).unwrap();
        assert_eq!(edited.guests, vec![dana], "v{version}: the guest stays through the form's edit");

        // 0014: a repeating meeting is one series, and goes back out as one.
        assert!(tables(&after).contains(&"meeting_series".to_string()), "v{version}");
        let weekly = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:weekly-1@example.com\r\n\
                      SUMMARY:Weekly sync\r\nDTSTART:20261207T150000Z\r\nDTEND:20261207T153000Z\r\n\
                      RRULE:FREQ=WEEKLY;COUNT=4\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let options = ImportOptions { account_id: Some(first.id.clone()), ..Default::default() };
        let report =
            r.import_bytes(Path::new("weekly.ics"), weekly.as_bytes(), &options, false, now()).unwrap();
        assert_eq!((report.created, report.problem_count), (1, 0), "v{version}: {report:?}");
        let feed = r.export_text(ExportFormat::Ics, None, now()).unwrap();
        assert_eq!(feed.matches("UID:weekly-1@example.com").count(), 1, "v{version}: {feed}");
        assert!(feed.contains("RRULE:FREQ=WEEKLY;COUNT=4"), "v{version}: {feed}");

        // 0015: the review queue starts empty, and a yes or no is kept.
        assert!(tables(&after).contains(&"noticed".to_string()), "v{version}");
        assert!(r.noticed().unwrap().is_empty(), "v{version}");

        // 0016: every touch already there was typed, and says so; mail has its tables.
        // (v1 had no history yet.)
        let touched: Vec<String> = after
            .prepare("SELECT account_id FROM interactions WHERE archived_at IS NULL LIMIT 1")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(touched.is_empty(), version == 1, "v{version}");
        let page = r.account_page(touched.first().unwrap_or(&first.id), now()).unwrap();
        for touch in &page.interactions {
            assert_eq!(touch.source, InteractionSource::Typed, "v{version}");
            assert_eq!((&touch.message_id, &touch.snippet), (&None, &None), "v{version}");
        }
        let typed: i64 = after
            .query_row(
                "SELECT count(*) FROM interactions WHERE source = 'typed' AND message_id IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(typed, count(&after, "interactions"), "v{version}");
        for table in ["mail_sources", "mail_source_files"] {
            assert!(tables(&after).contains(&table.to_string()), "v{version}: {table}");
        }

        // 0017: a suggestion can keep the invitation it came from; none did before.
        let invitations: i64 = after
            .query_row("SELECT count(*) FROM noticed WHERE calendar IS NOT NULL", [], |r| r.get(0))
            .unwrap();
        assert_eq!(invitations, 0, "v{version}");

        // 0018: no merge was made and no pair dismissed before; likely pairs are read from a
        // migrated file.
        for table in ["merges", "not_duplicates"] {
            assert_eq!(count(&after, table), 0, "v{version}: {table}");
        }
        r.likely_duplicates().unwrap();

        // 0019: nobody has a role, an influence or a stance yet, and no touch is private or
        // says whose goal it served.
        let page = r.account_page(&first.id, now()).unwrap();
        for person in &page.contacts {
            assert!(
                person.roles.is_empty() && person.influence.is_none() && person.stance.is_none(),
                "v{version}"
            );
        }
        for touch in &page.interactions {
            assert!(!touch.private && touch.serves.is_none(), "v{version}");
        }
    }
}

#[test]
fn a_migration_that_fails_leaves_the_file_as_it_was_with_a_copy() {
    let dir = TempDir::new().unwrap();
    // The file before 0011, whose last statement drops an index; 0012 would come after it.
    let last = 10;
    let path = dir.path().join("rapport.db");
    std::fs::copy(fixture(last), &path).unwrap();
    // Something in the file the last migration cannot get past, at its very last statement (it
    // drops an index that is no longer there): everything it did before that must be undone too.
    Connection::open(&path).unwrap().execute_batch("DROP INDEX promises_open;").unwrap();
    let before = contents(&path);

    let err = Rapport::open(&path, now()).err().expect("the migration fails");
    let Error::Migration { backup, .. } = &err else { panic!("{err:?}") };
    assert!(err.to_string().contains("left the file as it was"), "{err}");
    assert_eq!(contents(&path), before, "not a row or version changed");
    let conn = Connection::open(&path).unwrap();
    let made: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema WHERE name = 'promises_to_keep'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(made, 0, "the index the failed migration made before it failed is gone");
    assert_eq!(contents(Path::new(backup)), before, "the copy named is the file as it was");
}

/// What the app's window shows while a file from an older release is upgraded: the check, the
/// copy kept, then each migration, ending with all of them done and the copy named.
#[test]
fn an_upgrade_tells_its_stages_as_it_goes_and_names_the_copy() {
    use rapport::service::{Upgrade, pending_upgrade};
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("rapport.db");
    let from = 3;
    std::fs::copy(fixture(from), &path).unwrap();
    assert_eq!(pending_upgrade(&path, None), Some((from, SCHEMA_VERSION)));

    let mut seen = Vec::new();
    let rapport = Rapport::open_observed(&path, now(), None, &mut |stage| seen.push(stage)).unwrap();
    let steps = u32::try_from(SCHEMA_VERSION - from).unwrap();
    assert_eq!(seen[0], Upgrade::Checking);
    assert_eq!(seen[1], Upgrade::KeepingCopy);
    let migrating: Vec<(u32, u32)> = seen[2..]
        .iter()
        .map(|stage| match stage {
            Upgrade::Migrating { done, of, backup } => {
                assert!(
                    backup.as_deref().is_some_and(|b| Path::new(b).is_file()),
                    "the copy is named: {backup:?}"
                );
                (*done, *of)
            }
            other => panic!("after the copy, only migrations: {other:?}"),
        })
        .collect();
    let expected: Vec<(u32, u32)> = (0..=steps).map(|done| (done, steps)).collect();
    assert_eq!(migrating, expected, "every step, in order, from none to all");
    assert_eq!(rapport.store().schema_version().unwrap(), SCHEMA_VERSION);
    drop(rapport);

    // Current, new, foreign and missing files need no upgrade; neither is the observer told of one.
    assert_eq!(pending_upgrade(&path, None), None);
    let mut told = 0;
    drop(Rapport::open_observed(&path, now(), None, &mut |_| told += 1).unwrap());
    let fresh = dir.path().join("new.db");
    drop(Rapport::open_observed(&fresh, now(), None, &mut |_| told += 1).unwrap());
    assert_eq!(told, 0, "a current file and a new one open without an upgrade to show");
    assert_eq!(pending_upgrade(&dir.path().join("missing.db"), None), None);
    let foreign = dir.path().join("foreign.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("PRAGMA user_version = 2; CREATE TABLE t (x);")
        .unwrap();
    assert_eq!(pending_upgrade(&foreign, None), None);
}
