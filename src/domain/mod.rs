//! What Rapport knows (DESIGN §3): the records, their enumerations, and the rules an input must
//! meet before it may be stored.
//!
//! Types here are the single source of truth: the store maps them to rows, the CLI prints them,
//! and the UI receives them as generated TypeScript. Validation lives here so that every door
//! (app, CLI, importers) applies the same rules. Nothing here touches the database or the clock.

mod account;
mod bundle;
mod checkin_settings;
mod checkins;
mod contact;
mod culture;
pub mod day_words;
mod goal;
mod health;
mod interaction;
mod issue;
mod kinds;
mod mail;
mod meeting;
mod names;
mod noticed;
mod problems;
mod promise;
pub mod quoted;
mod request;
mod stakeholder;
mod timeline;
mod touch;
pub mod validate;
mod window;

pub use account::{
    Account, AccountDraft, AccountPage, AccountStatus, AccountSummary, Tier, Weekday, WorkingHours,
    check_working_hours,
};
pub use bundle::Bundle;
pub use checkin_settings::{RequestClocks, Settings};
pub use checkins::{CheckinAccount, CheckinNeeds, Touches};
pub use contact::{
    Contact, ContactDraft, DateKind, ImportantDate, Level, MAX_OTHERS, NameParts, is_email_address,
};
pub use culture::{CultureCategory, CultureNote, CultureNoteDraft};
pub use goal::{Goal, GoalDraft, GoalKind, GoalProgress, GoalStatus};
pub use health::{
    Band, Baseline, BaselineComponent, COMPONENTS, ComponentScore, Snapshot, TouchFigures, TrendPoint,
    Weights, touch_windows,
};
pub use interaction::{Channel, Initiator, Interaction, InteractionDraft, InteractionSource};
pub use issue::{Issue, IssueDraft, IssueStep, Severity};
pub use kinds::RecordKind;
pub use mail::{MailKind, MailPerson, MailSourceState, StoredMail, mail_hash};
pub use meeting::{
    Guest, GuestRole, MOMENT, Meeting, MeetingDraft, MeetingSeries, Occurrence, checked_guests,
};
pub use names::{MergeKind, PairReason, company_key, name_words, person_key};
pub use noticed::{
    Noticed, NoticedEdit, NoticedKind, NoticedSource, NoticedState, domain_of, is_public_mail,
};
pub use problems::{LineProblem, Problem};
pub use promise::{Direction, Promise, PromiseDraft, PromiseOutcome, PromiseStatus};
pub use request::{Request, RequestDraft, RequestStep};
pub use stakeholder::{BuyingRole, Influence, Serves, Stance, checked_roles};
pub use timeline::{TimelineEntry, TimelineKind};
pub use touch::TouchState;
pub use window::Window;

/// A calendar day as JSON holds it, "YYYY-MM-DD", written digit by digit: the health review
/// writes tens of thousands of days, and chrono's own formatting was a fifth of its cost.
pub fn serialize_day<S: serde::Serializer>(day: &chrono::NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    use chrono::Datelike as _;
    use serde::Serialize as _;
    let year = day.year();
    if !(0..=9999).contains(&year) {
        return day.serialize(s);
    }
    let mut text = *b"0000-00-00";
    for (at, value, width) in [(0, year as u32, 4), (5, day.month(), 2), (8, day.day(), 2)] {
        let mut value = value;
        for i in (at..at + width).rev() {
            text[i] = b'0' + (value % 10) as u8;
            value /= 10;
        }
    }
    s.serialize_str(std::str::from_utf8(&text).map_err(serde::ser::Error::custom)?)
}

/// How names and email addresses are compared when records are matched: without case or
/// surrounding space.
pub fn match_key(text: &str) -> String {
    text.trim().to_lowercase()
}

/// Stable record ids are UUIDv7 strings: sortable by creation time and safe to merge across machines.
pub type Id = String;

/// Defines a closed set of words stored as text, named in JSON exactly as in the archive contract.
macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, specta::Type)]
        $(#[$meta])*
        pub enum $name {
            $(#[serde(rename = $word)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// The accepted words, for error messages: "a, b or c".
            pub fn choices() -> String {
                $crate::domain::validate::one_of(&[$($word),+])
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = ();
            fn from_str(s: &str) -> Result<Self, ()> {
                let s = s.trim();
                $(if s.eq_ignore_ascii_case($word) { return Ok($name::$variant); })+
                Err(())
            }
        }
    };
}
pub(crate) use word_enum;

#[cfg(test)]
mod day_tests {
    #[test]
    fn days_are_written_as_chrono_writes_them() {
        for day in ["2026-12-02", "0001-01-01", "9999-12-31", "2028-02-29", "0000-03-01"] {
            let date: chrono::NaiveDate = day.parse().unwrap();
            let mut out = Vec::new();
            super::serialize_day(&date, &mut serde_json::Serializer::new(&mut out)).unwrap();
            assert_eq!(out, serde_json::to_vec(&date).unwrap(), "{day}");
        }
        let far = chrono::NaiveDate::from_ymd_opt(-44, 3, 15).unwrap();
        let mut out = Vec::new();
        super::serialize_day(&far, &mut serde_json::Serializer::new(&mut out)).unwrap();
        assert_eq!(out, serde_json::to_vec(&far).unwrap());
    }
}
