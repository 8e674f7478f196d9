//! Culture notes: how this client (or one of its people) likes to work — the things that
//! make a meeting go well or badly before a word of business is said.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Id, validate, word_enum};
use crate::error::Result;

word_enum!(
    CultureCategory {
        Communication = "communication", DecisionMaking = "decision_making", Etiquette = "etiquette",
        Dress = "dress", TravelExpense = "travel_expense", Calendar = "calendar", Language = "language",
        Other = "other",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct CultureNote {
    pub id: Id,
    pub account_id: Id,
    /// The person the note is about; absent when it is about the whole account.
    pub contact_id: Option<Id>,
    pub category: CultureCategory,
    pub text: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
pub struct CultureNoteDraft {
    pub account_id: Id,
    pub contact_id: Option<Id>,
    pub category: Option<CultureCategory>,
    pub text: String,
}

impl CultureNoteDraft {
    pub fn into_note(self, id: Id, now: DateTime<Utc>) -> Result<CultureNote> {
        Ok(CultureNote {
            id,
            account_id: self.account_id,
            contact_id: self.contact_id.filter(|c| !c.trim().is_empty()),
            category: self.category.unwrap_or(CultureCategory::Other),
            text: validate::required_text("text", "The note", &self.text)?,
            created_at: now,
            updated_at: now,
        })
    }
}
