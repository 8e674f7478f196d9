//! Calendars kept current (issue 19): an `.ics` file or a folder of them that the user's
//! calendar keeps on disk is read again when it changes; its meetings with clients are added or
//! moved, and each meeting from a calendar that has ended becomes a touch in the history, once.

use chrono::{DateTime, Duration, Utc};
use rapport::Rapport;
use rapport::domain::{AccountDraft, Channel, ContactDraft, InteractionSource, RecordKind};
use rapport::engine::checkins::ReasonCode;
use tempfile::TempDir;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn event(uid: &str, start: &str, end: &str, title: &str, who: &str) -> String {
    format!(
        "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:{start}\r\nDTEND:{end}\r\nSUMMARY:{title}\r\n\
         ORGANIZER:mailto:sam@ours.example\r\nATTENDEE:mailto:{who}\r\nEND:VEVENT\r\n"
    )
}

fn calendar(events: &[String]) -> String {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{}END:VCALENDAR\r\n", events.concat())
}

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
                email: Some("priya@northwind.example".into()),
                ..Default::default()
            },
            now,
        )
        .unwrap();
    (r, account.id, priya.id)
}

#[test]
fn a_kept_calendar_brings_its_client_meetings_and_the_ones_that_ended_become_touches_once() {
    let now = at("2026-12-03T09:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, account, priya) = northwind(&dir, now);
    let ics = dir.path().join("work.ics");
    std::fs::write(
        &ics,
        calendar(&[
            event(
                "review@x",
                "20261201T140000Z",
                "20261201T150000Z",
                "Roadmap review",
                "priya@northwind.example",
            ),
            event(
                "steer@x",
                "20261208T100000Z",
                "20261208T110000Z",
                "Steering committee",
                "priya@northwind.example",
            ),
            event("lunch@x", "20261202T120000Z", "20261202T130000Z", "Team lunch", "colleague@ours.example"),
        ]),
    )
    .unwrap();
    let path = ics.display().to_string();
    assert_eq!(r.keep_calendar_current(&path, true).unwrap(), vec![path.clone()]);

    let read = r.read_calendars_kept_current(now).unwrap();
    assert_eq!((read[0].added, read[0].touches, read[0].unchanged), (2, 1, false), "{read:?}");
    assert_eq!(read[0].problem, None, "a meeting with nobody Rapport knows is no problem");
    let page = r.account_page(&account, now).unwrap();
    assert_eq!(page.meetings.len(), 2);
    let touch = page.interactions.iter().find(|i| i.source == InteractionSource::Calendar).expect("a touch");
    assert_eq!(
        (touch.occurred_at, touch.channel, touch.summary.as_str(), &touch.contact_ids),
        (at("2026-12-01T14:00:00Z"), Channel::Meeting, "Roadmap review", &vec![priya.clone()])
    );
    assert_eq!(page.last_touch_at, Some(at("2026-12-01T14:00:00Z")), "the cadence counts it");
    // The meeting happened, but nobody wrote down what was agreed: Today still asks for it.
    let today = r.today(now).unwrap();
    assert!(
        today.iter().flat_map(|s| &s.reasons).any(|reason| reason.code == ReasonCode::MeetingFollowUp),
        "{today:#?}"
    );

    // Unchanged: not read at all.
    let again = r.read_calendars_kept_current(now).unwrap();
    assert!(again[0].unchanged, "{again:?}");

    // The calendar moves the steering committee and adds a meeting: read again.
    std::fs::write(
        &ics,
        calendar(&[
            event(
                "review@x",
                "20261201T140000Z",
                "20261201T150000Z",
                "Roadmap review",
                "priya@northwind.example",
            ),
            event(
                "steer@x",
                "20261209T100000Z",
                "20261209T110000Z",
                "Steering committee",
                "priya@northwind.example",
            ),
            event("qbr@x", "20261215T100000Z", "20261215T110000Z", "QBR", "priya@northwind.example"),
        ]),
    )
    .unwrap();
    let moved = r.read_calendars_kept_current(now).unwrap();
    assert_eq!((moved[0].added, moved[0].changed, moved[0].touches), (1, 1, 0), "{moved:?}");

    // The user deletes the touch: reading the calendar again does not bring it back.
    let calendar_touch = touch.id.clone();
    r.archive(RecordKind::Interaction, &calendar_touch, now).unwrap();

    // A week on, the steering committee has ended: the app's chores make it a touch.
    let later = now + Duration::days(7);
    assert_eq!(r.touch_met_meetings(later).unwrap(), 1);
    assert_eq!(r.touch_met_meetings(later).unwrap(), 0, "once");
    let page = r.account_page(&account, later).unwrap();
    let touches: Vec<_> =
        page.interactions.iter().filter(|i| i.source == InteractionSource::Calendar).collect();
    assert_eq!(touches.len(), 1, "the deleted one stays deleted: {touches:#?}");
    assert_eq!(touches[0].summary, "Steering committee");
}

#[test]
fn a_folder_of_events_is_a_calendar_and_what_cannot_be_read_is_said_and_tried_again() {
    let now = at("2026-12-03T09:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, account, _) = northwind(&dir, now);
    let folder = dir.path().join("vdir");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("a.ics"),
        calendar(&[event(
            "a@x",
            "20261210T100000Z",
            "20261210T110000Z",
            "Kickoff",
            "priya@northwind.example",
        )]),
    )
    .unwrap();
    std::fs::write(
        folder.join("b.ics"),
        calendar(&[event(
            "b@x",
            "20261211T100000Z",
            "20261211T110000Z",
            "Training",
            "priya@northwind.example",
        )]),
    )
    .unwrap();
    let not_a_calendar = dir.path().join("notes.txt");
    std::fs::write(&not_a_calendar, "hello").unwrap();

    let err = r.keep_calendar_current(&not_a_calendar.display().to_string(), true).unwrap_err();
    assert!(err.to_string().contains("not a calendar Rapport can read"), "{err}");
    let missing = dir.path().join("gone.ics");
    assert!(r.keep_calendar_current(&missing.display().to_string(), true).is_err());
    assert!(r.calendars_kept_current().unwrap().is_empty(), "nothing kept from a refusal");

    let vdir = folder.display().to_string();
    let second = dir.path().join("second.ics");
    std::fs::write(
        &second,
        calendar(&[event(
            "c@x",
            "20261212T100000Z",
            "20261212T110000Z",
            "Workshop",
            "priya@northwind.example",
        )]),
    )
    .unwrap();
    r.keep_calendar_current(&vdir, true).unwrap();
    r.keep_calendar_current(&second.display().to_string(), true).unwrap();
    // The second calendar's drive is gone when the app reads: the folder is read all the same.
    std::fs::remove_file(&second).unwrap();
    let read = r.read_calendars_kept_current(now).unwrap();
    assert_eq!(read[0].added, 2, "{read:?}");
    assert!(read[1].problem.as_deref().is_some_and(|p| p.contains("cannot be opened")), "{read:?}");
    assert_eq!(r.account_page(&account, now).unwrap().meetings.len(), 2);

    // Back: read the next time.
    std::fs::write(
        &second,
        calendar(&[event(
            "c@x",
            "20261212T100000Z",
            "20261212T110000Z",
            "Workshop",
            "priya@northwind.example",
        )]),
    )
    .unwrap();
    let read = r.read_calendars_kept_current(now).unwrap();
    assert!(read[0].unchanged && read[1].added == 1, "{read:?}");

    // No longer kept: no longer read; and with no calendar kept, no touches are made by the chores.
    r.keep_calendar_current(&vdir, false).unwrap();
    r.keep_calendar_current(&second.display().to_string(), false).unwrap();
    assert!(r.read_calendars_kept_current(now).unwrap().is_empty());
    assert_eq!(r.touch_met_meetings(now + Duration::days(30)).unwrap(), 0);
}
