//! What the exports read: the live accounts with their people, and for the calendar the
//! meetings and open promises of a window. Records of an archived account are left out.

use chrono::{DateTime, Utc};

use super::{Store, accounts, codec, contacts, meetings, promises};
use crate::domain::{Account, Contact, Meeting, MeetingSeries, Promise};
use crate::error::Result;

/// Live accounts and the live people at them.
pub struct People {
    pub accounts: Vec<Account>,
    pub people: Vec<Contact>,
}

/// What the calendar shows besides today's check-ins.
pub struct Calendar {
    pub meetings: Vec<Meeting>,
    /// The repeating meetings some of `meetings` belong to, each with the calendar UIDs of its
    /// deleted occurrences (its exceptions).
    pub series: Vec<(MeetingSeries, Vec<String>)>,
    /// Open, and due before the window ends (overdue ones included).
    pub promises: Vec<Promise>,
}

const LIVE_ACCOUNT: &str = "account_id IN (SELECT id FROM accounts WHERE archived_at IS NULL)";

impl Store {
    pub fn live_people(&self) -> Result<People> {
        let conn = self.conn();
        Ok(People {
            accounts: accounts::all_where(conn, "archived_at IS NULL", None)?,
            people: contacts::all_where(conn, &format!("archived_at IS NULL AND {LIVE_ACCOUNT}"), None)?,
        })
    }

    /// Meetings overlapping `[since, until)` and open promises due before `until`.
    pub fn calendar_records(&self, since: DateTime<Utc>, until: DateTime<Utc>) -> Result<Calendar> {
        let conn = self.conn();
        let (since, until) = (codec::instant(&since), codec::instant(&until));
        let meetings = meetings::all_where(
            conn,
            &format!(
                "m.archived_at IS NULL AND m.{LIVE_ACCOUNT} AND m.ends_at >= '{since}' AND m.starts_at < '{until}'"
            ),
            None,
        )?;
        let wanted: std::collections::HashSet<&str> =
            meetings.iter().filter_map(|m| m.series.as_ref()).map(|s| s.series_id.as_str()).collect();
        let mut series = Vec::new();
        for s in meetings::all_series(conn, None)?.into_iter().filter(|s| wanted.contains(s.id.as_str())) {
            let deleted = meetings::deleted_occurrences(conn, &s.id)?;
            series.push((s, deleted));
        }
        Ok(Calendar {
            meetings,
            series,
            promises: promises::all_where(
                conn,
                &format!(
                    "archived_at IS NULL AND {LIVE_ACCOUNT} AND {} AND due_at < '{until}'",
                    super::open::PROMISE
                ),
                None,
            )?,
        })
    }
}
