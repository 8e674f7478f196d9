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
    Window { since, touches_since: Some(since), detail_since: since, text_since: None }
}

/// What judging health at `now` reads besides the touch figures: 180 days back, the longest
/// window any component looks at, and no touch at all.
pub fn judging(now: DateTime<Utc>) -> Window {
    Window { since: now - Duration::days(181), touches_since: None, detail_since: now, text_since: None }
}

/// What the brief reads besides the touch figures its health sentence is judged from: 270 days
/// of records (a promise settled lately may have fallen due long before) — or from the last
/// meeting with the same people, `last_met`, when that is earlier, so that what changed since it
/// is all there; the touches of the last 180 days with their people (each attendee's stance and
/// trust read them), and only the newest with their text — `newest` is when the oldest of the
/// five newest happened.
pub fn briefing(
    now: DateTime<Utc>,
    newest: Option<DateTime<Utc>>,
    last_met: Option<DateTime<Utc>>,
) -> Window {
    let since = rebuilding(now).since;
    let people_since = now - Duration::days(181);
    let touches_since = newest.map(|n| n.min(people_since));
    Window {
        since: last_met.map_or(since, |m| m.min(since)),
        touches_since,
        detail_since: touches_since.unwrap_or(now),
        text_since: newest,
    }
}
