//! Interaction rows and the people who took part in each.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, params};

use super::{Store, accounts, codec, contacts};
use crate::domain::Interaction;
use crate::error::Result;

const COLUMNS: &str = "i.id, i.account_id, i.occurred_at, i.channel, i.initiated_by, i.summary, i.sentiment, \
     i.strategic, i.created_at, i.source, i.message_id, i.snippet, \
     (SELECT json_group_array(contact_id) FROM \
        (SELECT contact_id FROM interaction_contacts WHERE interaction_id = i.id ORDER BY contact_id)), \
     i.serves, i.private";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Interaction> {
    let contact_ids = codec::parse_json(PEOPLE, &row.get::<_, String>(PEOPLE)?)?;
    with_people(row, contact_ids)
}

/// The column of `COLUMNS` that holds the people.
const PEOPLE: usize = 12;

/// An interaction from the columns of `COLUMNS` but the people, which are read however the
/// statement gave them.
fn with_people(row: &Row<'_>, contact_ids: Vec<String>) -> rusqlite::Result<Interaction> {
    Ok(Interaction {
        id: row.get(0)?,
        account_id: row.get(1)?,
        occurred_at: codec::parse_instant(2, &row.get::<_, String>(2)?)?,
        channel: codec::parse_word(3, &row.get::<_, String>(3)?)?,
        initiated_by: codec::parse_word(4, &row.get::<_, String>(4)?)?,
        summary: row.get(5)?,
        sentiment: row.get(6)?,
        strategic: row.get(7)?,
        created_at: codec::parse_instant(8, &row.get::<_, String>(8)?)?,
        source: codec::parse_word(9, &row.get::<_, String>(9)?)?,
        message_id: row.get(10)?,
        snippet: row.get(11)?,
        contact_ids,
        serves: row
            .get::<_, Option<String>>(PEOPLE + 1)?
            .map(|w| codec::parse_word(PEOPLE + 1, &w))
            .transpose()?,
        private: row.get(PEOPLE + 2)?,
    })
}

const SAVED: &str = "id, account_id, occurred_at, channel, initiated_by, summary, sentiment, strategic, created_at, \
     source, message_id, snippet, serves, private";

/// Adds the interaction, or edits it in place when its id exists, with the people who took part.
pub(crate) fn save(conn: &Connection, i: &Interaction) -> Result<()> {
    accounts::require(conn, &i.account_id)?;
    for contact_id in &i.contact_ids {
        contacts::require_in_account(conn, &i.account_id, contact_id, "contact_ids")?;
    }
    if let Some(message_id) = &i.message_id {
        use rusqlite::OptionalExtension;
        let other: Option<String> = conn
            .prepare_cached(
                "SELECT id FROM interactions WHERE message_id = ?1 AND account_id = ?2 AND id <> ?3",
            )?
            .query_row(params![message_id, i.account_id, i.id], |r| r.get(0))
            .optional()?;
        if other.is_some() {
            return Err(crate::error::Error::conflict(format!(
                "This account already has a touch read from the message <{message_id}>, under another id. Keep one of the two: remove the other from the file, then try again."
            )));
        }
    }
    conn.prepare_cached(&super::upsert_sql("interactions", SAVED))?.execute(params![
        i.id,
        i.account_id,
        codec::instant(&i.occurred_at),
        i.channel.as_str(),
        i.initiated_by.as_str(),
        i.summary,
        i.sentiment,
        i.strategic,
        codec::instant(&i.created_at),
        i.source.as_str(),
        i.message_id,
        i.snippet,
        i.serves.map(|w| w.as_str()),
        i.private,
    ])?;
    conn.prepare_cached("DELETE FROM interaction_contacts WHERE interaction_id = ?1")?.execute([&i.id])?;
    let mut link =
        conn.prepare_cached("INSERT INTO interaction_contacts (interaction_id, contact_id) VALUES (?1, ?2)")?;
    for contact_id in &i.contact_ids {
        link.execute(params![i.id, contact_id])?;
    }
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: &str) -> Result<Interaction> {
    use rusqlite::OptionalExtension;
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM interactions i WHERE i.id = ?1 AND i.archived_at IS NULL"
    ))?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| {
        crate::error::Error::not_found("That interaction no longer exists. Reload the account's history.")
    })
}

/// Every live interaction, with its people, for loading the whole portfolio at once: two
/// table scans instead of one sub-query per row.
pub(crate) fn all(conn: &Connection, with_archived: bool) -> Result<Vec<Interaction>> {
    let mut links: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT interaction_id, contact_id FROM interaction_contacts ORDER BY interaction_id, contact_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        links.entry(row.get(0)?).or_default().push(row.get(1)?);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT i.id, i.account_id, i.occurred_at, i.channel, i.initiated_by, i.summary, i.sentiment, i.strategic,
                i.created_at, i.source, i.message_id, i.snippet, '[]', i.serves, i.private
         FROM interactions i WHERE i.archived_at IS NULL OR ?1 ORDER BY i.account_id, i.occurred_at DESC, i.id DESC",
    )?;
    let mut all: Vec<Interaction> =
        stmt.query_map([with_archived], from_row)?.collect::<rusqlite::Result<_>>()?;
    for i in &mut all {
        i.contact_ids = links.remove(&i.id).unwrap_or_default();
    }
    Ok(all)
}

/// The live interactions matching `condition` (on `i`): what the health review and the brief
/// read, a window of recent history rather than all of it. Only touches from `detail_since`
/// on come with their people, and only those from `text_since` (when given) with their text
/// (summary, Message-ID and snippet); the older ones come dated and counted, without, for
/// readers that only count and date them.
pub(crate) fn all_where(
    conn: &Connection,
    condition: &str,
    account: Option<&str>,
    detail_since: &str,
    text_since: Option<&str>,
) -> Result<Vec<Interaction>> {
    let detailed = format!("i.occurred_at >= '{detail_since}'");
    let (summary, mail) = match text_since {
        Some(since) => {
            let texted = format!("i.occurred_at >= '{since}'");
            (
                format!("CASE WHEN {texted} THEN i.summary ELSE '' END"),
                format!("CASE WHEN {texted} THEN i.message_id END, CASE WHEN {texted} THEN i.snippet END"),
            )
        }
        None => ("''".into(), "NULL, NULL".into()),
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT i.id, i.account_id, i.occurred_at, i.channel, i.initiated_by, {summary}, i.sentiment, i.strategic,
                i.created_at, i.source, {mail},
                CASE WHEN {detailed} THEN
                    (SELECT group_concat(l.contact_id, ',') FROM interaction_contacts l WHERE l.interaction_id = i.id)
                END, i.serves, i.private
         FROM interactions i WHERE i.archived_at IS NULL AND ({condition})"
    ))?;
    let rows = codec::query(&mut stmt, &[], account)?.mapped(|row| {
        let people: Option<String> = row.get(PEOPLE)?;
        // Ids are UUIDs: a comma never appears in one.
        let mut contact_ids: Vec<String> =
            people.map(|p| p.split(',').map(str::to_string).collect()).unwrap_or_default();
        contact_ids.sort();
        with_people(row, contact_ids)
    });
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    pub fn insert_interaction(&mut self, interaction: &Interaction) -> Result<()> {
        self.write(|tx| save(tx, interaction))
    }

    /// An account's history, newest first, at most `limit` entries.
    pub fn timeline(&self, account_id: &str, limit: u32) -> Result<Vec<Interaction>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM interactions i
             WHERE i.account_id = ?1 AND i.archived_at IS NULL
             ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?2"
        ))?;
        Ok(stmt.query_map(params![account_id, limit], from_row)?.collect::<rusqlite::Result<_>>()?)
    }

    /// When the oldest of an account's `n` newest touches up to `now` happened (the `n`th
    /// newest, or the first of fewer); none if it has no touch yet.
    pub fn oldest_of_newest_touches(
        &self,
        account_id: &str,
        now: DateTime<Utc>,
        n: u32,
    ) -> Result<Option<DateTime<Utc>>> {
        let at: Option<String> = self.conn().prepare_cached(
            "SELECT min(occurred_at) FROM
               (SELECT occurred_at FROM interactions WHERE account_id = ?1 AND archived_at IS NULL AND occurred_at <= ?2
                ORDER BY occurred_at DESC LIMIT ?3)",
        )?
        .query_row(params![account_id, codec::instant(&now), n], |r| r.get(0))?;
        Ok(codec::opt_instant(0, at)?)
    }

    pub fn last_touch(&self, account_id: &str) -> Result<Option<DateTime<Utc>>> {
        let last: Option<String> = self.conn().query_row(
            "SELECT max(occurred_at) FROM interactions WHERE account_id = ?1 AND archived_at IS NULL",
            [account_id],
            |r| r.get(0),
        )?;
        Ok(codec::opt_instant(0, last)?)
    }

    pub fn interaction_count(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM interactions WHERE archived_at IS NULL", [], |r| r.get(0))?)
    }
}
