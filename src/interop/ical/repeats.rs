//! How a repeating event repeats, in an account manager's words ("weekly on Tuesday", "every 2
//! weeks on Monday and Thursday", "monthly on the second Tuesday, until 30 June 2027"), and the
//! small calendar text a series keeps of when it happens.

use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarDay, ICalendarFrequency,
    ICalendarProperty, ICalendarRecurrenceRule, ICalendarValue, ICalendarWeekday,
};
use chrono::{Datelike, NaiveDateTime, Weekday};

/// How the event repeats; `first` is its first start on its own clock, which a rule without
/// days repeats on.
pub(super) fn words(master: &ICalendarComponent, first: NaiveDateTime) -> String {
    let rule = master.entries.iter().filter(|e| e.name == ICalendarProperty::Rrule).find_map(|e| {
        e.values.iter().find_map(|v| match v {
            ICalendarValue::RecurrenceRule(rule) => Some(rule.as_ref()),
            _ => None,
        })
    });
    match rule {
        Some(rule) => rule_words(rule, first),
        None => "on chosen days".to_string(),
    }
}

fn rule_words(rule: &ICalendarRecurrenceRule, first: NaiveDateTime) -> String {
    let every = rule.interval.unwrap_or(1).max(1);
    let (one, many) = match rule.freq {
        ICalendarFrequency::Yearly => ("yearly", "years"),
        ICalendarFrequency::Monthly => ("monthly", "months"),
        ICalendarFrequency::Weekly => ("weekly", "weeks"),
        ICalendarFrequency::Daily => ("daily", "days"),
        ICalendarFrequency::Hourly => ("hourly", "hours"),
        ICalendarFrequency::Minutely => ("every minute", "minutes"),
        ICalendarFrequency::Secondly => ("every second", "seconds"),
    };
    let weekdays = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri];
    let plain_days: Vec<Weekday> =
        rule.byday.iter().filter(|d| d.ordwk.is_none()).map(|d| weekday(d.weekday)).collect();
    let mut text = if every == 1 { one.to_string() } else { format!("every {every} {many}") };
    match rule.freq {
        ICalendarFrequency::Daily | ICalendarFrequency::Weekly
            if plain_days.len() == 5 && weekdays.iter().all(|d| plain_days.contains(d)) =>
        {
            text = if every == 1 { "every weekday".to_string() } else { format!("{text} on weekdays") };
        }
        ICalendarFrequency::Weekly => {
            let days = if plain_days.is_empty() { vec![first.weekday()] } else { plain_days };
            text = format!("{text} on {}", listed(&days.iter().map(|d| day_name(*d)).collect::<Vec<_>>()));
        }
        ICalendarFrequency::Monthly => {
            let nth: Vec<String> = rule.byday.iter().filter_map(nth_weekday).collect();
            if !nth.is_empty() {
                text = format!("{text} on the {}", listed(&nth));
            } else if !rule.bymonthday.is_empty() {
                let days: Vec<String> = rule.bymonthday.iter().map(|d| month_day(*d)).collect();
                text = format!("{text} on the {}", listed(&days));
            } else {
                text = format!("{text} on the {}", month_day(i8::try_from(first.day()).unwrap_or(1)));
            }
        }
        _ => {}
    }
    if let Some(count) = rule.count {
        text = format!("{text}, {count} times");
    } else if let Some(until) = rule.until.as_ref().and_then(|u| u.to_date_time()) {
        text = format!("{text}, until {}", until.date_time.format("%-d %B %Y"));
    }
    text
}

fn weekday(day: ICalendarWeekday) -> Weekday {
    match day {
        ICalendarWeekday::Monday => Weekday::Mon,
        ICalendarWeekday::Tuesday => Weekday::Tue,
        ICalendarWeekday::Wednesday => Weekday::Wed,
        ICalendarWeekday::Thursday => Weekday::Thu,
        ICalendarWeekday::Friday => Weekday::Fri,
        ICalendarWeekday::Saturday => Weekday::Sat,
        ICalendarWeekday::Sunday => Weekday::Sun,
    }
}

fn day_name(day: Weekday) -> String {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
    .to_string()
}

/// "second Tuesday", "last Friday".
fn nth_weekday(day: &ICalendarDay) -> Option<String> {
    let nth = match day.ordwk? {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        5 => "fifth",
        -1 => "last",
        -2 => "second-to-last",
        _ => return None,
    };
    Some(format!("{nth} {}", day_name(weekday(day.weekday))))
}

/// "1st", "22nd", "last day".
fn month_day(day: i8) -> String {
    match day {
        -1 => "last day".to_string(),
        d if d < 0 => format!("{} days before the end", -d - 1),
        d => {
            let suffix = match (d % 10, d % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{d}{suffix}")
        }
    }
}

/// "a", "a and b", "a, b and c".
fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The event's timing alone, as a calendar of its own: its UID, start, end or length, RRULE,
/// RDATE and EXDATE, with the VTIMEZONEs those name. This is what a series keeps: read again,
/// it gives the same occurrences; written out, it is the series as its calendar sent it.
pub(super) fn rule_text(calendar: &ICalendar, master: &ICalendarComponent, uid: &str) -> String {
    use ICalendarProperty as P;
    let mut event = ICalendarComponent::new(ICalendarComponentType::VEvent);
    event.entries = master
        .entries
        .iter()
        .filter(|e| matches!(e.name, P::Dtstart | P::Dtend | P::Duration | P::Rrule | P::Rdate | P::Exdate))
        .cloned()
        .collect();
    // The UID the reader named the series by (one made from it when the calendar gave none), so
    // that following the rule later names its occurrences the same.
    event.add_uid(uid);
    let named: Vec<&str> = event.entries.iter().filter_map(|e| e.tz_id()).collect();
    let mut root = ICalendarComponent::new(ICalendarComponentType::VCalendar);
    root.add_property(P::Version, "2.0");
    root.add_property(P::Prodid, super::PRODID);
    let mut out = ICalendar { components: vec![root] };
    for zone in calendar.components.iter().filter(|c| c.component_type == ICalendarComponentType::VTimezone) {
        let id = zone.property(&P::Tzid).and_then(|e| e.values.first()).and_then(|v| v.as_text());
        if id.is_some_and(|id| named.contains(&id)) {
            let index = super::series::copy_tree(calendar, zone, &mut out);
            adopt(&mut out, index);
        }
    }
    let index = u32::try_from(out.components.len()).unwrap_or(u32::MAX);
    out.components.push(event);
    adopt(&mut out, index);
    let mut text = String::new();
    // Writing into a String cannot fail.
    let _ = out.write_to(&mut text);
    text
}

fn adopt(calendar: &mut ICalendar, index: u32) {
    if let Some(root) = calendar.components.first_mut() {
        root.component_ids.push(index);
    }
}
