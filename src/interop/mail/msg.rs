//! Outlook's `.msg` files: one message in an OLE compound file (what Outlook for Windows saves,
//! and what dragging a message out of it gives), read with `msg_parser` and made the same
//! [`MailMessage`] an `.eml` gives. The message's transport headers, when it kept them (a
//! message received; a message sent or drafted has none), give its Message-ID, its thread and
//! whether a program sent it, through the same code as an `.eml`'s headers; Outlook's own
//! properties give its parties, subject, text and time.
//!
//! `msg_parser` holds the whole file, and every attachment in it twice, in memory: files over
//! [`MSG_BYTES`] are refused before it sees them. Attachments are dropped as soon as it returns,
//! except an invitation's calendar text. It panics on some damaged files (a stream name that is
//! not ASCII), so it is called behind `catch_unwind`, and a panic is a problem like any other,
//! caught without its message reaching the terminal.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Once;

use chrono::{DateTime, Utc};
use msg_parser::Outlook;

use super::parse::{self, Unusable};
use super::{
    Address, Automatic, BODY_CHARS, CALENDAR_CHARS, HEADER_BYTES, Located, MailItem, MailMessage,
    MailProblem, MailSource, Place, TEXT_BYTES, read_eml, read_emlx, sniff, text_cut_note, unusable_problem,
    why,
};

/// The largest `.msg` file Rapport reads.
pub const MSG_BYTES: u64 = 64 * 1024 * 1024;

/// The first bytes of every OLE compound file (`.msg`, but also `.doc`, `.xls`, `Thumbs.db`).
pub(super) const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The message in an Outlook `.msg` file. A file named `.msg` that holds a plain mail message
/// (some programs save one so) is read as an `.eml`.
pub fn read_msg(path: &Path) -> MailItem {
    let place = Place::file(path);
    let problem = |reason: String| MailProblem { reason, place: place.clone() };
    let unreadable = |e: io::Error| {
        problem(format!(
            "Rapport could not read the message file {} ({}), so it was skipped. Check that you may \
             read it, then try again.",
            place.name(),
            why(&e)
        ))
    };
    let mut file = File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > MSG_BYTES {
        return Err(problem(format!(
            "{} is {} MiB, more than the {} MiB Rapport reads of one Outlook message, so it was \
             skipped. Save it from Outlook as an .eml file instead (the new Outlook and Outlook on \
             the web offer Save as), or forward it to yourself without its attachments, then import \
             that.",
            place.message(),
            size.div_ceil(1024 * 1024),
            MSG_BYTES / (1024 * 1024)
        )));
    }
    let mut start = Vec::with_capacity(4096);
    (&mut file).take(4096).read_to_end(&mut start).map_err(unreadable)?;
    if start.iter().all(u8::is_ascii_whitespace) {
        return Err(unusable_problem(place, Unusable::Empty));
    }
    if !start.starts_with(&OLE_MAGIC) {
        match sniff(&start).map(|kind| kind(path.to_path_buf())) {
            Some(MailSource::Eml(_)) => return read_eml(path),
            Some(MailSource::Emlx(_)) => return read_emlx(path),
            _ => {}
        }
        return Err(problem(format!(
            "{} is not an Outlook message (it does not begin as one does), so it was skipped. If \
             Outlook opens it, save it from there again, or as an .eml file, and import that.",
            place.message()
        )));
    }
    file.seek(SeekFrom::Start(0)).map_err(unreadable)?;
    let parsed = quietly(|| Outlook::from_reader(file.take(MSG_BYTES)));
    let Ok(Ok(outlook)) = parsed else {
        return Err(problem(format!(
            "{} could not be read as an Outlook message: it may be damaged or cut short, so it was \
             skipped. Open it in Outlook to check it; if it opens, save it again (or as an .eml \
             file) and import that.",
            place.message()
        )));
    };
    let parts = Parts::of(outlook);
    match message(parts) {
        Ok((value, notes)) => Ok(Located { place, value, notes }),
        Err(unusable) => Err(unusable_problem(place, unusable)),
    }
}

thread_local! {
    /// Whether this thread is inside [`quietly`].
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// `f`'s result, or the panic it ended in, caught. The panic's message is not printed: it would
/// land in the middle of an import's summary. The process's panic hook is wrapped once, and
/// still speaks for every other panic, and for this one on every other thread.
fn quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result
}

/// What Rapport takes of an Outlook message, before it is a [`MailMessage`]: never an
/// attachment, but an invitation's calendar text.
#[derive(Debug, Default)]
pub(super) struct Parts {
    /// The transport headers, as received; empty for a message never received.
    pub headers: String,
    /// Outlook's kind of item: "IPM.Note", "IPM.Schedule.Meeting.Request", "REPORT.IPM.Note.NDR"…
    pub class: String,
    /// Name and address, as Outlook has them: an SMTP address, or an Exchange "/O=…" name.
    pub sender: (String, String),
    pub to: Vec<(String, String)>,
    pub cc: Vec<(String, String)>,
    pub subject: String,
    pub body: String,
    pub html: String,
    /// When it was sent, and when it arrived (RFC 3339), or empty.
    pub submitted: String,
    pub delivered: String,
    /// The text of its first `.ics` (text/calendar) attachment.
    pub calendar: Option<String>,
}

impl Parts {
    fn of(outlook: Outlook) -> Parts {
        let party = |p: &msg_parser::Person| (p.name.clone(), p.email.clone());
        let calendar = outlook
            .attachments
            .iter()
            .find(|a| {
                let mime = a.mime_tag.to_ascii_lowercase();
                let name = if a.long_file_name.is_empty() { &a.file_name } else { &a.long_file_name };
                mime.starts_with("text/calendar")
                    || mime.starts_with("application/ics")
                    || a.extension.eq_ignore_ascii_case(".ics")
                    || name.to_ascii_lowercase().ends_with(".ics")
            })
            .map(|a| String::from_utf8_lossy(&a.payload_bytes).into_owned());
        Parts {
            class: outlook.message_class.clone(),
            sender: party(&outlook.sender),
            to: outlook.to.iter().map(party).collect(),
            cc: outlook.cc.iter().map(party).collect(),
            submitted: outlook.client_submit_time.clone(),
            delivered: outlook.message_delivery_time.clone(),
            headers: outlook.headers.raw,
            subject: outlook.subject,
            body: outlook.body,
            html: outlook.html,
            calendar,
        }
    }
}

/// The message an Outlook message is, and the notes on what was left out of it.
pub(super) fn message(parts: Parts) -> Result<(MailMessage, Vec<String>), Unusable> {
    let headers = parts.headers.as_bytes();
    let headers = &headers[..headers.len().min(HEADER_BYTES)];
    let said = parse::headers(headers).unwrap_or_default();
    // Outlook's own parties, with their SMTP addresses; where it has none, the headers'.
    let parties = |list: &[(String, String)], said: Vec<Address>| {
        let found: Vec<Address> =
            list.iter().filter_map(|(name, email)| parse::address(email, Some(name))).collect();
        if found.is_empty() { said } else { found }
    };
    let from = parties(std::slice::from_ref(&parts.sender), said.from);
    if from.is_empty() {
        let nothing = parts.subject.trim().is_empty() && parts.body.trim().is_empty();
        return Err(if nothing && parts.headers.trim().is_empty() {
            Unusable::Empty
        } else {
            Unusable::NoSender
        });
    }
    let time = |text: &str| DateTime::parse_from_rfc3339(text.trim()).ok().map(|t| t.with_timezone(&Utc));
    let subject = parse::clean_line(&parts.subject);
    let (body, cut) = body(&parts.body, &parts.html);
    let mut message = MailMessage {
        message_id: said.message_id,
        in_reply_to: said.in_reply_to,
        references: said.references,
        from,
        to: parties(&parts.to, said.to),
        cc: parties(&parts.cc, said.cc),
        reply_to: said.reply_to,
        sent_at: said.sent_at.or_else(|| time(&parts.submitted)).or_else(|| time(&parts.delivered)),
        subject: if subject.is_empty() { said.subject } else { subject },
        body,
        automatic: None,
        calendar: parts
            .calendar
            .as_deref()
            .map(|c| c.replace("\r\n", "\n").trim().to_string())
            .filter(|c| !c.is_empty())
            .map(|c| parse::capped(&c, CALENDAR_CHARS)),
    };
    message.automatic = by_class(&parts.class).or_else(|| parse::automatic_with(headers, &message));
    let notes = if cut { vec![text_cut_note()] } else { Vec::new() };
    Ok((message, notes))
}

/// The plain text, or else the HTML as text, as an `.eml`'s body is kept; whether it was cut.
fn body(plain: &str, html: &str) -> (String, bool) {
    let (text, cut) = if plain.trim().is_empty() {
        let (html, cut) = cut_at(html, TEXT_BYTES);
        (mail_parser::decoders::html::html_to_text(html), cut)
    } else {
        let (plain, cut) = cut_at(plain, TEXT_BYTES);
        (plain.to_string(), cut)
    };
    let text = text.replace("\r\n", "\n");
    (parse::capped(text.trim_matches('\n'), BODY_CHARS), cut)
}

/// The first `bytes` bytes of `text` (fewer, to end on a whole character); whether any was left.
fn cut_at(text: &str, bytes: usize) -> (&str, bool) {
    if text.len() <= bytes {
        return (text, false);
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

/// What Outlook's kind of item says about who sent it: its out-of-office and rule replies,
/// its reports of mail not delivered, and its other reports (read and delivery receipts).
fn by_class(class: &str) -> Option<Automatic> {
    let class = class.to_ascii_uppercase();
    if class.starts_with("IPM.NOTE.RULES.OOFTEMPLATE") || class.starts_with("IPM.NOTE.RULES.REPLYTEMPLATE") {
        Some(Automatic::AutoReply)
    } else if class.starts_with("REPORT.") && class.ends_with(".NDR") {
        Some(Automatic::Bounce)
    } else if class.starts_with("REPORT.") {
        Some(Automatic::Generated)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn party(name: &str, email: &str) -> (String, String) {
        (name.to_string(), email.to_string())
    }

    fn note(sender: (String, String)) -> Parts {
        Parts {
            class: "IPM.Note".into(),
            sender,
            to: vec![party("Anna Berg", "Anna@Ours.example")],
            subject: " Renewal\r\n terms ".into(),
            body: "Hi Anna,\r\n\r\nthe terms are fine.\r\n".into(),
            submitted: "2026-11-30T08:12:00.123Z".into(),
            delivered: "2026-11-30T08:12:09Z".into(),
            ..Parts::default()
        }
    }

    #[test]
    fn outlooks_own_parties_time_subject_and_text_make_the_message() {
        let (m, notes) = message(note(party("Mira Schulz", "Mira@Kestrel.example"))).unwrap();
        assert_eq!(
            m.from,
            vec![Address { email: "mira@kestrel.example".into(), name: Some("Mira Schulz".into()) }]
        );
        assert_eq!(m.to[0].email, "anna@ours.example");
        assert_eq!(m.subject, "Renewal terms");
        assert_eq!(m.body, "Hi Anna,\n\nthe terms are fine.");
        assert_eq!(m.sent_at.unwrap().to_rfc3339(), "2026-11-30T08:12:00.123+00:00");
        assert_eq!((m.message_id, m.automatic, notes.len()), (None, None, 0));
    }

    #[test]
    fn an_exchange_name_gives_way_to_the_headers_address_or_leaves_the_party_out() {
        let exchange =
            party("Mira Schulz", "/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=MIRA");
        assert_eq!(message(note(exchange.clone())).unwrap_err(), Unusable::NoSender);
        let mut parts = note(exchange);
        parts.to.push(party("Ops", "/o=ExchangeLabs/cn=Recipients/cn=ops"));
        parts.headers = "Message-ID: <q1@kestrel.example>\r\nIn-Reply-To: <r0@ours.example>\r\n\
                         From: Mira Schulz <mira@kestrel.example>\r\nDate: Mon, 30 Nov 2026 09:10:00 +0100\r\n\r\n"
            .into();
        let (m, _) = message(parts).unwrap();
        assert_eq!(m.from[0].email, "mira@kestrel.example");
        assert_eq!(m.to.iter().map(|a| a.email.as_str()).collect::<Vec<_>>(), ["anna@ours.example"]);
        assert_eq!(m.message_id.as_deref(), Some("q1@kestrel.example"));
        assert_eq!(m.in_reply_to, ["r0@ours.example"]);
        assert_eq!(m.sent_at.unwrap().to_rfc3339(), "2026-11-30T08:10:00+00:00", "the Date header first");
    }

    #[test]
    fn html_is_read_as_text_when_there_is_no_plain_text_and_long_text_is_capped() {
        let mut parts = note(party("", "mira@kestrel.example"));
        parts.body = String::new();
        parts.html = "<p>Hi <b>Anna</b>,</p><p>see you on Friday.</p>".into();
        let (m, _) = message(parts).unwrap();
        assert!(m.body.contains("Anna") && m.body.contains("Friday") && !m.body.contains('<'), "{}", m.body);
        let mut parts = note(party("", "mira@kestrel.example"));
        parts.body = "é".repeat(TEXT_BYTES);
        let (m, notes) = message(parts).unwrap();
        assert_eq!((m.body.chars().count(), notes.len()), (BODY_CHARS, 1));
    }

    #[test]
    fn programs_are_told_by_outlooks_kind_of_item_or_the_headers() {
        let kind = |class: &str, headers: &str, subject: &str| {
            let mut parts = note(party("", "mira@kestrel.example"));
            (parts.class, parts.headers, parts.subject) = (class.into(), headers.into(), subject.into());
            message(parts).unwrap().0.automatic
        };
        assert_eq!(kind("IPM.Note.Rules.OofTemplate.Microsoft", "", "Away"), Some(Automatic::AutoReply));
        assert_eq!(kind("REPORT.IPM.Note.NDR", "", "Undeliverable: x"), Some(Automatic::Bounce));
        assert_eq!(kind("REPORT.IPM.Note.IPNRN", "", "Read: x"), Some(Automatic::Generated));
        assert_eq!(kind("IPM.Note", "Auto-Submitted: auto-replied\r\n\r\n", "x"), Some(Automatic::AutoReply));
        assert_eq!(
            kind("IPM.Note", "List-Id: <news.kestrel.example>\r\n\r\n", "x"),
            Some(Automatic::Newsletter)
        );
        assert_eq!(kind("IPM.Note", "", "Automatic reply: Renewal"), Some(Automatic::AutoReply));
        assert_eq!(kind("IPM.Note", "", "Renewal"), None);
    }

    #[test]
    fn an_invitations_calendar_text_is_kept() {
        let mut parts = note(party("", "mira@kestrel.example"));
        parts.class = "IPM.Schedule.Meeting.Request".into();
        parts.calendar = Some("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n".into());
        let (m, _) = message(parts).unwrap();
        assert_eq!(m.calendar.as_deref(), Some("BEGIN:VCALENDAR\nMETHOD:REQUEST\nEND:VCALENDAR"));
    }

    #[test]
    fn a_message_with_nobody_and_nothing_is_empty() {
        assert_eq!(message(Parts::default()).unwrap_err(), Unusable::Empty);
    }
}
