//! The day's list: as many check-ins as the user says they can make, chosen so that nothing
//! owed to the client today is hidden and no one account crowds out the others. The rest waits
//! under "More".

use std::collections::HashMap;

use super::{Suggestion, Urgency};

/// Which check-ins of a list (most urgent first) make the day, by their place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// In the list's order.
    pub chosen: Vec<usize>,
    /// How many of the chosen are beyond the budget: breaches, shown anyway.
    pub over_budget: usize,
}

/// Every breach ("now") first, whatever the budget; then, while the budget lasts, the most
/// pressing check-in of each account not yet on the list, then each account's second, and so on.
pub fn choose(list: &[Suggestion], budget: usize) -> Choice {
    let mut chosen = vec![false; list.len()];
    let mut per_account: HashMap<&str, usize> = HashMap::new();
    let mut count = 0usize;
    for (i, s) in list.iter().enumerate().filter(|(_, s)| s.urgency == Urgency::Now) {
        chosen[i] = true;
        *per_account.entry(s.account_id.as_str()).or_default() += 1;
        count += 1;
    }
    let over_budget = count.saturating_sub(budget);
    let mut cap = 1;
    while count < budget && count < list.len() {
        for (i, s) in list.iter().enumerate() {
            if count >= budget {
                break;
            }
            let taken = per_account.entry(s.account_id.as_str()).or_default();
            if !chosen[i] && *taken < cap {
                chosen[i] = true;
                *taken += 1;
                count += 1;
            }
        }
        cap += 1;
    }
    Choice { chosen: (0..list.len()).filter(|&i| chosen[i]).collect(), over_budget }
}
