//! `issue_follow_up`: an issue resolved a few days ago and never followed up — check the fix held.

use super::{About, Clock, Found, View, days, never, span};
use crate::domain::RecordKind;
use crate::engine::checkins::ReasonCode;

/// How much it matters before urgency and tier, and its name in the ranking's sentence; never
/// worth a notification.
pub(super) const ABOUT: About =
    About { weight: 5.0, short: "an issue to follow up", notify: never, clock: Clock::Proactive };

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    for i in v.b.issues.iter().filter(|i| i.followed_up_at.is_none()) {
        let Some(resolved) = i.resolved_at else { continue };
        let age = v.now - resolved;
        if age >= days(v.s.issue_follow_up_after_days) && age <= days(v.s.issue_follow_up_until_days) {
            let text = format!(
                "\"{}\" was resolved {} ago. Check the fix held — it is how mistakes are forgiven.",
                i.title,
                span(age)
            );
            View::add(
                out,
                None,
                ReasonCode::IssueFollowUp,
                text,
                Some((RecordKind::Issue, &i.id)),
                resolved + days(v.s.issue_follow_up_after_days),
            );
        }
    }
}
