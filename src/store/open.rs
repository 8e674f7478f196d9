//! The domain's "still open" of each kind, written as SQL, so that the store reads only what the
//! engine can act on. Each is the SQL of one domain predicate, and a test below holds the two
//! together; the partial indexes of `0006_touches.sql` and `0011_renegotiated_is_open.sql` serve exactly these.

/// `Promise::is_open`: open, or renegotiated to a new date.
pub const PROMISE: &str = "status IN ('open', 'renegotiated')";
/// `!Request::is_settled`: neither answered nor resolved.
pub const REQUEST: &str = "answered_at IS NULL AND resolved_at IS NULL";
/// `!Issue::is_done`: not yet resolved, or resolved but not followed up.
pub const ISSUE: &str = "(resolved_at IS NULL OR followed_up_at IS NULL)";

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use rusqlite::Connection;

    use crate::domain::{Direction, Issue, Promise, PromiseStatus, Request, Severity};

    /// Whether the row `(a, b)` of a table of two columns passes `condition`.
    fn passes(columns: &str, condition: &str, values: (Option<String>, Option<String>)) -> bool {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(&format!("CREATE TABLE t ({columns})")).unwrap();
        conn.execute("INSERT INTO t VALUES (?1, ?2)", [values.0, values.1]).unwrap();
        conn.query_row(&format!("SELECT count(*) FROM t WHERE {condition}"), [], |r| r.get::<_, i64>(0))
            .unwrap()
            == 1
    }

    #[test]
    fn each_condition_is_its_domain_predicate() {
        let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
        let either = [None, Some(at)];
        for &status in PromiseStatus::ALL {
            let promise = Promise {
                id: "p".into(),
                account_id: "a".into(),
                direction: Direction::Ours,
                contact_id: None,
                text: "Send the rollout plan".into(),
                made_at: at,
                due_at: at,
                status,
                completed_at: None,
                extra: None,
                interaction_id: None,
                created_at: at,
                updated_at: at,
            };
            let row = (Some(status.as_str().to_string()), None);
            assert_eq!(passes("status, unused", super::PROMISE, row), promise.is_open(), "{status:?}");
        }
        for (answered_at, resolved_at) in either.iter().flat_map(|a| either.iter().map(move |r| (*a, *r))) {
            let request = Request {
                id: "r".into(),
                account_id: "a".into(),
                contact_id: None,
                received_at: at,
                text: "Pricing for the new region".into(),
                acknowledged_at: None,
                answered_at,
                resolved_at,
                created_at: at,
                updated_at: at,
            };
            let row = (answered_at.map(|t| t.to_rfc3339()), resolved_at.map(|t| t.to_rfc3339()));
            assert_eq!(passes("answered_at, resolved_at", super::REQUEST, row), !request.is_settled());
        }
        for (resolved_at, followed_up_at) in either.iter().flat_map(|a| either.iter().map(move |r| (*a, *r)))
        {
            let issue = Issue {
                id: "i".into(),
                account_id: "a".into(),
                title: "Export fails".into(),
                severity: Severity::Low,
                opened_at: at,
                acknowledged_at: None,
                resolved_at,
                followed_up_at,
                notes: String::new(),
                created_at: at,
                updated_at: at,
            };
            let row = (resolved_at.map(|t| t.to_rfc3339()), followed_up_at.map(|t| t.to_rfc3339()));
            assert_eq!(passes("resolved_at, followed_up_at", super::ISSUE, row), !issue.is_done());
        }
    }
}
