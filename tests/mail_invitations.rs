//! Invitations in the user's mail (issue 19): a client's invitation waits in "Rapport noticed"
//! as a meeting; a yes adds it as a calendar import would, with its people and organiser; a
//! later invitation for the same meeting replaces the one still waiting and moves the meeting
//! once accepted; replies, cancellations and meetings Rapport already has propose nothing.

use std::path::Path;

use chrono::{DateTime, Utc};
use rapport::Rapport;
use rapport::domain::{AccountDraft, ContactDraft, Noticed, NoticedKind};
use tempfile::TempDir;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// Northwind, in London, with Priya Natarajan, who sends the invitations.
fn northwind(dir: &TempDir, now: DateTime<Utc>) -> (Rapport, String, String) {
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now).unwrap();
    let account = r
        .add_account(
            AccountDraft {
                name: "Northwind".into(),
                timezone: Some("Europe/London".into()),
                ..Default::default()
            },
            now,
        )
        .unwrap();
    let priya = r
        .add_contact(
            ContactDraft {
                account_id: account.id.clone(),
                name: "Priya Natarajan".into(),
                email: Some("priya.natarajan@northwind.example".into()),
                ..Default::default()
            },
            now,
        )
        .unwrap();
    (r, account.id, priya.id)
}

/// An invitation from Priya: its Message-ID, date, METHOD and the event's start and end.
fn invitation(id: &str, date: &str, method: &str, start: &str, end: &str) -> String {
    format!(
        "From: Priya Natarajan <priya.natarajan@northwind.example>\r\nTo: sam@ours.example\r\n\
         Date: {date}\r\nMessage-ID: <{id}>\r\nSubject: Invitation: Roadmap review\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/alternative; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n\
         Roadmap review with the Northwind team.\r\n--b\r\nContent-Type: text/calendar; method={method}\r\n\r\n\
         BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:{method}\r\nBEGIN:VEVENT\r\nUID:roadmap-7@northwind.example\r\n\
         DTSTART:{start}\r\nDTEND:{end}\r\nSUMMARY:Roadmap review\r\n\
         ORGANIZER;CN=Priya Natarajan:mailto:priya.natarajan@northwind.example\r\n\
         ATTENDEE;CN=Sam:mailto:sam@ours.example\r\nATTENDEE;CN=Olu Ade:mailto:olu.ade@northwind.example\r\n\
         END:VEVENT\r\nEND:VCALENDAR\r\n--b--\r\n"
    )
}

fn meetings_waiting(r: &Rapport) -> Vec<Noticed> {
    r.noticed().unwrap().into_iter().filter(|n| n.kind == NoticedKind::Meeting).collect()
}

#[test]
fn a_google_calendar_invitation_waits_as_a_meeting_and_a_yes_adds_it_with_its_people() {
    let now = at("2024-01-18T12:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, account, priya) = northwind(&dir, now);
    let eml = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mail/gmail-invitation.eml");

    let report = r.import_mail(&eml, false, now).unwrap();
    assert_eq!(report.added, 1, "the message is a touch: {report:?}");
    let waiting = meetings_waiting(&r);
    assert_eq!(waiting.len(), 1, "{waiting:#?}");
    let meeting = &waiting[0];
    assert_eq!(meeting.text, "Quarterly business review");
    assert_eq!(meeting.due_at, Some(at("2024-02-01T15:00:00Z")), "when it starts");
    assert_eq!(meeting.account_id, account);
    assert!(report.said.contains("noticed") || report.noticed >= 1, "{}", report.said);

    let accepted = r.accept_noticed(std::slice::from_ref(&meeting.id), None, now).unwrap();
    let page = r.account_page(&account, now).unwrap();
    let added = page.meetings.iter().find(|m| m.id == accepted[0].record_id).expect("the meeting is added");
    assert_eq!(added.title, "Quarterly business review");
    assert_eq!((added.starts_at, added.ends_at), (at("2024-02-01T15:00:00Z"), at("2024-02-01T16:00:00Z")));
    assert_eq!(added.attendee_ids, vec![priya.clone()], "Priya attends");
    assert_eq!(added.organizer_id.as_deref(), Some(priya.as_str()), "and sent it");
    assert_eq!(added.location.as_deref(), Some("Google Meet"));

    // Read again: nothing is proposed twice, and the meeting is not added twice.
    r.import_mail(&eml, false, now).unwrap();
    assert!(meetings_waiting(&r).is_empty());
    assert_eq!(r.account_page(&account, now).unwrap().meetings.len(), 1);
}

#[test]
fn a_later_invitation_replaces_the_one_waiting_and_moves_the_meeting_once_accepted() {
    let now = at("2026-12-03T09:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, account, _) = northwind(&dir, now);
    let first = dir.path().join("first.eml");
    std::fs::write(
        &first,
        invitation(
            "inv-1@northwind.example",
            "Mon, 30 Nov 2026 09:00:00 +0000",
            "REQUEST",
            "20261208T140000Z",
            "20261208T150000Z",
        ),
    )
    .unwrap();
    r.import_mail(&first, false, now).unwrap();
    let waiting = meetings_waiting(&r);
    assert_eq!(waiting.len(), 1);
    r.accept_noticed(std::slice::from_ref(&waiting[0].id), None, now).unwrap();
    let meeting = r.account_page(&account, now).unwrap().meetings[0].clone();
    assert_eq!(meeting.starts_at, at("2026-12-08T14:00:00Z"));
    // Olu was invited too; his address is at Northwind's domain, so he is offered as a person.
    assert!(
        r.noticed()
            .unwrap()
            .iter()
            .any(|n| n.kind == NoticedKind::NewPerson
                && n.email.as_deref() == Some("olu.ade@northwind.example")),
        "{:#?}",
        r.noticed().unwrap()
    );

    // Moved to Wednesday, then to Thursday, both read at once: only the last one waits.
    let folder = dir.path().join("later");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("a.eml"),
        invitation(
            "inv-2@northwind.example",
            "Tue, 01 Dec 2026 09:00:00 +0000",
            "REQUEST",
            "20261209T140000Z",
            "20261209T150000Z",
        ),
    )
    .unwrap();
    std::fs::write(
        folder.join("b.eml"),
        invitation(
            "inv-3@northwind.example",
            "Wed, 02 Dec 2026 09:00:00 +0000",
            "REQUEST",
            "20261210T100000Z",
            "20261210T110000Z",
        ),
    )
    .unwrap();
    r.import_mail(&folder, false, now).unwrap();
    let waiting = meetings_waiting(&r);
    assert_eq!(waiting.len(), 1, "{waiting:#?}");
    assert_eq!(waiting[0].due_at, Some(at("2026-12-10T10:00:00Z")));
    r.accept_noticed(std::slice::from_ref(&waiting[0].id), None, now).unwrap();
    let meetings = r.account_page(&account, now).unwrap().meetings;
    assert_eq!(meetings.len(), 1, "the same meeting, moved: {meetings:#?}");
    assert_eq!((meetings[0].id.clone(), meetings[0].starts_at), (meeting.id, at("2026-12-10T10:00:00Z")));
}

#[test]
fn replies_cancellations_and_meetings_rapport_has_propose_nothing() {
    let now = at("2026-12-03T09:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, account, _) = northwind(&dir, now);
    // The calendar import brought the meeting already, at this time.
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:roadmap-7@northwind.example\r\n\
               DTSTART:20261208T140000Z\r\nDTEND:20261208T150000Z\r\nSUMMARY:Roadmap review\r\n\
               ATTENDEE:mailto:priya.natarajan@northwind.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    r.import_bytes(Path::new("cal.ics"), ics.as_bytes(), &Default::default(), false, now).unwrap();
    let folder = dir.path().join("mail");
    std::fs::create_dir(&folder).unwrap();
    for (name, method, date) in [
        ("same.eml", "REQUEST", "Mon, 30 Nov 2026 09:00:00 +0000"),
        ("reply.eml", "REPLY", "Mon, 30 Nov 2026 10:00:00 +0000"),
        ("cancel.eml", "CANCEL", "Mon, 30 Nov 2026 11:00:00 +0000"),
    ] {
        let id = format!("{name}@northwind.example");
        std::fs::write(
            folder.join(name),
            invitation(&id, date, method, "20261208T140000Z", "20261208T150000Z"),
        )
        .unwrap();
    }
    let report = r.import_mail(&folder, false, now).unwrap();
    assert_eq!(report.added, 3, "each message is a touch all the same: {report:?}");
    assert!(meetings_waiting(&r).is_empty(), "{:#?}", r.noticed().unwrap());
    assert_eq!(r.account_page(&account, now).unwrap().meetings.len(), 1);
}
