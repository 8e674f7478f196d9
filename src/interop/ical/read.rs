//! Reading an `.ics` file: where each component starts, what counts as a meeting, and each
//! meeting's instants in UTC with the zone it was scheduled in.

use std::collections::{BTreeSet, HashMap, HashSet};

use calcard::icalendar::utils::strip_mailto_scheme;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarParameterName, ICalendarParameterValue,
    ICalendarProperty, ICalendarStatus, ICalendarValue, Uri,
};
use calcard::{Entry, Parser};
use chrono::{DateTime, NaiveDateTime, Utc};

use std::sync::Arc;

use super::repeats;
use super::when::{Frame, Timing, occurrences, placed, recurrence_id, start, timing};
use super::zone::Zones;
use crate::domain::{Guest, GuestRole};
use crate::interop::{CalendarEvent, LineProblem, Read, SeriesRule};

/// A series yields at most this many meetings per import, so one runaway rule cannot flood
/// the people it touches.
pub const MAX_OCCURRENCES: usize = 500;
/// How many repetitions calcard may walk from the first one before giving up; a daily
/// meeting reaches more than a century.
pub(super) const SCAN_LIMIT: usize = 50_000;
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

pub(super) fn shorten(text: &str) -> String {
    const LIMIT: usize = 40;
    match text.char_indices().nth(LIMIT) {
        Some((end, _)) => format!("{}\u{2026}", text.get(..end).unwrap_or_default()),
        None => text.to_string(),
    }
}

/// What stays the same across the occurrences of one event.
struct Details {
    title: String,
    location: Option<String>,
    description: Option<String>,
    attendees: Vec<Guest>,
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

    fn meeting(&self, line: u32, uid: String, timing: Timing) -> CalendarEvent {
        CalendarEvent {
            series: None,
            changed: false,
            line,
            uid,
            title: self.title.clone(),
            starts_at: timing.start,
            ends_at: timing.end,
            timezone: timing.zone,
            floating: timing.floating,
            notes: timing.notes,
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
        let skipped = self.skipped.into_iter().collect();
        Read { records: self.records, problems: self.problems, skipped, ..Read::default() }
    }

    fn calendar(&mut self, calendar: &ICalendar, lines: &[u32], cut_off: &HashSet<u32>) {
        self.note_skipped(calendar);
        let zones = Zones::of(calendar);
        let (masters, overrides) = events(calendar, lines, cut_off);
        let (by_series, orphans) = group_overrides(&masters, overrides);
        for (line, master) in masters {
            if is_cancelled(master) {
                continue;
            }
            if master.is_recurrent() {
                let own = master.uid().and_then(|uid| by_series.get(uid)).map_or(&[][..], Vec::as_slice);
                self.series(calendar, &zones, line, master, own);
            } else {
                self.single(&zones, line, master, false);
            }
        }
        // An override whose series is not in the file is all that is left of that occurrence.
        for (line, orphan) in orphans {
            if !is_cancelled(orphan) {
                self.single(&zones, line, orphan, true);
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

    /// A meeting on its own; an `occurrence` (an override whose series is not in the file) is
    /// known by its series' UID and the start it replaces, as it is when its series is read.
    fn single(&mut self, zones: &Zones<'_>, line: u32, event: &ICalendarComponent, occurrence: bool) {
        let timing = match timing(event, zones) {
            Ok(timing) => timing,
            Err(why) => return self.problems.push(problem(line, why.message(line))),
        };
        let uid = uid(event, &timing);
        let rid = occurrence
            .then(|| start(event, zones).ok())
            .flatten()
            .and_then(|(frame, _)| Some((recurrence_id(event, &frame, zones)?, frame)));
        let uid = match rid {
            Some((rid, frame)) => occurrence_uid(&uid, &frame, rid),
            None => uid,
        };
        self.records.push(Details::of(event).meeting(line, uid, timing));
    }

    /// Every occurrence of a repeating event inside the period, with the overrides (moved or
    /// renamed occurrences) in place of the ones they replace. A series with no occurrence in
    /// the period is reported with the reason, never dropped without a word.
    fn series(
        &mut self,
        calendar: &ICalendar,
        zones: &Zones<'_>,
        line: u32,
        master: &ICalendarComponent,
        overrides: &[Placed<'_>],
    ) {
        let found = start(master, zones).and_then(|(frame, _)| {
            let timing = timing(master, zones)?;
            Ok((occurrences(master, &frame, zones, self.to)?, timing, frame))
        });
        let (starts, timing, frame) = match found {
            Ok(found) => found,
            Err(why) => return self.problems.push(problem(line, why.message(line))),
        };
        let last_start = starts.last().and_then(|last| frame.to_utc(*last));
        let stopped_early = starts.len() >= SCAN_LIMIT && last_start.is_some_and(|last| last < self.to);
        if stopped_early {
            self.problems.push(problem(
                line,
                format!(
                    "The repeating event at line {line} repeats so often that Rapport stopped following it, \
                     so later occurrences are missing. Add the ones you need by hand."
                ),
            ));
        }
        let replaced: HashSet<NaiveDateTime> =
            overrides.iter().filter_map(|(_, event)| recurrence_id(event, &frame, zones)).collect();
        let uid = uid(master, &timing);
        let details = Details::of(master);
        let length = timing.end - timing.start;
        let first = start(master, zones).map(|(_, first)| first).unwrap_or_default();
        let mut rule = SeriesRule {
            uid: uid.clone(),
            repeats: repeats::words(master, first),
            rule: repeats::rule_text(calendar, master, &uid),
            read_until: self.to,
            cut_short: false,
        };
        let mut meetings: Vec<CalendarEvent> = starts
            .iter()
            .filter(|start| !replaced.contains(start))
            .filter_map(|local| {
                let start = frame.to_utc(*local)?;
                let timing = placed(&frame, start, start.checked_add_signed(length)?);
                Some(details.meeting(line, occurrence_uid(&uid, &frame, *local), timing))
            })
            .collect();
        for &(override_line, event) in overrides {
            if let Some(meeting) = self.moved(override_line, event, zones, &frame, &uid) {
                meetings.push(CalendarEvent { changed: true, ..meeting });
            }
        }
        rule.cut_short =
            meetings.iter().filter(|m| self.from <= m.starts_at && m.starts_at < self.to).count()
                > MAX_OCCURRENCES;
        let rule = Arc::new(rule);
        for meeting in &mut meetings {
            meeting.series = Some(Arc::clone(&rule));
        }
        let (from, to) = (self.from, self.to);
        let in_period = move |meeting: &CalendarEvent| from <= meeting.starts_at && meeting.starts_at < to;
        if !meetings.is_empty() && !meetings.iter().any(in_period) {
            let last = meetings.iter().map(|meeting| meeting.starts_at).max();
            let first = meetings.iter().map(|meeting| meeting.starts_at).min();
            self.out_of_period(line, &details.title, first, last);
        } else if meetings.is_empty() && !stopped_early {
            let first = starts.first().and_then(|first| frame.to_utc(*first));
            self.out_of_period(line, &details.title, first, None);
        }
        meetings.retain(in_period);
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

    /// Why a series brings no meeting: all of it is before the period Rapport takes series
    /// from, or after it, or it never happens at all.
    fn out_of_period(
        &mut self,
        line: u32,
        title: &str,
        first: Option<DateTime<Utc>>,
        last: Option<DateTime<Utc>>,
    ) {
        let title = shorten(title);
        let day = |at: DateTime<Utc>| at.format("%-d %B %Y").to_string();
        let period = format!(
            "Rapport imports the meetings of a repeating event from {} to {}",
            day(self.from),
            day(self.to)
        );
        let message = match (first, last) {
            (_, Some(last)) if last < self.from => format!(
                "The repeating meeting \u{201c}{title}\u{201d} at line {line} last took place on {}, so none \
                 of it was imported: {period}. Add the past meetings you need by hand.",
                day(last)
            ),
            (Some(first), _) if first >= self.to => format!(
                "The repeating meeting \u{201c}{title}\u{201d} at line {line} first takes place on {}, so none \
                 of it was imported yet: {period}. Import the calendar again nearer the time.",
                day(first)
            ),
            _ => format!(
                "The repeating meeting \u{201c}{title}\u{201d} at line {line} never takes place (its repeat \
                 rule ends before it starts, or every occurrence is removed), so nothing was imported. Check \
                 how it repeats in your calendar and export it again."
            ),
        };
        self.problems.push(problem(line, message));
    }

    /// One occurrence as its override has it; `None` when cancelled or unreadable (reported).
    fn moved(
        &mut self,
        line: u32,
        event: &ICalendarComponent,
        zones: &Zones<'_>,
        frame: &Frame,
        uid: &str,
    ) -> Option<CalendarEvent> {
        let rid = recurrence_id(event, frame, zones)?;
        if is_cancelled(event) {
            return None;
        }
        match timing(event, zones) {
            Ok(timing) => Some(Details::of(event).meeting(line, occurrence_uid(uid, frame, rid), timing)),
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

/// Attendees and the organiser, by address in file order, with the name the calendar gave
/// (CN). Only `mailto:` addresses are people Rapport can match; lower case, because mail
/// addresses are compared that way. An address that is both is the organiser.
fn attendees(event: &ICalendarComponent) -> Vec<Guest> {
    let mut invited: Vec<Guest> = Vec::new();
    for entry in &event.entries {
        let role = match entry.name {
            ICalendarProperty::Organizer => GuestRole::Organizer,
            ICalendarProperty::Attendee => GuestRole::Attendee,
            _ => continue,
        };
        let address = match entry.values.first() {
            Some(ICalendarValue::Uri(Uri::Location(address)) | ICalendarValue::Text(address)) => address,
            _ => continue,
        };
        let email = strip_mailto_scheme(address);
        if email.len() == address.len() {
            continue;
        }
        let email = email.trim().to_lowercase();
        if email.is_empty() {
            continue;
        }
        let name = entry.params.iter().find_map(|param| match (&param.name, &param.value) {
            (ICalendarParameterName::Cn, ICalendarParameterValue::Text(name)) => {
                let name: String = name.chars().filter(|ch| !ch.is_control()).collect();
                let name = name.trim();
                (!name.is_empty() && !name.eq_ignore_ascii_case(&email)).then(|| name.to_string())
            }
            _ => None,
        });
        match invited.iter_mut().find(|guest| guest.email == email) {
            Some(same) => {
                if role == GuestRole::Organizer {
                    same.role = role;
                }
                if same.name.is_none() {
                    same.name = name;
                }
            }
            None => invited.push(Guest { email, name, role }),
        }
    }
    invited
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

/// An occurrence is known by its series' UID and the start it was first given: in UTC, or as
/// written for a floating series (whose instant depends on the account it lands in).
fn occurrence_uid(uid: &str, frame: &Frame, start: NaiveDateTime) -> String {
    match frame.to_utc(start) {
        Some(at) if !frame.is_floating() => format!("{uid}/{}", utc_stamp(at)),
        _ => format!("{uid}/{}", start.format("%Y%m%dT%H%M%S")),
    }
}

fn utc_stamp(instant: DateTime<Utc>) -> String {
    instant.format("%Y%m%dT%H%M%SZ").to_string()
}

fn fnv1a(text: &str) -> u64 {
    text.bytes()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}
