//! What the check-ins read: each account's live records that can still call for action, and
//! the touch figures the triggers of `0006_touches.sql` keep — never the whole history.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use rusqlite::OptionalExtension;

use super::{Store, accounts, codec, contacts, culture, goals, issues, meetings, promises, requests};
use crate::archive::Bundle;
use crate::engine::checkins::{CheckinAccount, Settings, Touches};
use crate::error::Result;

const LIVE: &str = "archived_at IS NULL";

impl Store {
    /// Every live account, ready for the check-in engine at `now`.
    pub fn checkin_accounts(&self, now: DateTime<Utc>, settings: &Settings) -> Result<Vec<CheckinAccount>> {
        self.checkin_accounts_of(now, settings, None)
    }

    /// Every live account, or only `account_id`, ready for the check-in engine at `now`.
    pub fn checkin_accounts_of(
        &self,
        now: DateTime<Utc>,
        settings: &Settings,
        account_id: Option<&str>,
    ) -> Result<Vec<CheckinAccount>> {
        let conn = self.conn();
        let quoted = account_id.map(|id| format!("'{}'", id.replace('\'', "''")));
        let of = |column: &str| quoted.as_ref().map(|q| format!(" AND {column} = {q}")).unwrap_or_default();
        let live = format!("{LIVE}{}", of("account_id"));
        let mut by_account: HashMap<String, CheckinAccount> =
            accounts::all_where(conn, &format!("{LIVE}{}", of("id")))?
                .into_iter()
                .map(|account| {
                    let id = account.id.clone();
                    let bundle = Bundle::empty(account);
                    (id, CheckinAccount { bundle, touches: Touches::default() })
                })
                .collect();
        // The window of meetings any rule can look at: recent ones for a recap, near ones to prepare.
        let from = codec::instant(&(now - Duration::days(i64::from(settings.meeting_follow_up_days) + 1)));
        let to = codec::instant(&(now + Duration::hours(i64::from(settings.meeting_prep_hours) + 1)));
        spread!(by_account, contacts::all_where(conn, &live)?, bundle.contacts);
        spread!(by_account, culture::all_where(conn, &live)?, bundle.culture_notes);
        spread!(
            by_account,
            goals::all_where(conn, &format!("{live} AND status NOT IN ('achieved', 'dropped')"))?,
            bundle.goals
        );
        spread!(
            by_account,
            promises::all_where(conn, &format!("{live} AND status = 'open'"))?,
            bundle.promises
        );
        spread!(
            by_account,
            requests::all_where(conn, &format!("{live} AND answered_at IS NULL AND resolved_at IS NULL"))?,
            bundle.requests
        );
        spread!(
            by_account,
            issues::all_where(conn, &format!("{live} AND (resolved_at IS NULL OR followed_up_at IS NULL)"))?,
            bundle.issues
        );
        spread!(
            by_account,
            meetings::all_where(conn, &format!("{live} AND ends_at >= '{from}' AND starts_at <= '{to}'"))?,
            bundle.meetings
        );

        // One statement per case: `?1 IS NULL OR …` would keep SQLite from its indexes.
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT account_id, last_at, last_id, last_strategic_at, last_summary FROM account_touch WHERE 1{}",
            of("account_id")
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let account_id: String = row.get(0)?;
            let Some(a) = by_account.get_mut(&account_id) else { continue };
            let last_at = codec::opt_instant(1, row.get(1)?)?;
            let last_id: Option<String> = row.get(2)?;
            a.touches.last = last_at.zip(last_id.clone());
            a.touches.last_strategic = codec::opt_instant(3, row.get(3)?)?;
            if let (Some(id), Some(summary)) = (last_id, row.get::<_, Option<String>>(4)?) {
                a.touches.summaries.insert(id, summary);
            }
        }
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT c.account_id, t.contact_id, t.last_at, t.last_id, t.last_summary
             FROM contact_touch t JOIN contacts c ON c.id = t.contact_id AND c.archived_at IS NULL
             WHERE t.last_at IS NOT NULL{}",
            of("c.account_id")
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let account_id: String = row.get(0)?;
            let Some(a) = by_account.get_mut(&account_id) else { continue };
            let (contact_id, last_id): (String, String) = (row.get(1)?, row.get(3)?);
            let last_at = codec::parse_instant(2, &row.get::<_, String>(2)?)?;
            a.touches.last_with.insert(contact_id, (last_at, last_id.clone()));
            if let Some(summary) = row.get::<_, Option<String>>(4)? {
                a.touches.summaries.insert(last_id, summary);
            }
        }
        let mut accounts: Vec<CheckinAccount> = by_account.into_values().collect();
        accounts.sort_by(|a, b| a.bundle.account.id.cmp(&b.bundle.account.id));
        Ok(accounts)
    }

    /// One account's kept touch figures: its last touch, its last strategic touch, and each
    /// live person's last touch, with what those touches were about.
    pub fn touches(&self, account_id: &str) -> Result<Touches> {
        let conn = self.conn();
        let mut touches = Touches::default();
        let row = conn
            .prepare_cached(
                "SELECT last_at, last_id, last_strategic_at, last_summary FROM account_touch WHERE account_id = ?1",
            )?
            .query_row([account_id], |row| {
                Ok((
                    row.get::<_, Option<String>>(0)?,
                    row.get::<_, Option<String>>(1)?,
                    row.get::<_, Option<String>>(2)?,
                    row.get::<_, Option<String>>(3)?,
                ))
            })
            .optional()?;
        if let Some((last_at, last_id, strategic, summary)) = row {
            let last_at = last_at.map(|t| codec::parse_instant(0, &t)).transpose()?;
            touches.last = last_at.zip(last_id.clone());
            touches.last_strategic = strategic.map(|t| codec::parse_instant(2, &t)).transpose()?;
            if let (Some(id), Some(summary)) = (last_id, summary) {
                touches.summaries.insert(id, summary);
            }
        }
        let mut stmt = conn.prepare_cached(
            "SELECT t.contact_id, t.last_at, t.last_id, t.last_summary
             FROM contact_touch t JOIN contacts c ON c.id = t.contact_id AND c.archived_at IS NULL
             WHERE c.account_id = ?1 AND t.last_at IS NOT NULL",
        )?;
        let mut rows = stmt.query([account_id])?;
        while let Some(row) = rows.next()? {
            let (contact_id, last_id): (String, String) = (row.get(0)?, row.get(2)?);
            let last_at = codec::parse_instant(1, &row.get::<_, String>(1)?)?;
            touches.last_with.insert(contact_id, (last_at, last_id.clone()));
            if let Some(summary) = row.get::<_, Option<String>>(3)? {
                touches.summaries.insert(last_id, summary);
            }
        }
        Ok(touches)
    }
}
