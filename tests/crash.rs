//! Killed mid-write, nothing is lost: a child process writes as fast as it can and reports each
//! write once its transaction returned; it is killed with SIGKILL at a random moment, many times
//! over on the same file. After each kill the database must open (damage check included), pass
//! `PRAGMA integrity_check`, and hold every write the child had reported.
//!
//! The child is this same test binary, run again with `RAPPORT_CRASH_CHILD` naming the file.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rand::{Rng, SeedableRng};
use rapport::Rapport;
use rapport::domain::{AccountDraft, InteractionDraft, PromiseDraft};
use rusqlite::Connection;
use tempfile::TempDir;

const CHILD: &str = "RAPPORT_CRASH_CHILD";
const TRIALS: usize = 40;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

/// The writer. Outside a crash trial it returns at once.
#[test]
fn crash_child_writer() {
    let Some(path) = std::env::var_os(CHILD) else { return };
    let mut r = Rapport::open(Path::new(&path), now()).unwrap();
    let out = std::io::stdout();
    let mut account = r
        .add_account(AccountDraft { name: "Kestrel Logistik".into(), ..Default::default() }, now())
        .unwrap()
        .id;
    for n in 0u64.. {
        let at = now() + chrono::Duration::seconds(n as i64);
        let line = match n % 20 {
            0 => {
                account = r
                    .add_account(AccountDraft { name: format!("Client {n}"), ..Default::default() }, at)
                    .unwrap()
                    .id;
                format!("accounts {account}")
            }
            1 => {
                let draft = PromiseDraft {
                    account_id: account.clone(),
                    direction: None,
                    contact_id: None,
                    text: format!("Send the figures {n}"),
                    made_at: None,
                    due_at: (at + chrono::Duration::days(7)).to_rfc3339(),
                    interaction_id: None,
                };
                format!("promises {}", r.add_promise(draft, at).unwrap().id)
            }
            _ => {
                let draft = InteractionDraft {
                    account_id: account.clone(),
                    summary: format!("Call {n}: {}", "what was said ".repeat(20)),
                    ..Default::default()
                };
                format!("interactions {}", r.log_interaction(draft, at).unwrap().id)
            }
        };
        // Reported only once the write has returned from its commit.
        let mut lock = out.lock();
        writeln!(lock, "{line}").unwrap();
        lock.flush().unwrap();
    }
}

#[test]
fn writes_reported_before_a_kill_survive_it_and_the_file_stays_whole() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let me = std::env::current_exe().unwrap();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2026);
    let mut reported: Vec<(String, String)> = Vec::new();
    for trial in 0..TRIALS {
        let mut child = Command::new(&me)
            .args(["--exact", "crash_child_writer", "--nocapture", "--test-threads=1"])
            .env(CHILD, &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.split_once(' ').map(|(k, id)| (k.to_string(), id.to_string())))
                // The test harness prints its own lines too.
                .filter(|(table, _)| ["accounts", "promises", "interactions"].contains(&table.as_str()))
                .collect::<Vec<_>>()
        });
        std::thread::sleep(Duration::from_millis(rng.random_range(20..250)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let lines = reader.join().unwrap();
        reported.extend(lines);

        Rapport::open(&db, now())
            .unwrap_or_else(|e| panic!("trial {trial}: the database does not open: {e}"));
        let conn = Connection::open(&db).unwrap();
        let verdict: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(verdict, "ok", "trial {trial}");
        for (table, id) in &reported {
            let found: i64 = conn
                .query_row(&format!("SELECT count(*) FROM {table} WHERE id = ?1"), [id], |r| r.get(0))
                .unwrap();
            assert_eq!(found, 1, "trial {trial}: {table} {id} was reported written and is gone");
        }
    }
    assert!(reported.len() > TRIALS * 5, "the child wrote before most kills: {} writes", reported.len());
    eprintln!("crash test: {TRIALS} kills, {} reported writes, all present", reported.len());
}
