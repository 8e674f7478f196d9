use chrono::{DateTime, Utc};

use super::*;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn known() -> Known {
    Known {
        people: vec![KnownPerson {
            email: "Anna@Northwind.example".into(),
            contact_id: "c-anna".into(),
            account_id: "northwind".into(),
        }],
        accounts: vec![KnownAccount {
            account_id: "northwind".into(),
            timezone: "America/New_York".into(),
            domains: vec!["northwind.example".into()],
            day_order: DayOrder::DayFirst,
        }],
    }
}

fn mail(id: &str, sent: &str, from: &str, to: &str, body: &str) -> Mail {
    Mail {
        message_id: id.into(),
        sent_at: at(sent),
        from: Party::new(from, None),
        to: vec![Party::new(to, None)],
        body: body.into(),
        ..Mail::default()
    }
}

#[test]
fn a_clients_ask_is_a_request_acknowledged_and_answered_by_our_replies() {
    let thread = [
        mail(
            "1",
            "2026-03-02T14:00:00Z",
            "anna@northwind.example",
            "sam@ours.example",
            "Could you send the deck?",
        ),
        mail(
            "2",
            "2026-03-02T14:30:00Z",
            "sam@ours.example",
            "anna@northwind.example",
            "We're looking into it.",
        ),
        mail(
            "3",
            "2026-03-02T18:00:00Z",
            "sam@ours.example",
            "anna@northwind.example",
            "Here it is: https://x.example",
        ),
    ];
    let proposals = infer_thread(&thread, &known());
    assert_eq!(proposals.len(), 1, "{proposals:?}");
    let request = &proposals[0];
    assert_eq!(request.kind, ProposalKind::Request);
    assert_eq!(request.contact_id.as_deref(), Some("c-anna"));
    assert_eq!(request.acknowledged_at, Some(at("2026-03-02T14:30:00Z")));
    assert_eq!(request.answered_at, Some(at("2026-03-02T18:00:00Z")));
    assert_eq!(request.evidence, "1");
}

#[test]
fn a_dated_commitment_of_ours_is_due_at_the_end_of_that_day_in_the_clients_zone() {
    // 22:30 on Monday in New York: "tomorrow" is Tuesday there, though it is Wednesday in UTC.
    let m = mail(
        "1",
        "2026-03-03T03:30:00Z",
        "sam@ours.example",
        "anna@northwind.example",
        "I'll send the contract tomorrow.",
    );
    let proposals = infer_thread(&[m], &known());
    assert_eq!(proposals.len(), 1, "{proposals:?}");
    assert_eq!(proposals[0].kind, ProposalKind::OurPromise);
    assert_eq!(proposals[0].due_at, Some(at("2026-03-04T04:59:00Z")));
}

#[test]
fn a_reply_reports_what_it_does_to_earlier_requests() {
    let ask = mail(
        "1",
        "2026-03-02T14:00:00Z",
        "anna@northwind.example",
        "sam@ours.example",
        "Please share the report.",
    );
    let reply = mail(
        "2",
        "2026-03-02T15:00:00Z",
        "sam@ours.example",
        "anna@northwind.example",
        "Attached is the report.",
    );
    let inference = infer_message(&reply, &[ask], &known());
    assert!(inference.proposals.is_empty());
    assert_eq!(
        inference.replies,
        vec![ReplyEffect {
            request: "1".into(),
            acknowledged_at: Some(at("2026-03-02T15:00:00Z")),
            answered_at: Some(at("2026-03-02T15:00:00Z"))
        }]
    );
}

#[test]
fn never_panics_on_any_text() {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(19);
    let pieces = [
        "Could you",
        " send ",
        "by Friday",
        "?",
        "。",
        "金曜日までに",
        "お送りします",
        "\n> ",
        "\n-- \n",
        "On Mon wrote:\n",
        "24.03.",
        "el 20 de marzo",
        " in 99999999999 days",
        "the 31st",
        "３月３２日",
        "¿",
        "I'll ",
        "€",
        "\u{0}",
        "\r\n",
        "next ",
        "end of ",
        "Von: x\nGesendet: y\n",
        "@",
        "mañana",
        "  ",
        "9999-99-99",
        "1/1/1",
    ];
    for _ in 0..400 {
        let mut body = String::new();
        for _ in 0..rng.random_range(0..30) {
            if rng.random_range(0..4) == 0 {
                body.push(char::from_u32(rng.random_range(0..0x3_0000)).unwrap_or('x'));
            } else {
                body.push_str(pieces[rng.random_range(0..pieces.len())]);
            }
        }
        let from = if rng.random_range(0..2) == 0 { "anna@northwind.example" } else { "sam@ours.example" };
        let m = mail("x", "2026-03-02T14:00:00Z", from, "@northwind.example", &body);
        let _ = infer_thread(&[m.clone(), m.clone()], &known());
        let _ = infer_message(&m, std::slice::from_ref(&m), &known());
    }
}

#[test]
fn a_reply_of_ours_is_judged_without_the_thread_for_a_service_that_kept_no_bodies() {
    let ours =
        |body: &str| mail("2", "2026-03-02T15:00:00Z", "sam@ours.example", "anna@northwind.example", body);
    assert_eq!(reply_of(&ours("We're looking into it."), &known()), Some(Reply::Acknowledges));
    assert_eq!(reply_of(&ours("Attached is the report."), &known()), Some(Reply::Answers));
    assert_eq!(reply_of(&ours("I'll send the attachment on Monday."), &known()), Some(Reply::Acknowledges));
    let theirs = mail("3", "2026-03-02T15:00:00Z", "anna@northwind.example", "sam@ours.example", "Attached.");
    assert_eq!(reply_of(&theirs, &known()), None);
    let mut away = ours("I am out of the office until Monday.");
    away.automatic = true;
    assert_eq!(reply_of(&away, &known()), None);
}
