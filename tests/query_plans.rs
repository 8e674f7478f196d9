//! The hot reads use their indexes: no step of their plans walks a whole table of history
//! (touches, promises, requests, issues, meetings). Plans are SQLite's own, for the statements
//! as they ran, on a real file.

use chrono::{DateTime, Utc};
use rapport::Rapport;
use rapport::engine::checkins::{Settings, needs};
use rapport::service::{briefing, judging, rebuilding};
use rapport::store::Plan;
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

const HISTORY: [&str; 7] = [
    "interactions",
    "interaction_contacts",
    "promises",
    "requests",
    "issues",
    "meetings",
    "meeting_attendees",
];

/// A step that reads every row of a history table, rather than searching an index or
/// scanning a partial one kept for exactly this read.
fn full_scans(plans: &[Plan]) -> Vec<String> {
    plans
        .iter()
        .flat_map(|p| {
            p.steps.iter().filter_map(move |step| {
                let scan = step.strip_prefix("SCAN ")?;
                let table = scan.split_whitespace().next()?;
                let of_history =
                    HISTORY.contains(&table) || (table == "i" && p.sql.contains("interactions i"));
                let partial = step.contains("USING INDEX promises_to_keep")
                    || step.contains("USING INDEX requests_waiting")
                    || step.contains("USING INDEX issues_needing_care");
                (of_history && !partial).then(|| format!("{step}  ←  {}", p.sql))
            })
        })
        .collect()
}

#[test]
fn the_hot_reads_never_scan_the_history() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    r.fill_demo(2026, now()).unwrap();
    let id = r.find_account("kestrel").unwrap().id;
    let brief_window = briefing(now(), Some(now() - chrono::Duration::days(200)), None);
    // Its records back to the last meeting with the same people, when that was long ago.
    let brief_back_to_a_meeting =
        briefing(now(), Some(now() - chrono::Duration::days(2)), Some(now() - chrono::Duration::days(400)));
    let mut store = rapport::store::Store::open(&dir.path().join("rapport.db"), now()).unwrap();
    let reads: Vec<(&str, Vec<Plan>)> = vec![
        ("today", store.plans_of(|s| s.checkin_accounts(&needs(now(), &Settings::default()))).unwrap()),
        (
            "today for one account",
            store
                .plans_of(|s| s.checkin_accounts_of(&needs(now(), &Settings::default()), Some(&id)))
                .unwrap(),
        ),
        ("health review", store.plans_of(|s| s.recent_bundles(judging(now()), None)).unwrap()),
        (
            "rebuilding 90 days of health",
            store.plans_of(|s| s.recent_bundles(rebuilding(now()), None)).unwrap(),
        ),
        ("one account's health", store.plans_of(|s| s.recent_bundles(judging(now()), Some(&id))).unwrap()),
        ("the touch figures", store.plans_of(|s| s.touch_figures(now(), None)).unwrap()),
        ("one account's touch figures", store.plans_of(|s| s.touch_figures(now(), Some(&id))).unwrap()),
        ("the brief's recent months", store.plans_of(|s| s.recent_bundles(brief_window, Some(&id))).unwrap()),
        (
            "the brief's months back to the last meeting",
            store.plans_of(|s| s.recent_bundles(brief_back_to_a_meeting, Some(&id))).unwrap(),
        ),
        ("the brief's meetings", store.plans_of(|s| s.meetings(&id)).unwrap()),
        (
            "the brief's newest touches",
            store.plans_of(|s| s.oldest_of_newest_touches(&id, now(), 5)).unwrap(),
        ),
        ("the brief's touches", store.plans_of(|s| s.touches(&id)).unwrap()),
        ("the timeline", store.plans_of(|s| s.timeline(&id, 200)).unwrap()),
        ("the trend", store.plans_of(|s| s.trend_points_since(now().date_naive())).unwrap()),
        (
            "the snapshots of a month ago",
            store.plans_of(|s| s.snapshots_between(now().date_naive(), now().date_naive())).unwrap(),
        ),
        ("search", store.plans_of(|s| s.search("plan", 60)).unwrap()),
    ];
    for (what, plans) in &reads {
        assert!(!plans.is_empty(), "{what}: the trace saw its statements");
        let scans = full_scans(plans);
        assert!(scans.is_empty(), "{what} scans the history:\n{}", scans.join("\n"));
    }
    // One account's health is read at every visit to its tab: it reads no table whole, not even
    // the kept last touches of every person.
    let one = store.plans_of(|s| s.touch_figures(now(), Some(&id))).unwrap();
    let scans: Vec<String> = one
        .iter()
        .flat_map(|p| p.steps.iter().filter(|s| s.starts_with("SCAN ")).map(|s| format!("{s}  ←  {}", p.sql)))
        .collect();
    assert!(scans.is_empty(), "one account's touch figures scan a table:\n{}", scans.join("\n"));
}
