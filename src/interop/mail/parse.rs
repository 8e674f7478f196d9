//! A pruned message's bytes as a [`MailMessage`], through `mail-parser`; and whether a program
//! rather than a person sent it.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use mail_parser::{HeaderValue, MessageParser, MimeHeaders, PartType};

use super::{Address, Automatic, BODY_CHARS, CALENDAR_CHARS, MailMessage};

/// Why a message's bytes gave no message Rapport can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unusable {
    /// Nothing but white space.
    Empty,
    /// No header could be read: not a mail message.
    NoHeaders,
    /// No From address: nobody to attribute it to.
    NoSender,
}

pub(super) fn message(raw: &[u8]) -> Result<MailMessage, Unusable> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(Unusable::Empty);
    }
    let parsed = MessageParser::default().parse(raw).ok_or(Unusable::NoHeaders)?;
    if parsed.parts.is_empty() || parsed.headers().is_empty() {
        return Err(Unusable::NoHeaders);
    }
    let from = addresses(parsed.from());
    if from.is_empty() {
        return Err(Unusable::NoSender);
    }
    let subject = parsed.subject().map(clean_line).unwrap_or_default();
    let mut message = MailMessage {
        message_id: parsed.message_id().map(id).filter(|id| !id.is_empty()),
        in_reply_to: ids(parsed.in_reply_to()),
        references: ids(parsed.references()),
        from,
        to: parsed.all_to().flat_map(|a| addresses(Some(a))).collect(),
        cc: parsed.all_cc().flat_map(|a| addresses(Some(a))).collect(),
        reply_to: addresses(parsed.reply_to()),
        sent_at: parsed
            .date()
            .filter(|d| d.is_valid())
            .and_then(|d| DateTime::<Utc>::from_timestamp(d.to_timestamp(), 0)),
        subject,
        body: body(&parsed),
        automatic: None,
        calendar: calendar(&parsed),
    };
    message.automatic = automatic(Some(&parsed), &message);
    Ok(message)
}

/// What a message's headers alone say (an Outlook message's transport headers): its ids, its
/// parties, its date and subject, no text. None when `raw` holds no header.
pub(super) fn headers(raw: &[u8]) -> Option<MailMessage> {
    let parsed = parsed_headers(raw)?;
    Some(MailMessage {
        message_id: parsed.message_id().map(id).filter(|id| !id.is_empty()),
        in_reply_to: ids(parsed.in_reply_to()),
        references: ids(parsed.references()),
        from: addresses(parsed.from()),
        to: parsed.all_to().flat_map(|a| addresses(Some(a))).collect(),
        cc: parsed.all_cc().flat_map(|a| addresses(Some(a))).collect(),
        reply_to: addresses(parsed.reply_to()),
        sent_at: parsed
            .date()
            .filter(|d| d.is_valid())
            .and_then(|d| DateTime::<Utc>::from_timestamp(d.to_timestamp(), 0)),
        subject: parsed.subject().map(clean_line).unwrap_or_default(),
        ..MailMessage::default()
    })
}

/// Whether a program sent `message`, judged as a message with the headers `raw` would be (no
/// headers: by its subject and sender alone).
pub(super) fn automatic_with(raw: &[u8], message: &MailMessage) -> Option<Automatic> {
    automatic(parsed_headers(raw).as_ref(), message)
}

fn parsed_headers(raw: &[u8]) -> Option<mail_parser::Message<'_>> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let parsed = MessageParser::default().parse_headers(raw)?;
    (!parsed.parts.is_empty() && !parsed.headers().is_empty()).then_some(parsed)
}

fn id(raw: &str) -> String {
    raw.trim().trim_start_matches('<').trim_end_matches('>').trim().to_string()
}

fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    let list: Vec<&str> = match value {
        HeaderValue::Text(text) => vec![text.as_ref()],
        HeaderValue::TextList(list) => list.iter().map(|t| t.as_ref()).collect(),
        _ => Vec::new(),
    };
    list.into_iter().map(id).filter(|id| !id.is_empty()).collect()
}

fn addresses(value: Option<&mail_parser::Address<'_>>) -> Vec<Address> {
    let Some(value) = value else { return Vec::new() };
    value.iter().filter_map(|addr| address(addr.address.as_deref()?, addr.name.as_deref())).collect()
}

/// A mailbox as Rapport keeps it: the address in lower case, the name without its quotes and
/// left out when it only repeats the address. None for what is not an address (an Exchange
/// "/O=…" name, a group's name).
pub(super) fn address(email: &str, name: Option<&str>) -> Option<Address> {
    let email = email.trim().trim_matches(['<', '>']).to_lowercase();
    if !email.contains('@') || email.starts_with('/') || email.chars().any(char::is_whitespace) {
        return None;
    }
    let name = name
        .map(|n| clean_line(n).trim_matches(['"', '\'']).trim().to_string())
        .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case(&email));
    Some(Address { email, name })
}

/// One line of header text: runs of white space (folds, tabs) as one space, trimmed.
pub(super) fn clean_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text/plain parts, or the HTML ones as text where a message has no plain text.
fn body(parsed: &mail_parser::Message<'_>) -> String {
    let mut body = String::new();
    for part in parsed.text_bodies() {
        if part.content_type().is_some_and(|ct| {
            !ct.c_type.eq_ignore_ascii_case("text")
                || ct
                    .c_subtype
                    .as_deref()
                    .is_some_and(|s| !matches!(s.to_ascii_lowercase().as_str(), "plain" | "html"))
        }) {
            continue;
        }
        let text: Cow<'_, str> = match &part.body {
            PartType::Text(text) => Cow::Borrowed(text.as_ref()),
            PartType::Html(html) => Cow::Owned(mail_parser::decoders::html::html_to_text(html)),
            _ => continue,
        };
        let text = text.replace("\r\n", "\n");
        let text = text.trim_matches('\n');
        if text.trim().is_empty() {
            continue;
        }
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str(text);
        if body.len() > BODY_CHARS * 4 {
            break;
        }
    }
    capped(&body, BODY_CHARS)
}

/// The first text/calendar (or application/ics) part's text.
fn calendar(parsed: &mail_parser::Message<'_>) -> Option<String> {
    parsed.parts.iter().find_map(|part| {
        let ct = part.content_type()?;
        let subtype = ct.c_subtype.as_deref()?.to_ascii_lowercase();
        let kind = (ct.c_type.to_ascii_lowercase(), subtype);
        if kind != ("text".into(), "calendar".into()) && kind != ("application".into(), "ics".into()) {
            return None;
        }
        let text = match &part.body {
            PartType::Text(text) => text.replace("\r\n", "\n"),
            PartType::Binary(bytes) | PartType::InlineBinary(bytes) => {
                String::from_utf8_lossy(bytes).replace("\r\n", "\n")
            }
            _ => return None,
        };
        let text = text.trim();
        (!text.is_empty()).then(|| capped(text, CALENDAR_CHARS))
    })
}

pub(super) fn capped(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((end, _)) => text[..end].to_string(),
        None => text.to_string(),
    }
}

/// Subjects an automatic reply starts with, in lower case, in the languages Rapport's users
/// and their clients write in.
const AUTO_REPLY_SUBJECTS: [&str; 24] = [
    "out of office",
    "out-of-office",
    "automatic reply",
    "auto reply",
    "auto-reply",
    "autoreply",
    "auto response",
    "auto-response",
    "abwesenheitsnotiz",
    "automatische antwort",
    "respuesta automática",
    "respuesta automatica",
    "fuera de la oficina",
    "réponse automatique",
    "absence du bureau",
    "risposta automatica",
    "fuori sede",
    "automatisch antwoord",
    "resposta automática",
    "自動応答",
    "自動返信",
    "不在通知",
    "自动回复",
    "自動回覆",
];

fn automatic(parsed: Option<&mail_parser::Message<'_>>, message: &MailMessage) -> Option<Automatic> {
    let header = |name: &str| {
        parsed?
            .headers_raw()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim().to_ascii_lowercase())
    };
    let auto_submitted = header("Auto-Submitted").filter(|v| !v.starts_with("no"));
    let precedence = header("Precedence");
    let subject = message
        .subject
        .trim_start_matches(|c: char| c.is_whitespace() || "[(【「".contains(c))
        .to_lowercase();

    if auto_submitted.as_deref().is_some_and(|v| v.starts_with("auto-replied"))
        || header("X-Autoreply").is_some()
        || header("X-Autorespond").is_some()
        || precedence.as_deref() == Some("auto_reply")
        || AUTO_REPLY_SUBJECTS.iter().any(|s| subject.starts_with(s))
    {
        return Some(Automatic::AutoReply);
    }
    let sender = message.from.first().map(|a| a.email.as_str()).unwrap_or("");
    let local = sender.split('@').next().unwrap_or("");
    if parsed.is_some_and(|parsed| {
        parsed.root_part().is_content_type("multipart", "report")
            && parsed
                .root_part()
                .content_type()
                .and_then(|ct| ct.attribute("report-type"))
                .is_some_and(|t| t.eq_ignore_ascii_case("delivery-status"))
    }) || local == "mailer-daemon"
        || (local == "postmaster" && subject.contains("deliver"))
    {
        return Some(Automatic::Bounce);
    }
    if header("List-Id").is_some()
        || header("List-Unsubscribe").is_some()
        || matches!(precedence.as_deref(), Some("bulk" | "list" | "junk"))
    {
        return Some(Automatic::Newsletter);
    }
    let no_reply = ["noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply"];
    if auto_submitted.is_some() || no_reply.contains(&local) {
        return Some(Automatic::Generated);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> MailMessage {
        message(text.as_bytes()).unwrap()
    }

    #[test]
    fn addresses_are_lower_case_and_names_lose_their_quotes() {
        let m = read(
            "From: \"'Anna.Berg@Kestrel.example'\" <Anna.Berg@Kestrel.example>\nTo: Bob <BOB@x.example>, undisclosed-recipients:;\nCc: =?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <jm@x.example>\n\nhi\n",
        );
        assert_eq!(m.from, vec![Address { email: "anna.berg@kestrel.example".into(), name: None }]);
        assert_eq!(m.to, vec![Address { email: "bob@x.example".into(), name: Some("Bob".into()) }]);
        assert_eq!(m.cc[0].name.as_deref(), Some("Jürgen Müller"));
    }

    #[test]
    fn ids_lose_their_angle_brackets() {
        let m = read(
            "From: a@b.example\nMessage-ID: < abc@b.example >\nIn-Reply-To: <x@y>\nReferences: <w@y>\n <x@y>\n\nhi\n",
        );
        assert_eq!(m.message_id.as_deref(), Some("abc@b.example"));
        assert_eq!(m.in_reply_to, vec!["x@y"]);
        assert_eq!(m.references, vec!["w@y", "x@y"]);
    }

    #[test]
    fn a_message_without_sender_or_headers_is_unusable() {
        assert_eq!(message(b"To: a@b.example\n\nhi\n"), Err(Unusable::NoSender));
        assert_eq!(message(b" \r\n\n"), Err(Unusable::Empty));
    }

    #[test]
    fn the_date_is_read_in_utc() {
        let m = read("From: a@b.example\nDate: Mon, 15 Jan 2024 10:01:33 +0100\n\nhi\n");
        assert_eq!(m.sent_at.unwrap().to_rfc3339(), "2024-01-15T09:01:33+00:00");
        let m = read("From: a@b.example\nDate: sometime soon\n\nhi\n");
        assert_eq!(m.sent_at, None);
    }

    #[test]
    fn programs_are_told_from_people() {
        let kind = |headers: &str| read(&format!("From: a@b.example\n{headers}\n\nhi\n")).automatic;
        assert_eq!(kind("Auto-Submitted: auto-replied"), Some(Automatic::AutoReply));
        assert_eq!(kind("Auto-Submitted: no"), None);
        assert_eq!(kind("X-Autoreply: yes"), Some(Automatic::AutoReply));
        assert_eq!(kind("Precedence: auto_reply"), Some(Automatic::AutoReply));
        assert_eq!(kind("Subject: Automatic reply: Renewal"), Some(Automatic::AutoReply));
        assert_eq!(
            kind("Subject: =?utf-8?q?Respuesta_autom=C3=A1tica=3A_hola?="),
            Some(Automatic::AutoReply)
        );
        assert_eq!(kind("Subject: 【自動返信】 ご連絡"), Some(Automatic::AutoReply));
        assert_eq!(kind("Precedence: bulk"), Some(Automatic::Newsletter));
        assert_eq!(kind("List-Unsubscribe: <mailto:u@b.example>"), Some(Automatic::Newsletter));
        assert_eq!(kind("Auto-Submitted: auto-generated"), Some(Automatic::Generated));
        assert_eq!(kind("Subject: Out of the office, into the field: our plans"), None);
        let bounce = read("From: MAILER-DAEMON@b.example\nSubject: Undelivered Mail\n\nhi\n");
        assert_eq!(bounce.automatic, Some(Automatic::Bounce));
    }
}
