//! Merging two people or two accounts, as rows: every row naming the merged one is moved to
//! the kept one, a row that would then be there twice (both people on one touch; one message
//! read into both accounts) is kept once, and everything changed is written down in the merge's
//! journal, so that undoing it puts back each row as it was. The rules of what the kept record
//! becomes are the engine's (`engine::duplicates`); the service runs both in one transaction.
//!
//! Rows are journalled whole, as JSON objects of their columns, so that a row dropped comes
//! back exactly; table and column names are this module's own, never a user's.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{accounts, codec, contacts};
use crate::domain::{Account, Contact, Id, MergeKind};
use crate::error::{Error, Result};

/// A row as its columns' values.
pub(crate) type Row = serde_json::Map<String, serde_json::Value>;

/// How many records of each kind a merge moved to the kept person or account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Moved {
    pub people: u32,
    pub touches: u32,
    pub meetings: u32,
    pub series: u32,
    pub goals: u32,
    pub promises: u32,
    pub requests: u32,
    pub issues: u32,
    pub culture_notes: u32,
    /// Proposals waiting in "Rapport noticed".
    pub noticed: u32,
    /// People who reported to the merged person.
    pub reports: u32,
    /// What the user did with a check-in (done, snoozed, dismissed).
    pub checkins: u32,
}

/// Rows whose `column` was changed from `from` to `to`, each found by its `key` column.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Move {
    table: String,
    key: String,
    ids: Vec<String>,
    column: String,
    from: String,
    to: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Whole {
    table: String,
    row: Row,
}

/// Everything a merge changed, in order.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Journal {
    moved: Vec<Move>,
    /// Rows deleted as duplicates, whole, in the order deleted.
    dropped: Vec<Whole>,
    /// Rows added, whole (the people of a touch kept once, a check-in's state under its new key).
    added: Vec<Whole>,
    kept_before: Row,
    kept_after: Row,
}

/// A merge as remembered.
#[derive(Debug, Clone)]
pub(crate) struct Merge {
    pub id: Id,
    pub kind: MergeKind,
    pub kept_id: Id,
    pub merged_id: Id,
    pub undone_at: Option<DateTime<Utc>>,
    journal: Journal,
}

fn table_of(kind: MergeKind) -> &'static str {
    match kind {
        MergeKind::Person => "contacts",
        MergeKind::Account => "accounts",
    }
}

fn to_json(value: ValueRef<'_>) -> rusqlite::Result<serde_json::Value> {
    Ok(match value {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(n) => n.into(),
        ValueRef::Real(x) => x.into(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
        ValueRef::Blob(_) => {
            return Err(rusqlite::Error::InvalidColumnType(0, "blob".into(), rusqlite::types::Type::Blob));
        }
    })
}

fn to_sql(value: &serde_json::Value) -> Value {
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Integer(i64::from(*b)),
        serde_json::Value::Number(n) => {
            n.as_i64().map(Value::Integer).unwrap_or_else(|| Value::Real(n.as_f64().unwrap_or(0.0)))
        }
        serde_json::Value::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}

/// The rows of `table` meeting `condition`, whole.
fn rows(conn: &Connection, table: &str, condition: &str, values: &[&str]) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT * FROM {table} WHERE {condition}"))?;
    let names: Vec<String> = stmt.column_names().into_iter().map(str::to_string).collect();
    let found = stmt.query_map(params_from_iter(values), |r| {
        let mut row = Row::new();
        for (i, name) in names.iter().enumerate() {
            row.insert(name.clone(), to_json(r.get_ref(i)?)?);
        }
        Ok(row)
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The record `id` of `kind`, whole, archived or not.
fn record(conn: &Connection, kind: MergeKind, id: &str) -> Result<Row> {
    rows(conn, table_of(kind), "id = ?1", &[id])?
        .pop()
        .ok_or_else(|| Error::not_found("That record is no longer in this database. Reload and try again."))
}

fn insert(conn: &Connection, table: &str, row: &Row) -> Result<()> {
    let names: Vec<&str> = row.keys().map(String::as_str).collect();
    let marks: Vec<String> = (1..=names.len()).map(|n| format!("?{n}")).collect();
    let sql = format!("INSERT INTO {table} ({}) VALUES ({})", names.join(", "), marks.join(", "));
    conn.prepare_cached(&sql)?.execute(params_from_iter(row.values().map(to_sql)))?;
    Ok(())
}

/// Deletes the row equal to `row` in every column; false when there is none (it changed since).
fn delete_equal(conn: &Connection, table: &str, row: &Row) -> Result<bool> {
    let same: Vec<String> = row.keys().enumerate().map(|(i, c)| format!("{c} IS ?{}", i + 1)).collect();
    let sql = format!("DELETE FROM {table} WHERE {}", same.join(" AND "));
    Ok(conn.prepare_cached(&sql)?.execute(params_from_iter(row.values().map(to_sql)))? > 0)
}

impl Journal {
    /// Moves every row of `table` whose `column` is `from` to `to`, but the row `except`.
    fn shift(
        &mut self,
        conn: &Connection,
        (table, key, column): (&str, &str, &str),
        except: Option<&str>,
        from: &str,
        to: &str,
    ) -> Result<u32> {
        let mut stmt =
            conn.prepare_cached(&format!("SELECT {key} FROM {table} WHERE {column} = ?1 ORDER BY 1"))?;
        let mut ids: Vec<String> = stmt.query_map([from], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        ids.retain(|id| Some(id.as_str()) != except);
        let mut update = conn.prepare_cached(&format!(
            "UPDATE {table} SET {column} = ?3 WHERE {key} = ?1 AND {column} = ?2"
        ))?;
        for id in &ids {
            update.execute(params![id, from, to])?;
        }
        let count = u32::try_from(ids.len()).unwrap_or(u32::MAX);
        if !ids.is_empty() {
            self.moved.push(Move {
                table: table.into(),
                key: key.into(),
                ids,
                column: column.into(),
                from: from.into(),
                to: to.into(),
            });
        }
        Ok(count)
    }

    /// Deletes the rows of `table` meeting `condition`, keeping each whole in the journal.
    fn drop_rows(&mut self, conn: &Connection, table: &str, condition: &str, values: &[&str]) -> Result<u32> {
        let found = rows(conn, table, condition, values)?;
        for row in &found {
            delete_equal(conn, table, row)?;
        }
        let count = u32::try_from(found.len()).unwrap_or(u32::MAX);
        self.dropped.extend(found.into_iter().map(|row| Whole { table: table.into(), row }));
        Ok(count)
    }

    fn add_row(&mut self, conn: &Connection, table: &str, row: Row) -> Result<()> {
        insert(conn, table, &row)?;
        self.added.push(Whole { table: table.into(), row });
        Ok(())
    }

    /// What the user did with each check-in of `from_prefix` ("account:person" keys) goes to
    /// the same key under `to_prefix`; where the kept one has its own, the kept one's stays.
    fn move_checkins(
        &mut self,
        conn: &Connection,
        from_prefix: &str,
        to_prefix: &str,
        exact: bool,
    ) -> Result<u32> {
        let condition = if exact { "key = ?1" } else { "substr(key, 1, length(?1)) = ?1" };
        let mut count = 0;
        for row in rows(conn, "suggestion_states", condition, &[from_prefix])? {
            let key = row.get("key").and_then(|k| k.as_str()).unwrap_or_default().to_string();
            let moved = format!("{to_prefix}{}", &key[from_prefix.len()..]);
            self.drop_rows(conn, "suggestion_states", "key = ?1", &[&key])?;
            if rows(conn, "suggestion_states", "key = ?1", &[&moved])?.is_empty() {
                let mut row = row;
                row.insert("key".into(), moved.into());
                self.add_row(conn, "suggestion_states", row)?;
                count += 1;
            }
        }
        Ok(count)
    }

    /// Keeps the kept record as it is before the merge changes it.
    pub(crate) fn kept_before(&mut self, conn: &Connection, kind: MergeKind, id: &str) -> Result<()> {
        self.kept_before = record(conn, kind, id)?;
        Ok(())
    }

    /// Keeps the kept record as the merge left it.
    pub(crate) fn kept_after(&mut self, conn: &Connection, kind: MergeKind, id: &str) -> Result<()> {
        self.kept_after = record(conn, kind, id)?;
        Ok(())
    }
}

/// Moves everything that names `merged` to `kept`, two people of one account.
pub(crate) fn move_person(
    conn: &Connection,
    j: &mut Journal,
    account_id: &str,
    kept: &str,
    merged: &str,
) -> Result<Moved> {
    let mut moved = Moved::default();
    // Both on one touch or one meeting: the merged person's place there goes.
    for (table, key) in [("interaction_contacts", "interaction_id"), ("meeting_attendees", "meeting_id")] {
        let both = format!("contact_id = ?2 AND {key} IN (SELECT {key} FROM {table} WHERE contact_id = ?1)");
        let dropped = j.drop_rows(conn, table, &both, &[kept, merged])?;
        let shifted = j.shift(conn, (table, key, "contact_id"), None, merged, kept)?;
        if table == "interaction_contacts" {
            moved.touches = dropped + shifted;
        } else {
            moved.meetings = dropped + shifted;
        }
    }
    let id_of = |table: &'static str, column: &'static str| (table, "id", column);
    j.shift(conn, id_of("meetings", "organizer_id"), None, merged, kept)?;
    moved.culture_notes = j.shift(conn, id_of("culture_notes", "contact_id"), None, merged, kept)?;
    moved.goals = j.shift(conn, id_of("goals", "contact_id"), None, merged, kept)?;
    moved.promises = j.shift(conn, id_of("promises", "contact_id"), None, merged, kept)?;
    moved.requests = j.shift(conn, id_of("requests", "contact_id"), None, merged, kept)?;
    moved.noticed = j.shift(conn, id_of("noticed", "contact_id"), None, merged, kept)?;
    // The kept person's own manager is the engine's to choose (never themselves).
    moved.reports = j.shift(conn, id_of("contacts", "reports_to"), Some(kept), merged, kept)?;
    // Those the merged person introduced were introduced by the kept one.
    j.shift(conn, id_of("contacts", "introduced_by"), Some(kept), merged, kept)?;
    moved.checkins =
        j.move_checkins(conn, &format!("{account_id}:{merged}"), &format!("{account_id}:{kept}"), true)?;
    Ok(moved)
}

/// Moves every person and record of the account `merged` to `kept`. A message read into both
/// is one touch, the kept account's (or the live one, when the kept account's was archived),
/// with the people of both.
pub(crate) fn move_account(conn: &Connection, j: &mut Journal, kept: &str, merged: &str) -> Result<Moved> {
    let mut moved = Moved::default();
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, k.id, k.archived_at IS NOT NULL AND m.archived_at IS NULL
         FROM interactions m JOIN interactions k ON k.message_id = m.message_id AND k.account_id = ?1
         WHERE m.account_id = ?2 AND m.message_id IS NOT NULL ORDER BY m.id",
    )?;
    let twice: Vec<(String, String, bool)> = stmt
        .query_map([kept, merged], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (theirs, ours, theirs_is_live) in twice {
        let (gone, stays) = if theirs_is_live { (ours, theirs) } else { (theirs, ours) };
        let mut people = conn.prepare_cached(
            "SELECT contact_id FROM interaction_contacts WHERE interaction_id = ?1
               AND contact_id NOT IN (SELECT contact_id FROM interaction_contacts WHERE interaction_id = ?2)",
        )?;
        let joining: Vec<String> =
            people.query_map([&gone, &stays], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        for person in joining {
            let mut row = Row::new();
            row.insert("interaction_id".into(), stays.clone().into());
            row.insert("contact_id".into(), person.into());
            j.add_row(conn, "interaction_contacts", row)?;
        }
        j.shift(conn, ("promises", "id", "interaction_id"), None, &gone, &stays)?;
        j.drop_rows(conn, "interaction_contacts", "interaction_id = ?1", &[&gone])?;
        j.drop_rows(conn, "interactions", "id = ?1", &[&gone])?;
        moved.touches += 1;
    }
    // A proposal waiting in both accounts is the kept account's.
    moved.noticed += j.drop_rows(
        conn,
        "noticed",
        "account_id = ?2 AND EXISTS (SELECT 1 FROM noticed k WHERE k.account_id = ?1
             AND k.kind = noticed.kind AND k.key = noticed.key)",
        &[kept, merged],
    )?;
    let of = |table: &'static str| (table, "id", "account_id");
    moved.people = j.shift(conn, of("contacts"), None, merged, kept)?;
    moved.touches += j.shift(conn, of("interactions"), None, merged, kept)?;
    moved.culture_notes = j.shift(conn, of("culture_notes"), None, merged, kept)?;
    moved.goals = j.shift(conn, of("goals"), None, merged, kept)?;
    moved.promises = j.shift(conn, of("promises"), None, merged, kept)?;
    moved.requests = j.shift(conn, of("requests"), None, merged, kept)?;
    moved.issues = j.shift(conn, of("issues"), None, merged, kept)?;
    moved.meetings = j.shift(conn, of("meetings"), None, merged, kept)?;
    moved.series = j.shift(conn, of("meeting_series"), None, merged, kept)?;
    moved.noticed += j.shift(conn, of("noticed"), None, merged, kept)?;
    moved.checkins = j.move_checkins(conn, &format!("{merged}:"), &format!("{kept}:"), false)?;
    Ok(moved)
}

/// Saves the kept person as the engine united them. A manager that would now close a circle
/// (someone who reported to the merged person is above the kept one) is left out.
pub(crate) fn save_person(conn: &Connection, person: &Contact) -> Result<bool> {
    match contacts::save(conn, person) {
        Err(Error::Validation { field: "reports_to", .. }) => {
            contacts::save(conn, &Contact { reports_to: None, ..person.clone() })?;
            Ok(false)
        }
        other => other.map(|()| true),
    }
}

pub(crate) fn save_account(conn: &Connection, account: &Account) -> Result<()> {
    accounts::save(conn, account)
}

/// Archives the merged record and makes the caches that name it or the kept one current: the
/// last touch of each person (a moved place on a touch fires no trigger) and account, and
/// today's health snapshots of the accounts, taken again at the next look.
pub(crate) fn settle(
    conn: &Connection,
    kind: MergeKind,
    merged: &str,
    archive_at: Option<DateTime<Utc>>,
    people: &[&str],
    accounts: &[&str],
    today: NaiveDate,
) -> Result<()> {
    let table = table_of(kind);
    conn.prepare_cached(&format!("UPDATE {table} SET archived_at = ?2 WHERE id = ?1"))?
        .execute(params![merged, archive_at.as_ref().map(codec::instant)])?;
    let mut person = conn.prepare_cached(
        "INSERT INTO contact_touch SELECT contact_id, last_at, last_id, last_summary FROM contact_touch_now
         WHERE contact_id = ?1
         ON CONFLICT (contact_id) DO UPDATE SET last_at = excluded.last_at, last_id = excluded.last_id,
             last_summary = excluded.last_summary",
    )?;
    for id in people {
        person.execute([id])?;
    }
    let mut account = conn.prepare_cached(
        "INSERT INTO account_touch SELECT account_id, last_at, last_id, last_summary, last_strategic_at
         FROM account_touch_now WHERE account_id = ?1
         ON CONFLICT (account_id) DO UPDATE SET last_at = excluded.last_at, last_id = excluded.last_id,
             last_summary = excluded.last_summary, last_strategic_at = excluded.last_strategic_at",
    )?;
    let mut snapshot =
        conn.prepare_cached("DELETE FROM health_snapshots WHERE account_id = ?1 AND day = ?2")?;
    for id in accounts {
        account.execute([id])?;
        snapshot.execute(params![id, codec::date(&today)])?;
    }
    Ok(())
}

/// The people an account holds, archived ones included: whose last touch a merge of accounts
/// makes current.
pub(crate) fn people_of(conn: &Connection, account_id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM contacts WHERE account_id = ?1")?;
    Ok(stmt.query_map([account_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn save(
    conn: &Connection,
    id: &str,
    kind: MergeKind,
    kept: &str,
    merged: &str,
    journal: &Journal,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO merges (id, kind, kept_id, merged_id, journal, merged_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![id, kind.as_str(), kept, merged, codec::json(journal), codec::instant(&now)])?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: &str) -> Result<Merge> {
    conn.prepare_cached("SELECT id, kind, kept_id, merged_id, journal, undone_at FROM merges WHERE id = ?1")?
        .query_row([id.trim()], |r| {
            Ok(Merge {
                id: r.get(0)?,
                kind: codec::parse_word(1, &r.get::<_, String>(1)?)?,
                kept_id: r.get(2)?,
                merged_id: r.get(3)?,
                journal: codec::parse_json(4, &r.get::<_, String>(4)?)?,
                undone_at: codec::opt_instant(5, r.get(5)?)?,
            })
        })
        .optional()?
        .ok_or_else(|| {
            Error::not_found(format!(
                "There is no merge {} in this database. The id is in what the merge said (merge_id).",
                id.trim()
            ))
        })
}

/// The first merge made after `merge` and still in force that touched one of `accounts` (a
/// merge of people touches their account): it must be undone first.
pub(crate) fn later_in_force(conn: &Connection, merge: &Merge, accounts: &[&str]) -> Result<Option<Merge>> {
    let [a, b] = match accounts {
        [a] => [*a, *a],
        [a, b, ..] => [*a, *b],
        [] => return Ok(None),
    };
    let later: Option<String> = conn
        .prepare_cached(
            "SELECT m.id FROM merges m WHERE m.undone_at IS NULL
               AND m.rowid > (SELECT rowid FROM merges WHERE id = ?1)
               AND ((m.kind = 'account' AND (m.kept_id IN (?2, ?3) OR m.merged_id IN (?2, ?3)))
                 OR (m.kind = 'person' AND (SELECT account_id FROM contacts WHERE id = m.kept_id) IN (?2, ?3)))
             ORDER BY m.rowid LIMIT 1",
        )?
        .query_row(params![merge.id, a, b], |r| r.get(0))
        .optional()?;
    later.map(|id| get(conn, &id)).transpose()
}

/// Puts back everything `merge` changed, or fails whole: the rows it added go (unless changed
/// since), the rows it dropped come back, the rows it moved go back (those still where it put
/// them), the kept record's fields it changed are as they were (unless changed since), and the
/// merged record is live again.
pub(crate) fn undo(conn: &Connection, merge: &Merge, now: DateTime<Utc>) -> Result<()> {
    let j = &merge.journal;
    for w in j.added.iter().rev() {
        delete_equal(conn, &w.table, &w.row)?;
    }
    for w in j.dropped.iter().rev() {
        insert(conn, &w.table, &w.row).map_err(|e| match e {
            Error::Storage { .. } => Error::conflict(
                "This merge cannot be undone: something it set aside has been made again since. Nothing was changed.",
            ),
            other => other,
        })?;
    }
    for m in j.moved.iter().rev() {
        let mut update = conn.prepare_cached(&format!(
            "UPDATE {} SET {} = ?2 WHERE {} = ?1 AND {} = ?3",
            m.table, m.column, m.key, m.column
        ))?;
        for id in &m.ids {
            update.execute(params![id, m.from, m.to])?;
        }
    }
    let table = table_of(merge.kind);
    let current = record(conn, merge.kind, &merge.kept_id)?;
    for (column, before) in &j.kept_before {
        let after = j.kept_after.get(column);
        if after != Some(before) && current.get(column) == after {
            conn.prepare_cached(&format!("UPDATE {table} SET {column} = ?2 WHERE id = ?1"))?
                .execute(params![merge.kept_id, to_sql(before)])?;
        }
    }
    conn.prepare_cached("UPDATE merges SET undone_at = ?2 WHERE id = ?1")?
        .execute(params![merge.id, codec::instant(&now)])?;
    Ok(())
}

/// Remembers that two records are not the same.
pub(crate) fn not_same(
    conn: &Connection,
    kind: MergeKind,
    a: &str,
    b: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let (first, second) = if a <= b { (a, b) } else { (b, a) };
    conn.prepare_cached(
        "INSERT INTO not_duplicates (kind, first_id, second_id, said_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT DO NOTHING",
    )?
    .execute(params![kind.as_str(), first, second, codec::instant(&now)])?;
    Ok(())
}

/// Every pair the user said is not the same, ids in order.
pub(crate) fn not_same_pairs(conn: &Connection) -> Result<HashSet<(Id, Id)>> {
    let mut stmt = conn.prepare_cached("SELECT first_id, second_id FROM not_duplicates")?;
    Ok(stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?)
}

/// The live accounts and their live people: what likely pairs are looked for among.
pub(crate) fn live(conn: &Connection) -> Result<(Vec<Account>, Vec<Contact>)> {
    let accounts = accounts::all_where(conn, "archived_at IS NULL ORDER BY name COLLATE NOCASE, id", None)?;
    let people = contacts::all_where(
        conn,
        "archived_at IS NULL AND account_id IN (SELECT id FROM accounts WHERE archived_at IS NULL) ORDER BY id",
        None,
    )?;
    Ok((accounts, people))
}

/// The record `id` of `kind`, archived or not, with when it was archived.
pub(crate) fn state_of(
    conn: &Connection,
    kind: MergeKind,
    id: &str,
) -> Result<Option<(String, Option<String>)>> {
    Ok(conn
        .prepare_cached(&format!("SELECT name, archived_at FROM {} WHERE id = ?1", table_of(kind)))?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// The account of a person, archived or not.
pub(crate) fn account_of(conn: &Connection, person: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT account_id FROM contacts WHERE id = ?1")?
        .query_row([person], |r| r.get(0))
        .optional()?)
}
