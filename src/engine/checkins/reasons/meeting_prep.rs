//! `meeting_prep`: a meeting starts within two days — read its brief.

use super::{Found, View, hours, span};
use crate::domain::RecordKind;
use crate::engine::checkins::ReasonCode;

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
