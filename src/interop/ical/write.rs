//! Writing Rapport's calendar feed.

use calcard::common::PartialDateTime;
use calcard::common::timezone::Tz;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarFrequency, ICalendarMethod,
    ICalendarMonth, ICalendarParameter, ICalendarProperty, ICalendarRecurrenceRule, ICalendarTransparency,
    ICalendarValueType, Uri,
};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::{PRODID, local_partial, series, utc_partial};
use crate::interop::{FeedEvent, FeedWhen};

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
        let mut vevent = vevent(event, stamp);
        if let FeedWhen::Series { rule, deleted } = &event.when {
            series::add_rule(&mut calendar, &mut vevent, rule, deleted);
        }
        let Ok(id) = u32::try_from(calendar.components.len()) else { break };
        calendar.components.push(vevent);
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

fn vevent(event: &FeedEvent, stamp: DateTime<Utc>) -> ICalendarComponent {
    let mut vevent = ICalendarComponent::new(ICalendarComponentType::VEvent);
    match occurrence(&event.uid) {
        // One meeting of a series goes out under its series' UID, as the occurrence it is.
        Some((series, start)) => {
            vevent.add_uid(series);
            vevent.add_property(ICalendarProperty::RecurrenceId, start);
        }
        None => vevent.add_uid(&event.uid),
    }
    vevent.add_dtstamp(utc_partial(stamp));
    match &event.when {
        FeedWhen::Day { date, yearly } => add_day(&mut vevent, *date, *yearly),
        // The rule's own dates are added by the caller, with the zones they name.
        FeedWhen::Series { .. } => {}
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
    if let Some((name, email)) = &event.organizer
        && !email.trim().is_empty()
    {
        let name = display_name(name);
        let params = (!name.is_empty()).then(|| ICalendarParameter::cn(name));
        vevent.add_property_with_params(
            ICalendarProperty::Organizer,
            params,
            Uri::Location(format!("mailto:{}", email.trim())),
        );
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

/// The series UID and original start of an occurrence Rapport imported from a repeating event,
/// as the reader names it: `<series UID>/<start in UTC>`, or the start on the wall clock for a
/// series without a zone.
pub(super) fn occurrence(uid: &str) -> Option<(&str, PartialDateTime)> {
    let (series, stamp) = uid.rsplit_once('/')?;
    let start = match chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ") {
        Ok(at) => utc_partial(at.and_utc()),
        Err(_) => local_partial(chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%S").ok()?),
    };
    (!series.trim().is_empty()).then_some((series, start))
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
