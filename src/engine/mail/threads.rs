//! Who started a thread: its first message, found by following In-Reply-To and References
//! among the messages of this reading and the touches read from mail before. If a client's
//! person sent the first message, they started it ("them"); otherwise we did ("us"). A message
//! with no known ancestor is its own start.
//!
//! Every message read is noted, whoever it involves, by a 64-bit hash of its Message-ID and
//! of the ones it answers, with the accounts whose people sent it: a thread a colleague started
//! before a client was copied in is still found, and nothing a message says is held.

use std::collections::HashMap;

use super::{Kept, People, Touching, ancestors};
use crate::domain::{Id, Initiator, StoredMail, mail_hash};
use crate::interop::mail::MailMessage;

/// How far a chain of replies is followed: enough for any real thread, and an end to a loop.
const DEPTH: usize = 200;

#[derive(Debug)]
struct Node {
    ancestors: Box<[u64]>,
    /// The accounts (by their place in [`People`]) whose people sent the message.
    sent_by: Box<[u32]>,
}

/// The messages of one reading, and the touches read from mail before, by Message-ID.
#[derive(Debug, Default)]
pub struct Threads {
    read: HashMap<u64, Node>,
    stored: HashMap<u64, Vec<(Id, crate::domain::Initiator)>>,
}

/// Where a thread starts.
#[derive(Debug, PartialEq, Eq)]
pub enum Root<'t> {
    /// The message itself: nothing it answers is known.
    Itself,
    /// A message of this reading, sent by the people of these accounts.
    Read(&'t [u32]),
    /// A touch read before: who started the thread in each account it is in.
    Stored(&'t [(Id, Initiator)]),
}

fn key(id: &str) -> u64 {
    mail_hash(id.as_bytes())
}

impl Threads {
    pub fn new() -> Threads {
        Threads::default()
    }

    /// Notes a message read, whoever it involves.
    pub fn note(&mut self, message: &MailMessage, people: &People) {
        let Some(id) = message.message_id.as_deref().map(str::trim).filter(|id| !id.is_empty()) else {
            return;
        };
        let node = Node {
            ancestors: ancestors(message).iter().map(|a| key(a)).collect(),
            sent_by: people.accounts_of(&message.from).into_boxed_slice(),
        };
        // A message read twice (a copy in two folders) keeps what was noted first.
        self.read.entry(key(id)).or_insert(node);
    }

    /// Remembers touches read from mail before.
    pub fn remember(&mut self, stored: impl IntoIterator<Item = StoredMail>) {
        for s in stored {
            let known = self.stored.entry(key(&s.message_id)).or_default();
            if !known.iter().any(|(account, _)| *account == s.account_id) {
                known.push((s.account_id, s.initiated_by));
            }
        }
    }

    /// Where the thread of `kept` starts.
    pub fn root(&self, kept: &Kept) -> Root<'_> {
        let own = key(&kept.message_id);
        for ancestor in kept.ancestors.iter().map(|a| key(a)).filter(|a| *a != own) {
            if let Some(found) = self.from(ancestor, 0) {
                return found;
            }
        }
        Root::Itself
    }

    /// The start of the thread through the message `id`, if it is known.
    fn from(&self, id: u64, depth: usize) -> Option<Root<'_>> {
        if let Some(node) = self.read.get(&id) {
            if depth < DEPTH {
                for ancestor in node.ancestors.iter().filter(|a| **a != id) {
                    if let Some(found) = self.from(*ancestor, depth + 1) {
                        return Some(found);
                    }
                }
            }
            return Some(Root::Read(&node.sent_by));
        }
        self.stored.get(&id).map(|accounts| Root::Stored(accounts))
    }

    /// Who started the thread of `kept`, for the account of `touching`.
    pub fn initiator(&self, kept: &Kept, touching: &Touching, people: &People) -> Initiator {
        let them = match self.root(kept) {
            Root::Itself => touching.sent_by_them,
            Root::Read(sent_by) => {
                people.account_place(&touching.account_id).is_some_and(|place| sent_by.contains(&place))
            }
            // A thread read before in other accounts only: this account was copied in later,
            // by one of them or by us; either way it did not start it.
            Root::Stored(accounts) => {
                return accounts
                    .iter()
                    .find(|(account, _)| *account == touching.account_id)
                    .map_or(Initiator::Us, |(_, by)| *by);
            }
        };
        if them { Initiator::Them } else { Initiator::Us }
    }
}
