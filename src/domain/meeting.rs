//! Meetings: scheduled time with the client, with who attends and what it is for.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Id, validate, word_enum};
use crate::error::{Error, Result};

word_enum!(
    /// What a guest was on the invitation: the one who sent it, or one of those invited.
    GuestRole { Organizer = "organizer", Attendee = "attendee" }
);

/// Someone invited to a meeting who is not (yet) one of the user's people: kept by email
/// address, with the name the calendar gave, so the meeting does not lose them and they can be
/// offered as new people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Guest {
    /// Lower case, as addresses are compared.
    pub email: String,
    pub name: Option<String>,
    pub role: GuestRole,
}

impl Guest {
    /// How the guest is named to the user: "Dana Ruiz (dana@acme.com)", or the address alone.
    pub fn label(&self) -> String {
        match &self.name {
            Some(name) => format!("{name} ({})", self.email),
            None => self.email.clone(),
        }
    }
}

/// The guests checked: each address is one (lower case), each name short text; one entry per
/// address (the organiser's, when the same address is both), organiser first, then by address.
pub fn checked_guests(guests: Vec<Guest>) -> Result<Vec<Guest>> {
    let mut kept: Vec<Guest> = Vec::new();
    for guest in guests {
        let Some(email) = super::contact::email_address("guests", &guest.email)? else {
            return Err(Error::validation(
                "guests",
                "Someone invited has no email address. Give each guest an address, or remove them.",
            ));
        };
        let email = email.to_lowercase();
        let name = validate::short_text("guests", "A guest's name", guest.name.as_deref())?;
        match kept.iter_mut().find(|g| g.email == email) {
            Some(same) => {
                if guest.role == GuestRole::Organizer {
                    same.role = GuestRole::Organizer;
                }
                if same.name.is_none() {
                    same.name = name;
                }
            }
            None => kept.push(Guest { email, name, role: guest.role }),
        }
    }
    kept.sort_by(|a, b| {
        (a.role != GuestRole::Organizer, &a.email).cmp(&(b.role != GuestRole::Organizer, &b.email))
    });
    Ok(kept)
}

/// The repeating meeting a meeting is one occurrence of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Occurrence {
    pub series_id: Id,
    /// How the series repeats, in words: "weekly on Tuesday".
    pub repeats: String,
    /// Whether this occurrence differs from what the series says (moved, renamed, noted on):
    /// it then goes back out to calendars as a change of its own.
    pub changed: bool,
}

/// A repeating meeting as its calendar has it. Its occurrences are meetings like any other;
/// the series keeps the calendar's own rule so that it goes back out whole, and can be followed
/// further as time passes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingSeries {
    pub id: Id,
    pub account_id: Id,
    pub ical_uid: String,
    pub title: String,
    /// How it repeats, in words: "weekly on Tuesday".
    pub repeats: String,
    /// When it happens, in the calendar's own words: a small iCalendar text with the event's
    /// UID, start, length, RRULE, RDATE and EXDATE, and the description of a zone it names
    /// that is not a standard one.
    pub rule: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl MeetingSeries {
    /// A rule as a series keeps it: an iCalendar text with one event that starts at a time and
    /// repeats. Checked by its shape only; the calendar reader follows it.
    pub fn checked_rule(rule: &str) -> Result<String> {
        let upper = rule.to_ascii_uppercase();
        let events = upper.matches("BEGIN:VEVENT").count();
        let repeats = upper.contains("\nRRULE") || upper.contains("\nRDATE");
        if !upper.trim_start().starts_with("BEGIN:VCALENDAR")
            || events != 1
            || !upper.contains("\nDTSTART")
            || !repeats
        {
            return Err(Error::validation(
                "rule",
                "This repeating meeting's rule cannot be read. Export the archive again from Rapport.",
            ));
        }
        validate::long_text("rule", "The rule", rule)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Meeting {
    pub id: Id,
    pub account_id: Id,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub title: String,
    pub location: Option<String>,
    pub attendee_ids: Vec<Id>,
    /// People invited who are not (yet) among the user's people, as the calendar named them.
    pub guests: Vec<Guest>,
    pub agenda: String,
    /// The calendar's own id for the event, when it came from a calendar: importing the same
    /// file again updates the meeting instead of adding a second one.
    pub ical_uid: Option<String>,
    /// The IANA zone the meeting was scheduled in, when a calendar said; exports keep it.
    pub timezone: Option<String>,
    /// The repeating meeting this is one occurrence of, when it is one.
    pub series: Option<Occurrence>,
    /// Which of `attendee_ids` sent the invitation, when a calendar said.
    pub organizer_id: Option<Id>,
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
    /// Absent keeps the guests the meeting has (the app's form does not send them); present
    /// replaces them.
    #[serde(default)]
    pub guests: Option<Vec<Guest>>,
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
            guests: checked_guests(self.guests.unwrap_or_default())?,
            agenda: validate::long_text("agenda", "The agenda", self.agenda.as_deref().unwrap_or(""))?,
            ical_uid: None,
            timezone: None,
            series: None,
            organizer_id: None,
            created_at: now,
            updated_at: now,
        })
    }
}
