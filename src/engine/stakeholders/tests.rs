//! The map's rules on a hand-made account: a stance from each kind of evidence, warmth against
//! the cadence, each gap and what closes it, and "if they left".

use chrono::{DateTime, Duration, Utc};

use super::*;
use crate::domain::{
    Account, AccountDraft, Channel, ContactDraft, Goal, GoalDraft, Interaction, InteractionSource, Promise,
    PromiseDraft, RecordKind, Weights,
};

fn now() -> DateTime<Utc> {
    "2026-12-03T10:00:00Z".parse().unwrap()
}

fn account() -> Account {
    AccountDraft { name: "Kestrel".into(), cadence_days: Some(30), ..Default::default() }
        .into_account("kestrel".into(), now() - Duration::days(400))
        .unwrap()
}

fn person(id: &str, name: &str, level: Level, roles: &[BuyingRole]) -> Contact {
    ContactDraft {
        account_id: "kestrel".into(),
        name: name.into(),
        level: Some(level),
        roles: roles.to_vec(),
        ..Default::default()
    }
    .into_contact(id.into(), now() - Duration::days(400))
    .unwrap()
}

fn touch(id: &str, days_ago: i64, with: &[&str], by: Initiator, sentiment: Option<i8>) -> Interaction {
    Interaction {
        id: id.into(),
        account_id: "kestrel".into(),
        occurred_at: now() - Duration::days(days_ago),
        channel: Channel::Call,
        initiated_by: by,
        contact_ids: with.iter().map(|s| s.to_string()).collect(),
        summary: format!("touch {id}"),
        sentiment,
        strategic: false,
        created_at: now(),
        source: InteractionSource::Typed,
        message_id: None,
        snippet: None,
        serves: None,
        private: false,
    }
}

fn bundle(contacts: Vec<Contact>, interactions: Vec<Interaction>) -> Bundle {
    Bundle { contacts, interactions, ..Bundle::empty(account()) }
}

fn codes(gaps: &[Gap]) -> Vec<GapCode> {
    gaps.iter().map(|g| g.code).collect()
}

#[test]
fn a_stance_comes_from_the_sentiment_the_promises_kept_and_who_starts_the_conversations() {
    let ana = person("ana", "Ana Ruiz", Level::Manager, &[]);
    let warm = bundle(
        vec![ana.clone()],
        vec![
            touch("t1", 10, &["ana"], Initiator::Them, Some(2)),
            touch("t2", 20, &["ana"], Initiator::Us, Some(1)),
            touch("t3", 30, &["ana"], Initiator::Them, None),
        ],
    );
    let (stance, evidence) = stance_of(&warm, &ana, now());
    assert_eq!(stance, Some(Stance::Supportive), "{evidence}");
    assert!(evidence.contains("2 of 2 judged touches with them went well"), "{evidence}");
    assert!(evidence.contains("they started 2 of 3 conversations"), "{evidence}");

    let cold = bundle(
        vec![ana.clone()],
        vec![
            touch("t1", 10, &["ana"], Initiator::Us, Some(-2)),
            touch("t2", 20, &["ana"], Initiator::Us, Some(-1)),
        ],
    );
    assert_eq!(stance_of(&cold, &ana, now()).0, Some(Stance::Resistant));

    let mut late = bundle(vec![ana.clone()], vec![]);
    for (n, kept_late) in [true, true, false].into_iter().enumerate() {
        let mut p: Promise = PromiseDraft {
            account_id: "kestrel".into(),
            direction: Some(Direction::Theirs),
            contact_id: Some("ana".into()),
            text: format!("send the figures {n}"),
            made_at: Some((now() - Duration::days(40)).to_rfc3339()),
            due_at: (now() - Duration::days(20)).to_rfc3339(),
            interaction_id: None,
        }
        .into_promise(format!("p{n}"), now() - Duration::days(40))
        .unwrap();
        p.status = if kept_late { PromiseStatus::Broken } else { PromiseStatus::Kept };
        p.completed_at = Some(now() - Duration::days(21));
        late.promises.push(p);
    }
    let (stance, evidence) = stance_of(&late, &ana, now());
    assert_eq!(stance, Some(Stance::Resistant), "{evidence}");
    assert!(evidence.contains("they kept 1 of 3 promises on time"), "{evidence}");

    let unknown = bundle(vec![ana.clone()], vec![touch("t1", 10, &["ana"], Initiator::Us, Some(2))]);
    let (stance, evidence) = stance_of(&unknown, &ana, now());
    assert_eq!(stance, None);
    assert!(evidence.starts_with("Too little to tell"), "{evidence}");
}

#[test]
fn the_user_sets_a_stance_over_the_evidence_and_warmth_follows_the_cadence() {
    let mut ana = person("ana", "Ana Ruiz", Level::Manager, &[]);
    ana.stance = Some(Stance::Resistant);
    let jonas = person("jonas", "Jonas Keller", Level::Staff, &[]);
    let mira = person("mira", "Mira Schulz", Level::Staff, &[]);
    let b = bundle(
        vec![ana, jonas, mira],
        vec![
            touch("t1", 5, &["ana"], Initiator::Them, Some(2)),
            touch("t2", 6, &["ana"], Initiator::Them, Some(2)),
            touch("t3", 40, &["jonas"], Initiator::Us, None),
        ],
    );
    let m = map(&b, now());
    let of = |id: &str| m.people.iter().find(|p| p.contact_id == id).unwrap();
    assert_eq!((of("ana").stance, of("ana").stance_set), (Some(Stance::Resistant), true));
    assert!(of("ana").stance_evidence.contains("went well"), "the evidence is still said");
    assert_eq!(of("ana").warmth, Warmth::Warm);
    assert_eq!(
        (of("ana").last_touch_at, of("ana").last_channel),
        (Some(now() - Duration::days(5)), Some(Channel::Call))
    );
    assert_eq!(of("jonas").warmth, Warmth::Cooling, "40 days on a 30-day rhythm");
    assert_eq!(of("mira").warmth, Warmth::Never);
}

#[test]
fn each_gap_is_found_with_its_evidence_and_closes_when_the_map_does() {
    let ceo = person("ceo", "Clara Weiss", Level::Executive, &[]);
    let ana = person("ana", "Ana Ruiz", Level::Manager, &[BuyingRole::Champion]);
    let olaf = person("olaf", "Olaf Brandt", Level::Manager, &[BuyingRole::Blocker]);
    let b = bundle(vec![ceo, ana, olaf], vec![touch("t1", 50, &["ana"], Initiator::Us, None)]);
    let found = map(&b, now()).gaps;
    assert_eq!(
        codes(&found),
        vec![
            GapCode::NoEconomicBuyer,
            GapCode::SingleThreaded,
            GapCode::ExecutiveUntouched,
            GapCode::ChampionCold,
            GapCode::BlockerUnaddressed
        ],
        "{found:#?}"
    );
    let cold = found.iter().find(|g| g.code == GapCode::ChampionCold).unwrap();
    assert!(
        cold.text.contains("Ana Ruiz, who champions us, was last in touch with us 50 days ago"),
        "{}",
        cold.text
    );
    assert_eq!(cold.contact_id.as_deref(), Some("ana"));
    let never = found.iter().find(|g| g.code == GapCode::ExecutiveUntouched).unwrap();
    assert!(never.text.contains("Nobody has ever spoken with Clara Weiss"), "{}", never.text);

    // The map filled in and everyone seen: no gap is left.
    let mut closed = b.clone();
    closed.contacts[0].roles = vec![BuyingRole::EconomicBuyer];
    closed.interactions = vec![
        touch("t1", 5, &["ana"], Initiator::Us, None),
        touch("t2", 6, &["ceo", "olaf"], Initiator::Us, None),
    ];
    assert!(map(&closed, now()).gaps.is_empty(), "{:#?}", map(&closed, now()).gaps);

    // With nobody marked, the two "nobody is" gaps stand.
    let unmapped = bundle(vec![person("x", "X", Level::Staff, &[])], vec![]);
    assert_eq!(codes(&map(&unmapped, now()).gaps), vec![GapCode::NoEconomicBuyer, GapCode::NoChampion]);
}

#[test]
fn if_the_champion_left_the_account_would_hang_on_one_person_and_lose_their_goals() {
    let ceo = person("ceo", "Clara Weiss", Level::Executive, &[BuyingRole::EconomicBuyer]);
    let mut ana = person("ana", "Ana Ruiz", Level::Manager, &[BuyingRole::Champion]);
    ana.reports_to = Some("ceo".into());
    let mut jonas = person("jonas", "Jonas Keller", Level::Staff, &[]);
    jonas.reports_to = Some("ana".into());
    let goal: Goal = GoalDraft {
        account_id: "kestrel".into(),
        contact_id: Some("ana".into()),
        title: "Cut depot downtime".into(),
        ..Default::default()
    }
    .into_goal("g1".into(), now() - Duration::days(100))
    .unwrap();
    let mut b = bundle(
        vec![ceo, ana, jonas],
        vec![
            touch("t1", 5, &["ana"], Initiator::Them, Some(1)),
            touch("t2", 8, &["ana", "ceo"], Initiator::Us, Some(1)),
            touch("t3", 9, &["jonas", "ana"], Initiator::Us, None),
        ],
    );
    b.goals.push(goal);
    let w = without(&b, "ana", now(), &Weights::default()).expect("Ana is one of them");
    assert_eq!(w.still_in_touch, vec!["Clara Weiss".to_string(), "Jonas Keller".to_string()]);
    assert_eq!(w.orphaned.len(), 1);
    assert_eq!((w.orphaned[0].kind, w.orphaned[0].text.as_str()), (RecordKind::Goal, "Cut depot downtime"));
    assert_eq!(codes(&w.gaps_opened), vec![GapCode::NoChampion], "{:#?}", w.gaps_opened);
    assert!(
        w.said.starts_with("Without Ana Ruiz, 2 people at Kestrel would still be in touch with us"),
        "{}",
        w.said
    );
    assert!(w.said.contains("\u{201c}Cut depot downtime\u{201d}"), "{}", w.said);
    assert!(without(&b, "nobody", now(), &Weights::default()).is_none());
}
