//! How far back each engine looks into an account's history: the windows the health review,
//! the rebuilding of past days and the brief read. Rules, like the rest of the engine; the store
//! reads what they say.

use chrono::{DateTime, Duration, Utc};

use crate::domain::Window;

/// Where the recent history begins when the health of the last 90 days may be rebuilt: 180
/// days (the longest window any component looks back) behind the oldest day rebuilt. Every
/// touch in it comes with its people, which the rebuilt days need; none with its text.
pub fn rebuilding(now: DateTime<Utc>) -> Window {
    let since = now - Duration::days(90 + 180 + 1);
    Window { since, touches_since: Some(since), detail_since: since, text: false }
}

/// What judging health at `now` reads besides the touch figures: 180 days back, the longest
/// window any component looks at, and no touch at all.
pub fn judging(now: DateTime<Utc>) -> Window {
    Window { since: now - Duration::days(181), touches_since: None, detail_since: now, text: false }
}

/// What the brief reads besides the touch figures its health sentence is judged from: 270 days
/// of records (a promise settled lately may have fallen due long before), and of the touches
/// only the newest — `newest` is when the oldest of the five newest happened — with their
/// people and text.
pub fn briefing(now: DateTime<Utc>, newest: Option<DateTime<Utc>>) -> Window {
    Window {
        since: rebuilding(now).since,
        touches_since: newest,
        detail_since: newest.unwrap_or(now),
        text: true,
    }
}
