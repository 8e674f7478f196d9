//! What a reply of ours does to the requests before it.

use super::super::text::Sentence;
use super::asks::NOT_ASKS;
use super::{commits, has, japanese, without};

/// What a reply of ours does to the requests before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    Acknowledges,
    Answers,
}

/// Signs that a reply gives what was asked: a link, an attachment, "here is".
const GIVES: &[&str] = &[
    " attached ",
    " attachment ",
    " attaching ",
    " please find ",
    " here is ",
    " here are ",
    " here's ",
    " enclosed ",
    " you can find ",
    " you'll find ",
    " link ",
    " http ",
    " https ",
    " anbei ",
    " im anhang ",
    " beigefügt ",
    " hier ist ",
    " hier sind ",
    " hier finden sie ",
    " adjunto ",
    " adjuntamos ",
    " aquí tiene ",
    " aquí está ",
    " aquí están ",
    " enlace ",
    "添付",
    "こちらです",
    "こちらになります",
    "以下の通り",
    "下記",
];

/// Signs that a reply only acknowledges: "we're looking into it", "I'll get back to you".
const ONLY_ACKNOWLEDGES: &[&str] = &[
    " find out ",
    " come back to you ",
    " get back ",
    " circle back ",
    " investigate ",
    " will do ",
    " lo miro ",
    " lo veo ",
    " lo consulto ",
    " te digo ",
    " te confirmo ",
    " le confirmo ",
    " kläre ",
    " klären ",
    " schaue ",
    " schauen ",
    " prüfe ",
    " looking into ",
    " look into ",
    " get back to you ",
    " will check ",
    " let me check ",
    " noted ",
    " received ",
    " on it ",
    " working on ",
    " revert ",
    " shortly ",
    " follow up ",
    " prüfen ",
    " melden uns ",
    " melde mich ",
    " kümmere ",
    " kümmern ",
    " schauen uns ",
    " revisamos ",
    " revisaremos ",
    " le digo algo ",
    " le contesto ",
    " le respondo ",
    " recibido ",
    " estamos mirando ",
    "確認します",
    "確認いたします",
    "承知しました",
    "承知いたしました",
    "拝受",
    "受け取りました",
    "折り返し",
    "検討します",
    "対応中",
];

/// A reply of ours answers when one of its sentences gives something (and does not only
/// promise it for later) or it carries an attachment; when it only says it is on it, it
/// acknowledges; otherwise a sentence of four words or more that is not a greeting answers.
///
/// `for_later` tells a sentence that promises something for a later day ("I'll send the
/// attachment on Monday"): it gives nothing yet, whatever it mentions.
pub(in crate::engine::capture) fn reply(
    sentences: &[Sentence],
    has_attachment: bool,
    for_later: impl Fn(&Sentence) -> bool,
) -> Reply {
    let gives = sentences.iter().any(|s| has(&s.words, GIVES) && !for_later(s));
    if gives || has_attachment {
        return Reply::Answers;
    }
    let only_acknowledges =
        sentences.iter().any(|s| has(&s.words, ONLY_ACKNOWLEDGES) || commits(s).is_some() || s.question);
    if only_acknowledges {
        return Reply::Acknowledges;
    }
    let says_something = sentences.iter().any(|s| {
        let rest = without(&s.words, NOT_ASKS);
        rest.split_whitespace().count() >= 4 || (japanese(&s.words) && s.text.chars().count() >= 12)
    });
    if says_something { Reply::Answers } else { Reply::Acknowledges }
}
