use super::*;
use crate::domain::{Initiator, StoredMail};
use crate::interop::mail::{Address, Automatic};

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

fn people() -> People {
    let person = |account: &str, name: &str, id: &str, addresses: &[&str]| MailPerson {
        account_id: account.into(),
        account: name.into(),
        contact_id: id.into(),
        addresses: addresses.iter().map(|a| a.to_string()).collect(),
    };
    People::new(vec![
        person("k", "Kestrel", "anna", &["Anna.Berg@kestrel.example", " a.berg@gmail.example "]),
        person("k", "Kestrel", "jo", &["jo@kestrel.example"]),
        person("a", "Alcor", "lucia", &["lucia@alcor.example"]),
    ])
}

fn addr(email: &str) -> Address {
    Address { email: email.into(), name: None }
}

fn mail(id: &str, from: &str, to: &[&str]) -> MailMessage {
    MailMessage {
        message_id: Some(id.into()),
        from: vec![addr(from)],
        to: to.iter().map(|t| addr(t)).collect(),
        sent_at: Some("2026-11-20T09:00:00.5Z".parse().unwrap()),
        subject: "Renewal".into(),
        body: "Hello Sam,\nplease send the prices.\n".into(),
        ..Default::default()
    }
}

#[test]
fn a_message_with_no_clients_person_is_left_out_with_nothing_kept() {
    let m = mail("1@x", "sam@us.example", &["colleague@us.example"]);
    assert_eq!(consider(&m, &people(), now()), Err(Skip::NoClient));
}

#[test]
fn any_address_of_a_person_in_any_case_and_any_field_makes_a_touch() {
    let mut m = mail("1@x", "sam@us.example", &[]);
    m.cc = vec![addr("a.berg@gmail.example")];
    let kept = consider(&m, &people(), now()).unwrap();
    assert_eq!(kept.accounts.len(), 1);
    assert_eq!(kept.accounts[0].contact_ids, vec!["anna".to_string()]);
    assert!(!kept.accounts[0].sent_by_them);
    let mut m = mail("2@x", "sam@us.example", &[]);
    m.reply_to = vec![addr("ANNA.BERG@KESTREL.EXAMPLE")];
    assert!(consider(&m, &people(), now()).is_ok(), "Reply-To counts");
}

#[test]
fn a_message_to_two_clients_is_a_touch_in_each_with_that_accounts_people() {
    let m = mail("1@x", "lucia@alcor.example", &["anna.berg@kestrel.example", "jo@kestrel.example"]);
    let kept = consider(&m, &people(), now()).unwrap();
    let accounts: Vec<(&str, Vec<String>, bool)> = kept
        .accounts
        .iter()
        .map(|t| (t.account_id.as_str(), t.contact_ids.clone(), t.sent_by_them))
        .collect();
    assert_eq!(
        accounts,
        vec![("a", vec!["lucia".into()], true), ("k", vec!["anna".into(), "jo".into()], false)],
        "by the accounts' names"
    );
    assert_eq!(kept.occurred_at, "2026-11-20T09:00:00Z".parse::<DateTime<Utc>>().unwrap(), "whole seconds");
    assert_eq!(kept.snippet.as_deref(), Some("Hello Sam, please send the prices."));
}

#[test]
fn automatic_undated_and_future_messages_are_not_touches() {
    let mut m = mail("1@x", "anna.berg@kestrel.example", &["sam@us.example"]);
    m.automatic = Some(Automatic::AutoReply);
    assert_eq!(consider(&m, &people(), now()), Err(Skip::Automatic));
    let mut m = mail("1@x", "anna.berg@kestrel.example", &["sam@us.example"]);
    m.sent_at = None;
    assert_eq!(consider(&m, &people(), now()), Err(Skip::Undated));
    m.sent_at = Some(now() + Duration::days(2));
    assert_eq!(consider(&m, &people(), now()), Err(Skip::Future));
}

#[test]
fn an_empty_subject_says_so_and_a_message_without_an_id_gets_a_stable_one() {
    let mut m = mail(" ", "anna.berg@kestrel.example", &[]);
    m.subject = String::new();
    let kept = consider(&m, &people(), now()).unwrap();
    assert_eq!(kept.summary, NO_SUBJECT);
    assert!(kept.message_id.starts_with("rapport-"), "{}", kept.message_id);
    assert_eq!(consider(&m, &people(), now()).unwrap().message_id, kept.message_id);
    m.body.push('!');
    assert_ne!(consider(&m, &people(), now()).unwrap().message_id, kept.message_id);
}

fn initiators(messages: &[MailMessage], stored: Vec<StoredMail>) -> Vec<Vec<Initiator>> {
    let people = people();
    let mut threads = Threads::new();
    threads.remember(stored);
    for m in messages {
        threads.note(m, &people);
    }
    messages
        .iter()
        .filter_map(|m| consider(m, &people, now()).ok())
        .map(|kept| kept.accounts.iter().map(|t| threads.initiator(&kept, t, &people)).collect())
        .collect()
}

fn reply(id: &str, parent: &MailMessage, from: &str, to: &[&str]) -> MailMessage {
    let mut m = mail(id, from, to);
    m.references = parent.references.clone();
    m.references.push(parent.message_id.clone().unwrap());
    m.in_reply_to = vec![parent.message_id.clone().unwrap()];
    m
}

#[test]
fn the_threads_first_sender_says_who_started_it_in_any_order() {
    let ask = mail("1@k", "anna.berg@kestrel.example", &["sam@us.example"]);
    let answer = reply("2@us", &ask, "sam@us.example", &["anna.berg@kestrel.example"]);
    let again = reply("3@k", &answer, "anna.berg@kestrel.example", &["sam@us.example"]);
    let them = vec![vec![Initiator::Them]; 3];
    assert_eq!(initiators(&[ask.clone(), answer.clone(), again.clone()], vec![]), them);
    assert_eq!(initiators(&[again, answer, ask], vec![]), them, "a reply read before its start");
}

#[test]
fn a_thread_a_colleague_started_is_ours_when_a_client_is_copied_in() {
    let internal = mail("1@us", "sam@us.example", &["colleague@us.example"]);
    let fwd = reply("2@us", &internal, "colleague@us.example", &["jo@kestrel.example"]);
    let answer = reply("3@k", &fwd, "jo@kestrel.example", &["colleague@us.example"]);
    assert_eq!(initiators(&[internal, fwd, answer], vec![]), vec![vec![Initiator::Us]; 2]);
}

#[test]
fn a_thread_read_before_keeps_its_starter_and_an_unknown_parent_is_its_own_start() {
    let earlier = mail("1@k", "anna.berg@kestrel.example", &["sam@us.example"]);
    let answer =
        reply("2@us", &earlier, "sam@us.example", &["anna.berg@kestrel.example", "lucia@alcor.example"]);
    let stored =
        vec![StoredMail { message_id: "1@k".into(), account_id: "k".into(), initiated_by: Initiator::Them }];
    assert_eq!(
        initiators(std::slice::from_ref(&answer), stored),
        vec![vec![Initiator::Us, Initiator::Them]],
        "Alcor (first by name) was copied in later; Kestrel's thread was theirs"
    );
    assert_eq!(
        initiators(&[answer], vec![]),
        vec![vec![Initiator::Us, Initiator::Us]],
        "no known start: Sam's"
    );
}

#[test]
fn a_loop_of_references_ends() {
    let mut a = mail("1@k", "anna.berg@kestrel.example", &[]);
    let mut b = mail("2@k", "sam@us.example", &["anna.berg@kestrel.example"]);
    a.in_reply_to = vec!["2@k".into()];
    b.in_reply_to = vec!["1@k".into()];
    assert_eq!(initiators(&[a, b], vec![]).len(), 2);
}
