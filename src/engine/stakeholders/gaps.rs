//! The gaps in an account's map of people, each a finding with its evidence and what to do:
//! nobody who signs off the budget, nobody who speaks for us, a champion gone cold, a
//! relationship on one thread, an executive nobody sees, a blocker nobody works with.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use specta::Type;

use super::cadence_days;
use crate::domain::{Bundle, BuyingRole, Contact, Id, Level};

/// How far back a touch counts as recent for the relationship's threads and its executives.
const RECENT_DAYS: i64 = 90;

/// What kind of gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum GapCode {
    NoEconomicBuyer,
    NoChampion,
    ChampionCold,
    SingleThreaded,
    ExecutiveUntouched,
    BlockerUnaddressed,
}

impl GapCode {
    pub fn as_str(self) -> &'static str {
        match self {
            GapCode::NoEconomicBuyer => "no_economic_buyer",
            GapCode::NoChampion => "no_champion",
            GapCode::ChampionCold => "champion_cold",
            GapCode::SingleThreaded => "single_threaded",
            GapCode::ExecutiveUntouched => "executive_untouched",
            GapCode::BlockerUnaddressed => "blocker_unaddressed",
        }
    }
}

/// One gap: what it is, in a sentence with its evidence and the step to close it, and the
/// person it is about, when it is about one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Gap {
    pub code: GapCode,
    pub text: String,
    pub contact_id: Option<Id>,
}

fn days_since(now: DateTime<Utc>, at: DateTime<Utc>) -> i64 {
    (now - at).num_days().max(0)
}

/// The gaps about one person: a champion gone cold, an executive nobody sees, a blocker nobody
/// works with. `last` is their last touch.
pub fn person_gaps(b: &Bundle, c: &Contact, last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Vec<Gap> {
    let mut found = Vec::new();
    let cadence = i64::from(cadence_days(b, c));
    let quiet = |limit: i64| last.is_none_or(|at| now - at > Duration::days(limit));
    let last_said = match last {
        Some(at) => format!("was last in touch with us {} days ago", days_since(now, at)),
        None => "has never been in touch with us".to_string(),
    };
    let gap = |code, text: String| Gap { code, text, contact_id: Some(c.id.clone()) };
    if c.roles.contains(&BuyingRole::Champion) && quiet(cadence) {
        found.push(gap(
            GapCode::ChampionCold,
            format!(
                "{}, who champions us, {last_said} (their rhythm is every {cadence} days). Call them this week: a champion who hears nothing stops speaking for us.",
                c.name
            ),
        ));
    }
    if c.level == Level::Executive && quiet(RECENT_DAYS) {
        found.push(gap(
            GapCode::ExecutiveUntouched,
            match last {
                Some(at) => format!(
                    "Nobody has spoken with {}{}, an executive, for {} days. Ask for fifteen minutes on what matters to them this quarter.",
                    c.name,
                    c.title.as_deref().map(|t| format!(" ({t})")).unwrap_or_default(),
                    days_since(now, at)
                ),
                None => format!(
                    "Nobody has ever spoken with {}{}, an executive. Ask your contacts for an introduction.",
                    c.name,
                    c.title.as_deref().map(|t| format!(" ({t})")).unwrap_or_default()
                ),
            },
        ));
    }
    if c.roles.contains(&BuyingRole::Blocker) && quiet(cadence) {
        found.push(gap(
            GapCode::BlockerUnaddressed,
            format!(
                "{} resists us and {last_said}. Hear their concerns before they decide for others.",
                c.name
            ),
        ));
    }
    found
}

/// Every gap of `b` at `now`; `last_touch` gives a person's last touch.
pub fn gaps(b: &Bundle, now: DateTime<Utc>, last_touch: impl Fn(&str) -> Option<DateTime<Utc>>) -> Vec<Gap> {
    let people = &b.contacts;
    let with = |role: BuyingRole| people.iter().any(|c| c.roles.contains(&role));
    let mut found = Vec::new();
    let account = &b.account.name;
    if !with(BuyingRole::EconomicBuyer) {
        found.push(Gap {
            code: GapCode::NoEconomicBuyer,
            text: format!(
                "Nobody at {account} is known as the economic buyer. Find out who signs off the budget, and meet them before the renewal."
            ),
            contact_id: None,
        });
    }
    if !with(BuyingRole::Champion) {
        found.push(Gap {
            code: GapCode::NoChampion,
            text: format!(
                "Nobody at {account} is known to champion us. Who speaks for us when we are not in the room? Win one."
            ),
            contact_id: None,
        });
    }
    let recent: Vec<&Contact> = people
        .iter()
        .filter(|c| last_touch(&c.id).is_some_and(|at| now - at <= Duration::days(RECENT_DAYS)))
        .collect();
    if let [only] = recent.as_slice()
        && people.len() >= 2
    {
        found.push(Gap {
            code: GapCode::SingleThreaded,
            text: format!(
                "Of {}'s {} people, only {} heard from us in the last {RECENT_DAYS} days. If they leave, so does the relationship: meet someone else there.",
                account,
                people.len(),
                only.name
            ),
            contact_id: Some(only.id.clone()),
        });
    }
    for c in people {
        found.extend(person_gaps(b, c, last_touch(&c.id), now));
    }
    found
}
