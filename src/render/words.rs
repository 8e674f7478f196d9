//! The words and times both renderers share, so a brief reads the same in every format.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use crate::domain::{CultureCategory, GoalKind, GoalStatus, Level};
use crate::engine::brief::BriefPromise;

/// Times in the client's zone and in the reader's own.
pub struct Clock {
    pub theirs: Tz,
    pub yours: Tz,
}

impl Clock {
    pub fn new(their_zone: &str, your_zone: &str) -> Clock {
        Clock { theirs: their_zone.parse().unwrap_or(Tz::UTC), yours: your_zone.parse().unwrap_or(Tz::UTC) }
    }

    /// "Tue 24 Nov 2026, 16:00 their time (Europe/Berlin) · 15:00 yours (UTC)"
    pub fn both(&self, t: DateTime<Utc>) -> String {
        let theirs = t.with_timezone(&self.theirs);
        let yours = t.with_timezone(&self.yours);
        if self.theirs == self.yours {
            return format!("{} ({})", theirs.format("%a %-d %b %Y, %H:%M"), self.theirs.name());
        }
        format!(
            "{} their time ({}) · {} yours ({})",
            theirs.format("%a %-d %b %Y, %H:%M"),
            self.theirs.name(),
            yours.format("%a %H:%M"),
            self.yours.name()
        )
    }

    pub fn day(&self, t: DateTime<Utc>) -> String {
        t.with_timezone(&self.theirs).format("%-d %b %Y").to_string()
    }
}

pub fn ago(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    match (now - then).num_days() {
        i64::MIN..=0 => "today".into(),
        1 => "yesterday".into(),
        n if n < 60 => format!("{n} days ago"),
        n => format!("{} months ago", n / 30),
    }
}

/// A length of time as a person says it: "40 min", "5 h", "3 days".
pub fn span(d: Duration) -> String {
    let minutes = d.num_minutes().abs();
    if minutes < 60 {
        format!("{} min", minutes.max(1))
    } else if minutes < 48 * 60 {
        format!("{} h", (minutes + 30) / 60)
    } else {
        format!("{} days", (minutes + 12 * 60) / (24 * 60))
    }
}

/// How long a meeting lasts: "45 min", "1 h", "1 h 30 min".
pub fn duration(from: DateTime<Utc>, to: DateTime<Utc>) -> String {
    let minutes = (to - from).num_minutes().max(0);
    match (minutes / 60, minutes % 60) {
        (0, rest) => format!("{rest} min"),
        (hours, 0) => format!("{hours} h"),
        (hours, rest) => format!("{hours} h {rest} min"),
    }
}

/// How long ago a request came in: in hours while it is fresh, as its clocks count them.
pub fn received(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    if now - at < Duration::days(2) { format!("{} ago", span(now - at)) } else { ago(at, now) }
}

pub fn kind_heading(kind: GoalKind) -> &'static str {
    match kind {
        GoalKind::Company => "Their company's goals",
        GoalKind::Personal => "Their people's own goals",
        GoalKind::Ours => "Our goals for this account",
        GoalKind::OurCompany => "Our company's goals",
    }
}

pub fn status(s: GoalStatus) -> &'static str {
    match s {
        GoalStatus::Open => "open",
        GoalStatus::OnTrack => "on track",
        GoalStatus::AtRisk => "at risk",
        GoalStatus::Achieved => "achieved",
        GoalStatus::Dropped => "dropped",
    }
}

pub fn category(c: CultureCategory) -> &'static str {
    match c {
        CultureCategory::Communication => "How they communicate",
        CultureCategory::DecisionMaking => "How decisions are made",
        CultureCategory::Etiquette => "Etiquette",
        CultureCategory::Dress => "Dress",
        CultureCategory::TravelExpense => "Travel and expenses",
        CultureCategory::Calendar => "Calendar and holidays",
        CultureCategory::Language => "Language",
        CultureCategory::Other => "Other",
    }
}

pub fn level(l: Level) -> &'static str {
    match l {
        Level::Executive => "Executive",
        Level::Manager => "Manager",
        Level::Staff => "Staff",
    }
}

/// "kept on time", "kept late", "broken"
pub fn outcome(p: &BriefPromise) -> &'static str {
    match (p.status, p.kept_late) {
        (crate::domain::PromiseStatus::Kept, false) => "kept on time",
        (crate::domain::PromiseStatus::Kept, true) => "kept late",
        (crate::domain::PromiseStatus::Broken, _) => "broken",
        _ => "open",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_of_time_read_as_a_person_says_them() {
        assert_eq!(span(Duration::seconds(20)), "1 min");
        assert_eq!(span(Duration::minutes(40)), "40 min");
        assert_eq!(span(Duration::minutes(-150)), "3 h");
        assert_eq!(span(Duration::hours(47)), "47 h");
        assert_eq!(span(Duration::hours(80)), "3 days");
        let at: DateTime<Utc> = "2026-11-23T10:00:00Z".parse().unwrap();
        assert_eq!(duration(at, at + Duration::minutes(90)), "1 h 30 min");
        assert_eq!(duration(at, at + Duration::minutes(60)), "1 h");
        assert_eq!(duration(at, at + Duration::minutes(45)), "45 min");
    }
}
