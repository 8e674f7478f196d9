//! Calendars as people actually have them (issue 23): real files from other projects' test
//! suites (`tests/fixtures/interop/ical-*`, sources in README-calendars.md), each imported the
//! way an account manager would, and checked for what they would notice — the hour a meeting
//! lands at, the zone it is shown in, what the preview says, what goes back out.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rapport::domain::{AccountDraft, ContactDraft, Guest, GuestRole, Meeting};
use rapport::service::{ExchangeReport, ExportFormat, ImportOptions, Outcome};
use rapport::{Error, Rapport};
use tempfile::TempDir;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/interop").join(name)
}

/// A database with one account in `zone`, and the options that send meetings there.
fn with_account(dir: &TempDir, now: DateTime<Utc>, zone: &str) -> (Rapport, ImportOptions, String) {
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now).unwrap();
    let account = r
        .add_account(
            AccountDraft { name: "Kiyomizu Foods".into(), timezone: Some(zone.into()), ..Default::default() },
            now,
        )
        .unwrap();
    let options = ImportOptions { account_id: Some(account.id.clone()), ..Default::default() };
    (r, options, account.id)
}

fn meetings(r: &Rapport, account: &str, now: DateTime<Utc>) -> Vec<Meeting> {
    let mut meetings = r.account_page(account, now).unwrap().meetings;
    meetings.sort_by_key(|m| m.starts_at);
    meetings
}

fn notes(report: &ExchangeReport) -> Vec<String> {
    report.records.iter().flat_map(|r| r.changes.clone()).collect()
}

#[test]
fn an_outlook_invitation_in_yekaterinburg_lands_at_the_hour_its_sender_meant() {
    // Outlook 12 in Russian: the zone is called "Екатеринбург" and described by its rules only.
    let now = at("2008-05-20T10:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, account) = with_account(&dir, now, "Europe/Paris");
    let path = sample("ical-outlook-yekaterinburg.ics");
    let preview = r.import_file(&path, &options, true, now).unwrap();
    assert_eq!((preview.created, preview.problem_count), (1, 0), "{preview:?}");
    let said = notes(&preview).join(" ");
    assert!(said.contains("Екатеринбург") && said.contains("Asia/Yekaterinburg"), "{said}");

    r.import_file(&path, &options, false, now).unwrap();
    let meetings = meetings(&r, &account, now);
    assert_eq!(meetings.len(), 1);
    // 15:00 in Yekaterinburg's summer time (+06:00) in 2008.
    assert_eq!(meetings[0].starts_at, at("2008-05-30T09:00:00Z"));
    assert_eq!(meetings[0].timezone.as_deref(), Some("Asia/Yekaterinburg"));
}

#[test]
fn an_exchange_zone_named_by_its_offsets_is_read_by_its_rules_as_berlin() {
    // Exchange's "GMT +0100 (Standard) / GMT +0200 (Daylight)": a daily stand-up on weekdays
    // from 3 to 22 July 2015, previewed while it runs.
    let now = at("2015-07-01T08:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, account) = with_account(&dir, now, "Europe/London");
    let path = sample("ical-exchange-gmt-plus-one.ics");
    let report = r.import_file(&path, &options, false, now).unwrap();
    assert_eq!(report.problem_count, 0, "{report:?}");
    let said = notes(&report);
    assert_eq!(said.len(), 2, "the series is said once: {said:?}");
    assert_eq!(
        said[0],
        "repeats every weekday, until 22 July 2015: 14 meetings from 3 Jul 2015 to 22 Jul 2015"
    );
    assert!(said[1].contains("GMT +0100 (Standard)") && said[1].contains("Europe/Berlin"), "{said:?}");
    let meetings = meetings(&r, &account, now);
    let starts: Vec<_> = meetings.iter().map(|m| m.starts_at.format("%d %H:%M").to_string()).collect();
    assert_eq!(
        starts,
        [
            "03 08:00", "06 08:00", "07 08:00", "08 08:00", "09 08:00", "10 08:00", "13 08:00", "14 08:00",
            "15 08:00", "16 08:00", "17 08:00", "20 08:00", "21 08:00", "22 08:00"
        ],
        "10:00 in Berlin's summer, weekdays until the 22nd"
    );
    assert!(meetings.iter().all(|m| m.timezone.as_deref() == Some("Europe/Berlin")));
    assert!(meetings.iter().all(|m| m.ends_at - m.starts_at == chrono::Duration::minutes(30)));
}

#[test]
fn zones_named_with_a_registry_prefix_are_the_iana_zones_they_end_with() {
    let now = at("2020-04-20T10:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, account) = with_account(&dir, now, "UTC");
    let report = r.import_file(&sample("ical-prefixed-tzids.ics"), &options, false, now).unwrap();
    assert_eq!((report.created, report.problem_count), (3, 0), "{report:?}");
    let found: Vec<_> = meetings(&r, &account, now)
        .iter()
        .map(|m| (m.starts_at, m.timezone.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        found,
        [
            (at("2020-04-26T12:00:00Z"), "Europe/Berlin".to_string()),
            (at("2020-04-26T17:00:00Z"), "America/Argentina/Buenos_Aires".to_string()),
            (at("2020-04-26T18:00:00Z"), "America/New_York".to_string()),
        ]
    );
}

#[test]
fn rfc_2445s_us_eastern_and_lotus_notes_western_central_europe_are_placed() {
    let now = at("1998-03-01T10:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, account) = with_account(&dir, now, "UTC");
    let options = ImportOptions { skip_bad_rows: true, ..options };
    let report = r.import_file(&sample("ical-rfc2445-examples.ics"), &options, false, now).unwrap();
    assert!(report.problems.iter().all(|p| !p.message.contains("time zone")), "{:?}", report.problems);
    // Its organiser and attendee are nobody in Rapport yet: named in the preview, not lost silently.
    let planned = report.records.iter().find(|p| p.label == "XYZ Project Review").unwrap();
    assert!(
        planned.changes.iter().any(|c| c.contains("mrbig@host.com") && c.contains("employee-a@host.com")),
        "{planned:?}"
    );
    let review = meetings(&r, &account, now).into_iter().find(|m| m.title == "XYZ Project Review").unwrap();
    // The file's US-Eastern only starts in October 1998; in March it is New York's winter time.
    assert_eq!((review.starts_at, review.ends_at), (at("1998-03-12T13:30:00Z"), at("1998-03-12T14:30:00Z")));
    assert_eq!(review.timezone.as_deref(), Some("America/New_York"));

    let now = at("2021-10-04T10:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, account) = with_account(&dir, now, "UTC");
    let report =
        r.import_file(&sample("ical-lotus-western-central-europe.ics"), &options, false, now).unwrap();
    assert_eq!((report.created, report.problem_count), (1, 0), "{report:?}");
    let meeting = &meetings(&r, &account, now)[0];
    assert_eq!(
        (meeting.starts_at, meeting.ends_at),
        (at("2021-11-01T15:00:00Z"), at("2021-11-01T15:30:00Z"))
    );
    assert_eq!(meeting.timezone.as_deref(), Some("Europe/Berlin"));
    assert!(notes(&report).iter().any(|n| n.contains("Western/Central Europe")), "{report:?}");
}

#[test]
fn a_zone_the_file_names_but_never_describes_is_refused_with_what_to_do() {
    let now = at("2026-11-23T10:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, _) = with_account(&dir, now, "UTC");
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Moon Base:20261201T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let preview = r.import_bytes(Path::new("moon.ics"), text.as_bytes(), &options, true, now).unwrap();
    assert_eq!(preview.problem_count, 1);
    let message = &preview.problems[0].message;
    assert!(message.contains("Moon Base") && message.contains("does not describe"), "{message}");
    assert!(!message.contains("standard time zone"), "no advice the user cannot follow: {message}");
}

#[test]
fn an_event_that_ends_as_it_starts_or_never_says_when_it_ends_is_a_moment() {
    let now = at("2022-08-01T10:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, account) = with_account(&dir, now, "UTC");
    // DTEND equal to DTSTART, 12:00 in Berlin.
    let report = r.import_file(&sample("ical-zero-length.ics"), &options, false, now).unwrap();
    assert_eq!((report.created, report.problem_count), (1, 0), "{report:?}");
    // No DTEND and no DURATION: RFC 5545 gives it no length, not an hour.
    let report = r.import_file(&sample("ical-khal-no-end.ics"), &options, false, now).unwrap();
    assert_eq!((report.created, report.problem_count), (1, 0), "{report:?}");
    let meetings = meetings(&r, &account, now);
    let starts: Vec<_> = meetings.iter().map(|m| (m.starts_at, m.is_moment())).collect();
    assert_eq!(starts, [(at("2016-01-16T07:00:00Z"), true), (at("2022-08-22T10:00:00Z"), true)]);

    // It goes back out as a moment: DTEND equal to DTSTART, read by another program.
    let feed = r.export_text(ExportFormat::Ics, None, now).unwrap();
    let events = independent::events(&feed);
    let test = events.iter().find(|e| e.get("SUMMARY").map(String::as_str) == Some("test")).unwrap();
    assert_eq!(test.get("DTSTART"), test.get("DTEND"), "{feed}");
    assert_eq!(test.get("DTSTART").map(String::as_str), Some("Europe/Berlin 20220822T120000"));
}

#[test]
fn a_time_without_a_zone_is_read_in_the_zone_of_the_account_it_lands_in() {
    let now = at("2014-04-01T00:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, account) = with_account(&dir, now, "Asia/Tokyo");
    let path = sample("ical-khal-floating.ics");
    let preview = r.import_file(&path, &options, true, now).unwrap();
    assert_eq!(notes(&preview), ["time without a zone, read in Asia/Tokyo (the zone of Kiyomizu Foods)"]);
    r.import_file(&path, &options, false, now).unwrap();
    let meeting = &meetings(&r, &account, now)[0];
    // 09:30–10:30 on the account's clock, not in London.
    assert_eq!(
        (meeting.starts_at, meeting.ends_at),
        (at("2014-04-09T00:30:00Z"), at("2014-04-09T01:30:00Z"))
    );
    assert_eq!(meeting.timezone.as_deref(), Some("Asia/Tokyo"));
    let again = r.import_file(&path, &options, false, now).unwrap();
    assert_eq!((again.created, again.unchanged), (0, 1), "{again:?}");
}

#[test]
fn a_past_series_is_reported_with_its_reason_once_not_silently_dropped() {
    // khal's daily meeting of April 2014, imported in 2026.
    let now = at("2026-11-23T10:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, _) = with_account(&dir, now, "UTC");
    let preview = r.import_file(&sample("ical-khal-past-daily.ics"), &options, true, now).unwrap();
    assert_eq!((preview.created, preview.problem_count), (0, 1), "{preview:?}");
    let message = &preview.problems[0].message;
    assert!(message.contains("\u{201c}An Event\u{201d}") && message.contains("18 April 2014"), "{message}");
    assert!(message.contains("by hand"), "says what to do: {message}");
    // The Exchange stand-up of July 2015 likewise.
    let preview = r.import_file(&sample("ical-exchange-gmt-plus-one.ics"), &options, true, now).unwrap();
    assert_eq!((preview.created, preview.problem_count), (0, 1), "{preview:?}");
    assert!(preview.problems[0].message.contains("22 July 2015"), "{:?}", preview.problems);
}

#[test]
fn a_series_nobody_known_attends_is_one_problem_not_one_per_occurrence() {
    // Google's weekly sync with Aiko, whom this database does not know, and no account chosen.
    let now = at("2026-11-23T10:00:00Z");
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now).unwrap();
    let preview = r.import_file(&sample("google.ics"), &ImportOptions::default(), true, now).unwrap();
    assert_eq!(preview.problem_count, 1, "{:?}", preview.problems);
    assert!(preview.problems[0].message.contains("Weekly sync"), "{:?}", preview.problems);
    let err = r.import_file(&sample("google.ics"), &ImportOptions::default(), false, now).unwrap_err();
    assert!(matches!(err, Error::BadLines { count: 1, .. }), "{err:?}");
}

#[test]
fn what_rapport_keeps_of_a_calendar_goes_back_out_as_another_program_reads_it() {
    let now = at("2015-07-01T08:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, account) = with_account(&dir, now, "Europe/London");
    let ann = r
        .add_contact(
            ContactDraft {
                account_id: account.clone(),
                name: "Ann Example".into(),
                email: Some("ann@example.com".into()),
                ..Default::default()
            },
            now,
        )
        .unwrap();
    let invitation = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:review-1@example.com\r\n\
                      SUMMARY:Quarterly review\\, Berlin\r\nLOCATION:HQ\\, Room 4\r\n\
                      DESCRIPTION:Renewal\\nPricing\r\nDTSTART;TZID=Europe/Berlin:20150706T140000\r\n\
                      DTEND;TZID=Europe/Berlin:20150706T153000\r\nATTENDEE:mailto:ANN@example.com\r\n\
                      ORGANIZER;CN=\"Ruiz, Dana\":mailto:Dana@Acme.com\r\nATTENDEE:mailto:lee@acme.com\r\n\
                      END:VEVENT\r\nEND:VCALENDAR\r\n";
    r.import_bytes(Path::new("review.ics"), invitation.as_bytes(), &options, false, now).unwrap();
    r.import_file(&sample("ical-exchange-gmt-plus-one.ics"), &options, false, now).unwrap();
    let kept = meetings(&r, &account, now);
    assert_eq!(kept.len(), 15);

    let feed = r.export_text(ExportFormat::Ics, None, now).unwrap();
    let events = independent::events(&feed);
    for meeting in &kept {
        let uid = meeting.ical_uid.clone().unwrap();
        // An occurrence as its series says goes out as the series' rule; one that differs, as
        // a change of its own.
        let given_by_rule = meeting.series.as_ref().is_some_and(|s| !s.changed);
        let (series, occurrence) = match uid.rsplit_once('/') {
            Some((series, _)) if given_by_rule => (series.to_string(), None),
            Some((series, stamp)) => (series.to_string(), Some(stamp.to_string())),
            None => (uid.clone(), None),
        };
        let event = events
            .iter()
            .find(|e| {
                e.get("UID") == Some(&series)
                    && e.get("RECURRENCE-ID").map(|r| r.replace(' ', "")) == occurrence
            })
            .unwrap_or_else(|| panic!("{uid} is not in the feed:\n{feed}"));
        let zone = meeting.timezone.as_deref().unwrap();
        let tz: chrono_tz::Tz = zone.parse().unwrap();
        let local = |at: DateTime<Utc>| format!("{zone} {}", at.with_timezone(&tz).format("%Y%m%dT%H%M%S"));
        if given_by_rule {
            // The rule starts at the first occurrence, at the hour each of them keeps.
            assert!(event.get("RRULE").is_some(), "{uid}");
            let hour = |text: &String| text.rsplit_once('T').map(|(_, hour)| hour.to_string());
            assert_eq!(event.get("DTSTART").and_then(hour), hour(&local(meeting.starts_at)), "{uid}");
            assert_eq!(event.get("DTEND").and_then(hour), hour(&local(meeting.ends_at)), "{uid}");
        } else {
            assert_eq!(event.get("DTSTART"), Some(&local(meeting.starts_at)), "{uid}");
            assert_eq!(event.get("DTEND"), Some(&local(meeting.ends_at)), "{uid}");
        }
        assert_eq!(event.get("SUMMARY"), Some(&meeting.title), "{uid}");
        assert_eq!(event.get("LOCATION"), meeting.location.as_ref(), "{uid}");
        let agenda = (!meeting.agenda.is_empty()).then(|| meeting.agenda.clone());
        assert_eq!(event.get("DESCRIPTION"), agenda.as_ref(), "{uid}");
        let attendees: Vec<&String> = event.attendees.iter().collect();
        let mut expected: Vec<String> = if meeting.attendee_ids.contains(&ann.id) {
            vec!["mailto:ann@example.com".into()]
        } else {
            Vec::new()
        };
        // The people invited who are not among the user's go back out as they came in.
        let mut organizer = None;
        for guest in &meeting.guests {
            match guest.role {
                GuestRole::Organizer => organizer = Some(format!("mailto:{}", guest.email)),
                GuestRole::Attendee => expected.push(format!("mailto:{}", guest.email)),
            }
            let name = event.names.get(&format!("mailto:{}", guest.email));
            assert_eq!(name, guest.name.as_ref(), "{uid}: {} keeps their name", guest.email);
        }
        assert_eq!(attendees, expected.iter().collect::<Vec<_>>(), "{uid}");
        assert_eq!(event.get("ORGANIZER"), organizer.as_ref(), "{uid}");
    }
    let review = kept.iter().find(|m| m.title == "Quarterly review, Berlin").unwrap();
    assert_eq!(review.location.as_deref(), Some("HQ, Room 4"));
    assert_eq!(review.agenda, "Renewal\nPricing");
    assert_eq!(review.attendee_ids, std::slice::from_ref(&ann.id));
    assert_eq!(
        review.guests,
        vec![
            Guest {
                email: "dana@acme.com".into(),
                name: Some("Ruiz, Dana".into()),
                role: GuestRole::Organizer
            },
            Guest { email: "lee@acme.com".into(), name: None, role: GuestRole::Attendee },
        ],
        "the organiser and the attendee Rapport does not know stay on the meeting"
    );

    // And back in: the same meetings, nothing added.
    let again = r.import_bytes(Path::new("rapport.ics"), feed.as_bytes(), &options, false, now).unwrap();
    assert_eq!(again.created, 0, "{again:?}");
    assert!(again.records.iter().all(|r| r.outcome == Outcome::Unchanged), "{again:?}");
}

/// The feed as the `ical` crate reads it: each VEVENT's properties by name (a date as its
/// TZID and its text), and its attendees.
mod independent {
    use std::collections::HashMap;

    pub struct Event {
        properties: HashMap<String, String>,
        pub attendees: Vec<String>,
        /// The CN of each attendee and organiser, by address.
        pub names: HashMap<String, String>,
    }

    impl Event {
        pub fn get(&self, name: &str) -> Option<&String> {
            self.properties.get(name)
        }
    }

    /// RFC 5545, 3.3.11: the `ical` crate leaves TEXT values escaped.
    fn unescape(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(ch) = chars.next() {
            match (ch, ch == '\\') {
                (_, true) => match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                },
                (ch, false) => out.push(ch),
            }
        }
        out
    }

    pub fn events(text: &str) -> Vec<Event> {
        let reader = ical::IcalParser::new(text.as_bytes());
        let mut events = Vec::new();
        for calendar in reader {
            for event in calendar.expect("the feed is valid iCalendar").events {
                let mut properties = HashMap::new();
                let mut attendees = Vec::new();
                let mut names = HashMap::new();
                for property in event.properties {
                    let value = property.value.unwrap_or_default();
                    let params = property.params.unwrap_or_default();
                    let param = |wanted: &str| {
                        params
                            .iter()
                            .find(|(name, _)| name == wanted)
                            .and_then(|(_, values)| values.first().cloned())
                    };
                    let tzid = param("TZID");
                    if let Some(cn) = param("CN") {
                        names.insert(value.to_lowercase(), cn.trim_matches('"').to_string());
                    }
                    let value = match (tzid, property.name.as_str()) {
                        (Some(zone), _) => format!("{zone} {value}"),
                        (None, "SUMMARY" | "LOCATION" | "DESCRIPTION") => unescape(&value),
                        _ => value,
                    };
                    if property.name == "ATTENDEE" {
                        attendees.push(value);
                    } else {
                        properties.insert(property.name, value);
                    }
                }
                events.push(Event { properties, attendees, names });
            }
        }
        events
    }
}

#[test]
fn people_invited_who_are_not_yet_among_yours_stay_on_the_meeting_until_they_are() {
    let now = at("2026-11-23T10:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, account) = with_account(&dir, now, "Asia/Tokyo");
    let invitation = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:kickoff-1@acme.com\r\n\
                      SUMMARY:Kick-off\r\nDTSTART:20261201T010000Z\r\nDTEND:20261201T020000Z\r\n\
                      ORGANIZER;CN=Dana Ruiz:mailto:Dana@Acme.com\r\n\
                      ATTENDEE;CN=<b>Lee</b>:mailto:lee@acme.com\r\n\
                      ATTENDEE;CN=Room 4:invalid:nomail\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let import = |r: &mut Rapport, dry_run| {
        r.import_bytes(Path::new("kickoff.ics"), invitation.as_bytes(), &options, dry_run, now).unwrap()
    };

    let preview = import(&mut r, true);
    assert_eq!(
        notes(&preview),
        vec!["keeps 2 invited people not among your people: dana@acme.com, lee@acme.com".to_string()],
        "the preview says who the meeting keeps, not that they are lost"
    );
    import(&mut r, false);
    let kickoff = meetings(&r, &account, now).remove(0);
    assert!(kickoff.attendee_ids.is_empty());
    assert_eq!(
        kickoff.guests,
        vec![
            Guest {
                email: "dana@acme.com".into(),
                name: Some("Dana Ruiz".into()),
                role: GuestRole::Organizer
            },
            Guest {
                email: "lee@acme.com".into(),
                name: Some("<b>Lee</b>".into()),
                role: GuestRole::Attendee
            },
        ]
    );

    let again = import(&mut r, false);
    assert_eq!(again.unchanged, 1, "the same file twice changes nothing: {again:?}");
    assert_eq!(meetings(&r, &account, now)[0].guests, kickoff.guests);

    // Dana becomes one of the user's people: the next import makes her an attendee.
    let dana = r
        .add_contact(
            ContactDraft {
                account_id: account.clone(),
                name: "Dana Ruiz".into(),
                email: Some("dana@acme.com".into()),
                ..Default::default()
            },
            now,
        )
        .unwrap();
    let moved = import(&mut r, false);
    assert_eq!(moved.merged, 1, "{moved:?}");
    assert!(notes(&moved).contains(&"adds Dana Ruiz".to_string()), "{:?}", notes(&moved));
    let kickoff = meetings(&r, &account, now).remove(0);
    assert_eq!(kickoff.attendee_ids, vec![dana.id]);
    assert_eq!(
        kickoff.guests.iter().map(|g| g.email.as_str()).collect::<Vec<_>>(),
        vec!["lee@acme.com"],
        "Dana is an attendee now, and no longer a guest"
    );
    assert_eq!(import(&mut r, false).unchanged, 1, "and then nothing changes again");
}
