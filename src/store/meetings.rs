//! Meeting rows and their attendees.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Store, accounts, codec, contacts};
use crate::domain::{Guest, Meeting};
use crate::error::{Error, Result};

const COLUMNS: &str = "m.id, m.account_id, m.starts_at, m.ends_at, m.title, m.location, m.agenda, m.created_at, \
     m.updated_at, m.ical_uid, m.timezone, (SELECT json_group_array(contact_id) FROM \
        (SELECT contact_id FROM meeting_attendees WHERE meeting_id = m.id ORDER BY contact_id)), \
     (SELECT json_group_array(json_object('email', email, 'name', name, 'role', role)) FROM \
        (SELECT email, name, role FROM meeting_guests WHERE meeting_id = m.id ORDER BY role <> 'organizer', email))";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: row.get(0)?,
        account_id: row.get(1)?,
        starts_at: codec::parse_instant(2, &row.get::<_, String>(2)?)?,
        ends_at: codec::parse_instant(3, &row.get::<_, String>(3)?)?,
        title: row.get(4)?,
        location: row.get(5)?,
        agenda: row.get(6)?,
        created_at: codec::parse_instant(7, &row.get::<_, String>(7)?)?,
        updated_at: codec::parse_instant(8, &row.get::<_, String>(8)?)?,
        ical_uid: row.get(9)?,
        timezone: row.get(10)?,
        attendee_ids: codec::parse_json(11, &row.get::<_, String>(11)?)?,
        guests: codec::parse_json(12, &row.get::<_, String>(12)?)?,
    })
}

fn set_attendees(conn: &Connection, m: &Meeting) -> Result<()> {
    for c in &m.attendee_ids {
        contacts::require_in_account(conn, &m.account_id, c, "attendee_ids")?;
    }
    conn.prepare_cached("DELETE FROM meeting_attendees WHERE meeting_id = ?1")?.execute([&m.id])?;
    let mut link =
        conn.prepare_cached("INSERT INTO meeting_attendees (meeting_id, contact_id) VALUES (?1, ?2)")?;
    for c in &m.attendee_ids {
        link.execute(params![m.id, c])?;
    }
    Ok(())
}

fn set_guests(conn: &Connection, m: &Meeting) -> Result<()> {
    conn.prepare_cached("DELETE FROM meeting_guests WHERE meeting_id = ?1")?.execute([&m.id])?;
    let mut add = conn.prepare_cached(
        "INSERT INTO meeting_guests (meeting_id, email, name, role) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (meeting_id, email) DO NOTHING",
    )?;
    for g in &m.guests {
        add.execute(params![m.id, g.email, g.name, g.role.as_str()])?;
    }
    Ok(())
}

const SAVED: &str =
    "id, account_id, starts_at, ends_at, title, location, agenda, created_at, updated_at, ical_uid, timezone";

/// Adds the meeting, or edits it in place when its id exists, with its attendees.
pub(crate) fn save(conn: &Connection, m: &Meeting) -> Result<()> {
    accounts::require(conn, &m.account_id)?;
    if let Some(uid) = &m.ical_uid {
        let other: Option<String> = conn
            .prepare_cached("SELECT title FROM meetings WHERE ical_uid = ?1 AND id <> ?2")?
            .query_row(params![uid, m.id], |r| r.get(0))
            .optional()?;
        if let Some(title) = other {
            return Err(Error::validation(
                "ical_uid",
                format!(
                    "\"{title}\" already came from the same calendar event. Each calendar event can be one meeting only."
                ),
            ));
        }
    }
    conn.prepare_cached(&super::upsert_sql("meetings", SAVED))?.execute(params![
        m.id,
        m.account_id,
        codec::instant(&m.starts_at),
        codec::instant(&m.ends_at),
        m.title,
        m.location,
        m.agenda,
        codec::instant(&m.created_at),
        codec::instant(&m.updated_at),
        m.ical_uid,
        m.timezone,
    ])?;
    set_attendees(conn, m)?;
    set_guests(conn, m)
}

pub(crate) fn get(conn: &Connection, id: &str) -> Result<Meeting> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM meetings m WHERE m.id = ?1 AND m.archived_at IS NULL"
    ))?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| Error::not_found("That meeting no longer exists. Reload the account to see its meetings."))
}

/// Every live meeting meeting `condition`, with its attendees, for loading the whole portfolio.
pub(crate) fn all_where(conn: &Connection, condition: &str, account: Option<&str>) -> Result<Vec<Meeting>> {
    let mut links: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    // Only the attendees of the meetings asked for: the meetings (found by their index) drive.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT a.meeting_id, a.contact_id FROM meetings m CROSS JOIN meeting_attendees a ON a.meeting_id = m.id
         WHERE {condition} ORDER BY a.meeting_id, a.contact_id"
    ))?;
    let mut rows = codec::query(&mut stmt, &[], account)?;
    while let Some(row) = rows.next()? {
        links.entry(row.get(0)?).or_default().push(row.get(1)?);
    }
    let mut guests: std::collections::HashMap<String, Vec<Guest>> = std::collections::HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT g.meeting_id, json_object('email', g.email, 'name', g.name, 'role', g.role)
         FROM meetings m CROSS JOIN meeting_guests g ON g.meeting_id = m.id
         WHERE {condition} ORDER BY g.meeting_id, g.role <> 'organizer', g.email"
    ))?;
    let mut rows = codec::query(&mut stmt, &[], account)?;
    while let Some(row) = rows.next()? {
        guests.entry(row.get(0)?).or_default().push(codec::parse_json(1, &row.get::<_, String>(1)?)?);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT m.id, m.account_id, m.starts_at, m.ends_at, m.title, m.location, m.agenda, m.created_at, m.updated_at, m.ical_uid, m.timezone, '[]', '[]'
         FROM meetings m WHERE {condition} ORDER BY m.starts_at, m.id"
    ))?;
    let mut all: Vec<Meeting> =
        codec::query(&mut stmt, &[], account)?.mapped(from_row).collect::<rusqlite::Result<_>>()?;
    for m in &mut all {
        m.attendee_ids = links.remove(&m.id).unwrap_or_default();
        m.guests = guests.remove(&m.id).unwrap_or_default();
    }
    Ok(all)
}

impl Store {
    /// An account's meetings, by start time.
    pub fn meetings(&self, account_id: &str) -> Result<Vec<Meeting>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM meetings m WHERE m.account_id = ?1 AND m.archived_at IS NULL ORDER BY m.starts_at, m.id"
        ))?;
        Ok(stmt.query_map([account_id], from_row)?.collect::<rusqlite::Result<_>>()?)
    }
}
