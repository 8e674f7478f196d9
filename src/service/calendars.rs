//! Calendars kept current: the `.ics` files and folders the user's calendar keeps on disk
//! (Settings → Your mail and calendars; a folder is a vdir, one `.ics` per event, as
//! vdirsyncer and khal keep it). While the app runs, each is read again when it changed — the
//! meetings with clients added or moved as an import would, without a backup each time — and
//! the meetings from calendars that have ended since become touches in their history.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::Rapport;
use super::exchange::{FileFormat, LOOK_BACK_DAYS, format_of, touch_if_met};
use crate::error::{Error, Result};
use crate::store;

const KEY: &str = "calendars_kept_current";

/// One calendar kept current, and what it was like when last read.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Kept {
    path: String,
    /// The names, sizes and modification times of its files, hashed; none until read whole.
    stamp: Option<u64>,
}

/// What reading one calendar kept current did.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct CalendarReading {
    pub path: String,
    /// Nothing changed since it was last read, so it was not read.
    pub unchanged: bool,
    /// Meetings added, and meetings moved or changed.
    pub added: u32,
    pub changed: u32,
    /// Meetings that had ended, made touches.
    pub touches: u32,
    /// Why it, or one of its files, could not be read; tried again the next time.
    pub problem: Option<String>,
    /// All of the above in a sentence, as the app says it.
    pub said: String,
}

impl CalendarReading {
    fn say(mut self) -> Self {
        let count =
            |n: u32, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
        let mut parts = Vec::new();
        if self.added > 0 {
            parts.push(format!(
                "{} added",
                count(self.added, "meeting with a client", "meetings with clients")
            ));
        }
        if self.changed > 0 {
            parts.push(format!("{} moved or changed", count(self.changed, "meeting", "meetings")));
        }
        if self.touches > 0 {
            parts.push(format!(
                "{} now in its account's history",
                count(self.touches, "meeting that has ended", "meetings that have ended")
            ));
        }
        self.said = match (&self.problem, self.unchanged, parts.is_empty()) {
            (Some(problem), _, _) => format!("{problem} Rapport tries again in a minute."),
            (None, true, _) => format!("{}: nothing changed since it was last read.", self.path),
            (None, false, true) => format!("{}: read; nothing new with your clients.", self.path),
            (None, false, false) => format!("{}: {}.", self.path, parts.join(", ")),
        };
        self
    }
}

impl Rapport {
    /// The calendar files and folders Rapport keeps reading, as the user gave them.
    pub fn calendars_kept_current(&self) -> Result<Vec<String>> {
        Ok(self.kept_calendars()?.into_iter().map(|k| k.path).collect())
    }

    fn kept_calendars(&self) -> Result<Vec<Kept>> {
        self.store.setting(KEY)
    }

    /// Starts or stops reading `path` as it changes: an `.ics` file, or a folder of them.
    pub fn keep_calendar_current(&mut self, path: &str, keep: bool) -> Result<Vec<String>> {
        let mut kept = self.kept_calendars()?;
        kept.retain(|k| k.path != path);
        if keep {
            if files(Path::new(path)).is_none_or(|f| f.is_empty()) {
                return Err(Error::validation(
                    "path",
                    format!(
                        "{path} is not a calendar Rapport can read. Choose an .ics file your calendar keeps up to date, or a folder of .ics files."
                    ),
                ));
            }
            kept.push(Kept { path: path.to_string(), stamp: None });
        }
        self.store.save_setting(KEY, &kept)?;
        self.calendars_kept_current()
    }

    /// Reads each calendar kept current that changed since it was last read, then makes the
    /// meetings from calendars that have ended a touch. One that cannot be read now (a drive
    /// not mounted) is tried again the next time.
    pub fn read_calendars_kept_current(&mut self, now: DateTime<Utc>) -> Result<Vec<CalendarReading>> {
        let mut kept = self.kept_calendars()?;
        if kept.is_empty() {
            return Ok(Vec::new());
        }
        let mut readings = Vec::new();
        for calendar in &mut kept {
            let found = files(Path::new(&calendar.path));
            let stamp = found.as_deref().map(stamp_of);
            let mut reading = CalendarReading {
                path: calendar.path.clone(),
                unchanged: stamp.is_some() && stamp == calendar.stamp,
                added: 0,
                changed: 0,
                touches: 0,
                problem: None,
                said: String::new(),
            };
            match found {
                None => reading.problem = Some(format!("{} cannot be opened now.", calendar.path)),
                Some(_) if reading.unchanged => {}
                Some(files) => {
                    for file in files {
                        match self.import_calendar_quietly(&file, now) {
                            Ok(report) => {
                                reading.added += report.created + report.restored;
                                reading.changed += report.merged;
                                reading.touches += report.touches;
                            }
                            // Only meetings with nobody Rapport knows: nothing of the clients'.
                            Err(Error::BadLines { good: 0, .. }) => {}
                            Err(e) => reading.problem = reading.problem.or(Some(e.to_string())),
                        }
                    }
                    if reading.problem.is_none() {
                        calendar.stamp = stamp;
                    }
                }
            }
            readings.push(reading.say());
        }
        // Saved only when the list is still the one read: the user may have changed it since.
        if self.kept_calendars()?.iter().map(|k| &k.path).eq(kept.iter().map(|k| &k.path)) {
            self.store.save_setting(KEY, &kept)?;
        }
        Ok(readings)
    }

    /// Makes each meeting from a calendar that ended since [`LOOK_BACK_DAYS`] ago a touch, when
    /// calendars are kept current. Returns how many it made.
    pub fn touch_met_meetings(&mut self, now: DateTime<Utc>) -> Result<u32> {
        if self.kept_calendars()?.is_empty() {
            return Ok(0);
        }
        let met =
            store::meetings::met_without_touch(self.store.conn(), now - Duration::days(LOOK_BACK_DAYS), now)?;
        if met.is_empty() {
            return Ok(0);
        }
        let before = self.store.version();
        let (made, accounts) = self.store.write(|tx| {
            let mut made = 0;
            let mut accounts = std::collections::BTreeSet::new();
            for meeting in &met {
                if touch_if_met(tx, meeting, now)? {
                    made += 1;
                    accounts.insert(meeting.account_id.clone());
                }
            }
            Ok((made, accounts))
        })?;
        for account in accounts {
            self.today_touched(&account, before, now);
        }
        Ok(made)
    }
}

/// The `.ics` files of a calendar: the file itself, or those directly inside the folder, by
/// name. None when it cannot be opened.
fn files(path: &Path) -> Option<Vec<PathBuf>> {
    if path.is_file() {
        return (format_of(&path.to_string_lossy(), "") == FileFormat::Icalendar)
            .then(|| vec![path.to_path_buf()]);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(path)
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ics")))
        .collect();
    found.sort();
    Some(found)
}

/// The files' names, sizes and modification times, hashed: what changes when a calendar does.
fn stamp_of(files: &[PathBuf]) -> u64 {
    let mut hasher = DefaultHasher::new();
    for file in files {
        file.hash(&mut hasher);
        if let Ok(meta) = std::fs::metadata(file) {
            meta.len().hash(&mut hasher);
            meta.modified().ok().hash(&mut hasher);
        }
    }
    hasher.finish()
}
