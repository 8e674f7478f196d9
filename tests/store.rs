//! The store against real SQLite files in temporary folders.

use chrono::{DateTime, Utc};
use rapport::domain::{AccountDraft, ContactDraft, InteractionDraft, Level};
use rapport::store::{SCHEMA_VERSION, Store};
use rapport::{Error, Rapport};
use rusqlite::Connection;
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

fn account(rapport: &mut Rapport, name: &str) -> String {
    rapport.add_account(AccountDraft { name: name.into(), ..Default::default() }, now()).unwrap().id
}

#[test]
fn a_new_database_is_created_with_its_folder_and_the_current_schema() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("nested/folder/rapport.db");
    let store = Store::open(&path, now()).unwrap();
    assert!(path.is_file());
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn what_was_saved_is_there_after_reopening() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("rapport.db");
    let id = {
        let mut r = Rapport::open(&path, now()).unwrap();
        let id = account(&mut r, "Kestrel Logistik");
        r.log_interaction(
            InteractionDraft { account_id: id.clone(), summary: "Kick-off".into(), ..Default::default() },
            now(),
        )
        .unwrap();
        id
    };
    let r = Rapport::open(&path, now()).unwrap();
    let page = r.account_page(&id, now()).unwrap();
    assert_eq!(page.account.name, "Kestrel Logistik");
    assert_eq!(page.timeline.len(), 1);
    assert_eq!(page.timeline[0].text, "Kick-off");
    assert_eq!(page.last_touch_at, Some(now()));
}

#[test]
fn a_database_of_an_older_schema_is_migrated_keeping_its_data_and_a_backup() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("rapport.db");
    for old in 1..SCHEMA_VERSION {
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_dir_all(dir.path().join("backups"));
        {
            let store = Store::open_to(&path, now(), old).unwrap();
            assert_eq!(store.schema_version().unwrap(), old);
        }
        // Data written by that older release, with its own SQL.
        Connection::open(&path)
            .unwrap()
            .execute(
                "INSERT INTO accounts (id, name, tier, status, timezone, created_at, updated_at)
                 VALUES ('old-1', 'Fjordlys Shipping', 'core', 'active', 'Europe/Oslo', '2025-01-02T03:04:05Z', '2025-01-02T03:04:05Z')",
                [],
            )
            .unwrap();

        let r = Rapport::open(&path, now()).unwrap();
        assert_eq!(r.store().schema_version().unwrap(), SCHEMA_VERSION, "migrated from v{old}");
        let accounts = r.accounts(now()).unwrap();
        assert_eq!(accounts.len(), 1);
        assert_eq!(accounts[0].name, "Fjordlys Shipping");

        let backups: Vec<_> =
            std::fs::read_dir(dir.path().join("backups")).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(backups.len(), 1, "one copy taken before migrating v{old}: {backups:?}");
        let copy = Connection::open(&backups[0]).unwrap();
        let version: i64 = copy.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        let name: String = copy.query_row("SELECT name FROM accounts", [], |r| r.get(0)).unwrap();
        assert_eq!(
            (version, name.as_str()),
            (old, "Fjordlys Shipping"),
            "the backup is the database as it was"
        );
    }
}

#[test]
fn a_database_from_a_newer_rapport_is_refused_and_left_untouched() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("rapport.db");
    drop(Store::open(&path, now()).unwrap());
    Connection::open(&path).unwrap().pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
    let before = std::fs::read(&path).unwrap();

    let err = Store::open(&path, now()).err().expect("refused");
    assert!(matches!(err, Error::NewerSchema { .. }), "{err:?}");
    assert!(err.to_string().contains("Install the newer Rapport"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "not a byte changed");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "Call Annika about the renewal\n".repeat(200)).unwrap();
    let err = Store::open(&path, now()).err().expect("refused");
    assert!(matches!(err, Error::NotRapportDatabase { .. }), "{err:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "Call Annika about the renewal\n".repeat(200));
    assert!(!dir.path().join("notes.txt-wal").exists());
}

#[test]
fn another_applications_sqlite_database_is_refused_and_left_untouched() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("other.sqlite");
    Connection::open(&path).unwrap().execute("CREATE TABLE songs (title TEXT)", []).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path, now()).err().expect("refused");
    assert!(matches!(err, Error::NotRapportDatabase { .. }), "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn logging_with_someone_from_another_account_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    let kestrel = account(&mut r, "Kestrel");
    let maison = account(&mut r, "Maison Vérité");
    let helene = r
        .add_contact(
            ContactDraft {
                account_id: maison.clone(), name: "Hélène Marchand".into(), ..Default::default()
            },
            now(),
        )
        .unwrap();

    let err = r
        .log_interaction(
            InteractionDraft {
                account_id: kestrel.clone(),
                summary: "Renewal call".into(),
                contact_ids: vec![helene.id.clone()],
                ..Default::default()
            },
            now(),
        )
        .unwrap_err();
    assert!(err.to_string().contains("Hélène Marchand works at another account"), "{err}");
    assert!(r.account_page(&kestrel, now()).unwrap().timeline.is_empty(), "no half-written interaction");
    assert_eq!(r.store().interaction_count().unwrap(), 0);
}

#[test]
fn a_contact_reports_to_a_colleague_at_the_same_account_only() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    let kestrel = account(&mut r, "Kestrel");
    let maison = account(&mut r, "Maison");
    let boss = r
        .add_contact(
            ContactDraft {
                account_id: kestrel.clone(),
                name: "Annika Vogt".into(),
                level: Some(Level::Executive),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    let report = r
        .add_contact(
            ContactDraft {
                account_id: kestrel.clone(),
                name: "Jonas Keller".into(),
                reports_to: Some(boss.id.clone()),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    assert_eq!(report.reports_to.as_deref(), Some(boss.id.as_str()));

    let err = r
        .add_contact(
            ContactDraft {
                account_id: maison.clone(),
                name: "Inès Benali".into(),
                reports_to: Some(boss.id),
                ..Default::default()
            },
            now(),
        )
        .unwrap_err();
    assert!(matches!(err, Error::Validation { field: "reports_to", .. }), "{err:?}");
    assert!(r.contacts(&maison).unwrap().is_empty());
}

#[test]
fn the_accounts_list_shows_each_account_against_its_cadence() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    let id = r
        .add_account(
            AccountDraft { name: "Kestrel".into(), cadence_days: Some(10), ..Default::default() },
            now(),
        )
        .unwrap()
        .id;
    account(&mut r, "Quiet Co");
    r.log_interaction(
        InteractionDraft {
            account_id: id,
            summary: "Call".into(),
            occurred_at: Some("2026-11-10T10:00:00Z".into()),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    let list = r.accounts(now()).unwrap();
    let kestrel = list.iter().find(|a| a.name == "Kestrel").unwrap();
    assert_eq!(kestrel.touch, rapport::engine::cadence::TouchState::Past, "13 days against a 10-day cadence");
    let quiet = list.iter().find(|a| a.name == "Quiet Co").unwrap();
    assert_eq!(quiet.touch, rapport::engine::cadence::TouchState::Never);
}

#[test]
fn the_demo_goes_only_into_an_empty_database() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    let report = r.fill_demo(1, now()).unwrap();
    assert_eq!(r.accounts(now()).unwrap().len(), report.accounts);
    assert_eq!(r.store().interaction_count().unwrap() as usize, report.interactions);
    let err = r.fill_demo(1, now()).unwrap_err();
    assert!(err.to_string().contains("only goes into an empty one"), "{err}");
    assert_eq!(r.store().interaction_count().unwrap() as usize, report.interactions, "nothing added twice");
}

/// The demo a new user looks around in from the welcome lives in a file of its own, made afresh
/// each time, and never touches the user's database beside it.
#[test]
fn the_demo_opens_in_a_file_of_its_own_beside_the_users_data() {
    use rapport::service::demo_path_beside;
    let dir = TempDir::new().unwrap();
    let mine = dir.path().join("rapport.db");
    let mut own = Rapport::open(&mine, now()).unwrap();
    let draft: AccountDraft =
        serde_json::from_value(serde_json::json!({ "name": "My Only Client", "timezone": "Europe/Berlin" }))
            .unwrap();
    own.add_account(draft, now()).unwrap();
    drop(own);
    let before = std::fs::read(&mine).unwrap();

    let demo = Rapport::demo_beside(&mine, now()).unwrap();
    assert_eq!(demo.path(), demo_path_beside(&mine));
    assert!(demo.path().starts_with(dir.path().join("demo")), "{}", demo.path().display());
    let shown = demo.accounts(now()).unwrap().len();
    assert!(shown >= 12, "the demo portfolio is there: {shown}");
    drop(demo);

    // Looked at again: made afresh, not added to.
    let again = Rapport::demo_beside(&mine, now()).unwrap();
    assert_eq!(again.accounts(now()).unwrap().len(), shown);
    drop(again);

    let own = Rapport::open(&mine, now()).unwrap();
    let names: Vec<String> = own.accounts(now()).unwrap().into_iter().map(|a| a.name).collect();
    assert_eq!(names, vec!["My Only Client".to_string()], "the user's data holds nothing of the demo");
    drop(own);
    assert_eq!(std::fs::read(&mine).unwrap(), before, "not a byte of the user's file changed");
}
