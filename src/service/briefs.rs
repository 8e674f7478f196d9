//! The brief before a meeting, as data and as documents.

use chrono::{DateTime, Duration, Utc};

use super::Rapport;
use crate::engine::brief::{Brief, NEXT_MEETING_DAYS, RECENT_TOUCHES, brief, last_met, next_meeting};
use crate::error::{Error, Result};
use crate::render;

/// The formats a brief can be saved in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum BriefFormat {
    Markdown,
    Html,
}

impl BriefFormat {
    /// The file name's ending, as a save dialog and a proposed name both say it.
    pub fn extension(self) -> &'static str {
        match self {
            BriefFormat::Markdown => "md",
            BriefFormat::Html => "html",
        }
    }
}

impl Rapport {
    /// The brief for an account, for one of its meetings — the next one within a week when none
    /// is chosen. Its request clocks are the user's own (the check-in settings).
    pub fn brief(&self, account_id: &str, meeting_id: Option<&str>, now: DateTime<Utc>) -> Result<Brief> {
        // The brief reads the recent months and the kept touch figures, never the whole history:
        // every meeting of the account (to find the last one with the same people), then the
        // records back to that meeting, or 270 days when it is more recent.
        let meetings = self.store.meetings(account_id)?;
        let meeting = match meeting_id {
            Some(id) => meetings.iter().find(|m| m.id == id),
            None => next_meeting(&meetings, now, Some(Duration::days(NEXT_MEETING_DAYS))),
        };
        let last = last_met(&meetings, meeting, now).map(|m| m.starts_at);
        let newest = self.store.oldest_of_newest_touches(account_id, now, RECENT_TOUCHES as u32)?;
        let window = super::briefing(now, newest, last);
        let Some(mut bundle) = self.store.recent_bundles(window, Some(account_id))?.pop() else {
            return Err(self.store.account(account_id).err().unwrap_or_else(|| {
                Error::not_found("That account is archived. Restore it to prepare a brief.")
            }));
        };
        if let Some(id) = meeting_id
            && meeting.is_none()
        {
            return Err(Error::not_found(format!(
                "{} has no meeting with the id \"{id}\"; it may have been deleted. Choose another of its meetings (`rapport account show` lists them on the command line), or leave the meeting out.",
                bundle.account.name
            )));
        }
        bundle.meetings = meetings;
        let weights = self.store.health_weights()?;
        let clocks = self.store.checkin_settings()?;
        let figures = self.store.account_touch_figures(now, account_id)?;
        Ok(brief(&bundle, &self.store.touches(account_id)?, &figures, meeting_id, now, &weights, &clocks))
    }

    /// The brief as it reads — the outline the screen shows and every document is rendered
    /// from — with times shown in the client's zone and in `your_zone`.
    pub fn brief_outline(
        &self,
        account_id: &str,
        meeting_id: Option<&str>,
        your_zone: &str,
        now: DateTime<Utc>,
    ) -> Result<render::BriefOutline> {
        Ok(render::brief_outline(&self.brief(account_id, meeting_id, now)?, your_zone))
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

    /// The name a saved brief proposes: the meeting's day (today's when it is for the account as
    /// a whole), the account and the meeting, so that one brief never overwrites another —
    /// "2026-12-04 Kestrel Logistik GmbH — Quarterly review.md".
    pub fn brief_file_name(
        &self,
        account_id: &str,
        meeting_id: Option<&str>,
        format: BriefFormat,
        your_zone: &str,
        now: DateTime<Utc>,
    ) -> Result<String> {
        let b = self.brief(account_id, meeting_id, now)?;
        let zone: chrono_tz::Tz = your_zone.parse().unwrap_or(chrono_tz::Tz::UTC);
        let (day, topic) = match &b.meeting {
            Some(m) => (m.starts_at.with_timezone(&zone).date_naive(), m.title.as_str()),
            None => (now.with_timezone(&zone).date_naive(), "brief"),
        };
        Ok(format!("{day} {} — {}.{}", file_safe(&b.account), file_safe(topic), format.extension()))
    }

    /// The folder the last brief was saved in, to propose it again.
    pub fn brief_folder(&self) -> Result<Option<std::path::PathBuf>> {
        let folder: Option<std::path::PathBuf> = self.store.setting(BRIEF_FOLDER)?;
        Ok(folder.filter(|f| f.is_dir()))
    }

    /// Writes the brief to `path` (whole, or not at all) and remembers its folder, to propose it
    /// for the next one.
    pub fn save_brief(
        &mut self,
        path: &std::path::Path,
        account_id: &str,
        meeting_id: Option<&str>,
        format: BriefFormat,
        your_zone: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let text = self.brief_document(account_id, meeting_id, format, your_zone, now)?;
        self.write_user_file(path, &text)?;
        match path.parent().filter(|folder| !folder.as_os_str().is_empty()) {
            Some(folder) => self.store.save_setting(BRIEF_FOLDER, &Some(folder)),
            None => Ok(()),
        }
    }
}

const BRIEF_FOLDER: &str = "brief_folder";

/// A name as a file name on every system: no separators, reserved characters or control
/// characters, no leading dot, at most 80 characters.
pub(super) fn file_safe(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let trimmed = cleaned.trim_start_matches(['.', ' ']);
    let short: String = trimmed.chars().take(80).collect();
    if short.is_empty() { "brief".into() } else { short.trim_end_matches(['.', ' ']).to_string() }
}

#[cfg(test)]
mod tests {
    use super::file_safe;

    #[test]
    fn a_name_becomes_a_file_name_on_every_system() {
        assert_eq!(file_safe("Kestrel Logistik GmbH"), "Kestrel Logistik GmbH");
        assert_eq!(file_safe("Q4: review / plan?"), "Q4 review plan");
        assert_eq!(file_safe("../../etc/passwd"), "etc passwd");
        assert_eq!(file_safe("<script>a\u{0}b</script>"), "script a b script");
        assert_eq!(file_safe("..."), "brief");
        assert_eq!(file_safe(&"x".repeat(300)).chars().count(), 80);
    }
}
