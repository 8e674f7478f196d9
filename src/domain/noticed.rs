//! What Rapport noticed in the user's own mail and calendars, and proposes instead of the user
//! typing it: a request a client made, a promise made either way, a new person at an account.
//! Facts (a message is a touch) are logged at once; these are inferences, and wait in the
//! review queue ("Rapport noticed") until the user accepts, edits or ignores each.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Id, word_enum};

word_enum!(
    /// What a proposal would become once accepted.
    NoticedKind {
        Request = "request", OurPromise = "our_promise", TheirPromise = "their_promise",
        NewPerson = "new_person", Meeting = "meeting",
    }
);

word_enum!(
    /// Where a proposal stands in the review queue.
    NoticedState { Open = "open", Accepted = "accepted", Ignored = "ignored" }
);

/// Where Rapport noticed it: a message (its id, subject and when it was sent), or a calendar's
/// meeting (its title and start).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct NoticedSource {
    pub message_id: Option<String>,
    pub subject: String,
    pub sent_at: DateTime<Utc>,
}

/// One proposal of the review queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Noticed {
    pub id: Id,
    pub kind: NoticedKind,
    pub account_id: Id,
    /// The account's name, for the queue.
    pub account: String,
    /// Who asked or promised; for a new person, nobody yet.
    pub contact_id: Option<Id>,
    pub contact: Option<String>,
    /// The request or promise in the sender's words; for a new person, who they are.
    pub text: String,
    /// When a promise is due (the end of that day in the client's zone).
    pub due_at: Option<DateTime<Utc>>,
    /// A new person's address and the name the message or calendar gave them.
    pub email: Option<String>,
    pub name: Option<String>,
    /// For a request: when our replies acknowledged and answered it, as the thread shows.
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub answered_at: Option<DateTime<Utc>>,
    pub source: NoticedSource,
    pub state: NoticedState,
    pub created_at: DateTime<Utc>,
    /// For a meeting: the invitation as its calendar wrote it, read again when accepted. The
    /// queue shows the meeting's title and start instead.
    #[serde(skip)]
    pub calendar: Option<String>,
}

impl Noticed {
    /// What makes two proposals the same: a person by their address at the account, anything
    /// else by the message (or meeting) and the words.
    pub fn key(&self) -> String {
        match (self.kind, &self.email) {
            (NoticedKind::NewPerson, Some(email)) => email.to_lowercase(),
            // An invitation sent again for the same time is the same; moved, it is new.
            (NoticedKind::Meeting, _) if self.invitation_uid().is_some() => format!(
                "{}\u{1f}{}",
                self.invitation_uid().unwrap_or_default(),
                self.due_at.map(|d| d.to_rfc3339()).unwrap_or_default()
            ),
            _ => format!(
                "{}\u{1f}{}",
                self.source.message_id.as_deref().unwrap_or(&self.source.subject),
                self.text.trim().to_lowercase()
            ),
        }
    }
}

impl Noticed {
    /// For a meeting: the UID of the event its invitation is about (lines unfolded), which
    /// names the meeting across invitations and calendars.
    pub fn invitation_uid(&self) -> Option<String> {
        let calendar = self.calendar.as_deref()?;
        let unfolded = calendar.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "");
        unfolded
            .lines()
            .find_map(|line| line.strip_prefix("UID:"))
            .map(|uid| uid.trim().to_string())
            .filter(|uid| !uid.is_empty())
    }
}

/// What the user changes in a proposal before accepting it.
#[derive(Debug, Clone, Default, Deserialize, Type)]
pub struct NoticedEdit {
    pub text: Option<String>,
    /// RFC 3339.
    pub due_at: Option<String>,
    /// A new person's name.
    pub name: Option<String>,
}

/// Mail providers anyone can have an address at: an address there says nothing about which
/// company its owner works for, so it never makes an account's domain or a new person.
const PUBLIC: [&str; 44] = [
    "gmail.com",
    "googlemail.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "msn.com",
    "proton.me",
    "pm.me",
    "protonmail.com",
    "protonmail.ch",
    "web.de",
    "t-online.de",
    "freenet.de",
    "posteo.de",
    "mail.ru",
    "bk.ru",
    "list.ru",
    "inbox.ru",
    "qq.com",
    "163.com",
    "126.com",
    "sina.com",
    "naver.com",
    "daum.net",
    "zoho.com",
    "hey.com",
    "mail.com",
    "gmx.net",
    "libero.it",
    "orange.fr",
    "wanadoo.fr",
    "free.fr",
    "laposte.net",
    "btinternet.com",
    "comcast.net",
    "verizon.net",
    "att.net",
    "sbcglobal.net",
    "seznam.cz",
    "wp.pl",
    "o2.pl",
    "rediffmail.com",
    "docomo.ne.jp",
    "ezweb.ne.jp",
];

/// Providers with a domain in many countries: hotmail.co.uk, yahoo.co.jp, gmx.de, outlook.es.
const PUBLIC_NAMES: [&str; 13] = [
    "hotmail",
    "outlook",
    "live",
    "yahoo",
    "ymail",
    "rocketmail",
    "aol",
    "gmx",
    "yandex",
    "fastmail",
    "tutanota",
    "tuta",
    "softbank",
];

/// Whether an address's domain is a public mail provider's (their country domains included:
/// hotmail.co.uk, yahoo.co.jp, gmx.de).
pub fn is_public_mail(domain: &str) -> bool {
    let domain = domain.trim().trim_end_matches('.').to_lowercase();
    if PUBLIC.iter().any(|p| domain == *p || domain.ends_with(&format!(".{p}"))) {
        return true;
    }
    // The name, then a country's or the world's suffix ("co.uk", "de", "com"), nothing else.
    let Some((name, suffix)) = domain.split_once('.') else { return false };
    PUBLIC_NAMES.contains(&name) && suffix.split('.').count() <= 2 && suffix.split('.').all(|l| l.len() <= 3)
}

/// The domain of an address, lower case.
pub fn domain_of(email: &str) -> Option<String> {
    let (_, domain) = email.trim().rsplit_once('@')?;
    (!domain.is_empty()).then(|| domain.to_lowercase())
}
