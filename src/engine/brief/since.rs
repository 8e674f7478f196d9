//! "Since you last met": the last meeting held before this one with any of the same people (for
//! a brief without a meeting, the last meeting with the account), and what changed since it
//! began — promises kept or come due either way, requests received or answered, issues opened
//! or resolved, progress recorded on a goal. Pure and deterministic given `now`: nothing after
//! `now` counts as changed, and ties fall to the record's id.

use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use super::{BriefPromise, name, promise};
use crate::domain::{Bundle, GoalKind, GoalStatus, Id, Meeting, PromiseStatus, Severity};

/// What changed since the last meeting with these people.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SinceLastMet {
    /// The last meeting held before this one with any of its people (without a meeting, or
    /// with nobody recorded as attending it: the last with the account); none when Rapport
    /// knows of no earlier one. Without it, every list below is empty.
    pub last: Option<LastMet>,
    /// Promises kept since it, both ways, in the order they were kept.
    pub kept: Vec<BriefPromise>,
    /// Promises still open, both ways, that fell due since it or fall due by this meeting
    /// (without a meeting: by now), soonest first.
    pub due: Vec<BriefPromise>,
    /// Requests received since it, or received earlier and answered since, oldest first.
    pub requests: Vec<SinceRequest>,
    /// Issues opened since it, or opened earlier and resolved since, oldest first.
    pub issues: Vec<SinceIssue>,
    /// Progress recorded on a goal (not dropped) since it, oldest first.
    pub progress: Vec<SinceProgress>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct LastMet {
    pub id: Id,
    pub title: String,
    pub starts_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SinceRequest {
    pub text: String,
    pub from: Option<String>,
    pub received_at: DateTime<Utc>,
    /// When it was answered (or resolved), if it was by now.
    pub answered_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SinceIssue {
    pub title: String,
    pub severity: Severity,
    pub opened_at: DateTime<Utc>,
    /// When it was resolved, if it was by now.
    pub resolved_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SinceProgress {
    pub goal: String,
    pub kind: GoalKind,
    pub text: String,
    pub at: DateTime<Utc>,
}

/// The last meeting held (ended by `now`) before `meeting` that shares one of its attendees —
/// any meeting of the account when it has none recorded, or when there is no meeting.
pub fn last_met<'a>(
    meetings: &'a [Meeting],
    meeting: Option<&Meeting>,
    now: DateTime<Utc>,
) -> Option<&'a Meeting> {
    meetings
        .iter()
        .filter(|o| o.ends_at <= now)
        .filter(|o| match meeting {
            None => true,
            Some(m) => {
                o.id != m.id
                    && o.starts_at < m.starts_at
                    && (m.attendee_ids.is_empty()
                        || o.attendee_ids.iter().any(|a| m.attendee_ids.contains(a)))
            }
        })
        .max_by_key(|o| (o.starts_at, o.id.clone()))
}

/// What changed in `b` between `last`'s start and `now`; promises come due up to `by`.
pub fn since_last_met(
    b: &Bundle,
    last: Option<&Meeting>,
    by: DateTime<Utc>,
    now: DateTime<Utc>,
) -> SinceLastMet {
    let Some(last) = last else {
        return SinceLastMet {
            last: None,
            kept: Vec::new(),
            due: Vec::new(),
            requests: Vec::new(),
            issues: Vec::new(),
            progress: Vec::new(),
        };
    };
    let from = last.starts_at;
    let since = |at: DateTime<Utc>| at >= from && at <= now;

    let mut kept: Vec<_> = b
        .promises
        .iter()
        .filter(|p| p.status == PromiseStatus::Kept && p.completed_at.is_some_and(since))
        .collect();
    kept.sort_by_key(|p| (p.completed_at, p.id.clone()));
    let mut due: Vec<_> =
        b.promises.iter().filter(|p| p.is_open() && p.due_at >= from && p.due_at <= by).collect();
    due.sort_by_key(|p| (p.due_at, p.id.clone()));

    let answered = |r: &crate::domain::Request| r.answered_at.or(r.resolved_at).filter(|at| *at <= now);
    let mut requests: Vec<_> =
        b.requests.iter().filter(|r| since(r.received_at) || answered(r).is_some_and(since)).collect();
    requests.sort_by_key(|r| (r.received_at, r.id.clone()));

    let resolved = |i: &crate::domain::Issue| i.resolved_at.filter(|at| *at <= now);
    let mut issues: Vec<_> =
        b.issues.iter().filter(|i| since(i.opened_at) || resolved(i).is_some_and(since)).collect();
    issues.sort_by_key(|i| (i.opened_at, i.id.clone()));

    let mut progress: Vec<SinceProgress> = b
        .goals
        .iter()
        .filter(|g| g.status != GoalStatus::Dropped)
        .flat_map(|g| {
            g.progress.iter().filter(|p| since(p.at)).map(|p| SinceProgress {
                goal: g.title.clone(),
                kind: g.kind,
                text: p.text.clone(),
                at: p.at,
            })
        })
        .collect();
    progress.sort_by(|x, y| (x.at, &x.goal, &x.text).cmp(&(y.at, &y.goal, &y.text)));

    SinceLastMet {
        last: Some(LastMet { id: last.id.clone(), title: last.title.clone(), starts_at: last.starts_at }),
        kept: kept.into_iter().map(|p| promise(b, p, now)).collect(),
        due: due.into_iter().map(|p| promise(b, p, now)).collect(),
        requests: requests
            .into_iter()
            .map(|r| SinceRequest {
                text: r.text.clone(),
                from: name(b, r.contact_id.as_deref()),
                received_at: r.received_at,
                answered_at: answered(r),
            })
            .collect(),
        issues: issues
            .into_iter()
            .map(|i| SinceIssue {
                title: i.title.clone(),
                severity: i.severity,
                opened_at: i.opened_at,
                resolved_at: resolved(i),
            })
            .collect(),
        progress,
    }
}
