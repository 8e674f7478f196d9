//! Which of the user's messages become touches, in which accounts, and who started each
//! thread (issue 19): pure functions of the messages, the client's people and `now`.
//!
//! A message is considered only when one of a client's people (any of their addresses, in any
//! case) is a sender or a recipient (From, To, Cc, Reply-To). Everything else is never kept,
//! not even its subject: [`consider`] returns only why it was left out. A message a program
//! sent (out-of-office, newsletter, bounce) is never a touch, and neither is one without a
//! date. What is kept of a message is its subject, its time, the client's people on it, a
//! snippet and its Message-ID; never its body, an attachment, or an address of anyone who is
//! not the client's.

mod threads;

use std::collections::HashMap;

use chrono::{DateTime, Duration, SubsecRound, Utc};

pub use threads::{Root, Threads};

use crate::domain::{Id, MailPerson, mail_hash, match_key};
use crate::interop::mail::MailMessage;

/// How far ahead of `now` a message may be dated: a little slack for clocks, as for a touch
/// typed by hand.
const FUTURE_SLACK: Duration = Duration::minutes(5);

/// The longest summary kept of a subject, in characters.
pub const SUMMARY_CHARS: usize = 500;

/// The longest Message-ID kept as it is; a longer one is kept by its hash.
const MESSAGE_ID_CHARS: usize = 250;

/// What a summary says for a message without a subject.
pub const NO_SUBJECT: &str = "(no subject)";

/// The client's people by their addresses.
#[derive(Debug, Default)]
pub struct People {
    /// Each address (its match key), and the people known by it.
    by_address: HashMap<String, Vec<usize>>,
    people: Vec<MailPerson>,
    /// Each account's place in `accounts`.
    account_index: HashMap<Id, u32>,
    accounts: Vec<(Id, String)>,
}

impl People {
    pub fn new(people: Vec<MailPerson>) -> People {
        let mut index = People::default();
        for (n, person) in people.iter().enumerate() {
            for address in &person.addresses {
                let key = match_key(address);
                if !key.is_empty() {
                    let known = index.by_address.entry(key).or_default();
                    if !known.contains(&n) {
                        known.push(n);
                    }
                }
            }
            if !index.account_index.contains_key(&person.account_id) {
                index.account_index.insert(person.account_id.clone(), index.accounts.len() as u32);
                index.accounts.push((person.account_id.clone(), person.account.clone()));
            }
        }
        index.people = people;
        index
    }

    pub fn is_empty(&self) -> bool {
        self.by_address.is_empty()
    }

    /// A check of who is known by which address: when it changes, a message left out before
    /// may be kept now.
    pub fn check(&self) -> u64 {
        let mut lines: Vec<String> = self
            .people
            .iter()
            .flat_map(|p| {
                p.addresses
                    .iter()
                    .map(|a| format!("{}\u{1f}{}\u{1f}{}", p.account_id, p.contact_id, match_key(a)))
            })
            .collect();
        lines.sort();
        mail_hash(lines.join("\n").as_bytes())
    }

    /// The people known by `address`.
    fn known_by(&self, address: &str) -> impl Iterator<Item = &MailPerson> {
        self.by_address.get(&match_key(address)).into_iter().flatten().map(|&n| &self.people[n])
    }

    /// The accounts whose people sent a message from these addresses, by their place.
    fn accounts_of(&self, senders: &[crate::interop::mail::Address]) -> Vec<u32> {
        let mut found: Vec<u32> = senders
            .iter()
            .flat_map(|a| self.known_by(&a.email))
            .filter_map(|p| self.account_index.get(&p.account_id).copied())
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    fn account_place(&self, account_id: &str) -> Option<u32> {
        self.account_index.get(account_id).copied()
    }
}

/// Why a message did not become a touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Skip {
    /// None of a client's people sent or received it: nothing of it is kept.
    NoClient,
    /// A program sent it: an automatic reply, a newsletter, a bounce.
    Automatic,
    /// It has no date that could be read.
    Undated,
    /// It is dated after now.
    Future,
}

/// A message that becomes a touch in each account whose people are on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    /// Its Message-ID, or one made from what it says when it has none (`rapport-…`).
    pub message_id: String,
    pub occurred_at: DateTime<Utc>,
    /// The subject, or [`NO_SUBJECT`].
    pub summary: String,
    pub snippet: Option<String>,
    /// One entry per account, in the order of the accounts' names.
    pub accounts: Vec<Touching>,
    /// The messages it answers, oldest first (References, then In-Reply-To).
    pub ancestors: Vec<String>,
}

/// One account a kept message touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Touching {
    pub account_id: Id,
    pub account: String,
    /// The account's people on the message, sorted.
    pub contact_ids: Vec<Id>,
    /// Whether one of them sent it.
    pub sent_by_them: bool,
}

/// Whether `message` becomes a touch, and where; or why not.
pub fn consider(message: &MailMessage, people: &People, now: DateTime<Utc>) -> Result<Kept, Skip> {
    let parties =
        message.from.iter().chain(&message.to).chain(&message.cc).chain(&message.reply_to).map(|a| &a.email);
    let mut accounts: Vec<Touching> = Vec::new();
    for address in parties {
        for person in people.known_by(address) {
            let place = match accounts.iter().position(|t| t.account_id == person.account_id) {
                Some(place) => place,
                None => {
                    accounts.push(Touching {
                        account_id: person.account_id.clone(),
                        account: person.account.clone(),
                        contact_ids: Vec::new(),
                        sent_by_them: false,
                    });
                    accounts.len() - 1
                }
            };
            accounts[place].contact_ids.push(person.contact_id.clone());
        }
    }
    if accounts.is_empty() {
        return Err(Skip::NoClient);
    }
    if message.automatic.is_some() {
        return Err(Skip::Automatic);
    }
    let Some(sent_at) = message.sent_at else { return Err(Skip::Undated) };
    if sent_at > now + FUTURE_SLACK {
        return Err(Skip::Future);
    }
    let senders = people.accounts_of(&message.from);
    for touching in &mut accounts {
        touching.contact_ids.sort();
        touching.contact_ids.dedup();
        touching.sent_by_them =
            people.account_place(&touching.account_id).is_some_and(|place| senders.contains(&place));
    }
    accounts.sort_by(|a, b| (&a.account, &a.account_id).cmp(&(&b.account, &b.account_id)));
    let summary: String = message
        .subject
        .chars()
        .filter(|c| *c != '\0')
        .take(SUMMARY_CHARS)
        .collect::<String>()
        .trim()
        .to_string();
    let snippet = message.snippet();
    Ok(Kept {
        message_id: message_id(message),
        occurred_at: sent_at.trunc_subsecs(0),
        summary: if summary.is_empty() { NO_SUBJECT.to_string() } else { summary },
        snippet: (!snippet.is_empty()).then_some(snippet),
        accounts,
        ancestors: ancestors(message),
    })
}

/// The message's Message-ID; for one without (or with an absurdly long one), an id made from
/// its date, senders, subject and text, the same at every reading.
pub fn message_id(message: &MailMessage) -> String {
    match message.message_id.as_deref().map(str::trim).filter(|id| !id.is_empty()) {
        Some(id) if id.chars().count() <= MESSAGE_ID_CHARS => id.to_string(),
        _ => {
            let mut seed = String::new();
            seed.push_str(&message.message_id.clone().unwrap_or_default());
            seed.push('\n');
            seed.push_str(&message.sent_at.map(|t| t.to_rfc3339()).unwrap_or_default());
            for a in &message.from {
                seed.push('\n');
                seed.push_str(&a.email);
            }
            seed.push('\n');
            seed.push_str(&message.subject);
            seed.push('\n');
            seed.push_str(&message.body);
            format!("rapport-{:016x}", mail_hash(seed.as_bytes()))
        }
    }
}

/// The messages `message` answers, oldest first, each once.
pub fn ancestors(message: &MailMessage) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for id in message.references.iter().chain(&message.in_reply_to) {
        let id = id.trim();
        if !id.is_empty() && Some(id) != message.message_id.as_deref() && !found.iter().any(|f| f == id) {
            found.push(id.to_string());
        }
    }
    found
}

#[cfg(test)]
mod tests;
