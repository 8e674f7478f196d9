//! `meeting_prep`: a meeting starts within two days — read its brief.

use chrono::{DateTime, Duration, Utc};

use super::{About, Clock, Found, View, hours, span};
use crate::domain::RecordKind;
use crate::engine::checkins::{Reason, ReasonCode};

/// How much it matters before urgency and tier, its name in the ranking's sentence, and when it
/// is worth a notification (worth interrupting for in its last hour).
pub(super) const ABOUT: About =
    About { weight: 7.0, short: "a meeting coming up", notify, clock: Clock::Client };

fn notify(r: &Reason, now: DateTime<Utc>) -> bool {
    r.due_at - now <= Duration::hours(1)
}

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    for m in &v.b.meetings {
        if m.starts_at > v.now && m.starts_at <= v.now + hours(v.s.meeting_prep_hours) {
            let text = format!(
                "\"{}\" starts in {}. Read the brief and confirm the agenda.",
                m.title,
                span(m.starts_at - v.now)
            );
            View::add(
                out,
                None,
                ReasonCode::MeetingPrep,
                text,
                Some((RecordKind::Meeting, &m.id)),
                m.starts_at,
            );
        }
    }
}
