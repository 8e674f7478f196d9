//! Invitations in the user's mail: a message with a client's person that carries a calendar
//! invitation (a text/calendar part) proposes its meeting in "Rapport noticed". Accepting it
//! reads the invitation the way a calendar import does (`exchange::accept_invitation`), so the
//! meeting is matched by its UID and a later invitation moves it. Replies to an invitation and
//! cancellations propose nothing.

use chrono::{DateTime, Duration, Utc};

use crate::domain::{Noticed, NoticedKind, NoticedSource, NoticedState};
use crate::engine::mail::Kept;
use crate::interop::ical;
use crate::service::new_id;

/// An invitation found in a kept message, with the accounts the message touches.
pub(super) struct Invitation {
    pub(super) kept: Kept,
    pub(super) calendar: String,
}

/// What the iCalendar's METHOD says the message is: only a request (or a plain published
/// event) invites; REPLY, CANCEL, COUNTER and the rest propose nothing.
fn invites(calendar: &str) -> bool {
    let method = calendar
        .lines()
        .find_map(|line| line.trim_end().strip_prefix("METHOD:").map(str::trim))
        .map(str::to_ascii_uppercase);
    matches!(method.as_deref(), None | Some("REQUEST" | "PUBLISH"))
}

/// The meeting an invitation proposes, once per account the message touches: the first
/// occurrence at or after the message was sent (or its only one), its title and start.
pub(super) fn proposals(invitation: &Invitation, now: DateTime<Utc>) -> Vec<Noticed> {
    if !invites(&invitation.calendar) {
        return Vec::new();
    }
    let sent = invitation.kept.occurred_at;
    let read = ical::read(&invitation.calendar, sent - Duration::days(1), sent + Duration::days(400));
    let mut events = read.records;
    events.sort_by_key(|e| e.starts_at);
    let Some(event) = events.iter().find(|e| e.starts_at >= sent).or_else(|| events.first()) else {
        return Vec::new();
    };
    let text = match &event.series {
        Some(series) => format!("{} (repeats {})", event.title, series.repeats),
        None => event.title.clone(),
    };
    invitation
        .kept
        .accounts
        .iter()
        .map(|touching| Noticed {
            id: new_id(now),
            kind: NoticedKind::Meeting,
            account_id: touching.account_id.clone(),
            account: touching.account.clone(),
            contact_id: None,
            contact: None,
            text: text.clone(),
            due_at: Some(event.starts_at),
            email: None,
            name: None,
            acknowledged_at: None,
            answered_at: None,
            source: NoticedSource {
                message_id: Some(invitation.kept.message_id.clone()),
                subject: invitation.kept.summary.clone(),
                sent_at: sent,
            },
            state: NoticedState::Open,
            created_at: now,
            calendar: Some(invitation.calendar.clone()),
        })
        .collect()
}
