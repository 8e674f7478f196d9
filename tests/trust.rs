//! The trust ledger (issue 20): each part's rule on a real database through the public service
//! calls, unknown when too little is known, the weak spot and the ladder, reciprocity, the trend,
//! and the command line's contract. `now` is pinned.

use std::path::Path;

use assert_cmd::Command;
use chrono::{DateTime, Duration, Utc};
use rapport::Rapport;
use rapport::domain::*;
use rapport::engine::trust::weak_spot;
use rapport::service::{ImportOptions, TrustLedger};
use serde_json::Value;
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    "2026-11-25T09:00:00Z".parse().unwrap()
}

fn ago(days: i64) -> DateTime<Utc> {
    now() - Duration::days(days)
}

fn hours_ago(hours: i64) -> DateTime<Utc> {
    now() - Duration::hours(hours)
}

fn text(t: DateTime<Utc>) -> String {
    t.to_rfc3339()
}

/// A database with Kestrel (renewing on `renewal`, if given) and Ana Ruiz, its executive, both
/// recorded 200 days ago.
fn kestrel(dir: &TempDir, renewal: Option<&str>) -> (Rapport, String, String) {
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    let (account, ana) = account_with_ana(&mut r, "Kestrel", renewal);
    (r, account, ana)
}

fn account_with_ana(r: &mut Rapport, name: &str, renewal: Option<&str>) -> (String, String) {
    let account = r
        .add_account(
            AccountDraft {
                name: name.into(),
                timezone: Some("Europe/Berlin".into()),
                renewal_date: renewal.map(Into::into),
                ..Default::default()
            },
            ago(200),
        )
        .unwrap()
        .id;
    let ana = person(r, &account, "Ana Ruiz", "ana@kestrel.example", None);
    (account, ana)
}

fn person(r: &mut Rapport, account: &str, name: &str, email: &str, introduced_by: Option<&str>) -> String {
    let draft = ContactDraft {
        account_id: account.into(),
        name: name.into(),
        email: Some(email.into()),
        level: Some(Level::Executive),
        introduced_by: introduced_by.map(Into::into),
        ..Default::default()
    };
    r.add_contact(draft, ago(200)).unwrap().id
}

/// A promise made `made` days ago, due `due` days ago (negative: ahead), kept `kept` days ago.
fn promise(
    r: &mut Rapport,
    account: &str,
    whom: &str,
    direction: Direction,
    what: &str,
    (made, due, kept): (i64, i64, Option<i64>),
) -> String {
    let draft = PromiseDraft {
        account_id: account.into(),
        direction: Some(direction),
        contact_id: Some(whom.into()),
        text: what.into(),
        made_at: Some(text(ago(made))),
        due_at: text(ago(due)),
        interaction_id: None,
    };
    let id = r.add_promise(draft, ago(made)).unwrap().id;
    if let Some(kept) = kept {
        let outcome = PromiseOutcome {
            status: PromiseStatus::Kept,
            completed_at: Some(text(ago(kept))),
            new_due_at: None,
            extra: None,
        };
        r.settle_promise(&id, outcome, now()).unwrap();
    }
    id
}

fn ours(r: &mut Rapport, account: &str, whom: &str, what: &str, made_due_kept: (i64, i64, Option<i64>)) {
    promise(r, account, whom, Direction::Ours, what, made_due_kept);
}

fn touch(r: &mut Rapport, account: &str, whom: &str, days: i64, by: Initiator, serves: Option<Serves>) {
    let draft = InteractionDraft {
        account_id: account.into(),
        occurred_at: Some(text(ago(days))),
        initiated_by: Some(by),
        contact_ids: vec![whom.into()],
        summary: "Call".into(),
        serves,
        ..Default::default()
    };
    r.log_interaction(draft, now()).unwrap();
}

fn goal(r: &mut Rapport, account: &str, whom: &str, kind: GoalKind, title: &str, set: i64) -> String {
    let draft = GoalDraft {
        account_id: account.into(),
        kind: Some(kind),
        contact_id: Some(whom.into()),
        title: title.into(),
        ..Default::default()
    };
    r.add_goal(draft, ago(set)).unwrap().id
}

fn ledger(r: &Rapport, account: &str) -> TrustLedger {
    r.trust(account, now()).unwrap()
}

fn ana_of(l: &TrustLedger) -> &rapport::service::PersonTrust {
    l.people.iter().find(|p| p.name == "Ana Ruiz").unwrap()
}

#[test]
fn a_promise_kept_late_lowers_reliability_and_is_named() {
    let dir = TempDir::new().unwrap();
    let (mut r, account, ana) = kestrel(&dir, None);
    for (n, days) in [(1, 90), (2, 60), (3, 30)] {
        ours(&mut r, &account, &ana, &format!("Status report {n}"), (days + 5, days, Some(days + 1)));
    }
    ours(&mut r, &account, &ana, "revised rollout plan", (25, 20, Some(18)));
    let l = ledger(&r, &account);
    let part = &ana_of(&l).parts.reliability;
    assert_eq!(part.score, Some(75), "3 of 4 on time: {}", part.evidence);
    assert!(part.evidence.starts_with("Ana Ruiz: 3 of 4 promises to them kept on time"), "{}", part.evidence);
    assert!(part.evidence.contains("'revised rollout plan' was 2 days late"), "{}", part.evidence);
    assert!(
        part.next_step.contains("Ana") && part.next_step.contains("revised rollout plan"),
        "{}",
        part.next_step
    );
}

#[test]
fn an_overdue_promise_asks_to_tell_them_today_when_it_will_come() {
    let dir = TempDir::new().unwrap();
    let (mut r, account, ana) = kestrel(&dir, None);
    ours(&mut r, &account, &ana, "kick-off notes", (40, 30, Some(31)));
    ours(&mut r, &account, &ana, "pilot report", (10, 3, None));
    let l = ledger(&r, &account);
    let part = &ana_of(&l).parts.reliability;
    assert_eq!(part.score, Some(50));
    assert!(part.evidence.contains("'pilot report' is 3 days overdue"), "{}", part.evidence);
    assert_eq!(part.next_step, "Tell Ana today when 'pilot report' will come: it was due 22 November 2026.");
    // At the account level the step names the person the promise was made to.
    assert!(l.account_level.reliability.next_step.starts_with("Tell Ana Ruiz today"));
}

#[test]
fn requests_count_when_answered_within_the_clocks_and_a_running_clock_is_not_judged() {
    let dir = TempDir::new().unwrap();
    let (mut r, account, ana) = kestrel(&dir, None);
    let ask = |r: &mut Rapport, what: &str, at: DateTime<Utc>| {
        let draft = RequestDraft {
            account_id: account.clone(),
            contact_id: Some(ana.clone()),
            received_at: Some(text(at)),
            text: what.into(),
        };
        r.add_request(draft, at).unwrap().id
    };
    let on_time = ask(&mut r, "Export of the claims", hours_ago(240));
    r.mark_request(
        &on_time,
        RequestStep::Acknowledged,
        Some(&text(hours_ago(240) + Duration::minutes(30))),
        now(),
    )
    .unwrap();
    r.mark_request(&on_time, RequestStep::Answered, Some(&text(hours_ago(237))), now()).unwrap();
    let late = ask(&mut r, "Access for the auditors", hours_ago(120));
    r.mark_request(
        &late,
        RequestStep::Acknowledged,
        Some(&text(hours_ago(119) - Duration::minutes(30))),
        now(),
    )
    .unwrap();
    r.mark_request(&late, RequestStep::Answered, Some(&text(hours_ago(90))), now()).unwrap();
    // Received ten minutes ago: its clocks still run.
    ask(&mut r, "A copy of the contract", now() - Duration::minutes(10));
    let part = ana_of(&ledger(&r, &account)).parts.reliability.clone();
    assert_eq!(part.score, Some(50), "{}", part.evidence);
    assert!(
        part.evidence.contains("1 of 2 requests of theirs answered within the clocks"),
        "{}",
        part.evidence
    );
    assert!(
        part.evidence.contains("'Access for the auditors' was answered after 30 hours"),
        "{}",
        part.evidence
    );
}

#[test]
fn issues_resolved_and_followed_up_make_the_accounts_credibility() {
    let dir = TempDir::new().unwrap();
    let (mut r, account, _) = kestrel(&dir, None);
    let issue = |r: &mut Rapport, title: &str, steps: &[(IssueStep, i64)]| {
        let draft = IssueDraft {
            account_id: account.clone(),
            title: title.into(),
            opened_at: Some(text(ago(50))),
            ..Default::default()
        };
        let id = r.open_issue(draft, ago(50)).unwrap().id;
        for (step, days) in steps {
            r.mark_issue(&id, *step, Some(&text(ago(*days))), now()).unwrap();
        }
    };
    issue(&mut r, "Login outage", &[(IssueStep::Resolved, 40), (IssueStep::FollowedUp, 30)]);
    issue(&mut r, "Wrong invoice totals", &[(IssueStep::Resolved, 20)]);
    let l = ledger(&r, &account);
    let part = &l.account_level.credibility;
    assert_eq!(part.score, Some(75), "one whole, one half: {}", part.evidence);
    assert!(part.evidence.contains("1 of 2 issues resolved and followed up"), "{}", part.evidence);
    assert!(part.evidence.contains("'Wrong invoice totals' was resolved but not followed up"));
    assert_eq!(
        part.next_step,
        "Follow up on 'Wrong invoice totals' with Kestrel: ask whether the fix holds."
    );
    // An issue names nobody: Ana's credibility does not count it.
    assert_eq!(ana_of(&l).parts.credibility.score, None);
}

#[test]
fn goals_with_recent_progress_are_advanced_and_a_stale_one_is_named() {
    let dir = TempDir::new().unwrap();
    let (mut r, account, ana) = kestrel(&dir, None);
    let moving = goal(&mut r, &account, &ana, GoalKind::Company, "Open the Lyon office", 100);
    r.add_goal_progress(&moving, "Lease signed", None, Some(&text(ago(10))), now()).unwrap();
    goal(&mut r, &account, &ana, GoalKind::Company, "Cut claims time by 30%", 100);
    // Set a week ago: too new to be stale, not judged.
    goal(&mut r, &account, &ana, GoalKind::Company, "Hire a data lead", 7);
    let part = ana_of(&ledger(&r, &account)).parts.credibility.clone();
    assert_eq!(part.score, Some(50), "{}", part.evidence);
    assert!(part.evidence.contains("1 of 2 goals of theirs advanced"), "{}", part.evidence);
    assert!(part.evidence.contains("'Cut claims time by 30%' has no progress recorded since it was set"));
    assert_eq!(part.next_step, "Ask Ana what moved on 'Cut claims time by 30%', and record it as progress.");
}

#[test]
fn a_personal_goal_dates_notes_and_touches_they_start_make_intimacy() {
    let dir = TempDir::new().unwrap();
    let (mut r, account, ana) = kestrel(&dir, None);
    goal(&mut r, &account, &ana, GoalKind::Personal, "Become CIO", 60);
    let mut draft = ContactDraft::from(&r.contacts(&account).unwrap()[0]);
    draft.dates = vec![ImportantDate { kind: DateKind::Birthday, date: "--03-14".into(), label: None }];
    draft.notes = Some("Prefers a call to a long mail.".into());
    r.update_contact(&ana, draft, ago(50)).unwrap();
    touch(&mut r, &account, &ana, 30, Initiator::Them, None);
    touch(&mut r, &account, &ana, 20, Initiator::Us, None);
    touch(&mut r, &account, &ana, 10, Initiator::Us, None);
    // Ben: two touches, all ours, nothing known of him. Cleo: nothing at all.
    let ben = person(&mut r, &account, "Ben Okafor", "ben@kestrel.example", None);
    touch(&mut r, &account, &ben, 15, Initiator::Us, None);
    touch(&mut r, &account, &ben, 5, Initiator::Us, None);
    person(&mut r, &account, "Cleo Marsh", "cleo@kestrel.example", None);
    let l = ledger(&r, &account);
    let ana = &ana_of(&l).parts.intimacy;
    assert_eq!(ana.score, Some(100), "a third of the touches started by her is full: {}", ana.evidence);
    assert!(ana.evidence.contains("personal goal known ('Become CIO')"), "{}", ana.evidence);
    assert!(ana.evidence.contains("they started 1 of 3 touches with them"), "{}", ana.evidence);
    let ben = &l.people.iter().find(|p| p.name == "Ben Okafor").unwrap().parts.intimacy;
    assert_eq!(ben.score, Some(0), "{}", ben.evidence);
    assert!(ben.next_step.starts_with("Ask Ben what they want for themselves"), "{}", ben.next_step);
    let cleo = &l.people.iter().find(|p| p.name == "Cleo Marsh").unwrap().parts.intimacy;
    assert_eq!(cleo.score, None, "nothing known is unknown: {}", cleo.evidence);
    assert_eq!(l.account_level.intimacy.score, Some(50), "the mean of the people known");
    assert!(l.account_level.intimacy.next_step.starts_with("Ben Okafor is the one you know least"));
}

/// Two promises kept on time and a personal goal known: what both accounts of the next test
/// share.
fn trusted_basics(r: &mut Rapport, account: &str, ana: &str) {
    ours(r, account, ana, "Workshop agenda", (50, 40, Some(41)));
    ours(r, account, ana, "Pilot plan", (30, 20, Some(21)));
    goal(r, account, ana, GoalKind::Personal, "Become CIO", 60);
}

#[test]
fn outreach_serving_our_goals_raises_self_orientation_and_divides_trust() {
    let dir = TempDir::new().unwrap();
    let (mut r, giving, ana) = kestrel(&dir, None);
    let (taking, ana2) = account_with_ana(&mut r, "Osprey", None);
    for (account, who, serves) in [(&giving, &ana, Serves::Theirs), (&taking, &ana2, Serves::Ours)] {
        trusted_basics(&mut r, account, who);
        for days in [40, 30, 20, 10] {
            touch(&mut r, account, who, days, Initiator::Us, Some(serves));
        }
        touch(&mut r, account, who, 5, Initiator::Them, None);
    }
    let (good, bad) = (ledger(&r, &giving), ledger(&r, &taking));
    let (good, bad) = (&ana_of(&good).parts, &ana_of(&bad).parts);
    assert_eq!(good.self_orientation.score, Some(0), "{}", good.self_orientation.evidence);
    assert_eq!(bad.self_orientation.score, Some(100), "{}", bad.self_orientation.evidence);
    assert!(
        bad.self_orientation.evidence.contains("4 of 4 touches we started"),
        "{}",
        bad.self_orientation.evidence
    );
    assert!(
        bad.self_orientation.next_step.contains("about their goal 'Become CIO'"),
        "{}",
        bad.self_orientation.next_step
    );
    let (g, b) = (good.trust.score.unwrap(), bad.trust.score.unwrap());
    assert_eq!(b, (f64::from(g) / 2.0).round() as u32, "a wholly self-oriented relationship halves trust");
    assert!(
        bad.trust.evidence.contains("divided by 2.00 for self-orientation 100"),
        "{}",
        bad.trust.evidence
    );
}

#[test]
fn touches_only_in_the_run_up_to_the_renewal_are_self_oriented() {
    let dir = TempDir::new().unwrap();
    // Renewal in 30 days: its 90-day run-up began 60 days ago, a third of the 180 days.
    let renewal = Some("2026-12-25");
    let (mut r, late, ana) = kestrel(&dir, renewal);
    let (spread, ana2) = account_with_ana(&mut r, "Osprey", renewal);
    for days in [50, 40, 20, 5] {
        touch(&mut r, &late, &ana, days, Initiator::Us, None);
    }
    for days in [170, 120, 80, 20] {
        touch(&mut r, &spread, &ana2, days, Initiator::Us, None);
    }
    let near = ledger(&r, &late);
    let part = &ana_of(&near).parts.self_orientation;
    assert_eq!(part.score, Some(100), "{}", part.evidence);
    assert!(part.evidence.contains("4 of them came in the 90 days before the renewal on 25 December 2026"));
    assert!(part.next_step.starts_with("Reach Ana between renewals"), "{}", part.next_step);
    let even = ledger(&r, &spread);
    assert_eq!(ana_of(&even).parts.self_orientation.score, Some(0), "spread over the year");
}

#[test]
fn a_part_with_too_little_evidence_is_unknown_and_so_is_trust() {
    let dir = TempDir::new().unwrap();
    let (mut r, account, ana) = kestrel(&dir, None);
    ours(&mut r, &account, &ana, "Pilot plan", (30, 20, Some(21)));
    let l = ledger(&r, &account);
    let p = &ana_of(&l).parts;
    assert_eq!(p.reliability.score, None);
    assert!(p.reliability.evidence.starts_with("Ana Ruiz: too little to judge (1 piece of evidence)"));
    assert_eq!((p.credibility.score, p.intimacy.score, p.self_orientation.score), (None, None, None));
    assert_eq!(p.trust.score, None);
    assert!(p.trust.evidence.contains("too little is known for trust"), "{}", p.trust.evidence);
    assert!(!p.trust.next_step.is_empty());
    assert_eq!(l.weak_spot, None, "nothing known is nothing weak");
}

#[test]
fn the_weak_spot_is_the_weakest_known_part_and_the_ladder_names_its_step() {
    let dir = TempDir::new().unwrap();
    let (mut r, account, ana) = kestrel(&dir, None);
    trusted_basics(&mut r, &account, &ana);
    ours(&mut r, &account, &ana, "pilot report", (10, 3, None));
    ours(&mut r, &account, &ana, "price sheet", (12, 4, None));
    let l = ledger(&r, &account);
    let weak = weak_spot(&l.account_level).expect("reliability of 50 is weak");
    assert_eq!((weak.part.as_str(), weak.score), ("reliability", 50));
    assert_eq!(
        weak.next_step,
        "Tell Ana Ruiz today when 'price sheet' will come: it was due 21 November 2026."
    );
    assert_eq!(l.weak_spot.as_ref(), Some(&weak));
    assert_eq!(l.account_level.trust.next_step, weak.next_step);
    let health = r.account_health(&account, now()).unwrap();
    let steps = &health.review.health.advisor_level.next_steps;
    assert!(
        steps.iter().any(|s| s.contains("reliability (50)") && s.ends_with(&weak.next_step)),
        "the ladder names the ledger's weak spot: {steps:?}"
    );
}

const INVITATION: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:steer-1@kestrel.example\r\n\
    SUMMARY:Steering committee\r\nDTSTART:20261102T130000Z\r\nDTEND:20261102T140000Z\r\n\
    ORGANIZER;CN=Ana Ruiz:mailto:ana@kestrel.example\r\nATTENDEE;CN=Ben Okafor:mailto:ben@kestrel.example\r\n\
    END:VEVENT\r\nEND:VCALENDAR\r\n";

#[test]
fn reciprocity_counts_their_promises_introductions_and_meetings() {
    let dir = TempDir::new().unwrap();
    let (mut r, account, ana) = kestrel(&dir, None);
    let ben = person(&mut r, &account, "Ben Okafor", "ben@kestrel.example", Some(&ana));
    promise(&mut r, &account, &ana, Direction::Theirs, "Send the data extract", (20, 15, Some(16)));
    promise(&mut r, &account, &ana, Direction::Theirs, "Sign the pilot", (12, 8, Some(6)));
    promise(&mut r, &account, &ben, Direction::Theirs, "Name a tester", (12, 8, None));
    r.import_bytes(Path::new("invite.ics"), INVITATION.as_bytes(), &ImportOptions::default(), false, now())
        .unwrap();
    let l = ledger(&r, &account);
    let given = l.reciprocity.people.iter().find(|p| p.name == "Ana Ruiz").unwrap();
    assert_eq!((given.promises_due, given.kept, given.kept_on_time), (2, 2, 1));
    assert_eq!(given.days_to_keep, Some(5.0), "the median of 4 and 6 days");
    assert_eq!(given.introduced, vec!["Ben Okafor".to_string()]);
    assert_eq!(given.meetings_organized, 1);
    assert!(
        given.summary.starts_with("Ana Ruiz kept 1 of 2 promises to us on time (2 kept at all)"),
        "{}",
        given.summary
    );
    let all = &l.reciprocity.account;
    assert_eq!((all.promises_due, all.kept, all.kept_on_time, all.meetings_organized), (3, 2, 1, 1));
    assert_eq!(all.contact_id, None);
}

#[test]
fn the_trend_is_weekly_over_the_quarter_and_follows_the_dated_records() {
    let dir = TempDir::new().unwrap();
    let (mut r, account, ana) = kestrel(&dir, None);
    trusted_basics(&mut r, &account, &ana);
    ours(&mut r, &account, &ana, "Kick-off notes", (100, 95, Some(96)));
    ours(&mut r, &account, &ana, "pilot report", (10, 3, None));
    touch(&mut r, &account, &ana, 30, Initiator::Them, None);
    touch(&mut r, &account, &ana, 20, Initiator::Them, None);
    let l = ledger(&r, &account);
    assert_eq!(l.trend.len(), 12);
    assert_eq!(l.trend.last().unwrap().day, now().date_naive());
    assert_eq!(l.trend.last().unwrap().trust, l.account_level.trust.score, "today's point is the ledger's");
    for pair in l.trend.windows(2) {
        assert_eq!(pair[1].day - pair[0].day, Duration::days(7));
    }
    let week_ago = l.trend[10].trust.unwrap();
    assert!(
        week_ago > l.account_level.trust.score.unwrap(),
        "the overdue promise came due this week: {:?}",
        l.trend
    );
    assert_eq!(ledger(&r, &account).trend, l.trend, "deterministic given now");
}

fn cli(dir: &TempDir) -> Command {
    let mut c = Command::cargo_bin("rapport").unwrap();
    c.env("RAPPORT_DB", dir.path().join("rapport.db")).args(["--at", "2026-11-25T09:00:00Z"]);
    c
}

#[test]
fn the_command_line_prints_the_contract_as_json_and_the_parts_as_text() {
    let dir = TempDir::new().unwrap();
    let (mut r, account, ana) = kestrel(&dir, None);
    trusted_basics(&mut r, &account, &ana);
    drop(r);
    let out = cli(&dir).args(["trust", "kestrel", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["account", "account_id", "account_level", "people"] {
        assert!(v.get(key).is_some(), "the contract has {key}");
    }
    assert_eq!(v["account"], "Kestrel");
    let keys = |o: &Value| {
        let mut k: Vec<String> = o.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let person = &v["people"][0];
    assert_eq!(
        keys(person),
        ["contact_id", "credibility", "intimacy", "name", "reliability", "self_orientation", "trust"]
    );
    for part in ["credibility", "reliability", "intimacy", "self_orientation", "trust"] {
        assert_eq!(keys(&person[part]), ["evidence", "next_step", "score"], "{part}");
        assert_eq!(keys(&v["account_level"][part]), ["evidence", "next_step", "score"], "{part}");
        assert!(person[part]["score"].is_u64() || person[part]["score"].is_null());
    }
    let out = cli(&dir).args(["trust", "Kestrel"]).output().unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.starts_with("Kestrel — trust "), "{shown}");
    assert!(shown.contains("\nAna Ruiz\n  credibility"), "{shown}");
    assert!(shown.contains("Next: ") && shown.contains("Gives back: Ana Ruiz"), "{shown}");
}

#[test]
fn an_unknown_account_is_said_in_a_sentence() {
    let dir = TempDir::new().unwrap();
    let (r, _, _) = kestrel(&dir, None);
    let err = r.trust("Nobody", now()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "No account is called \"Nobody\". Run `rapport account list` to see the names, or add it with `rapport account add`."
    );
    drop(r);
    let out = cli(&dir).args(["trust", "Nobody"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("No account is called \"Nobody\""));
}

#[test]
fn the_ladder_takes_the_trust_step_second_once_and_in_place_of_keep_it_up_at_the_top() {
    use rapport::engine::health::AdvisorLevel;
    let mut level = AdvisorLevel {
        level: 2,
        name: "reliable partner".into(),
        evidence: Vec::new(),
        next_steps: vec!["Reach out first.".into(), "Another step.".into()],
    };
    level.with_trust_step("self_orientation", 80, "Make the next touch about their goals.");
    level.with_trust_step("self_orientation", 80, "Make the next touch about their goals.");
    assert_eq!(level.next_steps.len(), 3, "added once: {:?}", level.next_steps);
    assert_eq!(
        level.next_steps[1],
        "Build trust where it is weakest, self-orientation (80): Make the next touch about their goals."
    );
    let mut top = AdvisorLevel {
        level: 4,
        name: "trusted advisor".into(),
        evidence: Vec::new(),
        next_steps: vec!["Keep it up: serve their goals and keep every promise.".into()],
    };
    top.with_trust_step("intimacy", 40, "Ask Ana what she wants.");
    assert_eq!(top.next_steps, ["Build trust where it is weakest, intimacy (40): Ask Ana what she wants."]);
}
