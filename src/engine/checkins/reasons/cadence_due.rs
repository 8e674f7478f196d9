//! `cadence_due`: it has been as long as the account's rhythm since the last touch with anyone
//! there — or, for a person with a rhythm of their own, since the last touch with them. Any
//! interaction, on any channel, restarts the clock.

use super::{About, Clock, Found, View, days, never, span};
use crate::domain::RecordKind;
use crate::engine::checkins::ReasonCode;

/// How much it matters before urgency and tier, and its name in the ranking's sentence; never
/// worth a notification.
pub(super) const ABOUT: About =
    About { weight: 3.0, short: "time for a touch", notify: never, clock: Clock::Proactive };

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    if v.paused() {
        return;
    }
    let cadence = v.cadence_days();
    let since = v.last_touch.unwrap_or(v.b.account.created_at);
    if v.now - since >= days(cadence) {
        let text = match v.last_touch {
            Some(_) => format!(
                "No touch with {} for {}; the rhythm is every {cadence} days.",
                v.b.account.name,
                span(v.now - since)
            ),
            None => format!(
                "Nothing has been logged with {} yet; the rhythm is every {cadence} days.",
                v.b.account.name
            ),
        };
        View::add(out, None, ReasonCode::CadenceDue, text, None, since + days(cadence));
    }
    for c in &v.b.contacts {
        let Some(own) = c.cadence_days else { continue };
        let since = v.last_touch_with(&c.id).unwrap_or(c.created_at);
        if v.now - since >= days(own) {
            let text = format!(
                "{} likes to hear from you every {own} days; it has been {}.",
                c.name,
                span(v.now - since)
            );
            View::add(
                out,
                Some(c.id.clone()),
                ReasonCode::CadenceDue,
                text,
                Some((RecordKind::Contact, &c.id)),
                since + days(own),
            );
        }
    }
}
