//! Accounts: the client organisations, with the working week and cadence that every check-in
//! must honour.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{
    Contact, CultureNote, Goal, Id, Interaction, Issue, Meeting, Promise, Request, TimelineEntry, validate,
    word_enum,
};
use crate::domain::TouchState;
use crate::error::{Error, Result};

word_enum!(
    /// How much of the user's attention the account deserves; sets the default cadence.
    Tier { Strategic = "strategic", Core = "core", Standard = "standard" }
);

word_enum!(
    AccountStatus { Active = "active", Prospect = "prospect", Paused = "paused", Former = "former" }
);

word_enum!(
    Weekday { Mon = "mon", Tue = "tue", Wed = "wed", Thu = "thu", Fri = "fri", Sat = "sat", Sun = "sun" }
);

impl Tier {
    /// Days between touches when the account sets no cadence of its own.
    pub fn default_cadence_days(self) -> u32 {
        match self {
            Tier::Strategic => 14,
            Tier::Core => 30,
            Tier::Standard => 60,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct WorkingHours {
    /// "HH:MM" in the account's own time zone.
    pub start: String,
    pub end: String,
}

impl Default for WorkingHours {
    fn default() -> Self {
        WorkingHours { start: "09:00".into(), end: "17:30".into() }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Account {
    pub id: Id,
    pub name: String,
    pub tier: Tier,
    pub status: AccountStatus,
    pub industry: Option<String>,
    /// IANA name, e.g. "Europe/Berlin".
    pub timezone: String,
    pub working_days: Vec<Weekday>,
    pub working_hours: WorkingHours,
    pub holidays: Vec<NaiveDate>,
    pub renewal_date: Option<NaiveDate>,
    /// The account's own cadence in days; absent means "from its tier".
    pub cadence_days: Option<u32>,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Account {
    pub fn effective_cadence_days(&self) -> u32 {
        self.cadence_days.unwrap_or_else(|| self.tier.default_cadence_days())
    }
}

/// What a user fills in to create an account. Text is checked by [`AccountDraft::into_account`].
#[derive(Debug, Clone, Default, Deserialize, Type)]
pub struct AccountDraft {
    pub name: String,
    pub tier: Option<Tier>,
    pub status: Option<AccountStatus>,
    pub industry: Option<String>,
    /// Defaults to UTC when left blank.
    pub timezone: Option<String>,
    /// "YYYY-MM-DD"
    pub renewal_date: Option<String>,
    pub cadence_days: Option<i32>,
    pub notes: Option<String>,
    /// Defaults to Monday to Friday.
    pub working_days: Option<Vec<Weekday>>,
    /// Defaults to 09:00–17:30.
    pub working_hours: Option<WorkingHours>,
    /// "YYYY-MM-DD" each.
    pub holidays: Option<Vec<String>>,
}

impl AccountDraft {
    pub fn into_account(self, id: Id, now: DateTime<Utc>) -> Result<Account> {
        let name = validate::name("name", "An account", &self.name)?;
        let timezone = match self.timezone.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(tz) => validate::timezone("timezone", tz)?,
            None => "UTC".to_string(),
        };
        let renewal_date = validate::opt_date("renewal_date", self.renewal_date.as_deref())?;
        let working_hours = self.working_hours.unwrap_or_default();
        check_working_hours(&working_hours)?;
        let working_days = match self.working_days {
            Some(days) if days.is_empty() => {
                return Err(Error::validation(
                    "working_days",
                    "Choose at least one working day, so Rapport knows when to suggest contact.",
                ));
            }
            Some(mut days) => {
                days.sort_by_key(|d| Weekday::ALL.iter().position(|w| w == d));
                days.dedup();
                days
            }
            None => vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri],
        };
        let mut holidays = self
            .holidays
            .unwrap_or_default()
            .iter()
            .map(|d| validate::date("holidays", d))
            .collect::<Result<Vec<_>>>()?;
        holidays.sort();
        holidays.dedup();
        Ok(Account {
            id,
            name,
            tier: self.tier.unwrap_or(Tier::Standard),
            status: self.status.unwrap_or(AccountStatus::Active),
            industry: validate::short_text("industry", "The industry", self.industry.as_deref())?,
            timezone,
            working_days,
            working_hours: WorkingHours {
                start: working_hours.start.trim().into(),
                end: working_hours.end.trim().into(),
            },
            holidays,
            renewal_date,
            cadence_days: validate::cadence("cadence_days", self.cadence_days.map(i64::from))?,
            notes: validate::long_text("notes", "The notes", self.notes.as_deref().unwrap_or(""))?,
            created_at: now,
            updated_at: now,
        })
    }
}

/// Checks the working week of an account built outside a draft (demo data, archives).
pub fn check_working_hours(hours: &WorkingHours) -> Result<()> {
    let start = validate::clock_time("working_hours", &hours.start)?;
    let end = validate::clock_time("working_hours", &hours.end)?;
    if end <= start {
        return Err(Error::validation(
            "working_hours",
            format!(
                "Working hours end ({}) before they start ({}). Put the start first.",
                hours.end, hours.start
            ),
        ));
    }
    Ok(())
}

/// One row of the accounts list.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AccountSummary {
    pub id: Id,
    pub name: String,
    pub tier: Tier,
    pub status: AccountStatus,
    pub industry: Option<String>,
    pub timezone: String,
    pub contact_count: u32,
    pub last_touch_at: Option<DateTime<Utc>>,
    pub cadence_days: u32,
    pub touch: TouchState,
}

impl From<&Account> for AccountDraft {
    /// The account as an edit form would show it.
    fn from(a: &Account) -> Self {
        AccountDraft {
            name: a.name.clone(),
            tier: Some(a.tier),
            status: Some(a.status),
            industry: a.industry.clone(),
            timezone: Some(a.timezone.clone()),
            renewal_date: a.renewal_date.map(|d| d.to_string()),
            cadence_days: a.cadence_days.map(|c| c as i32),
            notes: Some(a.notes.clone()),
            working_days: Some(a.working_days.clone()),
            working_hours: Some(a.working_hours.clone()),
            holidays: Some(a.holidays.iter().map(|d| d.to_string()).collect()),
        }
    }
}

/// Everything the account page shows, loaded in one call.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AccountPage {
    pub account: Account,
    pub contacts: Vec<Contact>,
    pub culture_notes: Vec<CultureNote>,
    pub goals: Vec<Goal>,
    pub promises: Vec<Promise>,
    pub requests: Vec<Request>,
    pub issues: Vec<Issue>,
    pub meetings: Vec<Meeting>,
    /// The most recent interactions, newest first.
    pub interactions: Vec<Interaction>,
    /// One history of interactions, promises, requests, issues and meetings, newest first.
    pub timeline: Vec<TimelineEntry>,
    pub last_touch_at: Option<DateTime<Utc>>,
    /// The cadence in force: the account's own, or its tier's.
    pub cadence_days: u32,
    pub touch: TouchState,
    /// The user's acknowledge and answer clocks, for the requests' countdowns.
    pub request_clocks: super::RequestClocks,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-23T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_named_draft_becomes_a_standard_active_account_in_utc() {
        let account = AccountDraft { name: "  Kestrel Logistics ".into(), ..Default::default() }
            .into_account("id".into(), now())
            .unwrap();
        assert_eq!(account.name, "Kestrel Logistics");
        assert_eq!((account.tier, account.status), (Tier::Standard, AccountStatus::Active));
        assert_eq!(account.timezone, "UTC");
        assert_eq!(account.effective_cadence_days(), 60);
    }

    #[test]
    fn a_bad_renewal_date_names_its_field() {
        let err = AccountDraft {
            name: "Kestrel".into(),
            renewal_date: Some("31/03/2027".into()),
            ..Default::default()
        }
        .into_account("id".into(), now())
        .unwrap_err();
        assert!(matches!(err, Error::Validation { field: "renewal_date", .. }), "{err:?}");
    }

    #[test]
    fn working_hours_must_end_after_they_start() {
        assert!(check_working_hours(&WorkingHours::default()).is_ok());
        let late = WorkingHours { start: "18:00".into(), end: "09:00".into() };
        assert!(check_working_hours(&late).unwrap_err().to_string().contains("Put the start first"));
    }
}
