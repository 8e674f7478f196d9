//! `awaiting_their_promise`: a promise of theirs is past due — a gentle nudge.

use super::{Found, View, span};
use crate::domain::RecordKind;
use crate::domain::{Direction, PromiseStatus};
use crate::engine::checkins::ReasonCode;

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    for p in &v.b.promises {
        if p.direction == Direction::Theirs && p.status == PromiseStatus::Open && p.due_at < v.now {
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
