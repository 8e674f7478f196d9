//! Who matters at an account and where we stand with each (issue 20): the buying roles a person
//! plays, how much their word weighs, and their stance toward us — read from the evidence, or
//! set by the user when they know better.

use super::word_enum;

word_enum!(
    /// The part a person plays in the client's decisions about us.
    BuyingRole {
        EconomicBuyer = "economic_buyer", DecisionMaker = "decision_maker", Champion = "champion",
        Influencer = "influencer", User = "user", Blocker = "blocker", Gatekeeper = "gatekeeper",
    }
);

word_enum!(
    /// How much a person's word weighs in those decisions.
    Influence { High = "high", Medium = "medium", Low = "low" }
);

word_enum!(
    /// Where a person stands toward us.
    Stance { Supportive = "supportive", Neutral = "neutral", Resistant = "resistant" }
);

word_enum!(
    /// Whose goal a touch served: the client's, or ours (a sale, a renewal, a reference).
    Serves { Theirs = "theirs", Ours = "ours" }
);

impl BuyingRole {
    /// The role in an account manager's words: "economic buyer".
    pub fn label(self) -> &'static str {
        match self {
            BuyingRole::EconomicBuyer => "economic buyer",
            BuyingRole::DecisionMaker => "decision maker",
            BuyingRole::Champion => "champion",
            BuyingRole::Influencer => "influencer",
            BuyingRole::User => "user",
            BuyingRole::Blocker => "blocker",
            BuyingRole::Gatekeeper => "gatekeeper",
        }
    }
}

/// The roles as a person carries them: each once, in the order of [`BuyingRole`].
pub fn checked_roles(mut roles: Vec<BuyingRole>) -> Vec<BuyingRole> {
    let order = |r: &BuyingRole| BuyingRole::ALL.iter().position(|x| x == r).unwrap_or(usize::MAX);
    roles.sort_by_key(order);
    roles.dedup();
    roles
}
