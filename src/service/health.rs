//! The relationship health review, as a user action.

use chrono::{DateTime, Utc};

use super::Rapport;
use crate::engine::health::{Health, Weights, review};
use crate::error::Result;

impl Rapport {
    /// The health of every live account, riskiest first.
    pub fn health_review(&self, now: DateTime<Utc>) -> Result<Vec<Health>> {
        let portfolio = self.store.bundles()?;
        Ok(review(&portfolio, now, &Weights::default()))
    }
}
