//! Every check-in reason fires in a situation built for it, and stays silent just outside its
//! threshold. The engine is pure: portfolios are built in memory and `now` is pinned.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rapport::archive::Bundle;
use rapport::domain::*;
use rapport::engine::checkins::{ReasonCode, Settings, Suggestion, Urgency, next_working_moment, suggest};

fn now() -> DateTime<Utc> {
    // A Wednesday, 10:00 in Berlin.
    "2026-11-25T09:00:00Z".parse().unwrap()
}

fn t(hours_from_now: i64) -> DateTime<Utc> {
    now() + Duration::hours(hours_from_now)
}

const ACCOUNT: &str = "acc";
const ANNIKA: &str = "annika";
const JONAS: &str = "jonas";
const LEONIE: &str = "leonie";

fn person(id: &str, name: &str, level: Level, reports_to: Option<&str>) -> Contact {
    Contact {
        id: id.into(),
        account_id: ACCOUNT.into(),
        name: name.into(),
        name_parts: None,
        title: None,
        level,
        reports_to: reports_to.map(Into::into),
        email: None,
        phone: None,
        other_emails: Vec::new(),
        other_phones: Vec::new(),
        preferred_channel: None,
        timezone: None,
        cadence_days: None,
        dates: Vec::new(),
        notes: String::new(),
        created_at: t(-24 * 10),
        updated_at: t(-24 * 10),
        roles: Vec::new(),
        influence: None,
        stance: None,
        introduced_by: None,
    }
}

fn touch(id: &str, hours_ago: i64, with: &[&str]) -> Interaction {
    Interaction {
        id: id.into(),
        account_id: ACCOUNT.into(),
        occurred_at: t(-hours_ago),
        channel: Channel::Call,
        initiated_by: Initiator::Us,
        contact_ids: with.iter().map(|c| c.to_string()).collect(),
        summary: "Weekly call".into(),
        sentiment: None,
        strategic: false,
        created_at: t(-hours_ago),
        source: rapport::domain::InteractionSource::Typed,
        message_id: None,
        snippet: None,
        serves: None,
        private: false,
    }
}

/// A quiet, healthy account: touched yesterday, everyone met recently, nothing open.
fn calm() -> Bundle {
    Bundle {
        account: Account {
            id: ACCOUNT.into(),
            name: "Kestrel Logistik".into(),
            tier: Tier::Core,
            status: AccountStatus::Active,
            industry: None,
            timezone: "Europe/Berlin".into(),
            working_days: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri],
            working_hours: WorkingHours { start: "09:00".into(), end: "17:30".into() },
            holidays: Vec::new(),
            renewal_date: None,
            cadence_days: None,
            notes: String::new(),
            created_at: t(-24 * 400),
            updated_at: t(-24 * 400),
        },
        contacts: vec![
            person(ANNIKA, "Annika Vogt", Level::Executive, None),
            person(JONAS, "Jonas Keller", Level::Manager, Some(ANNIKA)),
            person(LEONIE, "Leonie Hartmann", Level::Staff, Some(JONAS)),
        ],
        culture_notes: Vec::new(),
        goals: Vec::new(),
        promises: Vec::new(),
        interactions: vec![touch("i1", 24, &[ANNIKA]), touch("i2", 48, &[JONAS, LEONIE])],
        requests: Vec::new(),
        issues: Vec::new(),
        meetings: Vec::new(),
        meeting_series: Vec::new(),
        archived: Default::default(),
    }
}

fn run(b: &Bundle) -> Vec<Suggestion> {
    suggest(std::slice::from_ref(b), now(), &Settings::default())
}

fn codes(b: &Bundle) -> Vec<ReasonCode> {
    let mut all: Vec<ReasonCode> = run(b).iter().flat_map(|s| s.reasons.iter().map(|r| r.code)).collect();
    all.sort();
    all
}

fn fires(b: &Bundle, code: ReasonCode) -> bool {
    codes(b).contains(&code)
}

fn request(received_hours_ago: i64, acked: bool) -> Request {
    Request {
        id: "r1".into(),
        account_id: ACCOUNT.into(),
        contact_id: Some(JONAS.into()),
        received_at: t(-received_hours_ago),
        text: "Quote for ten scanners".into(),
        acknowledged_at: acked.then(|| t(-received_hours_ago + 1)),
        answered_at: None,
        resolved_at: None,
        created_at: t(-received_hours_ago),
        updated_at: t(-received_hours_ago),
    }
}

fn promise(direction: Direction, due_in_hours: i64) -> Promise {
    Promise {
        id: "p1".into(),
        account_id: ACCOUNT.into(),
        direction,
        contact_id: Some(ANNIKA.into()),
        text: "Send the pilot plan".into(),
        made_at: t(-24 * 5),
        due_at: t(due_in_hours),
        status: PromiseStatus::Open,
        completed_at: None,
        extra: None,
        interaction_id: None,
        created_at: t(-24 * 5),
        updated_at: t(-24 * 5),
    }
}

fn meeting(starts_in_hours: i64) -> Meeting {
    Meeting {
        id: "m1".into(),
        account_id: ACCOUNT.into(),
        starts_at: t(starts_in_hours),
        ends_at: t(starts_in_hours + 1),
        title: "Quarterly review".into(),
        location: None,
        attendee_ids: vec![ANNIKA.into()],
        guests: Vec::new(),
        agenda: String::new(),
        ical_uid: None,
        timezone: None,
        series: None,
        organizer_id: None,
        created_at: t(-24 * 30),
        updated_at: t(-24 * 30),
    }
}

fn issue(opened_hours_ago: i64) -> Issue {
    Issue {
        id: "x1".into(),
        account_id: ACCOUNT.into(),
        title: "Scanner sync outage".into(),
        severity: Severity::High,
        opened_at: t(-opened_hours_ago),
        acknowledged_at: None,
        resolved_at: None,
        followed_up_at: None,
        notes: String::new(),
        created_at: t(-opened_hours_ago),
        updated_at: t(-opened_hours_ago),
    }
}

fn goal(target_in_days: Option<i64>, last_progress_days_ago: i64) -> Goal {
    Goal {
        id: "g1".into(),
        account_id: ACCOUNT.into(),
        kind: GoalKind::Company,
        contact_id: None,
        title: "Cut picking errors by half".into(),
        detail: String::new(),
        status: GoalStatus::OnTrack,
        target_date: target_in_days.map(|d| (now() + Duration::days(d)).date_naive()),
        stated: true,
        progress: vec![GoalProgress { at: t(-24 * last_progress_days_ago), text: "Hamburg down 20%".into() }],
        created_at: t(-24 * 200),
        updated_at: t(-24 * 200),
    }
}

#[test]
fn a_portfolio_with_nothing_due_produces_no_suggestion() {
    assert_eq!(run(&calm()), Vec::<Suggestion>::new());
}

#[test]
fn unanswered_request_fires_after_one_hour_without_acknowledgement() {
    let mut b = calm();
    b.requests = vec![request(0, false)];
    b.requests[0].received_at = now() - Duration::minutes(59);
    assert!(!fires(&b, ReasonCode::UnansweredRequest), "59 minutes is still inside the hour");
    b.requests[0].received_at = now() - Duration::minutes(61);
    assert!(fires(&b, ReasonCode::UnansweredRequest));
}

#[test]
fn unanswered_request_fires_when_the_answer_clock_ends_within_four_hours() {
    let mut b = calm();
    b.requests = vec![request(19, true)];
    assert!(!fires(&b, ReasonCode::UnansweredRequest), "5 hours left, acknowledged");
    b.requests = vec![request(21, true)];
    assert!(fires(&b, ReasonCode::UnansweredRequest), "3 hours left");
    b.requests = vec![request(30, true)];
    let s = run(&b);
    assert!(s[0].reasons[0].text.contains("has waited 30 h"), "{}", s[0].reasons[0].text);
    b.requests[0].answered_at = Some(t(-1));
    assert!(!fires(&b, ReasonCode::UnansweredRequest), "an answered request is done");
}

#[test]
fn promise_overdue_fires_once_a_promise_of_ours_is_past_due() {
    let mut b = calm();
    b.promises = vec![promise(Direction::Ours, 1)];
    assert!(!fires(&b, ReasonCode::PromiseOverdue));
    b.promises = vec![promise(Direction::Ours, -1)];
    assert!(fires(&b, ReasonCode::PromiseOverdue));
    b.promises[0].status = PromiseStatus::Kept;
    assert!(!fires(&b, ReasonCode::PromiseOverdue), "a kept promise is not overdue");
}

#[test]
fn promise_due_soon_fires_within_three_days() {
    let mut b = calm();
    b.promises = vec![promise(Direction::Ours, 24 * 3 + 1)];
    assert!(!fires(&b, ReasonCode::PromiseDueSoon));
    b.promises = vec![promise(Direction::Ours, 24 * 3 - 1)];
    assert!(fires(&b, ReasonCode::PromiseDueSoon));
    b.promises = vec![promise(Direction::Theirs, 24)];
    assert!(!fires(&b, ReasonCode::PromiseDueSoon), "only our promises need our status update");
}

#[test]
fn awaiting_their_promise_fires_when_theirs_is_past_due() {
    let mut b = calm();
    b.promises = vec![promise(Direction::Theirs, 1)];
    assert!(!fires(&b, ReasonCode::AwaitingTheirPromise));
    b.promises = vec![promise(Direction::Theirs, -1)];
    assert!(fires(&b, ReasonCode::AwaitingTheirPromise));
}

#[test]
fn meeting_prep_fires_within_forty_eight_hours() {
    let mut b = calm();
    b.meetings = vec![meeting(49)];
    assert!(!fires(&b, ReasonCode::MeetingPrep));
    b.meetings = vec![meeting(47)];
    assert!(fires(&b, ReasonCode::MeetingPrep));
}

#[test]
fn meeting_follow_up_fires_for_a_recent_meeting_without_a_recap() {
    let mut b = calm();
    b.interactions = vec![touch("i1", 24 * 3, &[ANNIKA, JONAS, LEONIE])];
    b.meetings = vec![meeting(-24 * 2 - 2)];
    assert!(!fires(&b, ReasonCode::MeetingFollowUp), "ended more than two days ago");
    b.meetings = vec![meeting(-30)];
    assert!(fires(&b, ReasonCode::MeetingFollowUp));
    b.interactions.push(touch("recap", 5, &[ANNIKA]));
    assert!(!fires(&b, ReasonCode::MeetingFollowUp), "a touch after the meeting is the recap");
}

#[test]
fn issue_open_fires_when_unacknowledged_or_quiet_for_three_days() {
    let mut b = calm();
    b.issues = vec![issue(2)];
    assert!(fires(&b, ReasonCode::IssueOpen), "not acknowledged");
    b.issues[0].acknowledged_at = Some(t(-1));
    assert!(!fires(&b, ReasonCode::IssueOpen), "acknowledged and the account was touched yesterday");
    b.issues = vec![issue(24 * 5)];
    b.issues[0].acknowledged_at = Some(t(-24 * 5 + 1));
    b.interactions = vec![touch("i1", 24 * 3 - 1, &[ANNIKA])];
    assert!(!fires(&b, ReasonCode::IssueOpen), "touched just under three days ago");
    b.interactions = vec![touch("i1", 24 * 3 + 1, &[ANNIKA])];
    assert!(fires(&b, ReasonCode::IssueOpen));
}

#[test]
fn issue_follow_up_fires_three_to_fourteen_days_after_resolution() {
    let mut b = calm();
    let resolved = |days: i64| {
        let mut i = issue(24 * 30);
        i.acknowledged_at = Some(t(-24 * 30));
        i.resolved_at = Some(t(-24 * days));
        i
    };
    for (days, expected) in [(2, false), (3, true), (14, true), (15, false)] {
        b.issues = vec![resolved(days)];
        assert_eq!(fires(&b, ReasonCode::IssueFollowUp), expected, "resolved {days} days ago");
    }
    b.issues = vec![resolved(5)];
    b.issues[0].followed_up_at = Some(t(-1));
    assert!(!fires(&b, ReasonCode::IssueFollowUp));
}

#[test]
fn goal_check_fires_near_its_target_or_after_weeks_without_progress() {
    let mut b = calm();
    b.goals = vec![goal(Some(31), 10)];
    assert!(!fires(&b, ReasonCode::GoalCheck));
    b.goals = vec![goal(Some(29), 10)];
    assert!(fires(&b, ReasonCode::GoalCheck));
    b.goals = vec![goal(None, 44)];
    assert!(!fires(&b, ReasonCode::GoalCheck));
    b.goals = vec![goal(None, 46)];
    assert!(fires(&b, ReasonCode::GoalCheck));
    b.goals[0].status = GoalStatus::Achieved;
    assert!(!fires(&b, ReasonCode::GoalCheck), "an achieved goal needs no check");
}

#[test]
fn renewal_approaching_fires_within_ninety_days_without_a_strategic_touch() {
    let mut b = calm();
    b.account.renewal_date = Some((now() + Duration::days(91)).date_naive());
    assert!(!fires(&b, ReasonCode::RenewalApproaching));
    b.account.renewal_date = Some((now() + Duration::days(89)).date_naive());
    assert!(fires(&b, ReasonCode::RenewalApproaching));
    b.interactions[0].strategic = true;
    assert!(!fires(&b, ReasonCode::RenewalApproaching), "a strategic talk yesterday");
}

#[test]
fn personal_date_fires_for_a_birthday_within_seven_days_even_without_a_year() {
    let mut b = calm();
    let in_days = |d: i64| (now() + Duration::days(d)).format("--%m-%d").to_string();
    b.contacts[1].dates = vec![ImportantDate { kind: DateKind::Birthday, date: in_days(8), label: None }];
    assert!(!fires(&b, ReasonCode::PersonalDate));
    b.contacts[1].dates = vec![ImportantDate { kind: DateKind::Birthday, date: in_days(7), label: None }];
    let s = run(&b);
    assert_eq!(s[0].contact.as_deref(), Some("Jonas Keller"));
    assert_eq!(s[0].reasons[0].code, ReasonCode::PersonalDate);
}

#[test]
fn cadence_due_restarts_with_any_touch_of_anyone_at_the_account() {
    let mut b = calm();
    b.interactions = vec![touch("i1", 24 * 29, &[LEONIE])];
    assert!(!fires(&b, ReasonCode::CadenceDue), "29 days on a 30-day cadence");
    b.interactions = vec![touch("i1", 24 * 31, &[LEONIE])];
    assert!(fires(&b, ReasonCode::CadenceDue));
    b.interactions.push(Interaction { channel: Channel::Chat, ..touch("i2", 1, &[]) });
    assert!(!fires(&b, ReasonCode::CadenceDue), "a chat with nobody named still counts");
}

#[test]
fn a_person_with_a_cadence_of_their_own_is_due_on_it() {
    let mut b = calm();
    b.contacts[0].cadence_days = Some(7);
    b.interactions = vec![touch("i1", 24 * 6, &[ANNIKA]), touch("i2", 1, &[JONAS, LEONIE])];
    assert!(!fires(&b, ReasonCode::CadenceDue));
    b.interactions[0] = touch("i1", 24 * 8, &[ANNIKA]);
    let s = run(&b);
    assert_eq!(s[0].contact.as_deref(), Some("Annika Vogt"));
    assert_eq!(s[0].reasons[0].code, ReasonCode::CadenceDue);
}

#[test]
fn stakeholder_neglected_fires_after_two_cadences_while_others_are_touched() {
    let mut b = calm();
    b.interactions = vec![touch("i1", 24, &[ANNIKA, JONAS]), touch("i2", 24 * 59, &[LEONIE])];
    assert!(!fires(&b, ReasonCode::StakeholderNeglected), "59 days on a 30-day cadence");
    b.interactions[1] = touch("i2", 24 * 61, &[LEONIE]);
    let s = run(&b);
    assert!(s.iter().any(|x| x.contact.as_deref() == Some("Leonie Hartmann")
        && x.reasons.iter().any(|r| r.code == ReasonCode::StakeholderNeglected)));
}

#[test]
fn single_threaded_fires_when_only_one_person_was_touched_in_ninety_days() {
    let mut b = calm();
    b.interactions = vec![touch("i1", 24, &[ANNIKA]), touch("i2", 24 * 91, &[JONAS])];
    for c in &mut b.contacts {
        c.created_at = t(-24 * 30);
    }
    assert!(fires(&b, ReasonCode::SingleThreaded));
    b.interactions[1] = touch("i2", 24 * 89, &[JONAS]);
    assert!(!fires(&b, ReasonCode::SingleThreaded));
}

#[test]
fn reasons_for_the_same_person_merge_into_one_suggestion_ranked_and_explained() {
    let mut b = calm();
    b.account.tier = Tier::Strategic;
    b.promises = vec![promise(Direction::Ours, -6)];
    b.contacts[0].dates = vec![ImportantDate {
        kind: DateKind::Birthday,
        date: (now() + Duration::days(2)).format("%Y-%m-%d").to_string(),
        label: None,
    }];
    b.meetings = vec![meeting(30)];
    let s = run(&b);
    assert_eq!(s.len(), 2, "Annika's two reasons merge; the meeting is about the account");
    let annika = s.iter().find(|x| x.contact.as_deref() == Some("Annika Vogt")).unwrap();
    assert_eq!(
        annika.reasons.iter().map(|r| r.code).collect::<Vec<_>>(),
        vec![ReasonCode::PromiseOverdue, ReasonCode::PersonalDate]
    );
    assert_eq!(annika.urgency, Urgency::Now);
    assert!(annika.priority_reason.starts_with("Ranked by an overdue promise of ours (6 h past due), plus one more reason, raised for a strategic account"), "{}", annika.priority_reason);
    assert!(s[0].priority >= s[1].priority, "sorted by priority");
    assert!(annika.talking_points.iter().any(|p| p.contains("Send the pilot plan")));
}

#[test]
fn former_accounts_get_no_suggestions_and_paused_ones_no_cadence_nudges() {
    let mut b = calm();
    b.interactions = vec![touch("i1", 24 * 100, &[ANNIKA])];
    b.account.status = AccountStatus::Paused;
    assert!(!fires(&b, ReasonCode::CadenceDue));
    b.promises = vec![promise(Direction::Ours, -1)];
    assert!(fires(&b, ReasonCode::PromiseOverdue), "a paused client is still owed what we promised");
    b.account.status = AccountStatus::Former;
    assert!(run(&b).is_empty());
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    rfc3339.parse().unwrap()
}

#[test]
fn suggested_times_fall_inside_their_working_day_and_skip_weekends_and_holidays() {
    let mut b = calm();
    // Friday 18:00 in Berlin: after hours, so Monday 09:00 — unless Monday is a holiday.
    assert_eq!(
        next_working_moment(&b.account, "Europe/Berlin", at("2026-11-27T17:00:00Z")),
        at("2026-11-30T08:00:00Z")
    );
    b.account.holidays = vec![NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()];
    assert_eq!(
        next_working_moment(&b.account, "Europe/Berlin", at("2026-11-27T17:00:00Z")),
        at("2026-12-01T08:00:00Z")
    );
    // Inside the day: now, rounded up to the quarter hour.
    assert_eq!(
        next_working_moment(&b.account, "Europe/Berlin", at("2026-11-25T10:07:00Z")),
        at("2026-11-25T10:15:00Z")
    );
}

#[test]
fn suggested_times_follow_the_clients_clock_across_a_daylight_saving_change() {
    let mut b = calm();
    b.account.working_days = Weekday::ALL.to_vec();
    // Europe/Berlin springs forward on Sunday 29 March 2026: 09:00 is 08:00 UTC before, 07:00 UTC after.
    assert_eq!(
        next_working_moment(&b.account, "Europe/Berlin", at("2026-03-28T17:00:00Z")),
        at("2026-03-29T07:00:00Z")
    );
    assert_eq!(
        next_working_moment(&b.account, "Europe/Berlin", at("2026-03-27T17:00:00Z")),
        at("2026-03-28T08:00:00Z")
    );
    // A working day starting at 02:30 on the night the clock jumps from 02:00 to 03:00 starts at 03:30 local.
    b.account.working_hours = WorkingHours { start: "02:30".into(), end: "10:00".into() };
    assert_eq!(
        next_working_moment(&b.account, "Europe/Berlin", at("2026-03-28T23:00:00Z")),
        at("2026-03-29T01:30:00Z")
    );
    // New York falls back on 1 November 2026.
    b.account.working_hours = WorkingHours { start: "09:00".into(), end: "17:00".into() };
    assert_eq!(
        next_working_moment(&b.account, "America/New_York", at("2026-10-31T22:00:00Z")),
        at("2026-11-01T14:00:00Z")
    );
}

#[test]
fn a_gulf_working_week_runs_sunday_to_thursday() {
    let mut b = calm();
    b.account.working_days = vec![Weekday::Sun, Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu];
    b.account.working_hours = WorkingHours { start: "08:00".into(), end: "16:00".into() };
    // Thursday 17:00 in Riyadh: the next working moment is Sunday 08:00 (05:00 UTC).
    assert_eq!(
        next_working_moment(&b.account, "Asia/Riyadh", at("2026-11-26T14:00:00Z")),
        at("2026-11-29T05:00:00Z")
    );
}

#[test]
fn reminders_interrupt_only_for_what_just_became_urgent_and_can_be_turned_off() {
    use rapport::engine::checkins::reminders;
    let mut b = calm();
    b.meetings = vec![meeting(2)];
    let settings = Settings::default();
    assert!(reminders(&run(&b), now(), &settings).is_empty(), "a meeting in two hours can wait");
    b.meetings[0].starts_at = now() + Duration::minutes(50);
    b.requests = vec![request(21, true)];
    let due = reminders(&run(&b), now(), &settings);
    assert_eq!(due.len(), 2, "{due:?}");
    assert!(due.iter().any(|r| r.body.contains("must be answered within 3 h")));
    assert_eq!(due, reminders(&run(&b), now(), &settings), "the same ids, so each is sent once");
    let off = Settings { reminders: false, ..Settings::default() };
    assert!(reminders(&run(&b), now(), &off).is_empty());
}

#[test]
fn settings_refuse_a_zero_threshold_or_a_follow_up_window_that_ends_before_it_opens() {
    assert!(Settings::default().check().is_ok());
    let zero = Settings { request_ack_hours: 0, ..Settings::default() };
    assert!(matches!(zero.check(), Err(rapport::Error::Validation { field: "request_ack_hours", .. })));
    let window =
        Settings { issue_follow_up_after_days: 10, issue_follow_up_until_days: 5, ..Settings::default() };
    assert!(matches!(
        window.check(),
        Err(rapport::Error::Validation { field: "issue_follow_up_until_days", .. })
    ));
}

#[test]
fn thresholds_are_configurable() {
    let mut b = calm();
    b.meetings = vec![meeting(60)];
    assert!(!fires(&b, ReasonCode::MeetingPrep));
    let wider = Settings { meeting_prep_hours: 72, ..Settings::default() };
    let s = suggest(std::slice::from_ref(&b), now(), &wider);
    assert!(s.iter().any(|x| x.reasons.iter().any(|r| r.code == ReasonCode::MeetingPrep)));
}

#[test]
fn one_suggestion_gives_one_reminder_however_many_urgent_reasons_it_has() {
    use rapport::engine::checkins::reminders;
    let mut b = calm();
    b.requests = vec![request(21, true)];
    b.promises = vec![Promise { contact_id: Some(JONAS.into()), ..promise(Direction::Ours, -2) }];
    let s = run(&b);
    assert_eq!(s.len(), 1, "Jonas's request and promise merge");
    let due = reminders(&s, now(), &Settings::default());
    assert_eq!(due.len(), 1);
    assert!(due[0].body.ends_with("(and 1 more)"), "{}", due[0].body);
}

/// Issue 18: "now" is what is owed to the client by the end of their day; a proactive touch is
/// due now at the earliest and waits for "this week", however old its evidence.
#[test]
fn only_what_is_owed_the_client_today_is_now_and_old_evidence_is_never_a_date_in_the_past() {
    let mut b = calm();
    let recent = b.interactions.clone();
    b.goals = vec![goal(None, 578)];
    b.interactions = vec![touch("i1", 24 * 40, &[ANNIKA, JONAS, LEONIE])];
    let list = run(&b);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].urgency, Urgency::ThisWeek, "a goal silent for 578 days is a touch this week");
    assert!(list[0].reasons.iter().all(|r| r.due_at >= now()), "{:?}", list[0].reasons);
    assert!(list[0].priority_reason.contains("(due now)"), "{}", list[0].priority_reason);

    // Our promise due tonight (18:00 Berlin) is now; due tomorrow at 09:00 Berlin, today.
    b.goals.clear();
    b.promises = vec![promise(Direction::Ours, 8)];
    assert_eq!(run(&b)[0].urgency, Urgency::Now);
    b.promises = vec![promise(Direction::Ours, 23)];
    assert_eq!(run(&b)[0].urgency, Urgency::Today);
    b.promises = vec![promise(Direction::Ours, 24 * 10)];
    b.goals = vec![goal(Some(20), 1)];
    b.interactions = recent;
    let later = run(&b);
    assert_eq!(later[0].urgency, Urgency::Later, "a goal's target three weeks out: {later:?}");
}

#[test]
fn an_accounts_goal_checks_make_one_reason_most_important_first() {
    let mut b = calm();
    let mut theirs = goal(None, 90);
    theirs.status = GoalStatus::AtRisk;
    let mut annikas = goal(None, 90);
    (annikas.id, annikas.kind, annikas.contact_id, annikas.title) =
        ("g2".into(), GoalKind::Personal, Some(ANNIKA.into()), "Lead the group rollout".into());
    let mut ours = goal(None, 90);
    (ours.id, ours.kind, ours.title) = ("g3".into(), GoalKind::Ours, "Reach the Munich team".into());
    b.goals = vec![ours, annikas, theirs];
    let list = run(&b);
    let checks: Vec<_> =
        list.iter().flat_map(|s| &s.reasons).filter(|r| r.code == ReasonCode::GoalCheck).collect();
    assert_eq!(checks.len(), 1, "one line about the account's goals: {list:?}");
    let text = &checks[0].text;
    assert!(text.starts_with("3 goals to check on"), "{text}");
    assert!(text.contains("Their goal \"Cut picking errors by half\""), "the one at risk first: {text}");
    assert!(
        text.contains("Annika Vogt's \"Lead the group rollout\" and our \"Reach the Munich team\""),
        "{text}"
    );
    assert_eq!(checks[0].related.len(), 2, "the others are its evidence too");
}

#[test]
fn an_issue_is_quiet_from_when_the_client_was_told_and_its_silence_is_not_a_breach() {
    let mut b = calm();
    b.interactions = vec![touch("i1", 24 * 30, &[ANNIKA, JONAS, LEONIE])];
    b.issues = vec![issue(24 * 20)];
    b.issues[0].acknowledged_at = Some(t(-24 * 18));
    let list = run(&b);
    let reason = list.iter().flat_map(|s| &s.reasons).find(|r| r.code == ReasonCode::IssueOpen).unwrap();
    assert!(reason.text.contains("heard nothing for 18 days"), "{}", reason.text);
    assert_eq!(reason.clock, rapport::engine::checkins::Clock::Proactive);
    b.issues[0].acknowledged_at = None;
    let list = run(&b);
    let reason = list.iter().flat_map(|s| &s.reasons).find(|r| r.code == ReasonCode::IssueOpen).unwrap();
    assert_eq!(reason.clock, rapport::engine::checkins::Clock::Client, "never acknowledged: owed now");
    let reminders = rapport::engine::checkins::reminders(&list, now(), &Settings::default());
    assert_eq!(reminders.len(), 1, "an unacknowledged issue interrupts, by its clock");
}
