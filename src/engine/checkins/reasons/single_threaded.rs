//! `single_threaded`: every recent touch went to the same person at an account with several —
//! the relationship hangs on one thread.

use std::collections::HashSet;

use super::{Found, View, days};
use crate::engine::checkins::ReasonCode;

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    if v.paused() || v.b.contacts.len() < v.s.single_threaded_min_contacts as usize {
        return;
    }
    let window = days(v.s.single_threaded_days);
    let recent: Vec<_> =
        v.b.interactions
            .iter()
            .filter(|i| i.occurred_at <= v.now && v.now - i.occurred_at <= window)
            .collect();
    let people: HashSet<&str> =
        recent.iter().flat_map(|i| i.contact_ids.iter().map(String::as_str)).collect();
    if recent.is_empty() || people.len() != 1 {
        return;
    }
    let only = people.into_iter().next().map(|id| v.who(Some(id))).unwrap_or_default();
    let since = recent.iter().map(|i| i.occurred_at).min().unwrap_or(v.now);
    let text = format!(
        "Every touch in the last {} days went to {only}, at an account of {} people. Widen the relationship before it depends on one person.",
        v.s.single_threaded_days,
        v.b.contacts.len()
    );
    View::add(out, None, ReasonCode::SingleThreaded, text, None, since + window);
}
