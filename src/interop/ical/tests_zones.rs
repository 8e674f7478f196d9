//! Zones a calendar describes by its own rules: one unlike any standard zone, and one built to
//! cost as much as possible.

use super::tests::{at, everything, ics};

fn custom_zone(offset_standard: &str, offset_daylight: &str) -> String {
    ics(&[
        "BEGIN:VCALENDAR",
        "BEGIN:VTIMEZONE",
        "TZID:Head Office",
        "BEGIN:STANDARD",
        "DTSTART:19700801T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=8;BYDAY=1SU",
        &format!("TZOFFSETFROM:{offset_daylight}"),
        &format!("TZOFFSETTO:{offset_standard}"),
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:19700201T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=2;BYDAY=1SU",
        &format!("TZOFFSETFROM:{offset_standard}"),
        &format!("TZOFFSETTO:{offset_daylight}"),
        "END:DAYLIGHT",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "UID:odd",
        "DTSTART;TZID=Head Office:20260610T100000",
        "DTEND;TZID=Head Office:20260610T110000",
        "END:VEVENT",
        "END:VCALENDAR",
    ])
}

#[test]
fn a_zone_unlike_any_standard_one_keeps_the_files_time_and_says_where_it_is_shown() {
    // Summer time from February to August at +04:00: no IANA zone does that.
    let read = everything(&custom_zone("+0300", "+0400"));
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let odd = read.records.first();
    assert_eq!(odd.map(|event| event.starts_at), Some(at("2026-06-10T06:00:00Z")), "10:00 at +04:00");
    let zone = odd.and_then(|event| event.timezone.clone()).unwrap_or_default();
    let offset = zone.parse::<chrono_tz::Tz>().map(|tz| {
        use chrono::Offset;
        at("2026-06-10T06:00:00Z").with_timezone(&tz).offset().fix().local_minus_utc()
    });
    assert_eq!(offset, Ok(4 * 3600), "shown in a zone at +04:00 then: {zone}");
    let notes = odd.map(|event| event.notes.join(" ")).unwrap_or_default();
    assert!(notes.contains("Head Office") && notes.contains("closest") && notes.contains(&zone), "{notes}");

    // An offset no zone has at all: the time is kept, without a zone.
    let read = everything(&custom_zone("+0517", "+0617"));
    let odd = read.records.first();
    assert_eq!(odd.map(|event| event.starts_at), Some(at("2026-06-10T03:43:00Z")));
    assert_eq!(odd.and_then(|event| event.timezone.clone()), None);
    assert!(
        odd.is_some_and(|event| event.notes.iter().any(|note| note.contains("matches no standard zone")))
    );
}

#[test]
fn a_hostile_vtimezone_costs_little() {
    let mut lines = vec!["BEGIN:VCALENDAR".to_string(), "BEGIN:VTIMEZONE".into(), "TZID:Storm".into()];
    for _ in 0..2_000 {
        lines.extend(
            [
                "BEGIN:STANDARD",
                "DTSTART:16010101T000000",
                "RRULE:FREQ=MINUTELY",
                "TZOFFSETFROM:+0100",
                "TZOFFSETTO:+0200",
                "END:STANDARD",
            ]
            .map(String::from),
        );
    }
    lines.extend(
        [
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:s",
            "DTSTART;TZID=Storm:20260610T100000",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
        .map(String::from),
    );
    let text = ics(&lines.iter().map(String::as_str).collect::<Vec<_>>());
    let started = std::time::Instant::now();
    let read = everything(&text);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    assert_eq!(read.records.len(), 1, "{:?}", read.problems);
}
