//! One account as the check-ins see it, and the figures of its touches. The rules that read
//! them are the engine's (`engine::checkins`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::{Bundle, GoalStatus, Id};

/// One account as the check-ins see it: its live records (the history itself may be left
/// out) and the figures of its touches.
#[derive(Debug, Clone)]
pub struct CheckinAccount {
    pub bundle: Bundle,
    pub touches: Touches,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Touches {
    /// The account's last touch and its interaction id.
    pub last: Option<(DateTime<Utc>, Id)>,
    pub last_strategic: Option<DateTime<Utc>>,
    /// Each person's last touch and its interaction id.
    pub last_with: HashMap<Id, (DateTime<Utc>, Id)>,
    /// What those last touches were about, by interaction id.
    pub summaries: HashMap<Id, String>,
}

/// What the check-in rules read of each account besides its people, notes and touches: the
/// goals in these statuses, the meetings that end from `meetings_from` and start by
/// `meetings_to`, and what is still open of the rest (`Promise::is_open`, `Request::is_settled`,
/// `Issue::is_done`). The engine says what (`engine::checkins::needs`); the store reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckinNeeds {
    pub now: DateTime<Utc>,
    pub goals: Vec<GoalStatus>,
    pub meetings_from: DateTime<Utc>,
    pub meetings_to: DateTime<Utc>,
}
