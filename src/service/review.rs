//! The value review (issue 20): the client-facing page of their goals and the evidence of our
//! work over a period, as data, as the outline the screen shows, and as documents to print or
//! save. What it may say is the engine's rule (`engine::review`); this reads what it needs.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::Rapport;
use super::briefs::{BriefFormat, file_safe};
use crate::domain::Window;
use crate::engine::review::{Period, ValueReview, value_review};
use crate::error::{Error, Result};
use crate::render;

const REVIEW_FOLDER: &str = "review_folder";

/// How far before the period a kept promise may have fallen due and still be read: a promise
/// kept in the period after being due more than a year before it is not shown.
const PROMISES_DUE_BEFORE: i64 = 366;

impl Rapport {
    /// The value review of an account as data, for the app: its stated goals with the period's
    /// progress and evidence, what else was delivered, what comes next, questions for them.
    /// `from` and `to` are days in the client's time zone, both included; without them, the
    /// three months up to today. A start after the end is refused in a sentence.
    pub fn value_review_outline(
        &self,
        account_id: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        now: DateTime<Utc>,
    ) -> Result<ValueReview> {
        let account = self.store.account(account_id)?;
        let zone: chrono_tz::Tz = account.timezone.parse().unwrap_or(chrono_tz::Tz::UTC);
        let period = Period::around(from, to, now.with_timezone(&zone).date_naive());
        if period.from > period.to {
            return Err(Error::validation(
                "from",
                format!(
                    "The review would start on {} and end before that, on {}. Choose a start on or before the end.",
                    period.from, period.to
                ),
            ));
        }
        // The period's touches with their text and people; records from a year before it, for a
        // promise kept in it that fell due earlier; and whatever is still open.
        let start = period
            .from
            .and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_local_timezone(zone).earliest())
            .map_or(now, |t| t.with_timezone(&Utc))
            .min(now);
        let window = Window {
            since: start - Duration::days(PROMISES_DUE_BEFORE),
            touches_since: Some(start),
            detail_since: start,
            text_since: Some(start),
        };
        let Some(bundle) = self.store.recent_bundles(window, Some(account_id))?.pop() else {
            return Err(Error::not_found(format!(
                "{} is archived. Restore it to prepare its value review.",
                account.name
            )));
        };
        Ok(value_review(&bundle, period, now))
    }

    /// The value review as it reads — the outline the screen shows (in presenting mode too)
    /// and every document is rendered from.
    pub fn value_review_sections(
        &self,
        account_id: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        now: DateTime<Utc>,
    ) -> Result<render::BriefOutline> {
        Ok(render::review_outline(&self.value_review_outline(account_id, from, to, now)?))
    }

    /// The value review as a document: Markdown, or a standalone page that prints on one to two
    /// sheets.
    pub fn value_review(
        &self,
        account_id: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        format: BriefFormat,
        now: DateTime<Utc>,
    ) -> Result<String> {
        let review = self.value_review_outline(account_id, from, to, now)?;
        Ok(match format {
            BriefFormat::Markdown => render::review_markdown(&review),
            BriefFormat::Html => render::review_html(&review),
        })
    }

    /// The name a saved value review proposes: today in the client's time zone and the
    /// account — "2026-12-03 Kestrel Logistik GmbH — Value review.md".
    pub fn value_review_file_name(
        &self,
        account_id: &str,
        format: BriefFormat,
        now: DateTime<Utc>,
    ) -> Result<String> {
        let account = self.store.account(account_id)?;
        let zone: chrono_tz::Tz = account.timezone.parse().unwrap_or(chrono_tz::Tz::UTC);
        let day = now.with_timezone(&zone).date_naive();
        Ok(format!("{day} {} — Value review.{}", file_safe(&account.name), format.extension()))
    }

    /// The folder the last value review was saved in, to propose it again.
    pub fn value_review_folder(&self) -> Result<Option<PathBuf>> {
        let folder: Option<PathBuf> = self.store.setting(REVIEW_FOLDER)?;
        Ok(folder.filter(|f| f.is_dir()))
    }

    /// Writes the value review to `path` (whole, or not at all) and remembers its folder.
    pub fn save_value_review(
        &mut self,
        path: &Path,
        account_id: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        format: BriefFormat,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let text = self.value_review(account_id, from, to, format, now)?;
        self.write_user_file(path, &text)?;
        match path.parent().filter(|folder| !folder.as_os_str().is_empty()) {
            Some(folder) => self.store.save_setting(REVIEW_FOLDER, &Some(folder)),
            None => Ok(()),
        }
    }
}
