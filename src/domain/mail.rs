//! What reading the user's mail needs to know and to remember, in the ground floor's nouns: the
//! client's people by their addresses, what a touch read earlier says about its thread, and
//! how far a mail file or folder was read. Nothing here is a message: a message that involves
//! no client's person is never held beyond the reading of it.

use super::{Id, Initiator};

/// One of a client's people, as mail finds them: every address they are known by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailPerson {
    pub account_id: Id,
    pub account: String,
    pub contact_id: Id,
    /// `email` and `other_emails`, as typed (matching ignores case and surrounding space).
    pub addresses: Vec<String>,
}

/// A touch read from mail earlier, as a thread read now finds it by its Message-ID: the account
/// it is in and who started its thread there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMail {
    pub message_id: String,
    pub account_id: Id,
    pub initiated_by: Initiator,
}

/// What kind of place mail was read from, as the sources table keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MailKind {
    Eml,
    Emlx,
    Mbox,
    Maildir,
    Folder,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Eml => "eml",
            MailKind::Emlx => "emlx",
            MailKind::Mbox => "mbox",
            MailKind::Maildir => "maildir",
            MailKind::Folder => "folder",
        }
    }

    pub fn from_word(word: &str) -> Option<MailKind> {
        [MailKind::Eml, MailKind::Emlx, MailKind::Mbox, MailKind::Maildir, MailKind::Folder]
            .into_iter()
            .find(|k| k.as_str() == word)
    }
}

/// How far a mail source was read, so that reading it again reads only what is new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailSourceState {
    /// The source's canonical path: its key.
    pub path: String,
    pub kind: MailKind,
    /// What the source looked like when it was last read through (an mbox's size and
    /// modification time, a Maildir's folders' modification times): while it is unchanged,
    /// there is nothing new to read. None when the last read left something to try again.
    pub stamp: Option<String>,
    /// An mbox: where the last message read starts, to resume from.
    pub resume_offset: Option<u64>,
    /// An mbox: a check of the bytes at `resume_offset`, so a file rewritten since (compacted
    /// by the mail program) is read again from its start rather than from a wrong place.
    pub resume_check: Option<u64>,
    /// An mbox: the message at `resume_offset` was read, so resuming skips it.
    pub resume_whole: bool,
    /// A check of every address of the client's people when the source was read: mail is read
    /// again from the start once they change, since a message left out then may be kept now.
    pub people_check: Option<u64>,
}

/// A 64-bit FNV-1a hash: stable across builds and machines, for the keys Rapport keeps of mail
/// (a file's name, a Message-ID made for a message without one), never to keep a secret.
pub fn mail_hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mail_hash_is_fnv_1a() {
        assert_eq!(mail_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(mail_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn kinds_are_words() {
        for kind in ["eml", "emlx", "mbox", "maildir", "folder"] {
            assert_eq!(MailKind::from_word(kind).unwrap().as_str(), kind);
        }
        assert_eq!(MailKind::from_word("pst"), None);
    }
}
