//! `rapport health --json`: the contract a script reads.

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

#[test]
fn health_prints_the_contract_riskiest_first() {
    let dir = TempDir::new().unwrap();
    let rapport = || {
        let mut c = Command::cargo_bin("rapport").unwrap();
        c.env("RAPPORT_DB", dir.path().join("rapport.db")).args(["--at", "2026-11-23T10:00:00Z"]);
        c
    };
    rapport().arg("demo").assert().success();
    let out = rapport().args(["health", "--json"]).output().unwrap();
    assert!(out.status.success());
    let list: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.len(), 15);
    let rank = |b: &str| ["at_risk", "watch", "healthy", "unknown"].iter().position(|x| *x == b).unwrap();
    // Riskiest first; a paused account after all the others (issue 24), in the same order.
    let key = |h: &Value| (h["paused"].as_bool().unwrap(), rank(h["band"].as_str().unwrap()));
    for pair in list.windows(2) {
        assert!(
            key(&pair[0]) <= key(&pair[1]),
            "riskiest first, paused apart: {} then {}",
            pair[0]["account"],
            pair[1]["account"]
        );
    }
    assert!(list.iter().any(|h| h["paused"] == true), "the demo has a paused account");
    for h in &list {
        assert!(h["account"].is_string() && h["account_id"].is_string());
        assert!(h["score"].is_u64() || h["score"].is_null());
        let names: Vec<&str> =
            h["components"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
        assert_eq!(
            names,
            ["reliability", "responsiveness", "engagement", "proactivity", "breadth", "intimacy", "goals"]
        );
        for c in h["components"].as_array().unwrap() {
            assert!(c["weight"].is_u64() && c["evidence"].as_str().unwrap().ends_with('.'));
        }
        let level = &h["advisor_level"];
        assert!(
            (1..=4).contains(&level["level"].as_u64().unwrap())
                && level["name"].is_string()
                && level["next_steps"].is_array()
        );
    }
    let one = rapport().args(["health", "maison", "--json"]).output().unwrap();
    let one: Vec<Value> = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["account"], "Maison Vérité");
}

#[test]
fn marking_reviewed_and_changing_weights_from_the_command_line() {
    let dir = TempDir::new().unwrap();
    let rapport = |at: &str| {
        let mut c = Command::cargo_bin("rapport").unwrap();
        c.env("RAPPORT_DB", dir.path().join("rapport.db")).args(["--at", at]);
        c
    };
    rapport("2026-11-23T10:00:00Z").arg("demo").assert().success();
    let text = rapport("2026-11-23T10:00:00Z").arg("health").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.starts_with("Not reviewed yet"), "{text}");
    assert!(text.contains(", at risk"), "bands in words: {text}");

    let marked = rapport("2026-11-23T10:00:00Z").args(["health", "--mark-reviewed"]).output().unwrap();
    assert!(String::from_utf8(marked.stdout).unwrap().contains("Marked reviewed"));
    let next = rapport("2026-11-24T10:00:00Z").args(["health", "--json"]).output().unwrap();
    let list: Vec<Value> = serde_json::from_slice(&next.stdout).unwrap();
    for h in &list {
        assert_eq!(h["changes"]["since_review"], true, "{}", h["account"]);
        assert_eq!(h["changes"]["since"], "2026-11-23T10:00:00Z");
        assert!(h["trend"]["points"].as_array().unwrap().len() > 60);
    }

    let refused =
        rapport("2026-11-24T10:00:00Z").args(["health", "--weight", "reliability=101"]).output().unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8(refused.stderr).unwrap().contains("between 0 and 100"));
    let unknown = rapport("2026-11-24T10:00:00Z").args(["health", "--weight", "charm=5"]).output().unwrap();
    assert!(String::from_utf8(unknown.stderr).unwrap().contains("\"charm\" is not a health component"));

    rapport("2026-11-24T10:00:00Z").args(["health", "--weight", "reliability=50"]).assert().success();
    let weighted = rapport("2026-11-24T10:00:00Z").args(["health", "--json"]).output().unwrap();
    let list: Vec<Value> = serde_json::from_slice(&weighted.stdout).unwrap();
    assert_eq!(list[0]["components"][0]["weight"], 50, "the new weight is kept");
}

/// Issue 18: one promise of ours gone late is judged even alone, and the account is not healthy.
#[test]
fn one_late_promise_is_judged_and_keeps_the_account_out_of_healthy() {
    let dir = TempDir::new().unwrap();
    let rapport = |at: &str| {
        let mut c = Command::cargo_bin("rapport").unwrap();
        c.env("RAPPORT_DB", dir.path().join("rapport.db")).args(["--at", at]);
        c
    };
    let at = "2026-11-23T10:00:00Z";
    rapport(at).args(["account", "add", "Kestrel Logistik"]).assert().success();
    rapport(at).args(["contact", "add", "kestrel", "Annika Vogt", "--level", "executive"]).assert().success();
    rapport(at)
        .args(["promise", "add", "kestrel", "Send the rollout plan", "--due", "2026-11-25T17:00:00Z"])
        .assert()
        .success();
    let judged = |at: &str| -> Value {
        let out = rapport(at).args(["health", "--json", "kestrel"]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        if v.is_array() { v[0].clone() } else { v }
    };
    let before = judged("2026-11-24T10:00:00Z");
    assert_eq!(before["breaches"].as_array().unwrap().len(), 0, "not yet due");
    let late = judged("2026-11-28T10:00:00Z");
    assert_eq!(late["breaches"][0], "Our promise \"Send the rollout plan\" is 2 days late.");
    assert_ne!(late["band"], "healthy");
    let reliability =
        late["components"].as_array().unwrap().iter().find(|c| c["name"] == "reliability").unwrap();
    assert_eq!(reliability["score"], 0, "judged on the one late promise: {reliability}");
}

/// Issue 18: notes on how the whole account works count towards knowing its people.
#[test]
fn account_wide_culture_notes_count_towards_intimacy() {
    let dir = TempDir::new().unwrap();
    let rapport = || {
        let mut c = Command::cargo_bin("rapport").unwrap();
        c.env("RAPPORT_DB", dir.path().join("rapport.db")).args(["--at", "2026-11-23T10:00:00Z"]);
        c
    };
    rapport().args(["account", "add", "Kestrel Logistik"]).assert().success();
    rapport().args(["contact", "add", "kestrel", "Annika Vogt", "--level", "executive"]).assert().success();
    let intimacy = || -> Value {
        let out = rapport().args(["health", "--json", "kestrel"]).output().unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let h = if v.is_array() { v[0].clone() } else { v };
        h["components"].as_array().unwrap().iter().find(|c| c["name"] == "intimacy").unwrap().clone()
    };
    let before = intimacy();
    rapport()
        .args([
            "culture",
            "add",
            "kestrel",
            "--category",
            "decision_making",
            "The works council signs off staff tools",
        ])
        .assert()
        .success();
    let after = intimacy();
    assert!(after["score"].as_u64() > before["score"].as_u64(), "{before} then {after}");
    assert!(
        after["evidence"].as_str().unwrap().ends_with("and 1 note on how the whole account works."),
        "{after}"
    );
}
