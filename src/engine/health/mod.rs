//! Relationship health (DESIGN §5): per account, seven components scored 0–100 from evidence,
//! each with the sentence that justifies it; penalties for open issues and sour sentiment shown
//! as such; a component without enough data is unknown and left out of the weighting — never
//! silently 100. Then the advisor ladder: where the relationship stands, and the next steps up.
//! Pure: no clock, no database.

mod components;
pub mod history;
mod ladder;
pub mod touches;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use crate::domain::Bundle;
use crate::domain::Id;

pub use crate::domain::{Band, TouchFigures, Weights};
pub use ladder::AdvisorLevel;

impl Band {
    pub fn of(score: Option<u32>) -> Band {
        match score {
            None => Band::Unknown,
            Some(s) if s >= 75 => Band::Healthy,
            Some(s) if s >= 50 => Band::Watch,
            Some(_) => Band::AtRisk,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Component {
    pub name: String,
    /// 0–100, or absent when there is too little data to judge.
    pub score: Option<u32>,
    pub weight: u32,
    /// Why, in words: "9 of 11 promises kept on time in the last 180 days".
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Penalty {
    pub points: u32,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Health {
    pub account: String,
    pub account_id: Id,
    /// 0–100, or absent when no component could be judged.
    pub score: Option<u32>,
    pub band: Band,
    pub components: Vec<Component>,
    pub penalties: Vec<Penalty>,
    /// The known component with the lowest score.
    pub weakest: Option<String>,
    /// What is owed to the client and late now; any one keeps the band out of "healthy".
    pub breaches: Vec<String>,
    /// A paused account is reviewed apart, after the others: its quiet is by agreement.
    pub paused: bool,
    pub advisor_level: AdvisorLevel,
}

/// Health of one account at `now`, from the touches in its bundle.
pub fn health(b: &Bundle, now: DateTime<Utc>, weights: &Weights) -> Health {
    judge(b, &TouchFigures::of(&b.interactions, now), now, weights)
}

/// Health of one account at `now`, from its touch figures `t` (the bundle's touches unread).
pub fn judge(b: &Bundle, t: &TouchFigures, now: DateTime<Utc>, weights: &Weights) -> Health {
    let components = components::all(b, t, now, weights);
    let penalties = components::penalties(b, t, now);
    let known: Vec<&Component> = components.iter().filter(|c| c.score.is_some() && c.weight > 0).collect();
    let total_weight: u32 = known.iter().map(|c| c.weight).sum();
    let score = (total_weight > 0).then(|| {
        let weighted: u32 = known.iter().map(|c| c.score.unwrap_or(0) * c.weight).sum();
        let base = (weighted as f64 / total_weight as f64).round() as i64;
        let penalty: i64 = penalties.iter().map(|p| i64::from(p.points)).sum();
        (base - penalty).clamp(0, 100) as u32
    });
    let weakest = known.iter().min_by_key(|c| c.score).map(|c| c.name.clone());
    let breaches = components::breaches(b, now);
    let band = match Band::of(score) {
        Band::Healthy if !breaches.is_empty() => Band::Watch,
        band => band,
    };
    Health {
        account: b.account.name.clone(),
        account_id: b.account.id.clone(),
        score,
        band,
        breaches,
        paused: b.account.status == crate::domain::AccountStatus::Paused,
        advisor_level: ladder::level(b, t, &components),
        components,
        penalties,
        weakest,
    }
}

/// The whole portfolio, riskiest first: at risk, then watch, then healthy, then unknown; within
/// a band, the lower score first; paused accounts after all the others, in the same order.
pub fn review(portfolio: &[Bundle], now: DateTime<Utc>, weights: &Weights) -> Vec<Health> {
    ranked(portfolio.iter().map(|b| health(b, now, weights)).collect())
}

/// [`review`] from each account's touch figures (an account without any has no touch yet).
pub fn review_judged(
    portfolio: &[Bundle],
    figures: &HashMap<Id, TouchFigures>,
    now: DateTime<Utc>,
    weights: &Weights,
) -> Vec<Health> {
    let none = TouchFigures::default();
    ranked(
        portfolio
            .iter()
            .map(|b| judge(b, figures.get(&b.account.id).unwrap_or(&none), now, weights))
            .collect(),
    )
}

fn ranked(mut all: Vec<Health>) -> Vec<Health> {
    let rank = |h: &Health| match h.band {
        Band::AtRisk => 0,
        Band::Watch => 1,
        Band::Healthy => 2,
        Band::Unknown => 3,
    };
    all.sort_by(|a, b| {
        (a.paused, rank(a))
            .cmp(&(b.paused, rank(b)))
            .then_with(|| a.score.cmp(&b.score))
            .then_with(|| a.account.cmp(&b.account))
    });
    all
}
