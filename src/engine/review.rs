//! The value review (DESIGN §10, issue 20): the page handed to the client at a quarterly or
//! executive business review — their stated goals, each with its progress and the evidence of
//! the period linked to it, what else we delivered, what comes next, and questions for them.
//!
//! It is made for the client, so it is built from client-safe facts only, chosen field by field:
//! a goal's title, status, target day and progress notes; a meeting's title and day; a resolved
//! issue's title; the text of a promise we kept (and what we delivered beyond it); the summary of
//! a touch we started that served their goals and is not private; their own people's names. It must never
//! read anything internal: no personal, ours, our-company or inferred goal, no goal detail, no
//! culture note, contact note, account note, role, stance or influence, no sentiment, health or
//! trust figure, no private touch, no meeting agenda, no issue note, no mail snippet.
//!
//! **Linking.** An item goes under the goal whose title shares the most *significant words* with
//! its own text (words of four letters or more, a plural `s` set aside, common and meeting words
//! left out — [`significant_words`]); a tie goes to the goal listed first. An item sharing no word
//! with any goal goes under the goal of its owner when it is about that person alone (a promise
//! made to them, a meeting or touch with them as its only person) or names them in full — and
//! only when that person owns one listed goal. Everything else is "also delivered". Each item is
//! shown once.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Months, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::domain::{Bundle, Direction, GoalKind, GoalStatus, Id, Initiator, PromiseStatus, Serves};

/// The days a review covers, both included, in the client's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// The days asked for, each defaulting: `to` to `today`, `from` to the same day three
    /// months before `to` — the quarter up to the review. May end before it starts: the caller
    /// refuses that in a sentence.
    pub fn around(from: Option<NaiveDate>, to: Option<NaiveDate>, today: NaiveDate) -> Period {
        let to = to.unwrap_or(today);
        let from = from.unwrap_or_else(|| to.checked_sub_months(Months::new(3)).unwrap_or(to));
        Period { from, to }
    }
}

/// The value review of one account over one period, as data: what the document says.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ValueReview {
    pub account_id: Id,
    /// The account's name.
    pub account: String,
    pub period: Period,
    /// The day it was prepared, in the client's time zone.
    pub prepared_on: NaiveDate,
    /// Their stated company goals still alive, and those achieved during the period.
    pub goals: Vec<ReviewGoal>,
    /// Evidence of the period that no goal could be linked to.
    pub also_delivered: Vec<ReviewEvidence>,
    pub next: Vec<ReviewNext>,
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ReviewGoal {
    pub title: String,
    pub status: GoalStatus,
    /// Their person who owns the goal, when one is recorded.
    pub owner: Option<String>,
    pub target_date: Option<NaiveDate>,
    /// The goal's progress notes dated in the period, oldest first.
    pub progress: Vec<ReviewProgress>,
    /// The period's evidence linked to the goal, oldest first.
    pub evidence: Vec<ReviewEvidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ReviewProgress {
    pub on: NaiveDate,
    pub text: String,
}

/// What a piece of evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// A meeting held with them: its title.
    Meeting,
    /// An issue resolved: its title.
    IssueResolved,
    /// A promise of ours kept: its text.
    PromiseKept,
    /// A touch we started that served their goals (said so, or strategic and not said to serve
    /// ours) and is not private: its summary.
    Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ReviewEvidence {
    pub kind: EvidenceKind,
    pub on: NaiveDate,
    pub text: String,
    /// What we delivered beyond a kept promise.
    pub extra: Option<String>,
    /// Why it is under its goal: the words it shares with the goal's title, or the owner it is
    /// about. None in `also_delivered`. For the user; the document does not print it.
    pub linked_by: Option<String>,
}

/// What a next step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum NextKind {
    /// A request of theirs we have not answered yet.
    YourRequest,
    /// A promise of ours still open, by its due day.
    OurPromise,
    /// The next meeting scheduled.
    Meeting,
    /// A listed goal's target day ahead.
    GoalTarget,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ReviewNext {
    pub kind: NextKind,
    pub text: String,
    /// Its due, meeting or target day; none for a request.
    pub on: Option<NaiveDate>,
}

/// At most this many questions from the data; one general question follows them.
pub const MAX_QUESTIONS: usize = 5;

/// Words too common to link an item to a goal: short function words are already left out by
/// their length; these are the longer ones, and the words of any meeting or follow-up.
const COMMON: [&str; 58] = [
    "about",
    "after",
    "again",
    "also",
    "been",
    "before",
    "being",
    "call",
    "check",
    "does",
    "done",
    "each",
    "follow",
    "from",
    "goal",
    "have",
    "here",
    "into",
    "just",
    "like",
    "made",
    "make",
    "meeting",
    "monthly",
    "more",
    "most",
    "much",
    "next",
    "only",
    "other",
    "over",
    "plan",
    "project",
    "quarterly",
    "review",
    "same",
    "session",
    "some",
    "such",
    "sync",
    "team",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "time",
    "update",
    "weekly",
    "what",
    "when",
    "which",
    "will",
    "with",
];

/// The significant words of a text, each with the first way the text wrote it: lower case, four
/// letters or more, a plural `s` set aside ("claims" is "claim"), [`COMMON`] words left out.
pub fn significant_words(text: &str) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.chars().count() < 4 {
            continue;
        }
        let lower = word.to_lowercase();
        let stem = match lower.strip_suffix('s') {
            Some(stem) if stem.chars().count() >= 4 && !stem.ends_with('s') => stem.to_string(),
            _ => lower,
        };
        if !COMMON.contains(&stem.as_str()) {
            found.entry(stem).or_insert_with(|| word.to_string());
        }
    }
    found
}

/// One client-safe fact of the period before it is placed: with the people it is about, for the
/// owner rule.
struct Candidate {
    evidence: ReviewEvidence,
    people: Vec<Id>,
}

/// The value review of the account in `b` over `period` (days in the account's time zone), as of
/// `now`: nothing after `now` is evidence.
pub fn value_review(b: &Bundle, period: Period, now: DateTime<Utc>) -> ValueReview {
    let zone: Tz = b.account.timezone.parse().unwrap_or(Tz::UTC);
    let day = |t: DateTime<Utc>| t.with_timezone(&zone).date_naive();
    let today = day(now);
    let within = |t: DateTime<Utc>| t <= now && (period.from..=period.to).contains(&day(t));
    let name = |id: &str| b.contacts.iter().find(|c| c.id == id).map(|c| c.name.clone());

    // Their stated company goals: alive, or achieved during the period (by its last change).
    let mut listed: Vec<&crate::domain::Goal> = b
        .goals
        .iter()
        .filter(|g| g.kind == GoalKind::Company && g.stated && g.status != GoalStatus::Dropped)
        .filter(|g| {
            g.status != GoalStatus::Achieved
                || within(g.updated_at)
                || g.progress.iter().any(|p| within(p.at))
        })
        .collect();
    listed.sort_by(|a, b| {
        let key = |g: &crate::domain::Goal| {
            (g.status == GoalStatus::Achieved, g.target_date.is_none(), g.target_date, g.title.clone())
        };
        key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
    });
    let mut goals: Vec<ReviewGoal> = listed
        .iter()
        .map(|g| ReviewGoal {
            title: g.title.clone(),
            status: g.status,
            owner: g.contact_id.as_deref().and_then(name),
            target_date: g.target_date,
            progress: g
                .progress
                .iter()
                .filter(|p| within(p.at))
                .map(|p| ReviewProgress { on: day(p.at), text: p.text.clone() })
                .collect(),
            evidence: Vec::new(),
        })
        .collect();

    let mut also_delivered = Vec::new();
    for c in candidates(b, &within, &day) {
        match link(&c, &listed, b) {
            Some((at, why)) => {
                goals[at].evidence.push(ReviewEvidence { linked_by: Some(why), ..c.evidence });
            }
            None => also_delivered.push(c.evidence),
        }
    }

    let next = next_steps(b, &goals, now, today, &day);
    let questions = questions(b, &goals, now, &day);
    ValueReview {
        account_id: b.account.id.clone(),
        account: b.account.name.clone(),
        period,
        prepared_on: today,
        goals,
        also_delivered,
        next,
        questions,
    }
}

/// The period's client-safe facts, oldest first, each once (a touch read from the calendar
/// that repeats a meeting's title on its day is the meeting).
fn candidates(
    b: &Bundle,
    within: &dyn Fn(DateTime<Utc>) -> bool,
    day: &dyn Fn(DateTime<Utc>) -> NaiveDate,
) -> Vec<Candidate> {
    let fact = |kind, at, text: &str, extra: Option<&String>, people: Vec<Id>| Candidate {
        evidence: ReviewEvidence {
            kind,
            on: day(at),
            text: text.to_string(),
            extra: extra.cloned(),
            linked_by: None,
        },
        people,
    };
    let mut all = Vec::new();
    for m in b.meetings.iter().filter(|m| within(m.starts_at)) {
        all.push(fact(EvidenceKind::Meeting, m.starts_at, &m.title, None, m.attendee_ids.clone()));
    }
    for i in b.issues.iter() {
        if let Some(at) = i.resolved_at.filter(|at| within(*at)) {
            all.push(fact(EvidenceKind::IssueResolved, at, &i.title, None, Vec::new()));
        }
    }
    for p in b.promises.iter().filter(|p| p.direction == Direction::Ours && p.status == PromiseStatus::Kept) {
        if let Some(at) = p.completed_at.filter(|at| within(*at)) {
            let extra = p.extra.as_ref().filter(|e| !e.trim().is_empty());
            all.push(fact(
                EvidenceKind::PromiseKept,
                at,
                &p.text,
                extra,
                p.contact_id.iter().cloned().collect(),
            ));
        }
    }
    for i in b.interactions.iter().filter(|i| within(i.occurred_at)) {
        // Ours to give: started by us, for their goals (said so, or strategic and not said to
        // serve ours), and not private.
        let serves_them = i.serves == Some(Serves::Theirs) || (i.strategic && i.serves.is_none());
        if !i.private && serves_them && i.initiated_by == Initiator::Us {
            all.push(fact(EvidenceKind::Extra, i.occurred_at, &i.summary, None, i.contact_ids.clone()));
        }
    }
    all.sort_by(|a, b| {
        let key = |c: &Candidate| (c.evidence.on, c.evidence.kind, c.evidence.text.clone());
        key(a).cmp(&key(b))
    });
    let mut seen = BTreeSet::new();
    all.retain(|c| seen.insert((c.evidence.on, c.evidence.text.trim().to_lowercase())));
    all
}

/// The goal an item goes under, by its index among `listed`, and why.
fn link(c: &Candidate, listed: &[&crate::domain::Goal], b: &Bundle) -> Option<(usize, String)> {
    let words = significant_words(&c.evidence.text);
    let mut best: Option<(usize, Vec<String>)> = None;
    for (at, g) in listed.iter().enumerate() {
        let theirs = significant_words(&g.title);
        let shared: Vec<String> =
            words.iter().filter(|(stem, _)| theirs.contains_key(*stem)).map(|(_, w)| w.clone()).collect();
        if !shared.is_empty() && best.as_ref().is_none_or(|(_, most)| shared.len() > most.len()) {
            best = Some((at, shared));
        }
    }
    if let Some((at, shared)) = best {
        return Some((at, format!("shares the words {}", shared.join(", "))));
    }
    // No shared word: the goal of the one person it is about, when they own one listed goal.
    let owners: Vec<(usize, &crate::domain::Contact)> = listed
        .iter()
        .enumerate()
        .filter_map(|(at, g)| {
            let owner = b.contacts.iter().find(|p| Some(&p.id) == g.contact_id.as_ref())?;
            Some((at, owner))
        })
        .collect();
    let text = c.evidence.text.to_lowercase();
    owners.iter().find_map(|(at, owner)| {
        let only_them = c.people.len() == 1 && c.people[0] == owner.id;
        let names_them =
            owner.name.trim().chars().count() >= 4 && text.contains(&owner.name.trim().to_lowercase());
        let one_goal = owners.iter().filter(|(_, o)| o.id == owner.id).count() == 1;
        (one_goal && (only_them || names_them)).then(|| (*at, format!("about {}", owner.name)))
    })
}

/// What comes next: their requests still unanswered, our open promises by due day, the next
/// meeting, and the listed goals' targets ahead.
fn next_steps(
    b: &Bundle,
    goals: &[ReviewGoal],
    now: DateTime<Utc>,
    today: NaiveDate,
    day: &dyn Fn(DateTime<Utc>) -> NaiveDate,
) -> Vec<ReviewNext> {
    let mut next = Vec::new();
    let mut requests: Vec<_> =
        b.requests.iter().filter(|r| !r.is_settled() && r.received_at <= now).collect();
    requests.sort_by_key(|r| (r.received_at, r.id.clone()));
    next.extend(requests.iter().map(|r| ReviewNext {
        kind: NextKind::YourRequest,
        text: r.text.clone(),
        on: None,
    }));
    let mut dated = Vec::new();
    for p in b.promises.iter().filter(|p| p.direction == Direction::Ours && p.is_open()) {
        dated.push(ReviewNext { kind: NextKind::OurPromise, text: p.text.clone(), on: Some(day(p.due_at)) });
    }
    if let Some(m) =
        b.meetings.iter().filter(|m| m.starts_at > now).min_by_key(|m| (m.starts_at, m.id.clone()))
    {
        dated.push(ReviewNext { kind: NextKind::Meeting, text: m.title.clone(), on: Some(day(m.starts_at)) });
    }
    for g in goals.iter().filter(|g| !g.status.is_closed()) {
        if let Some(target) = g.target_date.filter(|t| *t >= today) {
            dated.push(ReviewNext { kind: NextKind::GoalTarget, text: g.title.clone(), on: Some(target) });
        }
    }
    dated.sort_by(|a, b| (a.on, a.kind, &a.text).cmp(&(b.on, b.kind, &b.text)));
    next.extend(dated);
    next
}

/// A few questions for them from the data, always the same for the same data: how success looks
/// on a goal that has not moved this period, what follows a goal achieved, whether something
/// they promised still stands; then one general question.
fn questions(
    b: &Bundle,
    goals: &[ReviewGoal],
    now: DateTime<Utc>,
    day: &dyn Fn(DateTime<Utc>) -> NaiveDate,
) -> Vec<String> {
    let long = |d: NaiveDate| d.format("%-d %b %Y").to_string();
    let mut asked = Vec::new();
    for g in goals {
        let quiet = g.progress.is_empty() && g.evidence.is_empty();
        let question = match (g.status, g.target_date) {
            (GoalStatus::Achieved, _) => format!("What comes after \"{}\"?", g.title),
            (_, Some(target)) if quiet => {
                format!("What would success on \"{}\" look like by {}?", g.title, long(target))
            }
            (_, None) if quiet => format!("What would success on \"{}\" look like for you?", g.title),
            _ => continue,
        };
        if !asked.contains(&question) {
            asked.push(question);
        }
    }
    let mut theirs: Vec<_> =
        b.promises.iter().filter(|p| p.direction == Direction::Theirs && p.is_open()).collect();
    theirs.sort_by_key(|p| (p.due_at, p.id.clone()));
    for p in theirs {
        let when = if p.due_at < now { "was planned for" } else { "is still planned for" };
        asked.push(format!(
            "Where does \"{}\" stand on your side? It {when} {}.",
            p.text,
            long(day(p.due_at))
        ));
    }
    asked.truncate(MAX_QUESTIONS);
    if goals.is_empty() {
        asked.push(
            "Which goals matter most to you for the coming quarter, and how will you measure them?".into(),
        );
    }
    asked.push("What should we do more of, or differently, in the next quarter?".into());
    asked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn significant_words_leave_out_short_common_and_plural_differences() {
        let words = significant_words("Cut claims-processing time by 30% with the new Claims portal");
        let stems: Vec<&str> = words.keys().map(String::as_str).collect();
        assert_eq!(stems, ["claim", "portal", "processing"]);
        assert_eq!(words["claim"], "claims", "the first way the text wrote it");
        assert!(significant_words("Quarterly review meeting: weekly sync").is_empty());
        assert_eq!(
            significant_words("Access").keys().collect::<Vec<_>>(),
            ["access"],
            "no stem of a double s"
        );
    }

    #[test]
    fn the_default_period_is_the_three_months_up_to_today() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let p = Period::around(None, None, day("2026-12-03"));
        assert_eq!((p.from, p.to), (day("2026-09-03"), day("2026-12-03")));
        let p = Period::around(None, Some(day("2026-05-31")), day("2026-12-03"));
        assert_eq!(
            (p.from, p.to),
            (day("2026-02-28"), day("2026-05-31")),
            "a month's end stays in its month"
        );
        let p = Period::around(Some(day("2026-07-01")), None, day("2026-12-03"));
        assert_eq!((p.from, p.to), (day("2026-07-01"), day("2026-12-03")));
    }
}
