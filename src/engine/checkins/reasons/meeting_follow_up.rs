//! `meeting_follow_up`: a meeting ended recently and no recap has been logged since.

use super::{About, Clock, Found, View, days, never, span};
use crate::domain::RecordKind;
use crate::engine::checkins::ReasonCode;

/// How much it matters before urgency and tier, and its name in the ranking's sentence; never
/// worth a notification.
pub(super) const ABOUT: About =
    About { weight: 6.0, short: "a meeting without a recap", notify: never, clock: Clock::Client };

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    for m in &v.b.meetings {
        let recent = m.ends_at <= v.now && m.ends_at >= v.now - days(v.s.meeting_follow_up_days);
        // A touch after the meeting began is its recap; the touch a calendar makes of the
        // meeting itself sits at its start, and is not one.
        let recapped = v.last_touch.is_some_and(|last| last > m.starts_at);
        if recent && !recapped {
            let text = format!(
                "\"{}\" ended {} ago with no recap. Send the notes and the agreed next steps.",
                m.title,
                span(v.now - m.ends_at)
            );
            View::add(
                out,
                None,
                ReasonCode::MeetingFollowUp,
                text,
                Some((RecordKind::Meeting, &m.id)),
                m.ends_at,
            );
        }
    }
}
