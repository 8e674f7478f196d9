//! The value review (issue 20): the page handed to the client. Built through the public service
//! on a real SQLite file at a pinned moment: a marker planted in every internal field never
//! reaches either format, while the client-safe facts do; evidence is linked to goals by the
//! documented rule and bounded by the period; questions come from the data; markup stays text;
//! and the command line prints or writes it.

use assert_cmd::Command;
use chrono::{DateTime, Utc};
use predicates::prelude::*;
use rapport::Rapport;
use rapport::domain::*;
use rapport::service::BriefFormat;
use tempfile::TempDir;

mod common;

const AT: &str = "2026-12-03T10:00:00Z";

fn now() -> DateTime<Utc> {
    AT.parse().unwrap()
}

/// Every internal field's marker: none may be read in a document for the client.
const INTERNAL: [&str; 13] = [
    "ZQ-ACCOUNT-NOTES",
    "ZQ-CONTACT-NOTES",
    "ZQ-CULTURE-ACCOUNT",
    "ZQ-CULTURE-PERSON",
    "ZQ-PERSONAL-TITLE",
    "ZQ-PERSONAL-DETAIL",
    "ZQ-OURS-GOAL",
    "ZQ-OUR-COMPANY-GOAL",
    "ZQ-INFERRED-GOAL",
    "ZQ-GOAL-DETAIL",
    "ZQ-PRIVATE-TOUCH",
    "ZQ-AGENDA",
    "ZQ-ISSUE-NOTES",
];

/// Not internal, but left out by the review's rules: a touch that served our goals, a touch they
/// started (not ours to claim), a goal they dropped.
const LEFT_OUT: [&str; 3] = ["ZQ-SERVES-OURS", "ZQ-THEY-STARTED", "ZQ-DROPPED-GOAL"];

/// Words that would betray a judgement, a role or a stance.
const INTERNAL_WORDS: [&str; 19] = [
    "champion",
    "blocker",
    "economic buyer",
    "decision maker",
    "gatekeeper",
    "influencer",
    "influence",
    "supportive",
    "resistant",
    "stance",
    "sentiment",
    "health",
    "trust",
    "score",
    "strategic",
    "renewal",
    "14 feb 2027",
    "2027-02-14",
    "inferred",
];

struct Desk {
    _dir: TempDir,
    r: Rapport,
    account: Id,
}

fn day(s: &str) -> Option<chrono::NaiveDate> {
    Some(s.parse().unwrap())
}

fn add_goal(r: &mut Rapport, account: &Id, kind: GoalKind, title: &str, more: GoalDraft) -> Id {
    let draft = GoalDraft { account_id: account.clone(), kind: Some(kind), title: title.into(), ..more };
    r.add_goal(draft, now()).unwrap().id
}

fn touch(r: &mut Rapport, account: &Id, at: &str, summary: &str, more: InteractionDraft) {
    let draft = InteractionDraft {
        account_id: account.clone(),
        occurred_at: Some(at.into()),
        summary: summary.into(),
        ..more
    };
    r.log_interaction(draft, now()).unwrap();
}

fn meeting(r: &mut Rapport, account: &Id, at: &str, title: &str, attendees: Vec<Id>, agenda: &str) {
    let draft = MeetingDraft {
        account_id: account.clone(),
        starts_at: at.into(),
        title: title.into(),
        attendee_ids: attendees,
        agenda: Some(agenda.into()),
        ..Default::default()
    };
    r.add_meeting(draft, now()).unwrap();
}

fn resolved_issue(r: &mut Rapport, account: &Id, opened: &str, resolved: &str, title: &str) {
    let draft = IssueDraft {
        account_id: account.clone(),
        title: title.into(),
        opened_at: Some(opened.into()),
        notes: Some("ZQ-ISSUE-NOTES".into()),
        ..Default::default()
    };
    let id = r.open_issue(draft, now()).unwrap().id;
    r.mark_issue(&id, IssueStep::Resolved, Some(resolved), now()).unwrap();
}

fn promise(r: &mut Rapport, account: &Id, direction: Direction, text: &str, made: &str, due: &str) -> Id {
    let draft = PromiseDraft {
        account_id: account.clone(),
        direction: Some(direction),
        text: text.into(),
        made_at: Some(made.into()),
        due_at: due.into(),
        ..Default::default()
    };
    r.add_promise(draft, now()).unwrap().id
}

fn kept(r: &mut Rapport, id: &str, at: &str, extra: Option<&str>) {
    let outcome = PromiseOutcome {
        status: PromiseStatus::Kept,
        completed_at: Some(at.into()),
        new_due_at: None,
        extra: extra.map(str::to_string),
    };
    r.settle_promise(id, outcome, now()).unwrap();
}

/// Kestrel in Berlin, every internal field marked, and the client-safe facts of the quarter
/// (3 Sep – 3 Dec 2026) beside some from before it.
fn desk() -> Desk {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    let account = AccountDraft {
        name: "Kestrel Logistik GmbH".into(),
        timezone: Some("Europe/Berlin".into()),
        tier: Some(Tier::Strategic),
        renewal_date: Some("2027-02-14".into()),
        notes: Some("ZQ-ACCOUNT-NOTES".into()),
        ..Default::default()
    };
    let account = r.add_account(account, now()).unwrap().id;
    let person = |name: &str, roles: Vec<BuyingRole>, stance: Stance| ContactDraft {
        account_id: account.clone(),
        name: name.into(),
        level: Some(Level::Executive),
        notes: Some("ZQ-CONTACT-NOTES".into()),
        roles,
        influence: Some(Influence::High),
        stance: Some(stance),
        ..Default::default()
    };
    let annika =
        person("Annika Vogt", vec![BuyingRole::Champion, BuyingRole::EconomicBuyer], Stance::Supportive);
    let annika = r.add_contact(annika, now()).unwrap().id;
    let bernd = person("Bernd Kühn", vec![BuyingRole::Blocker, BuyingRole::Gatekeeper], Stance::Resistant);
    let bernd = r.add_contact(bernd, now()).unwrap().id;
    for (about, text) in [(None, "ZQ-CULTURE-ACCOUNT"), (Some(bernd.clone()), "ZQ-CULTURE-PERSON")] {
        let note = CultureNoteDraft {
            account_id: account.clone(),
            contact_id: about,
            text: text.into(),
            ..Default::default()
        };
        r.add_culture_note(note, now()).unwrap();
    }

    // Goals: three stated company goals; every other kind, an inferred one and a dropped one marked.
    let claims = GoalDraft {
        contact_id: Some(annika.clone()),
        detail: Some("ZQ-GOAL-DETAIL".into()),
        status: Some(GoalStatus::OnTrack),
        target_date: Some("2027-03-31".into()),
        ..Default::default()
    };
    let claims = add_goal(&mut r, &account, GoalKind::Company, "Cut claims processing time by 30%", claims);
    r.add_goal_progress(&claims, "OUTSIDE-PERIOD-PROGRESS", None, Some("2026-07-01T09:00:00Z"), now())
        .unwrap();
    r.add_goal_progress(&claims, "Backlog halved in October", None, Some("2026-11-02T09:00:00Z"), now())
        .unwrap();
    let app = add_goal(&mut r, &account, GoalKind::Company, "Launch the driver app", GoalDraft::default());
    r.add_goal_progress(
        &app,
        "Live in all depots",
        Some(GoalStatus::Achieved),
        Some("2026-11-20T09:00:00Z"),
        now(),
    )
    .unwrap();
    let austria = GoalDraft { target_date: Some("2027-06-30".into()), ..Default::default() };
    add_goal(&mut r, &account, GoalKind::Company, "Expand into Austria", austria);
    let personal = GoalDraft {
        contact_id: Some(annika.clone()),
        detail: Some("ZQ-PERSONAL-DETAIL".into()),
        ..Default::default()
    };
    add_goal(&mut r, &account, GoalKind::Personal, "ZQ-PERSONAL-TITLE", personal);
    add_goal(&mut r, &account, GoalKind::Ours, "ZQ-OURS-GOAL", GoalDraft::default());
    add_goal(&mut r, &account, GoalKind::OurCompany, "ZQ-OUR-COMPANY-GOAL", GoalDraft::default());
    let inferred = GoalDraft { stated: Some(false), ..Default::default() };
    add_goal(&mut r, &account, GoalKind::Company, "ZQ-INFERRED-GOAL", inferred);
    let dropped = GoalDraft { status: Some(GoalStatus::Dropped), ..Default::default() };
    add_goal(&mut r, &account, GoalKind::Company, "ZQ-DROPPED-GOAL", dropped);

    // Touches: a public extra, one about Annika alone, and the ones that must stay in.
    let ours = InteractionDraft { serves: Some(Serves::Theirs), sentiment: Some(2), ..Default::default() };
    touch(&mut r, &account, "2026-10-05T09:00:00Z", "Shared a benchmark of claims tools", ours.clone());
    let alone = InteractionDraft { contact_ids: vec![annika.clone()], ..ours.clone() };
    touch(&mut r, &account, "2026-11-12T09:00:00Z", "Coffee about roadmap priorities", alone);
    touch(&mut r, &account, "2026-06-01T09:00:00Z", "OUTSIDE-PERIOD-TOUCH", ours.clone());
    let private = InteractionDraft { private: true, ..ours.clone() };
    touch(&mut r, &account, "2026-10-06T09:00:00Z", "ZQ-PRIVATE-TOUCH", private);
    let for_us = InteractionDraft {
        strategic: true,
        serves: Some(Serves::Ours),
        sentiment: Some(-2),
        ..Default::default()
    };
    touch(&mut r, &account, "2026-10-07T09:00:00Z", "ZQ-SERVES-OURS", for_us);
    let theirs = InteractionDraft { initiated_by: Some(Initiator::Them), ..ours.clone() };
    touch(&mut r, &account, "2026-10-08T09:00:00Z", "ZQ-THEY-STARTED", theirs);

    // Meetings, issues, promises and a request, in the period and before it.
    meeting(&mut r, &account, "2026-11-10T09:00:00Z", "Claims workshop", vec![annika.clone()], "ZQ-AGENDA");
    meeting(&mut r, &account, "2026-05-05T09:00:00Z", "OUTSIDE-PERIOD-MEETING", vec![], "");
    meeting(
        &mut r,
        &account,
        "2026-12-10T09:00:00Z",
        "Quarterly business review",
        vec![annika.clone()],
        "ZQ-AGENDA",
    );
    resolved_issue(
        &mut r,
        &account,
        "2026-10-01T09:00:00Z",
        "2026-10-03T09:00:00Z",
        "Driver app login fails",
    );
    resolved_issue(&mut r, &account, "2026-04-01T09:00:00Z", "2026-04-03T09:00:00Z", "OUTSIDE-PERIOD-ISSUE");
    let dashboard = promise(
        &mut r,
        &account,
        Direction::Ours,
        "Send the claims dashboard",
        "2026-10-01T09:00:00Z",
        "2026-10-20T09:00:00Z",
    );
    kept(&mut r, &dashboard, "2026-10-18T09:00:00Z", Some("a training video for the team"));
    let venue = promise(
        &mut r,
        &account,
        Direction::Ours,
        "Book the offsite venue",
        "2026-10-01T09:00:00Z",
        "2026-10-25T09:00:00Z",
    );
    kept(&mut r, &venue, "2026-10-24T09:00:00Z", None);
    let old = promise(
        &mut r,
        &account,
        Direction::Ours,
        "OUTSIDE-PERIOD-PROMISE",
        "2026-03-01T09:00:00Z",
        "2026-03-20T09:00:00Z",
    );
    kept(&mut r, &old, "2026-03-19T09:00:00Z", None);
    promise(
        &mut r,
        &account,
        Direction::Ours,
        "Send the rollout plan",
        "2026-11-20T09:00:00Z",
        "2026-12-15T09:00:00Z",
    );
    promise(
        &mut r,
        &account,
        Direction::Theirs,
        "Share the depot list",
        "2026-11-01T09:00:00Z",
        "2026-11-30T09:00:00Z",
    );
    let request = RequestDraft {
        account_id: account.clone(),
        received_at: Some("2026-12-01T09:00:00Z".into()),
        text: "Can we get a monthly claims report?".into(),
        ..Default::default()
    };
    r.add_request(request, now()).unwrap();
    Desk { _dir: dir, r, account }
}

impl Desk {
    fn both(&self, from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>) -> [String; 2] {
        [BriefFormat::Markdown, BriefFormat::Html]
            .map(|f| self.r.value_review(&self.account, from, to, f, now()).unwrap())
    }
}

#[test]
fn no_internal_field_reaches_either_format_while_the_client_safe_facts_do() {
    let d = desk();
    for doc in d.both(None, None) {
        for marker in INTERNAL {
            assert!(!doc.contains(marker), "{marker} reached the client's page:\n{doc}");
        }
        for marker in LEFT_OUT {
            assert!(!doc.contains(marker), "{marker} is left out by rule:\n{doc}");
        }
        let lower = doc.to_lowercase();
        for word in INTERNAL_WORDS {
            assert!(!lower.contains(word), "\"{word}\" reached the client's page:\n{doc}");
        }
        for fact in [
            "Kestrel Logistik GmbH — Value review",
            "Cut claims processing time by 30%",
            "on track",
            "Backlog halved in October",
            "Launch the driver app",
            "achieved",
            "Live in all depots",
            "Claims workshop",
            "Driver app login fails",
            "Send the claims dashboard",
            "a training video for the team",
            "Shared a benchmark of claims tools",
            "Book the offsite venue",
            "Send the rollout plan",
            "Quarterly business review",
            "Can we get a monthly claims report?",
            "Annika Vogt",
        ] {
            assert!(doc.contains(fact), "{fact} is missing:\n{doc}");
        }
    }
}

#[test]
fn evidence_goes_under_the_goal_it_shares_words_with_or_whose_owner_it_is_about() {
    let d = desk();
    let review = d.r.value_review_outline(&d.account, None, None, now()).unwrap();
    let goal = |title: &str| review.goals.iter().find(|g| g.title == title).unwrap();
    let texts = |title: &str| goal(title).evidence.iter().map(|e| e.text.clone()).collect::<Vec<_>>();
    assert_eq!(
        texts("Cut claims processing time by 30%"),
        [
            "Shared a benchmark of claims tools",
            "Send the claims dashboard",
            "Claims workshop",
            "Coffee about roadmap priorities"
        ]
    );
    let claims = goal("Cut claims processing time by 30%");
    assert_eq!(claims.evidence[0].linked_by.as_deref(), Some("shares the words claims"));
    assert_eq!(claims.evidence[3].linked_by.as_deref(), Some("about Annika Vogt"), "her touch alone");
    assert_eq!(texts("Launch the driver app"), ["Driver app login fails"]);
    assert!(texts("Expand into Austria").is_empty());
    let also: Vec<&str> = review.also_delivered.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(also, ["Book the offsite venue"]);
    let titles: Vec<&str> = review.goals.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Cut claims processing time by 30%", "Expand into Austria", "Launch the driver app"],
        "open goals by target day, achieved ones after; never personal, ours, inferred or dropped"
    );
}

#[test]
fn next_steps_and_questions_come_from_the_data() {
    let d = desk();
    let review = d.r.value_review_outline(&d.account, None, None, now()).unwrap();
    let next: Vec<(&str, Option<String>)> =
        review.next.iter().map(|n| (n.text.as_str(), n.on.map(|d| d.to_string()))).collect();
    assert_eq!(
        next,
        [
            ("Can we get a monthly claims report?", None),
            ("Quarterly business review", Some("2026-12-10".into())),
            ("Send the rollout plan", Some("2026-12-15".into())),
            ("Cut claims processing time by 30%", Some("2027-03-31".into())),
            ("Expand into Austria", Some("2027-06-30".into())),
        ]
    );
    assert_eq!(
        review.questions,
        [
            "What would success on \"Expand into Austria\" look like by 30 Jun 2027?",
            "What comes after \"Launch the driver app\"?",
            "Where does \"Share the depot list\" stand on your side? It was planned for 30 Nov 2026.",
            "What should we do more of, or differently, in the next quarter?",
        ]
    );
    let again = d.r.value_review_outline(&d.account, None, None, now()).unwrap();
    assert_eq!(review, again, "the same data gives the same review");
}

#[test]
fn the_period_bounds_the_evidence_and_defaults_to_the_three_months_up_to_today() {
    let d = desk();
    let review = d.r.value_review_outline(&d.account, None, None, now()).unwrap();
    assert_eq!(
        (review.period.from, review.period.to),
        (day("2026-09-03").unwrap(), day("2026-12-03").unwrap())
    );
    let [md, _] = d.both(None, None);
    assert!(md.contains("_3 Sep 2026 to 3 Dec 2026 · prepared 3 Dec 2026_"), "{md}");
    for doc in d.both(None, None) {
        assert!(!doc.contains("OUTSIDE-PERIOD"), "{doc}");
    }
    // Spring and summer: only what happened then.
    for doc in d.both(day("2026-03-01"), day("2026-07-31")) {
        for fact in [
            "OUTSIDE-PERIOD-PROGRESS",
            "OUTSIDE-PERIOD-TOUCH",
            "OUTSIDE-PERIOD-MEETING",
            "OUTSIDE-PERIOD-ISSUE",
            "OUTSIDE-PERIOD-PROMISE",
        ] {
            assert!(doc.contains(fact), "{fact}:\n{doc}");
        }
        for later in ["Claims workshop", "Backlog halved", "Driver app login fails", "benchmark"] {
            assert!(!doc.contains(later), "{later}:\n{doc}");
        }
        for marker in INTERNAL {
            assert!(!doc.contains(marker), "{marker}:\n{doc}");
        }
    }
    // A single day: both ends are included.
    let review = d.r.value_review_outline(&d.account, day("2026-11-10"), day("2026-11-10"), now()).unwrap();
    let all: Vec<&str> = review.goals.iter().flat_map(|g| &g.evidence).map(|e| e.text.as_str()).collect();
    assert_eq!(all, ["Claims workshop"]);
}

#[test]
fn a_start_after_the_end_or_an_unknown_account_is_refused_in_a_sentence() {
    let d = desk();
    let err = d.r.value_review_outline(&d.account, day("2026-11-01"), day("2026-10-01"), now()).unwrap_err();
    assert!(matches!(err, rapport::error::Error::Validation { field: "from", .. }), "{err:?}");
    assert!(err.to_string().contains("Choose a start on or before the end."), "{err}");
    let err = d.r.value_review("no-such-account", None, None, BriefFormat::Markdown, now()).unwrap_err();
    assert!(matches!(err, rapport::error::Error::NotFound { .. }), "{err:?}");
    assert!(err.to_string().contains("no longer exists"), "{err}");
}

#[test]
fn markup_and_formulas_in_the_clients_words_stay_text_in_both_formats() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    let name = "<b>Acme</b> | **Ltd**";
    let account = r.add_account(AccountDraft { name: name.into(), ..Default::default() }, now()).unwrap().id;
    let hostile = "<script>alert(1)</script> **bold** [x](http://x) | =SUM(A1:A9) _it_ # h";
    let goal = add_goal(&mut r, &account, GoalKind::Company, hostile, GoalDraft::default());
    r.add_goal_progress(&goal, hostile, None, Some("2026-11-02T09:00:00Z"), now()).unwrap();
    let md = r.value_review(&account, None, None, BriefFormat::Markdown, now()).unwrap();
    let escaped =
        "\\<script\\>alert(1)\\</script\\> \\*\\*bold\\*\\* \\[x\\](http://x) \\| =SUM(A1:A9) \\_it\\_ \\# h";
    assert!(md.contains(&format!("### {escaped}")), "{md}");
    assert!(md.contains(&format!("**Progress, 2 Nov 2026:** {escaped}")), "{md}");
    assert!(md.starts_with("# \\<b\\>Acme\\</b\\> \\| \\*\\*Ltd\\*\\* — Value review"), "{md}");
    let html = r.value_review(&account, None, None, BriefFormat::Html, now()).unwrap();
    assert!(!html.contains("<script") && !html.contains("<b>Acme"), "no element from user text: {html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; **bold** [x](http://x) | =SUM(A1:A9) _it_ # h"),
        "{html}"
    );
    assert!(
        html.contains("@media print") && html.contains("default-src 'none'"),
        "printable, self-contained"
    );
    assert!(!html.contains("http-equiv=\"refresh\"") && !html.contains("src="), "nothing fetched");
}

#[test]
fn the_review_from_its_window_equals_the_review_from_the_whole_account() {
    use rapport::engine::review::{Period, value_review};
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    r.fill_demo(2026, now()).unwrap();
    for b in r.store().bundles().unwrap() {
        let zone: chrono_tz::Tz = b.account.timezone.parse().unwrap();
        let period = Period::around(None, None, now().with_timezone(&zone).date_naive());
        let whole = value_review(&b, period, now());
        assert_eq!(
            r.value_review_outline(&b.account.id, None, None, now()).unwrap(),
            whole,
            "{}",
            b.account.name
        );
    }
}

#[test]
fn a_saved_review_is_named_by_day_and_account_and_remembers_its_folder() {
    let mut d = desk();
    assert_eq!(d.r.value_review_folder().unwrap(), None);
    let name = d.r.value_review_file_name(&d.account, BriefFormat::Html, now()).unwrap();
    assert_eq!(name, "2026-12-03 Kestrel Logistik GmbH — Value review.html");
    let folder = d._dir.path().join("reviews");
    std::fs::create_dir(&folder).unwrap();
    d.r.save_value_review(&folder.join(&name), &d.account, None, None, BriefFormat::Html, now()).unwrap();
    assert!(std::fs::read_to_string(folder.join(&name)).unwrap().starts_with("<!doctype html>"));
    assert_eq!(d.r.value_review_folder().unwrap(), Some(folder));
}

// ---- The command line ----

fn rapport(dir: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("rapport").unwrap();
    cmd.env("RAPPORT_DB", dir.path().join("rapport.db")).env("TZ", "UTC").arg("--at").arg(AT);
    cmd
}

#[test]
fn the_command_prints_the_review_or_writes_it_into_a_folder() {
    let dir = TempDir::new().unwrap();
    rapport(&dir).arg("demo").assert().success();
    let before = common::contents(&dir.path().join("rapport.db"));
    rapport(&dir)
        .args(["review", "kestrel"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# Kestrel Logistik GmbH — Value review\n"))
        .stdout(predicate::str::contains("## Your goals and our progress"))
        .stdout(predicate::str::contains("## Questions for you"));
    rapport(&dir)
        .args(["review", "kestrel", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "html"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("<!doctype html>"))
        .stdout(predicate::str::contains("1 Oct 2026 to 31 Oct 2026"));
    let folder = dir.path().join("reviews");
    std::fs::create_dir(&folder).unwrap();
    rapport(&dir)
        .args(["review", "kestrel", "--out"])
        .arg(&folder)
        .assert()
        .success()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("Value review written to"));
    let written = folder.join("2026-12-03 Kestrel Logistik GmbH — Value review.md");
    assert!(std::fs::read_to_string(&written).unwrap().starts_with("# Kestrel Logistik GmbH — Value review"));
    assert!(before == common::contents(&dir.path().join("rapport.db")), "a review only reads");
    rapport(&dir)
        .args(["review", "kestrel", "--from", "2026-11-01", "--to", "2026-10-01"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Choose a start on or before the end."));
    rapport(&dir)
        .args(["review", "nobody"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("No account is called \"nobody\""));
    rapport(&dir)
        .args(["review", "kestrel", "--format", "pdf"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Use md, html or json."));
}

#[test]
fn a_long_quarter_stays_short_the_newest_shown_and_the_rest_counted() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    let account =
        r.add_account(AccountDraft { name: "Osprey".into(), ..Default::default() }, now()).unwrap().id;
    let ours = InteractionDraft { serves: Some(Serves::Theirs), ..Default::default() };
    for n in 1..=14 {
        touch(
            &mut r,
            &account,
            &format!("2026-10-{n:02}T09:00:00Z"),
            &format!("Extra number {n}"),
            ours.clone(),
        );
    }
    promise(
        &mut r,
        &account,
        Direction::Ours,
        "Send the figures",
        "2026-11-01T09:00:00Z",
        "2026-12-01T09:00:00Z",
    );
    let review = r.value_review_outline(&account, None, None, now()).unwrap();
    assert_eq!(review.also_delivered.len(), 14, "the data holds them all");
    let md = r.value_review(&account, None, None, BriefFormat::Markdown, now()).unwrap();
    assert!(md.contains("- … and 4 earlier items this period, not listed here.\n"), "{md}");
    assert!(!md.contains("Extra number 4\n") && md.contains("Extra number 5\n"), "{md}");
    assert!(md.contains("**We will deliver:** Send the figures — was due 1 Dec 2026"), "{md}");
    assert!(md.contains("Which goals matter most to you for the coming quarter"), "{md}");
}
