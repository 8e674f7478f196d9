//! The phrases that make a sentence an ask, a commitment, an answer or only an acknowledgement,
//! in English, German, Spanish and Japanese. Every phrase is matched against a sentence's
//! [`words`](super::text::words): lower case, one space around each word, so " can you " never
//! matches "pecan you". Tables, not grammar: a new phrase is one line.

use super::text::Sentence;

/// Formulas that look like asks and are not: closings, "please find attached", "please note",
/// rhetorical questions. They are taken out before the asks are looked for.
const NOT_ASKS: [&str; 62] = [
    " please let me know if you have any questions ",
    " please let us know if you have any questions ",
    " let me know if you have any questions ",
    " let us know if you have any questions ",
    " if you have any questions ",
    " if you have any further questions ",
    " if you need anything ",
    " please don't hesitate ",
    " please do not hesitate ",
    " don't hesitate ",
    " do not hesitate ",
    " please feel free ",
    " feel free ",
    " please find attached ",
    " please find enclosed ",
    " please find below ",
    " please find ",
    " please see attached ",
    " please note ",
    " please ignore ",
    " please disregard ",
    " please consider the environment ",
    " before printing ",
    " thank you ",
    " thanks ",
    " can you believe ",
    " would you like ",
    " would you care ",
    " who would have thought ",
    " who knew ",
    " what would we do without ",
    " we need to talk ",
    " bitte beachten sie ",
    " beachten sie ",
    " bei fragen ",
    " bei rückfragen ",
    " wenn sie fragen haben ",
    " falls sie fragen haben ",
    " zur verfügung ",
    " melden sie sich gerne ",
    " zögern sie nicht ",
    " vielen dank ",
    " danke ",
    " wer hätte gedacht ",
    " bitte denken sie an die umwelt ",
    " bitte entschuldigen sie ",
    " no dude en ",
    " no duden en ",
    " a su disposición ",
    " a tu disposición ",
    " para cualquier duda ",
    " si necesita algo ",
    " si tiene alguna duda ",
    " muchas gracias ",
    " gracias ",
    " por favor encuentre adjunto ",
    " por favor no imprima ",
    " no imprima ",
    " adjunto le envío ",
    " le adjunto ",
    " les adjunto ",
    " quedo a su disposición ",
];

/// What asks for something, once [`NOT_ASKS`] are out.
const ASKS: [&str; 86] = [
    " could you ",
    " can you ",
    " would you ",
    " will you ",
    " could we ",
    " can we ",
    " can i get ",
    " could i ",
    " would it be possible ",
    " is it possible ",
    " if you could ",
    " kindly ",
    " please ",
    " we need ",
    " i need ",
    " we'd need ",
    " we will need ",
    " we'll need ",
    " we require ",
    " we'd like you to ",
    " we would like you to ",
    " i'd like you to ",
    " we'd appreciate ",
    " i'd appreciate ",
    " i would appreciate ",
    " we would appreciate ",
    " we'd love to get ",
    " we would love to get ",
    " let me know ",
    " let us know ",
    " send me ",
    " send us ",
    " remind me ",
    " any news ",
    " any update ",
    " any updates ",
    " get back to me ",
    " get back to us ",
    " still waiting ",
    " könnten sie ",
    " können sie ",
    " könntest du ",
    " kannst du ",
    " würden sie ",
    " würdest du ",
    " wären sie so ",
    " wäre es möglich ",
    " ist es möglich ",
    " bitte ",
    " wir brauchen ",
    " wir benötigen ",
    " ich brauche ",
    " ich benötige ",
    " ich bräuchte ",
    " wir bräuchten ",
    " schicken sie ",
    " senden sie ",
    " lassen sie mich wissen ",
    " lassen sie uns wissen ",
    " geben sie mir ",
    " geben sie uns ",
    " dankbar wenn sie ",
    " neuigkeiten ",
    " podría ",
    " podrían ",
    " podrías ",
    " por favor ",
    " envíenos ",
    " envíeme ",
    " mándenos ",
    " mándeme ",
    " confírmenos ",
    " confírmeme ",
    " indíquenos ",
    " avísenos ",
    " avíseme ",
    " necesitamos ",
    " necesito ",
    " nos gustaría que ",
    " me gustaría que ",
    " agradecería ",
    " agradeceríamos ",
    " sería posible ",
    " a la espera de ",
    " alguna novedad ",
    " novedades ",
];

/// Questions that are only friendly.
const SMALL_TALK: [&str; 30] = [
    " how are you ",
    " how was ",
    " how's ",
    " how is your ",
    " how have you been ",
    " how did ",
    " how are things ",
    " did you have a good ",
    " did you enjoy ",
    " hope ",
    " weekend ",
    " holiday ",
    " vacation ",
    " isn't it ",
    " can you believe ",
    " would you like ",
    " who would have thought ",
    " who knew ",
    " wie geht ",
    " wie war ",
    " wochenende ",
    " urlaub ",
    " wer hätte ",
    " qué tal ",
    " cómo está ",
    " cómo estás ",
    " cómo le fue ",
    " cómo te fue ",
    " fin de semana ",
    " vacaciones ",
];

/// Japanese: what asks, what only greets, and what it is asked about when "よろしくお願い…"
/// is all the sentence says.
const JA_ASKS: [&str; 14] = [
    "いただけます",
    "いただけません",
    "いただけない",
    "頂けます",
    "頂けません",
    "くださいますか",
    "もらえます",
    "もらえません",
    "ください",
    "下さい",
    "お願いします",
    "お願いいたします",
    "お願い致します",
    "必要です",
];
const JA_NOT_ASKS: [&str; 12] = [
    "よろしくお願いします",
    "よろしくお願いいたします",
    "よろしくお願い致します",
    "よろしくお願い申し上げます",
    "宜しくお願いします",
    "宜しくお願いいたします",
    "宜しくお願い致します",
    "お気軽に",
    "ご安心ください",
    "ご自愛ください",
    "ご了承ください",
    "お問い合わせください",
];
const JA_ASKED_ABOUT: [&str; 12] = [
    "ご検討",
    "ご確認",
    "ご対応",
    "ご返信",
    "ご回答",
    "ご連絡",
    "ご送付",
    "ご共有",
    "ご手配",
    "ご調整",
    "ご教示",
    "ご返答",
];
const JA_SMALL_TALK: [&str; 6] = ["お元気", "いかがお過ごし", "いかがでしたか", "週末", "休暇", "お休み"];

fn has(words: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| words.contains(p))
}

fn without(words: &str, phrases: &[&str]) -> String {
    let mut out = words.to_string();
    for phrase in phrases {
        while let Some(at) = out.find(phrase) {
            out.replace_range(at..at + phrase.len(), " ");
        }
    }
    out
}

/// Whether a client's sentence asks us for something.
pub(super) fn asks(sentence: &Sentence) -> bool {
    let words = &sentence.words;
    if japanese(words) {
        let rest = without(words, &JA_NOT_ASKS);
        let formula_about = words.contains("よろしく") && has(words, &JA_ASKED_ABOUT);
        return has(&rest, &JA_ASKS)
            || formula_about
            || (sentence.question && !has(words, &JA_SMALL_TALK) && !has(words, &SMALL_TALK));
    }
    let rest = without(words, &NOT_ASKS);
    if has(&rest, &ASKS) {
        return true;
    }
    sentence.question && !has(words, &SMALL_TALK) && rest.split_whitespace().count() >= 2
}

fn japanese(words: &str) -> bool {
    words.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// What commits the writer (or "you will receive…"), in the languages of the Latin script.
const COMMITS: [&str; 67] = [
    " i'll ",
    " i will ",
    " we'll ",
    " we will ",
    " i'm going to ",
    " we're going to ",
    " i am going to ",
    " we are going to ",
    " i shall ",
    " we shall ",
    " you'll receive ",
    " you will receive ",
    " you'll have ",
    " you will have ",
    " you'll get ",
    " you will get ",
    " you can expect ",
    " will be deployed ",
    " will be sent ",
    " will be delivered ",
    " will be ready ",
    " will be done ",
    " will be live ",
    " will be shipped ",
    " will be fixed ",
    " will be released ",
    " will be signed ",
    " ich werde ",
    " wir werden ",
    " werde ich ",
    " werden wir ",
    " ich schicke ",
    " schicke ich ",
    " ich sende ",
    " sende ich ",
    " wir schicken ",
    " schicken wir ",
    " wir senden ",
    " senden wir ",
    " ich liefere ",
    " wir liefern ",
    " liefern wir ",
    " ich melde mich ",
    " melde ich mich ",
    " wir melden uns ",
    " melden wir uns ",
    " ich rufe ",
    " rufe ich ",
    " ich kümmere mich ",
    " wir kümmern uns ",
    " sie erhalten ",
    " erhalten sie ",
    " sie bekommen ",
    " bekommen sie ",
    " ich gebe ihnen ",
    " gebe ich ihnen ",
    " wir geben ihnen ",
    " voy a ",
    " vamos a ",
    " recibirá ",
    " tendrá ",
    " le confirmo ",
    " le envío ",
    " le mando ",
    " te envío ",
    " le contesto ",
    " le llamo ",
];

/// Words right after "I'll" / "we will" that make it no commitment: needs, meetings, absences.
const NOT_AFTER_WILL: [&str; 12] =
    ["need", "require", "want", "like", "see", "meet", "miss", "be", "have to", "talk", "try", "probably"];

/// What "I'll be …" may go on with and still commit: "I'll be sending it on Monday".
const BE_THEN: [&str; 8] =
    ["sending", "delivering", "sharing", "shipping", "able", "ready", "done", "finished"];

/// Negations and absences: "won't", "nicht", "no podré", "I'll be on holiday".
const NOT_COMMITS: [&str; 28] = [
    " not ",
    "n't ",
    " never ",
    " unable ",
    " cannot ",
    " on holiday ",
    " on vacation ",
    " on leave ",
    " out of office ",
    " out of the office ",
    " nicht ",
    " kein ",
    " keine ",
    " keinen ",
    " urlaub ",
    " abwesend ",
    " unterwegs ",
    " dienstreise ",
    " no ",
    " nunca ",
    " tampoco ",
    " vacaciones ",
    " fuera de la oficina ",
    " ausente ",
    " estaré ",
    " estaremos ",
    " necesitaremos ",
    " necesitaré ",
];

const JA_COMMITS: [&str; 6] = ["します", "いたします", "致します", "予定です", "送ります", "お届け"];
const JA_NOT_COMMITS: [&str; 12] = [
    "ください",
    "いただけ",
    "頂け",
    "お願い",
    "ません",
    "できない",
    "不在",
    "休暇",
    "出張",
    "お休み",
    "休業",
    "祝日",
];

/// Where the words that commit the writer begin, when the sentence commits them to something.
pub(super) fn commits(sentence: &Sentence) -> Option<usize> {
    let words = &sentence.words;
    if sentence.question {
        return None;
    }
    if japanese(words) {
        if has(words, &JA_NOT_COMMITS) {
            return None;
        }
        return JA_COMMITS.iter().filter_map(|c| words.find(c)).min();
    }
    if has(words, &NOT_COMMITS) {
        return None;
    }
    let english = COMMITS.iter().filter_map(|c| Some((words.find(c)?, *c))).filter(|(at, cue)| {
        let after = words[at + cue.len()..].trim_start();
        let next = after.split(' ').next().unwrap_or("");
        if !(cue.ends_with(" will ") || cue.ends_with("'ll ")) {
            return true;
        }
        if next == "be" {
            let then = after.split(' ').nth(1).unwrap_or("");
            return BE_THEN.contains(&then);
        }
        !NOT_AFTER_WILL.iter().any(|n| after.starts_with(&format!("{n} ")))
    });
    let spanish = words
        .split(' ')
        .scan(0, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .filter(|(_, w)| spanish_future(w));
    english.map(|(at, _)| at).chain(spanish.map(|(at, _)| at)).min()
}

/// "enviaré", "mandaremos", "tendré": a verb in the first person of the future.
fn spanish_future(word: &str) -> bool {
    let long_enough = word.chars().count() >= 4;
    long_enough
        && ["aré", "eré", "iré", "dré", "aremos", "eremos", "iremos", "dremos"]
            .iter()
            .any(|e| word.ends_with(e))
        && !["estaré", "estaremos", "seré", "necesitaré", "necesitaremos"].contains(&word)
}

/// What a reply of ours does to the requests before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reply {
    Acknowledges,
    Answers,
}

/// Signs that a reply gives what was asked: a link, an attachment, "here is".
const GIVES: [&str; 30] = [
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
const ONLY_ACKNOWLEDGES: [&str; 34] = [
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
pub(super) fn reply(sentences: &[Sentence], has_attachment: bool) -> Reply {
    let gives = sentences.iter().any(|s| has(&s.words, &GIVES) && commits(s).is_none());
    if gives || has_attachment {
        return Reply::Answers;
    }
    let only_acknowledges =
        sentences.iter().any(|s| has(&s.words, &ONLY_ACKNOWLEDGES) || commits(s).is_some() || s.question);
    if only_acknowledges {
        return Reply::Acknowledges;
    }
    let says_something = sentences.iter().any(|s| {
        let rest = without(&s.words, &NOT_ASKS);
        rest.split_whitespace().count() >= 4 || (japanese(&s.words) && s.text.chars().count() >= 12)
    });
    if says_something { Reply::Answers } else { Reply::Acknowledges }
}
