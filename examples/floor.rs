//! The floor a whole CLI command is measured against (`scripts/measure-cli.sh`): a process that
//! opens the same database file with the same SQLite and scans the touches once — the least any
//! answer about the whole portfolio costs — then exits.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: floor DATABASE");
        std::process::exit(2);
    };
    let conn = rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
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
}
