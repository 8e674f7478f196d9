//! `cargo bench --bench scale`: Rapport on a heavy-user portfolio, each figure side by side with
//! its floor measured in the same run by the same bundled SQLite. Medians of several runs.
//!
//! RAPPORT_BENCH_SCALE=heavy (default) or huge (ten times heavy); RAPPORT_BENCH_DB=path reuses a
//! database made by `rapport demo --scale heavy` (it is filled first when empty).

// The allocator the app and the CLI use.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rapport::Rapport;
use rapport::demo::Targets;
use rapport::domain::InteractionDraft;
use rapport::engine::checkins::{Settings, needs, suggest_for};
use rapport::engine::health::review_judged;
use rusqlite::params;

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

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn line(what: &str, value: String) {
    println!("{what:<52} {value}");
}

fn main() {
    let now: DateTime<Utc> = "2026-11-23T10:00:00Z".parse().unwrap();
    let scale = std::env::var("RAPPORT_BENCH_SCALE").unwrap_or_else(|_| "heavy".into());
    let targets = if scale == "huge" { Targets::HEAVY.times(10) } else { Targets::HEAVY };
    let dir = tempfile::TempDir::new().unwrap();
    let path: PathBuf =
        std::env::var_os("RAPPORT_BENCH_DB").map(Into::into).unwrap_or_else(|| dir.path().join("bench.db"));
    let mut rapport = Rapport::open(&path, now).unwrap();
    if rapport.accounts(now).unwrap().is_empty() {
        let start = Instant::now();
        let report = rapport.fill_demo_with(7, now, Some(targets)).unwrap();
        line(
            &format!("generate {scale} ({} accounts, {} interactions)", report.accounts, report.interactions),
            format!("{:>9.1} s", start.elapsed().as_secs_f64()),
        );
        let start = Instant::now();
        rapport.keep_health_snapshots(now).unwrap();
        line(
            "first health snapshots (today + 90 days rebuilt)",
            format!("{:>9.1} s", start.elapsed().as_secs_f64()),
        );
    }
    // The floor gets the same page cache and memory map as Rapport's own connection.
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.pragma_update(None, "mmap_size", 0).unwrap();
    raw.pragma_update(None, "cache_size", -16 * 1024).unwrap();

    // For profiling one read: RAPPORT_BENCH_LOOP=brief runs only the largest account's brief, many
    // times (also health, review, and search for one common word; search-p95 measures only search).
    if std::env::var("RAPPORT_BENCH_LOOP").as_deref() == Ok("health") {
        for _ in 0..50 {
            std::hint::black_box(rapport.health_now(now).unwrap());
        }
        return;
    }
    if std::env::var("RAPPORT_BENCH_LOOP").as_deref() == Ok("review") {
        for _ in 0..20 {
            std::hint::black_box(rapport.health_review(now).unwrap());
        }
        return;
    }
    if std::env::var("RAPPORT_BENCH_LOOP").as_deref() == Ok("search") {
        for _ in 0..1000 {
            std::hint::black_box(rapport.search("status").unwrap());
        }
        return;
    }
    if std::env::var("RAPPORT_BENCH_LOOP").as_deref() == Ok("search-p95") {
        // As in the whole run, other reads have filled the page cache first.
        rapport.health_review(now).unwrap();
        search_p95(&rapport);
        return;
    }
    if std::env::var("RAPPORT_BENCH_LOOP").as_deref() == Ok("brief") {
        let id: String = raw
            .query_row("SELECT account_id FROM interactions GROUP BY account_id ORDER BY count(*) DESC LIMIT 1 OFFSET 0", [], |r| r.get(0))
            .unwrap();
        for _ in 0..500 {
            std::hint::black_box(rapport.brief(&id, None, now).unwrap());
        }
        if std::env::var("RAPPORT_BENCH_PARTS").is_ok() {
            let newest = rapport.store().oldest_of_newest_touches(&id, now, 5).unwrap();
            let window = rapport::service::briefing(now, newest, None);
            let read = time(|| rapport.store().recent_bundles(window, Some(&id)).unwrap());
            let touches = time(|| rapport.store().touches(&id).unwrap());
            let b = rapport.store().recent_bundles(window, Some(&id)).unwrap().pop().unwrap();
            let t = rapport.store().touches(&id).unwrap();
            let w = rapport.health_weights().unwrap();
            let f = rapport.store().account_touch_figures(now, &id).unwrap();
            let engine =
                time(|| rapport::engine::brief::brief(&b, &t, &f, None, now, &w, &Default::default()));
            let health = time(|| rapport::engine::health::judge(&b, &f, now, &w));
            let all = time(|| rapport.brief(&id, None, now).unwrap());
            println!(
                "read {:.2} touches {:.2} engine {:.2} (health {:.2}) all {:.2}",
                ms(read),
                ms(touches),
                ms(engine),
                ms(health),
                ms(all)
            );
        }
        return;
    }

    // Today and health against one scan of the history.
    let floor = time(|| {
        let mut stmt = raw
            .prepare_cached("SELECT account_id, max(occurred_at) FROM interactions GROUP BY account_id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).unwrap().count()
    });
    let settings = Settings::default();
    let today = time(|| rapport.today_afresh(now).unwrap());
    // The engines alone, on what the app reads for them. Each input is dropped at once: a
    // whole portfolio held in memory slows every later figure (allocations in a larger heap),
    // which the app never does.
    let today_engine = {
        let accounts = rapport.store().checkin_accounts(&needs(now, &settings)).unwrap();
        time(|| suggest_for(&accounts, now, &settings))
    };
    let health = time(|| rapport.health_now(now).unwrap());
    let health_engine = {
        let portfolio = rapport.store().recent_bundles(rapport::service::judging(now), None).unwrap();
        let figures = rapport.store().touch_figures(now, None).unwrap();
        let weights = rapport.health_weights().unwrap();
        time(|| review_judged(&portfolio, &figures, now, &weights))
    };
    let health_review = time(|| rapport.health_review(now).unwrap());
    line("floor: one scan of the interactions table", format!("{:>9.1} ms", ms(floor)));
    let vs = |d: Duration, target: f64| {
        format!("{:>9.1} ms  {:>5.1}x the floor (target {target}x)", ms(d), ms(d) / ms(floor))
    };
    line("today, whole portfolio", vs(today, 2.0));
    line("  of which the engine", format!("{:>9.1} ms", ms(today_engine)));
    line("health, whole portfolio", vs(health, 2.0));
    line("  of which the engine", format!("{:>9.1} ms", ms(health_engine)));
    line("health review (with trends and what changed)", vs(health_review, 2.0));

    // One account page and one brief: the largest account, and a typical one.
    let mut by_size: Vec<(String, i64)> = raw
        .prepare("SELECT account_id, count(*) FROM interactions GROUP BY account_id ORDER BY 2 DESC")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let largest = by_size.first().cloned().unwrap();
    let typical = by_size.swap_remove(by_size.len() / 2);
    for (label, (id, n)) in [("largest", &largest), ("typical", &typical)] {
        let page_floor = time(|| {
            raw.prepare_cached(
                "SELECT id, occurred_at, summary FROM interactions WHERE account_id = ?1 ORDER BY occurred_at DESC LIMIT 200",
            )
            .unwrap()
            .query_map([id], |r| r.get::<_, String>(0))
            .unwrap()
            .count()
        });
        let profile = time(|| {
            let s = rapport.store();
            (
                s.account(id).unwrap(),
                s.contacts(id).unwrap(),
                s.culture_notes(id).unwrap(),
                s.goals(id).unwrap(),
                s.timeline(id, 200).unwrap(),
            )
        });
        let page = time(|| rapport.account_page(id, now).unwrap());
        let brief = time(|| rapport.brief(id, None, now).unwrap());
        let health = time(|| rapport.account_health(id, now).unwrap());
        line(
            &format!("floor: 200 newest touches of the {label} account ({n})"),
            format!("{:>9.2} ms", ms(page_floor)),
        );
        line(
            &format!("profile + 200 timeline entries, {label} account"),
            format!("{:>9.2} ms  (target 5 ms)", ms(profile)),
        );
        line(&format!("whole account page (every record), {label} account"), format!("{:>9.2} ms", ms(page)));
        line(&format!("brief, {label} account"), format!("{:>9.2} ms  (target 5 ms)", ms(brief)));
        line(&format!("health tab, {label} account"), format!("{:>9.2} ms", ms(health)));
    }

    search_p95(&rapport);

    // Logging one touch, then the Today list again.
    let (account, _) = &typical;
    let log = time(|| {
        rapport
            .log_interaction(
                InteractionDraft {
                    account_id: account.clone(),
                    summary: "Quick call about the plan".into(),
                    ..InteractionDraft::default()
                },
                now,
            )
            .unwrap()
    });
    line("log one touch (one transaction, fsync)", format!("{:>9.2} ms", ms(log)));
    // Today is on screen first, as in the app (its first 25 per group); then each touch
    // updates it for its own account.
    rapport.today_page(now, None, 25).unwrap();
    let log_and_today = time(|| {
        rapport
            .log_interaction(
                InteractionDraft {
                    account_id: account.clone(),
                    summary: "Quick call about the plan".into(),
                    ..InteractionDraft::default()
                },
                now,
            )
            .unwrap();
        rapport.today_page(now, None, 25).unwrap()
    });
    line("log one touch, then Today again", format!("{:>9.2} ms  (target 10 ms)", ms(log_and_today)));

    // Export and import against a plain INSERT loop in one transaction.
    let start = Instant::now();
    let text = rapport.export_archive(now).unwrap();
    let export = start.elapsed();
    let records: i64 = [
        "accounts",
        "contacts",
        "interactions",
        "promises",
        "requests",
        "issues",
        "meetings",
        "goals",
        "culture_notes",
    ]
    .iter()
    .map(|t| raw.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get::<_, i64>(0)).unwrap())
    .sum();
    let copy = dir.path().join("import.db");
    let mut target = Rapport::open(&copy, now).unwrap();
    let start = Instant::now();
    target.import_archive(&text, false, now).unwrap();
    let import = start.elapsed();
    let plain = dir.path().join("plain.db");
    let mut floor_db = rusqlite::Connection::open(&plain).unwrap();
    floor_db
        .execute_batch("CREATE TABLE t (id TEXT PRIMARY KEY, account_id TEXT, at TEXT, body TEXT) STRICT")
        .unwrap();
    let start = Instant::now();
    let tx = floor_db.transaction().unwrap();
    {
        let mut stmt = tx.prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4)").unwrap();
        for n in 0..records {
            stmt.execute(params![
                format!("{n:036}"),
                "account",
                "2026-11-23T10:00:00Z",
                "A plain row of about the size of a touch's summary."
            ])
            .unwrap();
        }
    }
    tx.commit().unwrap();
    let insert_floor = start.elapsed();
    let rate = |d: Duration| records as f64 / d.as_secs_f64();
    line(
        &format!("floor: plain INSERT loop, {records} rows, one transaction"),
        format!("{:>9.0} records/s", rate(insert_floor)),
    );
    line(
        &format!("export ({:.0} MB)", text.len() as f64 / 1e6),
        format!(
            "{:>9.0} records/s  {:>5.2}x the floor's time",
            rate(export),
            export.as_secs_f64() / insert_floor.as_secs_f64()
        ),
    );
    line(
        "import into an empty database",
        format!(
            "{:>9.0} records/s  {:>5.2}x the floor's time",
            rate(import),
            import.as_secs_f64() / insert_floor.as_secs_f64()
        ),
    );
}

/// Search: p95 over words a user would type.
fn search_p95(rapport: &Rapport) {
    let queries = [
        "plan",
        "pilot",
        "renewal",
        "budget",
        "invoice",
        "Annika",
        "schedule",
        "report totals",
        "sec",
        "migr",
        "quarterly review",
        "go-live",
        "cost estimate",
        "security documentation",
        "training",
        "roadmap",
        "hélène",
        "status",
        "scope",
        "test results",
    ];
    let mut samples: Vec<Duration> = Vec::new();
    let mut slowest: Vec<(Duration, &str)> = Vec::new();
    for _ in 0..5 {
        for q in queries {
            let start = Instant::now();
            std::hint::black_box(rapport.search(q).unwrap());
            samples.push(start.elapsed());
            slowest.push((start.elapsed(), q));
        }
    }
    slowest.sort();
    slowest.reverse();
    let mut named: Vec<&str> = Vec::new();
    for (_, q) in &slowest {
        if !named.contains(q) {
            named.push(q);
        }
    }
    let worst = |q: &str| slowest.iter().find(|(_, x)| *x == q).map(|(d, _)| ms(*d)).unwrap_or(0.0);
    line(
        "  slowest queries",
        named.iter().take(3).map(|q| format!("\"{q}\" {:.1} ms", worst(q))).collect::<Vec<_>>().join(", "),
    );
    samples.sort();
    let p95 = samples[samples.len() * 95 / 100];
    line(
        "search p95 (20 queries x 5)",
        format!("{:>9.2} ms  (target 20 ms; median {:.2} ms)", ms(p95), ms(samples[samples.len() / 2])),
    );
}
