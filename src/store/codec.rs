//! How values are written in the file: instants as fixed-width RFC 3339 in UTC (so text order
//! is time order), lists as JSON, words as their archive spelling.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::types::Type;

pub fn instant(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub fn date(d: &NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// ` AND column = :account`, narrowing a read of every account to one, or nothing for all of
/// them: one statement text for each case (`:account IS NULL OR …` would keep SQLite from its
/// indexes), the id itself bound by [`query`] like every other value.
pub fn only_account(column: &str, account_id: Option<&str>) -> String {
    account_id.map(|_| format!(" AND {column} = :account")).unwrap_or_default()
}

/// Runs `stmt` with `params` by position and, when its text names it (see [`only_account`]),
/// `account` as `:account`.
pub fn query<'s>(
    stmt: &'s mut rusqlite::Statement<'_>,
    params: &[&dyn rusqlite::ToSql],
    account: Option<&str>,
) -> rusqlite::Result<rusqlite::Rows<'s>> {
    for (i, value) in params.iter().enumerate() {
        stmt.raw_bind_parameter(i + 1, value)?;
    }
    if let Some(i) = stmt.parameter_index(":account")? {
        stmt.raw_bind_parameter(i, account.unwrap_or_default())?;
    }
    Ok(stmt.raw_query())
}

/// A column that fails to decode means the file was edited outside Rapport; say which column.
fn bad(column: usize, what: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, Type::Text, what.to_string().into())
}

pub fn parse_instant(column: usize, text: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc)).map_err(|e| bad(column, e))
}

pub fn parse_date(column: usize, text: &str) -> rusqlite::Result<NaiveDate> {
    // The review reads tens of thousands of days, all written by `date`: its fixed ten
    // characters are read directly, anything else as chrono reads it (which names the fault).
    fixed_date(text.as_bytes()).map_or_else(|| text.parse::<NaiveDate>().map_err(|e| bad(column, e)), Ok)
}

/// `YYYY-MM-DD` exactly as `date` writes it, or `None`.
fn fixed_date(b: &[u8]) -> Option<NaiveDate> {
    let digits = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

/// A text column's bytes, made text once they are needed.
pub fn text_of(column: usize, bytes: Vec<u8>) -> rusqlite::Result<String> {
    String::from_utf8(bytes).map_err(|e| bad(column, e))
}

/// A text column read in place, without copying it.
pub fn text<'r>(row: &'r rusqlite::Row<'_>, column: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(column)?.as_str().map_err(|e| bad(column, e))
}

pub fn parse_word<T: std::str::FromStr>(column: usize, text: &str) -> rusqlite::Result<T> {
    text.parse().map_err(|_| bad(column, format!("unknown value {text:?}")))
}

pub fn parse_json<T: serde::de::DeserializeOwned>(column: usize, text: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| bad(column, e))
}

pub fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_string())
}

/// Reads an optional instant column.
pub fn opt_instant(column: usize, text: Option<String>) -> rusqlite::Result<Option<DateTime<Utc>>> {
    text.map(|t| parse_instant(column, &t)).transpose()
}

#[cfg(test)]
mod tests {

    #[test]
    fn days_read_back_as_written_and_bad_ones_are_named() {
        for day in ["2026-12-02", "0001-01-01", "9999-12-31", "2028-02-29"] {
            let date = super::parse_date(1, day).unwrap();
            assert_eq!(super::date(&date), day);
        }
        for bad in ["2026-02-30", "2026-13-01", "2026/12/02", "2026-1a-02", ""] {
            assert!(super::parse_date(1, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn one_account_is_bound_never_written_into_the_statement() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE t (account_id TEXT, n INTEGER);
             INSERT INTO t VALUES ('a1', 1), ('x'' OR ''1''=''1', 2), ('b2', 3);",
        )
        .unwrap();
        let read = |account: Option<&str>| -> Vec<i64> {
            let sql = format!(
                "SELECT n FROM t WHERE n >= ?1{} ORDER BY n",
                super::only_account("account_id", account)
            );
            assert!(!account.is_some_and(|a| sql.contains(a)), "{sql}");
            let mut stmt = conn.prepare(&sql).unwrap();
            super::query(&mut stmt, &[&1], account)
                .unwrap()
                .mapped(|r| r.get(0))
                .map(Result::unwrap)
                .collect()
        };
        assert_eq!(read(None), vec![1, 2, 3]);
        assert_eq!(read(Some("a1")), vec![1]);
        assert_eq!(read(Some("x' OR '1'='1")), vec![2], "an id full of quotes is only an id");
    }
}
