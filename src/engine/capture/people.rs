//! Who is whose on a message: one of a client's people, someone at a client's domain who is not
//! yet one of its people, or us. And the addresses that are never a new person: public mail
//! providers' and machines'.

use std::collections::HashMap;

use super::{Known, KnownAccount, Mail, Party};
use crate::domain::{Id, match_key};

/// Which side of the relationship an address is on.
#[derive(Debug, Clone)]
pub(super) enum Side<'a> {
    /// One of the account's people (`contact` set) or an address at its domains (`contact` none).
    Client { account: &'a KnownAccount, contact: Option<&'a Id> },
    /// The user or a colleague: anyone who is not the client's.
    Us,
}

/// The lookups of [`Known`], built once per call.
pub(super) struct Whose<'a> {
    people: HashMap<String, (&'a Id, &'a Id)>,
    domains: HashMap<String, &'a KnownAccount>,
    accounts: HashMap<&'a str, &'a KnownAccount>,
}

impl<'a> Whose<'a> {
    pub(super) fn new(known: &'a Known) -> Self {
        let accounts: HashMap<&str, &KnownAccount> =
            known.accounts.iter().map(|a| (a.account_id.as_str(), a)).collect();
        let mut domains = HashMap::new();
        for account in &known.accounts {
            for domain in &account.domains {
                let domain = match_key(domain.trim_start_matches('@'));
                if !domain.is_empty() && !crate::domain::is_public_mail(&domain) {
                    domains.entry(domain).or_insert(account);
                }
            }
        }
        let people =
            known.people.iter().map(|p| (match_key(&p.email), (&p.contact_id, &p.account_id))).collect();
        Whose { people, domains, accounts }
    }

    pub(super) fn side(&self, email: &str) -> Side<'a> {
        let key = match_key(email);
        if let Some((contact, account)) = self.people.get(&key)
            && let Some(account) = self.accounts.get(account.as_str())
        {
            return Side::Client { account, contact: Some(contact) };
        }
        match self.account_at(domain(&key)) {
            Some(account) if !is_machine(&key) => Side::Client { account, contact: None },
            _ => Side::Us,
        }
    }

    /// The account whose people write from `domain` or from a domain it is part of
    /// ("eu.northwind.example" is Northwind's when "northwind.example" is).
    fn account_at(&self, domain: &str) -> Option<&'a KnownAccount> {
        let mut rest = domain;
        loop {
            if let Some(account) = self.domains.get(rest) {
                return Some(account);
            }
            rest = rest.split_once('.')?.1;
            if !rest.contains('.') {
                return None;
            }
        }
    }

    /// The first of the client's people a message of ours went to (To before Cc).
    pub(super) fn addressee(&self, mail: &Mail) -> Option<(&'a KnownAccount, Option<&'a Id>)> {
        let sides = mail.to.iter().chain(&mail.cc).map(|p| self.side(&p.email));
        let mut first_at_domain = None;
        for side in sides {
            if let Side::Client { account, contact } = side {
                if contact.is_some() {
                    return Some((account, contact));
                }
                first_at_domain.get_or_insert((account, None));
            }
        }
        first_at_domain
    }

    /// The addresses on a message that would be new people: at one of an account's domains,
    /// none of its people, neither a machine nor a public provider. With their account.
    pub(super) fn newcomers(&self, mail: &Mail) -> Vec<(&'a KnownAccount, Party)> {
        let mut out: Vec<(&KnownAccount, Party)> = Vec::new();
        for party in std::iter::once(&mail.from).chain(&mail.to).chain(&mail.cc) {
            let key = match_key(&party.email);
            if self.people.contains_key(&key) || is_machine(&key) || !key.contains('@') {
                continue;
            }
            let Some(account) = self.account_at(domain(&key)) else { continue };
            if out.iter().any(|(_, p)| p.email == key) {
                continue;
            }
            out.push((account, Party { email: key, name: display_name(party) }));
        }
        out
    }
}

fn domain(email: &str) -> &str {
    email.rsplit_once('@').map_or("", |(_, d)| d)
}

/// The name the mail gave, tidied: no quotes, "Berg, Anna" as "Anna Berg", none when it is the
/// address again.
fn display_name(party: &Party) -> Option<String> {
    let name = party.name.as_deref()?.trim().trim_matches(['"', '\'']).trim();
    if name.is_empty() || name.contains('@') {
        return None;
    }
    let name = match name.split_once(',') {
        Some((last, first)) if !first.trim().is_empty() && !first.contains(',') => {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => name.to_string(),
    };
    Some(name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Addresses programs send from.
fn is_machine(email: &str) -> bool {
    let local = email.split('@').next().unwrap_or("");
    let plain: String = local.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    plain.starts_with("noreply")
        || plain.starts_with("donotreply")
        || ["mailerdaemon", "postmaster", "bounce", "bounces", "notifications", "notification", "daemon"]
            .contains(&plain.as_str())
}
