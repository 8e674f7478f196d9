//! `issue_open`: an issue nobody has acknowledged, or one still open with no touch for days.

use chrono::{DateTime, Utc};

use super::{About, Found, View, days, span};
use crate::domain::RecordKind;
use crate::engine::checkins::{Reason, ReasonCode};

/// How much it matters before urgency and tier, its name in the ranking's sentence, and when it
/// is worth a notification (worth interrupting for while nobody has acknowledged it).
pub(super) const ABOUT: About = About { weight: 8.0, short: "an open issue", notify };

fn notify(r: &Reason, _now: DateTime<Utc>) -> bool {
    r.text.contains("not been acknowledged")
}

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    for i in v.b.issues.iter().filter(|i| i.resolved_at.is_none() && i.opened_at <= v.now) {
        if i.acknowledged_at.is_none() {
            let text = format!(
                "\"{}\" ({}) has not been acknowledged to the client. Own it now and say what happens next.",
                i.title, i.severity
            );
            View::add(out, None, ReasonCode::IssueOpen, text, Some((RecordKind::Issue, &i.id)), i.opened_at);
            continue;
        }
        let quiet_since = v.last_touch.unwrap_or(i.opened_at).max(i.opened_at);
        if v.now - quiet_since >= days(v.s.issue_quiet_days) {
            let text = format!(
                "\"{}\" is still open and they have heard nothing for {}. Give them an update.",
                i.title,
                span(v.now - quiet_since)
            );
            View::add(
                out,
                None,
                ReasonCode::IssueOpen,
                text,
                Some((RecordKind::Issue, &i.id)),
                quiet_since + days(v.s.issue_quiet_days),
            );
        }
    }
}
