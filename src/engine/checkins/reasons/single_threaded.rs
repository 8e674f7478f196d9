//! `single_threaded`: every recent touch went to the same person at an account with several —
//! the relationship hangs on one thread.

use chrono::{DateTime, Utc};
use std::collections::HashSet;

use super::{About, Clock, Found, View, days, never};
use crate::engine::checkins::ReasonCode;

/// How much it matters before urgency and tier, and its name in the ranking's sentence; never
/// worth a notification.
pub(super) const ABOUT: About = About {
    weight: 2.0,
    short: "a relationship hanging on one person",
    notify: never,
    clock: Clock::Proactive,
};

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    if v.paused() || v.b.contacts.len() < v.s.single_threaded_min_contacts as usize {
        return;
    }
    let window = days(v.s.single_threaded_days);
    let recent = |t: DateTime<Utc>| v.now - t <= window;
    if !v.last_touch.is_some_and(recent) {
        return;
    }
    let people: HashSet<&str> =
        v.b.contacts
            .iter()
            .filter(|c| v.last_touch_with(&c.id).is_some_and(recent))
            .map(|c| c.id.as_str())
            .collect();
    if people.len() != 1 {
        return;
    }
    let only = people.into_iter().next().map(|id| v.who(Some(id))).unwrap_or_default();
    let text = format!(
        "Every touch in the last {} days went to {only}, at an account of {} people. Widen the relationship before it depends on one person.",
        v.s.single_threaded_days,
        v.b.contacts.len()
    );
    // Not urgent, but worth acting on this week.
    View::add(out, None, ReasonCode::SingleThreaded, text, None, v.now + days(7));
}
