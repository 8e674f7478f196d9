//! Full-text search over everything a user writes, through the FTS5 index the triggers keep.
//! Case and diacritics are ignored ("helene" finds "Hélène"); the last word matches as a prefix
//! so results appear while the user types.

use serde::Serialize;
use specta::Type;

use super::{RecordKind, Store};
use crate::domain::Id;
use crate::error::Result;

/// A stretch of a result's text; `hit` marks the words that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Fragment {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SearchHit {
    pub kind: RecordKind,
    pub record_id: Id,
    pub account_id: Id,
    pub account_name: String,
    pub title: String,
    pub snippet: Vec<Fragment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SearchGroup {
    pub kind: RecordKind,
    pub hits: Vec<SearchHit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SearchResults {
    pub query: String,
    /// Groups in order of their best match; hits in each by relevance.
    pub groups: Vec<SearchGroup>,
}

/// How many matches are ranked at most: the most recently written ones. A word found in tens
/// of thousands of records would otherwise be scored in every one of them (180 ms for "plan" on
/// a heavy portfolio); the newest 1,000 hold what an account manager looks for. Ranking 2,000
/// put the slowest searches at 18–26 ms when other reads had filled the page cache first;
/// 1,000 puts them at 11–12 ms (docs/performance.md).
const RANKED: u32 = 1_000;

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// The user's words as an FTS5 query: each word quoted (so no word is read as an operator),
/// all required, the last one as a prefix.
pub fn fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| format!("\"{w}\""))
        .collect();
    let (last, rest) = words.split_last()?;
    let mut query = rest.join(" ");
    if !query.is_empty() {
        query.push(' ');
    }
    query.push_str(last);
    query.push('*');
    Some(query)
}

fn fragments(marked: &str) -> Vec<Fragment> {
    let mut out: Vec<Fragment> = Vec::new();
    let mut hit = false;
    let mut current = String::new();
    for c in marked.chars() {
        if c == OPEN || c == CLOSE {
            if !current.is_empty() {
                out.push(Fragment { text: std::mem::take(&mut current), hit });
            }
            hit = c == OPEN;
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push(Fragment { text: current, hit });
    }
    out
}

impl Store {
    pub fn search(&self, input: &str, limit: u32) -> Result<SearchResults> {
        let Some(query) = fts_query(input) else {
            return Ok(SearchResults { query: input.to_string(), groups: Vec::new() });
        };
        let sql = format!(
            "SELECT s.kind, s.record_id, s.account_id, a.name, s.title,
                    snippet(search, 4, '{OPEN}', '{CLOSE}', '…', 16),
                    snippet(search, 3, '{OPEN}', '{CLOSE}', '…', 16)
             FROM search s JOIN accounts a ON a.id = s.account_id AND a.archived_at IS NULL
             WHERE search MATCH ?1
               AND s.rowid >= (SELECT coalesce(min(r), 0) FROM
                     (SELECT rowid AS r FROM search WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT {RANKED}))
             ORDER BY bm25(search, 0.0, 0.0, 0.0, 4.0, 1.0)
             LIMIT ?2"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params![query, limit], |row| {
            let kind: String = row.get(0)?;
            let body: String = row.get(5)?;
            let title_snippet: String = row.get(6)?;
            Ok((
                kind,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, String>(4)?,
                body,
                title_snippet,
            ))
        })?;
        let mut groups: Vec<SearchGroup> = Vec::new();
        for row in rows {
            let (kind, record_id, account_id, account_name, title, body, title_snippet) = row?;
            let Ok(kind) = serde_json::from_value::<RecordKind>(serde_json::Value::String(kind)) else {
                continue;
            };
            let snippet = if body.contains(OPEN) || title_snippet.is_empty() {
                fragments(&body)
            } else {
                fragments(&title_snippet)
            };
            let hit = SearchHit { kind, record_id, account_id, account_name, title, snippet };
            match groups.iter_mut().find(|g| g.kind == kind) {
                Some(group) => group.hits.push(hit),
                None => groups.push(SearchGroup { kind, hits: vec![hit] }),
            }
        }
        Ok(SearchResults { query: input.to_string(), groups })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_words_become_a_safe_prefix_query() {
        assert_eq!(fts_query("helene march").as_deref(), Some("\"helene\" \"march\"*"));
        assert_eq!(fts_query("NOT OR \"AND\" (x").as_deref(), Some("\"NOT\" \"OR\" \"AND\" \"x\"*"));
        assert_eq!(fts_query("  ,;  "), None);
    }

    #[test]
    fn marked_snippets_split_into_fragments() {
        let marked = format!("met {OPEN}Hélène{CLOSE} today");
        assert_eq!(
            fragments(&marked),
            vec![
                Fragment { text: "met ".into(), hit: false },
                Fragment { text: "Hélène".into(), hit: true },
                Fragment { text: " today".into(), hit: false }
            ]
        );
    }
}
