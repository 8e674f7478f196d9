//! What the health components read of an account's touches at one moment: a few counts, the
//! people touched, and the last touch. Figured here from the touches themselves, or kept by the
//! store from its own index (`Store::touch_figures`), so that judging the whole portfolio never
//! brings six months of touches into memory one by one.

use chrono::{DateTime, Utc};

use crate::domain::{Initiator, Interaction};
pub use crate::domain::{TouchFigures, touch_windows as windows};

impl TouchFigures {
    /// The figures of `touches` at `now`; touches after `now` do not count.
    pub fn of(touches: &[Interaction], now: DateTime<Utc>) -> TouchFigures {
        let (d90, d180) = windows(now);
        let mut f = TouchFigures::default();
        for i in touches.iter().filter(|i| i.occurred_at <= now && i.occurred_at >= d180) {
            f.last = f.last.max(Some(i.occurred_at));
            f.count(
                i.occurred_at >= d90,
                i.initiated_by == Initiator::Us,
                i.strategic,
                i.sentiment.map(i64::from),
            );
            if i.occurred_at >= d90 {
                f.people.extend(i.contact_ids.iter().cloned());
            }
        }
        // A last touch older than both windows still counts for engagement.
        if f.last.is_none() {
            f.last = touches.iter().map(|i| i.occurred_at).filter(|at| *at <= now).max();
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use chrono::Duration;

    use super::*;
    use crate::domain::Channel;

    fn touch(id: &str, days_ago: i64, by: Initiator, sentiment: Option<i8>, strategic: bool) -> Interaction {
        let now: DateTime<Utc> = "2026-11-23T10:00:00Z".parse().unwrap();
        Interaction {
            id: id.into(),
            account_id: "a".into(),
            occurred_at: now - Duration::days(days_ago),
            channel: Channel::Call,
            initiated_by: by,
            summary: String::new(),
            sentiment,
            strategic,
            created_at: now,
            source: crate::domain::InteractionSource::Typed,
            message_id: None,
            snippet: None,
            contact_ids: vec![format!("p-{id}")],
            serves: None,
            private: false,
        }
    }

    #[test]
    fn each_touch_counts_in_its_window_and_the_edges_are_included() {
        let now: DateTime<Utc> = "2026-11-23T10:00:00Z".parse().unwrap();
        let touches = vec![
            touch("today", 0, Initiator::Us, Some(-2), false),
            touch("edge90", 90, Initiator::Them, Some(1), false),
            touch("mid", 120, Initiator::Them, None, true),
            touch("edge180", 180, Initiator::Us, None, false),
            touch("old", 181, Initiator::Them, None, true),
            touch("future", -1, Initiator::Us, Some(2), true),
        ];
        let f = TouchFigures::of(&touches, now);
        assert_eq!(f.last, Some(now));
        assert_eq!((f.recent, f.ours, f.before), (2, 1, 2));
        assert_eq!((f.felt_sum, f.felt), (-1, 2));
        assert_eq!(f.people, HashSet::from(["p-today".to_string(), "p-edge90".to_string()]));
        assert!(f.asked_us, "the strategic question 120 days ago counts");
        let without = TouchFigures::of(&touches[..2], now);
        assert!(!without.asked_us);
        assert_eq!(TouchFigures::of(&[], now), TouchFigures::default());
    }
}
