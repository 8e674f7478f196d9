//! Goals of all four kinds: the client's, each person's own, ours for the account, and our
//! company's. Strong multi-year relationships serve all four.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Id, validate, word_enum};
use crate::error::{Error, Result};

word_enum!(
    GoalKind { Company = "company", Personal = "personal", Ours = "ours", OurCompany = "our_company" }
);

word_enum!(
    GoalStatus {
        Open = "open", OnTrack = "on_track", AtRisk = "at_risk", Achieved = "achieved", Dropped = "dropped",
    }
);

impl GoalStatus {
    /// Achieved and dropped goals need no more attention.
    pub fn is_closed(self) -> bool {
        matches!(self, GoalStatus::Achieved | GoalStatus::Dropped)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct GoalProgress {
    pub at: DateTime<Utc>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Goal {
    pub id: Id,
    pub account_id: Id,
    pub kind: GoalKind,
    /// Whose goal it is, for a personal goal (or who owns a company goal).
    pub contact_id: Option<Id>,
    pub title: String,
    pub detail: String,
    pub status: GoalStatus,
    pub target_date: Option<NaiveDate>,
    /// Said by them (true) or inferred by us (false).
    pub stated: bool,
    /// Oldest first.
    pub progress: Vec<GoalProgress>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
pub struct GoalDraft {
    pub account_id: Id,
    pub kind: Option<GoalKind>,
    pub contact_id: Option<Id>,
    pub title: String,
    pub detail: Option<String>,
    pub status: Option<GoalStatus>,
    /// "YYYY-MM-DD"
    pub target_date: Option<String>,
    pub stated: Option<bool>,
}

impl GoalDraft {
    pub fn into_goal(self, id: Id, now: DateTime<Utc>) -> Result<Goal> {
        let kind = self.kind.unwrap_or(GoalKind::Company);
        let contact_id = self.contact_id.filter(|c| !c.trim().is_empty());
        if kind == GoalKind::Personal && contact_id.is_none() {
            return Err(Error::validation(
                "contact_id",
                "A personal goal belongs to someone. Choose the person whose goal it is.",
            ));
        }
        Ok(Goal {
            id,
            account_id: self.account_id,
            kind,
            contact_id,
            title: validate::name("title", "A goal", &self.title)?,
            detail: validate::long_text("detail", "The detail", self.detail.as_deref().unwrap_or(""))?,
            status: self.status.unwrap_or(GoalStatus::Open),
            target_date: validate::opt_date("target_date", self.target_date.as_deref())?,
            stated: self.stated.unwrap_or(true),
            progress: Vec::new(),
            created_at: now,
            updated_at: now,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_personal_goal_needs_its_person() {
        let err =
            GoalDraft { title: "Become CIO".into(), kind: Some(GoalKind::Personal), ..Default::default() }
                .into_goal("g".into(), Utc::now())
                .unwrap_err();
        assert!(matches!(err, Error::Validation { field: "contact_id", .. }), "{err:?}");
    }

    #[test]
    fn a_goal_is_open_stated_and_about_the_company_unless_told_otherwise() {
        let goal = GoalDraft { title: "Cut claims time by 30%".into(), ..Default::default() }
            .into_goal("g".into(), Utc::now())
            .unwrap();
        assert_eq!((goal.kind, goal.status, goal.stated), (GoalKind::Company, GoalStatus::Open, true));
    }
}
