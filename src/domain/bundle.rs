//! One account and everything recorded about it: what the archive carries, what the store reads
//! in bulk, and what every engine judges.

use chrono::{DateTime, Utc};

use super::{
    Account, Contact, CultureNote, Goal, Interaction, Issue, Meeting, MeetingSeries, Promise, Request,
};

/// One account and everything recorded about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub account: Account,
    pub contacts: Vec<Contact>,
    pub culture_notes: Vec<CultureNote>,
    pub goals: Vec<Goal>,
    pub promises: Vec<Promise>,
    pub interactions: Vec<Interaction>,
    pub requests: Vec<Request>,
    pub issues: Vec<Issue>,
    pub meetings: Vec<Meeting>,
    /// The repeating meetings some of `meetings` are occurrences of.
    pub meeting_series: Vec<MeetingSeries>,
    /// Records of this account that are in the archive (the account itself included), and since
    /// when: they travel with the rest, so that nothing that points at them is left dangling.
    pub archived: std::collections::BTreeMap<String, DateTime<Utc>>,
}

impl Bundle {
    /// An account with nothing recorded about it yet.
    pub fn empty(account: Account) -> Bundle {
        Bundle {
            account,
            contacts: Vec::new(),
            culture_notes: Vec::new(),
            goals: Vec::new(),
            promises: Vec::new(),
            interactions: Vec::new(),
            requests: Vec::new(),
            issues: Vec::new(),
            meetings: Vec::new(),
            meeting_series: Vec::new(),
            archived: Default::default(),
        }
    }
}
