//! Client notes never leave the machine: every command of the CLI, run under `strace`, opens no
//! network socket and connects nowhere. (`scripts/setup.sh` installs strace.)

use std::process::Command;

use tempfile::TempDir;

const AT: &str = "2026-11-23T10:00:00Z";

/// Runs `rapport args…` under strace and returns every socket and connect call it made.
fn network_calls(dir: &TempDir, args: &[&str]) -> Vec<String> {
    let trace = dir.path().join("trace.txt");
    let status = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=socket,connect,sendto", "-o"])
        .arg(&trace)
        .arg(assert_cmd::cargo::cargo_bin("rapport"))
        .args(["--db"])
        .arg(dir.path().join("rapport.db"))
        .args(["--at", AT])
        .args(args)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("strace runs (scripts/setup.sh installs it)");
    assert!(status.success(), "rapport {args:?} failed under strace");
    std::fs::read_to_string(&trace)
        .unwrap()
        .lines()
        .filter(|l| l.contains("socket(") || l.contains("connect(") || l.contains("sendto("))
        .map(str::to_string)
        .collect()
}

#[test]
fn no_command_opens_a_network_connection() {
    let dir = TempDir::new().unwrap();
    let archive = dir.path().join("archive.json");
    let archive = archive.to_str().unwrap();
    let msg = dir.path().join("Saved from Outlook.msg");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/mail/outlook-received-protonmail.msg"),
        &msg,
    )
    .unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["demo"],
        vec!["today"],
        vec!["health", "--mark-reviewed"],
        vec!["brief", "kestrel", "--meeting", "next"],
        vec!["search", "plan"],
        vec!["log", "kestrel", "Called about the pilot"],
        vec!["export", "--out", archive],
        vec!["import", archive],
        vec!["import", msg.to_str().unwrap()],
    ];
    for args in commands {
        let calls = network_calls(&dir, &args);
        assert!(calls.is_empty(), "rapport {args:?} reached for the network:\n{}", calls.join("\n"));
    }
}
