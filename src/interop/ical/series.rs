//! A repeating meeting going back out: the rule its calendar sent, kept by the series, written
//! into the exported event with the zones it names, less the occurrences deleted since.

use calcard::icalendar::{ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarProperty};
use calcard::{Entry, Parser};
use chrono::NaiveDateTime;

use super::{local_partial, utc_partial};

/// Adds the series' start, length, RRULE, RDATE and EXDATE to `vevent`, the zone descriptions
/// they need to `calendar` (once per zone name), and an EXDATE per deleted occurrence. A rule
/// that no longer reads (it never is: Rapport wrote it) leaves the event without dates.
pub(super) fn add_rule(
    calendar: &mut ICalendar,
    vevent: &mut ICalendarComponent,
    rule: &str,
    deleted: &[String],
) {
    let Entry::ICalendar(kept) = Parser::new(rule).entry() else { return };
    let Some(event) = kept.components.iter().find(|c| c.component_type == ICalendarComponentType::VEvent)
    else {
        return;
    };
    use ICalendarProperty as P;
    for entry in &event.entries {
        if matches!(entry.name, P::Dtstart | P::Dtend | P::Duration | P::Rrule | P::Rdate | P::Exdate) {
            vevent.entries.push(entry.clone());
        }
    }
    for uid in deleted {
        let Some((_, stamp)) = uid.rsplit_once('/') else { continue };
        // The reader names an occurrence by its start in UTC, or on the wall clock when the
        // series has no zone.
        if let Ok(at) = NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ") {
            vevent.add_property(P::Exdate, utc_partial(at.and_utc()));
        } else if let Ok(at) = NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%S") {
            vevent.add_property(P::Exdate, local_partial(at));
        }
    }
    let defined: Vec<String> = calendar
        .components
        .iter()
        .filter(|c| c.component_type == ICalendarComponentType::VTimezone)
        .filter_map(zone_id)
        .collect();
    for zone in kept.components.iter().filter(|c| c.component_type == ICalendarComponentType::VTimezone) {
        if zone_id(zone).is_some_and(|id| !defined.contains(&id)) {
            let index = copy_tree(&kept, zone, calendar);
            if let Some(root) = calendar.components.first_mut() {
                root.component_ids.push(index);
            }
        }
    }
}

fn zone_id(zone: &ICalendarComponent) -> Option<String> {
    zone.property(&ICalendarProperty::Tzid)?.values.first()?.as_text().map(str::to_string)
}

/// Copies a component and the ones inside it (a zone's STANDARD and DAYLIGHT) into `out`,
/// returning where it went.
pub(super) fn copy_tree(from: &ICalendar, component: &ICalendarComponent, out: &mut ICalendar) -> u32 {
    let mut copy = component.clone();
    copy.component_ids = component
        .component_ids
        .iter()
        .filter_map(|id| from.components.get(usize::try_from(*id).ok()?))
        .map(|child| copy_tree(from, child, out))
        .collect();
    let index = u32::try_from(out.components.len()).unwrap_or(u32::MAX);
    out.components.push(copy);
    index
}
