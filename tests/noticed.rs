//! "Rapport noticed" (issue 19, with issue 23's guests): people invited to a client's meetings
//! who are not yet among the user's people are offered as new people of the account — when
//! their address is at the account's own domain, never a public mail provider's — and wait for
//! a yes. Accepting makes the person (and the attendee of the meetings they were invited to);
//! ignoring keeps them from being offered again.

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, Utc};
use rapport::Rapport;
use rapport::domain::{AccountDraft, ContactDraft, NoticedKind};
use rapport::service::{ExportFormat, ImportOptions};
use tempfile::TempDir;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

const INVITATION: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:steer-1@kestrel.example\r\n\
    SUMMARY:Steering committee\r\nDTSTART:20261209T130000Z\r\nDTEND:20261209T140000Z\r\n\
    ORGANIZER;CN=Dana Ruiz:mailto:dana@kestrel.example\r\nATTENDEE;CN=Ann Vogt:mailto:ann@kestrel.example\r\n\
    ATTENDEE;CN=Lee Park:mailto:lee.park@gmail.com\r\nATTENDEE:mailto:ops@kestrel.example\r\n\
    END:VEVENT\r\nEND:VCALENDAR\r\n";

fn setup(dir: &TempDir, now: DateTime<Utc>) -> (Rapport, String) {
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now).unwrap();
    let account = r
        .add_account(
            AccountDraft {
                name: "Kestrel".into(),
                timezone: Some("Europe/Berlin".into()),
                ..Default::default()
            },
            now,
        )
        .unwrap();
    r.add_contact(
        ContactDraft {
            account_id: account.id.clone(),
            name: "Ann Vogt".into(),
            email: Some("ann@kestrel.example".into()),
            ..Default::default()
        },
        now,
    )
    .unwrap();
    (r, account.id)
}

#[test]
fn invited_people_at_the_clients_domain_are_offered_once_and_become_people_on_a_yes() {
    let now = at("2026-12-02T10:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, account) = setup(&dir, now);
    let report = r
        .import_bytes(Path::new("invite.ics"), INVITATION.as_bytes(), &ImportOptions::default(), false, now)
        .unwrap();
    assert!(
        report.records[0]
            .changes
            .iter()
            .any(|c| c == "offers 2 invited people as new people, in Rapport noticed"),
        "{report:?}"
    );
    let waiting = r.noticed().unwrap();
    let emails: Vec<&str> = waiting.iter().filter_map(|n| n.email.as_deref()).collect();
    assert_eq!(emails, ["dana@kestrel.example", "ops@kestrel.example"], "never the gmail address");
    assert!(waiting.iter().all(|n| n.kind == NoticedKind::NewPerson && n.account == "Kestrel"));
    let dana = waiting.iter().find(|n| n.email.as_deref() == Some("dana@kestrel.example")).unwrap();
    assert_eq!(
        dana.text,
        "Dana Ruiz (dana@kestrel.example) was invited to \u{201c}Steering committee\u{201d}."
    );
    assert_eq!(dana.source.subject, "Steering committee");

    // Importing again offers nothing twice.
    r.import_bytes(Path::new("invite.ics"), INVITATION.as_bytes(), &ImportOptions::default(), false, now)
        .unwrap();
    assert_eq!(r.noticed().unwrap().len(), 2);

    // Yes to Dana: she is one of Kestrel's people, and an attendee of the meeting, not a guest.
    let accepted = r.accept_noticed(std::slice::from_ref(&dana.id), None, now).unwrap();
    let page = r.account_page(&account, now).unwrap();
    let person = page.contacts.iter().find(|c| c.email.as_deref() == Some("dana@kestrel.example")).unwrap();
    assert_eq!((person.name.as_str(), accepted[0].record_id.as_str()), ("Dana Ruiz", person.id.as_str()));
    let meeting = &page.meetings[0];
    assert!(meeting.attendee_ids.contains(&person.id));
    assert!(meeting.guests.iter().all(|g| g.email != "dana@kestrel.example"), "{:?}", meeting.guests);
    assert_eq!(meeting.organizer_id.as_ref(), Some(&person.id), "she sent the invitation");
    // She goes back out to calendars as its organiser, not as one more attendee; and reading
    // that calendar again changes nothing.
    let feed = r.export_text(ExportFormat::Ics, None, now).unwrap();
    let unfolded = feed.replace("\r\n ", "");
    assert!(unfolded.contains("ORGANIZER;CN=\"Dana Ruiz\":mailto:dana@kestrel.example"), "{feed}");
    assert!(!unfolded.contains("ATTENDEE;CN=\"Dana Ruiz\""), "{feed}");
    let again = r
        .import_bytes(Path::new("rapport.ics"), feed.as_bytes(), &ImportOptions::default(), false, now)
        .unwrap();
    assert_eq!((again.created, again.merged), (0, 0), "{again:?}");
    assert_eq!(r.account_page(&account, now).unwrap().meetings[0].organizer_id.as_ref(), Some(&person.id));
    assert!(r.accept_noticed(std::slice::from_ref(&dana.id), None, now).is_err(), "a yes is given once");

    // No to the team address: it leaves the list, and stays away after another import.
    let ops = r.noticed().unwrap()[0].id.clone();
    assert_eq!(r.ignore_noticed(std::slice::from_ref(&ops), now).unwrap(), 1);
    r.import_bytes(Path::new("invite.ics"), INVITATION.as_bytes(), &ImportOptions::default(), false, now)
        .unwrap();
    assert!(r.noticed().unwrap().is_empty());
    // …until the ignoring is taken back.
    r.reopen_noticed(std::slice::from_ref(&ops), now).unwrap();
    assert_eq!(r.noticed().unwrap().len(), 1);
}

#[test]
fn the_cli_lists_accepts_and_ignores_by_number_with_the_contract_in_json() {
    let now = at("2026-12-02T10:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, _) = setup(&dir, now);
    r.import_bytes(Path::new("invite.ics"), INVITATION.as_bytes(), &ImportOptions::default(), false, now)
        .unwrap();
    drop(r);
    let db = dir.path().join("rapport.db");
    let rapport = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_rapport"))
            .arg("--db")
            .arg(&db)
            .args(["--at", "2026-12-02T10:00:00Z"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let list: serde_json::Value = serde_json::from_str(&rapport(&["--json", "capture", "list"])).unwrap();
    let first = &list[0];
    for key in ["id", "kind", "account", "account_id", "contact", "text", "due_at", "source"] {
        assert!(first.get(key).is_some(), "{key} is in the contract: {first}");
    }
    for key in ["message_id", "subject", "sent_at"] {
        assert!(first["source"].get(key).is_some(), "source.{key}: {first}");
    }
    assert_eq!(first["kind"], "new_person");

    let words = rapport(&["capture", "list"]);
    assert!(words.starts_with("Rapport noticed 2 things to confirm:"), "{words}");
    assert!(
        words.contains("  1. new person (Kestrel): Dana Ruiz (dana@kestrel.example) was invited"),
        "{words}"
    );
    assert_eq!(rapport(&["capture", "accept", "1"]).trim(), "Accepted 1: person.");
    assert_eq!(rapport(&["capture", "ignore", "1"]).trim(), "Ignored 1; they will not be suggested again.");
    assert!(rapport(&["capture", "list"]).starts_with("Nothing waits for you"));
}
