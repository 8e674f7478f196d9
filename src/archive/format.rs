//! The portable archive's document, exactly as DESIGN §3.1 names it. These names are a
//! contract: later versions only add. Field order here is the order written to the file.

use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "rapport-archive";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub version: u32,
    pub exported_at: String,
    pub accounts: Vec<AccountDoc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkingHoursDoc {
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub end: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountDoc {
    pub id: String,
    /// Present only for a record in the archive (deleted, and restorable): since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
    pub name: String,
    #[serde(default)]
    pub tier: String,
    #[serde(default)]
    pub status: String,
    pub industry: Option<String>,
    #[serde(default)]
    pub timezone: String,
    #[serde(default)]
    pub working_days: Vec<String>,
    #[serde(default)]
    pub working_hours: WorkingHoursDoc,
    #[serde(default)]
    pub holidays: Vec<String>,
    pub renewal_date: Option<String>,
    pub cadence_days: Option<u32>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub contacts: Vec<ContactDoc>,
    #[serde(default)]
    pub culture_notes: Vec<CultureNoteDoc>,
    #[serde(default)]
    pub goals: Vec<GoalDoc>,
    #[serde(default)]
    pub promises: Vec<PromiseDoc>,
    #[serde(default)]
    pub interactions: Vec<InteractionDoc>,
    #[serde(default)]
    pub requests: Vec<RequestDoc>,
    #[serde(default)]
    pub issues: Vec<IssueDoc>,
    #[serde(default)]
    pub meetings: Vec<MeetingDoc>,
    /// Repeating meetings, whose occurrences are in `meetings`; left out when there are none
    /// (and absent in archives written before Rapport kept series).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meeting_series: Vec<SeriesDoc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesDoc {
    pub id: String,
    /// The calendar's UID for the repeating event.
    pub ical_uid: String,
    pub title: String,
    /// How it repeats, in words ("weekly on Tuesday").
    pub repeats: String,
    /// When it happens, as an iCalendar text: the event's UID, start, length, RRULE, RDATE and
    /// EXDATE, and any zone it names that is not a standard one.
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateDoc {
    pub kind: String,
    pub date: String,
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactDoc {
    pub id: String,
    /// Present only for a record in the archive (deleted, and restorable): since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
    pub name: String,
    /// Added with issue 23: the name in its parts, when a file gave them; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_parts: Option<crate::domain::NameParts>,
    pub title: Option<String>,
    #[serde(default)]
    pub level: String,
    pub reports_to: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Added in Rapport 0.9: absent in older archives, and left out when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_emails: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_phones: Vec<String>,
    pub preferred_channel: Option<String>,
    pub timezone: Option<String>,
    pub cadence_days: Option<u32>,
    #[serde(default)]
    pub dates: Vec<DateDoc>,
    #[serde(default)]
    pub notes: String,
    /// Added with issue 20, each left out when empty: the buying roles (words), the influence,
    /// the stance the user set, and the colleague who introduced them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub influence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduced_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CultureNoteDoc {
    pub id: String,
    /// Present only for a record in the archive (deleted, and restorable): since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
    #[serde(default)]
    pub category: String,
    pub text: String,
    pub contact_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressDoc {
    pub at: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalDoc {
    pub id: String,
    /// Present only for a record in the archive (deleted, and restorable): since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
    pub kind: String,
    pub contact_id: Option<String>,
    pub title: String,
    #[serde(default)]
    pub detail: String,
    #[serde(default)]
    pub status: String,
    pub target_date: Option<String>,
    #[serde(default)]
    pub stated: bool,
    #[serde(default)]
    pub progress: Vec<ProgressDoc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromiseDoc {
    pub id: String,
    /// Present only for a record in the archive (deleted, and restorable): since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
    #[serde(default)]
    pub direction: String,
    pub contact_id: Option<String>,
    pub text: String,
    pub made_at: String,
    pub due_at: String,
    #[serde(default)]
    pub status: String,
    pub completed_at: Option<String>,
    pub extra: Option<String>,
    pub interaction_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InteractionDoc {
    pub id: String,
    /// Present only for a record in the archive (deleted, and restorable): since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
    pub occurred_at: String,
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub initiated_by: String,
    #[serde(default)]
    pub contact_ids: Vec<String>,
    pub summary: String,
    pub sentiment: Option<i8>,
    #[serde(default)]
    pub strategic: bool,
    /// "mail" or "calendar" for a touch Rapport read; absent for one the user typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The message a touch from mail was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
    /// Added with issue 20: whose goal the touch served ("theirs" or "ours"), and whether it
    /// is private; each left out when not set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serves: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestDoc {
    pub id: String,
    /// Present only for a record in the archive (deleted, and restorable): since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
    pub contact_id: Option<String>,
    pub received_at: String,
    pub text: String,
    pub acknowledged_at: Option<String>,
    pub answered_at: Option<String>,
    pub resolved_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssueDoc {
    pub id: String,
    /// Present only for a record in the archive (deleted, and restorable): since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
    pub title: String,
    #[serde(default)]
    pub severity: String,
    pub opened_at: String,
    pub acknowledged_at: Option<String>,
    pub resolved_at: Option<String>,
    pub followed_up_at: Option<String>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingDoc {
    pub id: String,
    /// Present only for a record in the archive (deleted, and restorable): since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
    pub starts_at: String,
    pub ends_at: String,
    pub title: String,
    pub location: Option<String>,
    #[serde(default)]
    pub attendee_ids: Vec<String>,
    #[serde(default)]
    pub agenda: String,
    /// The calendar's UID for a meeting imported from a calendar; left out otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ical_uid: Option<String>,
    /// The IANA zone the meeting was scheduled in, when known; left out otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// People invited who are not among the user's people; left out when there are none (and
    /// absent in archives written before Rapport kept them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guests: Vec<GuestDoc>,
    /// The repeating meeting (in `meeting_series`) this is an occurrence of; left out otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series_id: Option<String>,
    /// Whether this occurrence differs from what its series says; left out when it does not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub changed: bool,
    /// Which of `attendee_ids` sent the invitation; left out when no calendar said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizer_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuestDoc {
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// "organizer" or "attendee".
    pub role: String,
}

impl Default for WorkingHoursDoc {
    fn default() -> Self {
        WorkingHoursDoc { start: "09:00".into(), end: "17:30".into() }
    }
}
