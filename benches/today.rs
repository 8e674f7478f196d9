//! `cargo bench --bench today`: the Today list on a heavy-user portfolio, side by side with its
//! floor — one scan of the interactions table by the same bundled SQLite.
//! Set RAPPORT_BENCH_DB to reuse a database made by `rapport demo --scale heavy`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rapport::Rapport;
use rapport::demo::Targets;
use rapport::engine::checkins::{Settings, suggest_for};

const RUNS: usize = 7;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let now: DateTime<Utc> = "2026-11-23T10:00:00Z".parse().unwrap();
    let dir = tempfile::TempDir::new().unwrap();
    let path: PathBuf =
        std::env::var_os("RAPPORT_BENCH_DB").map(Into::into).unwrap_or_else(|| dir.path().join("heavy.db"));
    let mut rapport = Rapport::open(&path, now).unwrap();
    if rapport.accounts(now).unwrap().is_empty() {
        let start = Instant::now();
        let report = rapport.fill_demo_with(7, now, Some(Targets::HEAVY)).unwrap();
        println!(
            "generated {} accounts, {} interactions in {:.1} s",
            report.accounts,
            report.interactions,
            start.elapsed().as_secs_f64()
        );
    }

    let raw = rusqlite::Connection::open(&path).unwrap();
    let floor = time(|| {
        let mut stmt = raw
            .prepare_cached("SELECT account_id, max(occurred_at) FROM interactions GROUP BY account_id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).unwrap().count()
    });
    let settings = Settings::default();
    let load = time(|| rapport.store().checkin_accounts(now, &settings).unwrap());
    let accounts = rapport.store().checkin_accounts(now, &settings).unwrap();
    let engine = time(|| suggest_for(&accounts, now, &settings));
    let today = time(|| rapport.today(now).unwrap());
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("floor: scan of interactions (max per account)  {:>8.1} ms", ms(floor));
    println!(
        "today: whole portfolio                           {:>8.1} ms  ({:.1}x the floor; target 2x)",
        ms(today),
        ms(today) / ms(floor)
    );
    println!("  of which loading the portfolio                 {:>8.1} ms", ms(load));
    println!("  of which the engine                            {:>8.1} ms", ms(engine));
}
