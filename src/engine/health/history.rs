//! Health over time: the daily snapshot, the rebuilt snapshot for a day Rapport did not run,
//! the trend, and what changed since a baseline. Pure, like the rest of the engine.
//!
//! A day can only be rebuilt honestly from what carries a date: touches, when promises were
//! made and kept, when requests were acknowledged and answered, when issues were opened and
//! resolved, when goals and notes were written down. What carries no date (a goal's status, a
//! person's preferred channel) is taken as it is now, and the snapshot says it was rebuilt.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::Serialize;
use specta::Type;

use super::{Band, Health, Weights, health};
use crate::domain::Bundle;
use crate::domain::PromiseStatus;
pub use crate::domain::{Baseline, BaselineComponent, COMPONENTS, ComponentScore, Snapshot, TrendPoint};

impl Snapshot {
    pub fn of(h: &Health, day: NaiveDate, reconstructed: bool) -> Snapshot {
        let components = COMPONENTS
            .iter()
            .map(|name| ComponentScore {
                name: (*name).into(),
                score: h.components.iter().find(|c| c.name == *name).and_then(|c| c.score),
            })
            .collect();
        Snapshot {
            day,
            score: h.score,
            band: h.band,
            level: h.advisor_level.level,
            components,
            reconstructed,
        }
    }
}

/// The moment a past day is judged at: its last second.
pub fn end_of(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or_default()).and_utc()
}

/// The portfolio as it stood at `t`, as far as its dates tell: records written later are
/// left out, and outcomes that came later are undone.
pub fn as_of(b: &Bundle, t: DateTime<Utc>) -> Bundle {
    let mut past = b.clone();
    rewind(&mut past, t);
    past.interactions.retain(|i| i.occurred_at <= t);
    past.meetings.retain(|m| m.created_at <= t);
    past
}

/// Takes `past` back to `t`, in place, for every record but the touches and meetings: the
/// health components already ignore touches after their `now`, so the history — by far the
/// largest part — is left alone. Rewinding is monotonic, so many days are rebuilt newest first
/// from one copy.
fn rewind(past: &mut Bundle, t: DateTime<Utc>) {
    past.contacts.retain(|c| c.created_at <= t);
    past.culture_notes.retain(|n| n.created_at <= t);
    past.goals.retain(|g| g.created_at <= t);
    past.goals.iter_mut().for_each(|g| g.progress.retain(|p| p.at <= t));
    past.promises.retain(|p| p.made_at <= t);
    for p in &mut past.promises {
        if p.completed_at.is_some_and(|done| done > t) {
            p.completed_at = None;
            p.status = PromiseStatus::Open;
        }
    }
    past.requests.retain(|r| r.received_at <= t);
    for r in &mut past.requests {
        r.acknowledged_at = r.acknowledged_at.filter(|a| *a <= t);
        r.answered_at = r.answered_at.filter(|a| *a <= t);
        r.resolved_at = r.resolved_at.filter(|a| *a <= t);
    }
    past.issues.retain(|i| i.opened_at <= t);
    for i in &mut past.issues {
        i.acknowledged_at = i.acknowledged_at.filter(|a| *a <= t);
        i.resolved_at = i.resolved_at.filter(|a| *a <= t);
        i.followed_up_at = i.followed_up_at.filter(|a| *a <= t);
    }
}

/// The snapshot Rapport would have taken at the end of `day`, had it run; `None` for a day
/// before the account was recorded, when there is nothing honest to say.
pub fn rebuild(b: &Bundle, day: NaiveDate, weights: &Weights) -> Option<Snapshot> {
    backfill_days(b, vec![day], weights).pop()
}

fn backfill_days(b: &Bundle, mut days: Vec<NaiveDate>, weights: &Weights) -> Vec<Snapshot> {
    let first = b.interactions.iter().map(|i| i.occurred_at).min().unwrap_or(b.account.created_at);
    let began = b.account.created_at.min(first);
    days.retain(|day| end_of(*day) >= began);
    days.sort_unstable_by(|a, b| b.cmp(a));
    let mut past = b.clone();
    days.into_iter()
        .map(|day| {
            let t = end_of(day);
            rewind(&mut past, t);
            Snapshot::of(&health(&past, t, weights), day, true)
        })
        .collect()
}

impl From<&Snapshot> for TrendPoint {
    fn from(s: &Snapshot) -> TrendPoint {
        TrendPoint { day: s.day, score: s.score, reconstructed: s.reconstructed }
    }
}

/// The score over the last 90 days, and how far it moved over 30 and 90 days.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Trend {
    /// Oldest first; today's point is the live score.
    pub points: Vec<TrendPoint>,
    /// Points gained (or lost, negative) since 30 days ago; absent without a score then and now.
    pub change_30: Option<i32>,
    pub change_90: Option<i32>,
}

/// The snapshot of `day`, or of the nearest earlier day within a week when that one is missing.
pub fn snapshot_near(history: &[Snapshot], day: NaiveDate) -> Option<&Snapshot> {
    history.iter().rev().find(|s| s.day <= day && day - s.day <= Duration::days(7))
}

/// `history`: the account's daily scores, oldest first; today's is replaced by `current`.
pub fn trend(history: &[TrendPoint], today: NaiveDate, current: Option<u32>) -> Trend {
    let from = today - Duration::days(90);
    let mut points: Vec<TrendPoint> =
        history.iter().filter(|p| p.day >= from && p.day < today).cloned().collect();
    points.push(TrendPoint { day: today, score: current, reconstructed: false });
    let change = |days: i64| {
        let day = today - Duration::days(days);
        let then = history.iter().rev().find(|p| p.day <= day && day - p.day <= Duration::days(7))?.score?;
        Some(current? as i32 - then as i32)
    };
    Trend { points, change_30: change(30), change_90: change(90) }
}

impl Baseline {
    pub fn of(h: &Health) -> Baseline {
        Baseline {
            score: h.score,
            band: h.band,
            level: h.advisor_level.level,
            components: h
                .components
                .iter()
                .map(|c| BaselineComponent {
                    name: c.name.clone(),
                    score: c.score,
                    evidence: c.evidence.clone(),
                })
                .collect(),
            penalties: h.penalties.iter().map(|p| p.reason.clone()).collect(),
        }
    }

    /// A day's snapshot as a baseline, for an account never reviewed: it has no evidence.
    pub fn from_snapshot(s: &Snapshot) -> Baseline {
        Baseline {
            score: s.score,
            band: s.band,
            level: s.level,
            components: s
                .components
                .iter()
                .map(|c| BaselineComponent { name: c.name.clone(), score: c.score, evidence: String::new() })
                .collect(),
            penalties: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ComponentChange {
    pub name: String,
    pub before: Option<u32>,
    pub after: Option<u32>,
    /// The evidence then, when the baseline is a review; empty otherwise.
    pub was: String,
    /// The evidence now.
    pub now: String,
}

/// What changed since the baseline, component by component.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Changes {
    pub since: DateTime<Utc>,
    /// True when the baseline is the user's last review; false when the account was never
    /// reviewed and the baseline is its health 30 days ago.
    pub since_review: bool,
    pub score_before: Option<u32>,
    pub band_before: Band,
    pub level_before: u32,
    /// Only the components that moved, the largest move first.
    pub components: Vec<ComponentChange>,
    pub new_penalties: Vec<String>,
    pub gone_penalties: Vec<String>,
}

pub fn changes(base: &Baseline, since: DateTime<Utc>, since_review: bool, now: &Health) -> Changes {
    let mut moved: Vec<ComponentChange> = now
        .components
        .iter()
        .filter_map(|c| {
            let before = base.components.iter().find(|b| b.name == c.name);
            let was = before.map(|b| b.score).unwrap_or(None);
            (was != c.score).then(|| ComponentChange {
                name: c.name.clone(),
                before: was,
                after: c.score,
                was: before.map(|b| b.evidence.clone()).unwrap_or_default(),
                now: c.evidence.clone(),
            })
        })
        .collect();
    let size = |c: &ComponentChange| match (c.before, c.after) {
        (Some(a), Some(b)) => a.abs_diff(b),
        _ => 101,
    };
    moved.sort_by_key(|c| std::cmp::Reverse(size(c)));
    let reasons: Vec<&String> = now.penalties.iter().map(|p| &p.reason).collect();
    Changes {
        since,
        since_review,
        score_before: base.score,
        band_before: base.band,
        level_before: base.level,
        components: moved,
        new_penalties: if since_review {
            reasons.iter().filter(|r| !base.penalties.contains(r)).map(|r| (*r).clone()).collect()
        } else {
            Vec::new()
        },
        gone_penalties: base.penalties.iter().filter(|p| !reasons.contains(p)).cloned().collect(),
    }
}

/// The days of the last 90 before `today` that `have` lacks: the ones [`backfill`] rebuilds.
pub fn missing_days(have: &[NaiveDate], today: NaiveDate) -> Vec<NaiveDate> {
    (1..=90).map(|n| today - Duration::days(n)).filter(|day| !have.contains(day)).collect()
}

/// The snapshots missing from the last 90 days before `today`, rebuilt; `have` lists the
/// days already stored for this account.
pub fn backfill(b: &Bundle, have: &[NaiveDate], today: NaiveDate, weights: &Weights) -> Vec<Snapshot> {
    let missing = missing_days(have, today);
    if missing.is_empty() {
        return Vec::new();
    }
    backfill_days(b, missing, weights)
}
