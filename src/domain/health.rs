//! What health is made of, as the store keeps it and every view shows it: the bands, the
//! weights, the daily snapshot and its trend point, the baseline of a review, and the touch
//! figures the components read. How each is judged is the engine's (`engine::health`).

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::Id;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Healthy,
    Watch,
    AtRisk,
    Unknown,
}

/// The default weights of DESIGN §5; any can be changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct Weights {
    pub reliability: u32,
    pub responsiveness: u32,
    pub engagement: u32,
    pub proactivity: u32,
    pub breadth: u32,
    pub intimacy: u32,
    pub goals: u32,
}

impl Weights {
    /// Each weight from 0 to 100, and at least one above 0.
    pub fn check(&self) -> Result<()> {
        let all = [
            ("reliability", self.reliability),
            ("responsiveness", self.responsiveness),
            ("engagement", self.engagement),
            ("proactivity", self.proactivity),
            ("breadth", self.breadth),
            ("intimacy", self.intimacy),
            ("goals", self.goals),
        ];
        if let Some((name, _)) = all.iter().find(|(_, w)| *w > 100) {
            return Err(Error::validation(name, format!("The weight of {name} must be between 0 and 100.")));
        }
        if all.iter().all(|(_, w)| *w == 0) {
            return Err(Error::validation(
                "reliability",
                "At least one component needs a weight above 0, or no score can be given.",
            ));
        }
        Ok(())
    }
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            reliability: 25,
            responsiveness: 20,
            engagement: 15,
            proactivity: 10,
            breadth: 10,
            intimacy: 10,
            goals: 10,
        }
    }
}

/// The component names, in the order snapshots store them.
pub const COMPONENTS: [&str; 7] =
    ["reliability", "responsiveness", "engagement", "proactivity", "breadth", "intimacy", "goals"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ComponentScore {
    pub name: String,
    pub score: Option<u32>,
}

/// One account's health on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Snapshot {
    pub day: NaiveDate,
    pub score: Option<u32>,
    pub band: Band,
    pub level: u32,
    pub components: Vec<ComponentScore>,
    /// Rebuilt afterwards from the dated history, not taken on the day.
    pub reconstructed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TrendPoint {
    #[serde(serialize_with = "crate::domain::serialize_day")]
    #[specta(type = String)]
    pub day: NaiveDate,
    pub score: Option<u32>,
    pub reconstructed: bool,
}

/// An account's health when the review was last marked read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub score: Option<u32>,
    pub band: Band,
    pub level: u32,
    pub components: Vec<BaselineComponent>,
    pub penalties: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaselineComponent {
    pub name: String,
    pub score: Option<u32>,
    pub evidence: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TouchFigures {
    /// The last touch up to the moment.
    pub last: Option<DateTime<Utc>>,
    /// Touches of the last 90 days.
    pub recent: usize,
    /// Of those, the ones we started.
    pub ours: usize,
    /// Touches of the 90 days before those.
    pub before: usize,
    /// The sentiments given over the last 90 days: their sum and how many there are.
    pub felt_sum: i64,
    pub felt: usize,
    /// The people touched in the last 90 days.
    pub people: HashSet<Id>,
    /// Whether they brought us a strategic question in the last 180 days.
    pub asked_us: bool,
}

/// Where the windows the components look at begin: 90 and 180 days before `now`. Each ends at
/// `now`, included.
pub fn touch_windows(now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    (now - Duration::days(90), now - Duration::days(180))
}

impl TouchFigures {
    /// Counts one touch of the last 180 days: in the last 90 (`recent`) or the 90 before, started
    /// by us or not, strategic or not, with the sentiment felt if one was given. The one rule,
    /// for touches in memory and for the store's index rows alike.
    pub fn count(&mut self, recent: bool, ours: bool, strategic: bool, sentiment: Option<i64>) {
        if recent {
            self.recent += 1;
            self.ours += usize::from(ours);
            if let Some(s) = sentiment {
                self.felt_sum += s;
                self.felt += 1;
            }
        } else {
            self.before += 1;
        }
        self.asked_us |= strategic && !ours;
    }
}
