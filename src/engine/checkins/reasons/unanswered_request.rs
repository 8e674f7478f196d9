//! `unanswered_request`: no acknowledgement after an hour, or the 24-hour answer clock about to
//! run out (or already out).

use chrono::{DateTime, Utc};

use super::{About, Clock, Found, Settle, View, hours, span};
use crate::domain::RecordKind;
use crate::engine::checkins::{Reason, ReasonCode};

/// How much it matters before urgency and tier, its name in the ranking's sentence, and when it
/// is worth a notification (a request waits: always worth interrupting for).
pub(super) const ABOUT: About =
    About { weight: 10.0, short: "an unanswered request", notify, clock: Clock::Client };

fn notify(_: &Reason, _: DateTime<Utc>) -> bool {
    true
}

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    for r in v.b.requests.iter().filter(|r| !r.is_settled() && r.received_at <= v.now) {
        let ack_due = r.received_at + hours(v.s.request_ack_hours);
        let answer_due = r.received_at + hours(v.s.request_answer_hours);
        let who = v.who(r.contact_id.as_deref());
        let text = if answer_due <= v.now {
            format!(
                "{who} has waited {} for an answer; the {} h promise is broken. Answer now and apologise.",
                span(v.now - r.received_at),
                v.s.request_answer_hours
            )
        } else if answer_due - v.now <= hours(v.s.request_warning_hours) {
            format!("{who}'s request must be answered within {}.", span(answer_due - v.now))
        } else if r.acknowledged_at.is_none() && ack_due <= v.now {
            format!(
                "{who}'s request has not been acknowledged for {}. Let them know you are on it.",
                span(v.now - r.received_at)
            )
        } else {
            continue;
        };
        let acknowledging = r.acknowledged_at.is_none()
            && ack_due <= v.now
            && answer_due > v.now + hours(v.s.request_warning_hours);
        let (due, settle) = if acknowledging {
            (ack_due, Settle::AcknowledgeRequest)
        } else {
            (answer_due, Settle::AnswerRequest)
        };
        View::add(
            out,
            r.contact_id.clone(),
            ReasonCode::UnansweredRequest,
            text,
            Some((RecordKind::Request, &r.id)),
            due,
        )
        .settles = Some(settle);
    }
}
