//! The portable archive: out and back in without losing a byte, and nothing written from a
//! document with anything wrong in it.

use chrono::{DateTime, Utc};
use rapport::Rapport;
use rapport::error::Error;
use rapport::store::RecordKind;
use serde_json::Value;
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

fn demo(dir: &TempDir, name: &str) -> Rapport {
    let mut r = Rapport::open(&dir.path().join(name), now()).unwrap();
    r.fill_demo(7, now()).unwrap();
    r
}

fn problems(err: Error) -> Vec<(String, String)> {
    match err {
        Error::InvalidArchive { problems } => problems.into_iter().map(|p| (p.path, p.message)).collect(),
        other => panic!("expected an invalid archive, got {other:?}"),
    }
}

#[test]
fn export_then_import_into_an_empty_database_then_export_is_byte_identical() {
    let dir = TempDir::new().unwrap();
    let first = demo(&dir, "a.db").export_archive(now()).unwrap();
    let mut copy = Rapport::open(&dir.path().join("b.db"), now()).unwrap();
    let report = copy.import_archive(&first, false, now()).unwrap();
    assert_eq!(report.updated, 0);
    assert!(report.created > 800, "{report:?}");
    assert_eq!(copy.export_archive(now()).unwrap(), first);
}

#[test]
fn the_archive_uses_the_contract_names() {
    let dir = TempDir::new().unwrap();
    let doc: Value = serde_json::from_str(&demo(&dir, "a.db").export_archive(now()).unwrap()).unwrap();
    assert_eq!(doc["format"], "rapport-archive");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["exported_at"], "2026-11-23T10:00:00Z");
    let account = &doc["accounts"][0];
    for key in [
        "id",
        "name",
        "tier",
        "status",
        "industry",
        "timezone",
        "working_days",
        "working_hours",
        "holidays",
        "renewal_date",
        "cadence_days",
        "notes",
        "contacts",
        "culture_notes",
        "goals",
        "promises",
        "interactions",
        "requests",
        "issues",
        "meetings",
    ] {
        assert!(account.get(key).is_some(), "accounts[].{key}");
    }
    for key in [
        "id",
        "name",
        "title",
        "level",
        "reports_to",
        "email",
        "phone",
        "preferred_channel",
        "timezone",
        "cadence_days",
        "dates",
        "notes",
    ] {
        assert!(account["contacts"][0].get(key).is_some(), "contacts[].{key}");
    }
}

#[test]
fn a_wrong_format_or_a_newer_version_is_refused_with_its_path() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("a.db"), now()).unwrap();
    let err =
        r.import_archive(r#"{"format": "vcard", "version": 1, "accounts": []}"#, false, now()).unwrap_err();
    assert_eq!(problems(err)[0].0, "$.format");
    let err = r
        .import_archive(r#"{"format": "rapport-archive", "version": 9, "accounts": []}"#, false, now())
        .unwrap_err();
    let found = problems(err);
    assert_eq!(found[0].0, "$.version");
    assert!(found[0].1.contains("newer Rapport"), "{found:?}");
    let err = r.import_archive("{ not json", false, now()).unwrap_err();
    assert!(problems(err)[0].1.contains("line 1"), "where the JSON breaks");
}

#[test]
fn every_problem_is_listed_with_its_path_and_nothing_is_written() {
    let dir = TempDir::new().unwrap();
    let source = demo(&dir, "a.db");
    let mut doc: Value = serde_json::from_str(&source.export_archive(now()).unwrap()).unwrap();
    let first_contact = doc["accounts"][0]["contacts"][0]["id"].clone();
    doc["accounts"][0]["contacts"][1]["name"] = Value::String("   ".into());
    doc["accounts"][1]["id"] = doc["accounts"][0]["id"].clone();
    doc["accounts"][2]["interactions"][0]["contact_ids"] = serde_json::json!(["nobody"]);
    doc["accounts"][2]["interactions"][1]["contact_ids"] = serde_json::json!([first_contact]);
    doc["accounts"][3]["promises"] = serde_json::json!([{
        "id": "p-1", "direction": "ours", "text": "Send the plan", "made_at": "2026-11-20T10:00:00Z",
        "due_at": "2026-11-19T10:00:00Z", "status": "open"
    }]);
    doc["accounts"][4]["tier"] = Value::String("platinum".into());

    let mut target = Rapport::open(&dir.path().join("b.db"), now()).unwrap();
    target
        .add_account(
            rapport::domain::AccountDraft { name: "Already here".into(), ..Default::default() },
            now(),
        )
        .unwrap();
    let found = problems(target.import_archive(&doc.to_string(), false, now()).unwrap_err());
    let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    for expected in [
        "$.accounts[0].contacts[1].name",
        "$.accounts[1].id",
        "$.accounts[2].interactions[0].contact_ids[0]",
        "$.accounts[2].interactions[1].contact_ids[0]",
        "$.accounts[3].promises[0].due_at",
        "$.accounts[4].tier",
    ] {
        assert!(paths.contains(&expected), "{expected} missing from {paths:?}");
    }
    assert_eq!(target.accounts(now()).unwrap().len(), 1, "nothing was written");
}

#[test]
fn importing_into_a_database_with_data_merges_by_id() {
    let dir = TempDir::new().unwrap();
    let mut r = demo(&dir, "a.db");
    let mut doc: Value = serde_json::from_str(&r.export_archive(now()).unwrap()).unwrap();
    let account_id = doc["accounts"][0]["id"].as_str().unwrap().to_string();
    doc["accounts"][0]["notes"] = Value::String("Renegotiated terms in November.".into());
    doc["accounts"].as_array_mut().unwrap().truncate(1);
    let contact_id = doc["accounts"][0]["contacts"][0]["id"].as_str().unwrap().to_string();
    r.archive(RecordKind::Contact, &contact_id, now()).unwrap();

    let before = r.accounts(now()).unwrap().len();
    let report = r.import_archive(&doc.to_string(), false, now()).unwrap();
    assert_eq!(report.created, 0, "every record was already there");
    assert!(report.backup.is_some(), "a copy was taken first");
    assert_eq!(r.accounts(now()).unwrap().len(), before, "other accounts untouched");
    let page = r.account_page(&account_id, now()).unwrap();
    assert_eq!(page.account.notes, "Renegotiated terms in November.");
    assert!(
        page.contacts.iter().any(|c| c.id == contact_id),
        "an archived person comes back from the archive file"
    );
}

#[test]
fn a_dry_run_checks_without_writing() {
    let dir = TempDir::new().unwrap();
    let text = demo(&dir, "a.db").export_archive(now()).unwrap();
    let mut empty = Rapport::open(&dir.path().join("b.db"), now()).unwrap();
    let report = empty.import_archive(&text, true, now()).unwrap();
    assert!(report.dry_run && report.accounts >= 12);
    assert!(empty.accounts(now()).unwrap().is_empty());
}

#[test]
fn archived_records_travel_with_the_archive_and_stay_archived() {
    let dir = TempDir::new().unwrap();
    let mut r = demo(&dir, "a.db");
    let account = r.accounts(now()).unwrap()[0].id.clone();
    let page = r.account_page(&account, now()).unwrap();
    // The executive others report to, and a touch: archived, not gone.
    let boss = page
        .contacts
        .iter()
        .find(|c| page.contacts.iter().any(|o| o.reports_to.as_deref() == Some(c.id.as_str())))
        .unwrap();
    r.archive(RecordKind::Contact, &boss.id, now()).unwrap();
    r.archive(RecordKind::Interaction, &page.interactions[0].id, now()).unwrap();
    let text = r.export_archive(now()).unwrap();
    assert!(text.contains("\"archived_at\": \"2026-11-23T10:00:00Z\""));

    let mut copy = Rapport::open(&dir.path().join("b.db"), now()).unwrap();
    copy.import_archive(&text, false, now()).unwrap();
    let kinds = |r: &Rapport| r.archived().unwrap().into_iter().map(|a| (a.kind, a.id)).collect::<Vec<_>>();
    assert_eq!(kinds(&copy), kinds(&r), "the same records are archived on the other side");
    assert_eq!(copy.export_archive(now()).unwrap(), text, "and the round trip is byte-identical");
    copy.restore(RecordKind::Contact, &boss.id).unwrap();
    assert!(
        copy.account_page(&account, now()).unwrap().contacts.iter().any(|c| c.id == boss.id),
        "restorable there too"
    );
}

/// Found by fuzzing: an archive whose record has the id of a record of another account here
/// would have moved that record across accounts, leaving what pointed at it behind, and the
/// next export could not be imported. It is refused, placed, and nothing is written; a dry run
/// rehearses the import and finds it too.
#[test]
fn a_record_whose_id_belongs_to_another_account_here_is_refused_in_place() {
    let dir = TempDir::new().unwrap();
    let mut r = demo(&dir, "a.db");
    let mut doc: Value = serde_json::from_str(&r.export_archive(now()).unwrap()).unwrap();
    let accounts = doc["accounts"].as_array_mut().unwrap();
    let theirs = accounts[1]["contacts"][0]["id"].clone();
    let first = accounts[0].clone();
    // A new account carrying a contact with that id.
    let mut other = first.clone();
    other["id"] = Value::String("0000-new-account".into());
    other["name"] = Value::String("Newcomer Ltd".into());
    for list in ["culture_notes", "goals", "promises", "interactions", "requests", "issues", "meetings"] {
        other[list] = Value::Array(vec![]);
    }
    let mut person = first["contacts"][0].clone();
    person["id"] = theirs;
    person["reports_to"] = Value::Null;
    other["contacts"] = Value::Array(vec![person]);
    let text = serde_json::json!({"format": "rapport-archive", "version": 1, "exported_at": now(), "accounts": [other]})
        .to_string();
    let before = r.export_archive(now()).unwrap();

    for dry_run in [true, false] {
        let found = problems(r.import_archive(&text, dry_run, now()).unwrap_err());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "$.accounts[0].contacts[0].id");
        assert!(found[0].1.contains("already belongs to another account here"), "{}", found[0].1);
        assert_eq!(r.export_archive(now()).unwrap(), before, "nothing written (dry run: {dry_run})");
    }
}

#[test]
fn a_dry_run_counts_exactly_what_an_import_would_add_and_replace() {
    let dir = TempDir::new().unwrap();
    let mut r = demo(&dir, "a.db");
    let archive = r.export_archive(now()).unwrap();
    let rehearsed = r.import_archive(&archive, true, now()).unwrap();
    let done = r.import_archive(&archive, false, now()).unwrap();
    assert_eq!((rehearsed.created, rehearsed.updated), (done.created, done.updated));
    assert_eq!(rehearsed.created, 0, "everything is there already");
    assert!(rehearsed.updated > 800, "{rehearsed:?}");
}

#[test]
fn the_people_invited_who_are_not_among_yours_travel_with_their_meeting() {
    use rapport::domain::{Guest, GuestRole, MeetingDraft};
    let dir = TempDir::new().unwrap();
    let mut source = demo(&dir, "a.db");
    let account = source.accounts(now()).unwrap()[0].id.clone();
    let dana =
        Guest { email: "dana@acme.com".into(), name: Some("Dana Ruiz".into()), role: GuestRole::Organizer };
    let lee = Guest { email: "lee@acme.com".into(), name: None, role: GuestRole::Attendee };
    let draft = MeetingDraft {
        account_id: account.clone(),
        starts_at: "2026-12-01T10:00:00Z".into(),
        title: "Kick-off".into(),
        guests: Some(vec![lee.clone(), dana.clone()]),
        ..Default::default()
    };
    let meeting = source.add_meeting(draft, now()).unwrap();
    let archive = source.export_archive(now()).unwrap();
    assert!(archive.contains("\"guests\""), "the archive keeps them");

    let mut copy = Rapport::open(&dir.path().join("b.db"), now()).unwrap();
    copy.import_archive(&archive, false, now()).unwrap();
    let back = copy.account_page(&account, now()).unwrap().meetings;
    let back = back.iter().find(|m| m.id == meeting.id).unwrap();
    assert_eq!(back.guests, vec![dana, lee], "the organiser first, then by address");
    assert_eq!(copy.export_archive(now()).unwrap(), archive);

    // An archive written before Rapport kept guests imports, its meetings without any; a role
    // Rapport does not know is named at its place.
    let mut doc: Value = serde_json::from_str(&archive).unwrap();
    let mut older = doc.clone();
    for a in older["accounts"].as_array_mut().unwrap() {
        for m in a["meetings"].as_array_mut().unwrap() {
            m.as_object_mut().unwrap().remove("guests");
        }
    }
    let mut third = Rapport::open(&dir.path().join("c.db"), now()).unwrap();
    third.import_archive(&older.to_string(), false, now()).unwrap();
    let meetings = third.account_page(&account, now()).unwrap().meetings;
    assert!(meetings.iter().all(|m| m.guests.is_empty()));

    let (a, m) = doc["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .find_map(|(a, acc)| {
            acc["meetings"]
                .as_array()
                .unwrap()
                .iter()
                .position(|m| m["id"] == meeting.id.as_str())
                .map(|m| (a, m))
        })
        .unwrap();
    doc["accounts"][a]["meetings"][m]["guests"][0]["role"] = Value::String("host".into());
    doc["accounts"][a]["meetings"][m]["guests"][1]["email"] = Value::String("not an address".into());
    let found = problems(third.import_archive(&doc.to_string(), false, now()).unwrap_err());
    let at = format!("$.accounts[{a}].meetings[{m}]");
    assert!(
        found.iter().any(|(p, msg)| *p == format!("{at}.guests[0].role") && msg.contains("organizer")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(p, msg)| *p == format!("{at}.guests") && msg.contains("is not an email address")),
        "{found:?}"
    );
}
