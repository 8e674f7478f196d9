//! What the sender wrote in this message, cut into sentences: without the earlier mail it
//! quotes, the signature, or the sign-off. Where a quote starts is the ground floor's
//! (`domain::quoted`), as for the mail reader's snippet; a sentence is what a person would quote.

use crate::domain::quoted::{is_attribution, is_device_signature, is_header_block, is_original_marker};

/// The longest text a proposal carries, in characters, before its ellipsis.
pub const TEXT_CHARS: usize = 200;

/// The most characters of a body read: a person's message is shorter; a longer one is a
/// document pasted in, and its tail is not where the asks are.
const BODY_CHARS: usize = 20_000;

/// A sentence as written, with the forms the cues are matched against.
#[derive(Debug, Clone)]
pub(super) struct Sentence {
    /// As written, white space joined.
    pub text: String,
    /// Lower case, words only, one space between them and one at each end: " could you send ".
    pub words: String,
    /// Ends with a question mark (or opens with "¿"); in Japanese, also ends with "か".
    pub question: bool,
}

/// The lines the sender wrote: up to the first quote header, original-message marker or
/// signature, without quoted (">") lines.
pub fn fresh_text(body: &str) -> String {
    let body = match body.char_indices().nth(BODY_CHARS) {
        Some((cut, _)) => &body[..cut],
        None => body,
    };
    let lines: Vec<&str> = body.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut kept: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if *line == "-- " || trimmed == "--" || trimmed == "—" {
            break;
        }
        if trimmed.starts_with('>') || trimmed.starts_with('＞') {
            continue;
        }
        if trimmed.chars().count() >= 8 && trimmed.chars().all(|c| c == '_' || c == '-' || c == '=') {
            break;
        }
        let next = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
        if is_attribution(trimmed, next)
            || is_original_marker(trimmed)
            || is_header_block(trimmed, &lines[i + 1..])
            || is_device_signature(trimmed)
            || (is_sign_off(trimmed, &lines[i + 1..]) && kept.iter().any(|k| !k.trim().is_empty()))
        {
            break;
        }
        kept.push(trimmed);
    }
    kept.join("\n")
}

/// The sentences of `text`: lines of a paragraph are joined (mail wraps them), then cut after
/// ". ", "!", "?", "。", "！", "？".
pub(super) fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for paragraph in text.split("\n\n") {
        let joined = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut start = 0;
        let chars: Vec<(usize, char)> = joined.char_indices().collect();
        for (i, &(at, c)) in chars.iter().enumerate() {
            let next = chars.get(i + 1).map(|&(_, n)| n);
            let ends = match c {
                '。' | '！' | '？' => true,
                '!' | '?' => next.is_none_or(|n| n == ' ' || n == '"' || n == ')'),
                // "bis zum 20. März": a day's number with its dot ends nothing.
                '.' => next.is_none() || next == Some(' ') && !after_a_day_number(&chars[..i]),
                _ => false,
            };
            if ends {
                let end = at + c.len_utf8();
                push_sentence(&mut out, &joined[start..end]);
                start = end;
            }
        }
        push_sentence(&mut out, &joined[start..]);
    }
    out
}

/// Whether the text before a dot ends in a number of one or two digits standing alone.
fn after_a_day_number(before: &[(usize, char)]) -> bool {
    let digits = before.iter().rev().take_while(|(_, c)| c.is_ascii_digit()).count();
    let standing_alone = before.len() == digits || before[before.len() - digits - 1].1 == ' ';
    (1..=2).contains(&digits) && standing_alone
}

fn push_sentence(out: &mut Vec<Sentence>, text: &str) {
    let text = text.trim();
    if text.is_empty() || !text.chars().any(char::is_alphanumeric) {
        return;
    }
    let end = text.trim_end_matches(['"', ')', ' ', '」', '）']);
    let question = end.ends_with(['?', '？'])
        || text.starts_with('¿')
        || end.ends_with("か。")
        || end.ends_with('か')
        || end.ends_with("か？");
    out.push(Sentence { text: text.to_string(), words: words(text), question });
}

/// Lower case, curly apostrophes straightened, full-width digits as ASCII, and every run of
/// anything but letters, digits and apostrophes as one space, with a space at each end.
pub(super) fn words(text: &str) -> String {
    let chars: Vec<char> = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for (i, &c) in chars.iter().enumerate() {
        // "24.03", "3/4" and "2026-12-24" stay whole: they are days.
        let between_digits =
            || i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_alphanumeric() || c == '\'' || (matches!(c, '.' | '/' | '-') && between_digits()) {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// At most [`TEXT_CHARS`] characters, cut after a word when one ends near the limit.
pub(super) fn shortened(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((end, _)) = text.char_indices().nth(TEXT_CHARS) else { return text };
    let head = &text[..end];
    let cut = match head.rfind(' ') {
        Some(space) if head[..space].chars().count() >= TEXT_CHARS * 3 / 4 => &head[..space],
        _ => head,
    };
    format!("{}…", cut.trim_end())
}

/// A line that is only a sign-off ("Best regards,", "Viele Grüße", "Un saludo,"): what follows
/// is the signature. "Thanks" alone is one only near the end ("Thanks!" may open a message).
fn is_sign_off(line: &str, rest: &[&str]) -> bool {
    const SIGN_OFFS: [&str; 30] = [
        "best",
        "best regards",
        "kind regards",
        "warm regards",
        "regards",
        "many thanks",
        "thanks",
        "thank you",
        "cheers",
        "all the best",
        "sincerely",
        "yours sincerely",
        "talk soon",
        "mit freundlichen grüßen",
        "mit freundlichen grüssen",
        "freundliche grüße",
        "viele grüße",
        "beste grüße",
        "liebe grüße",
        "herzliche grüße",
        "gruß",
        "grüße",
        "un saludo",
        "saludos",
        "un abrazo",
        "atentamente",
        "cordialmente",
        "saludos cordiales",
        "muchas gracias",
        "gracias",
    ];
    const THANKS: [&str; 5] = ["thanks", "thank you", "many thanks", "gracias", "muchas gracias"];
    let plain = line.trim().trim_end_matches([',', '.', '!']).trim().to_lowercase();
    let near_the_end = || rest.iter().filter(|l| !l.trim().is_empty()).count() <= 3;
    SIGN_OFFS.contains(&plain.as_str()) && (!THANKS.contains(&plain.as_str()) || near_the_end())
}
