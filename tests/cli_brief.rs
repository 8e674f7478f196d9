//! `rapport brief` on a real database, pinned with `--at`: which meeting it prepares when none is
//! named, each goal asked about once, every culture note somewhere, the user's request clocks.

use assert_cmd::Command;
use tempfile::TempDir;

const AT: &str = "2026-11-23T10:00:00Z";

fn rapport(dir: &TempDir, at: &str) -> Command {
    let mut cmd = Command::cargo_bin("rapport").unwrap();
    cmd.env("RAPPORT_DB", dir.path().join("rapport.db")).env("TZ", "UTC").arg("--at").arg(at);
    cmd
}

fn run(dir: &TempDir, at: &str, args: &[&str]) -> String {
    let o = rapport(dir, at).args(args).output().unwrap();
    assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

/// Kestrel in Berlin with Annika Vogt, their executive.
fn kestrel() -> TempDir {
    let dir = TempDir::new().unwrap();
    run(&dir, AT, &["account", "add", "Kestrel", "--timezone", "Europe/Berlin"]);
    run(&dir, AT, &["contact", "add", "kestrel", "Annika Vogt", "--level", "executive"]);
    dir
}

fn meeting(dir: &TempDir, title: &str, start: &str) {
    run(dir, AT, &["meeting", "add", "kestrel", title, "--start", start, "--with", "Annika Vogt"]);
}

/// The brief's first heading: which meeting it is for, if any.
fn title(dir: &TempDir, at: &str) -> String {
    run(dir, at, &["brief", "kestrel"]).lines().next().unwrap().to_string()
}

#[test]
fn brief_without_a_meeting_prepares_the_next_one_within_the_coming_week() {
    let dir = kestrel();
    meeting(&dir, "Last week's review", "2026-11-16T10:00:00Z");
    assert_eq!(title(&dir, AT), "# Brief: Kestrel", "a past meeting is not briefed");

    meeting(&dir, "Too far", "2026-11-30T10:01:00Z");
    assert_eq!(title(&dir, AT), "# Brief: Kestrel", "seven days and a minute ahead is not the coming week");
    let md = run(&dir, AT, &["brief", "kestrel", "--meeting", "next"]);
    assert!(md.starts_with("# Brief: Kestrel — Too far"), "--meeting next looks as far as it must");

    meeting(&dir, "Workshop", "2026-11-27T09:00:00Z");
    meeting(&dir, "Steering committee", "2026-11-25T15:00:00Z");
    let md = run(&dir, AT, &["brief", "kestrel"]);
    assert!(md.starts_with("# Brief: Kestrel — Steering committee\n"), "the earlier of two:\n{md}");
    assert!(
        md.contains("## The meeting\n\n- **When:** Wed 25 Nov 2026, 16:00 their time (Europe/Berlin)"),
        "{md}"
    );
    assert!(md.contains("## Who attends\n\n### Annika Vogt"), "{md}");

    let json: serde_json::Value =
        serde_json::from_str(&run(&dir, AT, &["brief", "kestrel", "--format", "json"])).unwrap();
    assert_eq!(json["meeting"]["title"], "Steering committee", "the JSON brief says the same");
    assert_eq!(title(&dir, "2026-11-26T09:00:00Z"), "# Brief: Kestrel — Workshop", "once the first is over");
    assert_eq!(title(&dir, "2036-01-01T09:00:00Z"), "# Brief: Kestrel", "far in the future, all are past");
}

#[test]
fn each_goal_is_asked_about_once() {
    let dir = kestrel();
    // Inferred, and never progressed: both the "is that right?" and the "how is it going?".
    run(
        &dir,
        "2026-08-01T10:00:00Z",
        &["goal", "add", "kestrel", "Cut operating costs by 10%", "--inferred"],
    );
    let md = run(&dir, AT, &["brief", "kestrel"]);
    let questions = md.split("## Questions worth asking").nth(1).unwrap();
    assert_eq!(questions.matches("Cut operating costs by 10%").count(), 1, "{questions}");
    assert!(questions.contains("is that right, and how is it going?"), "{questions}");
}

#[test]
fn every_culture_category_reaches_the_brief() {
    let categories = [
        "communication",
        "decision_making",
        "etiquette",
        "dress",
        "travel_expense",
        "calendar",
        "language",
        "other",
    ];
    let dir = kestrel();
    for category in categories {
        run(&dir, AT, &["culture", "add", "kestrel", "--category", category, &format!("Note on {category}")]);
    }
    // Markdown shows an underscore escaped, as `\_`.
    let note = |category: &str| format!("Note on {}", category.replace('_', "\\_"));
    let md = run(&dir, AT, &["brief", "kestrel"]);
    for category in categories {
        assert_eq!(md.matches(&note(category)).count(), 1, "{category} once:\n{md}");
    }

    meeting(&dir, "Steering committee", "2026-11-25T15:00:00Z");
    let md = run(&dir, AT, &["brief", "kestrel"]);
    let (meeting, rest) = md.split_once("## Who attends").unwrap();
    assert!(meeting.contains("- **Calendar and holidays:** Note on calendar"), "{meeting}");
    assert!(meeting.contains("- **Travel and expenses:** Note on travel\\_expense"), "{meeting}");
    let reminders = rest.split("## Culture reminders").nth(1).unwrap().split("## Goals").next().unwrap();
    assert!(reminders.contains("- **Other:** Note on other"), "{reminders}");
    for category in categories {
        assert_eq!(md.matches(&note(category)).count(), 1, "{category} once, with the meeting");
    }
}

#[test]
fn the_brief_counts_a_requests_clocks_as_the_user_set_them() {
    let dir = kestrel();
    run(
        &dir,
        AT,
        &["request", "add", "kestrel", "A quote for two more sites", "--received", "2026-11-22T04:00:00Z"],
    );
    let md = run(&dir, AT, &["brief", "kestrel"]);
    assert!(md.contains("**not acknowledged**; **answer overdue by 6 h**"), "24 h by default:\n{md}");

    // The user allows themselves two days to answer (Settings in the app).
    let now = AT.parse().unwrap();
    let mut r = rapport::Rapport::open(&dir.path().join("rapport.db"), now).unwrap();
    let settings = r.settings().unwrap();
    r.save_settings(&rapport::domain::Settings { request_answer_hours: 48, ..settings }).unwrap();
    drop(r);
    let md = run(&dir, AT, &["brief", "kestrel"]);
    assert!(
        md.contains("**not acknowledged**; answer due in 18 h, by Tue 24 Nov 2026, 05:00 their time"),
        "{md}"
    );
}
