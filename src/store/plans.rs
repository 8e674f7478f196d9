//! SQLite's query plan for every statement a read runs, so tests can prove the hot paths use
//! their indexes rather than scanning the history.

use std::cell::RefCell;

use rusqlite::trace::{TraceEvent, TraceEventCodes};

use super::Store;
use crate::error::Result;

thread_local! {
    static SEEN: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn seen(event: TraceEvent<'_>) {
    // Trigger bodies arrive as comments; their own statements are traced separately.
    if let TraceEvent::Stmt(stmt, sql) = event
        && !sql.trim_start().starts_with("--")
        && let Some(expanded) = stmt.expanded_sql()
    {
        SEEN.with(|s| s.borrow_mut().push(expanded));
    }
}

/// One statement as it ran (with its values bound) and SQLite's plan for it, a line per step.
#[derive(Debug, Clone)]
pub struct Plan {
    pub sql: String,
    pub steps: Vec<String>,
}

impl Store {
    /// Runs `read` and returns the plan of every statement it ran.
    pub fn plans_of<T>(&mut self, read: impl FnOnce(&Store) -> Result<T>) -> Result<Vec<Plan>> {
        SEEN.with(|s| s.borrow_mut().clear());
        self.conn.trace_v2(TraceEventCodes::SQLITE_TRACE_STMT, Some(seen));
        let outcome = read(self);
        self.conn.trace_v2(TraceEventCodes::empty(), None);
        outcome?;
        let statements = SEEN.with(|s| s.take());
        statements
            .into_iter()
            .map(|sql| {
                let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
                let steps =
                    stmt.query_map([], |r| r.get::<_, String>(3))?.collect::<rusqlite::Result<_>>()?;
                Ok(Plan { sql, steps })
            })
            .collect()
    }
}
