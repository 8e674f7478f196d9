//! Health over time in a real database: daily snapshots with an honest back-fill, the review
//! baseline and what changed since, and the weights the user chose.

use chrono::{DateTime, Duration, Utc};
use rapport::Rapport;
use rapport::domain::{IssueDraft, Severity};
use rapport::engine::health::{Band, Weights};
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

fn demo(dir: &TempDir) -> Rapport {
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    r.fill_demo(2026, now()).unwrap();
    r
}

#[test]
fn the_first_review_takes_today_and_rebuilds_the_last_90_days() {
    let dir = TempDir::new().unwrap();
    let mut r = demo(&dir);
    let review = r.health_review(now()).unwrap();
    assert_eq!(review.accounts.len(), 15);
    let today = now().date_naive();
    for a in &review.accounts {
        let points = &a.trend.points;
        assert_eq!(points.last().unwrap().day, today);
        assert_eq!(points.last().unwrap().score, a.health.score, "today's point is the live score");
        assert!(!points.last().unwrap().reconstructed);
        assert!(points.len() > 60, "{}: {} days of trend", a.health.account, points.len());
        assert!(points[..points.len() - 1].iter().all(|p| p.reconstructed), "rebuilt days say so");
    }
    let history = r.store().trend_points_since(today - Duration::days(400)).unwrap();
    let rows: usize = history.values().map(Vec::len).sum();
    r.health_review(now() + Duration::hours(3)).unwrap();
    let again: usize =
        r.store().trend_points_since(today - Duration::days(400)).unwrap().values().map(Vec::len).sum();
    assert_eq!(rows, again, "a second look the same day adds nothing");
}

#[test]
fn a_day_taken_is_never_replaced_by_a_rebuilt_one() {
    let dir = TempDir::new().unwrap();
    let mut r = demo(&dir);
    let earlier = now() - Duration::days(5);
    r.health_review(earlier).unwrap();
    let taken = |r: &Rapport| {
        r.store()
            .trend_points_since(earlier.date_naive())
            .unwrap()
            .values()
            .flatten()
            .filter(|s| s.day == earlier.date_naive())
            .map(|s| s.reconstructed)
            .collect::<Vec<_>>()
    };
    assert!(taken(&r).iter().all(|rebuilt| !rebuilt));
    r.health_review(now()).unwrap();
    assert!(taken(&r).iter().all(|rebuilt| !rebuilt), "the day it was taken stays as taken");
    assert_eq!(taken(&r).len(), 15);
    let days = r.store().trend_points_since(earlier.date_naive()).unwrap();
    assert!(days.values().all(|s| s.len() == 6), "the four days between were filled in");
}

#[test]
fn marking_the_review_read_sets_the_baseline_for_what_changed() {
    let dir = TempDir::new().unwrap();
    let mut r = demo(&dir);
    let first = r.health_review(now()).unwrap();
    assert_eq!(first.reviewed_at, None);
    let healthy = first.accounts.iter().find(|a| a.health.band == Band::Healthy).unwrap();
    let id = healthy.health.account_id.clone();

    r.mark_reviewed(now()).unwrap();
    let later = now() + Duration::hours(2);
    let calm = r.health_review(later).unwrap();
    assert_eq!(calm.reviewed_at, Some(now()));
    let same = calm.accounts.iter().find(|a| a.health.account_id == id).unwrap();
    let ch = same.changes.as_ref().unwrap();
    assert!(ch.since_review && ch.components.is_empty() && ch.new_penalties.is_empty(), "{ch:?}");

    r.open_issue(
        IssueDraft {
            account_id: id.clone(),
            title: "Invoices doubled".into(),
            severity: Some(Severity::Critical),
            opened_at: None,
            notes: None,
        },
        later,
    )
    .unwrap();
    let after = r.health_review(later).unwrap();
    let hit = after.accounts.iter().find(|a| a.health.account_id == id).unwrap();
    let ch = hit.changes.as_ref().unwrap();
    assert_eq!(ch.new_penalties, vec!["Open issue \"Invoices doubled\" (critical).".to_string()]);
    assert_eq!(ch.score_before, healthy.health.score);
    assert_eq!(hit.health.score, healthy.health.score.map(|s| s.saturating_sub(10)));
    let today = r.store().account_snapshots(&id, later.date_naive()).unwrap();
    assert_eq!(today.last().unwrap().score, hit.health.score, "today's snapshot follows the score");
}

#[test]
fn the_weights_are_kept_checked_and_used() {
    let dir = TempDir::new().unwrap();
    let mut r = demo(&dir);
    assert_eq!(r.health_weights().unwrap(), Weights::default());
    let refused = r.save_health_weights(&Weights { engagement: 250, ..Weights::default() });
    assert!(refused.unwrap_err().to_string().contains("between 0 and 100"));
    assert_eq!(r.health_weights().unwrap(), Weights::default(), "a refused change leaves nothing behind");

    let mine = Weights { reliability: 60, ..Weights::default() };
    r.save_health_weights(&mine).unwrap();
    drop(r);
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    assert_eq!(r.health_weights().unwrap(), mine, "kept across restarts");
    let review = r.health_review(now()).unwrap();
    let reliability = &review.accounts[0].health.components[0];
    assert_eq!((reliability.name.as_str(), reliability.weight), ("reliability", 60));
}

#[test]
fn one_accounts_health_has_its_history_for_the_chart() {
    let dir = TempDir::new().unwrap();
    let mut r = demo(&dir);
    let id = r.find_account("maison").unwrap().id;
    let page = r.account_health(&id, now()).unwrap();
    assert_eq!(page.review.health.account, "Maison Vérité");
    assert!(page.history.len() > 60);
    assert_eq!(page.history.last().unwrap().day, now().date_naive());
    assert_eq!(page.history.last().unwrap().score, page.review.health.score);
    assert!(page.history.windows(2).all(|w| w[0].day < w[1].day), "oldest first, one per day");
    assert!(r.account_health("no-such-account", now()).is_err());
}

#[test]
fn the_review_reads_only_recent_history_and_judges_exactly_as_with_all_of_it() {
    use rapport::engine::health::history::backfill;
    use rapport::engine::health::{review, review_judged};
    use rapport::service::{judging, rebuilding};
    let dir = TempDir::new().unwrap();
    let r = demo(&dir);
    let weights = Weights::default();
    let full = r.store().bundles().unwrap();

    // Judging today reads no touch at all: the store counts them.
    let judged = r.store().recent_bundles(judging(now()), None).unwrap();
    assert!(judged.iter().all(|b| b.interactions.is_empty()), "no touch is read one by one");
    let figures = r.store().touch_figures(now(), None).unwrap();
    assert_eq!(
        review_judged(&judged, &figures, now(), &weights),
        review(&full, now(), &weights),
        "and the review is the one all of the history gives"
    );
    // Rebuilding the last 90 days reads 270, each touch with its people.
    let rebuilt = r.store().recent_bundles(rebuilding(now()), None).unwrap();
    let all_touches: usize = full.iter().map(|b| b.interactions.len()).sum();
    let read: usize = rebuilt.iter().map(|b| b.interactions.len()).sum();
    assert!(read < all_touches / 2, "read {read} of {all_touches} touches");
    assert!(rebuilt.iter().flat_map(|b| &b.interactions).all(|i| i.summary.is_empty()), "and no text");
    assert_eq!(review(&rebuilt, now(), &weights), review(&full, now(), &weights));
    let today = now().date_naive();
    for (w, f) in rebuilt.iter().zip(&full) {
        assert_eq!(
            backfill(w, &[], today, &weights),
            backfill(f, &[], today, &weights),
            "{}",
            f.account.name
        );
    }
    let one = r.store().recent_bundles(judging(now()), Some(&full[3].account.id)).unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].account.id, full[3].account.id);
}

#[test]
fn days_missing_from_a_complete_history_are_rebuilt_as_from_all_of_it() {
    use rapport::engine::health::history::backfill;
    let dir = TempDir::new().unwrap();
    let mut r = demo(&dir);
    // A look five days ago fills the 90 days before it; today's look finds four days missing.
    r.health_review(now() - Duration::days(5)).unwrap();
    r.health_review(now()).unwrap();
    let today = now().date_naive();
    let missing: Vec<_> = (1..=4).map(|n| today - Duration::days(n)).collect();
    let weights = Weights::default();
    for b in r.store().bundles().unwrap() {
        let stored = r.store().account_snapshots(&b.account.id, today - Duration::days(90)).unwrap();
        let have: Vec<_> = stored.iter().map(|s| s.day).filter(|d| !missing.contains(d)).collect();
        let mut expected = backfill(&b, &have, today, &weights);
        expected.sort_by_key(|s| s.day);
        let rebuilt: Vec<_> = stored.into_iter().filter(|s| missing.contains(&s.day)).collect();
        assert_eq!(rebuilt.len(), 4, "{}", b.account.name);
        assert_eq!(rebuilt, expected, "{}", b.account.name);
    }
}

#[test]
fn the_touch_figures_the_store_counts_equal_those_of_the_touches_themselves() {
    use rapport::domain::{AccountDraft, ContactDraft, InteractionDraft};
    use rapport::store::RecordKind;
    let codec_instant = |t: DateTime<Utc>| t.to_rfc3339();
    use rapport::engine::health::TouchFigures;
    let dir = TempDir::new().unwrap();
    let mut r = demo(&dir);
    // An account quiet for most of a year, touched again today: judged yesterday, its last
    // touch is the one of 300 days ago, not today's.
    let quiet =
        r.add_account(AccountDraft { name: "Quiet GmbH".into(), ..Default::default() }, now()).unwrap().id;
    let person = |r: &mut Rapport, account: &str, name: &str| {
        r.add_contact(
            ContactDraft { account_id: account.into(), name: name.into(), ..Default::default() },
            now(),
        )
        .unwrap()
        .id
    };
    let ines = person(&mut r, &quiet, "Ines Quiet");
    let log = |r: &mut Rapport, account: &str, who: &str, days_ago: i64| {
        let at = codec_instant(now() - Duration::days(days_ago));
        r.log_interaction(
            InteractionDraft {
                account_id: account.into(),
                summary: "A word".into(),
                occurred_at: Some(at),
                contact_ids: vec![who.to_string()],
                ..Default::default()
            },
            now(),
        )
        .unwrap()
        .id
    };
    log(&mut r, &quiet, &ines, 300);
    log(&mut r, &quiet, &ines, 0);
    // A touch archived counts nowhere, nor does the person it was with.
    let other = r.find_account("maison").unwrap().id;
    let nobody = person(&mut r, &other, "Only Archived");
    let gone = log(&mut r, &other, &nobody, 10);
    r.archive(RecordKind::Interaction, &gone, now()).unwrap();

    let yesterday = r.store().touch_figures(now() - Duration::days(1), Some(&quiet)).unwrap();
    assert_eq!(yesterday[&quiet].last, Some(now() - Duration::days(300)));
    let today = r.store().touch_figures(now(), None).unwrap();
    assert!(!today[&other].people.contains(&nobody));
    let full = r.store().bundles().unwrap();
    for days_back in [0, 1, 45, 200, 400] {
        let at = now() - Duration::days(days_back);
        let counted = r.store().touch_figures(at, None).unwrap();
        for b in &full {
            let expected = TouchFigures::of(&b.interactions, at);
            let got = counted.get(&b.account.id).cloned().unwrap_or_default();
            assert_eq!(got, expected, "{} at {at}", b.account.name);
        }
        let one = r.store().touch_figures(at, Some(&full[2].account.id)).unwrap();
        assert!(one.keys().all(|id| *id == full[2].account.id));
    }
}

/// Issue 24: "Mark reviewed" can be taken back: the review is measured from the baselines it had.
#[test]
fn marking_reviewed_can_be_taken_back() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut r = rapport::Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    r.fill_demo(2026, now()).unwrap();
    assert!(r.undo_mark_reviewed().is_err(), "nothing to take back yet");
    let first = r.mark_reviewed(now()).unwrap();
    let later = now() + chrono::Duration::days(3);
    r.mark_reviewed(later).unwrap();
    assert_eq!(r.health_review(later).unwrap().reviewed_at, Some(later));
    r.undo_mark_reviewed().unwrap();
    assert_eq!(r.health_review(later).unwrap().reviewed_at, Some(first), "back to the review before");
    assert!(r.undo_mark_reviewed().is_err(), "once only");
}
