//! The phrases that make a sentence an ask, a commitment, an answer or only an acknowledgement,
//! in English, German, Spanish and Japanese. Every phrase is matched against a sentence's
//! [`words`](super::text::words): lower case, one space around each word, so " can you " never
//! matches "pecan you". Tables, not grammar: a new phrase is one line.

mod asks;
mod commits;
mod replies;

pub(super) use asks::asks;
pub(super) use commits::commits;
pub use replies::Reply;
pub(super) use replies::reply;

pub(super) fn has(words: &str, phrases: &[&str]) -> bool {
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

/// Whether the words hold kana or kanji.
pub(super) fn japanese(words: &str) -> bool {
    words.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c))
}
