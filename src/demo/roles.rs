//! The parts the demo's people play in their clients' decisions, so that the advisor's view has
//! something to say about every account: most have an economic buyer and a champion, some lack
//! one or the other, some have a blocker. Chosen from the client's name and the person's place,
//! never from the random stream, so the rest of the demo stays as it was.

use super::catalogue::{Client, Person};
use crate::domain::{BuyingRole, Influence, Level};

/// The roles and influence of the `index`th person of `client`.
pub fn of(client: &Client, index: usize, person: &Person) -> (Vec<BuyingRole>, Option<Influence>) {
    let variant = client.name.bytes().map(u32::from).sum::<u32>() % 5;
    let last = index + 1 == client.people.len() && client.people.len() >= 4;
    match (index, person.level) {
        (0, _) if variant != 0 => {
            (vec![BuyingRole::EconomicBuyer, BuyingRole::DecisionMaker], Some(Influence::High))
        }
        (1, _) if variant != 1 => (vec![BuyingRole::Champion], Some(Influence::High)),
        _ if last && variant == 2 => (vec![BuyingRole::Blocker], Some(Influence::Medium)),
        (_, Level::Executive) => (vec![BuyingRole::DecisionMaker], Some(Influence::High)),
        (_, Level::Manager) => (vec![BuyingRole::Influencer], Some(Influence::Medium)),
        (_, Level::Staff) => (vec![BuyingRole::User], Some(Influence::Low)),
    }
}
