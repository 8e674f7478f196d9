//! What the check-ins read: each account's live records that can still call for action, and
//! the touch figures the triggers of `0006_touches.sql` keep — never the whole history.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;

use super::{Store, accounts, codec, contacts, culture, goals, issues, meetings, open, promises, requests};
use crate::domain::Bundle;
use crate::domain::Id;
use crate::domain::{CheckinAccount, CheckinNeeds, TouchFigures, Touches, touch_windows};
use crate::error::Result;

const LIVE: &str = "archived_at IS NULL";

impl Store {
    /// Every live account, with what the check-in engine `needs` of it.
    pub fn checkin_accounts(&self, needs: &CheckinNeeds) -> Result<Vec<CheckinAccount>> {
        self.checkin_accounts_of(needs, None)
    }

    /// Every live account, or only `account_id`, with what the check-in engine `needs` of it.
    pub fn checkin_accounts_of(
        &self,
        needs: &CheckinNeeds,
        account_id: Option<&str>,
    ) -> Result<Vec<CheckinAccount>> {
        let conn = self.conn();
        let of = |column: &str| codec::only_account(column, account_id);
        let live = format!("{LIVE}{}", of("account_id"));
        let mut by_account: HashMap<String, CheckinAccount> =
            accounts::all_where(conn, &format!("{LIVE}{}", of("id")), account_id)?
                .into_iter()
                .map(|account| {
                    let id = account.id.clone();
                    let bundle = Bundle::empty(account);
                    (id, CheckinAccount { bundle, touches: Touches::default() })
                })
                .collect();
        let (from, to) = (codec::instant(&needs.meetings_from), codec::instant(&needs.meetings_to));
        // Statuses are the domain's own words, so they go into the statement as they are; one
        // status is written `= 'open'`, which the partial indexes kept for exactly it can serve.
        let among = |words: Vec<&str>| match words.as_slice() {
            [one] => format!("= '{one}'"),
            many => format!("IN ({})", many.iter().map(|w| format!("'{w}'")).collect::<Vec<_>>().join(", ")),
        };
        let goals = among(needs.goals.iter().map(|s| s.as_str()).collect());
        spread!(by_account, contacts::all_where(conn, &live, account_id)?, bundle.contacts);
        spread!(by_account, culture::all_where(conn, &live, account_id)?, bundle.culture_notes);
        spread!(
            by_account,
            goals::all_where(conn, &format!("{live} AND status {goals}"), account_id)?,
            bundle.goals
        );
        spread!(
            by_account,
            promises::all_where(conn, &format!("{live} AND {}", open::PROMISE), account_id)?,
            bundle.promises
        );
        spread!(
            by_account,
            requests::all_where(conn, &format!("{live} AND {}", open::REQUEST), account_id)?,
            bundle.requests
        );
        spread!(
            by_account,
            issues::all_where(conn, &format!("{live} AND {}", open::ISSUE), account_id)?,
            bundle.issues
        );
        spread!(
            by_account,
            meetings::all_where(
                conn,
                &format!("{live} AND ends_at >= '{from}' AND starts_at <= '{to}'"),
                account_id
            )?,
            bundle.meetings
        );

        // One statement per case: `?1 IS NULL OR …` would keep SQLite from its indexes.
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT account_id, last_at, last_id, last_strategic_at, last_summary FROM account_touch WHERE 1{}",
            of("account_id")
        ))?;
        let mut rows = codec::query(&mut stmt, &[], account_id)?;
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
        let mut rows = codec::query(&mut stmt, &[], account_id)?;
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

/// A text column read in place, without a copy.
fn text<'r>(row: &'r rusqlite::Row<'_>, n: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(n)?
        .as_str()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(n, rusqlite::types::Type::Text, Box::new(e)))
}

impl Store {
    /// One account's touch figures at `now` (none yet if it has no touch).
    pub fn account_touch_figures(&self, now: DateTime<Utc>, account_id: &str) -> Result<TouchFigures> {
        Ok(self.touch_figures(now, Some(account_id))?.remove(account_id).unwrap_or_default())
    }

    /// Each live account's touch figures at `now` (or only `account_id`'s), counted from the
    /// date index as its rows go by rather than read touch by touch: what judging health needs,
    /// and all it needs, of the history. An account without a touch up to `now` is left out.
    pub fn touch_figures(
        &self,
        now: DateTime<Utc>,
        account_id: Option<&str>,
    ) -> Result<HashMap<Id, TouchFigures>> {
        let conn = self.conn();
        let (d90, d180) = touch_windows(now);
        let (now_text, d90, d180) = (codec::instant(&now), codec::instant(&d90), codec::instant(&d180));
        let of = |column: &str| codec::only_account(column, account_id);
        // The touches of the window, from the date index alone (it holds every column read
        // here), counted as they come: text compared as text, no row kept.
        let mut counted: HashMap<Id, (TouchFigures, String)> = HashMap::new();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT account_id, occurred_at, initiated_by, strategic, sentiment FROM interactions
             WHERE archived_at IS NULL AND occurred_at >= ?2 AND occurred_at <= ?1{}",
            of("account_id")
        ))?;
        let mut rows = codec::query(&mut stmt, &[&now_text, &d180], account_id)?;
        while let Some(row) = rows.next()? {
            let account = text(row, 0)?;
            let at = text(row, 1)?;
            let ours = text(row, 2)? == "us";
            let strategic: bool = row.get(3)?;
            let sentiment: Option<i64> = row.get(4)?;
            if !counted.contains_key(account) {
                counted.insert(account.to_string(), Default::default());
            }
            let Some((f, latest)) = counted.get_mut(account) else { continue };
            if at > latest.as_str() {
                at.clone_into(latest);
            }
            f.count(at >= d90.as_str(), ours, strategic, sentiment);
        }
        let mut figures: HashMap<Id, TouchFigures> = HashMap::new();
        for (account, (mut f, last)) in counted {
            f.last = Some(codec::parse_instant(1, &last)?);
            figures.insert(account, f);
        }
        // Who was touched in the last 90 days: each person's last touch, which the triggers keep
        // (a person's touches are all with their own account). A person whose last touch is
        // later than `now` is looked up in the links.
        // For one account, its people are found first: the whole table of last touches would
        // otherwise be read for a few of them.
        let people = match account_id {
            None => {
                "SELECT c.account_id, t.contact_id, t.last_at > ?1 FROM contact_touch t CROSS JOIN contacts c
                     WHERE c.id = t.contact_id AND t.last_at >= ?2"
                    .to_string()
            }
            Some(_) => format!(
                "SELECT c.account_id, t.contact_id, t.last_at > ?1 FROM contacts c CROSS JOIN contact_touch t
                 WHERE t.contact_id = c.id AND t.last_at >= ?2{}",
                of("c.account_id")
            ),
        };
        let mut stmt = conn.prepare_cached(&people)?;
        let touched: Vec<(String, String, bool)> = codec::query(&mut stmt, &[&now_text, &d90], account_id)?
            .mapped(|r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .collect::<rusqlite::Result<_>>()?;
        for (account, contact, ahead) in touched {
            let counts = !ahead
                || conn
                    .prepare_cached(
                        "SELECT EXISTS (SELECT 1 FROM interaction_contacts l CROSS JOIN interactions i
                         WHERE l.contact_id = ?1 AND i.id = l.interaction_id AND i.archived_at IS NULL
                           AND i.occurred_at >= ?2 AND i.occurred_at <= ?3)",
                    )?
                    .query_row(rusqlite::params![contact, d90, now_text], |r| r.get(0))?;
            if let (true, Some(f)) = (counts, figures.get_mut(&account)) {
                f.people.insert(contact);
            }
        }
        // The last touch of an account quiet for 180 days is the one the triggers keep — unless
        // that one is later than `now`, when the index finds the last one before it.
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT t.account_id, t.last_at FROM account_touch t JOIN accounts a ON a.id = t.account_id
             WHERE a.archived_at IS NULL AND t.last_at IS NOT NULL AND t.last_at < ?1{}",
            of("t.account_id")
        ))?;
        let quiet: Vec<(String, String)> = codec::query(&mut stmt, &[&d180], account_id)?
            .mapped(|r| Ok((r.get(0)?, r.get(1)?)))
            .collect::<rusqlite::Result<_>>()?;
        for (account, last) in quiet {
            figures.entry(account).or_default().last = Some(codec::parse_instant(1, &last)?);
        }
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT t.account_id FROM account_touch t JOIN accounts a ON a.id = t.account_id
             WHERE a.archived_at IS NULL AND t.last_at > ?1{}",
            of("t.account_id")
        ))?;
        let ahead: Vec<String> = codec::query(&mut stmt, &[&now_text], account_id)?
            .mapped(|r| r.get(0))
            .collect::<rusqlite::Result<_>>()?;
        let ahead: Vec<String> = ahead.into_iter().filter(|a| !figures.contains_key(a)).collect();
        for account in ahead {
            let last: Option<String> = conn
                .prepare_cached(
                    "SELECT max(occurred_at) FROM interactions
                     WHERE account_id = ?1 AND archived_at IS NULL AND occurred_at <= ?2",
                )?
                .query_row([&account, &now_text], |r| r.get(0))?;
            if let Some(last) = last {
                figures.entry(account).or_default().last = Some(codec::parse_instant(0, &last)?);
            }
        }
        Ok(figures)
    }
}
