//! Check-in settings and what the user did with each suggestion.

use chrono::{DateTime, Utc};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Store, codec};
use crate::domain::Settings;
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionAction {
    Done,
    Snoozed,
    Dismissed,
}

impl SuggestionAction {
    fn as_str(self) -> &'static str {
        match self {
            SuggestionAction::Done => "done",
            SuggestionAction::Snoozed => "snoozed",
            SuggestionAction::Dismissed => "dismissed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SuggestionState {
    pub key: String,
    pub action: SuggestionAction,
    pub until: Option<DateTime<Utc>>,
    pub fingerprint: String,
    /// When the user acted.
    pub at: DateTime<Utc>,
}

const SETTINGS_KEY: &str = "checkins";

pub(crate) fn set_state(
    conn: &rusqlite::Connection,
    key: &str,
    action: SuggestionAction,
    until: Option<DateTime<Utc>>,
    fingerprint: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO suggestion_states (key, state, until, fingerprint, at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (key) DO UPDATE SET state = excluded.state, until = excluded.until,
             fingerprint = excluded.fingerprint, at = excluded.at",
    )?
    .execute(params![
        key,
        action.as_str(),
        until.as_ref().map(codec::instant),
        fingerprint,
        codec::instant(&now)
    ])?;
    Ok(())
}

impl Store {
    pub fn checkin_settings(&self) -> Result<Settings> {
        self.setting(SETTINGS_KEY)
    }

    pub fn save_checkin_settings(&mut self, settings: &Settings) -> Result<()> {
        self.save_setting(SETTINGS_KEY, settings)
    }

    pub fn suggestion_states(&self) -> Result<Vec<SuggestionState>> {
        let mut stmt =
            self.conn().prepare_cached("SELECT key, state, until, fingerprint, at FROM suggestion_states")?;
        let rows = stmt.query_map([], |row| {
            let state: String = row.get(1)?;
            let action = match state.as_str() {
                "done" => SuggestionAction::Done,
                "snoozed" => SuggestionAction::Snoozed,
                _ => SuggestionAction::Dismissed,
            };
            Ok(SuggestionState {
                key: row.get(0)?,
                action,
                until: codec::opt_instant(2, row.get(2)?)?,
                fingerprint: row.get(3)?,
                at: codec::parse_instant(4, &row.get::<_, String>(4)?)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Puts the state of `key` back as it was: `previous`, or none at all.
    pub fn put_back_suggestion_state(&mut self, key: &str, previous: Option<&SuggestionState>) -> Result<()> {
        self.write(|tx| match previous {
            Some(p) => set_state(tx, key, p.action, p.until, &p.fingerprint, p.at),
            None => {
                tx.prepare_cached("DELETE FROM suggestion_states WHERE key = ?1")?.execute([key])?;
                Ok(())
            }
        })
    }

    pub fn set_suggestion_state(
        &mut self,
        key: &str,
        action: SuggestionAction,
        until: Option<DateTime<Utc>>,
        fingerprint: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(|tx| set_state(tx, key, action, until, fingerprint, now))
    }
}
