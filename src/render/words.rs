//! The words and times both renderers share, so a brief reads the same in every format.

use chrono::{DateTime, Utc};
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
        CultureCategory::Communication => "Communication",
        CultureCategory::DecisionMaking => "Decision making",
        CultureCategory::Etiquette => "Etiquette",
        CultureCategory::Dress => "Dress",
        CultureCategory::TravelExpense => "Travel and expenses",
        CultureCategory::Calendar => "Calendar",
        CultureCategory::Language => "Language",
        CultureCategory::Other => "Other",
    }
}

pub fn level(l: Level) -> &'static str {
    match l {
        Level::Executive => "executive",
        Level::Manager => "manager",
        Level::Staff => "staff",
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
