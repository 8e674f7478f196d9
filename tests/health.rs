//! Relationship health: components at their edges and without data, the bands, the advisor
//! ladder, and the review's order. Portfolios are built in memory; `now` is pinned.

use chrono::{DateTime, Duration, Utc};
use rapport::archive::Bundle;
use rapport::domain::*;
use rapport::engine::health::{Band, Weights, health, review};

fn now() -> DateTime<Utc> {
    "2026-11-25T09:00:00Z".parse().unwrap()
}

fn days_ago(d: i64) -> DateTime<Utc> {
    now() - Duration::days(d)
}

fn person(id: &str, level: Level, channel: Option<Channel>) -> Contact {
    Contact {
        id: id.into(),
        account_id: "acc".into(),
        name: format!("Person {id}"),
        title: None,
        level,
        reports_to: None,
        email: None,
        phone: None,
        preferred_channel: channel,
        timezone: None,
        cadence_days: None,
        dates: Vec::new(),
        notes: String::new(),
        created_at: days_ago(400),
        updated_at: days_ago(400),
    }
}

fn touch(
    n: usize,
    ago: i64,
    by: Initiator,
    with: &str,
    strategic: bool,
    sentiment: Option<i8>,
) -> Interaction {
    Interaction {
        id: format!("i{n}"),
        account_id: "acc".into(),
        occurred_at: days_ago(ago),
        channel: Channel::Call,
        initiated_by: by,
        contact_ids: vec![with.into()],
        summary: "Call".into(),
        sentiment,
        strategic,
        created_at: days_ago(ago),
    }
}

fn promise(n: usize, due_ago: i64, status: PromiseStatus, done_after_due_hours: i64) -> Promise {
    Promise {
        id: format!("p{n}"),
        account_id: "acc".into(),
        direction: Direction::Ours,
        contact_id: None,
        text: "Send the plan".into(),
        made_at: days_ago(due_ago + 5),
        due_at: days_ago(due_ago),
        status,
        completed_at: (status == PromiseStatus::Kept)
            .then(|| days_ago(due_ago) + Duration::hours(done_after_due_hours)),
        extra: None,
        interaction_id: None,
        created_at: days_ago(due_ago + 5),
        updated_at: days_ago(due_ago + 5),
    }
}

fn request(n: usize, ago: i64, ack_minutes: i64, answer_hours: i64) -> Request {
    let received = days_ago(ago);
    Request {
        id: format!("r{n}"),
        account_id: "acc".into(),
        contact_id: None,
        received_at: received,
        text: "Quote".into(),
        acknowledged_at: Some(received + Duration::minutes(ack_minutes)),
        answered_at: Some(received + Duration::hours(answer_hours)),
        resolved_at: None,
        created_at: received,
        updated_at: received,
    }
}

fn goal(n: usize, kind: GoalKind, contact: Option<&str>, status: GoalStatus) -> Goal {
    Goal {
        id: format!("g{n}"),
        account_id: "acc".into(),
        kind,
        contact_id: contact.map(Into::into),
        title: "A goal".into(),
        detail: String::new(),
        status,
        target_date: None,
        stated: true,
        progress: Vec::new(),
        created_at: days_ago(100),
        updated_at: days_ago(100),
    }
}

fn account(name: &str) -> Account {
    Account {
        id: "acc".into(),
        name: name.into(),
        tier: Tier::Core,
        status: AccountStatus::Active,
        industry: None,
        timezone: "Europe/Berlin".into(),
        working_days: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri],
        working_hours: WorkingHours::default(),
        holidays: Vec::new(),
        renewal_date: None,
        cadence_days: None,
        notes: String::new(),
        created_at: days_ago(400),
        updated_at: days_ago(400),
    }
}

fn exemplary() -> Bundle {
    let mut b = Bundle::empty(account("Exemplary"));
    b.contacts = vec![
        person("ceo", Level::Executive, Some(Channel::Meeting)),
        person("mgr", Level::Manager, Some(Channel::Email)),
        person("dev", Level::Staff, None),
    ];
    b.interactions = (0..12)
        .map(|n| {
            let with = ["ceo", "mgr", "dev"][n % 3];
            let by = if n % 4 == 3 { Initiator::Them } else { Initiator::Us };
            touch(n, 2 + n as i64 * 6, by, with, n == 3, Some(1))
        })
        .collect();
    b.promises = (0..6).map(|n| promise(n, 10 + n as i64 * 20, PromiseStatus::Kept, -5)).collect();
    b.requests = (0..4).map(|n| request(n, 5 + n as i64 * 30, 20, 6)).collect();
    b.goals = vec![
        goal(0, GoalKind::Company, None, GoalStatus::OnTrack),
        goal(1, GoalKind::Personal, Some("ceo"), GoalStatus::OnTrack),
        goal(2, GoalKind::Personal, Some("mgr"), GoalStatus::Achieved),
    ];
    b.culture_notes = ["ceo", "mgr"]
        .iter()
        .enumerate()
        .map(|(n, c)| CultureNote {
            id: format!("n{n}"),
            account_id: "acc".into(),
            contact_id: Some(c.to_string()),
            category: CultureCategory::Communication,
            text: "Prefers short agendas".into(),
            created_at: days_ago(100),
            updated_at: days_ago(100),
        })
        .collect();
    b
}

fn neglected() -> Bundle {
    let mut b = Bundle::empty(account("Neglected"));
    b.contacts = vec![
        person("ceo", Level::Executive, None),
        person("mgr", Level::Manager, None),
        person("dev", Level::Staff, None),
    ];
    b.interactions =
        (0..6).map(|n| touch(n, 3 + n as i64 * 10, Initiator::Them, "dev", false, Some(-1))).collect();
    b.promises = (0..5)
        .map(|n| {
            promise(
                n,
                5 + n as i64 * 20,
                if n % 2 == 0 { PromiseStatus::Broken } else { PromiseStatus::Kept },
                48,
            )
        })
        .collect();
    b.requests = (0..4).map(|n| request(n, 5 + n as i64 * 20, 300, 50)).collect();
    b
}

fn component(h: &rapport::engine::health::Health, name: &str) -> Option<u32> {
    h.components.iter().find(|c| c.name == name).unwrap().score
}

#[test]
fn an_exemplary_relationship_is_healthy_and_at_least_a_proactive_partner() {
    let h = health(&exemplary(), now(), &Weights::default());
    assert_eq!(h.band, Band::Healthy, "{h:#?}");
    assert!(h.advisor_level.level >= 3, "{:?}", h.advisor_level);
    assert_eq!(component(&h, "reliability"), Some(100));
    let reliability = h.components.iter().find(|c| c.name == "reliability").unwrap();
    assert_eq!(reliability.evidence, "6 of 6 promises kept on time in the last 180 days.");
}

#[test]
fn broken_promises_late_answers_and_only_their_touches_are_at_risk_and_level_one() {
    let h = health(&neglected(), now(), &Weights::default());
    assert_eq!(h.band, Band::AtRisk, "{h:#?}");
    assert_eq!(h.advisor_level.level, 1);
    assert!(
        h.advisor_level.next_steps.iter().any(|s| s.contains("Keep promises on time")),
        "{:?}",
        h.advisor_level.next_steps
    );
    assert_eq!(component(&h, "proactivity"), Some(0), "they started every touch");
    assert!(h.penalties.iter().any(|p| p.reason.contains("felt negative")), "a sour mood subtracts, visibly");
}

#[test]
fn a_component_without_data_is_unknown_and_left_out_of_the_weighting() {
    let mut b = exemplary();
    b.promises.clear();
    let h = health(&b, now(), &Weights::default());
    assert_eq!(component(&h, "reliability"), None);
    assert!(
        h.components.iter().find(|c| c.name == "reliability").unwrap().evidence.contains("too few to judge")
    );
    assert!(h.score.is_some(), "the others still make a score");
    let empty = health(&Bundle::empty(account("Empty")), now(), &Weights::default());
    assert_eq!((empty.score, empty.band), (None, Band::Unknown), "never silently 100");
}

#[test]
fn reliability_is_exact_at_its_edges() {
    let mut b = exemplary();
    b.promises = (0..3).map(|n| promise(n, 10, PromiseStatus::Kept, 1)).collect();
    assert_eq!(
        component(&health(&b, now(), &Weights::default()), "reliability"),
        Some(0),
        "kept an hour late is not on time"
    );
    b.promises.truncate(2);
    assert_eq!(
        component(&health(&b, now(), &Weights::default()), "reliability"),
        None,
        "two promises are too few"
    );
    b.promises = (0..3).map(|n| promise(n, 181, PromiseStatus::Broken, 0)).collect();
    assert_eq!(
        component(&health(&b, now(), &Weights::default()), "reliability"),
        None,
        "older than 180 days does not count"
    );
}

#[test]
fn an_open_issue_subtracts_from_the_score() {
    let calm = health(&exemplary(), now(), &Weights::default()).score.unwrap();
    let mut b = exemplary();
    b.issues.push(Issue {
        id: "x".into(),
        account_id: "acc".into(),
        title: "Outage".into(),
        severity: Severity::Critical,
        opened_at: days_ago(1),
        acknowledged_at: None,
        resolved_at: None,
        followed_up_at: None,
        notes: String::new(),
        created_at: days_ago(1),
        updated_at: days_ago(1),
    });
    let h = health(&b, now(), &Weights::default());
    assert_eq!(h.score.unwrap(), calm - 10);
    assert_eq!(h.penalties[0].reason, "Open issue \"Outage\" (critical).");
}

#[test]
fn the_review_puts_the_account_at_risk_first() {
    let list = review(&[exemplary(), neglected()], now(), &Weights::default());
    assert_eq!(list[0].account, "Neglected");
    assert_eq!(list[1].account, "Exemplary");
}
