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

/// ` AND column = '…'`, narrowing a read of every account to one, or nothing for all of them.
/// Written into the statement rather than bound, so each read keeps one text whether it is for
/// one account or all; the id is quoted SQL-style (its own quotes doubled), so it cannot end the
/// literal early.
pub fn only_account(column: &str, account_id: Option<&str>) -> String {
    account_id.map(|id| format!(" AND {column} = '{}'", id.replace('\'', "''"))).unwrap_or_default()
}

/// A column that fails to decode means the file was edited outside Rapport; say which column.
fn bad(column: usize, what: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, Type::Text, what.to_string().into())
}

pub fn parse_instant(column: usize, text: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc)).map_err(|e| bad(column, e))
}

pub fn parse_date(column: usize, text: &str) -> rusqlite::Result<NaiveDate> {
    // `FromStr` reads exactly the `%Y-%m-%d` that `date` writes, several times faster than a
    // format string; the review reads tens of thousands of days.
    text.parse::<NaiveDate>().map_err(|e| bad(column, e))
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
    use super::only_account;

    #[test]
    fn an_account_id_with_quotes_stays_inside_its_literal() {
        assert_eq!(only_account("account_id", None), "");
        assert_eq!(only_account("account_id", Some("a1")), " AND account_id = 'a1'");
        assert_eq!(
            only_account("c.account_id", Some("x' OR '1'='1")),
            " AND c.account_id = 'x'' OR ''1''=''1'"
        );
    }
}
