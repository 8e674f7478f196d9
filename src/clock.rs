//! Two clocks, kept apart on purpose. The *moment* is what a user's question is about: the
//! machine's time, or a pinned one (`--at`, or `RAPPORT_AT` for the app) when a script or a test
//! asks "as if it were then". The *machine's clock* alone drives chores — the daily health
//! snapshot, backups and their thinning, the calendar file, reminders — because a chore done at
//! a pretend time is later mistaken for one done on that day (a snapshot "taken" in 2031, every
//! backup thinned away against a date in 9999).

use chrono::{DateTime, Utc};

use crate::domain::validate;
use crate::error::Result;

/// The environment variable that pins the app's moment (and the CLI's, as `--at` does). Only a
/// test or a script sets it; an ordinary start reads the machine's clock.
pub const PIN_VARIABLE: &str = "RAPPORT_AT";

/// Where the moment comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The machine's time: the moment and the chores agree.
    Machine,
    /// A moment fixed by whoever started Rapport: every question is answered as of then and
    /// every write is dated then, but no chore runs on it.
    Pinned(DateTime<Utc>),
}

impl Clock {
    /// The clock `value` asks for: absent or blank means the machine's.
    pub fn pinned_at(value: Option<&str>) -> Result<Clock> {
        match value.map(str::trim).filter(|v| !v.is_empty()) {
            None => Ok(Clock::Machine),
            Some(v) => Ok(Clock::Pinned(validate::instant("at", v)?)),
        }
    }

    /// The clock the environment asks for (`RAPPORT_AT`).
    pub fn from_env() -> Result<Clock> {
        Clock::pinned_at(std::env::var(PIN_VARIABLE).ok().as_deref())
    }

    /// The moment a question is about, or a write is dated.
    pub fn now(self) -> DateTime<Utc> {
        match self {
            Clock::Machine => machine_now(),
            Clock::Pinned(at) => at,
        }
    }

    pub fn is_pinned(self) -> bool {
        matches!(self, Clock::Pinned(_))
    }
}

/// The machine's own time, for chores. Everything else takes its moment as an argument.
pub fn machine_now() -> DateTime<Utc> {
    Utc::now()
}

/// The reader's own time zone: TZ when it names one, else the system's, else UTC.
pub fn your_zone() -> String {
    std::env::var("TZ")
        .ok()
        .filter(|z| z.parse::<chrono_tz::Tz>().is_ok())
        .or_else(|| iana_time_zone::get_timezone().ok())
        .unwrap_or_else(|| "UTC".into())
}

/// The reader's own time zone, ready to compute with (UTC when the system names none we know).
pub fn your_tz() -> chrono_tz::Tz {
    your_zone().parse().unwrap_or(chrono_tz::Tz::UTC)
}

/// The calendar day `now` falls on, on the reader's own clock.
pub fn your_today(now: DateTime<Utc>) -> chrono::NaiveDate {
    now.with_timezone(&your_tz()).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_means_the_machine_and_a_moment_pins_it() {
        assert_eq!(Clock::pinned_at(None).unwrap(), Clock::Machine);
        assert_eq!(Clock::pinned_at(Some("  ")).unwrap(), Clock::Machine);
        let pinned = Clock::pinned_at(Some("2026-12-31T23:30:00+01:00")).unwrap();
        assert_eq!(pinned.now().to_rfc3339(), "2026-12-31T22:30:00+00:00");
        assert!(pinned.is_pinned() && !Clock::Machine.is_pinned());
        assert!(Clock::pinned_at(Some("tomorrow")).is_err());
    }
}
