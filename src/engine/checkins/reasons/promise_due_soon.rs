//! `promise_due_soon`: a promise of ours falls due within days — send a status update first.

use chrono::{DateTime, Duration, Utc};

use super::{About, Clock, Found, Settle, View, days, span};
use crate::domain::Direction;
use crate::domain::RecordKind;
use crate::engine::checkins::{Reason, ReasonCode};

/// How much it matters before urgency and tier, its name in the ranking's sentence, and when it
/// is worth a notification (worth interrupting for on its last day).
pub(super) const ABOUT: About =
    About { weight: 6.0, short: "a promise of ours falling due", notify, clock: Clock::Client };

fn notify(r: &Reason, now: DateTime<Utc>) -> bool {
    r.due_at - now <= Duration::hours(24)
}

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    for p in &v.b.promises {
        let open = p.direction == Direction::Ours && p.is_open();
        if open && p.due_at >= v.now && p.due_at <= v.now + days(v.s.promise_due_soon_days) {
            let text = format!(
                "\"{}\" is due in {}. Send {} a status update before they ask; if it will be late, say so now.",
                p.text,
                span(p.due_at - v.now),
                v.who(p.contact_id.as_deref())
            );
            View::add(
                out,
                p.contact_id.clone(),
                ReasonCode::PromiseDueSoon,
                text,
                Some((RecordKind::Promise, &p.id)),
                p.due_at,
            )
            .settles = Some(Settle::KeepPromise);
        }
    }
}
