//! Meetings: scheduled time with the client, with who attends and what it is for.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Id, validate};
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Meeting {
    pub id: Id,
    pub account_id: Id,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub title: String,
    pub location: Option<String>,
    pub attendee_ids: Vec<Id>,
    pub agenda: String,
    /// The calendar's own id for the event, when it came from a calendar: importing the same
    /// file again updates the meeting instead of adding a second one.
    pub ical_uid: Option<String>,
    /// The IANA zone the meeting was scheduled in, when a calendar said; exports keep it.
    pub timezone: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
pub struct MeetingDraft {
    pub account_id: Id,
    /// RFC 3339.
    pub starts_at: String,
    /// RFC 3339; absent means one hour after the start.
    pub ends_at: Option<String>,
    pub title: String,
    pub location: Option<String>,
    pub attendee_ids: Vec<Id>,
    pub agenda: Option<String>,
}

/// How long a meeting without length is kept. A calendar's moment (an event whose end is its
/// start, RFC 5545's reading of an event with no end) is a meeting at that time; the database
/// wants every meeting to end after it starts, so it is stored as lasting this long and goes
/// back out to calendars as a moment again.
pub const MOMENT: chrono::TimeDelta = chrono::TimeDelta::seconds(1);

impl Meeting {
    /// Whether the meeting is a moment (see [`MOMENT`]).
    pub fn is_moment(&self) -> bool {
        self.ends_at - self.starts_at <= MOMENT
    }

    /// The meeting with the calendar's UID and zone, each checked (blank means none).
    pub fn from_calendar(self, ical_uid: Option<&str>, timezone: Option<&str>) -> Result<Meeting> {
        let ical_uid = validate::short_text("ical_uid", "The calendar id", ical_uid)?;
        let timezone = match timezone.map(str::trim).filter(|t| !t.is_empty()) {
            Some(tz) => Some(validate::timezone("timezone", tz)?),
            None => None,
        };
        Ok(Meeting { ical_uid, timezone, ..self })
    }
}

impl MeetingDraft {
    pub fn into_meeting(self, id: Id, now: DateTime<Utc>) -> Result<Meeting> {
        if self.starts_at.trim().is_empty() {
            return Err(Error::validation("starts_at", "A meeting needs a start time. Say when it starts."));
        }
        let starts_at = validate::instant("starts_at", &self.starts_at)?;
        let ends_at = validate::opt_instant("ends_at", self.ends_at.as_deref())?
            .unwrap_or(starts_at + chrono::Duration::hours(1));
        if ends_at <= starts_at {
            return Err(Error::validation(
                "ends_at",
                "The meeting ends before it starts. Put the end after the start.",
            ));
        }
        let mut attendee_ids = self.attendee_ids;
        attendee_ids.sort();
        attendee_ids.dedup();
        Ok(Meeting {
            id,
            account_id: self.account_id,
            starts_at,
            ends_at,
            title: validate::name("title", "A meeting", &self.title)?,
            location: validate::short_text("location", "The location", self.location.as_deref())?,
            attendee_ids,
            agenda: validate::long_text("agenda", "The agenda", self.agenda.as_deref().unwrap_or(""))?,
            ical_uid: None,
            timezone: None,
            created_at: now,
            updated_at: now,
        })
    }
}
