//! What the user has already done with a check-in, and what it leaves on Today.
//!
//! - **Snoozed**: the whole check-in waits until its time.
//! - **Dismissed**: it stays away while every piece of its evidence was already there when it was
//!   dismissed; one new piece brings it back whole.
//! - **Done**: each reason the touch settled leaves, and the others stay. The touch settles the
//!   reason it was made for, and any reason whose change of state was made with it (the request
//!   answered, the promise kept, the issue acknowledged).
//!
//! A goal is the exception: once asked about or put aside, it is left alone for
//! `goal_recheck_days` and may then be raised again.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::goals::{GOAL_EVIDENCE, still_quiet};
use super::{Reason, Settings};

/// What was done with one check-in.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Snoozed { until: DateTime<Utc> },
    Dismissed { seen: Vec<String>, at: DateTime<Utc> },
    Done { settled: Vec<String>, at: DateTime<Utc> },
}

/// What was done with each check-in, by its key.
#[derive(Debug, Clone, Default)]
pub struct Aside {
    pub by_key: HashMap<String, Mark>,
}

/// The pieces of evidence a reason stands on, as written in a check-in's fingerprint
/// ("PromiseOverdue:<promise id>").
pub fn items(reason: &Reason) -> impl Iterator<Item = String> + '_ {
    let first = reason.evidence.as_ref().map_or("", |e| e.id.as_str());
    std::iter::once(first)
        .chain(reason.related.iter().map(|e| e.id.as_str()))
        .map(move |id| format!("{:?}:{id}", reason.code))
}

impl Aside {
    /// The reasons of the check-in `key` still worth showing at `now`; none when it is put aside.
    pub(super) fn remaining(
        &self,
        key: &str,
        reasons: Vec<Reason>,
        now: DateTime<Utc>,
        settings: &Settings,
    ) -> Vec<Reason> {
        let Some(mark) = self.by_key.get(key) else { return reasons };
        let known = |seen: &[String], at: DateTime<Utc>, item: &str| {
            seen.iter().any(|s| s == item)
                && (!item.starts_with(GOAL_EVIDENCE) || still_quiet(at, now, settings))
        };
        match mark {
            Mark::Snoozed { until } if *until > now => Vec::new(),
            Mark::Snoozed { .. } => reasons,
            Mark::Dismissed { seen, at } => {
                let all_seen = reasons.iter().all(|r| items(r).all(|i| known(seen, *at, &i)));
                if all_seen { Vec::new() } else { reasons }
            }
            Mark::Done { settled, at } => {
                reasons.into_iter().filter(|r| !items(r).all(|i| known(settled, *at, &i))).collect()
            }
        }
    }
}
