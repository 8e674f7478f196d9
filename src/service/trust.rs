//! The trust ledger of one account (DESIGN §10), as a user action: read the account's recent
//! records — the same 271 days the rebuilding of past health reads, every touch with its
//! people — and the user's request clocks, and let the engine judge. Also hands the ledger's
//! weak spot to the advisor ladder of one account's health.

use chrono::{DateTime, Utc};

use super::Rapport;
use crate::domain::Bundle;
use crate::engine::health::Health;
use crate::engine::trust::{TrustLedger, account_trust, ledger, weak_spot};
use crate::error::{Error, Result};

impl Rapport {
    /// The trust ledger of an account, found by its id or its name (or the start of it): each
    /// person's and the account's credibility, reliability, intimacy and self-orientation with
    /// the trust they make, reciprocity, and the account's trust weekly over the last quarter.
    pub fn trust(&self, account: &str, now: DateTime<Utc>) -> Result<TrustLedger> {
        let bundle = self.trust_bundle(account, now)?;
        Ok(ledger(&bundle, now, &self.store.checkin_settings()?))
    }

    /// Puts the account-level ledger's weak spot, if any, among the next steps of `h`'s advisor
    /// ladder. The ladder is judged without the touches' people, which the ledger needs: this
    /// reads them for the one account.
    pub fn with_trust_step(&self, h: &mut Health, now: DateTime<Utc>) -> Result<()> {
        let bundle = self.trust_bundle(&h.account_id, now)?;
        let parts = account_trust(&bundle, now, &self.store.checkin_settings()?);
        if let Some(weak) = weak_spot(&parts) {
            h.advisor_level.with_trust_step(&weak.part, weak.score, &weak.next_step);
        }
        Ok(())
    }

    fn trust_bundle(&self, account: &str, now: DateTime<Utc>) -> Result<Bundle> {
        let id = self.store.find_account(account)?.id;
        self.store
            .recent_bundles(super::rebuilding(now), Some(&id))?
            .pop()
            .ok_or_else(|| Error::not_found("That account is archived. Restore it to see its trust ledger."))
    }
}
