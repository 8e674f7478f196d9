//! Talking points: what to bring to the conversation, drawn from the evidence — the request's
//! own words, the promise and where it stands, the goal and its last progress, and how this
//! person likes to be approached.

use chrono::{DateTime, Utc};

use super::{Reason, Touches};
use crate::domain::Bundle;
use crate::domain::RecordKind;
use crate::domain::{CultureCategory, Direction, GoalKind};

const MAX_POINTS: usize = 6;
/// Evidence first, but leave room for how to approach them and where we left off.
const MAX_EVIDENCE: usize = 3;

fn day(t: DateTime<Utc>) -> String {
    t.format("%-d %b").to_string()
}

pub fn points(
    b: &Bundle,
    touches: &Touches,
    contact_id: Option<&str>,
    reasons: &[Reason],
    now: DateTime<Utc>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in reasons {
        let Some(e) = &r.evidence else { continue };
        let point = match e.kind {
            RecordKind::Request => b.requests.iter().find(|q| q.id == e.id).map(|q| {
                let state = if q.acknowledged_at.is_some() {
                    "acknowledged, not yet answered"
                } else {
                    "not yet acknowledged"
                };
                format!("They asked on {}: “{}” — {state}.", day(q.received_at), q.text)
            }),
            RecordKind::Promise => b.promises.iter().find(|p| p.id == e.id).map(|p| {
                let whose = if p.direction == Direction::Ours { "Our promise" } else { "Their promise" };
                let when = if p.due_at < now { "was due" } else { "due" };
                format!("{whose}: “{}”, {when} {}.", p.text, day(p.due_at))
            }),
            RecordKind::Goal => b.goals.iter().find(|g| g.id == e.id).map(|g| {
                let last = g
                    .progress
                    .last()
                    .map(|p| format!(" Last progress ({}): {}", day(p.at), p.text))
                    .unwrap_or_default();
                format!("Goal “{}” is {}.{last}", g.title, g.status.as_str().replace('_', " "))
            }),
            RecordKind::Issue => b.issues.iter().find(|i| i.id == e.id).map(|i| {
                let notes = if i.notes.is_empty() { String::new() } else { format!(" Notes: {}", i.notes) };
                format!("Issue “{}” ({}), opened {}.{notes}", i.title, i.severity, day(i.opened_at))
            }),
            RecordKind::Meeting => b.meetings.iter().find(|m| m.id == e.id).map(|m| {
                let agenda = if m.agenda.is_empty() {
                    "no agenda yet — propose one".to_string()
                } else {
                    m.agenda.clone()
                };
                format!("Meeting “{}”: {agenda}", m.title)
            }),
            _ => None,
        };
        out.extend(point);
        if out.len() == MAX_EVIDENCE {
            break;
        }
    }
    // How to approach them: notes about this person first, then the account's ways of working.
    let personal =
        b.culture_notes.iter().filter(|n| n.contact_id.is_some() && n.contact_id.as_deref() == contact_id);
    let general = b.culture_notes.iter().filter(|n| {
        n.contact_id.is_none()
            && matches!(n.category, CultureCategory::Communication | CultureCategory::Etiquette)
    });
    for n in personal.chain(general).take(2) {
        out.push(format!("How to approach: {}", n.text));
    }
    if let Some(id) = contact_id
        && let Some(g) =
            b.goals.iter().find(|g| g.kind == GoalKind::Personal && g.contact_id.as_deref() == Some(id))
    {
        out.push(format!("What they want for themselves: {}.", g.title));
    }
    let last = match contact_id {
        Some(c) => touches.last_with.get(c),
        None => touches.last.as_ref(),
    };
    if let Some((at, id)) = last
        && let Some(summary) = touches.summaries.get(id)
    {
        out.push(format!("Last time ({}): {summary}", day(*at)));
    }
    out.dedup();
    out.truncate(MAX_POINTS);
    out
}
