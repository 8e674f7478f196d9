//! How well Rapport's inference from mail does against a labelled corpus written for it
//! (`tests/fixtures/capture/`, four languages): precision and recall per kind and language,
//! request clocks and due days. Run with `--nocapture` to read the figures and every miss.
//!
//! Issue 19's targets: requests and promises at precision ≥ 0.9 and recall ≥ 0.8; answer times
//! exact for threaded replies; due days exact.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, Utc};
use rapport::domain::day_words::DayOrder;
use rapport::engine::capture::{
    Known, KnownAccount, KnownPerson, Mail, Party, Proposal, ProposalKind, infer_message, infer_thread,
};

const LANGUAGES: [&str; 4] = ["en", "de", "es", "ja"];

/// What a message is labelled with.
#[derive(Debug, Clone, PartialEq)]
enum Label {
    Request { ack: Option<String>, answer: Option<String> },
    Promise { kind: ProposalKind, due: NaiveDate },
    NewPerson(String),
}

struct Labelled {
    id: String,
    mail: Mail,
    labels: Vec<Label>,
}

struct Thread {
    name: String,
    mails: Vec<Labelled>,
}

struct Corpus {
    known: Known,
    threads: Vec<Thread>,
}

fn party(text: &str) -> Party {
    let text = text.trim();
    match text.rsplit_once('<') {
        Some((name, email)) => {
            let name = name.trim().trim_matches('"').trim();
            Party::new(email.trim_end_matches('>').trim(), (!name.is_empty()).then_some(name))
        }
        None => Party::new(text, None),
    }
}

fn parties(text: &str) -> Vec<Party> {
    text.split(", ").filter(|p| !p.trim().is_empty()).map(party).collect()
}

/// The three sets: the corpus the rules were written against; a first held-out set, written
/// after them (its first run is in the commit that added it to this test; the rules were then
/// widened from its misses); a second, written after that and never tuned on.
const SETS: [&str; 3] = ["", "holdout/", "holdout2/"];

fn corpus(set: &str, language: &str) -> Corpus {
    let path = format!("{}/tests/fixtures/capture/{set}{language}.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let mut known = Known::default();
    let mut threads: Vec<Thread> = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        let fields: Vec<&str> = rest.split_whitespace().collect();
        match word {
            "account" => known.accounts.push(KnownAccount {
                account_id: fields[0].into(),
                timezone: fields[1].into(),
                domains: fields[2].split(',').map(str::to_string).collect(),
                day_order: DayOrder::DayFirst,
            }),
            "person" => known.people.push(KnownPerson {
                email: fields[0].into(),
                contact_id: fields[1].into(),
                account_id: fields[2].into(),
            }),
            "thread" => threads.push(Thread { name: fields[0].into(), mails: Vec::new() }),
            "mail" => {
                let thread = threads.last_mut().expect("a mail inside a thread");
                let id = fields[0].to_string();
                let mut mail = Mail {
                    message_id: format!("{}/{id}", thread.name),
                    sent_at: fields[1].parse().unwrap(),
                    in_reply_to: thread
                        .mails
                        .last()
                        .map(|m| vec![m.mail.message_id.clone()])
                        .unwrap_or_default(),
                    ..Mail::default()
                };
                let mut labels = Vec::new();
                for header in lines.by_ref() {
                    if header.is_empty() {
                        break;
                    }
                    let (key, value) = header.split_once(' ').unwrap_or((header, ""));
                    match key {
                        "from" => mail.from = party(value),
                        "to" => mail.to = parties(value),
                        "cc" => mail.cc = parties(value),
                        "flags" => {
                            mail.automatic = value.contains("auto");
                            mail.has_attachment = value.contains("attach");
                        }
                        "expect" => labels.push(label(value)),
                        other => panic!("{path}: unknown header {other:?} in {id}"),
                    }
                }
                let mut body = Vec::new();
                for line in lines.by_ref() {
                    if line == "." {
                        break;
                    }
                    body.push(line);
                }
                mail.body = body.join("\n");
                thread.mails.push(Labelled { id, mail, labels });
            }
            _ => {}
        }
    }
    Corpus { known, threads }
}

fn label(text: &str) -> Label {
    let fields: Vec<&str> = text.split_whitespace().collect();
    let clock = |key: &str| {
        let value = fields.iter().find_map(|f| f.strip_prefix(&format!("{key}=")))?;
        (value != "none").then(|| value.to_string())
    };
    match fields[0] {
        "request" => Label::Request { ack: clock("ack"), answer: clock("answer") },
        "our_promise" => Label::Promise { kind: ProposalKind::OurPromise, due: fields[1].parse().unwrap() },
        "their_promise" => {
            Label::Promise { kind: ProposalKind::TheirPromise, due: fields[1].parse().unwrap() }
        }
        "new_person" => Label::NewPerson(fields[1].into()),
        other => panic!("unknown label {other}"),
    }
}

fn label_kind(label: &Label) -> ProposalKind {
    match label {
        Label::Request { .. } => ProposalKind::Request,
        Label::Promise { kind, .. } => *kind,
        Label::NewPerson(_) => ProposalKind::NewPerson,
    }
}

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    missed: usize,
    /// Matched requests whose clocks, or matched promises whose due day, were exact.
    exact: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 { 1.0 } else { self.tp as f64 / (self.tp + self.fp) as f64 }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.missed == 0 { 1.0 } else { self.tp as f64 / (self.tp + self.missed) as f64 }
    }
    fn add(&mut self, other: Score) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.missed += other.missed;
        self.exact += other.exact;
    }
}

/// The day a due instant falls on in `zone`, checking it is 23:59 there.
fn due_day(due: DateTime<Utc>, zone: &str) -> Option<NaiveDate> {
    let zone: chrono_tz::Tz = zone.parse().unwrap();
    let local = due.with_timezone(&zone);
    (local.format("%H:%M").to_string() == "23:59").then(|| local.date_naive())
}

struct Evaluation {
    scores: BTreeMap<(String, ProposalKind), Score>,
    misses: Vec<String>,
    messages: usize,
}

fn evaluate(sets: &[&str]) -> Evaluation {
    let mut scores: BTreeMap<(String, ProposalKind), Score> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut messages = 0;
    for (set, language) in sets.iter().flat_map(|set| LANGUAGES.map(|l| (*set, l))) {
        let corpus = corpus(set, language);
        let zone_of = |account: &str| {
            corpus
                .known
                .accounts
                .iter()
                .find(|a| a.account_id == account)
                .map(|a| a.timezone.clone())
                .unwrap()
        };
        for thread in &corpus.threads {
            let mails: Vec<Mail> = thread.mails.iter().map(|m| m.mail.clone()).collect();
            let proposals = infer_thread(&mails, &corpus.known);
            let sent = |id: &str| thread.mails.iter().find(|m| m.id == id).map(|m| m.mail.sent_at);
            for labelled in &thread.mails {
                messages += 1;
                let mut predicted: Vec<&Proposal> =
                    proposals.iter().filter(|p| p.evidence == labelled.mail.message_id).collect();
                let place = format!("{set}{language} {} {}", thread.name, labelled.id);
                for kind in ProposalKind::ALL {
                    let score = scores.entry((language.to_string(), *kind)).or_default();
                    let mut expected: Vec<&Label> =
                        labelled.labels.iter().filter(|l| label_kind(l) == *kind).collect();
                    let mut mine: Vec<&Proposal> =
                        predicted.iter().copied().filter(|p| p.kind == *kind).collect();
                    // Pair exact matches first, then whatever is left of the same kind.
                    let exact = |label: &Label, p: &Proposal| match label {
                        Label::Request { ack, answer } => {
                            p.acknowledged_at == ack.as_deref().and_then(sent)
                                && p.answered_at == answer.as_deref().and_then(sent)
                        }
                        Label::Promise { due, .. } => {
                            p.due_at.and_then(|d| due_day(d, &zone_of(&p.account_id))) == Some(*due)
                        }
                        Label::NewPerson(email) => p.email.as_deref() == Some(email.as_str()),
                    };
                    for pass in [true, false] {
                        let mut i = 0;
                        while i < expected.len() {
                            let found = mine.iter().position(|p| !pass || exact(expected[i], p));
                            match found {
                                Some(j) if pass || !matches!(expected[i], Label::NewPerson(_)) => {
                                    let p = mine.remove(j);
                                    score.tp += 1;
                                    if pass {
                                        score.exact += 1;
                                    } else {
                                        misses.push(format!(
                                            "{place}: {kind} found, wrong {}: expected {:?}, got ack {:?} answer {:?} due {:?} — {}",
                                            if *kind == ProposalKind::Request { "clocks" } else { "day" },
                                            expected[i],
                                            p.acknowledged_at,
                                            p.answered_at,
                                            p.due_at,
                                            p.text
                                        ));
                                    }
                                    expected.remove(i);
                                }
                                _ => i += 1,
                            }
                        }
                    }
                    for label in expected {
                        score.missed += 1;
                        misses.push(format!(
                            "{place}: missed {kind} {label:?} — {:?}",
                            first_line(&labelled.mail.body)
                        ));
                    }
                    for p in mine {
                        score.fp += 1;
                        misses.push(format!(
                            "{place}: wrongly proposed {kind} (due {:?}) — {}",
                            p.due_at, p.text
                        ));
                    }
                }
                predicted.retain(|p| !ProposalKind::ALL.contains(&p.kind));
            }
        }
    }
    Evaluation { scores, misses, messages }
}

fn first_line(body: &str) -> String {
    let text: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    text.chars().take(90).collect()
}

fn table(evaluation: &Evaluation) -> (String, BTreeMap<ProposalKind, Score>) {
    let mut out = String::new();
    let mut totals: BTreeMap<ProposalKind, Score> = BTreeMap::new();
    writeln!(out, "{} labelled messages", evaluation.messages).unwrap();
    writeln!(
        out,
        "{:<14} {:<4} {:>4} {:>4} {:>4} {:>9} {:>7} {:>7}",
        "kind", "lang", "tp", "fp", "fn", "precision", "recall", "exact"
    )
    .unwrap();
    for kind in ProposalKind::ALL {
        for language in LANGUAGES.iter().copied().chain(["all"]) {
            let score = if language == "all" {
                totals[kind]
            } else {
                let score = evaluation.scores[&(language.to_string(), *kind)];
                totals.entry(*kind).or_default().add(score);
                score
            };
            writeln!(
                out,
                "{:<14} {:<4} {:>4} {:>4} {:>4} {:>9.2} {:>7.2} {:>4}/{:<3}",
                kind.as_str(),
                language,
                score.tp,
                score.fp,
                score.missed,
                score.precision(),
                score.recall(),
                score.exact,
                score.tp
            )
            .unwrap();
        }
    }
    (out, totals)
}

#[test]
fn requests_and_promises_meet_the_issues_targets_on_the_labelled_corpus() {
    for (name, sets) in [
        ("Written with the rules", &SETS[..1]),
        ("First held-out set (the rules were widened from its misses)", &SETS[1..2]),
        ("Second held-out set (never tuned on)", &SETS[2..]),
    ] {
        println!("{name}:\n{}", table(&evaluate(sets)).0);
    }
    let evaluation = evaluate(&SETS);
    let (table, totals) = table(&evaluation);
    println!("All three:\n{table}");
    println!("Misses ({}):", evaluation.misses.len());
    for miss in &evaluation.misses {
        println!("  {miss}");
    }
    assert!(evaluation.messages >= 150, "the corpus holds at least 150 messages");
    for kind in [ProposalKind::Request, ProposalKind::OurPromise, ProposalKind::TheirPromise] {
        let score = totals[&kind];
        assert!(score.precision() >= 0.9, "{kind} precision {:.2} < 0.9\n{table}", score.precision());
        assert!(score.recall() >= 0.8, "{kind} recall {:.2} < 0.8\n{table}", score.recall());
        assert_eq!(score.exact, score.tp, "{kind}: every clock and due day found is exact\n{table}");
    }
    let people = totals[&ProposalKind::NewPerson];
    assert_eq!((people.precision(), people.recall()), (1.0, 1.0), "new people\n{table}");
}

#[test]
fn a_reply_read_on_its_own_reports_the_same_clocks_as_its_whole_thread() {
    for (set, language) in SETS.iter().flat_map(|set| LANGUAGES.map(|l| (*set, l))) {
        let corpus = corpus(set, language);
        for thread in &corpus.threads {
            let mails: Vec<Mail> = thread.mails.iter().map(|m| m.mail.clone()).collect();
            let whole = infer_thread(&mails, &corpus.known);
            let mut one_by_one: Vec<Proposal> = Vec::new();
            for (i, mail) in mails.iter().enumerate() {
                let inference = infer_message(mail, &mails[..i], &corpus.known);
                for effect in inference.replies {
                    let request = one_by_one.iter_mut().find(|p| p.evidence == effect.request).unwrap();
                    request.acknowledged_at = request.acknowledged_at.or(effect.acknowledged_at);
                    request.answered_at = request.answered_at.or(effect.answered_at);
                }
                one_by_one.extend(inference.proposals);
            }
            one_by_one.sort_by_key(|p| p.at);
            assert_eq!(one_by_one, whole, "{set}{language} {}", thread.name);
        }
    }
}

#[test]
fn nothing_is_inferred_from_an_automatic_message() {
    let corpus = corpus("", "en");
    let mut mail = corpus.threads[0].mails[0].mail.clone();
    assert!(!infer_thread(std::slice::from_ref(&mail), &corpus.known).is_empty());
    mail.automatic = true;
    assert!(infer_thread(&[mail], &corpus.known).is_empty());
}
