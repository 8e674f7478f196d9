//! iCalendar, the format calendars export (`.ics`) and subscribe to. Reading takes the meetings
//! out of an Outlook, Google or Apple export; writing publishes Rapport's own calendar feed.
//!
//! `calcard` parses, resolves time zones (IANA names, Windows names, VTIMEZONEs that name a
//! known zone), expands repeat rules, and writes with escaping and folding. This module finds
//! where each component starts, so that problems name their line, and decides what counts as
//! a meeting for an account manager.

use std::collections::{BTreeSet, HashMap, HashSet};

use calcard::common::PartialDateTime;
use calcard::common::timezone::Tz;
use calcard::icalendar::timezone::TzResolver;
use calcard::icalendar::utils::strip_mailto_scheme;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarFrequency,
    ICalendarMethod, ICalendarMonth, ICalendarParameter, ICalendarProperty, ICalendarRecurrenceRule,
    ICalendarStatus, ICalendarTransparency, ICalendarValue, ICalendarValueType, Uri,
};
use calcard::{Entry, Parser};
use chrono::{DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Timelike, Utc};

use super::{CalendarEvent, FeedEvent, FeedWhen, LineProblem, Read};

const PRODID: &str = "-//Rapport//Rapport//EN";
/// A series yields at most this many meetings per import, so one runaway rule cannot flood
/// the people it touches.
const MAX_OCCURRENCES: usize = 500;
/// How many repetitions calcard may walk from the first one before giving up; a daily
/// meeting reaches more than a century.
const SCAN_LIMIT: usize = 50_000;
/// Only the title is required to show a meeting; this is what it is called without one.
const UNTITLED: &str = "Meeting";

/// Reads the meetings of an `.ics` file. A repeating meeting becomes one event per occurrence
/// that starts in `[from, to)`; a single meeting is taken whatever its date. All-day events are
/// reported, not taken: they are holidays and reminders, not meetings. Cancelled events are
/// left out silently. Never panics, whatever the text.
pub fn read(text: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> Read<CalendarEvent> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let outline = Outline::scan(text);
    let mut reader = Reader {
        from,
        to,
        records: Vec::new(),
        problems: outline.problems.clone(),
        skipped: BTreeSet::new(),
    };
    if !outline.has_event {
        reader.problems.push(problem(
            1,
            "This file has no calendar events in it, so nothing was read. Export your calendar as \
             an iCalendar (.ics) file and choose that file."
                .to_string(),
        ));
    }
    let mut cursor = 0;
    let mut parser = Parser::new(text);
    loop {
        match parser.entry() {
            Entry::ICalendar(calendar) => {
                let lines = outline.place(&calendar, &mut cursor);
                reader.calendar(&calendar, &lines, &outline.cut_off);
            }
            Entry::InvalidLine(_) | Entry::VCard(_) => {}
            _ => break,
        }
    }
    reader.finish()
}

/// Writes Rapport's calendar feed: one VEVENT per event, each zone used described by a
/// VTIMEZONE (built by calcard from the zone database over the years the events span).
pub fn write(calendar_name: &str, events: &[FeedEvent], stamp: DateTime<Utc>) -> String {
    let mut root = ICalendarComponent::new(ICalendarComponentType::VCalendar);
    root.add_property(ICalendarProperty::Version, "2.0");
    root.add_property(ICalendarProperty::Prodid, PRODID);
    root.add_property(ICalendarProperty::Calscale, calcard::common::CalendarScale::Gregorian);
    root.add_property(ICalendarProperty::Method, ICalendarMethod::Publish);
    root.add_property(ICalendarProperty::Other("X-WR-CALNAME".to_string()), calendar_name);
    let mut calendar = ICalendar { components: vec![root] };
    for event in events {
        let Ok(id) = u32::try_from(calendar.components.len()) else { break };
        calendar.components.push(vevent(event, stamp));
        if let Some(root) = calendar.components.first_mut() {
            root.component_ids.push(id);
        }
    }
    calendar.add_missing_timezones();
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = calendar.write_to(&mut out);
    out
}

fn problem(line: u32, message: String) -> LineProblem {
    LineProblem { line, message }
}

/// Where components start and which never end, read from the lines themselves: calcard is
/// lenient about a missing END, and does not say where anything was.
struct Outline {
    /// Every BEGIN line in order: its line number and the component name, upper case.
    begins: Vec<(u32, String)>,
    /// Lines of the VEVENTs that are never closed; those events are not read.
    cut_off: HashSet<u32>,
    problems: Vec<LineProblem>,
    has_event: bool,
}

impl Outline {
    fn scan(text: &str) -> Outline {
        let mut outline =
            Outline { begins: Vec::new(), cut_off: HashSet::new(), problems: Vec::new(), has_event: false };
        let mut open: Vec<(String, u32)> = Vec::new();
        // How many of each name are open, so an END without its BEGIN costs no search.
        let mut open_names: HashMap<String, usize> = HashMap::new();
        for (index, line) in text.lines().enumerate() {
            let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
            let Some((keyword, name)) = boundary(line) else { continue };
            if keyword.eq_ignore_ascii_case("BEGIN") {
                outline.has_event |= name == "VEVENT";
                outline.begins.push((number, name.clone()));
                *open_names.entry(name.clone()).or_default() += 1;
                open.push((name, number));
            } else if open_names.get(&name).is_some_and(|count| *count > 0) {
                while let Some((open_name, open_line)) = open.pop() {
                    if let Some(count) = open_names.get_mut(&open_name) {
                        *count = count.saturating_sub(1);
                    }
                    if open_name == name {
                        break;
                    }
                    outline.never_closed(&open_name, open_line);
                }
            }
        }
        while let Some((name, line)) = open.pop() {
            outline.never_closed(&name, line);
        }
        outline.problems.sort_by_key(|problem| problem.line);
        outline
    }

    fn never_closed(&mut self, name: &str, line: u32) {
        let message = match name {
            "VEVENT" => {
                self.cut_off.insert(line);
                format!(
                    "The event at line {line} is cut off (its END:VEVENT line is missing), so it was not \
                     read. Export the calendar again and import the new file."
                )
            }
            "VCALENDAR" => format!(
                "The calendar that starts at line {line} is cut off (its END:VCALENDAR line is \
                 missing), so some events may be missing. Export the calendar again and import the \
                 new file."
            ),
            other => format!(
                "The {name} part at line {line} never ends (its END line is missing), so the file may be \
                 damaged. Export the calendar again and import the new file.",
                name = shorten(other)
            ),
        };
        self.problems.push(problem(line, message));
    }

    /// The line of each of the calendar's components, found by walking the BEGIN lines in the
    /// same order calcard numbers components. A component calcard saw but the outline did not
    /// (only in damaged files) gets the line of the one before it.
    fn place(&self, calendar: &ICalendar, cursor: &mut usize) -> Vec<u32> {
        const LOOKAHEAD: usize = 16;
        let mut last = self.begins.get(*cursor).map_or(1, |(line, _)| *line);
        calendar
            .components
            .iter()
            .map(|component| {
                let name = component.component_type.as_str().trim();
                let ahead = self.begins.get(*cursor..).unwrap_or_default().iter().take(LOOKAHEAD);
                if let Some((offset, (line, _))) =
                    ahead.enumerate().find(|(_, (_, begun))| begun.eq_ignore_ascii_case(name))
                {
                    *cursor += offset + 1;
                    last = *line;
                }
                last
            })
            .collect()
    }
}

/// `("BEGIN" | "END", NAME)` for a line that opens or closes a component.
fn boundary(line: &str) -> Option<(&str, String)> {
    if line.starts_with([' ', '\t']) {
        return None;
    }
    let (keyword, name) = line.split_once(':')?;
    let keyword = keyword.trim().trim_start_matches('\u{feff}');
    let is_boundary = keyword.eq_ignore_ascii_case("BEGIN") || keyword.eq_ignore_ascii_case("END");
    is_boundary.then(|| (keyword, name.trim().to_ascii_uppercase()))
}

fn shorten(text: &str) -> String {
    const LIMIT: usize = 40;
    match text.char_indices().nth(LIMIT) {
        Some((end, _)) => format!("{}\u{2026}", text.get(..end).unwrap_or_default()),
        None => text.to_string(),
    }
}

/// When a meeting happens, in UTC, with the IANA zone it was planned in.
#[derive(Debug, Clone)]
struct Timing {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    zone: Option<String>,
}

/// Why an event could not be taken as a meeting.
enum Unreadable {
    AllDay,
    NoStart,
    NoEnd,
    UnknownZone(String),
    EndsBeforeStart,
    BadRule,
}

impl Unreadable {
    fn message(&self, line: u32) -> String {
        match self {
            Unreadable::AllDay => format!(
                "The event at line {line} lasts all day, so it was not taken as a meeting. If it is a \
                 meeting, give it a start and end time in your calendar and export it again."
            ),
            Unreadable::NoStart => format!(
                "The event at line {line} has no start time Rapport can read, so it was not read. Check its \
                 start in your calendar and export it again."
            ),
            Unreadable::UnknownZone(zone) => format!(
                "The event at line {line} uses a time zone Rapport does not know (\u{201c}{}\u{201d}), so it \
                 was not read. Set the meeting to a standard time zone in your calendar and export it again.",
                shorten(zone)
            ),
            Unreadable::NoEnd => format!(
                "The event at line {line} has an end time Rapport cannot read, so it was not read. Check \
                 its end in your calendar and export it again."
            ),
            Unreadable::EndsBeforeStart => format!(
                "The event at line {line} ends before it starts, so it was not read. Fix its times in your \
                 calendar and export it again."
            ),
            Unreadable::BadRule => format!(
                "The repeating event at line {line} has a start or a repeat rule Rapport cannot follow, so \
                 it was not read. Check when and how it repeats in your calendar and export it again."
            ),
        }
    }
}

/// What stays the same across the occurrences of one event.
struct Details {
    title: String,
    location: Option<String>,
    description: Option<String>,
    attendees: Vec<String>,
}

impl Details {
    fn of(event: &ICalendarComponent) -> Details {
        Details {
            title: text(event, &ICalendarProperty::Summary).unwrap_or_else(|| UNTITLED.to_string()),
            location: text(event, &ICalendarProperty::Location),
            description: text(event, &ICalendarProperty::Description),
            attendees: attendees(event),
        }
    }

    fn meeting(
        &self,
        line: u32,
        uid: String,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        zone: Option<String>,
    ) -> CalendarEvent {
        CalendarEvent {
            line,
            uid,
            title: self.title.clone(),
            starts_at: start,
            ends_at: end,
            timezone: zone,
            location: self.location.clone(),
            description: self.description.clone(),
            attendees: self.attendees.clone(),
        }
    }
}

/// One file being read: the period repeating events are expanded over, and what was found.
struct Reader {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    records: Vec<CalendarEvent>,
    problems: Vec<LineProblem>,
    skipped: BTreeSet<String>,
}

impl Reader {
    fn finish(mut self) -> Read<CalendarEvent> {
        self.problems.sort_by_key(|problem| problem.line);
        Read { records: self.records, problems: self.problems, skipped: self.skipped.into_iter().collect() }
    }

    fn calendar(&mut self, calendar: &ICalendar, lines: &[u32], cut_off: &HashSet<u32>) {
        self.note_skipped(calendar);
        let resolver = calendar.build_tz_resolver();
        let (masters, overrides) = events(calendar, lines, cut_off);
        let (by_series, orphans) = group_overrides(&masters, overrides);
        for (line, master) in masters {
            if is_cancelled(master) {
                continue;
            }
            if master.is_recurrent() {
                let own = master.uid().and_then(|uid| by_series.get(uid)).map_or(&[][..], Vec::as_slice);
                self.series(calendar, &resolver, line, master, own);
            } else {
                self.single(&resolver, line, master, None);
            }
        }
        // An override whose series is not in the file is all that is left of that occurrence.
        for (line, orphan) in orphans {
            if !is_cancelled(orphan) {
                let rid = recurrence_id(orphan, &resolver);
                self.single(&resolver, line, orphan, rid);
            }
        }
    }

    /// Components and properties Rapport does not keep, so the person importing can see what
    /// stayed behind. The file's own bookkeeping (version, stamps, sequence) is not listed.
    fn note_skipped(&mut self, calendar: &ICalendar) {
        for component in &calendar.components {
            let kept: fn(&ICalendarProperty) -> bool = match component.component_type {
                ICalendarComponentType::VCalendar => calendar_keeps,
                ICalendarComponentType::VEvent => event_keeps,
                ICalendarComponentType::VTimezone
                | ICalendarComponentType::Standard
                | ICalendarComponentType::Daylight => continue,
                ref other => {
                    self.skipped.insert(shorten(other.as_str()).to_ascii_uppercase());
                    continue;
                }
            };
            let dropped = component.entries.iter().filter(|entry| !kept(&entry.name));
            self.skipped.extend(dropped.map(|entry| shorten(entry.name.as_str()).to_ascii_uppercase()));
        }
    }

    fn single(
        &mut self,
        resolver: &TzResolver<&str>,
        line: u32,
        event: &ICalendarComponent,
        rid: Option<DateTime<Utc>>,
    ) {
        let timing = match timing(event, resolver) {
            Ok(timing) => timing,
            Err(why) => return self.problems.push(problem(line, why.message(line))),
        };
        let uid = uid(event, &timing);
        let uid = match rid {
            Some(rid) => occurrence_uid(&uid, rid),
            None => uid,
        };
        self.records.push(Details::of(event).meeting(line, uid, timing.start, timing.end, timing.zone));
    }

    /// Every occurrence of a repeating event inside the period, with the overrides (moved or
    /// renamed occurrences) in place of the ones they replace.
    fn series(
        &mut self,
        calendar: &ICalendar,
        resolver: &TzResolver<&str>,
        line: u32,
        master: &ICalendarComponent,
        overrides: &[Placed<'_>],
    ) {
        let found =
            timing(master, resolver).and_then(|timing| Ok((occurrences(calendar, master, self.to)?, timing)));
        let (starts, timing) = match found {
            Ok(found) => found,
            Err(why) => return self.problems.push(problem(line, why.message(line))),
        };
        let stopped_early = starts.len() >= SCAN_LIMIT && starts.last().is_some_and(|last| *last < self.to);
        if stopped_early {
            self.problems.push(problem(
                line,
                format!(
                    "The repeating event at line {line} repeats so often that Rapport stopped following it, \
                     so later occurrences are missing. Add the ones you need by hand."
                ),
            ));
        }
        let replaced: HashSet<DateTime<Utc>> =
            overrides.iter().filter_map(|(_, event)| recurrence_id(event, resolver)).collect();
        let uid = uid(master, &timing);
        let details = Details::of(master);
        let length = timing.end - timing.start;
        let mut meetings: Vec<CalendarEvent> = starts
            .into_iter()
            .filter(|start| !replaced.contains(start))
            .filter_map(|start| {
                Some(details.meeting(
                    line,
                    occurrence_uid(&uid, start),
                    start,
                    start.checked_add_signed(length)?,
                    timing.zone.clone(),
                ))
            })
            .collect();
        for &(override_line, event) in overrides {
            if let Some(meeting) = self.moved(override_line, event, resolver, &uid) {
                meetings.push(meeting);
            }
        }
        meetings.retain(|meeting| self.from <= meeting.starts_at && meeting.starts_at < self.to);
        meetings.sort_by_key(|meeting| meeting.starts_at);
        if meetings.len() > MAX_OCCURRENCES {
            meetings.truncate(MAX_OCCURRENCES);
            self.problems.push(problem(
                line,
                format!(
                    "The repeating event at line {line} happens more than {MAX_OCCURRENCES} times in \
                     this period, so only the first {MAX_OCCURRENCES} were taken. Import a shorter \
                     period to get the rest."
                ),
            ));
        }
        self.records.extend(meetings);
    }

    /// One occurrence as its override has it; `None` when cancelled or unreadable (reported).
    fn moved(
        &mut self,
        line: u32,
        event: &ICalendarComponent,
        resolver: &TzResolver<&str>,
        uid: &str,
    ) -> Option<CalendarEvent> {
        let rid = recurrence_id(event, resolver)?;
        if is_cancelled(event) {
            return None;
        }
        match timing(event, resolver) {
            Ok(timing) => Some(Details::of(event).meeting(
                line,
                occurrence_uid(uid, rid),
                timing.start,
                timing.end,
                timing.zone,
            )),
            Err(why) => {
                self.problems.push(problem(line, why.message(line)));
                None
            }
        }
    }
}

/// A component with the line it starts on.
type Placed<'a> = (u32, &'a ICalendarComponent);

/// The calendar's complete VEVENTs: the events and series, then the overrides that change one
/// occurrence of a series (those with a RECURRENCE-ID).
fn events<'a>(
    calendar: &'a ICalendar,
    lines: &[u32],
    cut_off: &HashSet<u32>,
) -> (Vec<Placed<'a>>, Vec<Placed<'a>>) {
    let line_of = |index: usize| lines.get(index).copied().unwrap_or(1);
    calendar
        .components
        .iter()
        .enumerate()
        .filter(|(_, component)| component.component_type == ICalendarComponentType::VEvent)
        .map(|(index, component)| (line_of(index), component))
        .filter(|(line, _)| !cut_off.contains(line))
        .partition(|(_, event)| !event.is_recurrence_override())
}

/// Overrides by the UID of the series they change; the ones without a series in the file are
/// returned apart, to be taken on their own.
fn group_overrides<'a>(
    masters: &[Placed<'a>],
    overrides: Vec<Placed<'a>>,
) -> (HashMap<&'a str, Vec<Placed<'a>>>, Vec<Placed<'a>>) {
    let series: HashSet<&str> = masters
        .iter()
        .filter(|(_, event)| event.is_recurrent())
        .filter_map(|(_, event)| event.uid())
        .collect();
    let mut by_series: HashMap<&str, Vec<Placed<'a>>> = HashMap::new();
    let mut orphans = Vec::new();
    for (line, event) in overrides {
        match event.uid().filter(|uid| series.contains(uid)) {
            Some(uid) => by_series.entry(uid).or_default().push((line, event)),
            None => orphans.push((line, event)),
        }
    }
    (by_series, orphans)
}

fn calendar_keeps(property: &ICalendarProperty) -> bool {
    matches!(
        property,
        ICalendarProperty::Version
            | ICalendarProperty::Prodid
            | ICalendarProperty::Calscale
            | ICalendarProperty::Method
    )
}

fn event_keeps(property: &ICalendarProperty) -> bool {
    use ICalendarProperty as P;
    matches!(
        property,
        P::Uid
            | P::Summary
            | P::Location
            | P::Description
            // Tags, such as the client's name in Rapport's own feed: not needed to place a meeting.
            | P::Categories
            | P::Dtstart
            | P::Dtend
            | P::Duration
            | P::Rrule
            | P::Rdate
            | P::Exdate
            | P::RecurrenceId
            | P::Attendee
            | P::Organizer
            | P::Status
            | P::Dtstamp
            | P::Sequence
            | P::Created
            | P::LastModified
    )
}

fn is_cancelled(event: &ICalendarComponent) -> bool {
    event.status() == Some(&ICalendarStatus::Cancelled)
}

fn text(event: &ICalendarComponent, property: &ICalendarProperty) -> Option<String> {
    let value = event.property(property)?.values.first()?.as_text()?.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// Attendees' and the organiser's addresses, in file order. Only `mailto:` addresses are
/// people Rapport can match; lower case, because mail addresses are compared that way.
fn attendees(event: &ICalendarComponent) -> Vec<String> {
    let mut seen = HashSet::new();
    event
        .entries
        .iter()
        .filter(|entry| matches!(entry.name, ICalendarProperty::Attendee | ICalendarProperty::Organizer))
        .filter_map(|entry| match entry.values.first()? {
            ICalendarValue::Uri(Uri::Location(address)) | ICalendarValue::Text(address) => Some(address),
            _ => None,
        })
        .filter_map(|address| {
            let email = strip_mailto_scheme(address);
            (email.len() < address.len()).then(|| email.trim().to_lowercase())
        })
        .filter(|email| !email.is_empty() && seen.insert(email.clone()))
        .collect()
}

/// The UID, or for an event without one a stable stand-in made from its start and title
/// (`rapport-` and an FNV-1a hash), so importing the same file twice finds the same event.
fn uid(event: &ICalendarComponent, timing: &Timing) -> String {
    match event.uid().map(str::trim).filter(|uid| !uid.is_empty()) {
        Some(uid) => uid.to_string(),
        None => {
            let title = text(event, &ICalendarProperty::Summary).unwrap_or_default();
            format!("rapport-{:016x}", fnv1a(&format!("{}|{title}", utc_stamp(timing.start))))
        }
    }
}

fn occurrence_uid(uid: &str, start: DateTime<Utc>) -> String {
    format!("{uid}/{}", utc_stamp(start))
}

fn utc_stamp(instant: DateTime<Utc>) -> String {
    instant.format("%Y%m%dT%H%M%SZ").to_string()
}

fn fnv1a(text: &str) -> u64 {
    text.bytes()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

fn timing(event: &ICalendarComponent, resolver: &TzResolver<&str>) -> Result<Timing, Unreadable> {
    let (start_entry, start_value) =
        date_property(event, &ICalendarProperty::Dtstart).ok_or(Unreadable::NoStart)?;
    if !start_value.has_time() {
        return Err(Unreadable::AllDay);
    }
    let zone = zone_of(start_entry, resolver)?;
    let start = instant(start_value, zone).ok_or(Unreadable::NoStart)?;
    let end = match date_property(event, &ICalendarProperty::Dtend) {
        Some((entry, value)) => {
            let end_zone = if entry.tz_id().is_some() { zone_of(entry, resolver)? } else { zone };
            instant(value, end_zone)
        }
        None => start.checked_add_signed(duration(event).unwrap_or(TimeDelta::hours(1))),
    };
    let end = end.ok_or(Unreadable::NoEnd)?;
    if end <= start {
        return Err(Unreadable::EndsBeforeStart);
    }
    let zone = match zone {
        Some(Tz::Tz(zone)) if !start_value.has_zone() => Some(zone.name().to_string()),
        _ => None,
    };
    Ok(Timing { start, end, zone })
}

fn date_property<'a>(
    event: &'a ICalendarComponent,
    property: &ICalendarProperty,
) -> Option<(&'a ICalendarEntry, &'a PartialDateTime)> {
    let entry = event.property(property)?;
    match entry.values.first()? {
        ICalendarValue::PartialDateTime(value) => Some((entry, value)),
        _ => None,
    }
}

fn duration(event: &ICalendarComponent) -> Option<TimeDelta> {
    match event.property(&ICalendarProperty::Duration)?.values.first()? {
        ICalendarValue::Duration(duration) => duration.to_time_delta(),
        _ => None,
    }
}

/// The zone of a property's TZID; `None` for UTC and floating times, which Rapport reads as
/// UTC because a file that does not say where a meeting is cannot be placed any better.
fn zone_of(entry: &ICalendarEntry, resolver: &TzResolver<&str>) -> Result<Option<Tz>, Unreadable> {
    let Some(name) = entry.tz_id() else { return Ok(None) };
    match resolver.resolve(name) {
        Some(Tz::Floating) | None => Err(Unreadable::UnknownZone(name.to_string())),
        Some(zone) => Ok(Some(zone)),
    }
}

fn instant(value: &PartialDateTime, zone: Option<Tz>) -> Option<DateTime<Utc>> {
    let parsed = value.to_date_time()?;
    if let Some(offset) = parsed.offset {
        return parsed.date_time.and_local_timezone(offset).single().map(|at| at.with_timezone(&Utc));
    }
    match zone {
        Some(zone) => local_to_utc(parsed.date_time, zone),
        None => Some(parsed.date_time.and_utc()),
    }
}

/// A wall-clock time in a zone. A time the clocks skip in spring is read an hour later, and
/// one they pass twice in autumn as the first, as calendar programs do.
fn local_to_utc(local: NaiveDateTime, zone: Tz) -> Option<DateTime<Utc>> {
    let at = match zone.from_local_datetime(&local) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => at,
        LocalResult::None => {
            zone.from_local_datetime(&local.checked_add_signed(TimeDelta::hours(1))?).earliest()?
        }
    };
    Some(at.with_timezone(&Utc))
}

/// The original start of the occurrence an override replaces.
fn recurrence_id(event: &ICalendarComponent, resolver: &TzResolver<&str>) -> Option<DateTime<Utc>> {
    let (entry, value) = date_property(event, &ICalendarProperty::RecurrenceId)?;
    let zone = match entry.tz_id() {
        Some(_) => zone_of(entry, resolver).ok()?,
        None => date_property(event, &ICalendarProperty::Dtstart)
            .and_then(|(start, _)| zone_of(start, resolver).ok())
            .flatten(),
    };
    instant(value, zone)
}

/// The starts of a repeating event (RRULE and RDATE, less EXDATE) up to a little after `to`,
/// expanded by calcard on a calendar holding just this event and the file's zones, so other
/// events with their own overrides cannot interfere and calcard's repetition limit applies to
/// this event alone.
fn occurrences(
    calendar: &ICalendar,
    master: &ICalendarComponent,
    to: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, Unreadable> {
    let mut root = ICalendarComponent::new(ICalendarComponentType::VCalendar);
    root.component_ids.push(1);
    let mut alone = ICalendar { components: vec![root, stopping_after(master, to)] };
    alone.components.extend(
        calendar.timezones().map(|zone| ICalendarComponent { component_ids: Vec::new(), ..zone.clone() }),
    );
    let expanded = alone.expand_dates(Tz::UTC, SCAN_LIMIT);
    if !expanded.errors.is_empty() {
        return Err(Unreadable::BadRule);
    }
    let mut starts: Vec<DateTime<Utc>> = expanded
        .events
        .iter()
        .filter(|occurrence| occurrence.comp_id == 1)
        .map(|occurrence| occurrence.start.with_timezone(&Utc))
        .collect();
    starts.sort();
    starts.dedup();
    Ok(starts)
}

/// A copy of the series whose rule ends two days after the period (a margin wider than any
/// zone offset), or at its first start if that is later: expanding a rule that never ends then
/// costs what the period holds, not what calcard's repetition limit allows.
fn stopping_after(master: &ICalendarComponent, to: DateTime<Utc>) -> ICalendarComponent {
    let mut master = master.clone();
    let Some(stop) = to.checked_add_signed(TimeDelta::days(2)).map(|stop| stop.naive_utc()) else {
        return master;
    };
    let first =
        date_property(&master, &ICalendarProperty::Dtstart).and_then(|(_, start)| start.to_date_time());
    let stop = first.map_or(stop, |first| first.date_time.max(stop));
    let rules = master.entries.iter_mut().filter(|entry| entry.name == ICalendarProperty::Rrule);
    for value in rules.flat_map(|entry| entry.values.iter_mut()) {
        if let ICalendarValue::RecurrenceRule(rule) = value {
            let until = rule.until.as_ref().and_then(|until| until.to_date_time());
            if until.is_none_or(|until| until.date_time > stop) {
                rule.until = Some(utc_partial(stop.and_utc()));
            }
        }
    }
    master
}

fn vevent(event: &FeedEvent, stamp: DateTime<Utc>) -> ICalendarComponent {
    let mut vevent = ICalendarComponent::new(ICalendarComponentType::VEvent);
    vevent.add_uid(&event.uid);
    vevent.add_dtstamp(utc_partial(stamp));
    match &event.when {
        FeedWhen::Day { date, yearly } => add_day(&mut vevent, *date, *yearly),
        FeedWhen::Timed { starts_at, ends_at, timezone } => {
            let zone = timezone.as_deref().and_then(|name| match name.parse::<Tz>() {
                Ok(Tz::Tz(zone)) => Some(zone),
                _ => None,
            });
            for (property, instant) in
                [(ICalendarProperty::Dtstart, starts_at), (ICalendarProperty::Dtend, ends_at)]
            {
                match zone {
                    Some(zone) => vevent.add_property_with_params(
                        property,
                        [ICalendarParameter::tzid(zone.name().to_string())],
                        local_partial(instant.with_timezone(&zone).naive_local()),
                    ),
                    None => vevent.add_property(property, utc_partial(*instant)),
                }
            }
        }
    }
    vevent.add_property(ICalendarProperty::Summary, event.title.as_str());
    if let Some(description) = &event.description {
        vevent.add_property(ICalendarProperty::Description, description.as_str());
    }
    if let Some(location) = &event.location {
        vevent.add_property(ICalendarProperty::Location, location.as_str());
    }
    if !event.categories.is_empty() {
        vevent.add_property(ICalendarProperty::Categories, event.categories.join(",").as_str());
    }
    for (name, email) in &event.attendees {
        let Some(email) = email.as_deref().map(str::trim).filter(|email| !email.is_empty()) else { continue };
        let name = display_name(name);
        let params = (!name.is_empty()).then(|| ICalendarParameter::cn(name));
        vevent.add_property_with_params(
            ICalendarProperty::Attendee,
            params,
            Uri::Location(format!("mailto:{email}")),
        );
    }
    vevent
}

/// A whole day: free time (TRANSP), and for a yearly one a rule that also lands in years
/// without February 29, on the 28th.
fn add_day(vevent: &mut ICalendarComponent, date: NaiveDate, yearly: bool) {
    let day = |date: NaiveDate| PartialDateTime {
        year: u16::try_from(date.year()).ok(),
        month: u8::try_from(date.month()).ok(),
        day: u8::try_from(date.day()).ok(),
        ..Default::default()
    };
    let as_date = || [ICalendarParameter::value(ICalendarValueType::Date)];
    vevent.add_property_with_params(ICalendarProperty::Dtstart, as_date(), day(date));
    if let Some(next) = date.succ_opt() {
        vevent.add_property_with_params(ICalendarProperty::Dtend, as_date(), day(next));
    }
    if yearly {
        let mut rule = ICalendarRecurrenceRule { freq: ICalendarFrequency::Yearly, ..Default::default() };
        if date.month() == 2 && date.day() == 29 {
            rule.bymonth = vec![ICalendarMonth::new(2, false)];
            rule.bymonthday = vec![-1];
        }
        vevent.add_property(ICalendarProperty::Rrule, rule);
    }
    vevent.add_property(ICalendarProperty::Transp, ICalendarTransparency::Transparent);
}

/// CN is a quoted parameter: a double quote cannot appear in it, and control characters
/// have no place in a name.
fn display_name(name: &str) -> String {
    name.trim().chars().filter(|ch| !ch.is_control()).map(|ch| if ch == '"' { '\'' } else { ch }).collect()
}

fn utc_partial(instant: DateTime<Utc>) -> PartialDateTime {
    PartialDateTime { tz_hour: Some(0), tz_minute: Some(0), ..local_partial(instant.naive_utc()) }
}

fn local_partial(at: NaiveDateTime) -> PartialDateTime {
    PartialDateTime {
        year: u16::try_from(at.year()).ok(),
        month: u8::try_from(at.month()).ok(),
        day: u8::try_from(at.day()).ok(),
        hour: u8::try_from(at.hour()).ok(),
        minute: u8::try_from(at.minute()).ok(),
        second: u8::try_from(at.second()).ok(),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interop::TestRng;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).map(|at| at.with_timezone(&Utc)).unwrap_or_default()
    }

    fn ics(lines: &[&str]) -> String {
        let mut text = lines.join("\r\n");
        text.push_str("\r\n");
        text
    }

    fn everything(text: &str) -> Read<CalendarEvent> {
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
            Some(vec!["bob@example.com".into(), "ann@example.com".into()])
        );

        let summer = read.records.get(1);
        assert_eq!(summer.map(|event| event.starts_at), Some(at("2026-07-01T08:00:00Z")));
        assert_eq!(summer.map(|event| event.ends_at), Some(at("2026-07-01T08:30:00Z")));
        assert_eq!(summer.map(|event| event.attendees.clone()), Some(vec!["ann@example.com".into()]));
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
                (
                    "floating@google.com",
                    at("2026-12-01T15:00:00Z"),
                    at("2026-12-01T16:00:00Z"),
                    None,
                    "Meeting"
                ),
            ]
        );
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
        assert_eq!(first.map(|event| event.attendees.clone()), Some(vec!["team@example.com".to_string()]));
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
            read.problems
                .iter()
                .all(|problem| problem.line == 14 && problem.message.contains("Moon Base Time"))
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
            "UID:zero",
            "DTSTART:20260101T100000Z",
            "DURATION:PT0S",
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
            when: FeedWhen::Timed {
                starts_at: at(start),
                ends_at: at(end),
                timezone: zone.map(str::to_string),
            },
            description: None,
            location: None,
            attendees: Vec::new(),
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
        let timed: Vec<_> =
            events.iter().filter(|event| matches!(event.when, FeedWhen::Timed { .. })).collect();
        assert_eq!(read.records.len(), timed.len(), "{read:?}");
        for (event, back) in timed.iter().zip(&read.records) {
            let FeedWhen::Timed { starts_at, ends_at, timezone } = &event.when else { continue };
            assert_eq!(&back.uid, &event.uid);
            assert_eq!(&back.title, &event.title);
            assert_eq!((&back.starts_at, &back.ends_at), (starts_at, ends_at));
            assert_eq!(&back.timezone, timezone);
            assert_eq!(&back.location, &event.location);
            assert_eq!(&back.description, &event.description);
            let emails: Vec<String> = event
                .attendees
                .iter()
                .filter_map(|(_, email)| email.as_deref().map(str::to_lowercase))
                .collect();
            assert_eq!(back.attendees, emails);
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
            let _ = read(
                &String::from_utf8_lossy(&bytes),
                at("2026-01-01T00:00:00Z"),
                at("2027-01-01T00:00:00Z"),
            );
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
        let gap = read(&inputs[9], at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"));
        assert!(gap.problems.iter().any(|problem| problem.message.contains("repeat rule")), "{gap:?}");
    }
}
