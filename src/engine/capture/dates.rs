//! The days a sentence names, relative to the day it was written on (in the client's zone).
//! English goes through the house's reader, [`read_day`], for what it knows ("Friday", "in 2
//! days", "end of month", "24 Dec"); what it reads differently from mail — "next Tuesday" (the
//! Tuesday of next week), "next week" (its Friday), "the 15th", "March" alone (its last day),
//! "within 3 days" — is read here first. German, Spanish and Japanese have small tables of
//! their own. Every reader works on [`words`](super::text::words), so positions compare with
//! the cues'.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::domain::day_words::{DayOrder, read_day};

/// A day named in a sentence, and where (a byte offset in its words).
pub(super) type Named = (usize, NaiveDate);

/// Every day `words` names, in order of where it is named. Days before `today` are left out.
pub(super) fn days(words: &str, today: NaiveDate, order: DayOrder) -> Vec<Named> {
    let tokens = tokens(words);
    let mut found = Vec::new();
    english(&tokens, today, order, &mut found);
    german(&tokens, today, &mut found);
    spanish(&tokens, today, &mut found);
    japanese(words, today, &mut found);
    found.retain(|(_, day)| *day >= today);
    found.sort();
    found.dedup_by_key(|(at, _)| *at);
    found
}

/// The words with their offsets.
fn tokens(words: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for word in words.split(' ') {
        if !word.is_empty() {
            out.push((at, word));
        }
        at += word.len() + 1;
    }
    out
}

fn word<'a>(tokens: &[(usize, &'a str)], i: usize) -> &'a str {
    tokens.get(i).map_or("", |(_, w)| w)
}

fn number(word: &str) -> Option<u64> {
    const WORDS: [(&str, u64); 24] = [
        ("a", 1),
        ("an", 1),
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("einem", 1),
        ("einer", 1),
        ("zwei", 2),
        ("drei", 3),
        ("vier", 4),
        ("fünf", 5),
        ("un", 1),
        ("una", 1),
        ("dos", 2),
        ("tres", 3),
        ("cuatro", 4),
        ("cinco", 5),
        ("six", 6),
        ("seven", 7),
        ("ten", 10),
        ("sechs", 6),
        ("diez", 10),
    ];
    word.parse::<u64>()
        .ok()
        .filter(|n| *n <= 400)
        .or_else(|| WORDS.iter().find(|(w, _)| *w == word).map(|(_, n)| *n))
}

fn plus_days(today: NaiveDate, n: u64) -> Option<NaiveDate> {
    today.checked_add_days(Days::new(n))
}

/// The Monday of the week after `today`'s.
fn next_monday(today: NaiveDate) -> Option<NaiveDate> {
    plus_days(today, u64::from(7 - today.weekday().num_days_from_monday()))
}

/// `day` of this week (may be past) or, with `next`, of next week.
fn weekday_of(today: NaiveDate, day: Weekday, next: bool) -> Option<NaiveDate> {
    let monday = today.checked_sub_days(Days::new(u64::from(today.weekday().num_days_from_monday())))?;
    plus_days(monday, u64::from(day.num_days_from_monday()) + if next { 7 } else { 0 })
}

/// The first `day` after today: on a Friday, "Friday" is next week's (today is "today").
fn coming(today: NaiveDate, day: Weekday) -> Option<NaiveDate> {
    let ahead = (7 + day.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
    plus_days(today, u64::from(if ahead == 0 { 7 } else { ahead }))
}

fn end_of_month(today: NaiveDate, later: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(today.year(), today.month(), 1)?;
    first.checked_add_months(Months::new(later + 1))?.pred_opt()
}

/// Day and month without a year: this year's, or next year's once this year's has passed.
fn day_month(today: NaiveDate, day: u32, month: u32) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(today.year(), month, day)?;
    if this >= today { Some(this) } else { NaiveDate::from_ymd_opt(today.year() + 1, month, day) }
}

/// The next date whose day of the month is `day` ("the 15th").
fn day_of_month(today: NaiveDate, day: u32) -> Option<NaiveDate> {
    (0..3).find_map(|later| {
        let month = today.checked_add_months(Months::new(later))?;
        NaiveDate::from_ymd_opt(month.year(), month.month(), day).filter(|d| *d >= today)
    })
}

const EN_DAYS: [(&str, Weekday); 14] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("fri", Weekday::Fri),
];

const EN_MONTHS: [(&str, u32); 23] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

fn en_day(word: &str) -> Option<Weekday> {
    let word = word.strip_suffix("'s").unwrap_or(word);
    EN_DAYS.iter().find(|(w, _)| *w == word).map(|(_, d)| *d)
}

fn en_month(word: &str) -> Option<u32> {
    EN_MONTHS.iter().find(|(w, _)| *w == word).map(|(_, m)| *m)
}

/// "20th" → "20".
fn without_ordinal(word: &str) -> &str {
    ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word.strip_suffix(s).filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())))
        .unwrap_or(word)
}

fn english(tokens: &[(usize, &str)], today: NaiveDate, order: DayOrder, found: &mut Vec<Named>) {
    let mut i = 0;
    while i < tokens.len() {
        let (at, w) = tokens[i];
        let next = word(tokens, i + 1);
        let prev = if i == 0 { "" } else { tokens[i - 1].1 };
        let own = match w {
            _ if en_day(w).is_some() && !["next", "this", "last"].contains(&prev) => {
                en_day(w).and_then(|d| coming(today, d))
            }
            "this" if ["morning", "afternoon", "evening"].contains(&next) => Some(today),
            "last" if en_day(next).is_some() => {
                i += 2;
                continue;
            }
            "next" | "this" if en_day(next).is_some() => en_day(next)
                .and_then(|d| if w == "next" { weekday_of(today, d, true) } else { coming(today, d) }),
            "next" if next == "week" && en_day(word(tokens, i + 2)).is_none() => {
                weekday_of(today, Weekday::Fri, true)
            }
            "the" => without_ordinal(next)
                .parse::<u32>()
                .ok()
                .filter(|_| next != without_ordinal(next) && en_month(word(tokens, i + 2)).is_none())
                .filter(|_| word(tokens, i + 2) != "of")
                .and_then(|d| day_of_month(today, d)),
            "may" => None,
            _ => en_month(w)
                .filter(|_| {
                    let after = without_ordinal(next);
                    after.parse::<u32>().is_err() && i.checked_sub(1).is_none_or(|p| !is_digits(tokens[p].1))
                })
                .and_then(|m| {
                    let year = if m >= today.month() { today.year() } else { today.year() + 1 };
                    end_of_month(NaiveDate::from_ymd_opt(year, m, 1)?, 0)
                }),
        };
        if let Some(day) = own {
            found.push((at, day));
            i += 2;
            continue;
        }
        if starts_english(tokens, i) {
            for len in (1..=5).rev() {
                if i + len > tokens.len() {
                    continue;
                }
                let span: Vec<&str> = tokens[i..i + len]
                    .iter()
                    .map(|(_, w)| match *w {
                        "within" => "in",
                        w => without_ordinal(w),
                    })
                    .collect();
                if span.iter().all(|w| is_digits(w) || *w == "in") {
                    continue;
                }
                let text = span.join(" ").replace("end of this ", "end of ");
                if let Ok(day) = read_day("due", &text, today, order) {
                    found.push((at, day));
                    i += len;
                    break;
                }
            }
        }
        i += 1;
    }
}

fn is_digits(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_digit())
}

/// Where an English day may start: a weekday, a month before or after a number, "tomorrow",
/// "end of", "in 3 days", a written date.
fn starts_english(tokens: &[(usize, &str)], i: usize) -> bool {
    let w = word(tokens, i);
    let next = without_ordinal(word(tokens, i + 1));
    match w {
        "tomorrow" | "today" | "tonight" | "eod" | "cob" | "eow" | "eom" | "eoq" => true,
        "end" => next == "of",
        "this" | "next" => ["week", "month", "quarter", "year"].contains(&next),
        "in" | "within" => number(next).is_some() || next == "couple",
        _ if en_day(w).is_some() => true,
        "may" => is_digits(next) || i.checked_sub(1).is_some_and(|p| is_digits(without_ordinal(tokens[p].1))),
        _ if en_month(w).is_some() => true,
        _ => {
            let w = without_ordinal(w);
            is_digits(w) && (en_month(next).is_some() || next == "may" || ["days", "weeks"].contains(&next))
                || (w.len() == 10 && w.as_bytes().get(4) == Some(&b'-'))
                || (w.contains('/') && w.chars().all(|c| c.is_ascii_digit() || c == '/'))
        }
    }
}

const DE_DAYS: [(&str, Weekday); 7] = [
    ("montag", Weekday::Mon),
    ("dienstag", Weekday::Tue),
    ("mittwoch", Weekday::Wed),
    ("donnerstag", Weekday::Thu),
    ("freitag", Weekday::Fri),
    ("samstag", Weekday::Sat),
    ("sonntag", Weekday::Sun),
];

const DE_MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

fn german(tokens: &[(usize, &str)], today: NaiveDate, found: &mut Vec<Named>) {
    for (i, &(at, w)) in tokens.iter().enumerate() {
        let prev = if i == 0 { "" } else { tokens[i - 1].1 };
        let next = word(tokens, i + 1);
        let after = word(tokens, i + 2);
        let next_week = |w: &str| ["nächste", "nächster", "nächsten", "kommende", "kommender"].contains(&w);
        let day = if let Some((_, d)) = DE_DAYS.iter().find(|(name, _)| *name == w) {
            if prev.starts_with("nächst") { weekday_of(today, *d, true) } else { coming(today, *d) }
        } else {
            match w {
                "morgen" if prev != "guten" && prev != "heute" => plus_days(today, 1),
                "übermorgen" => plus_days(today, 2),
                "heute" => Some(today),
                "monatsende" => end_of_month(today, 0),
                "ende" if (next == "der" || next == "dieser") && after == "woche" => {
                    weekday_of(today, Weekday::Fri, false)
                }
                "ende"
                    if next_week(next) && after == "woche"
                        || next == "der" && next_week(after) && word(tokens, i + 3) == "woche" =>
                {
                    weekday_of(today, Weekday::Fri, true)
                }
                "ende" if (next == "des" || next == "dieses") && after == "monats" => end_of_month(today, 0),
                "ende"
                    if next_week(next) && after == "monats"
                        || next == "des" && next_week(after) && word(tokens, i + 3) == "monats" =>
                {
                    end_of_month(today, 1)
                }
                "diese" if next == "woche" => weekday_of(today, Weekday::Fri, false),
                _ if next_week(w)
                    && next == "woche"
                    && prev != "ende"
                    && prev != "der"
                    && prev != "anfang" =>
                {
                    weekday_of(today, Weekday::Fri, true)
                }
                "anfang" if next_week(next) && after == "woche" => next_monday(today),
                "mitte" if next_week(next) && after == "woche" => weekday_of(today, Weekday::Wed, true),
                "mitte" if (next == "der" || next == "dieser") && after == "woche" => {
                    weekday_of(today, Weekday::Wed, false)
                }
                "in" => match (number(next), after) {
                    (Some(n), "tagen" | "tag") => plus_days(today, n),
                    (Some(n), "wochen" | "woche") => plus_days(today, 7 * n),
                    _ => None,
                },
                _ => german_date(prev, w, next, today),
            }
        };
        if let Some(day) = day {
            found.push((at, day));
        }
    }
}

/// "24.03", "24.03.2026", "24 märz".
fn german_date(prev: &str, w: &str, next: &str, today: NaiveDate) -> Option<NaiveDate> {
    let parts: Vec<&str> = w.split('.').collect();
    match parts.as_slice() {
        [d, m] if ["am", "bis", "zum", "ab", "vom", "den", "dem"].contains(&prev) => {
            day_month(today, d.parse().ok()?, m.parse().ok()?)
        }
        [d, m, y] => NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
        [d] => {
            let month = DE_MONTHS.iter().position(|name| *name == next)? as u32 + 1;
            day_month(today, d.parse().ok()?, month)
        }
        _ => None,
    }
}

const ES_DAYS: [(&str, Weekday); 9] = [
    ("lunes", Weekday::Mon),
    ("martes", Weekday::Tue),
    ("miércoles", Weekday::Wed),
    ("miercoles", Weekday::Wed),
    ("jueves", Weekday::Thu),
    ("viernes", Weekday::Fri),
    ("sábado", Weekday::Sat),
    ("sabado", Weekday::Sat),
    ("domingo", Weekday::Sun),
];

const ES_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

fn spanish(tokens: &[(usize, &str)], today: NaiveDate, found: &mut Vec<Named>) {
    for (i, &(at, w)) in tokens.iter().enumerate() {
        let prev = if i == 0 { "" } else { tokens[i - 1].1 };
        let next = word(tokens, i + 1);
        let after = word(tokens, i + 2);
        let next_one = |a: &str, b: &str| a == "que" && b == "viene" || a == "próximo" || a == "próxima";
        let day = if let Some((_, d)) = ES_DAYS.iter().find(|(name, _)| *name == w) {
            let next_week = prev == "próximo" || prev == "proximo" || next_one(next, after) && next == "que";
            if next_week { weekday_of(today, *d, true) } else { coming(today, *d) }
        } else {
            match w {
                "mañana" | "manana" if prev == "pasado" => plus_days(today, 2),
                "mañana" | "manana" if !["la", "esta", "por", "cada"].contains(&prev) => plus_days(today, 1),
                "hoy" => Some(today),
                "día" | "dia" if is_digits(next) && after != "de" => {
                    next.parse().ok().and_then(|d| day_of_month(today, d))
                }
                "fin" | "final" | "finales" if (next == "de" || next == "del") && after == "mes" => {
                    let later = word(tokens, i + 3);
                    let later = u32::from(next_one(later, word(tokens, i + 4)));
                    end_of_month(today, later)
                }
                "fin" | "final" | "finales" if next == "de" && (after == "la" || after == "esta") => {
                    (word(tokens, i + 3) == "semana")
                        .then(|| weekday_of(today, Weekday::Fri, false))
                        .flatten()
                }
                "esta" if next == "semana" => weekday_of(today, Weekday::Fri, false),
                "semana" if next_one(next, after) || prev == "próxima" || prev == "proxima" => {
                    weekday_of(today, Weekday::Fri, true)
                }
                "en" => match (number(next), after) {
                    (Some(n), "días" | "dias" | "día" | "dia") => plus_days(today, n),
                    (Some(n), "semanas" | "semana") => plus_days(today, 7 * n),
                    _ => None,
                },
                _ if next == "de" && is_digits(w) => ES_MONTHS
                    .iter()
                    .position(|m| *m == after)
                    .and_then(|m| day_month(today, w.parse().ok()?, m as u32 + 1)),
                _ => None,
            }
        };
        if let Some(day) = day {
            found.push((at, day));
        }
    }
}

const JA_DAYS: [(char, Weekday); 7] = [
    ('月', Weekday::Mon),
    ('火', Weekday::Tue),
    ('水', Weekday::Wed),
    ('木', Weekday::Thu),
    ('金', Weekday::Fri),
    ('土', Weekday::Sat),
    ('日', Weekday::Sun),
];

/// How a fixed Japanese word is read on a day.
type Reader = fn(NaiveDate) -> Option<NaiveDate>;

fn japanese(words: &str, today: NaiveDate, found: &mut Vec<Named>) {
    if words.is_ascii() {
        return;
    }
    let fixed: [(&str, Reader); 13] = [
        ("明後日", |t| plus_days(t, 2)),
        ("あさって", |t| plus_days(t, 2)),
        ("明日", |t| plus_days(t, 1)),
        ("あした", |t| plus_days(t, 1)),
        ("本日", Some),
        ("今日", Some),
        ("今週中", |t| weekday_of(t, Weekday::Fri, false)),
        ("今週末", |t| weekday_of(t, Weekday::Fri, false)),
        ("週明け", next_monday),
        ("来月末", |t| end_of_month(t, 1)),
        ("来月中", |t| end_of_month(t, 1)),
        ("月末", |t| end_of_month(t, 0)),
        ("今月中", |t| end_of_month(t, 0)),
    ];
    for (pattern, read) in fixed {
        for (at, _) in words.match_indices(pattern) {
            // "来月末" also holds "月末"; the longer reading comes first and wins.
            if pattern == "月末" && words[..at].ends_with(|c: char| c == '来' || c.is_ascii_digit()) {
                continue;
            }
            if let Some(day) = read(today) {
                found.push((at, day));
            }
        }
    }
    for (at, _) in words.match_indices("来週") {
        let rest = words[at + "来週".len()..].trim_start_matches('の');
        let day = match weekday_at(rest) {
            Some(d) => weekday_of(today, d, true),
            None => weekday_of(today, Weekday::Fri, true),
        };
        if let Some(day) = day {
            found.push((at, day));
        }
    }
    let chars: Vec<(usize, char)> = words.char_indices().collect();
    for (i, &(_, c)) in chars.iter().enumerate() {
        if c == '曜' && i > 0 {
            let Some((_, d)) = JA_DAYS.iter().find(|(k, _)| *k == chars[i - 1].1) else { continue };
            let before = &words[..chars[i - 1].0];
            if before.ends_with("来週") || before.ends_with("来週の") {
                continue;
            }
            let this_week = before.ends_with("今週") || before.ends_with("今週の");
            let day = if this_week { weekday_of(today, *d, false) } else { coming(today, *d) };
            if let Some(day) = day {
                found.push((chars[i - 1].0, day));
            }
        }
    }
    japanese_numbers(words, &chars, today, found);
}

fn weekday_at(rest: &str) -> Option<Weekday> {
    let mut chars = rest.chars();
    let first = chars.next()?;
    (chars.next() == Some('曜')).then_some(())?;
    JA_DAYS.iter().find(|(k, _)| *k == first).map(|(_, d)| *d)
}

/// "3月20日", "2日後", "2週間後" (digits already ASCII).
fn japanese_numbers(words: &str, chars: &[(usize, char)], today: NaiveDate, found: &mut Vec<Named>) {
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_ascii_digit() || (i > 0 && chars[i - 1].1.is_ascii_digit()) {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let digits: String =
            chars[i..].iter().map(|(_, c)| *c).take_while(char::is_ascii_digit).take(4).collect();
        let rest = &words[start + digits.len()..];
        let n: u32 = digits.parse().unwrap_or(0);
        let day = if let Some(rest) = rest.strip_prefix('月') {
            if rest.starts_with('末') || rest.starts_with('中') {
                // "4月末": the end of April, this year's or, once past, next year's.
                let year = if n >= today.month() { today.year() } else { today.year() + 1 };
                if let Some(day) = NaiveDate::from_ymd_opt(year, n, 1).and_then(|d| end_of_month(d, 0)) {
                    found.push((start, day));
                }
                i += digits.chars().count().max(1);
                continue;
            }
            let d: String = rest.chars().take_while(char::is_ascii_digit).take(2).collect();
            rest[d.len()..].starts_with('日').then(|| day_month(today, d.parse().ok()?, n)).flatten()
        } else if rest.starts_with("日後") {
            plus_days(today, u64::from(n))
        } else if rest.starts_with("週間後") {
            plus_days(today, 7 * u64::from(n))
        } else {
            None
        };
        if let Some(day) = day {
            found.push((start, day));
        }
        i += digits.chars().count().max(1);
    }
}
