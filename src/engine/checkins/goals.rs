//! Several goals to check on at one account make one reason, about the account's goals, the
//! most important first: a call about how their goals stand, not one line per goal.

use std::cmp::Reverse;
use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::reasons::days;
use super::{Evidence, Found, ReasonCode, Settings};
use crate::domain::{Bundle, Goal, GoalKind, GoalStatus};

/// The account's goal checks folded into one, placed with the account (not with one person).
pub(super) fn one_per_account(bundle: &Bundle, found: Vec<Found>) -> Vec<Found> {
    let (mut checks, mut rest): (Vec<Found>, Vec<Found>) =
        found.into_iter().partition(|f| f.reason.code == ReasonCode::GoalCheck);
    if checks.len() < 2 {
        rest.extend(checks);
        return rest;
    }
    let goal = |f: &Found| {
        let id = f.reason.evidence.as_ref().map(|e| e.id.as_str());
        bundle.goals.iter().find(|g| Some(g.id.as_str()) == id)
    };
    checks.sort_by_key(|f| {
        (goal(f).map(importance), f.reason.due_at, f.reason.evidence.as_ref().map(|e| e.id.clone()))
    });
    let count = checks.len();
    let mut first = checks.remove(0);
    let others: Vec<String> = checks.iter().filter_map(goal).map(|g| named(bundle, g)).collect();
    let also = match others.as_slice() {
        [one] => format!(" Also ask about {one}."),
        many => {
            format!(" Also ask about {} and {}.", many[..many.len() - 1].join(", "), many[many.len() - 1])
        }
    };
    first.reason.text =
        format!("{count} goals to check on, the most important first. {}{also}", first.reason.text);
    first.reason.related = checks.iter().filter_map(|f| f.reason.evidence.clone()).collect::<Vec<Evidence>>();
    first.reason.due_at = checks.iter().map(|f| f.reason.due_at).fold(first.reason.due_at, |a, b| a.min(b));
    first.contact_id = None;
    rest.push(first);
    rest
}

/// "their goal "…"", "Hélène Marchand's "…"": whose goal it is, so that two people's goals of
/// the same name stay two.
fn named(bundle: &Bundle, goal: &Goal) -> String {
    let owner = goal.contact_id.as_deref().and_then(|id| bundle.contacts.iter().find(|c| c.id == id));
    match (goal.kind, owner) {
        (GoalKind::Personal, Some(person)) => format!("{}'s \"{}\"", person.name, goal.title),
        (GoalKind::Ours | GoalKind::OurCompany, _) => format!("our \"{}\"", goal.title),
        _ => format!("their \"{}\"", goal.title),
    }
}

/// Most important first: goals at risk, then the client's own, then a person's, then ours; among
/// those, open before on track, and a goal they said aloud before one we inferred.
fn importance(goal: &Goal) -> (bool, u8, u8, Reverse<bool>) {
    let status = match goal.status {
        GoalStatus::AtRisk => 0,
        GoalStatus::Open => 1,
        GoalStatus::OnTrack => 2,
        GoalStatus::Achieved | GoalStatus::Dropped => 3,
    };
    let kind = match goal.kind {
        GoalKind::Company => 0,
        GoalKind::Personal => 1,
        GoalKind::Ours => 2,
        GoalKind::OurCompany => 3,
    };
    (goal.status != GoalStatus::AtRisk, kind, status, Reverse(goal.stated))
}

/// The goals checked on or put aside within the last `goal_recheck_days`, from what the user did
/// with each check-in (its evidence, and when): they are not raised again until then.
pub fn recently_checked<'a>(
    acted: impl IntoIterator<Item = (&'a str, DateTime<Utc>)>,
    now: DateTime<Utc>,
    settings: &Settings,
) -> HashSet<String> {
    acted
        .into_iter()
        .filter(|(_, at)| still_quiet(*at, now, settings))
        .flat_map(|(fingerprint, _)| fingerprint.split(','))
        .filter_map(|item| item.strip_prefix(GOAL_EVIDENCE))
        .map(str::to_string)
        .collect()
}

/// Whether a goal checked on at `at` is still left alone at `now`.
pub fn still_quiet(at: DateTime<Utc>, now: DateTime<Utc>, settings: &Settings) -> bool {
    now < at + days(settings.goal_recheck_days)
}

/// How a goal check is written in a check-in's evidence ("GoalCheck:<goal id>").
pub const GOAL_EVIDENCE: &str = "GoalCheck:";
