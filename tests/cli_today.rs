//! `rapport today` and acting on its check-ins, on a real database.

use assert_cmd::Command;
use chrono::DateTime;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

const AT: &str = "2026-11-23T10:00:00Z";

fn rapport(dir: &TempDir, at: &str) -> Command {
    let mut cmd = Command::cargo_bin("rapport").unwrap();
    cmd.env("RAPPORT_DB", dir.path().join("rapport.db")).arg("--at").arg(at);
    cmd
}

fn today(dir: &TempDir, at: &str) -> Vec<Value> {
    let out = rapport(dir, at).args(["today", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone()
}

fn demo() -> TempDir {
    let dir = TempDir::new().unwrap();
    rapport(&dir, AT).arg("demo").assert().success();
    dir
}

#[test]
fn today_prints_the_contract_sorted_by_priority_and_the_demo_exercises_every_reason() {
    let dir = demo();
    let list = today(&dir, AT);
    assert!(!list.is_empty());
    let mut last = f64::MAX;
    for s in &list {
        for key in ["account", "account_id", "contact", "reasons", "priority", "due_at", "suggested_at"] {
            assert!(s.get(key).is_some(), "{key} in {s}");
        }
        assert!(s["contact"].is_string() || s["contact"].is_null());
        let priority = s["priority"].as_f64().unwrap();
        assert!(priority <= last, "sorted by priority");
        last = priority;
        DateTime::parse_from_rfc3339(s["due_at"].as_str().unwrap()).unwrap();
        let suggested = DateTime::parse_from_rfc3339(s["suggested_at"].as_str().unwrap()).unwrap();
        assert!(suggested >= DateTime::parse_from_rfc3339(AT).unwrap(), "never suggested in the past");
        for r in s["reasons"].as_array().unwrap() {
            assert!(r["code"].is_string() && r["text"].as_str().unwrap().ends_with('.'));
        }
    }
    let mut codes: Vec<&str> = list
        .iter()
        .flat_map(|s| s["reasons"].as_array().unwrap())
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    codes.sort();
    codes.dedup();
    assert_eq!(
        codes,
        vec![
            "awaiting_their_promise",
            "cadence_due",
            "goal_check",
            "issue_follow_up",
            "issue_open",
            "meeting_follow_up",
            "meeting_prep",
            "personal_date",
            "promise_due_soon",
            "promise_overdue",
            "renewal_approaching",
            "role_gap",
            "single_threaded",
            "stakeholder_neglected",
            "unanswered_request"
        ],
        "the demo exercises every reason of DESIGN §4"
    );
}

#[test]
fn the_same_moment_gives_the_same_list() {
    let dir = demo();
    assert_eq!(today(&dir, AT), today(&dir, AT));
}

#[test]
fn a_dismissed_check_in_stays_away_and_a_snoozed_one_returns_on_time() {
    let dir = demo();
    let list = today(&dir, AT);
    let (first, second) = (list[0]["key"].clone(), list[1]["key"].clone());
    rapport(&dir, AT)
        .args(["checkin", "dismiss", "1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Dismissed"));
    let after = today(&dir, AT);
    assert!(after.iter().all(|s| s["key"] != first), "dismissed");
    assert_eq!(after[0]["key"], second);

    rapport(&dir, AT).args(["checkin", "snooze", "1", "--until", "2026-11-23T15:00:00Z"]).assert().success();
    assert!(today(&dir, AT).iter().all(|s| s["key"] != second), "snoozed");
    assert!(today(&dir, "2026-11-23T15:30:00Z").iter().any(|s| s["key"] == second), "back after the snooze");
    assert!(today(&dir, "2026-11-23T15:30:00Z").iter().all(|s| s["key"] != first), "still dismissed");
}

#[test]
fn marking_a_check_in_done_logs_the_touch_in_the_account_history() {
    let dir = demo();
    let list = today(&dir, AT);
    let first = &list[0];
    let account = first["account"].as_str().unwrap().to_string();
    let top = &first["reasons"][0];
    assert!(top["settles"].is_string(), "the demo's most pressing check-in waits on a change: {top}");
    let still_owed = |list: &[Value]| {
        list.iter()
            .flat_map(|s| s["reasons"].as_array().unwrap().clone())
            .any(|r| r["code"] == top["code"] && r["evidence"] == top["evidence"])
    };

    // The touch alone does not settle what waits on a change of state: it stays on Today.
    rapport(&dir, AT)
        .args(["checkin", "done", "1", "Called to own the issue and agree next steps"])
        .assert()
        .success()
        .stdout(predicate::str::contains("marked the check-in done"));
    let out = rapport(&dir, AT).args(["account", "show", &account, "--json"]).output().unwrap();
    let page: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(page["interactions"][0]["summary"], "Called to own the issue and agree next steps");
    assert!(still_owed(&today(&dir, AT)), "the issue is still not acknowledged, so it stays");

    // With the change made, it leaves, and the record says so.
    rapport(&dir, AT)
        .args(["checkin", "done", "1", "Acknowledged the issue and agreed next steps", "--settle"])
        .assert()
        .success()
        .stdout(predicate::str::contains("made the"));
    assert!(!still_owed(&today(&dir, AT)), "settled, so it leaves Today");
    let out = rapport(&dir, AT).args(["account", "show", &account, "--json"]).output().unwrap();
    let page: Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = top["evidence"]["id"].as_str().unwrap();
    let kind = top["evidence"]["kind"].as_str().unwrap();
    let records = page[format!("{kind}s").as_str()].as_array().unwrap();
    let record = records.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!(record["acknowledged_at"], AT, "the change was made at the moment of the touch: {record}");
}

#[test]
fn a_quiet_portfolio_says_nothing_needs_you() {
    let dir = TempDir::new().unwrap();
    rapport(&dir, AT).args(["account", "add", "Kestrel"]).assert().success();
    rapport(&dir, AT).args(["log", "kestrel", "Kick-off"]).assert().success();
    rapport(&dir, AT)
        .arg("today")
        .assert()
        .success()
        .stdout(predicate::str::contains("Nothing needs you today"));
    assert_eq!(today(&dir, AT), Vec::<Value>::new());
}

#[test]
fn acting_on_a_check_in_that_is_not_there_says_how_to_find_it() {
    let dir = demo();
    rapport(&dir, AT)
        .args(["checkin", "dismiss", "999"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Run `rapport today`"));
    rapport(&dir, AT)
        .args(["checkin", "snooze", "1", "--until", "2026-11-22T10:00:00Z"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("still ahead"));
}

#[test]
fn a_dismissed_check_in_returns_when_new_evidence_arrives() {
    let dir = TempDir::new().unwrap();
    rapport(&dir, AT).args(["account", "add", "Kestrel"]).assert().success();
    rapport(&dir, AT).args(["log", "kestrel", "Kick-off"]).assert().success();
    rapport(&dir, AT)
        .args(["request", "add", "kestrel", "Quote please", "--received", "2026-11-23T07:00:00Z"])
        .assert()
        .success();
    assert_eq!(today(&dir, AT).len(), 1);
    rapport(&dir, AT).args(["checkin", "dismiss", "1"]).assert().success();
    assert!(today(&dir, AT).is_empty(), "dismissed");
    rapport(&dir, AT)
        .args([
            "promise",
            "add",
            "kestrel",
            "Send plan",
            "--made",
            "2026-11-20T10:00:00Z",
            "--due",
            "2026-11-22T10:00:00Z",
        ])
        .assert()
        .success();
    let back = today(&dir, AT);
    assert_eq!(back.len(), 1, "a new overdue promise is new evidence");
    let codes: Vec<&str> =
        back[0]["reasons"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect();
    assert_eq!(codes, vec!["promise_overdue", "unanswered_request"]);
}

#[test]
fn a_renegotiated_promise_is_raised_again_once_its_new_date_passes() {
    let dir = TempDir::new().unwrap();
    let at = "2026-11-18T09:00:00Z";
    rapport(&dir, at).args(["account", "add", "Kestrel Logistik"]).assert().success();
    let out = rapport(&dir, at)
        .args([
            "--json",
            "promise",
            "add",
            "kestrel",
            "Send the rollout plan",
            "--due",
            "2026-11-20T17:00:00Z",
        ])
        .output()
        .unwrap();
    let promise: Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = promise["id"].as_str().unwrap();
    rapport(&dir, at)
        .args(["promise", "renegotiate", id, "--due", "2026-11-25T17:00:00Z"])
        .assert()
        .success();

    let raised = |at: &str| -> Vec<String> {
        today(&dir, at)
            .iter()
            .flat_map(|s| s["reasons"].as_array().unwrap().clone())
            .filter(|r| r["evidence"]["id"] == id)
            .map(|r| r["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(raised("2026-11-24T09:00:00Z"), vec!["promise_due_soon"], "due tomorrow, by its new date");
    assert_eq!(raised("2026-11-28T09:00:00Z"), vec!["promise_overdue"], "three days past its new date");
}

#[test]
fn today_shows_the_budget_every_breach_and_counts_the_rest() {
    let dir = demo();
    let all = today(&dir, AT);
    let breaches = all.iter().filter(|s| s["urgency"] == "now").count();
    assert!(breaches > 2, "the demo owes its clients several things at once");

    let out = rapport(&dir, AT).args(["today", "--limit", "2"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let numbered = |l: &&str| {
        l.starts_with(' ') && l.trim_start().split_once(". ").is_some_and(|(n, _)| n.parse::<u32>().is_ok())
    };
    let cards = text.lines().filter(numbered).count();
    assert_eq!(cards, breaches, "every breach shows, however small the budget:\n{text}");
    assert!(text.contains(&format!("{} of these are beyond your budget of 2 a day", breaches - 2)), "{text}");
    assert_eq!(text.matches("[beyond today's budget: owed today]").count(), breaches - 2);
    assert!(text.contains(&format!("MORE: {} more check-ins wait", all.len() - breaches)), "{text}");

    let out = rapport(&dir, AT).args(["--json", "today", "--page", "--limit", "40"]).output().unwrap();
    let page: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(page["budget"], 40);
    assert_eq!(page["suggestions"].as_array().unwrap().len(), all.len().min(40));
    let out = rapport(&dir, AT).args(["today", "--limit", "0"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Show at least one check-in a day."));
}

#[test]
fn what_is_put_aside_is_listed_and_brought_back_from_the_command_line() {
    let dir = demo();
    let first = today(&dir, AT)[0].clone();
    rapport(&dir, AT).args(["checkin", "dismiss", "1"]).assert().success();
    rapport(&dir, AT)
        .args(["checkin", "aside"])
        .assert()
        .success()
        .stdout(predicate::str::contains(first["account"].as_str().unwrap()))
        .stdout(predicate::str::contains("(dismissed 2026-11-23)"));
    rapport(&dir, AT)
        .args(["checkin", "back", "1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("is back on Today."));
    assert!(today(&dir, AT).iter().any(|s| s["key"] == first["key"]));
    rapport(&dir, AT)
        .args(["checkin", "aside"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Nothing is snoozed"));
    rapport(&dir, AT).args(["checkin", "back", "1"]).assert().failure();
}

/// Issue 18: an account's goal checks come as one reason, never one line per goal.
#[test]
fn each_account_has_at_most_one_goal_check() {
    let dir = demo();
    let list = today(&dir, AT);
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for s in &list {
        let checks = s["reasons"].as_array().unwrap().iter().filter(|r| r["code"] == "goal_check").count();
        *seen.entry(s["account_id"].as_str().unwrap().to_string()).or_default() += checks;
    }
    assert!(seen.values().all(|n| *n <= 1), "{seen:?}");
    assert!(
        list.iter().flat_map(|s| s["reasons"].as_array().unwrap().clone()).any(|r| r["code"] == "goal_check"
            && r["text"].as_str().unwrap().contains("goals to check on, the most important first")),
        "the demo folds several goals at one account"
    );
}

#[test]
fn the_accounts_list_shows_each_account_s_health_and_its_next_action_from_today() {
    let dir = demo();
    let list = today(&dir, AT);
    let out = rapport(&dir, AT).args(["--json", "account", "list"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<Value> = serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone();
    let health: Value = {
        let out = rapport(&dir, AT).args(["--json", "health"]).output().unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let reviewed = health.as_array().unwrap();
    assert!(!rows.is_empty());
    for row in &rows {
        // The band and score are the review's for the same account.
        let review =
            reviewed.iter().find(|r| r["account_id"] == row["id"]).expect("every account is reviewed");
        assert_eq!(row["band"], review["band"], "{}", row["name"]);
        assert_eq!(row["score"], review["score"], "{}", row["name"]);
        // The next action is the first reason of the account's highest check-in on Today.
        let first = list.iter().find(|s| s["account_id"] == row["id"]);
        match first {
            Some(s) => {
                assert_eq!(row["next_action"]["reason"]["text"], s["reasons"][0]["text"], "{}", row["name"])
            }
            None => assert!(row["next_action"].is_null(), "{}", row["name"]),
        }
    }
    assert!(rows.iter().any(|r| !r["next_action"].is_null()), "the demo has something to do somewhere");
    let printed = rapport(&dir, AT).args(["account", "list"]).output().unwrap();
    let text = String::from_utf8_lossy(&printed.stdout);
    assert!(text.lines().next().unwrap().ends_with("HEALTH"), "{text}");
    assert!(text.contains("    next: "), "{text}");
}
