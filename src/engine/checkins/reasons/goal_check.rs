//! `goal_check`: an open goal whose target date is near, or that has had no progress for weeks.

use chrono::{DateTime, Utc};

use super::{About, Clock, Found, View, days, never, span};
use crate::domain::GoalKind;
use crate::domain::RecordKind;
use crate::engine::checkins::ReasonCode;

/// How much it matters before urgency and tier, and its name in the ranking's sentence; never
/// worth a notification.
pub(super) const ABOUT: About =
    About { weight: 4.0, short: "a goal to check on", notify: never, clock: Clock::Proactive };

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    for g in v.b.goals.iter().filter(|g| !g.status.is_closed()) {
        let target: Option<DateTime<Utc>> =
            g.target_date.and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc());
        let last_progress = g.progress.iter().map(|p| p.at).max().unwrap_or(g.created_at);
        let whose = match (g.kind, g.contact_id.as_deref()) {
            (GoalKind::Personal, Some(id)) if v.contact(id).is_some() => {
                format!("{}'s own goal", v.who(Some(id)))
            }
            (GoalKind::Personal, _) => "A personal goal".into(),
            (GoalKind::Company, _) => "Their goal".into(),
            (GoalKind::Ours, _) => "Our goal for the account".into(),
            (GoalKind::OurCompany, _) => "Our company's goal".into(),
        };
        if let Some(target) = target.filter(|t| *t <= v.now + days(v.s.goal_target_days)) {
            let when = if target >= v.now {
                format!("is due in {}", span(target - v.now))
            } else {
                format!("was due {} ago", span(v.now - target))
            };
            let text = format!("{whose} \"{}\" {when}. Ask how it stands and what would help.", g.title);
            View::add(
                out,
                g.contact_id.clone(),
                ReasonCode::GoalCheck,
                text,
                Some((RecordKind::Goal, &g.id)),
                target,
            );
        } else if v.now - last_progress >= days(v.s.goal_stale_days) {
            let text = format!(
                "{whose} \"{}\" has had no recorded progress for {}. Ask how it is going.",
                g.title,
                span(v.now - last_progress)
            );
            View::add(
                out,
                g.contact_id.clone(),
                ReasonCode::GoalCheck,
                text,
                Some((RecordKind::Goal, &g.id)),
                last_progress + days(v.s.goal_stale_days),
            );
        }
    }
}
