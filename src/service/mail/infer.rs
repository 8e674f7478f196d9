//! What the messages read now suggest — requests a client made, promises either way, new people
//! at a client's domain — proposed in the review queue ("Rapport noticed"), never recorded until
//! the user says yes. Only messages with a client's person are looked at (the same ones that
//! become touches), and only what their senders wrote, cut to a few thousand characters: a
//! message's words are held while it is read, then dropped.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};

use crate::domain::day_words::DayOrder;
use crate::domain::{
    Account, MailPerson, Noticed, NoticedKind, NoticedSource, NoticedState, domain_of, is_public_mail,
};
use crate::engine::capture::{self, Known, KnownAccount, KnownPerson, Mail, Party, Proposal, ProposalKind};
use crate::engine::mail::Kept;
use crate::interop::mail::MailMessage;
use crate::service::new_id;

/// What is kept of a message's words for inference: what its sender wrote, at most this long.
const WORDS_KEPT: usize = 4_000;

/// A kept message as inference reads it.
pub(super) fn mail_of(message: &MailMessage, kept: &Kept) -> Mail {
    let party = |a: &crate::interop::mail::Address| Party::new(&a.email, a.name.as_deref());
    let fresh = capture::text::fresh_text(&message.body);
    Mail {
        message_id: kept.message_id.clone(),
        in_reply_to: kept.ancestors.clone(),
        sent_at: kept.occurred_at,
        from: message.from.first().map(party).unwrap_or_default(),
        to: message.to.iter().map(party).collect(),
        cc: message.cc.iter().map(party).collect(),
        subject: message.subject.clone(),
        body: fresh.chars().take(WORDS_KEPT).collect(),
        automatic: message.automatic.is_some(),
        has_attachment: false,
    }
}

/// Who is whose, for inference: every address of the client's people, and each account's zone
/// and the domains its people write from (never a public provider's).
pub(super) fn known(people: &[MailPerson], accounts: &[Account]) -> Known {
    let mut domains: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut known = Known::default();
    for person in people {
        for address in &person.addresses {
            known.people.push(KnownPerson {
                email: address.trim().to_lowercase(),
                contact_id: person.contact_id.clone(),
                account_id: person.account_id.clone(),
            });
            if let Some(domain) = domain_of(address).filter(|d| !is_public_mail(d)) {
                let list = domains.entry(person.account_id.as_str()).or_default();
                if !list.contains(&domain) {
                    list.push(domain);
                }
            }
        }
    }
    known.accounts = accounts
        .iter()
        .map(|a| KnownAccount {
            account_id: a.id.clone(),
            timezone: a.timezone.clone(),
            domains: domains.remove(a.id.as_str()).unwrap_or_default(),
            day_order: DayOrder::DayFirst,
        })
        .collect();
    known
}

/// The proposals of every thread among `mails`: a thread is the messages joined by what they
/// answer (References, In-Reply-To), in the order they were sent.
pub(super) fn proposals(mails: Vec<Mail>, known: &Known) -> Vec<Proposal> {
    let index: HashMap<String, usize> =
        mails.iter().enumerate().map(|(i, m)| (m.message_id.clone(), i)).collect();
    let mut root: Vec<usize> = (0..mails.len()).collect();
    fn find(root: &mut [usize], mut i: usize) -> usize {
        while root[i] != i {
            root[i] = root[root[i]];
            i = root[i];
        }
        i
    }
    for (i, mail) in mails.iter().enumerate() {
        for ancestor in &mail.in_reply_to {
            if let Some(&j) = index.get(ancestor) {
                let (a, b) = (find(&mut root, i), find(&mut root, j));
                root[a.max(b)] = a.min(b);
            }
        }
    }
    let mut threads: BTreeMap<usize, Vec<Mail>> = BTreeMap::new();
    for (i, mail) in mails.into_iter().enumerate() {
        let r = find(&mut root, i);
        threads.entry(r).or_default().push(mail);
    }
    let mut all = Vec::new();
    for mut thread in threads.into_values() {
        thread.sort_by(|a, b| a.sent_at.cmp(&b.sent_at).then_with(|| a.message_id.cmp(&b.message_id)));
        all.extend(capture::infer_thread(&thread, known));
    }
    all
}

/// A proposal as the review queue keeps it, with the subject of the message it came from.
pub(super) fn noticed(p: Proposal, subjects: &HashMap<String, String>, now: DateTime<Utc>) -> Noticed {
    let kind = match p.kind {
        ProposalKind::Request => NoticedKind::Request,
        ProposalKind::OurPromise => NoticedKind::OurPromise,
        ProposalKind::TheirPromise => NoticedKind::TheirPromise,
        ProposalKind::NewPerson => NoticedKind::NewPerson,
    };
    let new_person = kind == NoticedKind::NewPerson;
    let subject = subjects.get(&p.evidence).cloned().unwrap_or_default();
    Noticed {
        id: new_id(now),
        kind,
        account_id: p.account_id,
        account: String::new(),
        contact_id: p.contact_id,
        contact: None,
        text: if new_person {
            match &p.email {
                Some(email) if *email != p.text => {
                    format!("{} ({email}) wrote with you about \u{201c}{subject}\u{201d}.", p.text)
                }
                _ => format!("{} wrote with you about \u{201c}{subject}\u{201d}.", p.text),
            }
        } else {
            p.text.clone()
        },
        due_at: p.due_at,
        name: (new_person && p.email.as_deref() != Some(p.text.as_str())).then(|| p.text.clone()),
        email: p.email,
        acknowledged_at: p.acknowledged_at,
        answered_at: p.answered_at,
        source: NoticedSource { message_id: Some(p.evidence), subject, sent_at: p.at },
        state: NoticedState::Open,
        created_at: now,
        calendar: None,
    }
}

/// A reply of ours read now, for the requests of its thread suggested in an earlier reading: the
/// messages it answers, when it was sent, and whether it only acknowledges or answers.
pub(super) struct Replied {
    pub(super) answers_to: Vec<String>,
    pub(super) at: DateTime<Utc>,
    pub(super) gives: bool,
}

/// What each reply of ours among `mails` does to the requests before it in its thread.
pub(super) fn replies(mails: &[Mail], known: &Known) -> Vec<Replied> {
    let mut replies: Vec<Replied> = mails
        .iter()
        .filter(|m| !m.in_reply_to.is_empty())
        .filter_map(|m| {
            let reply = capture::reply_of(m, known)?;
            Some(Replied {
                answers_to: m.in_reply_to.clone(),
                at: m.sent_at,
                gives: reply == capture::Reply::Answers,
            })
        })
        .collect();
    // The first reply acknowledges, the first that gives answers: in the order they were sent.
    replies.sort_by_key(|r| r.at);
    replies
}
