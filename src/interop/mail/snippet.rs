//! What the sender wrote in this message, without what they quoted or signed: the first lines
//! of a reply, up to the "On … wrote:" line, Outlook's "From: … Sent: …" block, the "-- "
//! signature line or a phone's "Sent from my iPhone".

use super::SNIPPET_CHARS;
use crate::domain::quoted::{is_attribution, is_device_signature, is_header_block, is_original_marker};

pub(super) fn snippet(body: &str) -> String {
    let lines: Vec<&str> = body.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut words = String::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if *line == "-- " || trimmed == "--" {
            break;
        }
        if trimmed.starts_with('>') || (trimmed.len() >= 8 && trimmed.chars().all(|c| c == '_')) {
            continue;
        }
        let next = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
        if is_attribution(trimmed, next)
            || is_original_marker(trimmed)
            || is_header_block(trimmed, &lines[i + 1..])
            || is_device_signature(trimmed)
        {
            break;
        }
        words.push_str(trimmed);
        words.push(' ');
    }
    shortened(&words.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The first characters, cut after a word when one ends near the limit, with an ellipsis.
fn shortened(text: &str) -> String {
    let Some((end, _)) = text.char_indices().nth(SNIPPET_CHARS) else { return text.to_string() };
    let head = &text[..end];
    let cut = match head.rfind(' ') {
        Some(space) if head[..space].chars().count() >= SNIPPET_CHARS * 3 / 4 => &head[..space],
        _ => head,
    };
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_keeps_only_what_the_sender_wrote() {
        let body = "Thanks Anna,\n\nFriday works   for us.\n\nOn Mon, 15 Jan 2024 at 10:00, Anna Berg <anna@x.example> wrote:\n> Would Friday work?\n> \n-- \nBob Smith\nHead of Ops";
        assert_eq!(snippet(body), "Thanks Anna, Friday works for us.");
    }

    #[test]
    fn quoted_lines_inline_are_left_out() {
        assert_eq!(
            snippet("> Can you send it?\nYes, attached.\n> And the price?\nAs agreed."),
            "Yes, attached. As agreed."
        );
    }

    #[test]
    fn attributions_in_other_languages_and_over_two_lines_end_the_snippet() {
        assert_eq!(
            snippet("Passt.\nAm 15.01.2024 um 10:00 schrieb Anna Berg <anna@x.example>:\n> alt"),
            "Passt."
        );
        assert_eq!(
            snippet("Vale.\n\nEl lun, 15 ene 2024 a las 10:00, Ana (<ana@x.example>) escribió:\n> viejo"),
            "Vale."
        );
        assert_eq!(
            snippet("Ok.\nOn Mon, Jan 15, 2024 at 10:00 AM Anna Berg <\nanna@x.example> wrote:\n> old"),
            "Ok."
        );
        assert_eq!(
            snippet("承知しました。\n\n2024年1月15日(月) 10:00 山田太郎 <taro@x.example>:\n> 古い"),
            "承知しました。"
        );
    }

    #[test]
    fn outlook_reply_headers_and_phone_signatures_end_the_snippet() {
        let body = "See below.\n\n________________________________\nFrom: Anna Berg <anna@x.example>\nSent: Monday, January 15, 2024 10:00 AM\nTo: Bob\nSubject: Plan\n\nold text";
        assert_eq!(snippet(body), "See below.");
        assert_eq!(snippet("Von: Anna\nGesendet: Montag\n\nalt"), "");
        assert_eq!(snippet("On my way.\n\nSent from my iPhone"), "On my way.");
        assert_eq!(snippet("Short.\n-----Original Message-----\nFrom: x"), "Short.");
    }

    #[test]
    fn a_long_message_is_cut_after_a_word_with_an_ellipsis() {
        let body = "word ".repeat(100);
        let s = snippet(&body);
        assert!(s.ends_with("word…"), "{s}");
        assert!(s.chars().count() <= SNIPPET_CHARS + 1);
        let unbroken = "字".repeat(500);
        assert_eq!(snippet(&unbroken).chars().count(), SNIPPET_CHARS + 1);
    }

    #[test]
    fn a_line_before_an_attribution_is_not_taken_for_its_start() {
        assert_eq!(snippet("Thanks\nOn Monday Anna wrote:\n> old"), "Thanks");
    }

    #[test]
    fn a_line_that_only_mentions_writing_is_kept() {
        assert_eq!(
            snippet("On Monday she wrote the plan.\nFrom: the team"),
            "On Monday she wrote the plan. From: the team"
        );
    }
}
