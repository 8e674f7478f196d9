//! A thread read in order: each message's own proposals, and what our replies do to the
//! requests before them.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use super::cues::{self, Reply};
use super::people::{Side, Whose};
use super::text::{self, Sentence};
use super::{Inference, Known, KnownAccount, Mail, Proposal, ProposalKind, ReplyEffect, dates};

/// The most earlier messages of a thread read: a longer thread's start is long settled.
const THREAD_MESSAGES: usize = 500;

/// A sentence shorter than this is not compared with the thread's earlier ones ("Thanks!" is
/// said again and again, and is new each time).
const REPEATED_CHARS: usize = 16;

/// Everything a thread proposes, message by message in the order they were sent: requests with
/// the times our replies acknowledged and answered them, promises both ways, new people (each
/// once, on the first message they appear on).
pub fn infer_thread(thread: &[Mail], known: &Known) -> Vec<Proposal> {
    let whose = Whose::new(known);
    let mut reader = Reader::new(&whose);
    for mail in in_order(thread) {
        reader.read(mail);
    }
    reader.proposals
}

/// What one new message proposes, given the thread's earlier messages (in any order): its own
/// proposals, and — when it is a reply of ours — which earlier requests it acknowledges or
/// answers for the first time. A new person already on an earlier message is not proposed again.
pub fn infer_message(message: &Mail, earlier: &[Mail], known: &Known) -> Inference {
    let whose = Whose::new(known);
    let mut reader = Reader::new(&whose);
    let earlier = in_order(earlier);
    let skip = earlier.len().saturating_sub(THREAD_MESSAGES);
    for mail in earlier.into_iter().skip(skip) {
        reader.read(mail);
    }
    let before: Vec<Proposal> = reader.proposals.clone();
    let already = before.len();
    reader.read(message);
    let replies = reader.proposals[..already]
        .iter()
        .zip(&before)
        .filter(|(now, then)| now != then)
        .map(|(now, then)| ReplyEffect {
            request: now.evidence.clone(),
            acknowledged_at: now.acknowledged_at.filter(|_| then.acknowledged_at.is_none()),
            answered_at: now.answered_at.filter(|_| then.answered_at.is_none()),
        })
        .collect();
    Inference { proposals: reader.proposals.split_off(already), replies }
}

/// What a message does to the open requests of its thread, for a service that keeps the
/// requests but not the bodies that asked them: `Answers` or `Acknowledges` when it is ours and
/// written by a person, none when it is the client's or automatic. The same judgement
/// [`infer_thread`] applies to every request before it in the thread.
pub fn reply_of(message: &Mail, known: &Known) -> Option<Reply> {
    let whose = Whose::new(known);
    if message.automatic || !matches!(whose.side(&message.from.email), Side::Us) {
        return None;
    }
    let sentences = text::sentences(&text::fresh_text(&message.body));
    let addressee = whose.addressee(message);
    Some(cues::reply(&sentences, message.has_attachment, |s| for_later(s, addressee, message)))
}

/// Whether a sentence of ours promises something for a later day ("I'll send the file on
/// Monday"): then it gives nothing yet, whatever it mentions.
fn for_later(s: &Sentence, addressee: Option<(&KnownAccount, Option<&String>)>, mail: &Mail) -> bool {
    let Some((account, _)) = addressee else { return cues::commits(s).is_some() };
    let (_, today) = zone_and_day(account, mail);
    cues::commits(s).is_some() && !dates::days(&s.words, today, account.day_order).is_empty()
}

/// By the time sent; messages sent at the same moment keep their order.
fn in_order(thread: &[Mail]) -> Vec<&Mail> {
    let mut mails: Vec<&Mail> = thread.iter().collect();
    mails.sort_by_key(|m| m.sent_at);
    mails
}

struct Reader<'a> {
    whose: &'a Whose<'a>,
    proposals: Vec<Proposal>,
    /// The words of every sentence already said in the thread.
    said: HashSet<String>,
    /// The addresses already proposed (or seen) as new people.
    seen: HashSet<String>,
}

impl<'a> Reader<'a> {
    fn new(whose: &'a Whose<'a>) -> Self {
        Reader { whose, proposals: Vec::new(), said: HashSet::new(), seen: HashSet::new() }
    }

    fn read(&mut self, mail: &Mail) {
        if mail.automatic {
            return;
        }
        let all = text::sentences(&text::fresh_text(&mail.body));
        let new: Vec<Sentence> = all
            .iter()
            .filter(|s| s.text.chars().count() < REPEATED_CHARS || !self.said.contains(&s.words))
            .cloned()
            .collect();
        for s in &all {
            if s.text.chars().count() >= REPEATED_CHARS {
                self.said.insert(s.words.clone());
            }
        }
        let mut own = Vec::new();
        match self.whose.side(&mail.from.email) {
            Side::Client { account, contact } => {
                let asks: Vec<&str> = new.iter().filter(|s| cues::asks(s)).map(|s| s.text.as_str()).collect();
                if !asks.is_empty() {
                    let mut request = proposal(ProposalKind::Request, mail, account, contact.cloned());
                    request.text = text::shortened(&asks.join(" "));
                    own.push(request);
                }
                own.extend(promises(&new, mail, account, contact.cloned(), ProposalKind::TheirPromise));
            }
            Side::Us => {
                let addressee = self.whose.addressee(mail);
                let reply = cues::reply(&all, mail.has_attachment, |s| for_later(s, addressee, mail));
                for request in self.proposals.iter_mut().filter(|p| p.kind == ProposalKind::Request) {
                    if request.at > mail.sent_at {
                        continue;
                    }
                    request.acknowledged_at.get_or_insert(mail.sent_at);
                    if reply == Reply::Answers {
                        request.answered_at.get_or_insert(mail.sent_at);
                    }
                }
                if let Some((account, contact)) = addressee {
                    own.extend(promises(&new, mail, account, contact.cloned(), ProposalKind::OurPromise));
                }
            }
        }
        for (account, party) in self.whose.newcomers(mail) {
            if self.seen.insert(party.email.clone()) {
                let mut person = proposal(ProposalKind::NewPerson, mail, account, None);
                person.text = party.name.clone().unwrap_or_else(|| party.email.clone());
                person.email = Some(party.email);
                own.push(person);
            }
        }
        self.proposals.extend(own);
    }
}

fn proposal(kind: ProposalKind, mail: &Mail, account: &KnownAccount, contact_id: Option<String>) -> Proposal {
    Proposal {
        kind,
        account_id: account.account_id.clone(),
        contact_id,
        text: String::new(),
        email: None,
        at: mail.sent_at,
        due_at: None,
        acknowledged_at: None,
        answered_at: None,
        evidence: mail.message_id.clone(),
    }
}

/// The sentences that commit their writer to something on a day, each a promise due at the end
/// of that day in the client's zone.
fn promises(
    sentences: &[Sentence],
    mail: &Mail,
    account: &KnownAccount,
    contact: Option<String>,
    kind: ProposalKind,
) -> Vec<Proposal> {
    let (zone, today) = zone_and_day(account, mail);
    let mut out = Vec::new();
    for sentence in sentences {
        let Some(cue) = cues::commits(sentence) else { continue };
        let days = dates::days(&sentence.words, today, account.day_order);
        let day = days.iter().find(|(at, _)| *at >= cue).or_else(|| days.last()).map(|(_, day)| *day);
        let Some(due_at) = day.and_then(|day| end_of(day, zone)) else { continue };
        let mut promise = proposal(kind, mail, account, contact.clone());
        promise.text = text::shortened(&sentence.text);
        promise.due_at = Some(due_at);
        out.push(promise);
    }
    out
}

/// The client's zone (UTC when its name is unknown) and the day the message was sent there.
fn zone_and_day(account: &KnownAccount, mail: &Mail) -> (Tz, NaiveDate) {
    let zone: Tz = account.timezone.parse().unwrap_or(Tz::UTC);
    (zone, mail.sent_at.with_timezone(&zone).date_naive())
}

/// 23:59 on `day` in `zone`, as the CLI's "due Friday" means it.
fn end_of(day: NaiveDate, zone: Tz) -> Option<DateTime<Utc>> {
    let local = day.and_hms_opt(23, 59, 0)?;
    zone.from_local_datetime(&local).earliest().map(|t| t.with_timezone(&Utc))
}
