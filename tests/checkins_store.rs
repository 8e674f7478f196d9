//! The touch figures the database keeps by trigger agree with the history itself, through
//! every change a user can make — so the fast path and the plain one suggest the same.

use chrono::{DateTime, Utc};
use rapport::Rapport;
use rapport::domain::InteractionDraft;
use rapport::engine::checkins::{Settings, Touches, needs, suggest, suggest_for};
use rapport::store::RecordKind;
use tempfile::TempDir;

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

/// The window's page of Today: each group cut to its first few, in the list's own order, with
/// how many each group holds.
#[test]
fn the_today_page_keeps_each_groups_most_pressing_and_counts_the_rest() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    r.fill_demo(2026, now()).unwrap();
    let all = r.today(now()).unwrap();
    let page = r.today_page(now(), 2).unwrap();
    let total: u32 = page.counts.iter().map(|c| c.count).sum();
    assert_eq!(total as usize, all.len());
    for c in &page.counts {
        let of_group: Vec<_> = all.iter().filter(|s| s.urgency == c.urgency).collect();
        assert_eq!(c.count as usize, of_group.len());
        let shown: Vec<_> = page.suggestions.iter().filter(|s| s.urgency == c.urgency).collect();
        assert_eq!(shown.len(), of_group.len().min(2));
        assert!(shown.iter().zip(&of_group).all(|(a, b)| a == b), "the most pressing first");
    }
    assert!(page.counts.windows(2).all(|w| w[0].urgency < w[1].urgency), "now, today, this week");
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
        r.dismiss("no-such-check-in", "x", now()),
        r.snooze("no-such-check-in", "x", "2026-12-01T09:00:00Z", now()),
        r.complete_checkin("no-such-check-in", "x", draft.clone(), now()).map(|_| ()),
    ] {
        let err = result.expect_err("refused");
        assert!(matches!(err, rapport::Error::NotFound { .. }), "{err:?}");
        assert!(err.to_string().contains("no longer on today's list"), "{err}");
    }
    assert_eq!(r.store().suggestion_states().unwrap().len(), before, "no state written");
    let after = r.account_page(&draft.interaction.account_id, now()).unwrap().timeline.len();
    assert_eq!(after, interactions, "no touch logged");
}
