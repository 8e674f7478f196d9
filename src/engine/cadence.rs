//! Where a relationship stands against its cadence: within it, past it, or well past it.
//!
//! The accounts list colours each row with this. A touch is any logged interaction, of any
//! channel, with anyone at the account; every touch restarts the clock (DESIGN §4).

use chrono::{DateTime, Utc};

pub use crate::domain::TouchState;

/// Measured in whole hours so that "14 days" means exactly 14 × 24 h after the last touch.
pub fn touch_state(last_touch: Option<DateTime<Utc>>, cadence_days: u32, now: DateTime<Utc>) -> TouchState {
    let Some(last) = last_touch else { return TouchState::Never };
    let hours = (now - last).num_hours();
    let cadence_hours = i64::from(cadence_days) * 24;
    if hours * 2 >= cadence_hours * 3 {
        TouchState::WellPast
    } else if hours >= cadence_hours {
        TouchState::Past
    } else {
        TouchState::Within
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn now() -> DateTime<Utc> {
        "2026-11-23T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_touch_inside_the_cadence_is_within() {
        let last = now() - Duration::days(13) - Duration::hours(23);
        assert_eq!(touch_state(Some(last), 14, now()), TouchState::Within);
    }

    #[test]
    fn the_cadence_day_itself_is_past() {
        assert_eq!(touch_state(Some(now() - Duration::days(14)), 14, now()), TouchState::Past);
    }

    #[test]
    fn half_again_the_cadence_is_well_past() {
        assert_eq!(touch_state(Some(now() - Duration::days(20)), 14, now()), TouchState::Past);
        assert_eq!(touch_state(Some(now() - Duration::days(21)), 14, now()), TouchState::WellPast);
    }

    #[test]
    fn an_account_never_touched_says_so() {
        assert_eq!(touch_state(None, 14, now()), TouchState::Never);
    }
}
