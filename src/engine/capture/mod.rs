//! What Rapport proposes from the user's mail (issue 19, "What is kept, what is inferred"): from
//! a message already read and the thread it belongs to, the requests, promises and new people an
//! account manager would otherwise type. A pure function of its inputs: no clock, no database,
//! no network, and it never panics on any text.
//!
//! What it reads: only what the sender wrote in this message ([`text::fresh_text`]) — quoted
//! earlier mail, "On … wrote:" and Outlook's "From: / Sent:" blocks, "-- " signatures and
//! sign-offs are left out, and so is a sentence the thread already said. An automatic message
//! (out-of-office, newsletter) proposes nothing, and never acknowledges or answers anything.
//!
//! The rules, in a few lines per kind (the phrase tables are in [`cues`] and [`dates`]):
//! - **Request**: a message from one of the client's people (or from an address at one of the
//!   account's domains) holding a sentence that asks us for something — "could you / can you /
//!   please / we need / kindly / let us know", their German, Spanish and Japanese forms — or a
//!   question that is not small talk. Closing formulas ("let me know if you have any
//!   questions", "bei Fragen…", "no dude en…", "お気軽に…") and "please find attached" are not
//!   asks. "Any news?" / "any update on X?" *is* a request: the client is chasing. Invitations
//!   ("would you like to join us…") and rhetorical questions are not.
//! - **Acknowledged / answered**: our first reply after the request in the thread acknowledges
//!   it; the first that answers it — a link, an attachment or its mention ("attached", "here
//!   is", "anbei", "adjunto", "添付"), or plain content that is not only "we're looking into
//!   it / I'll get back to you / wir prüfen das / lo revisamos / 確認します" — answers it. A
//!   reply answers every open request of the thread before it.
//! - **OurPromise / TheirPromise**: a sentence of ours (of theirs) that commits its writer to
//!   something ("I'll / we will / I'm going to / you'll receive…", "ich schicke / wir werden",
//!   "enviaré / vamos a", "お送りします / 予定です") *and names a day*, read relative to the
//!   message's own day in the client's zone; due at 23:59 that day in the client's zone. A
//!   commitment without a day is not proposed: it cannot be kept on time, and the reply it sits
//!   in is already an acknowledgement. Questions, negations ("won't", "nicht", "no podré",
//!   "できません") and absences ("I'll be on holiday until Friday") are not promises.
//! - **NewPerson**: an address on the message at a domain where an account already has people
//!   (or a subdomain of one), that is none of its people, nor a machine's ("noreply@"), nor at a
//!   public mail provider's. Proposed once per thread, on the first message it appears on.
//!
//! Days: English through [`crate::domain::day_words::read_day`] ("end of month", "in 2 days",
//! "24 Dec", "EOD"), German, Spanish and Japanese through small tables here. Where mail means
//! something else than `read_day` reads: "next Tuesday" is the Tuesday of next week (read_day
//! says the one after on Thursday to Sunday), "next week" alone is its Friday, and a weekday
//! named on that weekday is next week's ("today" is said "today").
//!
//! Who is who: an address of one of the client's people is theirs; an address at one of an
//! account's domains is theirs too (a person not yet known); anyone else is us. Our promise
//! goes to the first of the client's people in To, then Cc, and their account.

mod cues;
mod dates;
mod people;
pub mod text;
mod thread;

#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::Id;
use crate::domain::day_words::DayOrder;

pub use cues::Reply;
pub use thread::{infer_message, infer_thread, reply_of};

/// One address on a message: lower or mixed case, with the name the mail gave it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Party {
    pub email: String,
    pub name: Option<String>,
}

impl Party {
    pub fn new(email: &str, name: Option<&str>) -> Party {
        Party { email: email.to_string(), name: name.map(str::to_string) }
    }
}

/// A message as inference needs it, already parsed (the service converts what the mail
/// reader gives).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mail {
    /// The id the proposals cite as their evidence (the Message-ID, or what the service keeps
    /// in its place).
    pub message_id: String,
    pub in_reply_to: Vec<String>,
    pub sent_at: DateTime<Utc>,
    pub from: Party,
    pub to: Vec<Party>,
    pub cc: Vec<Party>,
    pub subject: String,
    /// The text, plain, as the sender's program wrote it: quotes and signatures included.
    pub body: String,
    /// Sent by a program (out-of-office, newsletter, bounce): nothing is inferred from it.
    pub automatic: bool,
    /// The message carried an attachment, when the reader knows (an answer, when ours).
    pub has_attachment: bool,
}

/// One of a client's people, by one of their addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownPerson {
    pub email: String,
    pub contact_id: Id,
    pub account_id: Id,
}

/// What inference needs of an account: its zone (for due days) and the mail domains its people
/// write from (for new people).
#[derive(Debug, Clone, PartialEq)]
pub struct KnownAccount {
    pub account_id: Id,
    /// IANA name; an unknown name is read as UTC.
    pub timezone: String,
    /// Lower case, without "@": the domains of its people's addresses.
    pub domains: Vec<String>,
    /// How "3/4" is read in this client's mail.
    pub day_order: DayOrder,
}

/// Who is whose: every address of every client's person, and the accounts. Anyone else is "us".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Known {
    pub people: Vec<KnownPerson>,
    pub accounts: Vec<KnownAccount>,
}

crate::domain::word_enum!(
    /// What a proposal would become once accepted.
    #[derive(PartialOrd, Ord)]
    ProposalKind {
        Request = "request",
        OurPromise = "our_promise",
        TheirPromise = "their_promise",
        NewPerson = "new_person",
    }
);

/// What Rapport noticed, for the review queue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    pub kind: ProposalKind,
    pub account_id: Id,
    /// Who asked, who was promised, who promised; none for a new person or an unknown sender.
    pub contact_id: Option<Id>,
    /// The sentence(s), at most [`text::TEXT_CHARS`] characters; for a new person, their name
    /// (or the address when the mail gave none).
    pub text: String,
    /// For a new person: the address.
    pub email: Option<String>,
    /// When the message was sent: a request's received_at, a promise's made_at.
    pub at: DateTime<Utc>,
    /// 23:59 on the day named, in the client's zone.
    pub due_at: Option<DateTime<Utc>>,
    /// For a request: our first reply after it in the thread.
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// For a request: our first reply that answers it.
    pub answered_at: Option<DateTime<Utc>>,
    /// The message it was read from.
    pub evidence: String,
}

/// What a reply of ours does to a request made earlier in its thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplyEffect {
    /// The request's evidence (the message that asked).
    pub request: String,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub answered_at: Option<DateTime<Utc>>,
}

/// What one message gives: its own proposals, and what it does to earlier requests.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Inference {
    pub proposals: Vec<Proposal>,
    pub replies: Vec<ReplyEffect>,
}
