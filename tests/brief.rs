//! Briefs from the command line: a golden Markdown brief of a fixed portfolio at a fixed moment,
//! and user text that stays text in every format.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

const AT: &str = "2026-11-23T10:00:00Z";

fn rapport(dir: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("rapport").unwrap();
    cmd.env("RAPPORT_DB", dir.path().join("rapport.db")).env("TZ", "UTC").arg("--at").arg(AT);
    cmd
}

fn out(cmd: &mut Command) -> String {
    let o = cmd.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn the_markdown_brief_of_the_demo_matches_the_golden_file() {
    let dir = TempDir::new().unwrap();
    rapport(&dir).arg("demo").assert().success();
    let md = out(rapport(&dir).args(["brief", "kestrel", "--meeting", "next"]));
    let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/brief-kestrel.md");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &md).unwrap();
    }
    let expected =
        std::fs::read_to_string(&golden).expect("tests/golden/brief-kestrel.md (UPDATE_GOLDEN=1 writes it)");
    assert!(md == expected, "the brief changed; review it and run with UPDATE_GOLDEN=1:\n{md}");
    for heading in [
        "## The meeting",
        "## Who attends",
        "## Culture reminders",
        "## Goals",
        "## Promises",
        "## Recent history",
        "## Open requests",
        "## Issues",
        "## Relationship health",
        "## Talking points",
        "## Questions worth asking",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
}

#[test]
fn html_and_markdown_characters_in_notes_are_shown_as_text() {
    let dir = TempDir::new().unwrap();
    rapport(&dir).args(["account", "add", "Kestrel", "--timezone", "Europe/Berlin"]).assert().success();
    rapport(&dir)
        .args(["contact", "add", "kestrel", "Annika Vogt", "--level", "executive"])
        .assert()
        .success();
    let hostile = "<img src=x onerror=\"document.title='pwned'\"> **bold** [link](http://x) _it_";
    rapport(&dir).args(["culture", "add", "kestrel", "--category", "etiquette", hostile]).assert().success();

    let html = out(rapport(&dir).args(["brief", "kestrel", "--format", "html"]));
    assert!(!html.contains("<img"), "no element from user text");
    assert!(
        html.contains("&lt;img src=x onerror=\"document.title='pwned'\"&gt; **bold** [link](http://x) _it_")
    );
    assert!(
        html.contains("<style>") && !html.contains("<script") && !html.contains("http://x\""),
        "self-contained"
    );

    let md = out(rapport(&dir).args(["brief", "kestrel", "--format", "md"]));
    assert!(md.contains("\\<img src=x onerror=\"document.title='pwned'\"\\> \\*\\*bold\\*\\* \\[link\\](http://x) \\_it\\_"), "{md}");
}

#[test]
fn the_json_brief_holds_every_section_and_an_unknown_meeting_is_refused() {
    let dir = TempDir::new().unwrap();
    rapport(&dir).arg("demo").assert().success();
    let b: Value = serde_json::from_str(&out(rapport(&dir).args([
        "brief",
        "maison",
        "--meeting",
        "next",
        "--format",
        "json",
    ])))
    .unwrap();
    for key in [
        "meeting",
        "attendees",
        "also_matter",
        "culture",
        "goals",
        "open_promises",
        "settled_promises",
        "recent",
        "open_requests",
        "issues",
        "health",
        "talking_points",
        "questions",
    ] {
        assert!(b.get(key).is_some(), "{key}");
    }
    assert!(!b["attendees"].as_array().unwrap().is_empty());
    rapport(&dir)
        .args(["brief", "maison", "--meeting", "no-such-meeting"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("has no meeting with the id"));
}

/// The brief reads only the recent months and the kept touch figures; it must say exactly what
/// it would say from the whole history, for every account and every one of its meetings.
#[test]
fn the_brief_from_recent_history_equals_the_brief_from_all_of_it() {
    use rapport::Rapport;
    use rapport::engine::brief::brief;
    use rapport::engine::checkins::Touches;
    use rapport::engine::health::{TouchFigures, Weights};
    let dir = TempDir::new().unwrap();
    let now = AT.parse().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now).unwrap();
    r.fill_demo(2026, now).unwrap();
    for b in r.store().bundles().unwrap() {
        let past: Vec<_> = b.interactions.iter().filter(|i| i.occurred_at <= now).cloned().collect();
        let touches = Touches::from_interactions(&past);
        let meetings = std::iter::once(None).chain(b.meetings.iter().map(|m| Some(m.id.as_str())));
        for meeting in meetings {
            let figures = TouchFigures::of(&b.interactions, now);
            let whole = brief(&b, &touches, &figures, meeting, now, &Weights::default());
            assert_eq!(
                r.brief(&b.account.id, meeting, now).unwrap(),
                whole,
                "{} {meeting:?}",
                b.account.name
            );
        }
    }
}
