//! Requests: what the client asked of us, with the two clocks a good account manager keeps —
//! acknowledged within an hour, answered within a day.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Id, validate};
use crate::error::{Error, Result};

/// Named `ClientRequest` in TypeScript, where `Request` is the fetch API's.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename = "ClientRequest")]
pub struct Request {
    pub id: Id,
    pub account_id: Id,
    /// Who asked.
    pub contact_id: Option<Id>,
    pub received_at: DateTime<Utc>,
    pub text: String,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub answered_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Request {
    /// Answered or resolved: the client has what they asked for, and no clock runs on it.
    pub fn is_settled(&self) -> bool {
        self.answered_at.is_some() || self.resolved_at.is_some()
    }
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
pub struct RequestDraft {
    pub account_id: Id,
    pub contact_id: Option<Id>,
    /// RFC 3339; absent means now.
    pub received_at: Option<String>,
    pub text: String,
}

impl RequestDraft {
    pub fn into_request(self, id: Id, now: DateTime<Utc>) -> Result<Request> {
        Ok(Request {
            id,
            account_id: self.account_id,
            contact_id: self.contact_id.filter(|c| !c.trim().is_empty()),
            received_at: validate::opt_instant("received_at", self.received_at.as_deref())?.unwrap_or(now),
            text: validate::required_text("text", "The request", &self.text)?,
            acknowledged_at: None,
            answered_at: None,
            resolved_at: None,
            created_at: now,
            updated_at: now,
        })
    }
}

/// The steps of a request's life, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RequestStep {
    Acknowledged,
    Answered,
    Resolved,
}

impl Request {
    /// Records a step at `at`. Answering implies acknowledging; resolving implies both.
    pub fn mark(&mut self, step: RequestStep, at: DateTime<Utc>, now: DateTime<Utc>) -> Result<()> {
        if at < self.received_at {
            return Err(Error::validation(
                "at",
                "That is before the request arrived. Choose when it actually happened.",
            ));
        }
        if at > now {
            return Err(Error::validation("at", "That is in the future. Record it once it has happened."));
        }
        let fill = |slot: &mut Option<DateTime<Utc>>| {
            slot.get_or_insert(at);
        };
        match step {
            RequestStep::Acknowledged => fill(&mut self.acknowledged_at),
            RequestStep::Answered => {
                fill(&mut self.acknowledged_at);
                self.answered_at = Some(at);
            }
            RequestStep::Resolved => {
                fill(&mut self.acknowledged_at);
                fill(&mut self.answered_at);
                self.resolved_at = Some(at);
            }
        }
        self.updated_at = now;
        Ok(())
    }
}
