//! The accounts list as the app shows it (DESIGN §7): every account with its health band and
//! the next thing to do for it — the first reason of its highest-ranked check-in today.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use super::Rapport;
use crate::domain::{AccountSummary, Band, Id};
use crate::engine::checkins::Reason;
use crate::error::Result;

/// One row of the accounts list.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AccountRow {
    #[serde(flatten)]
    pub summary: AccountSummary,
    /// 0–100, or absent when nothing could be judged yet.
    pub score: Option<u32>,
    pub band: Band,
    /// The most pressing reason to be in touch today, and with whom; absent when nothing is
    /// waiting (or it was snoozed or dismissed).
    pub next_action: Option<NextAction>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct NextAction {
    pub reason: Reason,
    pub contact: Option<String>,
}

impl Rapport {
    /// Every account, with its health now and its next action on Today.
    pub fn account_rows(&self, now: DateTime<Utc>) -> Result<Vec<AccountRow>> {
        let weights = self.store.health_weights()?;
        let (_, _, healths) = self.judge_portfolio(now, &weights)?;
        let mut health: HashMap<Id, (Option<u32>, Band)> =
            healths.into_iter().map(|h| (h.account_id, (h.score, h.band))).collect();
        // Today's list is ranked: the first check-in met for an account is its next action.
        let mut next: HashMap<Id, NextAction> = HashMap::new();
        for s in self.today(now)? {
            if let (false, Some(reason)) = (next.contains_key(&s.account_id), s.reasons.first()) {
                next.insert(
                    s.account_id.clone(),
                    NextAction { reason: reason.clone(), contact: s.contact.clone() },
                );
            }
        }
        Ok(self
            .accounts(now)?
            .into_iter()
            .map(|summary| {
                let (score, band) = health.remove(&summary.id).unwrap_or((None, Band::Unknown));
                AccountRow { next_action: next.remove(&summary.id), score, band, summary }
            })
            .collect())
    }
}
