//! An account's history as one list: every interaction, promise made and kept (or broken),
//! request received and answered, issue opened and resolved, and meeting held — newest first.

use chrono::{DateTime, Utc};

use crate::domain::{
    Interaction, InteractionSource, Issue, Meeting, Promise, PromiseStatus, Request, TimelineEntry,
    TimelineKind,
};

pub struct History<'a> {
    pub interactions: &'a [Interaction],
    pub promises: &'a [Promise],
    pub requests: &'a [Request],
    pub issues: &'a [Issue],
    pub meetings: &'a [Meeting],
}

/// Everything that has happened by `now`, newest first, at most `limit` entries.
pub fn timeline(history: &History<'_>, now: DateTime<Utc>, limit: usize) -> Vec<TimelineEntry> {
    let mut entries: Vec<TimelineEntry> = Vec::new();
    for i in history.interactions {
        let mut e = TimelineEntry::new(i.occurred_at, TimelineKind::Interaction, &i.id, &i.summary);
        e.contact_ids = i.contact_ids.clone();
        e.channel = Some(i.channel);
        e.initiated_by = Some(i.initiated_by);
        e.sentiment = i.sentiment;
        e.strategic = i.strategic;
        e.snippet = i.snippet.clone();
        e.from_mail = i.source == InteractionSource::Mail;
        e.serves = i.serves;
        e.private = i.private;
        entries.push(e);
    }
    for p in history.promises {
        let with = |mut e: TimelineEntry| {
            e.direction = Some(p.direction);
            e.contact_ids = p.contact_id.iter().cloned().collect();
            e
        };
        entries.push(with(TimelineEntry::new(p.made_at, TimelineKind::PromiseMade, &p.id, &p.text)));
        match (p.status, p.completed_at) {
            (PromiseStatus::Kept, Some(done)) => {
                entries.push(with(TimelineEntry::new(done, TimelineKind::PromiseKept, &p.id, &p.text)))
            }
            (PromiseStatus::Broken, _) => entries.push(with(TimelineEntry::new(
                p.due_at.min(p.updated_at),
                TimelineKind::PromiseBroken,
                &p.id,
                &p.text,
            ))),
            _ => {}
        }
    }
    for r in history.requests {
        let who: Vec<_> = r.contact_id.iter().cloned().collect();
        let mut received = TimelineEntry::new(r.received_at, TimelineKind::RequestReceived, &r.id, &r.text);
        received.contact_ids = who.clone();
        entries.push(received);
        if let Some(answered) = r.answered_at {
            let mut e = TimelineEntry::new(answered, TimelineKind::RequestAnswered, &r.id, &r.text);
            e.contact_ids = who;
            entries.push(e);
        }
    }
    for i in history.issues {
        entries.push(TimelineEntry::new(i.opened_at, TimelineKind::IssueOpened, &i.id, &i.title));
        if let Some(resolved) = i.resolved_at {
            entries.push(TimelineEntry::new(resolved, TimelineKind::IssueResolved, &i.id, &i.title));
        }
    }
    for m in history.meetings {
        let mut e = TimelineEntry::new(m.starts_at, TimelineKind::Meeting, &m.id, &m.title);
        e.contact_ids = m.attendee_ids.clone();
        entries.push(e);
    }
    entries.retain(|e| e.at <= now);
    entries.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.record_id.cmp(&a.record_id)));
    entries.truncate(limit);
    entries
}
