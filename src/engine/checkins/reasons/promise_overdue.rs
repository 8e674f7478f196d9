//! `promise_overdue`: a promise of ours is past due and still open.

use chrono::{DateTime, Utc};

use super::{About, Clock, Found, Settle, View, span};
use crate::domain::Direction;
use crate::domain::RecordKind;
use crate::engine::checkins::{Reason, ReasonCode};

/// How much it matters before urgency and tier, its name in the ranking's sentence, and when it
/// is worth a notification (a promise of ours is late: always worth interrupting for).
pub(super) const ABOUT: About =
    About { weight: 9.0, short: "an overdue promise of ours", notify, clock: Clock::Client };

fn notify(_: &Reason, _: DateTime<Utc>) -> bool {
    true
}

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    for p in &v.b.promises {
        if p.direction == Direction::Ours && p.is_open() && p.due_at < v.now {
            let text = format!(
                "We promised \"{}\" and it is {} late. Tell {} now, apologise, give a new date — and offer something extra.",
                p.text,
                span(v.now - p.due_at),
                v.who(p.contact_id.as_deref())
            );
            View::add(
                out,
                p.contact_id.clone(),
                ReasonCode::PromiseOverdue,
                text,
                Some((RecordKind::Promise, &p.id)),
                p.due_at,
            )
            .settles = Some(Settle::KeepPromise);
        }
    }
}
