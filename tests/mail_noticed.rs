//! Mail to the review queue (issue 19): a client's request, our reply that acknowledges it, our
//! promise with a day, the answer, and a colleague of theirs copied in — read from an mbox, they
//! wait in "Rapport noticed" with the clocks and days the thread shows, and a yes makes each
//! the record the user would have typed. Nothing is proposed twice.

use chrono::{DateTime, Utc};
use rapport::Rapport;
use rapport::domain::{AccountDraft, ContactDraft, NoticedKind};
use tempfile::TempDir;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// One message of the mbox: `[from, to, cc]`, when, its id, what it answers, subject and body.
fn message(
    [from, to, cc]: [&str; 3],
    date: &str,
    id: &str,
    reply_to: Option<&str>,
    subject: &str,
    body: &str,
) -> String {
    // Several ids answer a thread: In-Reply-To the first, References them all (oldest last here).
    let threading = reply_to
        .map(|r| {
            let ids: Vec<String> = r.split(' ').map(|id| format!("<{id}>")).collect();
            format!(
                "In-Reply-To: {}\nReferences: {}\n",
                ids[0],
                ids.iter().rev().cloned().collect::<Vec<_>>().join(" ")
            )
        })
        .unwrap_or_default();
    let cc = if cc.is_empty() { String::new() } else { format!("Cc: {cc}\n") };
    format!(
        "From MAILER-DAEMON Thu Jan  1 00:00:00 1970\nFrom: {from}\nTo: {to}\n{cc}Date: {date}\nMessage-ID: <{id}>\n{threading}Subject: {subject}\nContent-Type: text/plain; charset=utf-8\n\n{body}\n\n"
    )
}

fn mailbox() -> String {
    [
        message(
            ["Mira Schulz <mira@kestrel.example>", "Anna Berg <anna@ours.example>", "Jonas Keller <jonas.keller@kestrel.example>"],
            "Mon, 30 Nov 2026 09:12:00 +0100",
            "q1@kestrel.example",
            None,
            "Rollout plan",
            "Hi Anna,\n\nCould you send us the revised rollout plan for the Hamburg depots?\n\nThanks,\nMira",
        ),
        message(
            ["Anna Berg <anna@ours.example>", "Mira Schulz <mira@kestrel.example>", ""],
            "Mon, 30 Nov 2026 10:05:00 +0100",
            "r1@ours.example",
            Some("q1@kestrel.example"),
            "Re: Rollout plan",
            "Hi Mira,\n\nThanks, we're looking into it. I'll send the revised plan by Friday.\n\nBest,\nAnna\n\nOn Mon, 30 Nov 2026, Mira Schulz wrote:\n> Could you send us the revised rollout plan for the Hamburg depots?",
        ),
        message(
            ["Anna Berg <anna@ours.example>", "Mira Schulz <mira@kestrel.example>", ""],
            "Wed, 02 Dec 2026 16:40:00 +0100",
            "r2@ours.example",
            Some("r1@ours.example"),
            "Re: Rollout plan",
            "Hi Mira,\n\nHere is the revised plan: https://files.ours.example/hamburg-rollout-v2.pdf\n\nBest,\nAnna",
        ),
        message(
            ["Lena Vogel <lena@gmail.com>", "Anna Berg <anna@ours.example>", ""],
            "Tue, 01 Dec 2026 20:00:00 +0100",
            "p1@gmail.com",
            None,
            "Dinner on Saturday?",
            "Could you bring the wine?",
        ),
    ]
    .concat()
}

/// A database with one client, Kestrel (in Berlin), and Mira Schulz there, whose address the
/// mail knows.
fn kestrel(
    dir: &TempDir,
    now: DateTime<Utc>,
) -> (Rapport, rapport::domain::Account, rapport::domain::Contact) {
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now).unwrap();
    let account = r
        .add_account(
            AccountDraft {
                name: "Kestrel".into(),
                timezone: Some("Europe/Berlin".into()),
                ..Default::default()
            },
            now,
        )
        .unwrap();
    let mira = r
        .add_contact(
            ContactDraft {
                account_id: account.id.clone(),
                name: "Mira Schulz".into(),
                email: Some("mira@kestrel.example".into()),
                ..Default::default()
            },
            now,
        )
        .unwrap();
    (r, account, mira)
}

#[test]
fn a_clients_thread_waits_in_rapport_noticed_with_its_clocks_and_a_yes_records_it() {
    let now = at("2026-12-03T09:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, account, mira) = kestrel(&dir, now);
    let mbox = dir.path().join("Inbox.mbox");
    std::fs::write(&mbox, mailbox()).unwrap();

    let preview = r.import_mail(&mbox, true, now).unwrap();
    assert_eq!((preview.added, preview.noticed), (3, 3), "{preview:?}");
    assert!(r.noticed().unwrap().is_empty(), "a dry run proposes nothing");

    let report = r.import_mail(&mbox, false, now).unwrap();
    assert_eq!((report.added, report.noticed), (3, 3), "{report:?}");
    let waiting = r.noticed().unwrap();
    let of = |kind: NoticedKind| {
        waiting.iter().find(|n| n.kind == kind).unwrap_or_else(|| panic!("{kind:?}: {waiting:#?}"))
    };

    let request = of(NoticedKind::Request);
    assert_eq!(request.text, "Could you send us the revised rollout plan for the Hamburg depots?");
    assert_eq!(request.contact_id.as_ref(), Some(&mira.id));
    assert_eq!(request.source.sent_at, at("2026-11-30T08:12:00Z"));
    assert_eq!(request.acknowledged_at, Some(at("2026-11-30T09:05:00Z")), "our first reply");
    assert_eq!(request.answered_at, Some(at("2026-12-02T15:40:00Z")), "the reply that gives the plan");

    let promise = of(NoticedKind::OurPromise);
    assert!(promise.text.contains("I'll send the revised plan by Friday"), "{}", promise.text);
    assert_eq!(promise.due_at, Some(at("2026-12-04T22:59:00Z")), "Friday, 23:59 in Berlin");

    let jonas = of(NoticedKind::NewPerson);
    assert_eq!(jonas.email.as_deref(), Some("jonas.keller@kestrel.example"));
    assert_eq!(jonas.name.as_deref(), Some("Jonas Keller"));
    assert!(
        waiting.iter().all(|n| n.source.subject != "Dinner on Saturday?"),
        "personal mail proposes nothing"
    );

    // Yes to all three: the records the user would have typed.
    let ids: Vec<String> = waiting.iter().map(|n| n.id.clone()).collect();
    r.accept_noticed(&ids, None, now).unwrap();
    let page = r.account_page(&account.id, now).unwrap();
    let asked = page.requests.iter().find(|q| q.text.starts_with("Could you send us")).unwrap();
    assert_eq!(
        (asked.received_at, asked.acknowledged_at, asked.answered_at),
        (at("2026-11-30T08:12:00Z"), Some(at("2026-11-30T09:05:00Z")), Some(at("2026-12-02T15:40:00Z")))
    );
    let ours = page.promises.iter().find(|p| p.text.contains("revised plan")).unwrap();
    assert_eq!(ours.due_at, at("2026-12-04T22:59:00Z"));
    assert!(page.contacts.iter().any(|c| c.email.as_deref() == Some("jonas.keller@kestrel.example")));

    // Read again after more mail arrives: the same thread proposes nothing twice.
    let mut more = mailbox();
    more.push_str(&message(
        ["Mira Schulz <mira@kestrel.example>", "Anna Berg <anna@ours.example>", ""],
        "Thu, 03 Dec 2026 08:00:00 +0100",
        "t1@kestrel.example",
        Some("r2@ours.example"),
        "Re: Rollout plan",
        "Thanks Anna, that works for us.",
    ));
    std::fs::write(&mbox, more).unwrap();
    let again = r.import_mail(&mbox, false, now).unwrap();
    assert_eq!(again.noticed, 0, "{again:?}");
    assert!(r.noticed().unwrap().is_empty());
}

#[test]
fn mail_kept_current_is_read_for_what_is_new_without_a_copy_each_time() {
    let now = at("2026-12-03T09:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, _, _) = kestrel(&dir, now);
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "not mail").unwrap();
    let refused = r.keep_mail_current(notes.to_str().unwrap(), true).unwrap_err();
    assert!(refused.to_string().contains("is not mail Rapport can read"), "{refused}");

    let mbox = dir.path().join("Inbox.mbox");
    std::fs::write(&mbox, mailbox()).unwrap();
    let kept = r.keep_mail_current(mbox.to_str().unwrap(), true).unwrap();
    assert_eq!(kept, [mbox.to_str().unwrap()]);
    let first = r.read_mail_kept_current(now).unwrap();
    assert_eq!((first[0].added, first[0].backup.as_deref()), (3, None), "{first:?}");
    assert_eq!(r.read_mail_kept_current(now).unwrap()[0].added, 0, "nothing is new");

    let mut more = mailbox();
    more.push_str(&message(
        ["Mira Schulz <mira@kestrel.example>", "Anna Berg <anna@ours.example>", ""],
        "Thu, 03 Dec 2026 08:00:00 +0100",
        "t2@kestrel.example",
        None,
        "Invoice",
        "Can you resend the November invoice?",
    ));
    std::fs::write(&mbox, more).unwrap();
    let next = r.read_mail_kept_current(now).unwrap();
    assert_eq!((next[0].added, next[0].noticed, next[0].resumed), (1, 1, true), "{next:?}");

    assert!(r.keep_mail_current(mbox.to_str().unwrap(), false).unwrap().is_empty());
    assert!(r.read_mail_kept_current(now).unwrap().is_empty());
}

#[test]
fn a_reply_read_later_sets_the_clocks_of_the_request_asked_earlier_accepted_or_not() {
    let now = at("2026-12-03T09:00:00Z");
    let dir = TempDir::new().unwrap();
    let (mut r, account, _) = kestrel(&dir, now);
    let ask = |id: &str, subject: &str, date: &str| {
        message(
            ["Mira Schulz <mira@kestrel.example>", "Anna Berg <anna@ours.example>", ""],
            date,
            id,
            None,
            subject,
            &format!("Could you send us the {subject}?"),
        )
    };
    let reply = |id: &str, to: &str, date: &str, body: &str| {
        message(
            ["Anna Berg <anna@ours.example>", "Mira Schulz <mira@kestrel.example>", ""],
            date,
            id,
            Some(to),
            "Re: it",
            body,
        )
    };
    let mbox = dir.path().join("Inbox.mbox");
    let mut text = ask("a1@k.example", "price list", "Mon, 30 Nov 2026 09:00:00 +0100")
        + &ask("a2@k.example", "site plan", "Mon, 30 Nov 2026 09:30:00 +0100");
    std::fs::write(&mbox, &text).unwrap();
    r.keep_mail_current(mbox.to_str().unwrap(), true).unwrap();
    r.read_mail_kept_current(now).unwrap();
    let waiting = r.noticed().unwrap();
    assert_eq!(waiting.len(), 2, "{waiting:#?}");
    assert!(waiting.iter().all(|n| n.acknowledged_at.is_none()));
    // The price list is accepted now; the site plan waits.
    let price = waiting.iter().find(|n| n.text.contains("price list")).unwrap().id.clone();
    r.accept_noticed(std::slice::from_ref(&price), None, now).unwrap();

    // Our replies arrive in the next readings.
    text += &reply(
        "r1@ours.example",
        "a1@k.example",
        "Mon, 30 Nov 2026 10:00:00 +0100",
        "Thanks, we're looking into it.",
    );
    text += &reply(
        "r2@ours.example",
        "a2@k.example",
        "Mon, 30 Nov 2026 11:00:00 +0100",
        "Here is the plan: https://files.ours.example/plan.pdf",
    );
    std::fs::write(&mbox, &text).unwrap();
    r.read_mail_kept_current(now).unwrap();
    let page = r.account_page(&account.id, now).unwrap();
    let accepted = page.requests.iter().find(|q| q.text.contains("price list")).unwrap();
    assert_eq!((accepted.acknowledged_at, accepted.answered_at), (Some(at("2026-11-30T09:00:00Z")), None));
    let site = r.noticed().unwrap().into_iter().find(|n| n.text.contains("site plan")).unwrap();
    assert_eq!(
        (site.acknowledged_at, site.answered_at),
        (Some(at("2026-11-30T10:00:00Z")), Some(at("2026-11-30T10:00:00Z")))
    );

    text += &reply(
        "r3@ours.example",
        "r1@ours.example a1@k.example",
        "Tue, 01 Dec 2026 15:00:00 +0100",
        "Here is the price list: https://files.ours.example/prices.pdf",
    );
    std::fs::write(&mbox, &text).unwrap();
    r.read_mail_kept_current(now).unwrap();
    let page = r.account_page(&account.id, now).unwrap();
    let accepted = page.requests.iter().find(|q| q.text.contains("price list")).unwrap();
    assert_eq!(
        (accepted.acknowledged_at, accepted.answered_at),
        (Some(at("2026-11-30T09:00:00Z")), Some(at("2026-12-01T14:00:00Z"))),
        "the first reply acknowledged it; the one that gives answers it"
    );
}
