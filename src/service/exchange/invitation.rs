//! An invitation accepted from "Rapport noticed": the meeting it carries, read the way a
//! calendar import reads it, inside the acceptance's own transaction.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{OptionalExtension, Transaction};

use super::applied::Applied;
use crate::domain::Id;
use crate::error::{Error, Result};
use crate::interop::ical;

/// Adds (or, by its UID, moves) the meeting of `calendar` at `account_id` when none of its
/// people says otherwise, and returns the meeting made: for a series, its first occurrence
/// from `from` on. Its occurrences are taken from `from` to a year after `now`.
pub(crate) fn accept_invitation(
    tx: &Transaction<'_>,
    calendar: &str,
    account_id: &Id,
    from: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Id> {
    let read = ical::read(calendar, from - Duration::days(1), from.max(now) + Duration::days(365));
    let Some(first) = read.records.iter().min_by_key(|e| (e.starts_at < from, e.starts_at)).cloned() else {
        let why = read.problems.first().map_or_else(
            || "it holds no meeting".to_string(),
            |p| p.message.trim_end_matches('.').to_string(),
        );
        return Err(Error::validation(
            "calendar",
            format!(
                "Rapport could not read the meeting in this invitation: {why}. Ignore it, and add the meeting yourself."
            ),
        ));
    };
    let timezone = crate::store::accounts::get(tx, account_id)?
        .ok_or_else(|| {
            Error::validation("account_id", "The account of this invitation is no longer in Rapport.")
        })?
        .timezone;
    let mut applied = Applied::new(tx, Some(account_id.clone()), timezone, now)?;
    for event in &read.records {
        applied.meeting(event)?;
    }
    let done = applied.done()?;
    if let Some(problem) = done.problems.first() {
        return Err(Error::validation("calendar", problem.message.clone()));
    }
    tx.query_row("SELECT id FROM meetings WHERE ical_uid = ?1", [&first.uid], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::validation("calendar", "The meeting in this invitation could not be added."))
}
