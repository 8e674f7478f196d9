//! Relationship health: components at their edges and without data, the bands, the advisor
//! ladder, and the review's order. Portfolios are built in memory; `now` is pinned.

use chrono::{DateTime, Duration, Utc};
use rapport::archive::Bundle;
use rapport::domain::*;
use rapport::engine::health::history::{
    Baseline, Snapshot, TrendPoint, as_of, backfill, changes, end_of, rebuild, trend,
};
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
        name_parts: None,
        title: None,
        level,
        reports_to: None,
        email: None,
        phone: None,
        other_emails: Vec::new(),
        other_phones: Vec::new(),
        preferred_channel: channel,
        timezone: None,
        cadence_days: None,
        dates: Vec::new(),
        notes: String::new(),
        created_at: days_ago(400),
        updated_at: days_ago(400),
        roles: Vec::new(),
        influence: None,
        stance: None,
        introduced_by: None,
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
        source: rapport::domain::InteractionSource::Typed,
        message_id: None,
        snippet: None,
        serves: None,
        private: false,
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
    // Issue 24: none is said as none, not as "only 0".
    assert_eq!(
        h.components.iter().find(|c| c.name == "reliability").unwrap().evidence,
        "No promise of ours fell due in the last 180 days; nothing to judge yet."
    );
    b.promises = vec![promise(0, 10, PromiseStatus::Kept, -5)];
    b.interactions.push(touch(99, 0, Initiator::Us, "ceo", false, None));
    let one = health(&b, now(), &Weights::default());
    let evidence = &one.components.iter().find(|c| c.name == "reliability").unwrap().evidence;
    assert_eq!(evidence, "Only 1 promise of ours fell due in the last 180 days; too few to judge.");
    let engagement = &one.components.iter().find(|c| c.name == "engagement").unwrap().evidence;
    assert!(engagement.starts_with("Last touch today, against a cadence of"), "{engagement}");
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

fn outage(opened_ago: i64, resolved_ago: Option<i64>) -> Issue {
    Issue {
        id: "x".into(),
        account_id: "acc".into(),
        title: "Outage".into(),
        severity: Severity::Critical,
        opened_at: days_ago(opened_ago),
        acknowledged_at: None,
        resolved_at: resolved_ago.map(days_ago),
        followed_up_at: None,
        notes: String::new(),
        created_at: days_ago(opened_ago),
        updated_at: days_ago(opened_ago),
    }
}

#[test]
fn an_open_issue_subtracts_from_the_score() {
    let calm = health(&exemplary(), now(), &Weights::default()).score.unwrap();
    let mut b = exemplary();
    b.issues.push(outage(1, None));
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

#[test]
fn the_weights_change_the_score_and_are_checked() {
    let only_reliability = Weights {
        reliability: 100,
        responsiveness: 0,
        engagement: 0,
        proactivity: 0,
        breadth: 0,
        intimacy: 0,
        goals: 0,
    };
    let mut b = neglected();
    b.interactions.iter_mut().for_each(|i| i.sentiment = None);
    let h = health(&b, now(), &only_reliability);
    assert_eq!(h.score, component(&h, "reliability"), "a weight of 0 leaves a component out");
    assert!(only_reliability.check().is_ok());
    let too_much = Weights { goals: 101, ..Weights::default() };
    let err = too_much.check().unwrap_err();
    assert!(matches!(err, rapport::Error::Validation { field: "goals", .. }), "{err:?}");
    assert!(err.to_string().contains("between 0 and 100"), "{err}");
    let nothing = Weights { reliability: 0, ..only_reliability };
    assert!(nothing.check().unwrap_err().to_string().contains("above 0"));
}

#[test]
fn a_past_day_is_judged_only_on_what_had_happened_by_then() {
    let mut b = exemplary();
    // Kept today, but due 10 days ago: on the day it fell due it was still open.
    b.promises[0].completed_at = Some(days_ago(0));
    b.issues.push(outage(20, Some(5)));
    b.requests[0].acknowledged_at = Some(days_ago(0));
    let then = as_of(&b, days_ago(8));
    assert_eq!(then.promises[0].status, PromiseStatus::Open);
    assert!(then.requests.iter().all(|r| r.received_at <= days_ago(8)), "later requests had not come in");
    assert!(then.interactions.iter().all(|i| i.occurred_at <= days_ago(8)));
    assert_eq!(then.issues[0].resolved_at, None, "the outage was still open");
    let past = health(&then, days_ago(8), &Weights::default());
    assert!(past.penalties.iter().any(|p| p.reason.contains("Outage")), "{:?}", past.penalties);
    let today = health(&b, now(), &Weights::default());
    assert!(today.penalties.is_empty(), "resolved since");
}

#[test]
fn a_day_is_rebuilt_only_after_the_account_began() {
    let b = exemplary();
    let day = |ago: i64| days_ago(ago).date_naive();
    let rebuilt = rebuild(&b, day(30), &Weights::default()).unwrap();
    assert!(rebuilt.reconstructed);
    assert_eq!(rebuilt.day, day(30));
    let direct = health(&as_of(&b, end_of(day(30))), end_of(day(30)), &Weights::default());
    assert_eq!(rebuilt.score, direct.score);
    assert!(rebuild(&b, day(401), &Weights::default()).is_none(), "before the account was recorded");
}

fn snapshot(ago: i64, score: Option<u32>) -> Snapshot {
    let h = health(&exemplary(), now(), &Weights::default());
    Snapshot { score, ..Snapshot::of(&h, days_ago(ago).date_naive(), false) }
}

#[test]
fn the_trend_compares_with_30_and_90_days_ago() {
    let today = now().date_naive();
    let history: Vec<TrendPoint> =
        (1..=90).rev().map(|d| TrendPoint::from(&snapshot(d, Some(100 - d as u32 / 3)))).collect();
    let t = trend(&history, today, Some(90));
    assert_eq!(t.points.len(), 91, "90 days and today");
    assert_eq!(t.points.last().unwrap().score, Some(90), "today is the live score");
    assert_eq!(t.change_30, Some(90 - 90), "30 days ago it was 100 - 10");
    assert_eq!(t.change_90, Some(90 - 70));

    // With days 28 to 32 missing, the nearest earlier day within a week stands in.
    let gappy: Vec<TrendPoint> =
        history.iter().filter(|s| !(28..=32).contains(&(today - s.day).num_days())).cloned().collect();
    assert_eq!(trend(&gappy, today, Some(90)).change_30, Some(90 - (100 - 33 / 3)));
    // With nothing within a week, there is no change to report rather than a made-up one.
    let sparse: Vec<TrendPoint> =
        history.iter().filter(|s| (today - s.day).num_days() < 20).cloned().collect();
    assert_eq!(trend(&sparse, today, Some(90)).change_30, None);
    assert_eq!(trend(&history, today, None).change_30, None, "no score now, no change");
}

#[test]
fn what_changed_since_the_review_quotes_both_sides_largest_first() {
    let before = health(&exemplary(), now(), &Weights::default());
    let base = Baseline::of(&before);
    let mut b = exemplary();
    b.promises.iter_mut().take(3).for_each(|p| {
        p.status = PromiseStatus::Broken;
        p.completed_at = None;
    });
    b.issues.push(outage(1, None));
    let after = health(&b, now(), &Weights::default());
    let ch = changes(&base, now() - Duration::days(14), true, &after);
    assert!(ch.since_review);
    assert_eq!(ch.score_before, before.score);
    let first = &ch.components[0];
    assert_eq!(first.name, "reliability", "{:?}", ch.components);
    assert_eq!(first.was, "6 of 6 promises kept on time in the last 180 days.");
    assert_eq!(first.now, "3 of 6 promises kept on time in the last 180 days.");
    assert!(ch.components.iter().all(|c| c.before != c.after), "only what moved");
    assert_eq!(ch.new_penalties, vec!["Open issue \"Outage\" (critical).".to_string()]);
    assert!(ch.gone_penalties.is_empty());

    let unchanged = changes(&Baseline::of(&after), now(), true, &after);
    assert!(unchanged.components.is_empty() && unchanged.new_penalties.is_empty());
}

#[test]
fn a_request_whose_clock_is_still_running_is_not_held_against_us() {
    let mut b = exemplary();
    let base = component(&health(&b, now(), &Weights::default()), "responsiveness");
    let mut fresh = request(9, 0, 0, 0);
    fresh.received_at = now() - Duration::minutes(20);
    fresh.acknowledged_at = None;
    fresh.answered_at = None;
    fresh.resolved_at = None;
    b.requests.push(fresh.clone());
    assert_eq!(component(&health(&b, now(), &Weights::default()), "responsiveness"), base);
    // Two hours on, unacknowledged, it counts as late.
    fresh.received_at = now() - Duration::hours(2);
    *b.requests.last_mut().unwrap() = fresh;
    assert!(component(&health(&b, now(), &Weights::default()), "responsiveness") < base);
}

#[test]
fn rebuilding_many_days_at_once_agrees_with_judging_each_day_alone() {
    let mut b = neglected();
    b.issues.push(outage(40, Some(10)));
    b.promises[1].completed_at = Some(days_ago(2));
    let today = now().date_naive();
    let have = vec![today - Duration::days(3)];
    let rebuilt = backfill(&b, &have, today, &Weights::default());
    assert_eq!(rebuilt.len(), 89, "every missing day of the last 90");
    for s in &rebuilt {
        let t = end_of(s.day);
        let alone = health(&as_of(&b, t), t, &Weights::default());
        assert_eq!(s.score, alone.score, "{}", s.day);
        assert_eq!(s.level, alone.advisor_level.level, "{}", s.day);
    }
}

/// Issue 18: one live breach is evidence even alone, and keeps an otherwise good account out of
/// "healthy"; notes on how the whole account works count towards knowing its people.
#[test]
fn a_live_breach_counts_alone_and_keeps_the_account_out_of_healthy() {
    let mut b = exemplary();
    b.promises = vec![promise(0, 2, PromiseStatus::Open, 0)];
    b.promises[0].text = "Send the rollout plan to the president".into();
    let h = health(&b, now(), &Weights::default());
    assert_eq!(component(&h, "reliability"), Some(0), "one late promise is judged, not 'too few'");
    assert_eq!(h.band, Band::Watch, "{h:?}");
    assert_eq!(
        h.breaches,
        vec!["Our promise \"Send the rollout plan to the president\" is 2 days late.".to_string()]
    );

    let mut b = exemplary();
    b.requests = vec![request(0, 0, 0, 0)];
    b.requests[0].received_at = now() - Duration::hours(30);
    (b.requests[0].acknowledged_at, b.requests[0].answered_at) = (None, None);
    let h = health(&b, now(), &Weights::default());
    assert_eq!(component(&h, "responsiveness"), Some(0), "one request 30 h without an answer");
    assert_eq!(h.band, Band::Watch);
    assert!(h.breaches[0].starts_with("A request has waited 30 h for an answer"), "{:?}", h.breaches);

    // Renegotiated to a date now past: late again, by its new date.
    let mut b = exemplary();
    b.promises.push(promise(9, 1, PromiseStatus::Renegotiated, 0));
    assert_eq!(health(&b, now(), &Weights::default()).breaches.len(), 1);
    assert_eq!(health(&exemplary(), now(), &Weights::default()).band, Band::Healthy, "no breach, healthy");
}

#[test]
fn notes_on_the_whole_account_count_towards_knowing_its_people() {
    let mut b = exemplary();
    b.culture_notes.clear();
    let none = health(&b, now(), &Weights::default());
    let mut note = exemplary().culture_notes[0].clone();
    note.contact_id = None;
    b.culture_notes = vec![note.clone(), CultureNote { id: "n9".into(), ..note }];
    let wide = health(&b, now(), &Weights::default());
    assert!(component(&wide, "intimacy") > component(&none, "intimacy"));
    let evidence = &wide.components.iter().find(|c| c.name == "intimacy").unwrap().evidence;
    assert!(
        evidence.ends_with("notes on how they work for 0, and 2 notes on how the whole account works."),
        "{evidence}"
    );
}

/// Issue 24: a goal written down today as open is not yet behind; it is judged from its first
/// month on.
#[test]
fn a_goal_just_recorded_is_too_new_to_judge() {
    let mut b = exemplary();
    b.goals = vec![goal(0, GoalKind::Company, None, GoalStatus::Open)];
    b.goals[0].created_at = now() - Duration::days(1);
    let h = health(&b, now(), &Weights::default());
    assert_eq!(component(&h, "goals"), None);
    let evidence = &h.components.iter().find(|c| c.name == "goals").unwrap().evidence;
    assert_eq!(evidence, "1 goal of theirs recorded in the last 30 days; too new to judge.");
    b.goals[0].created_at = now() - Duration::days(45);
    assert_eq!(component(&health(&b, now(), &Weights::default()), "goals"), Some(0), "a month on, it counts");
}

/// Issue 24: a paused account is reviewed apart, after all the others, whatever its band.
#[test]
fn a_paused_account_is_reviewed_after_the_others() {
    let mut quiet = neglected();
    quiet.account.id = "paused".into();
    quiet.account.name = "Paused".into();
    quiet.account.status = AccountStatus::Paused;
    let mut healthy = exemplary();
    healthy.account.id = "fine".into();
    let list = review(&[quiet, healthy], now(), &Weights::default());
    assert_eq!(list[0].account, "Exemplary");
    assert!(list[1].paused && list[1].band == Band::AtRisk, "at risk, yet after a healthy active account");
}

/// Issue 24: the next step is the biggest gap to the next rung first.
#[test]
fn the_next_step_is_the_biggest_gap_to_the_next_rung() {
    let mut b = exemplary();
    // Reliability 67 (13 short of 80); responsiveness 0 (70 short of 70).
    b.promises = vec![
        promise(0, 10, PromiseStatus::Kept, -5),
        promise(1, 20, PromiseStatus::Kept, -5),
        promise(2, 30, PromiseStatus::Broken, 0),
    ];
    b.requests = (0..3).map(|n| request(n, 5 + n as i64 * 10, 300, 50)).collect();
    let h = health(&b, now(), &Weights::default());
    assert_eq!(h.advisor_level.level, 1);
    assert!(
        h.advisor_level.next_steps[0].starts_with("Acknowledge requests"),
        "{:?}",
        h.advisor_level.next_steps
    );
    assert!(
        h.advisor_level.next_steps[1].starts_with("Keep promises on time"),
        "{:?}",
        h.advisor_level.next_steps
    );
}
