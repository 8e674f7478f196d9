//! A meeting read from a calendar that has ended, with a client's people, is a touch in the
//! account's history: the meeting channel, from the calendar, at its start, with its people,
//! started by them when one of them sent the invitation. Once each: the touch carries
//! `calendar:<UID>` where a touch from mail carries its Message-ID, so reading the calendar
//! again adds nothing, and a touch the user deleted is not brought back.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use crate::domain::{Channel, Initiator, Interaction, InteractionSource, Meeting};
use crate::error::Result;
use crate::service::new_id;
use crate::store;

/// Meetings that ended longer ago than this are history already; they are not made touches.
pub(crate) const LOOK_BACK_DAYS: i64 = 90;

/// What a calendar touch carries in place of a Message-ID.
pub(crate) fn touch_key(uid: &str) -> String {
    format!("calendar:{uid}")
}

/// Makes `meeting` a touch when it came from a calendar, has ended by `now` (within
/// [`LOOK_BACK_DAYS`]) and has any of the client's people. Returns whether it did.
pub(crate) fn touch_if_met(conn: &Connection, meeting: &Meeting, now: DateTime<Utc>) -> Result<bool> {
    let Some(uid) = &meeting.ical_uid else { return Ok(false) };
    let ended = meeting.ends_at <= now && meeting.ends_at > now - Duration::days(LOOK_BACK_DAYS);
    if !ended || meeting.attendee_ids.is_empty() {
        return Ok(false);
    }
    let key = touch_key(uid);
    if store::mail::has_touch(conn, &meeting.account_id, &key)? {
        return Ok(false);
    }
    let theirs = meeting.organizer_id.as_ref().is_some_and(|o| meeting.attendee_ids.contains(o));
    store::interactions::save(
        conn,
        &Interaction {
            id: new_id(now),
            account_id: meeting.account_id.clone(),
            occurred_at: meeting.starts_at,
            channel: Channel::Meeting,
            initiated_by: if theirs { Initiator::Them } else { Initiator::Us },
            contact_ids: meeting.attendee_ids.clone(),
            summary: meeting.title.clone(),
            sentiment: None,
            strategic: false,
            created_at: now,
            source: InteractionSource::Calendar,
            message_id: Some(key),
            snippet: None,
            serves: None,
            private: false,
        },
    )?;
    Ok(true)
}
