//! The brief before a meeting, as data and as documents.

use chrono::{DateTime, Utc};

use super::Rapport;
use crate::engine::brief::{Brief, brief};
use crate::engine::checkins::Touches;
use crate::error::{Error, Result};
use crate::render;

/// The formats a brief can be saved in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum BriefFormat {
    Markdown,
    Html,
}

impl Rapport {
    /// The brief for an account, optionally for one of its meetings.
    pub fn brief(&self, account_id: &str, meeting_id: Option<&str>, now: DateTime<Utc>) -> Result<Brief> {
        let bundle = self.store.bundle(account_id)?;
        if let Some(id) = meeting_id
            && !bundle.meetings.iter().any(|m| m.id == id)
        {
            return Err(Error::not_found(format!(
                "{} has no meeting with the id \"{id}\". Run `rapport account show` to see its meetings, or leave the meeting out.",
                bundle.account.name
            )));
        }
        let past: Vec<_> = bundle.interactions.iter().filter(|i| i.occurred_at <= now).cloned().collect();
        let weights = self.store.health_weights()?;
        Ok(brief(&bundle, &Touches::from_interactions(&past), meeting_id, now, &weights))
    }

    /// The brief as a document, with times shown in the client's zone and in `your_zone`.
    pub fn brief_document(
        &self,
        account_id: &str,
        meeting_id: Option<&str>,
        format: BriefFormat,
        your_zone: &str,
        now: DateTime<Utc>,
    ) -> Result<String> {
        let b = self.brief(account_id, meeting_id, now)?;
        Ok(match format {
            BriefFormat::Markdown => render::brief_markdown(&b, your_zone),
            BriefFormat::Html => render::brief_html(&b, your_zone),
        })
    }
}
