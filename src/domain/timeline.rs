//! One entry of an account's history, whatever it records.

use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use super::{Channel, Direction, Id, Initiator};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Interaction,
    PromiseMade,
    PromiseKept,
    PromiseBroken,
    RequestReceived,
    RequestAnswered,
    IssueOpened,
    IssueResolved,
    Meeting,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TimelineEntry {
    pub at: DateTime<Utc>,
    pub kind: TimelineKind,
    /// The interaction, promise, request, issue or meeting this entry is about.
    pub record_id: Id,
    /// What happened, in the user's own words (a summary, the promise, the request...).
    pub text: String,
    pub contact_ids: Vec<Id>,
    pub channel: Option<Channel>,
    pub initiated_by: Option<Initiator>,
    pub direction: Option<Direction>,
    pub sentiment: Option<i8>,
    pub strategic: bool,
    /// For a touch Rapport read from the user's mail: the first words of the message.
    pub snippet: Option<String>,
    /// Whether Rapport logged the touch itself, from the user's mail (not typed).
    pub from_mail: bool,
    /// For a touch: whose goal it served, and whether it is kept out of client documents.
    pub serves: Option<super::Serves>,
    pub private: bool,
}

impl TimelineEntry {
    pub fn new(at: DateTime<Utc>, kind: TimelineKind, record_id: &Id, text: &str) -> TimelineEntry {
        TimelineEntry {
            at,
            kind,
            record_id: record_id.clone(),
            text: text.to_string(),
            contact_ids: Vec::new(),
            channel: None,
            initiated_by: None,
            direction: None,
            sentiment: None,
            strategic: false,
            snippet: None,
            from_mail: false,
            serves: None,
            private: false,
        }
    }
}
