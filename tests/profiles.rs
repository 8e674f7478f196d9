//! The whole client profile through the core, against real database files.

use chrono::{DateTime, Utc};
use rapport::Rapport;
use rapport::domain::{
    AccountDraft, ContactDraft, CultureCategory, CultureNoteDraft, DateKind, Direction, GoalDraft, GoalKind,
    GoalStatus, ImportantDate, InteractionDraft, IssueDraft, IssueStep, MeetingDraft, PromiseDraft,
    PromiseOutcome, PromiseStatus, RequestDraft, RequestStep, TimelineKind,
};
use rapport::error::Error;
use rapport::service::CaptureDraft;
use rapport::store::RecordKind;
use tempfile::TempDir;

mod common;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

struct Fixture {
    _dir: TempDir,
    r: Rapport,
    account: String,
    annika: String,
    jonas: String,
}

fn fixture() -> Fixture {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    let (account, annika) = common::kestrel_with_annika(&mut r, "Kestrel Logistik", now());
    let jonas = r
        .add_contact(
            ContactDraft {
                account_id: account.clone(),
                name: "Jonas Keller".into(),
                reports_to: Some(annika.clone()),
                ..Default::default()
            },
            now(),
        )
        .unwrap()
        .id;
    Fixture { _dir: dir, r, account, annika, jonas }
}

fn other_account(r: &mut Rapport) -> (String, String) {
    let a =
        r.add_account(AccountDraft { name: "Maison Vérité".into(), ..Default::default() }, now()).unwrap().id;
    let c = r
        .add_contact(
            ContactDraft { account_id: a.clone(), name: "Hélène Marchand".into(), ..Default::default() },
            now(),
        )
        .unwrap()
        .id;
    (a, c)
}

fn field_of(err: &Error) -> &'static str {
    match err {
        Error::Validation { field, .. } => field,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn every_kind_of_record_appears_on_the_account_page() {
    let mut f = fixture();
    let a = f.account.clone();
    f.r.add_culture_note(
        CultureNoteDraft {
            account_id: a.clone(),
            category: Some(CultureCategory::DecisionMaking),
            text: "Works council signs off staff tools".into(),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    f.r.add_goal(
        GoalDraft {
            account_id: a.clone(),
            kind: Some(GoalKind::Personal),
            contact_id: Some(f.annika.clone()),
            title: "Become COO of the group".into(),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    f.r.add_promise(
        PromiseDraft {
            account_id: a.clone(),
            text: "Send the pilot plan".into(),
            made_at: Some("2026-11-20T10:00:00Z".into()),
            due_at: "2026-11-27T17:00:00Z".into(),
            contact_id: Some(f.annika.clone()),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    f.r.add_request(
        RequestDraft {
            account_id: a.clone(),
            contact_id: Some(f.jonas.clone()),
            text: "Quote for ten more scanners".into(),
            received_at: Some("2026-11-23T08:00:00Z".into()),
        },
        now(),
    )
    .unwrap();
    f.r.open_issue(
        IssueDraft {
            account_id: a.clone(),
            title: "Scanner sync outage".into(),
            opened_at: Some("2026-11-21T09:00:00Z".into()),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    f.r.add_meeting(
        MeetingDraft {
            account_id: a.clone(),
            starts_at: "2026-11-26T13:00:00Z".into(),
            title: "Quarterly review".into(),
            attendee_ids: vec![f.annika.clone()],
            ..Default::default()
        },
        now(),
    )
    .unwrap();

    let page = f.r.account_page(&a, now()).unwrap();
    assert_eq!(page.culture_notes.len(), 1);
    assert_eq!(page.goals[0].title, "Become COO of the group");
    assert_eq!(page.promises[0].status, PromiseStatus::Open);
    assert_eq!(page.requests[0].text, "Quote for ten more scanners");
    assert_eq!(page.issues[0].title, "Scanner sync outage");
    assert_eq!(page.meetings[0].attendee_ids, vec![f.annika.clone()]);
    let kinds: Vec<TimelineKind> = page.timeline.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        vec![TimelineKind::RequestReceived, TimelineKind::IssueOpened, TimelineKind::PromiseMade],
        "newest first; the meeting is still ahead, so not history yet"
    );
}

#[test]
fn quick_capture_records_everything_said_in_one_interaction() {
    let mut f = fixture();
    let captured =
        f.r.capture(
            CaptureDraft {
                interaction: InteractionDraft {
                    account_id: f.account.clone(),
                    summary: "Pilot review call".into(),
                    contact_ids: vec![f.annika.clone()],
                    ..Default::default()
                },
                promises: vec![
                    PromiseDraft {
                        text: "Send revised plan".into(),
                        due_at: "2026-11-25T17:00:00Z".into(),
                        ..Default::default()
                    },
                    PromiseDraft {
                        direction: Some(Direction::Theirs),
                        text: "Share site list".into(),
                        due_at: "2026-11-24T17:00:00Z".into(),
                        contact_id: Some(f.annika.clone()),
                        ..Default::default()
                    },
                ],
                request: Some(RequestDraft {
                    text: "Can the pilot start in December?".into(),
                    ..Default::default()
                }),
                goal: Some(GoalDraft { title: "Two sites live before peak".into(), ..Default::default() }),
            },
            now(),
        )
        .unwrap();
    assert!(
        captured
            .promises
            .iter()
            .all(|p| p.interaction_id.as_deref() == Some(captured.interaction.id.as_str()))
    );
    let page = f.r.account_page(&f.account, now()).unwrap();
    assert_eq!(page.promises.len(), 2);
    assert_eq!(page.requests[0].received_at, now(), "received when the interaction happened");
    assert_eq!(page.goals.len(), 1);
}

#[test]
fn a_bad_part_of_a_quick_capture_saves_nothing_at_all() {
    let mut f = fixture();
    let (_, helene) = other_account(&mut f.r);
    let err =
        f.r.capture(
            CaptureDraft {
                interaction: InteractionDraft {
                    account_id: f.account.clone(),
                    summary: "Call".into(),
                    ..Default::default()
                },
                promises: vec![PromiseDraft {
                    text: "Send plan".into(),
                    due_at: "2026-11-25T17:00:00Z".into(),
                    contact_id: Some(helene),
                    ..Default::default()
                }],
                ..Default::default()
            },
            now(),
        )
        .unwrap_err();
    assert_eq!(field_of(&err), "promises");
    assert!(err.to_string().starts_with("Promise 1: Hélène Marchand works at another account"), "{err}");
    let page = f.r.account_page(&f.account, now()).unwrap();
    assert!(page.interactions.is_empty() && page.promises.is_empty(), "the interaction was rolled back too");
}

#[test]
fn bad_input_gets_a_sentence_naming_its_field_and_writes_nothing() {
    let mut f = fixture();
    let a = f.account.clone();
    let (_, helene) = other_account(&mut f.r);
    let cases: Vec<(&str, Error)> = vec![
        (
            "name",
            f.r.add_account(AccountDraft { name: " \t ".into(), ..Default::default() }, now()).unwrap_err(),
        ),
        (
            "timezone",
            f.r.add_account(
                AccountDraft {
                    name: "X".into(),
                    timezone: Some("Europe/Atlantis".into()),
                    ..Default::default()
                },
                now(),
            )
            .unwrap_err(),
        ),
        (
            "name",
            f.r.add_contact(
                ContactDraft { account_id: a.clone(), name: "   ".into(), ..Default::default() },
                now(),
            )
            .unwrap_err(),
        ),
        (
            "due_at",
            f.r.add_promise(
                PromiseDraft {
                    account_id: a.clone(),
                    text: "Plan".into(),
                    made_at: Some("2026-11-20T10:00:00Z".into()),
                    due_at: "2026-11-19T10:00:00Z".into(),
                    ..Default::default()
                },
                now(),
            )
            .unwrap_err(),
        ),
        (
            "contact_id",
            f.r.add_promise(
                PromiseDraft {
                    account_id: a.clone(),
                    text: "Plan".into(),
                    due_at: "2026-11-30T10:00:00Z".into(),
                    contact_id: Some(helene.clone()),
                    ..Default::default()
                },
                now(),
            )
            .unwrap_err(),
        ),
        (
            "notes",
            f.r.open_issue(
                IssueDraft {
                    account_id: a.clone(),
                    title: "Outage".into(),
                    notes: Some("x".repeat(20_001)),
                    ..Default::default()
                },
                now(),
            )
            .unwrap_err(),
        ),
        (
            "text",
            f.r.add_culture_note(
                CultureNoteDraft { account_id: a.clone(), text: "   ".into(), ..Default::default() },
                now(),
            )
            .unwrap_err(),
        ),
        (
            "ends_at",
            f.r.add_meeting(
                MeetingDraft {
                    account_id: a.clone(),
                    title: "Review".into(),
                    starts_at: "2026-11-26T13:00:00Z".into(),
                    ends_at: Some("2026-11-26T12:00:00Z".into()),
                    ..Default::default()
                },
                now(),
            )
            .unwrap_err(),
        ),
        (
            "attendee_ids",
            f.r.add_meeting(
                MeetingDraft {
                    account_id: a.clone(),
                    title: "Review".into(),
                    starts_at: "2026-11-26T13:00:00Z".into(),
                    attendee_ids: vec![helene.clone()],
                    ..Default::default()
                },
                now(),
            )
            .unwrap_err(),
        ),
        (
            "dates",
            f.r.add_contact(
                ContactDraft {
                    account_id: a.clone(),
                    name: "Leonie".into(),
                    dates: vec![ImportantDate {
                        kind: DateKind::Birthday,
                        date: "--02-30".into(),
                        label: None,
                    }],
                    ..Default::default()
                },
                now(),
            )
            .unwrap_err(),
        ),
    ];
    for (field, err) in &cases {
        assert_eq!(field_of(err), *field, "{err}");
        assert!(err.to_string().ends_with('.'), "a whole sentence: {err}");
    }
    let page = f.r.account_page(&a, now()).unwrap();
    assert_eq!(page.contacts.len(), 2);
    assert!(
        page.promises.is_empty()
            && page.issues.is_empty()
            && page.culture_notes.is_empty()
            && page.meetings.is_empty()
    );
    assert_eq!(f.r.accounts(now()).unwrap().len(), 2);
}

#[test]
fn a_reports_to_loop_is_refused() {
    let mut f = fixture();
    let err =
        f.r.update_contact(
            &f.annika.clone(),
            ContactDraft {
                name: "Annika Vogt".into(),
                reports_to: Some(f.jonas.clone()),
                ..Default::default()
            },
            now(),
        )
        .unwrap_err();
    assert_eq!(field_of(&err), "reports_to");
    assert!(err.to_string().contains("cannot report to someone who reports to them"), "{err}");
    let page = f.r.account_page(&f.account, now()).unwrap();
    assert_eq!(page.contacts.iter().find(|c| c.id == f.annika).unwrap().reports_to, None);
}

#[test]
fn a_year_less_birthday_is_kept_as_a_calendar_day() {
    let mut f = fixture();
    let c =
        f.r.update_contact(
            &f.jonas.clone(),
            ContactDraft {
                name: "Jonas Keller".into(),
                reports_to: Some(f.annika.clone()),
                dates: vec![ImportantDate { kind: DateKind::Birthday, date: "--03-14".into(), label: None }],
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    let page = f.r.account_page(&f.account, now()).unwrap();
    assert_eq!(page.contacts.iter().find(|x| x.id == c.id).unwrap().dates[0].date, "--03-14");
}

#[test]
fn promises_are_kept_renegotiated_or_broken() {
    let mut f = fixture();
    let p =
        f.r.add_promise(
            PromiseDraft {
                account_id: f.account.clone(),
                text: "Send plan".into(),
                made_at: Some("2026-11-20T10:00:00Z".into()),
                due_at: "2026-11-22T17:00:00Z".into(),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    let kept =
        f.r.settle_promise(
            &p.id,
            PromiseOutcome {
                status: PromiseStatus::Kept,
                completed_at: None,
                new_due_at: None,
                extra: Some("Added a rollout checklist".into()),
            },
            now(),
        )
        .unwrap();
    assert!(kept.kept_late(), "kept on the 23rd, due the 22nd");
    assert_eq!(kept.extra.as_deref(), Some("Added a rollout checklist"));
    let page = f.r.account_page(&f.account, now()).unwrap();
    assert!(page.timeline.iter().any(|e| e.kind == TimelineKind::PromiseKept));
}

#[test]
fn requests_and_issues_move_through_their_steps() {
    let mut f = fixture();
    let req =
        f.r.add_request(
            RequestDraft {
                account_id: f.account.clone(),
                text: "Quote".into(),
                received_at: Some("2026-11-23T08:00:00Z".into()),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    let answered =
        f.r.mark_request(&req.id, RequestStep::Answered, Some("2026-11-23T09:00:00Z"), now()).unwrap();
    assert_eq!(answered.acknowledged_at, answered.answered_at, "an answer acknowledges too");
    assert!(
        f.r.mark_request(&req.id, RequestStep::Resolved, Some("2026-11-23T07:00:00Z"), now()).is_err(),
        "not before it arrived"
    );

    let issue =
        f.r.open_issue(
            IssueDraft {
                account_id: f.account.clone(),
                title: "Outage".into(),
                opened_at: Some("2026-11-20T09:00:00Z".into()),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    let err = f.r.mark_issue(&issue.id, IssueStep::FollowedUp, None, now()).unwrap_err();
    assert!(err.to_string().contains("Resolve it first"), "{err}");
    f.r.mark_issue(&issue.id, IssueStep::Resolved, Some("2026-11-21T09:00:00Z"), now()).unwrap();
    let done = f.r.mark_issue(&issue.id, IssueStep::FollowedUp, None, now()).unwrap();
    assert_eq!(done.followed_up_at, Some(now()));
}

#[test]
fn goals_collect_progress_and_change_status() {
    let mut f = fixture();
    let g =
        f.r.add_goal(
            GoalDraft {
                account_id: f.account.clone(),
                title: "Cut picking errors by half".into(),
                target_date: Some("2027-06-30".into()),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    let g = f
        .r
        .add_goal_progress(&g.id, "Error rate down 20% at Hamburg", Some(GoalStatus::OnTrack), None, now())
        .unwrap();
    assert_eq!(g.status, GoalStatus::OnTrack);
    let edited =
        f.r.update_goal(
            &g.id,
            GoalDraft {
                title: "Cut picking errors by 60%".into(),
                status: Some(GoalStatus::OnTrack),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    assert_eq!(edited.progress.len(), 1, "editing keeps the progress notes");
}

#[test]
fn archiving_hides_a_record_and_undo_brings_it_back() {
    let mut f = fixture();
    let jonas = f.jonas.clone();
    let archived = f.r.archive(RecordKind::Contact, &jonas, now()).unwrap();
    assert_eq!(archived.label, "Jonas Keller");
    assert_eq!(f.r.account_page(&f.account, now()).unwrap().contacts.len(), 1);
    assert_eq!(f.r.archived().unwrap().len(), 1);
    assert!(f.r.search("jonas").unwrap().groups.is_empty(), "archived people leave search");

    f.r.restore(RecordKind::Contact, &jonas).unwrap();
    assert_eq!(f.r.account_page(&f.account, now()).unwrap().contacts.len(), 2);
    assert!(f.r.archived().unwrap().is_empty());
    assert_eq!(f.r.search("jonas").unwrap().groups.len(), 1, "and come back to it");
    assert!(f.r.restore(RecordKind::Contact, &jonas).is_err(), "restoring twice says so");
}

#[test]
fn search_ignores_case_and_accents_and_groups_by_kind() {
    let mut f = fixture();
    let (maison, helene) = other_account(&mut f.r);
    f.r.log_interaction(
        InteractionDraft {
            account_id: maison.clone(),
            summary: "Lunch with HÉLÈNE about the atelier".into(),
            contact_ids: vec![helene],
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    let results = f.r.search("helene").unwrap();
    let kinds: Vec<RecordKind> = results.groups.iter().map(|g| g.kind).collect();
    assert!(kinds.contains(&RecordKind::Contact) && kinds.contains(&RecordKind::Interaction), "{kinds:?}");
    let interaction = &results.groups.iter().find(|g| g.kind == RecordKind::Interaction).unwrap().hits[0];
    assert_eq!(interaction.account_name, "Maison Vérité");
    assert!(interaction.snippet.iter().any(|f| f.hit && f.text == "HÉLÈNE"), "{:?}", interaction.snippet);
    assert_eq!(f.r.search("veri").unwrap().groups[0].kind, RecordKind::Account, "prefix of the last word");
    assert!(f.r.search("\"unbalanced OR (").unwrap().groups.is_empty(), "operators are just words");
}

#[test]
fn an_archived_account_leaves_search_even_when_its_matches_outnumber_the_rest() {
    let mut f = fixture();
    let (maison, _) = other_account(&mut f.r);
    // More matches than search shows, all better ranked (the word twice) and newer than the
    // live account's one: none may take a place from it.
    f.r.log_interaction(
        InteractionDraft {
            account_id: f.account.clone(),
            summary: "Walked the forklift audit with Annika".into(),
            occurred_at: Some("2026-11-20T10:00:00Z".into()),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    for n in 0..(rapport::service::SEARCH_LIMIT + 10) {
        f.r.log_interaction(
            InteractionDraft {
                account_id: maison.clone(),
                summary: format!("Audit {n}: the audit of the atelier"),
                occurred_at: Some("2026-11-21T10:00:00Z".into()),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    }
    let before = f.r.search("audit").unwrap();
    let hits = |r: &rapport::store::SearchResults| r.groups.iter().map(|g| g.hits.len()).sum::<usize>();
    assert_eq!(hits(&before) as u32, rapport::service::SEARCH_LIMIT, "the search shows at most its limit");
    assert!(
        before.groups.iter().flat_map(|g| &g.hits).all(|h| h.account_name == "Maison Vérité"),
        "the better-ranked matches come first"
    );

    f.r.archive(RecordKind::Account, &maison, now()).unwrap();
    let after = f.r.search("audit").unwrap();
    let names: Vec<&str> =
        after.groups.iter().flat_map(|g| &g.hits).map(|h| h.account_name.as_str()).collect();
    assert_eq!(names, vec!["Kestrel Logistik"], "only the live account's touch is found");
}
