//! The iCalendar reader and writer on hand-made Outlook and Google exports, round trips through
//! the feed, and any input without a panic.

use super::read::MAX_OCCURRENCES;
use super::*;
use crate::domain::{Guest, GuestRole};
use crate::interop::TestRng;
use crate::interop::{CalendarEvent, FeedEvent, FeedWhen, Read};
use chrono::NaiveDate;

pub(super) fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).map(|at| at.with_timezone(&Utc)).unwrap_or_default()
}

pub(super) fn ics(lines: &[&str]) -> String {
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    text
}

pub(super) fn everything(text: &str) -> Read<CalendarEvent> {
    read(text, at("2000-01-01T00:00:00Z"), at("2100-01-01T00:00:00Z"))
}

fn begin_lines(text: &str) -> Vec<u32> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.eq_ignore_ascii_case("BEGIN:VEVENT"))
        .map(|(index, _)| u32::try_from(index + 1).unwrap_or_default())
        .collect()
}

const OUTLOOK_ZONE: [&str; 15] = [
    "BEGIN:VTIMEZONE",
    "TZID:W. Europe Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16011028T030000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010325T020000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
];

fn outlook() -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR",
        "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
        "VERSION:2.0",
        "METHOD:PUBLISH",
        "X-MS-OLK-FORCEINSPECTOROPEN:TRUE",
    ];
    lines.extend(OUTLOOK_ZONE);
    lines.extend([
        "BEGIN:VEVENT",
        "ATTENDEE;CN=\"Bob, Jr.\";RSVP=TRUE:mailto:Bob@Example.com",
        "ATTENDEE;CN=Room 4;CUTYPE=RESOURCE:invalid:nomail",
        "CLASS:PUBLIC",
        "CREATED:20261101T120000Z",
        "DESCRIPTION:Quarterly review with the whole account team\\, including fin",
        " ance and legal\\; bring the renewal numbers.\\nSecond line: naïve café 日本",
        "\t語.",
        "DTEND;TZID=\"W. Europe Standard Time\":20261201T110000",
        "DTSTAMP:20261101T120000Z",
        "DTSTART;TZID=\"W. Europe Standard Time\":20261201T100000",
        "LAST-MODIFIED:20261101T120000Z",
        "LOCATION:Berlin HQ\\, Room 4",
        "ORGANIZER;CN=\"Ann\":MAILTO:Ann@Example.com",
        "PRIORITY:5",
        "SEQUENCE:0",
        "SUMMARY;LANGUAGE=en-us:Quarterly review",
        "TRANSP:OPAQUE",
        "UID:040000008200E00074C5B7101A82E00800000000",
        "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
        "BEGIN:VALARM",
        "TRIGGER:-PT15M",
        "ACTION:DISPLAY",
        "DESCRIPTION:Reminder",
        "END:VALARM",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "DTSTART;TZID=W. Europe Standard Time:20260701T100000",
        "DTEND;TZID=W. Europe Standard Time:20260701T103000",
        "SUMMARY:Summer check-in",
        "UID:summer-1",
        "ATTENDEE:mailto:ann@example.com",
        "ORGANIZER:mailto:ANN@example.com",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "DTSTART;VALUE=DATE:20261224",
        "DTEND;VALUE=DATE:20261225",
        "SUMMARY:Office closed",
        "UID:holiday",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "DTSTART;TZID=W. Europe Standard Time:20261202T100000",
        "DTEND;TZID=W. Europe Standard Time:20261202T110000",
        "SUMMARY:Cancelled sync",
        "STATUS:CANCELLED",
        "UID:cancelled",
        "END:VEVENT",
        "END:VCALENDAR",
    ]);
    ics(&lines)
}

#[test]
fn reads_an_outlook_export() {
    let text = outlook();
    let read = everything(&text);
    let lines = begin_lines(&text);
    assert_eq!(read.records.len(), 2, "{read:?}");
    let review = read.records.first().cloned();
    let review = review.as_ref();
    assert_eq!(review.map(|event| event.line), lines.first().copied());
    assert_eq!(review.map(|event| event.uid.as_str()), Some("040000008200E00074C5B7101A82E00800000000"));
    assert_eq!(review.map(|event| event.title.as_str()), Some("Quarterly review"));
    assert_eq!(review.map(|event| event.starts_at), Some(at("2026-12-01T09:00:00Z")));
    assert_eq!(review.map(|event| event.ends_at), Some(at("2026-12-01T10:00:00Z")));
    assert_eq!(review.and_then(|event| event.timezone.as_deref()), Some("Europe/Berlin"));
    assert_eq!(review.and_then(|event| event.location.as_deref()), Some("Berlin HQ, Room 4"));
    assert_eq!(
        review.and_then(|event| event.description.as_deref()),
        Some(
            "Quarterly review with the whole account team, including finance and legal; bring the \
             renewal numbers.\nSecond line: naïve café 日本語."
        )
    );
    assert_eq!(
        review.map(|event| event.attendees.clone()),
        Some(vec![
            Guest {
                email: "bob@example.com".into(),
                name: Some("Bob, Jr.".into()),
                role: GuestRole::Attendee
            },
            Guest { email: "ann@example.com".into(), name: Some("Ann".into()), role: GuestRole::Organizer },
        ]),
        "each address once, with the name the calendar gives and whether they sent the invitation"
    );

    let summer = read.records.get(1);
    assert_eq!(summer.map(|event| event.starts_at), Some(at("2026-07-01T08:00:00Z")));
    assert_eq!(summer.map(|event| event.ends_at), Some(at("2026-07-01T08:30:00Z")));
    assert_eq!(summer.map(|event| emails(&event.attendees)), Some(vec!["ann@example.com".to_string()]));
    assert_eq!(summer.map(|event| event.line), lines.get(1).copied());

    let all_day = lines.get(2).copied().unwrap_or_default();
    assert_eq!(read.problems.len(), 1, "{:?}", read.problems);
    assert!(
        read.problems
            .iter()
            .all(|problem| problem.line == all_day && problem.message.contains("lasts all day"))
    );
    assert_eq!(
        read.skipped,
        [
            "CLASS",
            "PRIORITY",
            "TRANSP",
            "VALARM",
            "X-MICROSOFT-CDO-BUSYSTATUS",
            "X-MS-OLK-FORCEINSPECTOROPEN"
        ]
    );
}

#[test]
fn reads_a_google_export() {
    let text = ics(&[
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Work",
        "X-WR-TIMEZONE:America/New_York",
        "BEGIN:VEVENT",
        "DTSTART;TZID=America/New_York:20260310T090000",
        "DTEND;TZID=America/New_York:20260310T093000",
        "DTSTAMP:20260301T000000Z",
        "UID:7kukuqrfedlm2f9t0vl1r2qkm4@google.com",
        "SUMMARY:Pipeline call",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "DTSTART;TZID=America/New_York:20260115T090000",
        "DURATION:PT45M",
        "UID:winter@google.com",
        "SUMMARY:Winter call",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "DTSTART:20261201T150000Z",
        "DTEND:20261201T160000Z",
        "UID:utc@google.com",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "DTSTART:20261201T150000",
        "UID:floating@google.com",
        "SUMMARY:  ",
        "END:VEVENT",
        "END:VCALENDAR",
    ]);
    let read = everything(&text);
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    assert_eq!(read.skipped, ["X-WR-CALNAME", "X-WR-TIMEZONE"]);
    let found: Vec<_> = read
        .records
        .iter()
        .map(|event| {
            (
                event.uid.as_str(),
                event.starts_at,
                event.ends_at,
                event.timezone.as_deref(),
                event.title.as_str(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "7kukuqrfedlm2f9t0vl1r2qkm4@google.com",
                at("2026-03-10T13:00:00Z"),
                at("2026-03-10T13:30:00Z"),
                Some("America/New_York"),
                "Pipeline call"
            ),
            (
                "winter@google.com",
                at("2026-01-15T14:00:00Z"),
                at("2026-01-15T14:45:00Z"),
                Some("America/New_York"),
                "Winter call"
            ),
            ("utc@google.com", at("2026-12-01T15:00:00Z"), at("2026-12-01T16:00:00Z"), None, "Meeting"),
            // No zone and no end: a moment at 15:00 on whatever clock the account keeps.
            ("floating@google.com", at("2026-12-01T15:00:00Z"), at("2026-12-01T15:00:00Z"), None, "Meeting"),
        ]
    );
    let floating: Vec<_> = read.records.iter().map(|event| event.floating).collect();
    assert_eq!(floating, [false, false, false, true], "only the time without a zone waits for its account");
}

fn weekly() -> String {
    ics(&[
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "BEGIN:VEVENT",
        "UID:weekly",
        "SUMMARY:Weekly sync",
        "DTSTART;TZID=Europe/Berlin:20260302T100000",
        "DTEND;TZID=Europe/Berlin:20260302T103000",
        "RRULE:FREQ=WEEKLY;COUNT=7",
        "EXDATE;TZID=Europe/Berlin:20260316T100000",
        "ATTENDEE:mailto:team@example.com",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:weekly",
        "RECURRENCE-ID;TZID=Europe/Berlin:20260323T100000",
        "SEQUENCE:2",
        "SUMMARY:Weekly sync (moved)",
        "DTSTART;TZID=Europe/Berlin:20260324T140000",
        "DTEND;TZID=Europe/Berlin:20260324T150000",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:weekly",
        "RECURRENCE-ID;TZID=Europe/Berlin:20260406T100000",
        "STATUS:CANCELLED",
        "DTSTART;TZID=Europe/Berlin:20260406T100000",
        "END:VEVENT",
        "END:VCALENDAR",
    ])
}

#[test]
fn expands_a_weekly_series_in_the_period() {
    let read = read(&weekly(), at("2026-03-05T00:00:00Z"), at("2026-04-30T00:00:00Z"));
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let found: Vec<_> = read
        .records
        .iter()
        .map(|event| (event.uid.as_str(), event.starts_at, event.title.as_str(), event.line))
        .collect();
    assert_eq!(
        found,
        [
            ("weekly/20260309T090000Z", at("2026-03-09T09:00:00Z"), "Weekly sync", 3),
            ("weekly/20260323T090000Z", at("2026-03-24T13:00:00Z"), "Weekly sync (moved)", 12),
            ("weekly/20260330T080000Z", at("2026-03-30T08:00:00Z"), "Weekly sync", 3),
            ("weekly/20260413T080000Z", at("2026-04-13T08:00:00Z"), "Weekly sync", 3),
        ]
    );
    let first = read.records.first();
    assert_eq!(first.map(|event| event.ends_at), Some(at("2026-03-09T09:30:00Z")));
    assert_eq!(first.map(|event| emails(&event.attendees)), Some(vec!["team@example.com".to_string()]));
    assert_eq!(first.and_then(|event| event.timezone.as_deref()), Some("Europe/Berlin"));
}

#[test]
fn a_long_running_series_is_read_quickly_and_fully() {
    let mut lines = vec!["BEGIN:VCALENDAR"];
    let events: Vec<String> = (0..200)
        .map(|index| {
            format!(
                "BEGIN:VEVENT\r\nUID:since-2015-{index}\r\nDTSTART;TZID=Europe/Berlin:20150105T090000\r\n\
                 RRULE:FREQ=WEEKLY\r\nEND:VEVENT"
            )
        })
        .collect();
    lines.extend(events.iter().map(String::as_str));
    lines.push("END:VCALENDAR");
    let started = std::time::Instant::now();
    let read = read(&ics(&lines), at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z"));
    assert!(started.elapsed().as_secs() < 10);
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    assert_eq!(read.records.len(), 200 * 5);
    let first: Vec<_> = read.records.iter().take(5).map(|event| event.starts_at).collect();
    let expected = [
        "2026-03-02T08:00:00Z",
        "2026-03-09T08:00:00Z",
        "2026-03-16T08:00:00Z",
        "2026-03-23T08:00:00Z",
        "2026-03-30T07:00:00Z",
    ];
    assert_eq!(first, expected.map(at));
}

#[test]
fn a_series_is_capped() {
    let text = ics(&[
        "BEGIN:VCALENDAR",
        "BEGIN:VEVENT",
        "UID:daily",
        "DTSTART:20200101T090000Z",
        "RRULE:FREQ=DAILY",
        "RDATE:20260101T120000Z",
        "END:VEVENT",
        "END:VCALENDAR",
    ]);
    let read = read(&text, at("2026-01-01T00:00:00Z"), at("2028-01-01T00:00:00Z"));
    assert_eq!(read.records.len(), MAX_OCCURRENCES);
    assert_eq!(read.records.get(1).map(|event| event.uid.as_str()), Some("daily/20260101T120000Z"));
    assert_eq!(read.problems.len(), 1);
    assert!(read.problems.iter().all(|problem| problem.line == 2 && problem.message.contains("500")));
}

#[test]
fn zones_from_vtimezone_windows_names_and_unknown_ones() {
    let text = ics(&[
        "BEGIN:VCALENDAR",
        "BEGIN:VTIMEZONE",
        "TZID:Custom Office Zone",
        "X-LIC-LOCATION:Europe/Paris",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "UID:custom",
        "DTSTART;TZID=Custom Office Zone:20260115T100000",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:windows",
        "DTSTART;TZID=Eastern Standard Time:20260701T100000",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:unknown",
        "DTSTART;TZID=Moon Base Time:20260701T100000",
        "END:VEVENT",
        "END:VCALENDAR",
    ]);
    let read = everything(&text);
    let found: Vec<_> = read
        .records
        .iter()
        .map(|event| (event.uid.as_str(), event.starts_at, event.timezone.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            ("custom", at("2026-01-15T09:00:00Z"), Some("Europe/Paris")),
            ("windows", at("2026-07-01T14:00:00Z"), Some("America/New_York")),
        ]
    );
    assert_eq!(read.problems.len(), 1);
    assert!(
        read.problems.iter().all(|problem| problem.line == 14 && problem.message.contains("Moon Base Time"))
    );
}

#[test]
fn bad_times_are_reported_at_the_event() {
    let text = ics(&[
        "BEGIN:VCALENDAR",
        "BEGIN:VEVENT",
        "UID:backwards",
        "DTSTART:20260101T100000Z",
        "DTEND:20260101T090000Z",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:nostart",
        "SUMMARY:No start",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:negative",
        "DTSTART:20260101T100000Z",
        "DURATION:-PT15M",
        "END:VEVENT",
        "END:VCALENDAR",
    ]);
    let read = everything(&text);
    assert!(read.records.is_empty());
    let lines: Vec<_> = read.problems.iter().map(|problem| problem.line).collect();
    assert_eq!(lines, [2, 7, 11]);
}

#[test]
fn an_event_without_uid_gets_a_stable_one() {
    let text = ics(&[
        "BEGIN:VCALENDAR",
        "BEGIN:VEVENT",
        "SUMMARY:Lunch",
        "DTSTART:20260101T120000Z",
        "END:VEVENT",
        "END:VCALENDAR",
    ]);
    let first = everything(&text);
    let again = everything(&text);
    let uid = first.records.first().map(|event| event.uid.clone()).unwrap_or_default();
    assert!(uid.starts_with("rapport-") && uid.len() == 24, "{uid}");
    assert_eq!(again.records.first().map(|event| event.uid.clone()), Some(uid.clone()));
    let other = text.replace("Lunch", "Dinner");
    assert_ne!(everything(&other).records.first().map(|event| event.uid.clone()), Some(uid));
}

#[test]
fn cut_off_and_empty_files_are_reported() {
    let text = ics(&[
        "BEGIN:VCALENDAR",
        "BEGIN:VEVENT",
        "UID:broken",
        "DTSTART:20260101T120000Z",
        "BEGIN:VEVENT",
        "UID:fine",
        "DTSTART:20260101T130000Z",
        "END:VEVENT",
        "BEGIN:VTODO",
        "SUMMARY:Call back",
        "END:VTODO",
        "BEGIN:VJOURNAL",
        "END:VJOURNAL",
        "END:VCALENDAR",
    ]);
    let read = everything(&text);
    assert_eq!(read.records.iter().map(|event| event.uid.as_str()).collect::<Vec<_>>(), ["fine"]);
    assert_eq!(read.problems.len(), 1);
    assert!(read.problems.iter().all(|problem| problem.line == 2 && problem.message.contains("cut off")));
    assert_eq!(read.skipped, ["VJOURNAL", "VTODO"]);

    let truncated =
        everything("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20260101T130000Z\nEND:VEVENT\n");
    assert_eq!(truncated.records.len(), 1);
    assert_eq!(truncated.problems.iter().map(|problem| problem.line).collect::<Vec<_>>(), [1]);

    for empty in ["", "hello", "BEGIN:VCALENDAR\nEND:VCALENDAR\n", "BEGIN:VCARD\nFN:A\nEND:VCARD\n"] {
        let read = everything(empty);
        assert!(read.records.is_empty());
        assert_eq!(read.problems.len(), 1, "{empty:?}");
        assert!(
            read.problems
                .iter()
                .all(|problem| problem.line == 1 && problem.message.contains("no calendar events"))
        );
    }
}

fn feed() -> Vec<FeedEvent> {
    let timed = |uid: &str, start: &str, end: &str, zone: Option<&str>| FeedEvent {
        uid: uid.to_string(),
        title: format!("Meeting {uid}"),
        when: FeedWhen::Timed { starts_at: at(start), ends_at: at(end), timezone: zone.map(str::to_string) },
        description: None,
        location: None,
        attendees: Vec::new(),
        organizer: None,
        categories: Vec::new(),
    };
    let mut before =
        timed("before-dst", "2026-03-27T09:00:00Z", "2026-03-27T10:00:00Z", Some("Europe/Berlin"));
    let agenda = "Agenda: pricing, renewal; risks \\ blockers\nSecond: ünïcödé 日本語 مرحبا 🎉";
    before.description = Some(agenda.repeat(3));
    before.location = Some("Room 4, Berlin; 2nd floor".into());
    before.attendees = vec![
        ("Bob \"The Builder\", Jr.".into(), Some("Bob@Example.com".into())),
        ("No Mail".into(), None),
        (String::new(), Some("carol@example.com".into())),
    ];
    vec![
        before,
        timed("after-dst", "2026-03-31T08:00:00Z", "2026-03-31T09:30:00Z", Some("Europe/Berlin")),
        timed("utc, with; odd \\ uid", "2026-05-05T12:00:00Z", "2026-05-05T12:15:00Z", None),
        timed("new-york", "2026-11-02T14:00:00Z", "2026-11-02T15:00:00Z", Some("America/New_York")),
        FeedEvent {
            uid: "promise".into(),
            title: "Send the proposal".into(),
            when: FeedWhen::Day {
                date: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default(),
                yearly: false,
            },
            description: None,
            location: None,
            attendees: Vec::new(),
            organizer: None,
            categories: Vec::new(),
        },
        FeedEvent {
            uid: "birthday".into(),
            title: "Birthday: Ada".into(),
            when: FeedWhen::Day {
                date: NaiveDate::from_ymd_opt(2028, 2, 29).unwrap_or_default(),
                yearly: true,
            },
            description: None,
            location: None,
            attendees: Vec::new(),
            organizer: None,
            categories: vec!["Kiyomizu".into(), "Birthday".into()],
        },
    ]
}

#[test]
fn writes_a_feed() {
    let text = write("Rapport — Ada's accounts", &feed(), at("2026-01-02T03:04:05Z"));
    let head = ics(&[
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Rapport//Rapport//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]);
    assert!(text.starts_with(&head), "{text}");
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(text.split("\r\n").all(|line| line.len() <= 75 && !line.contains('\n')), "{text}");
    for line in [
        "X-WR-CALNAME:Rapport — Ada's accounts",
        "DTSTAMP:20260102T030405Z",
        "DTSTART;TZID=Europe/Berlin:20260327T100000",
        "DTEND;TZID=Europe/Berlin:20260327T110000",
        "DTSTART;TZID=Europe/Berlin:20260331T100000",
        "DTSTART:20260505T120000Z",
        "DTSTART;VALUE=DATE:20260601",
        "DTEND;VALUE=DATE:20260602",
        "TRANSP:TRANSPARENT",
        "RRULE:FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=2",
        "ATTENDEE;CN=\"Bob 'The Builder', Jr.\":mailto:Bob@Example.com",
        "ATTENDEE:mailto:carol@example.com",
    ] {
        assert!(text.contains(&format!("\r\n{line}\r\n")), "{line} in\n{text}");
    }
    assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 2);
    assert_eq!(text.matches("TZID:Europe/Berlin\r\n").count(), 1);
    assert!(!text.contains("No Mail"));
}

#[test]
fn round_trips_timed_events_and_skips_days() {
    let events = feed();
    let text = write("Round trip", &events, at("2026-01-02T03:04:05Z"));
    let read = everything(&text);
    let timed: Vec<_> = events.iter().filter(|event| matches!(event.when, FeedWhen::Timed { .. })).collect();
    assert_eq!(read.records.len(), timed.len(), "{read:?}");
    for (event, back) in timed.iter().zip(&read.records) {
        let FeedWhen::Timed { starts_at, ends_at, timezone } = &event.when else { continue };
        assert_eq!(&back.uid, &event.uid);
        assert_eq!(&back.title, &event.title);
        assert_eq!((&back.starts_at, &back.ends_at), (starts_at, ends_at));
        assert_eq!(&back.timezone, timezone);
        assert_eq!(&back.location, &event.location);
        assert_eq!(&back.description, &event.description);
        let sent: Vec<String> =
            event.attendees.iter().filter_map(|(_, email)| email.as_deref().map(str::to_lowercase)).collect();
        assert_eq!(emails(&back.attendees), sent);
    }
    let day_lines = begin_lines(&text).into_iter().skip(timed.len()).collect::<Vec<_>>();
    assert_eq!(read.problems.iter().map(|problem| problem.line).collect::<Vec<_>>(), day_lines);
    assert!(read.problems.iter().all(|problem| problem.message.contains("lasts all day")));
}

#[test]
fn never_panics_on_any_input() {
    let fixtures = [outlook(), weekly(), write("Feed", &feed(), at("2026-01-02T03:04:05Z"))];
    let noise = [b'\r', b'\n', b':', b';', b'=', b' ', b'"', b'\\', 0xff, b'-', b'0', b'Z', b'T', b','];
    let mut rng = TestRng::new(99);
    for round in 0..300 {
        let bytes: Vec<u8> = match round % 3 {
            0 => (0..rng.below(800)).map(|_| u8::try_from(rng.below(256)).unwrap_or_default()).collect(),
            _ => {
                let mut bytes = fixtures[rng.below(fixtures.len())].clone().into_bytes();
                for _ in 0..1 + rng.below(25) {
                    let at = rng.below(bytes.len());
                    match rng.below(4) {
                        0 => bytes.insert(at, noise[rng.below(noise.len())]),
                        1 if at < bytes.len() => {
                            bytes.remove(at);
                        }
                        2 if at < bytes.len() => bytes[at] = noise[rng.below(noise.len())],
                        _ => bytes.truncate(at.max(bytes.len() / 2)),
                    }
                }
                bytes
            }
        };
        let _ =
            read(&String::from_utf8_lossy(&bytes), at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"));
    }
}

#[test]
fn survives_huge_and_odd_input() {
    let long = "x".repeat(1 << 20);
    let inputs = [
        ics(&["BEGIN:VEVENT", &format!("SUMMARY:{long}"), "DTSTART:20260101T000000Z", "END:VEVENT"]),
        ics(&["BEGIN:VEVENT", &format!("DTSTART;TZID={long}:20260101T000000"), "END:VEVENT"]),
        format!("BEGIN:{long}\nBEGIN:VEVENT\nDTSTART:20260101T000000Z\nEND:VEVENT\n"),
        "BEGIN:VEVENT\n".repeat(20_000),
        "END:VEVENT\n".repeat(20_000),
        format!("{}{}", "BEGIN:A\n".repeat(10_000), "END:B\n".repeat(10_000)),
        ics(&["BEGIN:VEVENT", "DTSTART:20260101T000000Z", "RRULE:FREQ=SECONDLY", "END:VEVENT"]),
        ics(&[
            "BEGIN:VEVENT",
            "DTSTART:20260101T000000Z",
            "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            "END:VEVENT",
        ]),
        ics(&[
            "BEGIN:VEVENT",
            "DTSTART:99991231T235959Z",
            "DURATION:P9999999W",
            "RRULE:FREQ=DAILY",
            "END:VEVENT",
        ]),
        ics(&[
            "BEGIN:VEVENT",
            "DTSTART;TZID=Europe/Berlin:20260329T023000",
            "RRULE:FREQ=DAILY;COUNT=3",
            "END:VEVENT",
        ]),
    ];
    for input in &inputs {
        let _ = read(input, at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"));
    }
    let secondly = read(&inputs[6], at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"));
    assert_eq!(secondly.records.len(), MAX_OCCURRENCES);
    // 02:30 does not happen in Berlin on 29 March 2026: that day's meeting is at 03:30 summer
    // time, and the next days' at 02:30 as the series says (RFC 5545, 3.3.5).
    let gap = read(&inputs[9], at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"));
    let starts: Vec<_> = gap.records.iter().map(|event| event.starts_at).collect();
    assert_eq!(
        starts,
        ["2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z", "2026-03-31T00:30:00Z"].map(at),
        "{gap:?}"
    );
}

fn emails(invited: &[Guest]) -> Vec<String> {
    invited.iter().map(|guest| guest.email.clone()).collect()
}
