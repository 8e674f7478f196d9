//! `awaiting_their_promise`: a promise of theirs is past due — a gentle nudge.

use super::{About, Clock, Found, View, never, span};
use crate::domain::Direction;
use crate::domain::RecordKind;
use crate::engine::checkins::ReasonCode;

/// How much it matters before urgency and tier, and its name in the ranking's sentence; never
/// worth a notification.
pub(super) const ABOUT: About =
    About { weight: 4.0, short: "a promise of theirs past due", notify: never, clock: Clock::Proactive };

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    for p in &v.b.promises {
        if p.direction == Direction::Theirs && p.is_open() && p.due_at < v.now {
            let text = format!(
                "{} promised \"{}\", now {} past due. A friendly nudge, with an offer to help.",
                v.who(p.contact_id.as_deref()),
                p.text,
                span(v.now - p.due_at)
            );
            View::add(
                out,
                p.contact_id.clone(),
                ReasonCode::AwaitingTheirPromise,
                text,
                Some((RecordKind::Promise, &p.id)),
                p.due_at,
            );
        }
    }
}
