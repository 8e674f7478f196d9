//! Meeting rows and their attendees.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Store, accounts, codec, contacts};
use crate::domain::{Guest, Meeting, MeetingSeries, Occurrence};
use crate::error::{Error, Result};

const COLUMNS: &str = "m.id, m.account_id, m.starts_at, m.ends_at, m.title, m.location, m.agenda, m.created_at, \
     m.updated_at, m.ical_uid, m.timezone, (SELECT json_group_array(contact_id) FROM \
        (SELECT contact_id FROM meeting_attendees WHERE meeting_id = m.id ORDER BY contact_id)), \
     (SELECT json_group_array(json_object('email', email, 'name', name, 'role', role)) FROM \
        (SELECT email, name, role FROM meeting_guests WHERE meeting_id = m.id ORDER BY role <> 'organizer', email)), \
     m.series_id, m.changed, (SELECT repeats FROM meeting_series WHERE id = m.series_id), m.organizer_id";

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
        series: match row.get::<_, Option<String>>(13)? {
            Some(series_id) => Some(Occurrence {
                series_id,
                changed: row.get(14)?,
                repeats: row.get::<_, Option<String>>(15)?.unwrap_or_default(),
            }),
            None => None,
        },
        organizer_id: row.get(16)?,
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

const SAVED: &str = "id, account_id, starts_at, ends_at, title, location, agenda, created_at, updated_at, ical_uid, \
     timezone, series_id, changed, organizer_id";

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
        m.series.as_ref().map(|s| &s.series_id),
        m.series.as_ref().is_some_and(|s| s.changed),
        m.organizer_id.as_ref().filter(|o| m.attendee_ids.contains(o)),
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
        "SELECT m.id, m.account_id, m.starts_at, m.ends_at, m.title, m.location, m.agenda, m.created_at, m.updated_at, m.ical_uid, m.timezone, '[]', '[]',
         m.series_id, m.changed, (SELECT repeats FROM meeting_series WHERE id = m.series_id), m.organizer_id
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

const SERIES: &str = "id, account_id, ical_uid, title, repeats, rule, created_at, updated_at";

fn series_from_row(row: &Row<'_>) -> rusqlite::Result<MeetingSeries> {
    Ok(MeetingSeries {
        id: row.get(0)?,
        account_id: row.get(1)?,
        ical_uid: row.get(2)?,
        title: row.get(3)?,
        repeats: row.get(4)?,
        rule: row.get(5)?,
        created_at: codec::parse_instant(6, &row.get::<_, String>(6)?)?,
        updated_at: codec::parse_instant(7, &row.get::<_, String>(7)?)?,
    })
}

/// Adds the series, or updates it in place when its id exists.
pub(crate) fn save_series(conn: &Connection, s: &MeetingSeries) -> Result<()> {
    accounts::require(conn, &s.account_id)?;
    conn.prepare_cached(&format!(
        "INSERT INTO meeting_series ({SERIES}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, ical_uid = excluded.ical_uid,
           title = excluded.title, repeats = excluded.repeats, rule = excluded.rule, updated_at = excluded.updated_at"
    ))?
    .execute(params![
        s.id,
        s.account_id,
        s.ical_uid,
        s.title,
        s.repeats,
        s.rule,
        codec::instant(&s.created_at),
        codec::instant(&s.updated_at),
    ])?;
    Ok(())
}

/// The series a calendar event's UID names, if Rapport has it.
pub(crate) fn series_by_uid(conn: &Connection, ical_uid: &str) -> Result<Option<MeetingSeries>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {SERIES} FROM meeting_series WHERE ical_uid = ?1"))?
        .query_row([ical_uid], series_from_row)
        .optional()?)
}

/// Every series, with the start of each of its occurrences that is deleted (in the archive):
/// those are its exceptions when it goes back out.
pub(crate) fn all_series(conn: &Connection, account: Option<&str>) -> Result<Vec<MeetingSeries>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SERIES} FROM meeting_series WHERE (?1 IS NULL OR account_id = ?1) ORDER BY created_at, id"
    ))?;
    Ok(stmt.query_map([account], series_from_row)?.collect::<rusqlite::Result<_>>()?)
}

/// The calendar UIDs of a series' deleted occurrences (`<series UID>/<start>`).
pub(crate) fn deleted_occurrences(conn: &Connection, series_id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT ical_uid FROM meetings WHERE series_id = ?1 AND archived_at IS NOT NULL AND ical_uid IS NOT NULL
         ORDER BY starts_at",
    )?;
    Ok(stmt.query_map([series_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
}

/// The latest start among a series' occurrences, deleted or not: the series is followed on from
/// there.
pub(crate) fn last_occurrence(conn: &Connection, series_id: &str) -> Result<Option<DateTime<Utc>>> {
    let last: Option<String> = conn
        .prepare_cached("SELECT max(starts_at) FROM meetings WHERE series_id = ?1")?
        .query_row([series_id], |r| r.get(0))?;
    Ok(last.map(|at| codec::parse_instant(0, &at)).transpose()?)
}

/// The calendar UIDs of every occurrence a series holds, deleted or not.
pub(crate) fn occurrence_uids(conn: &Connection, series_id: &str) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT ical_uid FROM meetings WHERE series_id = ?1 AND ical_uid IS NOT NULL")?;
    Ok(stmt.query_map([series_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
}

/// The latest live occurrence of a series that is as its rule says (or, failing one, the
/// latest live one): what the next occurrences are made like.
pub(crate) fn latest_as_series_says(conn: &Connection, series_id: &str) -> Result<Option<Meeting>> {
    let id: Option<String> = conn
        .prepare_cached(
            "SELECT id FROM meetings WHERE series_id = ?1 AND archived_at IS NULL ORDER BY changed, starts_at DESC LIMIT 1",
        )?
        .query_row([series_id], |r| r.get(0))
        .optional()?;
    id.map(|id| get(conn, &id)).transpose()
}

/// Moves to the archive a series' live occurrences starting in `[from, until]` whose calendar
/// UID is not in `kept`; returns how many.
pub(crate) fn archive_missing(
    conn: &Connection,
    series_id: &str,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    kept: &std::collections::HashSet<String>,
    now: DateTime<Utc>,
) -> Result<usize> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, ical_uid FROM meetings WHERE series_id = ?1 AND archived_at IS NULL AND starts_at >= ?2 AND starts_at <= ?3",
    )?;
    let found: Vec<(String, Option<String>)> = stmt
        .query_map(params![series_id, codec::instant(&from), codec::instant(&until)], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut archive = conn.prepare_cached("UPDATE meetings SET archived_at = ?2 WHERE id = ?1")?;
    let mut gone = 0;
    for (id, uid) in found {
        if uid.is_none_or(|uid| !kept.contains(&uid)) {
            archive.execute(params![id, codec::instant(&now)])?;
            gone += 1;
        }
    }
    Ok(gone)
}

/// A guest of the account's meetings who has become one of its people: an attendee of each of
/// those meetings, and a guest no more.
pub(crate) fn guest_becomes_attendee(
    conn: &Connection,
    account_id: &str,
    email: &str,
    contact_id: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO meeting_attendees (meeting_id, contact_id)
         SELECT g.meeting_id, ?3 FROM meeting_guests g JOIN meetings m ON m.id = g.meeting_id
         WHERE m.account_id = ?1 AND g.email = lower(?2)",
    )?
    .execute(params![account_id, email, contact_id])?;
    conn.prepare_cached(
        "UPDATE meetings SET organizer_id = ?3 WHERE account_id = ?1 AND organizer_id IS NULL
         AND id IN (SELECT meeting_id FROM meeting_guests WHERE email = lower(?2) AND role = 'organizer')",
    )?
    .execute(params![account_id, email, contact_id])?;
    conn.prepare_cached(
        "DELETE FROM meeting_guests WHERE email = lower(?2)
         AND meeting_id IN (SELECT id FROM meetings WHERE account_id = ?1)",
    )?
    .execute(params![account_id, email])?;
    Ok(())
}

/// The live meetings from a calendar that ended in `(from, to]` with any of the client's people
/// and are not yet a touch (see `service::exchange::touch_if_met`); by the index on their end.
pub(crate) fn met_without_touch(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Meeting>> {
    let ids: Vec<String> = conn
        .prepare_cached(
            "SELECT m.id FROM meetings m
             WHERE m.ends_at > ?1 AND m.ends_at <= ?2 AND m.archived_at IS NULL AND m.ical_uid IS NOT NULL
               AND EXISTS (SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = m.id)
               AND NOT EXISTS (SELECT 1 FROM interactions i
                               WHERE i.message_id = 'calendar:' || m.ical_uid AND i.account_id = m.account_id)
             ORDER BY m.ends_at, m.id",
        )?
        .query_map(params![codec::instant(&from), codec::instant(&to)], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter().map(|id| get(conn, id)).collect()
}
