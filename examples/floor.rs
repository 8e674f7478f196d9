//! The floor a whole CLI command is measured against (`scripts/measure-cli.sh`): a process that
//! opens the same database file with the same SQLite and scans the touches once — the least any
//! answer about the whole portfolio costs — then exits. With `--trend` it also reads the last 91
//! days of daily scores, the least the health review's trends cost.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: floor DATABASE [--trend]");
        std::process::exit(2);
    };
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap_or_else(|e| {
            eprintln!("floor: {e}");
            std::process::exit(1);
        });
    let mut stmt = conn
        .prepare("SELECT account_id, max(occurred_at) FROM interactions GROUP BY account_id")
        .expect("the interactions table");
    let accounts =
        stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).expect("a scan").count();
    println!("{accounts}");
    if args.iter().any(|a| a == "--trend") {
        let mut stmt = conn
            .prepare(
                "SELECT account_id, day, score, reconstructed FROM health_snapshots
                 WHERE day >= (SELECT date(max(day), '-91 days') FROM health_snapshots)",
            )
            .expect("the health_snapshots table");
        let days = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<i64>>(2)?,
                    r.get::<_, bool>(3)?,
                ))
            })
            .expect("a scan")
            .count();
        println!("{days}");
    }
}
