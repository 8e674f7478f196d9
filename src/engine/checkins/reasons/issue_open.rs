//! `issue_open`: an issue nobody has acknowledged, or one still open with no touch for days.

use chrono::{DateTime, Utc};

use super::{About, Clock, Found, Settle, View, days, span};
use crate::domain::RecordKind;
use crate::engine::checkins::{Reason, ReasonCode};

/// How much it matters before urgency and tier, its name in the ranking's sentence, and when it
/// is worth a notification (worth interrupting for while nobody has acknowledged it). An issue
/// the client has been told about and not heard of since is a touch to make, not a breach.
pub(super) const ABOUT: About = About { weight: 8.0, short: "an open issue", notify, clock: Clock::Client };

fn notify(r: &Reason, _now: DateTime<Utc>) -> bool {
    r.clock == Clock::Client
}

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    for i in v.b.issues.iter().filter(|i| i.resolved_at.is_none() && i.opened_at <= v.now) {
        if i.acknowledged_at.is_none() {
            let text = format!(
                "\"{}\" ({}) has not been acknowledged to the client. Own it now and say what happens next.",
                i.title, i.severity
            );
            View::add(
                out,
                None,
                ReasonCode::IssueOpen,
                text,
                Some((RecordKind::Issue, &i.id)),
                i.opened_at,
            )
            .settles = Some(Settle::AcknowledgeIssue);
            continue;
        }
        // Quiet since they last heard from us: the last touch, or the acknowledgement itself.
        let told = i.acknowledged_at.unwrap_or(i.opened_at).max(i.opened_at);
        let quiet_since = v.last_touch.map_or(told, |t| t.max(told));
        if v.now - quiet_since >= days(v.s.issue_quiet_days) {
            let text = format!(
                "\"{}\" is still open and they have heard nothing for {}. Give them an update.",
                i.title,
                span(v.now - quiet_since)
            );
            View::add_on(
                out,
                Clock::Proactive,
                None,
                ReasonCode::IssueOpen,
                text,
                Some((RecordKind::Issue, &i.id)),
                quiet_since + days(v.s.issue_quiet_days),
            );
        }
    }
}
