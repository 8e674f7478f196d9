//! What the app does on its own while it runs, once a minute, as one call: the day's health
//! snapshot kept, repeating meetings followed a year ahead, the mail and calendars kept current
//! read for what is new, the meetings from calendars that ended made touches, the check-ins
//! that became urgent found, and the calendar file rewritten when it is due or missing. The
//! daily backup is the one chore not here: it copies the file on its own connection, with the
//! open database free (`keep_backups_at`).

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::Rapport;
use crate::engine::checkins::Reminder;
use crate::error::Error;

/// When the app's own timing allows each chore; the shell knows how long it has been running.
#[derive(Debug, Clone, Copy, Default)]
pub struct ChoresDue {
    /// The calendar file's regular rewrite is due.
    pub feed: bool,
    /// The window has started and settled: a missing calendar file may be written again.
    pub settled: bool,
}

/// What one minute's chores did. A chore that failed is tried again the next minute; its error
/// is handed back for the log, never shown.
#[derive(Debug, Default)]
pub struct Chores {
    /// Check-ins urgent enough to notify, not yet notified (by the ids in `sent`).
    pub reminders: Vec<Reminder>,
    pub feed_written: bool,
    /// Touches and suggestions the mail kept current brought.
    pub mail_added: u32,
    /// Meetings and touches the calendars kept current brought.
    pub calendar_added: u32,
    pub failed: Vec<Error>,
}

impl Rapport {
    /// The chores of one minute, at the machine's `now`.
    pub fn run_chores(&mut self, now: DateTime<Utc>, sent: &HashSet<String>, due: ChoresDue) -> Chores {
        let mut done = Chores::default();
        if let Err(e) = self.keep_health_snapshots(now) {
            done.failed.push(e);
        }
        if let Err(e) = self.keep_series_ahead(now) {
            done.failed.push(e);
        }
        match self.read_mail_kept_current(now) {
            Ok(read) => done.mail_added = read.iter().map(|r| r.added + r.noticed).sum(),
            Err(e) => done.failed.push(e),
        }
        match self.read_calendars_kept_current(now) {
            Ok(read) => {
                done.calendar_added = read.iter().map(|r| r.added + r.changed + r.touches).sum();
                done.failed
                    .extend(read.into_iter().filter_map(|r| r.problem).map(|p| Error::validation("path", p)));
            }
            Err(e) => done.failed.push(e),
        }
        match self.touch_met_meetings(now) {
            Ok(made) => done.calendar_added += made,
            Err(e) => done.failed.push(e),
        }
        match self.reminders(now, sent) {
            Ok(reminders) => done.reminders = reminders,
            Err(e) => done.failed.push(e),
        }
        // A calendar file turned on, moved or deleted is written within a minute.
        let missing = match self.feed_settings() {
            Ok(feed) => feed.path.is_some_and(|p| !Path::new(&p).exists()),
            Err(e) => {
                done.failed.push(e);
                false
            }
        };
        if due.feed || (missing && due.settled) {
            match self.refresh_feed(now) {
                Ok(written) => done.feed_written = written.is_some(),
                Err(e) => done.failed.push(e),
            }
        }
        done
    }
}
