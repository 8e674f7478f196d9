//! Who matters at an account and where we stand with each (issue 20): each person's roles and
//! influence as the user set them, their stance from the evidence (or as the user set it),
//! their access — the last touch and its channel — and how warm it is against their cadence;
//! and the gaps in the map, each a sentence with its evidence. Pure: the bundle and `now` in,
//! the map out.

mod gaps;
mod without;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use specta::Type;

use crate::domain::{
    Bundle, BuyingRole, Channel, Contact, Direction, Id, Influence, Initiator, Level, PromiseStatus, Stance,
};
pub use gaps::{Gap, GapCode, gaps, person_gaps};
pub use without::{Orphan, Without, without};

/// How far back the evidence of a stance is read.
const STANCE_DAYS: i64 = 180;

/// How warm our access to a person is: their last touch against their cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Warmth {
    /// Touched within their cadence.
    Warm,
    /// Past their cadence, within one and a half of it.
    Cooling,
    /// Longer than that.
    Cold,
    /// Never touched.
    Never,
}

/// One person on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Stakeholder {
    pub name: String,
    pub contact_id: Id,
    pub title: Option<String>,
    pub level: Level,
    pub reports_to: Option<Id>,
    pub roles: Vec<BuyingRole>,
    pub influence: Option<Influence>,
    /// As the user set it, or else as the evidence says; none when too little is known.
    pub stance: Option<Stance>,
    /// Whether the user set the stance (over the evidence).
    pub stance_set: bool,
    /// What the evidence says, in a sentence, whoever set the stance.
    pub stance_evidence: String,
    /// Access: the last touch with them, and its channel.
    pub last_touch_at: Option<DateTime<Utc>>,
    pub last_channel: Option<Channel>,
    pub warmth: Warmth,
}

/// The map of an account: its people, most senior first, and its gaps.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Stakeholders {
    pub account: String,
    pub account_id: Id,
    pub people: Vec<Stakeholder>,
    pub gaps: Vec<Gap>,
    /// What the account would look like without one person, when asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub without: Option<Without>,
}

/// The map of `b` at `now`.
pub fn map(b: &Bundle, now: DateTime<Utc>) -> Stakeholders {
    let mut people: Vec<Stakeholder> = b.contacts.iter().map(|c| stakeholder(b, c, now)).collect();
    let rank = |l: Level| match l {
        Level::Executive => 0,
        Level::Manager => 1,
        Level::Staff => 2,
    };
    people.sort_by_key(|p| (rank(p.level), p.name.to_lowercase()));
    Stakeholders {
        account: b.account.name.clone(),
        account_id: b.account.id.clone(),
        gaps: gaps(b, now, |id| last_touch(b, id).map(|(at, _)| at)),
        people,
        without: None,
    }
}

/// The person's cadence: their own, or their account's.
pub fn cadence_days(b: &Bundle, c: &Contact) -> u32 {
    c.cadence_days.unwrap_or_else(|| b.account.effective_cadence_days())
}

/// The last live touch with `contact_id`, and its channel.
fn last_touch(b: &Bundle, contact_id: &str) -> Option<(DateTime<Utc>, Channel)> {
    b.interactions
        .iter()
        .filter(|i| !b.archived.contains_key(&i.id) && i.contact_ids.iter().any(|c| c == contact_id))
        .max_by_key(|i| (i.occurred_at, i.id.clone()))
        .map(|i| (i.occurred_at, i.channel))
}

fn stakeholder(b: &Bundle, c: &Contact, now: DateTime<Utc>) -> Stakeholder {
    let last = last_touch(b, &c.id);
    let cadence = i64::from(cadence_days(b, c));
    let warmth = match last {
        None => Warmth::Never,
        Some((at, _)) if now - at <= Duration::days(cadence) => Warmth::Warm,
        Some((at, _)) if now - at <= Duration::days(cadence * 3 / 2) => Warmth::Cooling,
        Some(_) => Warmth::Cold,
    };
    let (evidence_stance, stance_evidence) = stance_of(b, c, now);
    Stakeholder {
        name: c.name.clone(),
        contact_id: c.id.clone(),
        title: c.title.clone(),
        level: c.level,
        reports_to: c.reports_to.clone(),
        roles: c.roles.clone(),
        influence: c.influence,
        stance: c.stance.or(evidence_stance),
        stance_set: c.stance.is_some(),
        stance_evidence,
        last_touch_at: last.map(|(at, _)| at),
        last_channel: last.map(|(_, channel)| channel),
        warmth,
    }
}

/// A person's stance from the last [`STANCE_DAYS`] of evidence, and the evidence in a sentence:
/// the sentiment of their touches (two judged at least), the promises they kept (two at least),
/// and how many of the conversations they started (three touches at least). Each counts one
/// point for or against; more for than against is supportive, more against resistant. With no
/// evidence at all the stance is unknown.
pub fn stance_of(b: &Bundle, c: &Contact, now: DateTime<Utc>) -> (Option<Stance>, String) {
    let since = now - Duration::days(STANCE_DAYS);
    let touches: Vec<_> = b
        .interactions
        .iter()
        .filter(|i| {
            !b.archived.contains_key(&i.id)
                && i.occurred_at >= since
                && i.occurred_at <= now
                && i.contact_ids.contains(&c.id)
        })
        .collect();
    let (mut points, mut said) = (0i32, Vec::new());
    let mut known = false;

    let judged: Vec<i8> = touches.iter().filter_map(|i| i.sentiment).collect();
    if judged.len() >= 2 {
        known = true;
        let warm = judged.iter().filter(|s| **s > 0).count();
        let cool = judged.iter().filter(|s| **s < 0).count();
        let mean = judged.iter().map(|s| f64::from(*s)).sum::<f64>() / judged.len() as f64;
        points += if mean >= 0.5 {
            1
        } else if mean <= -0.5 {
            -1
        } else {
            0
        };
        said.push(format!("{warm} of {} judged touches with them went well and {cool} badly", judged.len()));
    }

    let theirs: Vec<_> = b
        .promises
        .iter()
        .filter(|p| {
            !b.archived.contains_key(&p.id)
                && p.direction == Direction::Theirs
                && p.contact_id.as_deref() == Some(c.id.as_str())
                && p.due_at >= since
                && p.due_at <= now
        })
        .collect();
    if theirs.len() >= 2 {
        known = true;
        // Due by now: kept late, broken and still open all count against.
        let kept = theirs.iter().filter(|p| p.status == PromiseStatus::Kept && !p.kept_late()).count();
        let missed = theirs.len() - kept;
        points += if kept * 3 >= theirs.len() * 2 {
            1
        } else if missed * 2 > theirs.len() {
            -1
        } else {
            0
        };
        said.push(format!("they kept {kept} of {} promises on time", theirs.len()));
    }

    if touches.len() >= 3 {
        known = true;
        let started = touches.iter().filter(|i| i.initiated_by == Initiator::Them).count();
        if started * 3 >= touches.len() {
            points += 1;
        }
        said.push(format!("they started {started} of {} conversations", touches.len()));
    }

    if !known {
        return (
            None,
            format!("Too little to tell {}'s stance yet: fewer than three touches in six months.", c.name),
        );
    }
    let stance = match points {
        p if p >= 1 => Stance::Supportive,
        p if p <= -1 => Stance::Resistant,
        _ => Stance::Neutral,
    };
    let evidence = format!("In the last six months: {}.", said.join("; "));
    (Some(stance), evidence)
}

#[cfg(test)]
mod tests;
