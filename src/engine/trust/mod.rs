//! The trust ledger (DESIGN §10; Maister, Green and Galford): trust is credibility plus
//! reliability plus intimacy, divided by self-orientation — for each person at an account and
//! for the account as a whole, each part from what the account's records hold and nothing else.
//! Each part is 0–100, or unknown when fewer than [`MIN_EVIDENCE`] pieces of evidence bear on
//! it — never a silent 100 — and comes with the sentence that justifies it and one next step,
//! naming the person and the record. Beside it, reciprocity: what they give back. Pure: `now`
//! and the settings are arguments; no clock, no database.
//!
//! The scale: credibility, reliability and intimacy are 0–100, higher better; self-orientation
//! is 0–100, higher worse. Trust is the mean of the known ones among credibility, reliability and
//! intimacy, divided by `1 + self-orientation / 100` (between 1 and 2): a wholly
//! client-oriented relationship keeps its mean, a wholly self-oriented one halves it. Trust is
//! unknown when fewer than two of the three are known; an unknown self-orientation divides by 1.

mod parts;
mod reciprocity;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;
use specta::Type;

use super::health::history::{as_of, end_of};
use crate::domain::{Bundle, Contact, Id, Level, Settings};

pub use reciprocity::{Reciprocity, ReciprocityLedger};

/// How far back the evidence reaches: the same 180 days the health review reads.
pub const LOOKBACK_DAYS: i64 = 180;
/// Fewer pieces of evidence than this and a part is unknown: one kept promise says little.
pub const MIN_EVIDENCE: usize = 2;
/// A part scoring below this (self-orientation: above 100 minus this) is a weak spot.
pub const WEAK_BELOW: u32 = 70;
/// How many points the trend holds: one a week, today's last.
pub const TREND_POINTS: i64 = 12;

/// One part of the ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TrustPart {
    /// 0–100, or absent when too little is known. For self-orientation, higher is worse.
    pub score: Option<u32>,
    /// Why, in words, naming the person and the records.
    pub evidence: String,
    /// The one thing to do next.
    pub next_step: String,
}

/// The four parts and the trust they make.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TrustParts {
    pub credibility: TrustPart,
    pub reliability: TrustPart,
    pub intimacy: TrustPart,
    pub self_orientation: TrustPart,
    pub trust: TrustPart,
}

/// One person's ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct PersonTrust {
    pub name: String,
    pub contact_id: Id,
    #[serde(flatten)]
    pub parts: TrustParts,
}

/// The weakest known part of a ledger, when it is weak (see [`WEAK_BELOW`]).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct WeakSpot {
    /// "credibility", "reliability", "intimacy" or "self_orientation".
    pub part: String,
    /// The part's own score (for self-orientation, higher is worse).
    pub score: u32,
    pub evidence: String,
    pub next_step: String,
}

/// The account's trust on one past day, rebuilt from the dated records.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TrustPoint {
    #[serde(serialize_with = "crate::domain::serialize_day")]
    #[specta(type = String)]
    pub day: NaiveDate,
    pub trust: Option<u32>,
}

/// The whole ledger of one account.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TrustLedger {
    pub account: String,
    pub account_id: Id,
    pub account_level: TrustParts,
    /// Executives first, then managers, then staff; by name within a level.
    pub people: Vec<PersonTrust>,
    /// The account's weakest part, when one is weak.
    pub weak_spot: Option<WeakSpot>,
    pub reciprocity: ReciprocityLedger,
    /// Weekly over the last quarter, oldest first; today's point last.
    pub trend: Vec<TrustPoint>,
}

/// Whose ledger a part is judged for: the account as a whole, or one person.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Whom<'a> {
    Account(&'a str),
    Person(&'a Contact),
}

impl<'a> Whom<'a> {
    /// Whether a record naming `contact` (or nobody) bears on this ledger.
    fn has(self, contact: Option<&Id>) -> bool {
        match self {
            Whom::Account(_) => true,
            Whom::Person(c) => contact == Some(&c.id),
        }
    }

    /// Whether a touch with `people` bears on this ledger.
    fn in_touch(self, people: &[Id]) -> bool {
        match self {
            Whom::Account(_) => true,
            Whom::Person(c) => people.contains(&c.id),
        }
    }

    /// The name a sentence starts with.
    fn name(self) -> &'a str {
        match self {
            Whom::Account(name) => name,
            Whom::Person(c) => &c.name,
        }
    }

    /// How a next step speaks to them: "Ana" for a person, "Kestrel" for the account.
    fn short(self) -> &'a str {
        match self {
            Whom::Account(name) => name,
            Whom::Person(c) => first_name(&c.name),
        }
    }
}

/// How a next step speaks to a person: their first name, past a title — "Annika" for
/// "Dr. Annika Vogt".
fn first_name(name: &str) -> &str {
    const TITLES: [&str; 10] = ["dr", "prof", "mr", "mrs", "ms", "mx", "sir", "dame", "herr", "frau"];
    let mut words = name.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let bare = word.trim_end_matches('.').to_lowercase();
        if !TITLES.contains(&bare.as_str()) || words.peek().is_none() {
            return word;
        }
    }
    name
}

/// The ledger of one account at `now`, with its trend.
pub fn ledger(b: &Bundle, now: DateTime<Utc>, settings: &Settings) -> TrustLedger {
    let account_level = account_trust(b, now, settings);
    let mut contacts: Vec<&Contact> = b.contacts.iter().collect();
    let rank = |l: Level| match l {
        Level::Executive => 0,
        Level::Manager => 1,
        Level::Staff => 2,
    };
    contacts.sort_by(|x, y| (rank(x.level), &x.name).cmp(&(rank(y.level), &y.name)));
    let people: Vec<PersonTrust> = contacts.iter().map(|c| person_trust(b, c, now, settings)).collect();
    TrustLedger {
        account: b.account.name.clone(),
        account_id: b.account.id.clone(),
        weak_spot: weak_spot(&account_level),
        account_level,
        people,
        reciprocity: reciprocity::ledger(b, &contacts, now),
        trend: trend(b, now, settings),
    }
}

/// The account as a whole: every record of the account, whoever it names.
pub fn account_trust(b: &Bundle, now: DateTime<Utc>, settings: &Settings) -> TrustParts {
    let whom = Whom::Account(&b.account.name);
    let intimacy = parts::account_intimacy(b, now);
    combine(
        whom,
        parts::credibility(b, whom, now, settings),
        parts::reliability(b, whom, now, settings),
        intimacy,
        parts::self_orientation(b, whom, now, settings),
    )
}

/// One person: the records that name them.
pub fn person_trust(b: &Bundle, c: &Contact, now: DateTime<Utc>, settings: &Settings) -> PersonTrust {
    let whom = Whom::Person(c);
    let parts = combine(
        whom,
        parts::credibility(b, whom, now, settings),
        parts::reliability(b, whom, now, settings),
        parts::intimacy(b, c, now),
        parts::self_orientation(b, whom, now, settings),
    );
    PersonTrust { name: c.name.clone(), contact_id: c.id.clone(), parts }
}

/// Trust from its parts, as the formula says (see the module's note on the scale).
fn combine(
    whom: Whom<'_>,
    credibility: TrustPart,
    reliability: TrustPart,
    intimacy: TrustPart,
    self_orientation: TrustPart,
) -> TrustParts {
    let named = [("credibility", &credibility), ("reliability", &reliability), ("intimacy", &intimacy)];
    let known: Vec<(&str, u32)> = named.iter().filter_map(|(n, p)| p.score.map(|s| (*n, s))).collect();
    let mut parts = TrustParts {
        trust: TrustPart { score: None, evidence: String::new(), next_step: String::new() },
        credibility,
        reliability,
        intimacy,
        self_orientation,
    };
    let who = whom.name();
    if known.len() < 2 {
        let judged = if known.is_empty() {
            "none of credibility, reliability and intimacy can be judged yet".to_string()
        } else {
            format!("only {} can be judged yet", known[0].0)
        };
        parts.trust.evidence = format!("{who}: too little is known for trust: {judged}.");
    } else {
        let mean = known.iter().map(|(_, s)| f64::from(*s)).sum::<f64>() / known.len() as f64;
        let sum = known.iter().map(|(n, s)| format!("{n} {s}")).collect::<Vec<_>>().join(" + ");
        let (divisor, why) = match parts.self_orientation.score {
            Some(s) => (
                1.0 + f64::from(s) / 100.0,
                format!("divided by {:.2} for self-orientation {s}", 1.0 + f64::from(s) / 100.0),
            ),
            None => (1.0, "not divided, self-orientation being unknown".to_string()),
        };
        let score = (mean / divisor).round() as u32;
        parts.trust.score = Some(score);
        parts.trust.evidence =
            format!("{who}: ({sum}) / {} = {}, {why}: trust {score}.", known.len(), mean.round() as u32);
    }
    parts.trust.next_step = match weak_spot(&parts) {
        Some(weak) => weak.next_step,
        // Too little known: the first part still to be learnt says how to learn it.
        None if parts.trust.score.is_none() => [&parts.reliability, &parts.credibility, &parts.intimacy]
            .into_iter()
            .find(|p| p.score.is_none())
            .map(|p| p.next_step.clone())
            .unwrap_or_default(),
        None => format!("Keep it up with {}: keep promises, serve their goals, stay curious.", whom.short()),
    };
    parts
}

/// The weakest known part, when it is weak: the lowest of credibility, reliability and
/// intimacy, and of self-orientation turned around (100 minus it), below [`WEAK_BELOW`]. Ties
/// go to the first in that order.
pub fn weak_spot(parts: &TrustParts) -> Option<WeakSpot> {
    let candidates = [
        ("credibility", &parts.credibility, false),
        ("reliability", &parts.reliability, false),
        ("intimacy", &parts.intimacy, false),
        ("self_orientation", &parts.self_orientation, true),
    ];
    let (name, part, score, _) = candidates
        .iter()
        .filter_map(|(name, part, worse)| {
            let s = part.score?;
            Some((*name, *part, s, if *worse { 100 - s.min(100) } else { s }))
        })
        .filter(|(_, _, _, good)| *good < WEAK_BELOW)
        .min_by_key(|(_, _, _, good)| *good)?;
    Some(WeakSpot {
        part: name.into(),
        score,
        evidence: part.evidence.clone(),
        next_step: part.next_step.clone(),
    })
}

/// The account's trust weekly over the last quarter: [`TREND_POINTS`] days, a week apart,
/// ending today, each judged at its last second from the bundle rewound to it
/// ([`as_of`]); days before the account was recorded are left out. Today's point is judged at
/// `now`.
pub fn trend(b: &Bundle, now: DateTime<Utc>, settings: &Settings) -> Vec<TrustPoint> {
    let today = now.date_naive();
    let first = b.interactions.iter().map(|i| i.occurred_at).min().unwrap_or(b.account.created_at);
    let began = b.account.created_at.min(first);
    (0..TREND_POINTS)
        .rev()
        .filter_map(|weeks| {
            let day = today - Duration::days(7 * weeks);
            let t = if weeks == 0 { now } else { end_of(day) };
            if t < began {
                return None;
            }
            let trust = if weeks == 0 {
                account_trust(b, t, settings).trust.score
            } else {
                account_trust(&as_of(b, t), t, settings).trust.score
            };
            Some(TrustPoint { day, trust })
        })
        .collect()
}

#[cfg(test)]
#[test]
fn a_next_step_calls_a_person_by_their_first_name_past_a_title() {
    assert_eq!(first_name("Dr. Annika Vogt"), "Annika");
    assert_eq!(first_name("Prof. Dr. Jonas Keller"), "Jonas");
    assert_eq!(first_name("Ana Ruiz"), "Ana");
    assert_eq!(first_name("Dr."), "Dr.");
}

/// "5 hours", "1 hour", "3 days": a span in the unit that reads best.
fn span(d: Duration) -> String {
    let hours = d.num_hours().max(0);
    if hours < 48 {
        format!("{hours} hour{}", if hours == 1 { "" } else { "s" })
    } else {
        format!("{} days", d.num_days())
    }
}

/// "3 March 2026": a day as a sentence says it.
fn day_words(t: DateTime<Utc>) -> String {
    t.format("%-d %B %Y").to_string()
}
