//! Issues: something that went wrong. Clients forgive mistakes that are acknowledged, fixed,
//! and followed up afterwards — so each of those moments is recorded.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Id, validate, word_enum};
use crate::error::{Error, Result};

word_enum!(Severity { Low = "low", Medium = "medium", High = "high", Critical = "critical" });

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Issue {
    pub id: Id,
    pub account_id: Id,
    pub title: String,
    pub severity: Severity,
    pub opened_at: DateTime<Utc>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub followed_up_at: Option<DateTime<Utc>>,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Issue {
    /// Resolved and followed up: nothing more is owed on it.
    pub fn is_done(&self) -> bool {
        self.resolved_at.is_some() && self.followed_up_at.is_some()
    }
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
pub struct IssueDraft {
    pub account_id: Id,
    pub title: String,
    pub severity: Option<Severity>,
    /// RFC 3339; absent means now.
    pub opened_at: Option<String>,
    pub notes: Option<String>,
}

impl IssueDraft {
    pub fn into_issue(self, id: Id, now: DateTime<Utc>) -> Result<Issue> {
        Ok(Issue {
            id,
            account_id: self.account_id,
            title: validate::name("title", "An issue", &self.title)?,
            severity: self.severity.unwrap_or(Severity::Medium),
            opened_at: validate::opt_instant("opened_at", self.opened_at.as_deref())?.unwrap_or(now),
            acknowledged_at: None,
            resolved_at: None,
            followed_up_at: None,
            notes: validate::long_text("notes", "The notes", self.notes.as_deref().unwrap_or(""))?,
            created_at: now,
            updated_at: now,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum IssueStep {
    Acknowledged,
    Resolved,
    FollowedUp,
}

impl Issue {
    /// Records a step at `at`. Resolving implies acknowledging; a follow-up comes after resolution.
    pub fn mark(&mut self, step: IssueStep, at: DateTime<Utc>, now: DateTime<Utc>) -> Result<()> {
        if at < self.opened_at {
            return Err(Error::validation(
                "at",
                "That is before the issue was opened. Choose when it actually happened.",
            ));
        }
        if at > now {
            return Err(Error::validation("at", "That is in the future. Record it once it has happened."));
        }
        match step {
            IssueStep::Acknowledged => {
                self.acknowledged_at.get_or_insert(at);
            }
            IssueStep::Resolved => {
                self.acknowledged_at.get_or_insert(at);
                self.resolved_at = Some(at);
            }
            IssueStep::FollowedUp => {
                let Some(resolved) = self.resolved_at else {
                    return Err(Error::validation(
                        "step",
                        "This issue is not resolved yet. Resolve it first; the follow-up checks the fix held.",
                    ));
                };
                if at < resolved {
                    return Err(Error::validation(
                        "at",
                        "A follow-up comes after the resolution. Choose a later time.",
                    ));
                }
                self.followed_up_at = Some(at);
            }
        }
        self.updated_at = now;
        Ok(())
    }
}
