//! What commits a sentence's writer to something.

use super::super::text::Sentence;
use super::{has, japanese, without};

/// What commits the writer (or "you will receive…"), in the languages of the Latin script.
const COMMITS: &[&str] = &[
    " i promise ",
    " we promise ",
    " promise to ",
    " aiming to ",
    " aim to ",
    " i plan to ",
    " we plan to ",
    " planning to ",
    " intend to ",
    " i should have ",
    " we should have ",
    " should be ready ",
    " should be live ",
    " haben sie ",
    " meldet sich ",
    " melden sich ",
    " schickt ihnen ",
    " sendet ihnen ",
    " te paso ",
    " le paso ",
    " os paso ",
    " te lo envío ",
    " se lo envío ",
    " te lo mando ",
    " se lo mando ",
    " te lo paso ",
    " os mando ",
    " os envío ",
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
const NOT_AFTER_WILL: &[&str] =
    &["need", "require", "want", "like", "see", "meet", "miss", "be", "have to", "talk", "try", "probably"];

/// What "I'll be …" may go on with and still commit: "I'll be sending it on Monday".
const BE_THEN: &[&str] =
    &["sending", "delivering", "sharing", "shipping", "able", "ready", "done", "finished"];

/// Negations and absences: "won't", "nicht", "no podré", "I'll be on holiday".
const NOT_COMMITS: &[&str] = &[
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

const JA_COMMITS: &[&str] = &[
    "します",
    "いたします",
    "致します",
    "予定です",
    "送ります",
    "お届け",
    "差し上げます",
    "見込みです",
    "つもりです",
];

/// Said before a commitment without denying it: "no problem, …", "申し訳ありませんが、…".
const NOT_NEGATIONS: &[&str] =
    &[" no problem ", " no worries ", " no rush ", "申し訳ありません", "申し訳ございません", "すみません"];

/// What anyone may commit to with "will": "our team will send", "procurement will reach out".
const WILL_DO: &[&str] = &[
    "send", "share", "deliver", "reach", "get", "provide", "confirm", "call", "follow", "sign", "submit",
    "prepare", "finish", "complete", "deploy", "ship", "fix", "reply", "respond", "return", "forward",
];
const JA_NOT_COMMITS: &[&str] = &[
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
pub(in crate::engine::capture) fn commits(sentence: &Sentence) -> Option<usize> {
    if sentence.question {
        return None;
    }
    let words = &without(&sentence.words, NOT_NEGATIONS);
    if japanese(words) {
        if has(words, JA_NOT_COMMITS) {
            return None;
        }
        return JA_COMMITS.iter().filter_map(|c| words.find(c)).min();
    }
    if has(words, NOT_COMMITS) {
        return None;
    }
    // Without a subject: "Will send the recap tomorrow", "Expect the quote by Tuesday".
    if words.starts_with(" will ") && !words.starts_with(" will be ") || words.starts_with(" expect ") {
        return Some(0);
    }
    let anyone = words.match_indices(" will ").find(|(at, _)| {
        let next = words[at + " will ".len()..].split(' ').next().unwrap_or("");
        WILL_DO.contains(&next)
    });
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
    english.map(|(at, _)| at).chain(spanish.map(|(at, _)| at)).chain(anyone.map(|(at, _)| at)).min()
}

/// "enviaré", "mandaremos", "tendré", "revisará": a verb in the future, but not "será" or
/// "estaré" (being somewhere commits to nothing).
fn spanish_future(word: &str) -> bool {
    const ENDINGS: [&str; 14] = [
        "aré", "eré", "iré", "dré", "aremos", "eremos", "iremos", "dremos", "ará", "erá", "irá", "arán",
        "erán", "irán",
    ];
    const NOT: [&str; 13] = [
        "estaré",
        "estaremos",
        "seré",
        "será",
        "serán",
        "estará",
        "estarán",
        "habrá",
        "habrán",
        "podrá",
        "podrán",
        "necesitaré",
        "necesitaremos",
    ];
    word.chars().count() >= 4 && ENDINGS.iter().any(|e| word.ends_with(e)) && !NOT.contains(&word)
}
