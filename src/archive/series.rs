//! A repeating meeting as the archive carries it, checked as an import from a calendar checks it.

use chrono::{DateTime, Utc};

use super::format::SeriesDoc;
use crate::domain::{MeetingSeries, validate};
use crate::error::Error;

/// A repeating meeting as the archive has it, checked as an import from a calendar checks it:
/// a rule that reads, and a calendar id and title as any meeting's.
pub(super) fn checked(s: &SeriesDoc, account_id: &str, now: DateTime<Utc>) -> Result<MeetingSeries, Error> {
    let ical_uid = validate::short_text("ical_uid", "The calendar id", Some(&s.ical_uid))?
        .ok_or_else(|| Error::validation("ical_uid", "A repeating meeting needs its calendar id."))?;
    Ok(MeetingSeries {
        id: s.id.clone(),
        account_id: account_id.to_string(),
        ical_uid,
        title: validate::name("title", "A meeting", &s.title)?,
        repeats: validate::short_text("repeats", "How it repeats", Some(&s.repeats))?.unwrap_or_default(),
        rule: MeetingSeries::checked_rule(&s.rule)?,
        created_at: now,
        updated_at: now,
    })
}
