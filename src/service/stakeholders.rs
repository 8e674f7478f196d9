//! The advisor's view of one account's people (issue 20): the map with roles, influence,
//! stance and access, its gaps, and "if they left".

use chrono::{DateTime, Utc};

use super::Rapport;
use crate::engine::stakeholders::{self, Stakeholders};
use crate::error::{Error, Result};

impl Rapport {
    /// The map of `account_id`'s people and its gaps; with `without`, also what the account
    /// would look like without that person.
    pub fn stakeholders(
        &self,
        account_id: &str,
        without: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Stakeholders> {
        let bundle = self.store.bundle(account_id)?;
        let mut map = stakeholders::map(&bundle, now);
        if let Some(person) = without {
            let weights = self.store.health_weights()?;
            map.without = Some(stakeholders::without(&bundle, person, now, &weights).ok_or_else(|| {
                Error::not_found(format!(
                    "That person is not among {}'s people. Choose someone from the account.",
                    bundle.account.name
                ))
            })?);
        }
        Ok(map)
    }
}
