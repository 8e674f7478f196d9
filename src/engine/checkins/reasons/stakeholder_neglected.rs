//! `stakeholder_neglected`: someone untouched for two cadences while the account is otherwise
//! active — everyone counts, not only the sponsor.

use super::{About, Clock, Found, View, days, never, span};
use crate::domain::RecordKind;
use crate::engine::checkins::ReasonCode;

/// How much it matters before urgency and tier, and its name in the ranking's sentence; never
/// worth a notification.
pub(super) const ABOUT: About =
    About { weight: 2.0, short: "a neglected stakeholder", notify: never, clock: Clock::Proactive };

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    if v.paused() {
        return;
    }
    let Some(last) = v.last_touch else { return };
    if v.now - last >= days(v.cadence_days()) {
        return; // the whole account is quiet: cadence_due says so
    }
    for c in &v.b.contacts {
        let cadence = c.cadence_days.unwrap_or_else(|| v.cadence_days());
        let since = v.last_touch_with(&c.id).unwrap_or(c.created_at);
        let limit = days(cadence * v.s.stakeholder_cadences);
        if v.now - since >= limit {
            let text = match v.last_touch_with(&c.id) {
                Some(_) => format!(
                    "{} ({}) has not heard from you for {} while others at the account have.",
                    c.name,
                    c.level,
                    span(v.now - since)
                ),
                None => format!("{} ({}) has never been contacted. Introduce yourself.", c.name, c.level),
            };
            View::add(
                out,
                Some(c.id.clone()),
                ReasonCode::StakeholderNeglected,
                text,
                Some((RecordKind::Contact, &c.id)),
                since + limit,
            );
        }
    }
}
