//! When an event happens: its start and end from whatever the calendar wrote (a zone, a
//! Windows zone name, a VTIMEZONE's own rules, a floating time, a duration), the zone it was
//! planned in, and the starts of a repeating event. Repetitions are followed on the wall clock
//! of the event's zone, as RFC 5545 has them, and only then placed in time.

use calcard::common::PartialDateTime;
use calcard::common::timezone::Tz;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarParameterName,
    ICalendarProperty, ICalendarValue,
};
use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};

use super::local_partial;
use super::read::{SCAN_LIMIT, shorten};
use super::zone::{Zone, Zones};

/// When a meeting happens. For a floating event (a time without a zone) `start` and `end` are
/// wall-clock times written as UTC, to be read in the zone of the account it lands in.
#[derive(Debug, Clone)]
pub(super) struct Timing {
    pub(super) start: DateTime<Utc>,
    pub(super) end: DateTime<Utc>,
    /// The IANA zone it was planned in, when it had one.
    pub(super) zone: Option<String>,
    pub(super) floating: bool,
    /// What the preview should say about how the times were read.
    pub(super) notes: Vec<String>,
}

/// Why an event could not be taken as a meeting.
pub(super) enum Unreadable {
    AllDay,
    NoStart,
    NoEnd,
    UnknownZone(String),
    EndsBeforeStart,
    BadRule,
}

impl Unreadable {
    pub(super) fn message(&self, line: u32) -> String {
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
                "The event at line {line} names a time zone (\u{201c}{}\u{201d}) that the file does not \
                 describe and Rapport does not know, so its time cannot be placed and it was not read. \
                 Export it again from the calendar it came from (calendars add the zone's description \
                 to the file), or add the meeting by hand.",
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

/// The clock an event's times are written on: UTC (or a fixed offset written with the time),
/// a zone, or nobody's in particular (floating).
#[derive(Clone)]
pub(super) enum Frame {
    Utc,
    Floating,
    /// A zone, and the TZID that named it: times with the same TZID are already on its clock.
    Zone(Zone, String),
}

impl Frame {
    /// The frame of a date property: its TZID's zone, UTC for a time written with `Z` or an
    /// offset, floating otherwise.
    fn of(entry: &ICalendarEntry, value: &PartialDateTime, zones: &Zones<'_>) -> Result<Frame, Unreadable> {
        if value.has_zone() {
            return Ok(Frame::Utc);
        }
        match entry.tz_id() {
            Some(name) => zones
                .resolve(name)
                .map(|zone| Frame::Zone(zone, name.to_string()))
                .ok_or_else(|| Unreadable::UnknownZone(name.to_string())),
            None => Ok(Frame::Floating),
        }
    }

    /// A wall-clock time on this frame as UTC (a floating one as written).
    pub(super) fn to_utc(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        match self {
            Frame::Utc | Frame::Floating => Some(local.and_utc()),
            Frame::Zone(zone, _) => zone.to_utc(local),
        }
    }

    fn to_local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Frame::Utc | Frame::Floating => at.naive_utc(),
            Frame::Zone(zone, _) => zone.to_local(at),
        }
    }

    pub(super) fn is_floating(&self) -> bool {
        matches!(self, Frame::Floating)
    }
}

/// A date value as a wall-clock time on `frame`: a time with its own zone or offset is placed
/// in time first; a floating one is taken on the frame's clock.
fn wall(
    entry: &ICalendarEntry,
    value: &PartialDateTime,
    frame: &Frame,
    zones: &Zones<'_>,
) -> Option<NaiveDateTime> {
    let parsed = value.to_date_time()?;
    if let Some(offset) = parsed.offset {
        let at = parsed.date_time.and_local_timezone(offset).single()?.with_timezone(&Utc);
        return Some(frame.to_local(at));
    }
    match entry.tz_id() {
        Some(name) if matches!(frame, Frame::Zone(_, own) if own == name) => Some(parsed.date_time),
        Some(name) => match (zones.resolve(name), frame) {
            (Some(own), Frame::Zone(..) | Frame::Utc) => Some(frame.to_local(own.to_utc(parsed.date_time)?)),
            _ => Some(parsed.date_time),
        },
        None => Some(parsed.date_time),
    }
}

/// The frame of an event's start, and the start on it.
pub(super) fn start(
    event: &ICalendarComponent,
    zones: &Zones<'_>,
) -> Result<(Frame, NaiveDateTime), Unreadable> {
    let (entry, value) = date_property(event, &ICalendarProperty::Dtstart).ok_or(Unreadable::NoStart)?;
    if !value.has_time() {
        return Err(Unreadable::AllDay);
    }
    let frame = Frame::of(entry, value, zones)?;
    let local = wall(entry, value, &frame, zones).ok_or(Unreadable::NoStart)?;
    Ok((frame, local))
}

/// When an event happens. RFC 5545, 3.6.1: without DTEND or DURATION an event that starts at a
/// time ends when it starts; DTEND equal to DTSTART is a moment, not an error.
pub(super) fn timing(event: &ICalendarComponent, zones: &Zones<'_>) -> Result<Timing, Unreadable> {
    let (frame, local) = start(event, zones)?;
    let start = frame.to_utc(local).ok_or(Unreadable::NoStart)?;
    let end = match date_property(event, &ICalendarProperty::Dtend) {
        Some((entry, value)) => wall(entry, value, &frame, zones).and_then(|end| frame.to_utc(end)),
        None => start.checked_add_signed(duration(event).unwrap_or(TimeDelta::zero())),
    };
    let end = end.ok_or(Unreadable::NoEnd)?;
    if end < start {
        return Err(Unreadable::EndsBeforeStart);
    }
    Ok(placed(&frame, start, end))
}

/// A start and end on `frame` as a timing, named after the frame's zone.
pub(super) fn placed(frame: &Frame, start: DateTime<Utc>, end: DateTime<Utc>) -> Timing {
    let (zone, notes) = match frame {
        Frame::Zone(zone, _) => {
            let named = zone.named_at(start);
            (named.zone, named.note.into_iter().collect())
        }
        Frame::Utc | Frame::Floating => (None, Vec::new()),
    };
    Timing { start, end, zone, floating: frame.is_floating(), notes }
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

/// The original start of the occurrence an override replaces, on the series' wall clock.
pub(super) fn recurrence_id(
    event: &ICalendarComponent,
    frame: &Frame,
    zones: &Zones<'_>,
) -> Option<NaiveDateTime> {
    let (entry, value) = date_property(event, &ICalendarProperty::RecurrenceId)?;
    // A RECURRENCE-ID without a zone of its own is on its event's clock, as its DTSTART.
    if entry.tz_id().is_none() && !value.has_zone() {
        return value.to_date_time().map(|at| at.date_time);
    }
    wall(entry, value, frame, zones)
}

/// The starts of a repeating event (RRULE and RDATE, less EXDATE) up to a little after `to`,
/// on the event's wall clock. calcard expands a copy of the event whose dates are all written
/// on that clock without a zone, so a zone calcard does not know (a VTIMEZONE's own rules)
/// repeats as its calendar meant, and calcard's repetition limit applies to this event alone.
pub(super) fn occurrences(
    master: &ICalendarComponent,
    frame: &Frame,
    zones: &Zones<'_>,
    to: DateTime<Utc>,
) -> Result<Vec<NaiveDateTime>, Unreadable> {
    let mut root = ICalendarComponent::new(ICalendarComponentType::VCalendar);
    root.component_ids.push(1);
    let alone =
        ICalendar { components: vec![root, stopping_after(&on_wall_clock(master, frame, zones), to)] };
    let expanded = alone.expand_dates(Tz::UTC, SCAN_LIMIT);
    if !expanded.errors.is_empty() {
        return Err(Unreadable::BadRule);
    }
    let mut starts: Vec<NaiveDateTime> = expanded
        .events
        .iter()
        .filter(|occurrence| occurrence.comp_id == 1)
        .map(|occurrence| occurrence.start.naive_utc())
        .collect();
    starts.sort();
    starts.dedup();
    Ok(starts)
}

/// A copy of the event with every date of its repetitions on `frame`'s wall clock, zoneless.
fn on_wall_clock(master: &ICalendarComponent, frame: &Frame, zones: &Zones<'_>) -> ICalendarComponent {
    let mut copy = master.clone();
    for entry in &mut copy.entries {
        // An UNTIL in UTC (as Google writes it) is moved onto the wall clock with the rest.
        if entry.name == ICalendarProperty::Rrule {
            for value in &mut entry.values {
                if let ICalendarValue::RecurrenceRule(rule) = value
                    && let Some(until) = rule.until.as_ref().and_then(|until| until.to_date_time())
                    && let Some(offset) = until.offset
                    && let Some(at) = until.date_time.and_local_timezone(offset).single()
                    && rule.until.as_ref().is_some_and(PartialDateTime::has_time)
                {
                    rule.until = Some(local_partial(frame.to_local(at.with_timezone(&Utc))));
                }
            }
            continue;
        }
        if !matches!(
            entry.name,
            ICalendarProperty::Dtstart
                | ICalendarProperty::Dtend
                | ICalendarProperty::Rdate
                | ICalendarProperty::Exdate
        ) {
            continue;
        }
        let original = entry.clone();
        for value in &mut entry.values {
            if let ICalendarValue::PartialDateTime(at) = value
                && at.has_time()
                && let Some(local) = wall(&original, at, frame, zones)
            {
                **at = local_partial(local);
            }
        }
        entry.params.retain(|param| param.name != ICalendarParameterName::Tzid);
    }
    copy
}

/// A copy of the series whose rule ends two days after the period (a margin wider than any
/// zone offset), or at its first start if that is later: expanding a rule that never ends then
/// costs what the period holds, not what calcard's repetition limit allows.
pub(super) fn stopping_after(master: &ICalendarComponent, to: DateTime<Utc>) -> ICalendarComponent {
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
                rule.until = Some(local_partial(stop));
            }
        }
    }
    master
}
