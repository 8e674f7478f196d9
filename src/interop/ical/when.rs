//! When an event happens: its start and end in UTC from whatever the calendar wrote (a zone, a
//! Windows zone name, a floating time, a duration), the zone it was planned in, and the starts
//! of a repeating event within a window.

use calcard::common::PartialDateTime;
use calcard::common::timezone::Tz;
use calcard::icalendar::timezone::TzResolver;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarProperty, ICalendarValue,
};
use chrono::{DateTime, LocalResult, NaiveDateTime, TimeDelta, TimeZone, Utc};

use super::read::{SCAN_LIMIT, shorten};
use super::utc_partial;

/// When a meeting happens, in UTC, with the IANA zone it was planned in.
#[derive(Debug, Clone)]
pub(super) struct Timing {
    pub(super) start: DateTime<Utc>,
    pub(super) end: DateTime<Utc>,
    pub(super) zone: Option<String>,
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

pub(super) fn timing(event: &ICalendarComponent, resolver: &TzResolver<&str>) -> Result<Timing, Unreadable> {
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
pub(super) fn recurrence_id(
    event: &ICalendarComponent,
    resolver: &TzResolver<&str>,
) -> Option<DateTime<Utc>> {
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
pub(super) fn occurrences(
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
                rule.until = Some(utc_partial(stop.and_utc()));
            }
        }
    }
    master
}
