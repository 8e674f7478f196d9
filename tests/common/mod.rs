//! Helpers shared by the integration tests.

// Each test crate uses the helpers it needs.
#![allow(dead_code)]

use std::path::Path;

use rusqlite::Connection;

/// The user's tables (the search index aside, which follows them), in a stable order.
pub fn tables(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%' ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

/// Every table's rows and the schema version, in a stable order: equal before and after an
/// action exactly when the action wrote nothing.
pub fn contents(path: &Path) -> String {
    let conn = Connection::open(path).unwrap();
    let mut text = String::new();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    text.push_str(&format!("user_version {version}\n"));
    for table in tables(&conn) {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY 1")).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |row| {
                (0..n)
                    .map(|i| row.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}")))
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        for row in rows {
            text.push_str(&format!("{table}: {}\n", row.unwrap().join("|")));
        }
    }
    text
}

/// An account in Berlin called `name`, with Annika Vogt, their executive: where many tests start.
/// Returns the account's id and Annika's.
pub fn kestrel_with_annika(
    r: &mut rapport::Rapport,
    name: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> (String, String) {
    use rapport::domain::{AccountDraft, ContactDraft, Level};
    let draft =
        AccountDraft { name: name.into(), timezone: Some("Europe/Berlin".into()), ..Default::default() };
    let account = r.add_account(draft, now).unwrap().id;
    let annika = ContactDraft {
        account_id: account.clone(),
        name: "Annika Vogt".into(),
        level: Some(Level::Executive),
        ..Default::default()
    };
    let annika = r.add_contact(annika, now).unwrap().id;
    (account, annika)
}
