//! The zones a calendar writes its times in. A TZID that names a zone calcard knows (an IANA
//! name, a Windows name such as "W. Europe Standard Time", an id with a registry prefix such as
//! `/mozilla.org/20070129_1/America/New_York`) is that zone. A VTIMEZONE with its own rules —
//! Outlook's "Екатеринбург", Exchange's "GMT +0100 (Standard) / GMT +0200 (Daylight)", RFC
//! 5545's "US-Eastern" — is read by those rules, so the meeting lands at the instant its sender
//! meant, and is named after the IANA zone whose clocks are the same over the meeting's year
//! (or, when none is, the nearest one, which the preview says). Nothing here may refuse a
//! zone the file describes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::str::FromStr;
use std::sync::OnceLock;

use calcard::common::PartialDateTime;
use calcard::common::timezone::Tz;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarProperty, ICalendarValue,
};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};

use super::read::shorten;

/// A zone an event's times can be read in.
#[derive(Clone)]
pub(super) enum Zone {
    Iana(chrono_tz::Tz),
    Fixed(FixedOffset),
    /// A VTIMEZONE's own rules.
    Rules(Rc<Rules>),
}

/// What the preview says of the zone a meeting was placed in, and the IANA name it keeps.
pub(super) struct Named {
    pub(super) zone: Option<String>,
    pub(super) note: Option<String>,
}

impl Zone {
    /// The instant of a wall-clock time. A time the clocks skip in spring is read an hour later,
    /// and one they pass twice in autumn as the first, as calendar programs do.
    pub(super) fn to_utc(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        match self {
            Zone::Iana(zone) => wall_clock(zone, local),
            Zone::Fixed(offset) => wall_clock(offset, local),
            Zone::Rules(rules) => match rules.before_rules(local.and_utc().timestamp()) {
                Some(zone) => wall_clock(&zone, local),
                None => rules.to_utc(local),
            },
        }
    }

    /// The wall-clock time of an instant.
    pub(super) fn to_local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Zone::Iana(zone) => at.with_timezone(zone).naive_local(),
            Zone::Fixed(offset) => at.with_timezone(offset).naive_local(),
            Zone::Rules(rules) => match rules.before_rules(at.timestamp()) {
                Some(zone) => at.with_timezone(&zone).naive_local(),
                None => at.naive_utc() + TimeDelta::seconds(i64::from(rules.offset_at(at.timestamp()))),
            },
        }
    }

    /// The IANA zone a meeting at `at` keeps, and a word for the preview when the file's own
    /// rules decided it.
    pub(super) fn named_at(&self, at: DateTime<Utc>) -> Named {
        match self {
            Zone::Iana(zone) => Named { zone: Some(zone.name().to_string()), note: None },
            Zone::Fixed(_) => Named { zone: None, note: None },
            Zone::Rules(rules) => match rules.before_rules(at.timestamp()) {
                Some(zone) => Named { zone: Some(zone.name().to_string()), note: None },
                None => rules.named_at(at),
            },
        }
    }
}

fn wall_clock<Z: TimeZone>(zone: &Z, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    let at = match zone.from_local_datetime(&local) {
        chrono::LocalResult::Single(at) | chrono::LocalResult::Ambiguous(at, _) => at,
        chrono::LocalResult::None => {
            zone.from_local_datetime(&local.checked_add_signed(TimeDelta::hours(1))?).earliest()?
        }
    };
    Some(at.with_timezone(&Utc))
}

/// The zones of one calendar: its VTIMEZONEs by TZID, each read the first time an event
/// uses it (a file may carry hundreds nobody uses), and every TZID looked up once.
pub(super) struct Zones<'a> {
    calendar: &'a ICalendar,
    defined: HashMap<&'a str, &'a ICalendarComponent>,
    resolved: RefCell<HashMap<String, Option<Zone>>>,
}

impl<'a> Zones<'a> {
    pub(super) fn of(calendar: &'a ICalendar) -> Zones<'a> {
        let mut defined = HashMap::new();
        for component in calendar.timezones() {
            if let Some(tzid) = component
                .property(&ICalendarProperty::Tzid)
                .and_then(|entry| entry.values.first())
                .and_then(ICalendarValue::as_text)
            {
                defined.entry(tzid).or_insert(component);
            }
        }
        Zones { calendar, defined, resolved: RefCell::default() }
    }

    /// The zone a TZID names: the file's VTIMEZONE first, then the names calcard knows, then an
    /// IANA name at the end of the id (`custom_America/New_York`, `Europe_Berlin`).
    pub(super) fn resolve(&self, tzid: &str) -> Option<Zone> {
        if let Some(zone) = self.resolved.borrow().get(tzid) {
            return zone.clone();
        }
        let zone = match self.defined.get(tzid) {
            Some(component) => defined_zone(self.calendar, component, tzid),
            None => known(tzid),
        };
        self.resolved.borrow_mut().insert(tzid.to_string(), zone.clone());
        zone
    }
}

/// A zone named without rules: calcard's names, then an IANA name the id ends with.
fn known(tzid: &str) -> Option<Zone> {
    match Tz::from_str(tzid) {
        Ok(Tz::Tz(zone)) => Some(Zone::Iana(canonical(zone))),
        Ok(Tz::Fixed(offset)) => Some(Zone::Fixed(offset)),
        _ => iana_suffix(tzid).map(|zone| Zone::Iana(canonical(zone))),
    }
}

/// An old name (`US/Eastern`, `EST5EDT`) as the zone an account manager knows with the same
/// clocks (`America/New_York`), compared twice a year from 1990 to 2040.
fn canonical(zone: chrono_tz::Tz) -> chrono_tz::Tz {
    if candidates().contains(&zone) {
        return zone;
    }
    let samples: Vec<i64> = (1990..=2040)
        .flat_map(|year| [(year, 1), (year, 7)])
        .filter_map(|(year, month)| NaiveDate::from_ymd_opt(year, month, 15)?.and_hms_opt(12, 0, 0))
        .map(|at| at.and_utc().timestamp())
        .collect();
    candidates()
        .iter()
        .find(|other| samples.iter().all(|t| offset_of(other, *t) == offset_of(&zone, *t)))
        .copied()
        .unwrap_or(zone)
}

/// The longest IANA name `tzid` ends with, its slashes written as such, `_` or `-`, after a
/// separator: `posix/Europe/Vaduz`, `America-Chicago`, `US-Eastern`.
fn iana_suffix(tzid: &str) -> Option<chrono_tz::Tz> {
    let id = tzid.trim().to_ascii_lowercase();
    chrono_tz::TZ_VARIANTS
        .iter()
        .filter(|zone| zone.name().contains('/'))
        .filter(|zone| {
            let name = zone.name().to_ascii_lowercase();
            [name.clone(), name.replace('/', "_"), name.replace('/', "-")].iter().any(|form| {
                id.strip_suffix(form.as_str())
                    .is_some_and(|before| before.is_empty() || before.ends_with(['/', '_', '-', ' ']))
            })
        })
        .max_by_key(|zone| zone.name().len())
        .copied()
}

/// A VTIMEZONE as Rapport reads it: an IANA TZID is that zone (its rules are a copy of the
/// database's); otherwise the file's rules, with the zone its names point to as the first
/// candidate; without usable rules, that zone alone.
fn defined_zone(calendar: &ICalendar, component: &ICalendarComponent, tzid: &str) -> Option<Zone> {
    if let Ok(zone) = chrono_tz::Tz::from_str(tzid) {
        return Some(Zone::Iana(canonical(zone)));
    }
    let named = component.timezone().and_then(|(_, zone)| match zone {
        Tz::Tz(zone) => Some(zone),
        _ => None,
    });
    let hint = named.or_else(|| iana_suffix(tzid)).map(canonical);
    match Rules::read(calendar, component, tzid, hint) {
        Some(rules) => Some(Zone::Rules(Rc::new(rules))),
        None => match hint {
            Some(zone) => Some(Zone::Iana(zone)),
            None => known(tzid),
        },
    }
}

/// A VTIMEZONE's observances as instants: the offset before the first change, then each
/// change (UTC seconds) with the offset it brings.
pub(super) struct Rules {
    tzid: String,
    hint: Option<chrono_tz::Tz>,
    initial: i32,
    transitions: Vec<(i64, i32)>,
    /// The zone named for a year and an offset, found once.
    named: RefCell<HashMap<(i32, i32), Option<Closest>>>,
}

/// An IANA zone for a VTIMEZONE, and whether its clocks agree on every day of the year.
type Closest = (chrono_tz::Tz, bool);

/// Observances are followed from their start to this year, far past any meeting.
const LAST_YEAR: i32 = 2100;
/// How many changes one observance may bring; a yearly rule from 1601 to 2100 has 500.
const MAX_ONSETS: usize = 2_000;
/// How many observances of one VTIMEZONE are read; libical's fullest zones have about 200.
const MAX_OBSERVANCES: usize = 500;

impl Rules {
    fn read(
        calendar: &ICalendar,
        component: &ICalendarComponent,
        tzid: &str,
        hint: Option<chrono_tz::Tz>,
    ) -> Option<Rules> {
        let mut transitions = Vec::new();
        let mut first: Option<(NaiveDateTime, i32)> = None;
        let children = component.component_ids.iter().filter_map(|id| calendar.components.get(*id as usize));
        for child in children.take(MAX_OBSERVANCES) {
            if !matches!(
                child.component_type,
                ICalendarComponentType::Standard | ICalendarComponentType::Daylight
            ) {
                continue;
            }
            let (Some(from), Some(to)) = (
                offset(child, &ICalendarProperty::Tzoffsetfrom),
                offset(child, &ICalendarProperty::Tzoffsetto),
            ) else {
                continue;
            };
            let onsets = onsets(child);
            if let Some(earliest) = onsets.first()
                && first.is_none_or(|(at, _)| *earliest < at)
            {
                first = Some((*earliest, from));
            }
            transitions
                .extend(onsets.into_iter().map(|onset| (onset.and_utc().timestamp() - i64::from(from), to)));
        }
        let (_, initial) = first?;
        transitions.sort_unstable();
        Some(Rules { tzid: tzid.to_string(), hint, initial, transitions, named: RefCell::default() })
    }

    /// The zone the VTIMEZONE's names point to, for a time a day or more before its first
    /// change: rules that start later (RFC 2445's US-Eastern starts in October 1998) do not
    /// say what the clocks were before.
    fn before_rules(&self, at: i64) -> Option<chrono_tz::Tz> {
        let first = self.transitions.first().map(|(onset, _)| *onset)?;
        (at < first - 86_400).then_some(self.hint).flatten()
    }

    /// RFC 5545, 3.6.5: the offset in effect is that of the last change at or before `at`.
    fn offset_at(&self, at: i64) -> i32 {
        match self.transitions.partition_point(|(onset, _)| *onset <= at).checked_sub(1) {
            Some(index) => self.transitions.get(index).map_or(self.initial, |(_, offset)| *offset),
            None => self.initial,
        }
    }

    fn to_utc(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        let seconds = local.and_utc().timestamp();
        let fits = |local: i64| {
            let around =
                [self.offset_at(local - 86_400), self.offset_at(local), self.offset_at(local + 86_400)];
            around
                .into_iter()
                .map(|offset| local - i64::from(offset))
                .filter(|at| local - i64::from(self.offset_at(*at)) == *at)
                .min()
        };
        let at = fits(seconds).or_else(|| fits(seconds + 3_600))?;
        DateTime::from_timestamp(at, 0)
    }

    fn named_at(&self, at: DateTime<Utc>) -> Named {
        let offset = self.offset_at(at.timestamp());
        let key = (at.year(), offset);
        let found =
            *self.named.borrow_mut().entry(key).or_insert_with(|| self.closest(at.year(), at.timestamp()));
        let name = shorten(&self.tzid);
        let local = self.local_words(at);
        match found {
            Some((zone, true)) => Named {
                zone: Some(zone.name().to_string()),
                note: Some(format!(
                    "time zone \u{201c}{name}\u{201d} read by the calendar's own rules, the same as {}",
                    zone.name()
                )),
            },
            Some((zone, false)) => Named {
                zone: Some(zone.name().to_string()),
                note: Some(format!(
                    "time zone \u{201c}{name}\u{201d} changes its clocks unlike any standard zone in {}: \
                     the meeting keeps the calendar's time ({local}) and is shown in {}, the closest",
                    at.year(),
                    zone.name()
                )),
            },
            None => Named {
                zone: None,
                note: Some(format!(
                    "time zone \u{201c}{name}\u{201d} matches no standard zone: the meeting keeps the \
                     calendar's time ({local}) without a zone"
                )),
            },
        }
    }

    fn local_words(&self, at: DateTime<Utc>) -> String {
        let local = at.naive_utc() + TimeDelta::seconds(i64::from(self.offset_at(at.timestamp())));
        format!("{} there, {} UTC", local.format("%H:%M"), at.format("%H:%M"))
    }

    /// The IANA zone whose clocks agree with these rules on every day of `year`, with true; else
    /// the one agreeing on most days among those with the same offset at `at`.
    fn closest(&self, year: i32, at: i64) -> Option<Closest> {
        let start = NaiveDate::from_ymd_opt(year, 1, 1)?.and_hms_opt(12, 0, 0)?.and_utc().timestamp();
        let end =
            NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?.and_hms_opt(0, 0, 0)?.and_utc().timestamp();
        // The offset of every day of the year: zones that change their clocks on the same days
        // keep the same meeting times, whatever hour of the night each changes at.
        let mut samples: Vec<i64> = (0..366).map(|day| start + day * 86_400).filter(|t| *t < end).collect();
        samples.push(at);
        let ours: Vec<i32> = samples.iter().map(|t| self.offset_at(*t)).collect();
        let wanted = self.offset_at(at);
        // The closest so far, by the days it disagrees on; a zone is dropped as soon as it
        // disagrees more, so a file's rules cost what the few zones near them cost.
        let mut best: Option<(chrono_tz::Tz, usize)> = None;
        for zone in self.hint.iter().chain(candidates()) {
            if offset_of(zone, at) != Some(wanted) {
                continue;
            }
            let bound = best.map_or(usize::MAX, |(_, fewest)| fewest);
            let mut disagree = 0;
            for (t, ours) in samples.iter().zip(&ours) {
                if offset_of(zone, *t) != Some(*ours) {
                    disagree += 1;
                    if disagree >= bound {
                        break;
                    }
                }
            }
            if disagree == 0 {
                return Some((*zone, true));
            }
            if disagree < bound {
                best = Some((*zone, disagree));
            }
        }
        best.map(|(zone, _)| (zone, false))
    }
}

fn offset_of(zone: &chrono_tz::Tz, at: i64) -> Option<i32> {
    let at = DateTime::from_timestamp(at, 0)?;
    Some(zone.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc())
}

/// The zones a meeting may be named after: the best known first (when several keep the same
/// clocks, the one an account manager recognises), then every other canonical IANA zone.
fn candidates() -> &'static [chrono_tz::Tz] {
    static CANDIDATES: OnceLock<Vec<chrono_tz::Tz>> = OnceLock::new();
    CANDIDATES.get_or_init(|| {
        const AREAS: [&str; 9] = [
            "Africa/",
            "America/",
            "Antarctica/",
            "Asia/",
            "Atlantic/",
            "Australia/",
            "Europe/",
            "Indian/",
            "Pacific/",
        ];
        let mut zones: Vec<chrono_tz::Tz> = BEST_KNOWN.iter().filter_map(|name| name.parse().ok()).collect();
        let rest = chrono_tz::TZ_VARIANTS
            .iter()
            .filter(|zone| AREAS.iter().any(|area| zone.name().starts_with(area)))
            .filter(|zone| !zones.contains(zone))
            .copied()
            .collect::<Vec<_>>();
        zones.extend(rest);
        zones
    })
}

const BEST_KNOWN: [&str; 62] = [
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Amsterdam",
    "Europe/Brussels",
    "Europe/Zurich",
    "Europe/Vienna",
    "Europe/Stockholm",
    "Europe/Warsaw",
    "Europe/Prague",
    "Europe/Athens",
    "Europe/Helsinki",
    "Europe/Kyiv",
    "Europe/Istanbul",
    "Europe/Moscow",
    "Europe/Lisbon",
    "Europe/Dublin",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Toronto",
    "America/Vancouver",
    "America/Mexico_City",
    "America/Bogota",
    "America/Lima",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
    "America/Santiago",
    "America/Halifax",
    "America/St_Johns",
    "Africa/Lagos",
    "Africa/Johannesburg",
    "Africa/Cairo",
    "Africa/Nairobi",
    "Asia/Jerusalem",
    "Asia/Riyadh",
    "Asia/Tehran",
    "Asia/Dubai",
    "Asia/Yekaterinburg",
    "Asia/Karachi",
    "Asia/Kolkata",
    "Asia/Dhaka",
    "Asia/Bangkok",
    "Asia/Jakarta",
    "Asia/Singapore",
    "Asia/Hong_Kong",
    "Asia/Shanghai",
    "Asia/Manila",
    "Asia/Seoul",
    "Asia/Tokyo",
    "Australia/Perth",
    "Australia/Brisbane",
    "Australia/Adelaide",
    "Australia/Sydney",
    "Pacific/Auckland",
    "UTC",
];

/// TZOFFSETFROM or TZOFFSETTO in seconds east of UTC.
fn offset(observance: &ICalendarComponent, property: &ICalendarProperty) -> Option<i32> {
    let ICalendarValue::PartialDateTime(value) = observance.property(property)?.values.first()? else {
        return None;
    };
    let seconds = i32::from(value.tz_hour?) * 3600 + i32::from(value.tz_minute.unwrap_or(0)) * 60;
    (seconds < 24 * 3600).then_some(if value.tz_minus { -seconds } else { seconds })
}

/// The wall-clock times an observance begins: its DTSTART, its RRULE's repetitions up to
/// [`LAST_YEAR`] and its RDATEs, expanded by calcard as a floating event.
fn onsets(observance: &ICalendarComponent) -> Vec<NaiveDateTime> {
    let mut event = ICalendarComponent::new(ICalendarComponentType::VEvent);
    let mut rdates = Vec::new();
    for entry in &observance.entries {
        match entry.name {
            ICalendarProperty::Dtstart | ICalendarProperty::Rrule | ICalendarProperty::Rdate => {
                let mut entry = entry.clone();
                entry.params.clear();
                for value in &mut entry.values {
                    if let ICalendarValue::PartialDateTime(at) = value {
                        **at = PartialDateTime {
                            tz_hour: None,
                            tz_minute: None,
                            tz_minus: false,
                            ..(**at).clone()
                        };
                    }
                }
                if entry.name == ICalendarProperty::Rdate {
                    rdates.extend(entry.values.iter().filter_map(|value| match value {
                        ICalendarValue::PartialDateTime(at) => at.to_date_time().map(|at| at.date_time),
                        _ => None,
                    }));
                }
                event.entries.push(entry);
            }
            _ => {}
        }
    }
    let Some(last) = NaiveDate::from_ymd_opt(LAST_YEAR, 1, 1).and_then(|day| day.and_hms_opt(0, 0, 0)) else {
        return Vec::new();
    };
    let event = super::when::stopping_after(&event, last.and_utc());
    let mut root = ICalendarComponent::new(ICalendarComponentType::VCalendar);
    root.component_ids.push(1);
    let alone = ICalendar { components: vec![root, event] };
    let expanded = alone.expand_dates(Tz::UTC, MAX_ONSETS);
    let mut onsets: Vec<NaiveDateTime> =
        expanded.events.iter().map(|occurrence| occurrence.start.naive_utc()).chain(rdates).collect();
    onsets.sort_unstable();
    onsets.dedup();
    onsets
}
