//! The touch figures the database keeps by trigger agree with the history itself, through
//! every change a user can make — so the fast path and the plain one suggest the same.

use chrono::{DateTime, Utc};
use rapport::Rapport;
use rapport::domain::InteractionDraft;
use rapport::engine::checkins::{Settings, Touches, needs, suggest, suggest_for};
use rapport::store::RecordKind;
use tempfile::TempDir;

mod common;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

fn assert_agree(r: &Rapport, when: &str) {
    let settings = Settings::default();
    let fast = r.store().checkin_accounts(&needs(now(), &settings)).unwrap();
    let full = r.store().bundles().unwrap();
    assert_eq!(fast.len(), full.len());
    for (f, b) in fast.iter().zip(&full) {
        let plain = Touches::from_interactions(&b.interactions);
        assert_eq!(f.touches.last, plain.last, "{when}: last touch of {}", b.account.name);
        assert_eq!(
            f.touches.last_strategic, plain.last_strategic,
            "{when}: last strategic touch of {}",
            b.account.name
        );
        let live: Vec<_> = b.contacts.iter().map(|c| c.id.clone()).collect();
        let mut expected: Vec<_> = plain.last_with.iter().filter(|(c, _)| live.contains(c)).collect();
        let mut got: Vec<_> = f.touches.last_with.iter().collect();
        expected.sort();
        got.sort();
        assert_eq!(got, expected, "{when}: last touch per person at {}", b.account.name);
    }
    let (mut a, mut b) = (suggest_for(&fast, now(), &settings), suggest(&full, now(), &settings));
    a.sort_by(|x, y| x.key.cmp(&y.key));
    b.sort_by(|x, y| x.key.cmp(&y.key));
    assert_eq!(a.len(), b.len(), "{when}: as many suggestions");
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y, "{when}: the same suggestion for {}", x.account);
    }
}

#[test]
fn the_kept_touch_figures_match_the_history_through_every_change() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    r.fill_demo(3, now()).unwrap();
    assert_agree(&r, "after the demo");

    let account = r.accounts(now()).unwrap()[0].id.clone();
    let page = r.account_page(&account, now()).unwrap();
    let last = page.interactions[0].clone();
    r.archive(RecordKind::Interaction, &last.id, now()).unwrap();
    assert_agree(&r, "after archiving the last touch");
    r.restore(RecordKind::Interaction, &last.id).unwrap();
    assert_agree(&r, "after restoring it");

    let moved = InteractionDraft {
        account_id: account.clone(),
        occurred_at: Some("2025-01-01T10:00:00Z".into()),
        summary: last.summary.clone(),
        contact_ids: vec![],
        strategic: true,
        ..Default::default()
    };
    r.update_interaction(&last.id, moved, now()).unwrap();
    assert_agree(&r, "after moving it back in time, without its people, as strategic");

    let person = page.contacts[0].id.clone();
    r.log_interaction(
        InteractionDraft {
            account_id: account.clone(),
            summary: "Quick call".into(),
            contact_ids: vec![person.clone()],
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    assert_agree(&r, "after a new touch");
    r.archive(RecordKind::Contact, &person, now()).unwrap();
    assert_agree(&r, "after archiving a person");

    let text = r.export_archive(now()).unwrap();
    let mut copy = Rapport::open(&dir.path().join("copy.db"), now()).unwrap();
    copy.import_archive(&text, false, now()).unwrap();
    assert_agree(&copy, "after importing the archive");
    copy.import_archive(&text, false, now()).unwrap();
    assert_agree(&copy, "after importing it again over itself");
}

/// Logging a touch updates a Today list already on screen for that account alone, and the
/// result is exactly what judging every account again gives; any other write sets it aside.
#[test]
fn a_logged_touch_updates_today_incrementally_and_exactly() {
    use rapport::domain::{InteractionDraft, PromiseDraft};
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("rapport.db");
    let mut r = Rapport::open(&path, now()).unwrap();
    r.fill_demo(2026, now()).unwrap();
    let before = r.today(now()).unwrap();
    let due = before
        .iter()
        .find(|s| s.reasons.iter().any(|x| format!("{:?}", x.code).to_lowercase().contains("cadence")))
        .expect("the demo has an account due for a touch");
    let account = due.account_id.clone();
    r.log_interaction(
        InteractionDraft {
            account_id: account.clone(),
            summary: "Called to catch up".into(),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    let after = r.today(now()).unwrap();
    let judged_afresh = Rapport::open(&path, now()).unwrap().today(now()).unwrap();
    assert_eq!(after, judged_afresh, "incremental equals a full recompute");
    assert!(
        !after.iter().any(|s| s.key == due.key && s.fingerprint == due.fingerprint),
        "the touch answered it"
    );
    let others = |list: &[rapport::engine::checkins::Suggestion]| {
        list.iter().filter(|s| s.account_id != account).cloned().collect::<Vec<_>>()
    };
    assert_eq!(others(&after), others(&before), "the other accounts are untouched");

    // Any other write is not incremental: the next look judges everything again.
    r.add_promise(
        PromiseDraft {
            account_id: account.clone(),
            text: "Send the plan".into(),
            due_at: "2026-11-23T12:00:00Z".into(),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    assert_eq!(r.today(now()).unwrap(), Rapport::open(&path, now()).unwrap().today(now()).unwrap());
}

/// The window's page of Today: the day's budget, every breach even beyond it, no account
/// crowding out the others, and the rest under "More" in the list's own order.
#[test]
fn the_today_page_holds_the_budget_and_every_breach_and_counts_the_rest() {
    use rapport::engine::checkins::Urgency;
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    r.fill_demo(2026, now()).unwrap();
    let all = r.today(now()).unwrap();
    let breaches: Vec<&str> =
        all.iter().filter(|s| s.urgency == Urgency::Now).map(|s| s.key.as_str()).collect();
    assert!(!breaches.is_empty() && all.len() > 8, "the demo has breaches and more than a day's worth");

    let page = r.today_page(now(), None, 1000).unwrap();
    assert_eq!(page.budget, 8, "the default budget");
    assert_eq!(page.counts.iter().map(|c| c.count as usize).sum::<usize>(), all.len());
    assert!(page.counts.windows(2).all(|w| w[0].urgency < w[1].urgency), "now, today, this week, later");
    assert_eq!(page.suggestions.len(), breaches.len().max(8));
    assert_eq!(page.more_count as usize, all.len() - page.suggestions.len());
    let shown: Vec<&str> = page.suggestions.iter().chain(&page.more).map(|s| s.key.as_str()).collect();
    let mut every: Vec<&str> = all.iter().map(|s| s.key.as_str()).collect();
    let mut seen = shown.clone();
    seen.sort();
    every.sort();
    assert_eq!(seen, every, "each check-in once, on the day's list or under More");
    for key in &breaches {
        assert!(page.suggestions.iter().any(|s| s.key == *key), "breach {key} on the day's list");
    }
    let order = |list: &[rapport::engine::checkins::Suggestion]| -> Vec<usize> {
        list.iter().map(|s| all.iter().position(|a| a.key == s.key).unwrap()).collect()
    };
    assert!(
        page.suggestions.windows(2).all(|w| w[0].urgency <= w[1].urgency),
        "grouped: now, today, this week, later"
    );
    for group in page.suggestions.chunk_by(|a, b| a.urgency == b.urgency) {
        assert!(order(group).windows(2).all(|w| w[0] < w[1]), "each group most urgent first");
    }
    assert!(order(&page.more).windows(2).all(|w| w[0] < w[1]), "More in the list's order");
    let accounts = |list: &[rapport::engine::checkins::Suggestion]| {
        let mut ids: Vec<&str> = list.iter().map(|s| s.account_id.as_str()).collect();
        ids.sort();
        ids.dedup();
        ids.len()
    };
    let chosen: Vec<_> = page.suggestions.iter().filter(|s| s.urgency != Urgency::Now).cloned().collect();
    let breach_accounts: Vec<&str> = page
        .suggestions
        .iter()
        .filter(|s| s.urgency == Urgency::Now)
        .map(|s| s.account_id.as_str())
        .collect();
    assert!(
        chosen.iter().all(|s| !breach_accounts.contains(&s.account_id.as_str())) || accounts(&all) <= 8,
        "the budget goes to accounts not yet on the list first"
    );
    assert_eq!(accounts(&chosen), chosen.len(), "no account twice while others wait");
    assert_eq!(page.over_budget.len(), breaches.len().saturating_sub(8));

    // A budget of one: every breach still shows, all but one said to be beyond it.
    let tight = r.today_page(now(), Some(1), 0).unwrap();
    assert_eq!(tight.suggestions.len(), breaches.len());
    assert_eq!(tight.over_budget.len(), breaches.len() - 1);
    assert!(tight.more.is_empty() && tight.more_count as usize == all.len() - breaches.len());
    let err = r.today_page(now(), Some(0), 0).unwrap_err();
    assert!(err.to_string().contains("at least one"), "{err}");
}

/// A check-in that is not on today's list cannot be acted on: nothing is written for it.
#[test]
fn acting_on_a_check_in_not_on_the_list_is_refused_and_writes_nothing() {
    use rapport::service::CaptureDraft;
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    r.fill_demo(2026, now()).unwrap();
    let before = r.store().suggestion_states().unwrap().len();
    let account = r.accounts(now()).unwrap()[0].id.clone();
    let draft = CaptureDraft {
        interaction: rapport::domain::InteractionDraft {
            account_id: account,
            summary: "Called".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    let interactions = r.account_page(&draft.interaction.account_id, now()).unwrap().timeline.len();
    for result in [
        r.dismiss("no-such-check-in", "x", now()).map(|_| ()),
        r.snooze("no-such-check-in", "x", "2026-12-01T09:00:00Z", now()).map(|_| ()),
        r.complete_checkin("no-such-check-in", draft.clone(), &[], now()).map(|_| ()),
    ] {
        let err = result.expect_err("refused");
        assert!(matches!(err, rapport::Error::NotFound { .. }), "{err:?}");
        assert!(err.to_string().contains("no longer on today's list"), "{err}");
    }
    assert_eq!(r.store().suggestion_states().unwrap().len(), before, "no state written");
    let after = r.account_page(&draft.interaction.account_id, now()).unwrap().timeline.len();
    assert_eq!(after, interactions, "no touch logged");
}

/// A goal asked about, or put aside, is left alone for the settable interval, then raised again
/// while it still has no progress.
#[test]
fn a_goal_put_aside_is_left_alone_for_the_interval_then_raised_again() {
    use rapport::engine::checkins::{ReasonCode, Suggestion};
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    r.fill_demo(2026, now()).unwrap();
    let goals_in = |list: &[Suggestion]| -> Vec<String> {
        list.iter()
            .flat_map(|s| &s.reasons)
            .filter(|r| r.code == ReasonCode::GoalCheck)
            .flat_map(|r| r.evidence.iter().chain(&r.related))
            .map(|e| e.id.clone())
            .collect()
    };
    let list = r.today(now()).unwrap();
    let s = list.iter().find(|s| s.reasons.iter().any(|r| r.code == ReasonCode::GoalCheck)).unwrap().clone();
    let asked = goals_in(std::slice::from_ref(&s));
    assert!(!asked.is_empty());
    r.dismiss(&s.key, &s.fingerprint, now()).unwrap();
    let raised = |days: i64| {
        let later = r.today(now() + chrono::Duration::days(days)).unwrap();
        goals_in(&later).iter().any(|g| asked.contains(g))
    };
    assert!(!raised(1), "not the next day");
    assert!(!raised(29), "not within the 30 days");
    assert!(raised(31), "raised again once the interval has passed, still without progress");
}

/// The sentence that explains a rank names a due time only when it is the check-in's own, and a
/// proactive touch is never due before the moment it is shown.
#[test]
fn a_check_ins_sentences_agree_with_its_own_dates() {
    use rapport::engine::checkins::Clock;
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    r.fill_demo(2026, now()).unwrap();
    for days in [0, 3, 9] {
        let at = now() + chrono::Duration::days(days);
        for s in r.today(at).unwrap() {
            let said = ["(due in ", "past due)", "(due now)"].iter().any(|w| s.priority_reason.contains(w));
            if said {
                assert_eq!(s.reasons[0].due_at, s.due_at, "{}: {:?}", s.priority_reason, s.reasons);
            }
            for reason in s.reasons.iter().filter(|r| r.clock == Clock::Proactive) {
                assert!(reason.due_at >= at, "{reason:?}");
            }
        }
    }
}

/// Issue 24: Done settles what it claims. A request waiting on its acknowledgement stays after a
/// touch that did not acknowledge it; acknowledged with the touch, it leaves, and the reason the
/// touch was not about (a birthday) stays either way.
#[test]
fn done_settles_the_reason_it_was_for_and_what_waits_on_a_change_stays() {
    use rapport::domain::{ContactDraft, DateKind, ImportantDate, RequestDraft};
    use rapport::engine::checkins::{ReasonCode, Settle};
    use rapport::service::{CaptureDraft, Settlement};
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    let (account, annika) = common::kestrel_with_annika(&mut r, "Kestrel", now());
    let birthday = (now() + chrono::Duration::days(3)).format("--%m-%d").to_string();
    let dates = vec![ImportantDate { kind: DateKind::Birthday, date: birthday, label: None }];
    let draft =
        ContactDraft { account_id: account.clone(), name: "Annika Vogt".into(), dates, ..Default::default() };
    r.update_contact(&annika, draft, now()).unwrap();
    let received = (now() - chrono::Duration::hours(2)).to_rfc3339();
    let request = r
        .add_request(
            RequestDraft {
                account_id: account.clone(),
                contact_id: Some(annika.clone()),
                received_at: Some(received),
                text: "Quote for ten scanners".into(),
            },
            now(),
        )
        .unwrap();
    let codes = |r: &Rapport| -> Vec<ReasonCode> {
        r.today(now()).unwrap().iter().flat_map(|s| s.reasons.iter().map(|x| x.code)).collect()
    };
    let card = r
        .today(now())
        .unwrap()
        .into_iter()
        .find(|s| s.contact_id.as_deref() == Some(annika.as_str()))
        .unwrap();
    assert_eq!(card.reasons[0].settles, Some(Settle::AcknowledgeRequest));
    let touch = |summary: &str| CaptureDraft {
        interaction: InteractionDraft {
            account_id: account.clone(),
            contact_ids: vec![annika.clone()],
            summary: summary.into(),
            ..Default::default()
        },
        ..Default::default()
    };

    // A change this check-in does not offer is refused, and nothing is written.
    let before = common::contents(&dir.path().join("rapport.db"));
    let stray = [Settlement { settle: Settle::KeepPromise, record_id: request.id.clone() }];
    assert!(r.complete_checkin(&card.key, touch("Called"), &stray, now()).is_err());
    assert_eq!(common::contents(&dir.path().join("rapport.db")), before);

    r.complete_checkin(&card.key, touch("Called about something else"), &[], now()).unwrap();
    assert!(codes(&r).contains(&ReasonCode::UnansweredRequest), "not acknowledged, so it stays");
    assert!(codes(&r).contains(&ReasonCode::PersonalDate), "the birthday was not what the touch was for");

    let card = r
        .today(now())
        .unwrap()
        .into_iter()
        .find(|s| s.contact_id.as_deref() == Some(annika.as_str()))
        .unwrap();
    let ack = [Settlement { settle: Settle::AcknowledgeRequest, record_id: request.id.clone() }];
    r.complete_checkin(&card.key, touch("Told Annika we are on it"), &ack, now()).unwrap();
    assert!(!codes(&r).contains(&ReasonCode::UnansweredRequest), "acknowledged with the touch, it leaves");
    assert!(codes(&r).contains(&ReasonCode::PersonalDate), "the birthday still stays");
    let stored = r.account_page(&account, now()).unwrap().requests;
    assert_eq!(stored[0].acknowledged_at, Some(now()), "acknowledged at the moment of the touch");
}

/// Issue 24: a snooze or a dismissal can be undone, and what is put aside is listed, to bring back.
#[test]
fn a_check_in_put_aside_is_listed_and_comes_back_by_undo_or_by_hand() {
    use rapport::store::SuggestionAction;
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    r.fill_demo(2026, now()).unwrap();
    let on_today = |r: &Rapport, key: &str| r.today(now()).unwrap().iter().any(|s| s.key == key);
    let list = r.today(now()).unwrap();
    let (first, second) = (list[0].clone(), list[1].clone());

    let undo = r.dismiss(&first.key, &first.fingerprint, now()).unwrap();
    assert!(!on_today(&r, &first.key));
    let aside = r.put_aside(now()).unwrap();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        (aside[0].account.as_str(), aside[0].action),
        (first.account.as_str(), SuggestionAction::Dismissed)
    );
    assert_eq!(aside[0].contact, first.contact);
    r.undo_put_aside(&undo).unwrap();
    assert!(on_today(&r, &first.key), "undone: back as it was");
    assert!(r.put_aside(now()).unwrap().is_empty());

    r.snooze(&second.key, &second.fingerprint, "2026-11-30T09:00:00Z", now()).unwrap();
    assert!(!on_today(&r, &second.key));
    let again = r.bring_back(&second.key, now()).unwrap();
    assert!(on_today(&r, &second.key), "brought back by hand");
    r.undo_put_aside(&again).unwrap();
    assert!(!on_today(&r, &second.key), "and that can be undone too: snoozed again");
    let err = r.bring_back("no-such-check-in", now()).unwrap_err();
    assert!(err.to_string().contains("not put aside"), "{err}");
}
