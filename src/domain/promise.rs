//! Promises, both ways: what we owe the client and what they owe us, with due dates. Keeping
//! them on time is the first thing a client notices.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Id, validate, word_enum};
use crate::error::{Error, Result};

word_enum!(
    /// `ours`: we owe it; `theirs`: they owe it.
    Direction { Ours = "ours", Theirs = "theirs" }
);

word_enum!(
    PromiseStatus { Open = "open", Kept = "kept", Broken = "broken", Renegotiated = "renegotiated" }
);

/// Named `PromiseRecord` in TypeScript, where `Promise` is the language's own.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename = "PromiseRecord")]
pub struct Promise {
    pub id: Id,
    pub account_id: Id,
    pub direction: Direction,
    /// To whom we promised it, or who promised it to us.
    pub contact_id: Option<Id>,
    pub text: String,
    pub made_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    pub status: PromiseStatus,
    /// When it was kept; after `due_at` means kept late.
    pub completed_at: Option<DateTime<Utc>>,
    /// What we delivered beyond the promise, if anything.
    pub extra: Option<String>,
    /// The interaction in which the promise was made.
    pub interaction_id: Option<Id>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl PromiseStatus {
    /// Open and renegotiated promises are still to be kept: a renegotiated one by its new date.
    pub fn is_open(self) -> bool {
        matches!(self, PromiseStatus::Open | PromiseStatus::Renegotiated)
    }
}

impl Promise {
    /// Still to be kept, by `due_at`.
    pub fn is_open(&self) -> bool {
        self.status.is_open()
    }

    pub fn kept_late(&self) -> bool {
        self.status == PromiseStatus::Kept && self.completed_at.is_some_and(|done| done > self.due_at)
    }
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
pub struct PromiseDraft {
    pub account_id: Id,
    pub direction: Option<Direction>,
    pub contact_id: Option<Id>,
    pub text: String,
    /// RFC 3339; absent means now.
    pub made_at: Option<String>,
    /// RFC 3339.
    pub due_at: String,
    pub interaction_id: Option<Id>,
}

impl PromiseDraft {
    pub fn into_promise(self, id: Id, now: DateTime<Utc>) -> Result<Promise> {
        let made_at = validate::opt_instant("made_at", self.made_at.as_deref())?.unwrap_or(now);
        if self.due_at.trim().is_empty() {
            return Err(Error::validation(
                "due_at",
                "A promise needs a due date. Say when it is due, then save again.",
            ));
        }
        let due_at = validate::instant("due_at", &self.due_at)?;
        if due_at < made_at {
            return Err(Error::validation(
                "due_at",
                "The due date is before the promise was made. Choose a due date on or after the day it was made.",
            ));
        }
        Ok(Promise {
            id,
            account_id: self.account_id,
            direction: self.direction.unwrap_or(Direction::Ours),
            contact_id: self.contact_id.filter(|c| !c.trim().is_empty()),
            text: validate::required_text("text", "The promise", &self.text)?,
            made_at,
            due_at,
            status: PromiseStatus::Open,
            completed_at: None,
            extra: None,
            interaction_id: self.interaction_id.filter(|i| !i.trim().is_empty()),
            created_at: now,
            updated_at: now,
        })
    }
}

/// How a promise ended (or was reopened): the one way its status changes.
#[derive(Debug, Clone, Deserialize, Type)]
pub struct PromiseOutcome {
    pub status: PromiseStatus,
    /// RFC 3339; for `kept`, absent means now.
    pub completed_at: Option<String>,
    /// For `renegotiated`: the new due date (RFC 3339).
    pub new_due_at: Option<String>,
    pub extra: Option<String>,
}

impl PromiseOutcome {
    /// Applies the outcome to `promise`, checking it makes sense.
    pub fn apply(self, promise: &mut Promise, now: DateTime<Utc>) -> Result<()> {
        let completed_at = validate::opt_instant("completed_at", self.completed_at.as_deref())?;
        match self.status {
            PromiseStatus::Kept => {
                let done = completed_at.unwrap_or(now);
                if done < promise.made_at {
                    return Err(Error::validation(
                        "completed_at",
                        "That is before the promise was made. Choose when it was actually delivered.",
                    ));
                }
                promise.completed_at = Some(done);
            }
            PromiseStatus::Renegotiated => {
                let Some(new_due) = validate::opt_instant("new_due_at", self.new_due_at.as_deref())? else {
                    return Err(Error::validation(
                        "new_due_at",
                        "A renegotiated promise needs its new due date. Say when it is now due.",
                    ));
                };
                if new_due < promise.made_at {
                    return Err(Error::validation(
                        "new_due_at",
                        "The new due date is before the promise was made. Choose a later date.",
                    ));
                }
                promise.due_at = new_due;
                promise.completed_at = None;
            }
            PromiseStatus::Broken | PromiseStatus::Open => promise.completed_at = None,
        }
        promise.status = self.status;
        promise.extra = validate::short_text("extra", "What you delivered extra", self.extra.as_deref())?
            .or(promise.extra.take());
        promise.updated_at = now;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-23T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_promise_due_before_it_was_made_is_refused() {
        let err = PromiseDraft {
            text: "Send the pilot plan".into(),
            made_at: Some("2026-11-20T10:00:00Z".into()),
            due_at: "2026-11-19T10:00:00Z".into(),
            ..Default::default()
        }
        .into_promise("p".into(), now())
        .unwrap_err();
        assert!(matches!(err, Error::Validation { field: "due_at", .. }), "{err:?}");
    }

    #[test]
    fn a_promise_kept_after_its_due_date_was_kept_late() {
        let mut p = PromiseDraft {
            text: "Send the plan".into(),
            due_at: "2026-11-24T10:00:00Z".into(),
            ..Default::default()
        }
        .into_promise("p".into(), now())
        .unwrap();
        PromiseOutcome {
            status: PromiseStatus::Kept,
            completed_at: Some("2026-11-25T09:00:00Z".into()),
            new_due_at: None,
            extra: None,
        }
        .apply(&mut p, now())
        .unwrap();
        assert!(p.kept_late());
    }

    #[test]
    fn renegotiating_moves_the_due_date() {
        let mut p = PromiseDraft {
            text: "Send the plan".into(),
            due_at: "2026-11-24T10:00:00Z".into(),
            ..Default::default()
        }
        .into_promise("p".into(), now())
        .unwrap();
        let outcome = PromiseOutcome {
            status: PromiseStatus::Renegotiated,
            completed_at: None,
            new_due_at: None,
            extra: None,
        };
        assert!(outcome.apply(&mut p, now()).is_err(), "a new date is required");
        PromiseOutcome {
            status: PromiseStatus::Renegotiated,
            completed_at: None,
            new_due_at: Some("2026-12-01T10:00:00Z".into()),
            extra: None,
        }
        .apply(&mut p, now())
        .unwrap();
        assert_eq!(p.due_at.to_rfc3339(), "2026-12-01T10:00:00+00:00");
    }
}
