//! Interactions: the history of every touch, who started it, and how it went.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Id, Serves, validate, word_enum};
use crate::error::{Error, Result};

word_enum!(
    /// Named `ChannelKind` in TypeScript, where `Channel` is Tauri's own.
    #[serde(rename = "ChannelKind")]
    Channel {
        Email = "email", Call = "call", Video = "video", Meeting = "meeting",
        Visit = "visit", Chat = "chat", Message = "message", Other = "other",
    }
);

word_enum!(
    /// Who started the touch: the measure of whether we make the client chase us.
    Initiator { Us = "us", Them = "them" }
);

word_enum!(
    /// Where a touch came from: typed by the user, or read from their mail or calendar.
    InteractionSource { Typed = "typed", Mail = "mail", Calendar = "calendar" }
);

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Interaction {
    pub id: Id,
    pub account_id: Id,
    pub occurred_at: DateTime<Utc>,
    pub channel: Channel,
    pub initiated_by: Initiator,
    pub contact_ids: Vec<Id>,
    pub summary: String,
    /// −2 (very negative) … +2 (very positive); absent when not judged.
    pub sentiment: Option<i8>,
    /// About their goals rather than a task.
    pub strategic: bool,
    pub created_at: DateTime<Utc>,
    /// Typed by the user, or read from their mail or calendar.
    pub source: InteractionSource,
    /// The message's Message-ID, for a touch read from mail (one Rapport made, starting
    /// `rapport-`, for a message that had none); `calendar:` and the event's UID for a meeting
    /// read from a calendar; null otherwise.
    pub message_id: Option<String>,
    /// For a touch read from mail: the first words its sender wrote (at most 200 characters).
    pub snippet: Option<String>,
    /// Whose goal it served, when the user said: the client's, or ours.
    pub serves: Option<Serves>,
    /// Never in a document made for the client.
    pub private: bool,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
pub struct InteractionDraft {
    pub account_id: Id,
    /// RFC 3339; absent means "now".
    pub occurred_at: Option<String>,
    pub channel: Option<Channel>,
    pub initiated_by: Option<Initiator>,
    pub contact_ids: Vec<Id>,
    pub summary: String,
    pub sentiment: Option<i32>,
    pub strategic: bool,
    #[serde(default)]
    pub serves: Option<Serves>,
    #[serde(default)]
    pub private: bool,
}

/// How far ahead a touch may be dated: a little slack for clocks, no more.
const FUTURE_SLACK: Duration = Duration::minutes(5);

impl InteractionDraft {
    /// Checks what can be checked without the database; the store checks the account and
    /// that every contact belongs to it.
    pub fn into_interaction(self, id: Id, now: DateTime<Utc>) -> Result<Interaction> {
        let occurred_at = match self.occurred_at.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => validate::instant("occurred_at", t)?,
            None => now,
        };
        if occurred_at > now + FUTURE_SLACK {
            return Err(Error::validation(
                "occurred_at",
                "This interaction is dated in the future. Log it once it has happened, or schedule a meeting instead.",
            ));
        }
        let summary = validate::long_text("summary", "The summary", &self.summary)?;
        if summary.is_empty() {
            return Err(Error::validation(
                "summary",
                "Say in a few words what the interaction was about, then save again.",
            ));
        }
        let sentiment = match self.sentiment {
            None => None,
            Some(s @ -2..=2) => Some(s as i8),
            Some(s) => {
                return Err(Error::validation(
                    "sentiment",
                    format!(
                        "A sentiment of {s} is off the scale. Use a number from -2 (very negative) to 2 (very positive)."
                    ),
                ));
            }
        };
        let mut contact_ids = self.contact_ids;
        contact_ids.sort();
        contact_ids.dedup();
        Ok(Interaction {
            id,
            account_id: self.account_id,
            occurred_at,
            channel: self.channel.unwrap_or(Channel::Email),
            initiated_by: self.initiated_by.unwrap_or(Initiator::Us),
            contact_ids,
            summary,
            sentiment,
            strategic: self.strategic,
            created_at: now,
            source: InteractionSource::Typed,
            message_id: None,
            snippet: None,
            serves: self.serves,
            private: self.private,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-23T10:00:00Z".parse().unwrap()
    }

    fn draft() -> InteractionDraft {
        InteractionDraft { account_id: "a".into(), summary: "Quarterly review".into(), ..Default::default() }
    }

    #[test]
    fn an_undated_interaction_happened_now() {
        assert_eq!(draft().into_interaction("i".into(), now()).unwrap().occurred_at, now());
    }

    #[test]
    fn an_interaction_in_the_future_is_refused() {
        let err = InteractionDraft { occurred_at: Some("2026-11-24T10:00:00Z".into()), ..draft() }
            .into_interaction("i".into(), now())
            .unwrap_err();
        assert!(matches!(err, Error::Validation { field: "occurred_at", .. }), "{err:?}");
    }

    #[test]
    fn sentiment_stays_on_its_scale() {
        assert!(
            InteractionDraft { sentiment: Some(-2), ..draft() }.into_interaction("i".into(), now()).is_ok()
        );
        assert!(
            InteractionDraft { sentiment: Some(3), ..draft() }.into_interaction("i".into(), now()).is_err()
        );
    }

    #[test]
    fn an_empty_summary_is_refused() {
        let err = InteractionDraft { summary: "  ".into(), ..draft() }
            .into_interaction("i".into(), now())
            .unwrap_err();
        assert!(matches!(err, Error::Validation { field: "summary", .. }), "{err:?}");
    }
}
