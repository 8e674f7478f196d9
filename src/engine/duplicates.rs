//! Duplicates: which two people, or two accounts, are likely one (the same address; the same
//! name — a person's at one account, a company's without its legal form; people writing from
//! the same company domain), and how two found to be one unite: the kept record keeps what it
//! says, fills what it lacks from the other, and takes the other's addresses and notes. Pure:
//! the store loads the live records and the pairs the user said are not the same; the service
//! writes the merge.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use crate::domain::{
    Account, Contact, Id, MAX_OTHERS, MergeKind, PairReason, company_key, domain_of, is_public_mail,
    match_key, person_key,
};

/// Two records that look like one, for the user to merge or to say are not the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct LikelyPair {
    pub kind: MergeKind,
    /// The older of the two: the one a merge would keep, unless the user says otherwise.
    pub first_id: Id,
    pub first: String,
    pub second_id: Id,
    pub second: String,
    /// Two people: the account of the first. Two accounts: none.
    pub account_id: Option<Id>,
    pub account: Option<String>,
    /// Two people at two accounts (the same address at both): the second's account.
    pub other_account_id: Option<Id>,
    pub other_account: Option<String>,
    pub why: PairReason,
    /// Why, as a sentence: "Both write from ana@acme.com."
    pub reason: String,
}

/// Every live pair of people and of accounts that look like one, people first, each pair once
/// (by its first reason) and never one in `not_same` (pairs of ids in [`ordered`] order).
/// `accounts` and `people` are the live ones; a person whose account is not among `accounts`
/// is left out.
pub fn likely_pairs(
    accounts: &[Account],
    people: &[Contact],
    not_same: &HashSet<(Id, Id)>,
) -> Vec<LikelyPair> {
    let names: BTreeMap<&str, &str> = accounts.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
    let people: Vec<&Contact> = people.iter().filter(|c| names.contains_key(c.account_id.as_str())).collect();
    let mut found = Found { seen: not_same.clone(), pairs: Vec::new() };
    let mut offer = |kind, a, b, why, reason| found.offer(kind, a, b, why, reason);

    // People sharing an address, wherever they are; then the same name at one account.
    let mut by_address: BTreeMap<String, Vec<&Contact>> = BTreeMap::new();
    for c in &people {
        let mut own: Vec<String> = c.email.iter().chain(&c.other_emails).map(|e| match_key(e)).collect();
        own.sort();
        own.dedup();
        for address in own.into_iter().filter(|a| !a.is_empty()) {
            by_address.entry(address).or_default().push(c);
        }
    }
    for (address, group) in &by_address {
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                let reason = format!("Both write from {address}.");
                offer(MergeKind::Person, (&a.id, &a.name), (&b.id, &b.name), PairReason::SameAddress, reason);
            }
        }
    }
    let mut by_name: BTreeMap<(&str, String), Vec<&Contact>> = BTreeMap::new();
    for c in &people {
        let key = person_key(&c.name);
        if !key.is_empty() {
            by_name.entry((c.account_id.as_str(), key)).or_default().push(c);
        }
    }
    for ((account, _), group) in &by_name {
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                let reason = format!("Both are called {} at {}.", a.name, names[account]);
                offer(MergeKind::Person, (&a.id, &a.name), (&b.id, &b.name), PairReason::SameName, reason);
            }
        }
    }
    let account_of: BTreeMap<&str, &str> =
        people.iter().map(|c| (c.id.as_str(), c.account_id.as_str())).collect();
    for pair in &mut found.pairs {
        let first = account_of[pair.first_id.as_str()];
        let second = account_of[pair.second_id.as_str()];
        pair.account_id = Some(first.into());
        pair.account = Some(names[first].into());
        if second != first {
            pair.other_account_id = Some(second.into());
            pair.other_account = Some(names[second].into());
        }
    }

    // Accounts with the same name once their legal form is set aside; then accounts whose
    // people write from the same company's domain.
    let mut offer = |kind, a, b, why, reason| found.offer(kind, a, b, why, reason);
    let mut by_company: BTreeMap<String, Vec<&Account>> = BTreeMap::new();
    for a in accounts {
        let key = company_key(&a.name);
        if !key.is_empty() {
            by_company.entry(key).or_default().push(a);
        }
    }
    for group in by_company.values() {
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                let reason = format!("{} and {} are one name but for the legal form.", a.name, b.name);
                offer(MergeKind::Account, (&a.id, &a.name), (&b.id, &b.name), PairReason::SameName, reason);
            }
        }
    }
    let mut by_domain: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for c in &people {
        for domain in c.email.iter().chain(&c.other_emails).filter_map(|e| domain_of(e)) {
            if !is_public_mail(&domain) {
                let accounts = by_domain.entry(domain).or_default();
                if !accounts.contains(&c.account_id.as_str()) {
                    accounts.push(&c.account_id);
                }
            }
        }
    }
    for (domain, group) in &by_domain {
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                let reason = format!("People at both write from {domain}.");
                offer(MergeKind::Account, (a, names[a]), (b, names[b]), PairReason::SameDomain, reason);
            }
        }
    }
    found.pairs
}

/// The pairs found so far, and those not to offer again.
struct Found {
    seen: HashSet<(Id, Id)>,
    pairs: Vec<LikelyPair>,
}

impl Found {
    fn offer(&mut self, kind: MergeKind, a: (&str, &str), b: (&str, &str), why: PairReason, reason: String) {
        let ((first_id, first), (second_id, second)) = if a.0 <= b.0 { (a, b) } else { (b, a) };
        if first_id == second_id || !self.seen.insert((first_id.to_string(), second_id.to_string())) {
            return;
        }
        self.pairs.push(LikelyPair {
            kind,
            first_id: first_id.into(),
            first: first.into(),
            second_id: second_id.into(),
            second: second.into(),
            account_id: None,
            account: None,
            other_account_id: None,
            other_account: None,
            why,
            reason,
        });
    }
}

/// The kept person as a merge leaves them, with what was added, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitedPerson {
    pub person: Contact,
    /// The fields filled from the merged person ("title", "phone"…).
    pub filled: Vec<&'static str>,
    /// The merged person's addresses the kept one did not have, now theirs.
    pub addresses_added: Vec<String>,
    /// Addresses and numbers that did not fit (a person keeps at most `MAX_OTHERS` others).
    pub left_out: Vec<String>,
}

/// `kept` with what `merged` adds: every field `kept` lacks is filled from `merged`; the
/// addresses and phone numbers of both are one list (the kept main one first, repeats in any
/// case once, beyond the maximum left out); the notes are joined; dates of a kind `kept` lacks
/// are added. Whom `kept` reports to is never `kept` itself, nor the merged person.
pub fn unite_people(kept: &Contact, merged: &Contact, now: DateTime<Utc>) -> UnitedPerson {
    let mut p = kept.clone();
    let mut filled = Vec::new();
    macro_rules! fill {
        ($($field:ident),+) => {$(
            if p.$field.is_none() && merged.$field.is_some() {
                p.$field = merged.$field.clone();
                filled.push(stringify!($field));
            }
        )+};
    }
    fill!(title, preferred_channel, timezone, cadence_days, influence, stance);
    // The roles either played are the kept person's.
    let roles = crate::domain::checked_roles(p.roles.iter().chain(&merged.roles).copied().collect());
    if roles != p.roles {
        filled.push("roles");
        p.roles = roles;
    }
    if p.introduced_by.is_none() && merged.introduced_by.as_ref().is_some_and(|i| *i != kept.id) {
        p.introduced_by = merged.introduced_by.clone();
        filled.push("introduced_by");
    }
    // The parts of a name are the kept one's parts only when the names are one.
    if p.name_parts.is_none()
        && merged.name_parts.is_some()
        && person_key(&p.name) == person_key(&merged.name)
    {
        p.name_parts = merged.name_parts.clone();
        filled.push("name_parts");
    }
    let manager = |id: &Option<Id>| id.clone().filter(|m| *m != kept.id && *m != merged.id);
    if manager(&p.reports_to).is_none() {
        let from_merged = manager(&merged.reports_to);
        if from_merged.is_some() && p.reports_to.is_none() {
            filled.push("reports_to");
        }
        p.reports_to = from_merged;
    }
    let mut left_out = Vec::new();
    let (email, other_emails, addresses_added) = one_list(
        &p.email,
        &p.other_emails,
        merged.email.iter().chain(&merged.other_emails),
        match_key,
        &mut left_out,
    );
    let digits = |n: &str| n.chars().filter(char::is_ascii_digit).collect::<String>();
    let (phone, other_phones, phones_added) = one_list(
        &p.phone,
        &p.other_phones,
        merged.phone.iter().chain(&merged.other_phones),
        digits,
        &mut left_out,
    );
    if p.email.is_none() && email.is_some() {
        filled.push("email");
    }
    if p.phone.is_none() && phone.is_some() {
        filled.push("phone");
    }
    if !phones_added.is_empty() && p.phone.is_some() {
        filled.push("other_phones");
    }
    (p.email, p.other_emails, p.phone, p.other_phones) = (email, other_emails, phone, other_phones);
    for date in &merged.dates {
        if !p.dates.iter().any(|d| d.kind == date.kind && d.label == date.label) {
            p.dates.push(date.clone());
            if !filled.contains(&"dates") {
                filled.push("dates");
            }
        }
    }
    if let Some(notes) = joined_notes(&p.notes, &merged.notes) {
        p.notes = notes;
        filled.push("notes");
    }
    p.updated_at = now;
    UnitedPerson { person: p, filled, addresses_added, left_out }
}

/// The main value and the others, with `more` added where new (by `key`): the first becomes
/// the main one when there is none; beyond `MAX_OTHERS` others, the rest go to `left_out`.
/// Returns the main one, the others, and what was added.
fn one_list<'a>(
    main: &Option<String>,
    others: &[String],
    more: impl Iterator<Item = &'a String>,
    key: impl Fn(&str) -> String,
    left_out: &mut Vec<String>,
) -> (Option<String>, Vec<String>, Vec<String>) {
    let mut main = main.clone();
    let mut others = others.to_vec();
    let mut added = Vec::new();
    for value in more {
        let known = main.iter().chain(&others).any(|v| key(v) == key(value));
        if known || key(value).is_empty() {
            continue;
        }
        if main.is_none() {
            main = Some(value.clone());
        } else if others.len() < MAX_OTHERS {
            others.push(value.clone());
        } else {
            left_out.push(value.clone());
            continue;
        }
        added.push(value.clone());
    }
    (main, others, added)
}

/// Both notes, the kept ones first, when the merged ones say something the kept ones do not.
pub fn joined_notes(kept: &str, merged: &str) -> Option<String> {
    let merged = merged.trim();
    if merged.is_empty() || kept.contains(merged) {
        None
    } else if kept.trim().is_empty() {
        Some(merged.to_string())
    } else {
        Some(format!("{}\n\n{merged}", kept.trim_end()))
    }
}

/// The kept account as a merge leaves it, and the fields filled from the merged one.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitedAccount {
    pub account: Account,
    pub filled: Vec<&'static str>,
}

/// `kept` with every empty field filled from `merged` (industry, renewal date, cadence,
/// holidays) and both notes joined; the rest is the kept account's.
pub fn unite_accounts(kept: &Account, merged: &Account, now: DateTime<Utc>) -> UnitedAccount {
    let mut a = kept.clone();
    let mut filled = Vec::new();
    if a.industry.is_none() && merged.industry.is_some() {
        a.industry = merged.industry.clone();
        filled.push("industry");
    }
    if a.renewal_date.is_none() && merged.renewal_date.is_some() {
        a.renewal_date = merged.renewal_date;
        filled.push("renewal_date");
    }
    if a.cadence_days.is_none() && merged.cadence_days.is_some() {
        a.cadence_days = merged.cadence_days;
        filled.push("cadence_days");
    }
    if a.holidays.is_empty() && !merged.holidays.is_empty() {
        a.holidays = merged.holidays.clone();
        filled.push("holidays");
    }
    if let Some(notes) = joined_notes(&a.notes, &merged.notes) {
        a.notes = notes;
        filled.push("notes");
    }
    a.updated_at = now;
    UnitedAccount { account: a, filled }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ContactDraft, Level};

    fn person(id: &str, name: &str, email: Option<&str>, others: &[&str]) -> Contact {
        ContactDraft {
            account_id: "acc".into(),
            name: name.into(),
            email: email.map(Into::into),
            other_emails: others.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
        .into_contact(id.into(), DateTime::UNIX_EPOCH)
        .unwrap()
    }

    #[test]
    fn the_kept_person_keeps_their_fields_and_takes_the_others_addresses() {
        let mut kept = person("k", "Ana Ruiz", Some("ana@acme.com"), &[]);
        kept.title = Some("CFO".into());
        kept.notes = "Prefers calls.".into();
        let mut merged = person("m", "Ruiz, Ana", Some("ANA@acme.com"), &["ana.ruiz@home.es"]);
        merged.title = Some("Finance".into());
        merged.phone = Some("+34 600".into());
        merged.level = Level::Executive;
        merged.notes = "Has two children.".into();
        let united = unite_people(&kept, &merged, DateTime::UNIX_EPOCH);
        assert_eq!(united.person.title.as_deref(), Some("CFO"), "the kept title stays");
        assert_eq!(united.person.phone.as_deref(), Some("+34 600"), "an empty field is filled");
        assert_eq!(united.person.level, kept.level);
        assert_eq!(united.person.email.as_deref(), Some("ana@acme.com"));
        assert_eq!(united.person.other_emails, ["ana.ruiz@home.es"], "the same address in capitals is one");
        assert_eq!(united.addresses_added, ["ana.ruiz@home.es"]);
        assert_eq!(united.person.notes, "Prefers calls.\n\nHas two children.");
        assert!(united.left_out.is_empty());
    }

    #[test]
    fn addresses_beyond_the_maximum_are_left_out_and_said() {
        let full: Vec<String> = (0..MAX_OTHERS).map(|n| format!("a{n}@acme.com")).collect();
        let full: Vec<&str> = full.iter().map(String::as_str).collect();
        let kept = person("k", "Ana", Some("ana@acme.com"), &full);
        let merged = person("m", "Ana", Some("ana.r@acme.com"), &[]);
        let united = unite_people(&kept, &merged, DateTime::UNIX_EPOCH);
        assert_eq!(united.left_out, ["ana.r@acme.com"]);
        assert!(united.addresses_added.is_empty());
    }
}
