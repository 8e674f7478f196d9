//! Repeating meetings kept as one series (issue 23): a calendar's weekly or monthly meeting
//! comes in as one record of the preview, its occurrences each a meeting Rapport judges, and
//! goes back out as the calendar sent it — one event with its rule and UID, its exceptions, and
//! a change of its own for each occurrence that differs — as another program reads it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rapport::Rapport;
use rapport::domain::{AccountDraft, Meeting, MeetingDraft};
use rapport::service::{BriefFormat, ExportFormat, ImportOptions, Outcome};
use rapport::store::RecordKind;
use tempfile::TempDir;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/interop").join(name)
}

fn open(dir: &TempDir, name: &str, now: DateTime<Utc>, zone: &str) -> (Rapport, ImportOptions, String) {
    let mut r = Rapport::open(&dir.path().join(name), now).unwrap();
    let account = r
        .add_account(
            AccountDraft { name: "Kestrel".into(), timezone: Some(zone.into()), ..Default::default() },
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

/// What a user sees of a meeting: when, what, and whether it differs from its series.
fn seen(meetings: &[Meeting]) -> Vec<(DateTime<Utc>, DateTime<Utc>, String, bool)> {
    meetings
        .iter()
        .map(|m| (m.starts_at, m.ends_at, m.title.clone(), m.series.as_ref().is_some_and(|s| s.changed)))
        .collect()
}

#[test]
fn a_weekly_meeting_with_one_moved_is_one_series_and_goes_back_out_as_its_calendar_sent_it() {
    // khal's test calendar: "Arbeit" every Monday 07:00–12:00 in Berlin until 6 August 2014, the
    // second one moved to 09:00–14:00.
    let now = at("2014-07-01T08:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, account) = open(&dir, "a.db", now, "Europe/Berlin");
    let path = sample("ical-khal-weekly-moved.ics");

    let preview = r.import_file(&path, &options, true, now).unwrap();
    assert_eq!((preview.read, preview.created, preview.records.len()), (1, 1, 1), "{preview:?}");
    assert_eq!(
        preview.records[0].changes[0],
        "repeats weekly on Monday, until 6 August 2014: 6 meetings from 30 Jun 2014 to 4 Aug 2014, \
         1 changed from the series"
    );

    r.import_file(&path, &options, false, now).unwrap();
    let kept = meetings(&r, &account, now);
    assert_eq!(kept.len(), 6);
    assert!(
        kept.iter()
            .all(|m| m.series.as_ref().is_some_and(|s| s.repeats == "weekly on Monday, until 6 August 2014"))
    );
    let moved: Vec<&Meeting> = kept.iter().filter(|m| m.series.as_ref().unwrap().changed).collect();
    assert_eq!(moved.len(), 1);
    assert_eq!(
        (moved[0].starts_at, moved[0].ends_at),
        (at("2014-07-07T07:00:00Z"), at("2014-07-07T12:00:00Z"))
    );

    // Out: the series once, with its rule and UID, and the moved occurrence as a change.
    let feed = r.export_text(ExportFormat::Ics, None, now).unwrap();
    let events = independent::events(&feed);
    let ours: Vec<&independent::Event> =
        events.iter().filter(|e| e.one("UID") == Some("event_rrule_recurrence_id")).collect();
    assert_eq!(ours.len(), 2, "{feed}");
    let series = ours.iter().find(|e| e.one("RECURRENCE-ID").is_none()).unwrap();
    assert_eq!(series.one("RRULE"), Some("FREQ=WEEKLY;UNTIL=20140806T060000Z"), "{feed}");
    assert_eq!(series.one("DTSTART"), Some("Europe/Berlin 20140630T070000"));
    assert_eq!(series.one("DTEND"), Some("Europe/Berlin 20140630T120000"));
    assert_eq!(series.one("SUMMARY"), Some("Arbeit"));
    let change = ours.iter().find(|e| e.one("RECURRENCE-ID").is_some()).unwrap();
    assert_eq!(change.one("RECURRENCE-ID"), Some("20140707T050000Z"));
    assert_eq!(change.one("DTSTART"), Some("Europe/Berlin 20140707T090000"));

    // And back in: nothing new, nothing changed.
    let again = r.import_bytes(Path::new("rapport.ics"), feed.as_bytes(), &options, false, now).unwrap();
    assert_eq!((again.created, again.merged, again.unchanged), (0, 0, 1), "{again:?}");
    assert_eq!(seen(&meetings(&r, &account, now)), seen(&kept));

    // A deleted occurrence goes out as an exception, and an edited one as a change of its own.
    let third = kept[2].clone();
    r.archive(RecordKind::Meeting, &third.id, now).unwrap();
    let fourth = kept[3].clone();
    let later = MeetingDraft {
        account_id: account.clone(),
        starts_at: "2014-07-21T08:00:00Z".into(),
        ends_at: Some("2014-07-21T09:00:00Z".into()),
        title: fourth.title.clone(),
        ..Default::default()
    };
    let edited = r.update_meeting(&fourth.id, later, now).unwrap();
    assert!(edited.series.as_ref().unwrap().changed, "an edited occurrence differs from its series");
    let feed = r.export_text(ExportFormat::Ics, None, now).unwrap();
    let events = independent::events(&feed);
    let series = events
        .iter()
        .find(|e| e.one("UID") == Some("event_rrule_recurrence_id") && e.one("RECURRENCE-ID").is_none())
        .unwrap();
    assert_eq!(series.all("EXDATE"), vec!["20140714T050000Z"], "{feed}");
    let changes: Vec<&str> = events.iter().filter_map(|e| e.one("RECURRENCE-ID")).collect();
    assert_eq!(changes, vec!["20140707T050000Z", "20140721T050000Z"], "{feed}");

    // Another Rapport reading that file sees what this one has.
    let other = TempDir::new().unwrap();
    let (mut r2, options2, account2) = open(&other, "b.db", now, "Europe/Berlin");
    r2.import_bytes(Path::new("rapport.ics"), feed.as_bytes(), &options2, false, now).unwrap();
    assert_eq!(seen(&meetings(&r2, &account2, now)), seen(&meetings(&r, &account, now)));

    // Rapport's own archive carries the series whole: restored elsewhere, it goes out the same.
    let archive = r.export_archive(now).unwrap();
    let third = TempDir::new().unwrap();
    let mut r3 = Rapport::open(&third.path().join("c.db"), now).unwrap();
    r3.import_archive(&archive, false, now).unwrap();
    assert_eq!(seen(&meetings(&r3, &account, now)), seen(&meetings(&r, &account, now)));
    assert_eq!(r3.export_text(ExportFormat::Ics, None, now).unwrap(), feed);
}

#[test]
fn a_monthly_series_with_extra_days_exceptions_and_changes_keeps_all_of_them() {
    // Zimbra (from ical.js's samples): the first Tuesday of each month at 10:00 in Los Angeles,
    // three extra days, three exceptions and two occurrences changed, one moved to another day.
    let now = at("2012-10-01T08:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, account) = open(&dir, "a.db", now, "America/Los_Angeles");
    let path = sample("ical-zimbra-monthly-instances.ics");
    let preview = r.import_file(&path, &options, true, now).unwrap();
    assert_eq!((preview.created, preview.records.len()), (1, 1), "{preview:?}");
    let said = &preview.records[0].changes[0];
    assert!(
        said.starts_with(
            "repeats monthly on the first Tuesday: 12 meetings from 2 Oct 2012 to 3 Sep 2013, 2 changed"
        ),
        "{said}"
    );

    r.import_file(&path, &options, false, now).unwrap();
    let kept = meetings(&r, &account, now);
    assert_eq!(kept.len(), 12);
    let starts: Vec<DateTime<Utc>> = kept.iter().map(|m| m.starts_at).collect();
    for gone in ["2012-12-04T18:00:00Z", "2013-02-05T18:00:00Z", "2013-04-02T17:00:00Z"] {
        assert!(!starts.contains(&at(gone)), "the exception on {gone} is not a meeting");
    }
    assert!(starts.contains(&at("2012-10-02T22:00:00Z")), "moved to 15:00 on its day");
    assert!(starts.contains(&at("2012-11-07T04:00:00Z")), "moved to 20:00 the next day");
    assert!(starts.contains(&at("2012-11-10T18:00:00Z")), "an extra day");

    let feed = r.export_text(ExportFormat::Ics, None, now).unwrap();
    let events = independent::events(&feed);
    let series: Vec<&independent::Event> = events
        .iter()
        .filter(|e| {
            e.one("UID") == Some("623c13c0-6c2b-45d6-a12b-c33ad61c4868") && e.one("RECURRENCE-ID").is_none()
        })
        .collect();
    assert_eq!(series.len(), 1, "{feed}");
    let rule = series[0].one("RRULE").unwrap();
    assert!(rule.contains("FREQ=MONTHLY") && rule.contains("BYDAY=1TU"), "{rule}");
    assert_eq!(series[0].all("EXDATE").len(), 3, "{feed}");
    assert!(series[0].all("RDATE").len() >= 3, "{feed}");
    assert!(feed.contains("TZID:America/Los_Angeles"), "the zone named is described");

    let other = TempDir::new().unwrap();
    let (mut r2, options2, account2) = open(&other, "b.db", now, "America/Los_Angeles");
    let back = r2.import_bytes(Path::new("rapport.ics"), feed.as_bytes(), &options2, false, now).unwrap();
    assert_eq!(back.records.iter().filter(|p| p.outcome == Outcome::Create).count(), 1, "{back:?}");
    let round: Vec<(DateTime<Utc>, DateTime<Utc>)> =
        meetings(&r2, &account2, now).iter().map(|m| (m.starts_at, m.ends_at)).collect();
    let first: Vec<(DateTime<Utc>, DateTime<Utc>)> = kept.iter().map(|m| (m.starts_at, m.ends_at)).collect();
    assert_eq!(round, first, "the same occurrences at the same times after the trip");
}

/// The feed as the `ical` crate reads it: each VEVENT's values by property name (a date as its
/// TZID and its text).
mod independent {
    use super::HashMap;

    pub struct Event(HashMap<String, Vec<String>>);

    impl Event {
        pub fn one(&self, name: &str) -> Option<&str> {
            self.0.get(name).and_then(|v| v.first()).map(String::as_str)
        }

        /// Every value of the property, a list written on one line counted value by value.
        pub fn all(&self, name: &str) -> Vec<&str> {
            let mut all: Vec<&str> =
                self.0.get(name).into_iter().flatten().flat_map(|v| v.split(',')).collect();
            all.sort_unstable();
            all
        }
    }

    pub fn events(text: &str) -> Vec<Event> {
        let mut events = Vec::new();
        for calendar in ical::IcalParser::new(text.as_bytes()) {
            for event in calendar.expect("the feed is valid iCalendar").events {
                let mut properties: HashMap<String, Vec<String>> = HashMap::new();
                for property in event.properties {
                    let value = property.value.unwrap_or_default();
                    let tzid = property.params.unwrap_or_default().into_iter().find(|(n, _)| n == "TZID");
                    let value = match tzid.and_then(|(_, v)| v.into_iter().next()) {
                        Some(zone) if property.name != "EXDATE" && property.name != "RDATE" => {
                            format!("{zone} {value}")
                        }
                        _ => value,
                    };
                    properties.entry(property.name).or_default().push(value);
                }
                events.push(Event(properties));
            }
        }
        events
    }
}

#[test]
fn a_series_without_end_is_followed_on_as_time_passes_and_a_deleted_occurrence_stays_deleted() {
    // Google Calendar's shape: a weekly steering call with no end, a guest and a zone.
    let invitation = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n\
        BEGIN:VEVENT\r\nDTSTART;TZID=America/New_York:20261207T093000\r\n\
        DTEND;TZID=America/New_York:20261207T100000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\n\
        UID:steering-7f3a@google.com\r\nSUMMARY:Steering call\r\nLOCATION:Zoom\r\n\
        ATTENDEE;CN=Dana Ruiz:mailto:dana@kestrel.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let now = at("2026-12-02T10:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, account) = open(&dir, "a.db", now, "America/New_York");
    let report =
        r.import_bytes(Path::new("google.ics"), invitation.as_bytes(), &options, false, now).unwrap();
    assert!(
        report.records[0].changes[0]
            .starts_with("repeats weekly on Monday: 52 meetings from 7 Dec 2026 to 29 Nov 2027"),
        "{report:?}"
    );
    let first = meetings(&r, &account, now);
    assert_eq!(first.len(), 52);
    r.archive(RecordKind::Meeting, &first[1].id, now).unwrap();

    // Nothing to do while a year is still ahead.
    assert_eq!(r.keep_series_ahead(now).unwrap(), 0);
    // Two months on, the series holds a year ahead again: nine more Mondays, like the others.
    let later = at("2027-02-02T10:00:00Z");
    assert_eq!(r.keep_series_ahead(later).unwrap(), 9);
    assert_eq!(r.keep_series_ahead(later).unwrap(), 0, "nothing is added twice");
    let all = meetings(&r, &account, later);
    assert_eq!(all.len(), 52 - 1 + 9, "the deleted occurrence is not brought back");
    let last = all.last().unwrap();
    assert_eq!(last.starts_at, at("2028-01-31T14:30:00Z"));
    assert_eq!((last.title.as_str(), last.location.as_deref()), ("Steering call", Some("Zoom")));
    assert_eq!(last.guests, first[0].guests, "the guests of the series come along");
    assert!(!last.series.as_ref().unwrap().changed);

    // The brief for the next one says how it repeats and when it last met.
    let next = all.iter().find(|m| m.starts_at > later).unwrap();
    let brief =
        r.brief_document(&account, Some(&next.id), BriefFormat::Markdown, "America/New_York", later).unwrap();
    assert!(brief.contains("weekly on Monday; it last met on 1 Feb 2027."), "{brief}");

    // It still goes out as one series, with the deleted Monday as its exception.
    let feed = r.export_text(ExportFormat::Ics, None, later).unwrap();
    let events = independent::events(&feed);
    let ours: Vec<&independent::Event> =
        events.iter().filter(|e| e.one("UID") == Some("steering-7f3a@google.com")).collect();
    assert_eq!(ours.len(), 1, "{feed}");
    assert_eq!(ours[0].one("RRULE"), Some("FREQ=WEEKLY;BYDAY=MO"));
    assert_eq!(ours[0].all("EXDATE"), vec!["20261214T143000Z"]);
}

#[test]
fn a_rule_that_repeats_more_often_than_an_import_takes_is_not_followed_on() {
    let hourly = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:every-hour@example.com\r\n\
        SUMMARY:Ping\r\nDTSTART:20261202T090000Z\r\nDTEND:20261202T091500Z\r\nRRULE:FREQ=HOURLY\r\n\
        END:VEVENT\r\nEND:VCALENDAR\r\n";
    let now = at("2026-12-02T10:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, account) = open(&dir, "a.db", now, "UTC");
    let options = ImportOptions { skip_bad_rows: true, ..options };
    let report = r.import_bytes(Path::new("hourly.ics"), hourly.as_bytes(), &options, false, now).unwrap();
    assert!(report.problems[0].message.contains("only the first 500 were taken"), "{report:?}");
    assert_eq!(meetings(&r, &account, now).len(), 500);
    assert_eq!(r.keep_series_ahead(at("2027-01-15T10:00:00Z")).unwrap(), 0);
    assert_eq!(meetings(&r, &account, now).len(), 500, "the calendar is not flooded");
}

#[test]
fn a_series_the_calendar_moves_to_another_day_leaves_its_old_days_to_come_in_the_archive() {
    let weekly = |day: &str, byday: &str| {
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:sync-9@example.com\r\nSUMMARY:Weekly sync\r\n\
             DTSTART;TZID=Europe/Berlin:{day}T100000\r\nDTEND;TZID=Europe/Berlin:{day}T103000\r\n\
             RRULE:FREQ=WEEKLY;BYDAY={byday}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    };
    let now = at("2026-12-02T10:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, account) = open(&dir, "a.db", now, "Europe/Berlin");
    // Mondays since 2 November; from 8 December the calendar has it on Tuesdays instead.
    r.import_bytes(Path::new("a.ics"), weekly("20261102", "MO").as_bytes(), &options, false, now).unwrap();
    let before = meetings(&r, &account, now);
    let past = before.iter().filter(|m| m.starts_at < now).count();
    assert_eq!(past, 5, "5 Mondays from 2 to 30 November");

    let moved = weekly("20261208", "TU");
    let preview = r.import_bytes(Path::new("b.ics"), moved.as_bytes(), &options, true, now).unwrap();
    assert!(
        preview.records[0]
            .changes
            .iter()
            .any(|c| c.starts_with("52 meetings to come are no longer in the calendar's series")),
        "{preview:?}"
    );
    r.import_bytes(Path::new("b.ics"), moved.as_bytes(), &options, false, now).unwrap();
    let after = meetings(&r, &account, now);
    let to_come: Vec<&Meeting> = after.iter().filter(|m| m.starts_at >= now).collect();
    assert!(to_come.iter().all(|m| m.starts_at.format("%a").to_string() == "Tue"), "only Tuesdays to come");
    assert_eq!(after.iter().filter(|m| m.starts_at < now).count(), 5, "the Mondays held stay, as history");
    let archived = r.archived().unwrap();
    assert_eq!(
        archived.iter().filter(|a| a.kind == RecordKind::Meeting).count(),
        52,
        "and can be brought back"
    );
}

#[test]
fn a_series_the_calendar_ends_early_leaves_its_later_meetings_in_the_archive() {
    let weekly = |end: &str| {
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:sync-10@example.com\r\nSUMMARY:Weekly sync\r\n\
             DTSTART;TZID=Europe/Berlin:20261207T100000\r\nDTEND;TZID=Europe/Berlin:20261207T103000\r\n\
             RRULE:FREQ=WEEKLY{end}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    };
    let now = at("2026-12-02T10:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, options, account) = open(&dir, "a.db", now, "Europe/Berlin");
    r.import_bytes(Path::new("a.ics"), weekly("").as_bytes(), &options, false, now).unwrap();
    assert_eq!(meetings(&r, &account, now).len(), 52);
    // The organiser ends it after three meetings ("this and following" in Google, or a new end).
    let report =
        r.import_bytes(Path::new("b.ics"), weekly(";COUNT=3").as_bytes(), &options, false, now).unwrap();
    assert!(
        report.records[0].changes.iter().any(|c| c.starts_with("49 meetings to come are no longer")),
        "{report:?}"
    );
    assert_eq!(meetings(&r, &account, now).len(), 3);
}
