//! Reciprocity, beside the ledger: what they give back. Their promises to us kept (on time, and
//! at all); how fast they deliver what they promised us — the median days from a promise of
//! theirs being made to its being kept, the honest proxy the records hold for how fast they
//! answer what we ask (our requests to them are not recorded); the people they introduced to us;
//! the meetings they organised. Over the same [`LOOKBACK_DAYS`] as the ledger; introductions
//! whenever they were made.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use specta::Type;

use super::LOOKBACK_DAYS;
use crate::domain::{Bundle, Contact, Direction, Id, PromiseStatus};

/// What one person — or the account as a whole — gives back.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Reciprocity {
    /// The person's name, or the account's.
    pub name: String,
    /// Absent for the account as a whole.
    pub contact_id: Option<Id>,
    /// Their promises to us that came due (or were kept or broken) in 180 days.
    pub promises_due: u32,
    /// Of those, kept at all…
    pub kept: u32,
    /// …and kept on time.
    pub kept_on_time: u32,
    /// The median days from a promise of theirs being made to its being kept, one decimal;
    /// absent when none was kept.
    pub days_to_keep: Option<f64>,
    /// The people they introduced to us, by name.
    pub introduced: Vec<String>,
    /// Meetings they organised that started in 180 days.
    pub meetings_organized: u32,
    /// All of it in one sentence.
    pub summary: String,
}

/// Reciprocity for the account and for each of its people.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ReciprocityLedger {
    pub account: Reciprocity,
    /// In the order of the ledger's people.
    pub people: Vec<Reciprocity>,
}

pub(super) fn ledger(b: &Bundle, people: &[&Contact], now: DateTime<Utc>) -> ReciprocityLedger {
    ReciprocityLedger {
        account: of(b, None, now),
        people: people.iter().map(|c| of(b, Some(c), now)).collect(),
    }
}

fn of(b: &Bundle, person: Option<&Contact>, now: DateTime<Utc>) -> Reciprocity {
    let from = now - Duration::days(LOOKBACK_DAYS);
    let whose = |contact: Option<&Id>| match person {
        Some(c) => contact == Some(&c.id),
        None => true,
    };
    let (mut due, mut kept, mut on_time) = (0u32, 0u32, 0u32);
    let mut days: Vec<f64> = Vec::new();
    let theirs =
        b.promises.iter().filter(|p| p.direction == Direction::Theirs && whose(p.contact_id.as_ref()));
    for p in theirs.filter(|p| p.made_at <= now) {
        match (p.status, p.completed_at.filter(|t| *t <= now)) {
            (PromiseStatus::Kept, Some(done)) if done >= from => {
                due += 1;
                kept += 1;
                on_time += u32::from(done <= p.due_at);
                days.push((done - p.made_at).num_minutes() as f64 / (24.0 * 60.0));
            }
            (PromiseStatus::Kept, _) => {}
            (_, _) if p.due_at >= from && p.due_at <= now => due += 1,
            _ => {}
        }
    }
    days.sort_by(f64::total_cmp);
    let days_to_keep = (!days.is_empty()).then(|| {
        let mid = days.len() / 2;
        let median = if days.len().is_multiple_of(2) { (days[mid - 1] + days[mid]) / 2.0 } else { days[mid] };
        (median * 10.0).round() / 10.0
    });
    let introduced: Vec<String> = b
        .contacts
        .iter()
        .filter(|c| match person {
            Some(p) => c.introduced_by.as_ref() == Some(&p.id),
            None => c.introduced_by.is_some(),
        })
        .map(|c| c.name.clone())
        .collect();
    let people: Vec<&Id> = b.contacts.iter().map(|c| &c.id).collect();
    let meetings_organized = b
        .meetings
        .iter()
        .filter(|m| m.starts_at >= from && m.starts_at <= now)
        .filter(|m| match (person, m.organizer_id.as_ref()) {
            (Some(p), Some(o)) => *o == p.id,
            (None, Some(o)) => people.contains(&o),
            (_, None) => false,
        })
        .count() as u32;
    let name = person.map_or(b.account.name.clone(), |c| c.name.clone());
    let mut said = vec![match due {
        0 => "made no promise to us that came due in 180 days".to_string(),
        n => format!(
            "kept {on_time} of {n} promise{} to us on time ({kept} kept at all){}",
            if n == 1 { "" } else { "s" },
            days_to_keep.map(|d| format!(", in a median of {d} days from made to kept")).unwrap_or_default()
        ),
    }];
    said.push(match introduced.as_slice() {
        [] => "introduced no one".into(),
        names => format!("introduced {}", names.join(", ")),
    });
    said.push(match meetings_organized {
        0 => "organised no meeting in 180 days".into(),
        1 => "organised 1 meeting in 180 days".into(),
        n => format!("organised {n} meetings in 180 days"),
    });
    let summary = format!("{name} {}.", said.join("; "));
    Reciprocity {
        name,
        contact_id: person.map(|c| c.id.clone()),
        promises_due: due,
        kept,
        kept_on_time: on_time,
        days_to_keep,
        introduced,
        meetings_organized,
        summary,
    }
}
