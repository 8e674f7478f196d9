//! "If they left": the account as it would be without one person — who is still in touch with
//! us, which goals, promises and requests would lose their owner, which gaps would open, and the
//! health it would have. Nothing is changed; the answer is a what-if.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use specta::Type;

use super::{Gap, gaps, last_touch};
use crate::domain::{Band, Bundle, GoalKind, GoalStatus, Id, RecordKind, Weights};
use crate::engine::health;

/// Who counts as still in touch: a touch within this many days.
const IN_TOUCH_DAYS: i64 = 90;

/// A record that would lose the person it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Orphan {
    pub kind: RecordKind,
    pub id: Id,
    pub text: String,
}

/// The account without one person.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Without {
    pub contact_id: Id,
    pub name: String,
    /// The others touched in the last 90 days, by name.
    pub still_in_touch: Vec<String>,
    /// Their open goals, promises and requests (and the goals of theirs, which would go).
    pub orphaned: Vec<Orphan>,
    /// The gaps that would open.
    pub gaps_opened: Vec<Gap>,
    pub health_before: Option<u32>,
    pub band_before: Band,
    pub health_after: Option<u32>,
    pub band_after: Band,
    /// All of it in a few sentences.
    pub said: String,
}

/// `b` as it would be without `contact_id`: their touches and meetings keep the others, those
/// with nobody else go; their reports report to whom they reported to; their records have no
/// owner; their own goals go.
fn bundle_without(b: &Bundle, contact_id: &str, manager: Option<&Id>) -> Bundle {
    let mut left = b.clone();
    left.contacts.retain(|c| c.id != contact_id);
    for c in &mut left.contacts {
        if c.reports_to.as_deref() == Some(contact_id) {
            c.reports_to = manager.cloned();
        }
        if c.introduced_by.as_deref() == Some(contact_id) {
            c.introduced_by = None;
        }
    }
    left.interactions.retain_mut(|i| {
        let had = i.contact_ids.len();
        i.contact_ids.retain(|c| c != contact_id);
        had == 0 || !i.contact_ids.is_empty()
    });
    for m in &mut left.meetings {
        m.attendee_ids.retain(|c| c != contact_id);
        if m.organizer_id.as_deref() == Some(contact_id) {
            m.organizer_id = None;
        }
    }
    left.goals.retain(|g| !(g.kind == GoalKind::Personal && g.contact_id.as_deref() == Some(contact_id)));
    let theirs = |owner: &mut Option<Id>| {
        if owner.as_deref() == Some(contact_id) {
            *owner = None;
        }
    };
    left.goals.iter_mut().for_each(|g| theirs(&mut g.contact_id));
    left.promises.iter_mut().for_each(|p| theirs(&mut p.contact_id));
    left.requests.iter_mut().for_each(|r| theirs(&mut r.contact_id));
    left.culture_notes.iter_mut().for_each(|n| theirs(&mut n.contact_id));
    left
}

/// What `b` would be without `contact_id` at `now`; none when they are not one of its people.
pub fn without(b: &Bundle, contact_id: &str, now: DateTime<Utc>, weights: &Weights) -> Option<Without> {
    let person = b.contacts.iter().find(|c| c.id == contact_id)?;
    let left = bundle_without(b, contact_id, person.reports_to.as_ref());
    let live = |id: &str| !b.archived.contains_key(id);
    let owned = |owner: &Option<Id>| owner.as_deref() == Some(contact_id);

    let mut orphaned = Vec::new();
    for g in b.goals.iter().filter(|g| {
        live(&g.id)
            && owned(&g.contact_id)
            && matches!(g.status, GoalStatus::Open | GoalStatus::OnTrack | GoalStatus::AtRisk)
    }) {
        orphaned.push(Orphan { kind: RecordKind::Goal, id: g.id.clone(), text: g.title.clone() });
    }
    for p in b.promises.iter().filter(|p| live(&p.id) && owned(&p.contact_id) && p.is_open()) {
        orphaned.push(Orphan { kind: RecordKind::Promise, id: p.id.clone(), text: p.text.clone() });
    }
    for r in b.requests.iter().filter(|r| live(&r.id) && owned(&r.contact_id) && !r.is_settled()) {
        orphaned.push(Orphan { kind: RecordKind::Request, id: r.id.clone(), text: r.text.clone() });
    }

    let recent = |at: DateTime<Utc>| now - at <= Duration::days(IN_TOUCH_DAYS) && at <= now;
    let still_in_touch: Vec<String> = left
        .contacts
        .iter()
        .filter(|c| last_touch(&left, &c.id).is_some_and(|(at, _)| recent(at)))
        .map(|c| c.name.clone())
        .collect();

    let before: HashSet<(super::GapCode, Option<Id>)> =
        gaps(b, now, |id| last_touch(b, id).map(|(at, _)| at))
            .into_iter()
            .map(|g| (g.code, g.contact_id))
            .collect();
    let gaps_opened: Vec<Gap> = gaps(&left, now, |id| last_touch(&left, id).map(|(at, _)| at))
        .into_iter()
        .filter(|g| !before.contains(&(g.code, g.contact_id.clone())))
        .collect();

    let (was, would) = (health::health(b, now, weights), health::health(&left, now, weights));
    let said =
        said(&person.name, &b.account.name, &still_in_touch, &orphaned, &gaps_opened, was.score, would.score);
    Some(Without {
        contact_id: contact_id.to_string(),
        name: person.name.clone(),
        still_in_touch,
        orphaned,
        gaps_opened,
        health_before: was.score,
        band_before: was.band,
        health_after: would.score,
        band_after: would.band,
        said,
    })
}

fn said(
    name: &str,
    account: &str,
    still: &[String],
    orphaned: &[Orphan],
    opened: &[Gap],
    was: Option<u32>,
    would: Option<u32>,
) -> String {
    let mut lines = Vec::new();
    lines.push(match still {
        [] => format!(
            "Without {name}, nobody at {account} would have heard from us in the last {IN_TOUCH_DAYS} days."
        ),
        [one] => format!("Without {name}, only {one} at {account} would still be in touch with us."),
        many => format!(
            "Without {name}, {} people at {account} would still be in touch with us: {}.",
            many.len(),
            many.join(", ")
        ),
    });
    if !orphaned.is_empty() {
        let n = orphaned.len();
        lines.push(format!(
            "{} would lose their owner: {}.",
            if n == 1 {
                "1 open goal, promise or request".to_string()
            } else {
                format!("{n} open goals, promises and requests")
            },
            orphaned.iter().map(|o| format!("\u{201c}{}\u{201d}", o.text)).collect::<Vec<_>>().join(", ")
        ));
    }
    for gap in opened {
        lines.push(gap.text.clone());
    }
    lines.push(match (was, would) {
        (Some(a), Some(b)) if a == b => format!("Health would stay at {a}."),
        (Some(a), Some(b)) => format!("Health would go from {a} to {b}."),
        (None, Some(b)) => format!("Health would be {b}."),
        (Some(a), None) => format!("Health, {a} now, could no longer be told."),
        (None, None) => "Rapport knows too little to tell the health either way.".to_string(),
    });
    lines.join(" ")
}
