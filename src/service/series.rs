//! Repeating meetings followed as time passes. An import takes a series' occurrences a year
//! ahead; the app's chores take the next ones from the rule the series keeps, so that a weekly
//! meeting imported once is still on the calendar, briefed and judged, the year after.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};

use super::{Rapport, new_id, stored_precision};
use crate::domain::{MOMENT, Meeting, Occurrence};
use crate::error::Result;
use crate::interop::ical;
use crate::store::meetings;

/// How far ahead a series' occurrences are kept, as an import takes them.
const AHEAD_DAYS: i64 = 365;
/// A series is followed on once fewer days than this are left of what it holds.
const FOLLOW_WHEN_DAYS: i64 = 335;

impl Rapport {
    /// Adds each series' occurrences up to a year after `now` that it does not hold yet, like
    /// the latest one the rule gives as it is. Returns how many were added.
    pub fn keep_series_ahead(&mut self, now: DateTime<Utc>) -> Result<usize> {
        let now = stored_precision(now);
        let until = now + Duration::days(AHEAD_DAYS);
        self.store.write(|tx| {
            let mut added = 0;
            for series in meetings::all_series(tx, None)? {
                let Some(last) = meetings::last_occurrence(tx, &series.id)? else { continue };
                if last >= now + Duration::days(FOLLOW_WHEN_DAYS) {
                    continue;
                }
                let Some(like) = meetings::latest_as_series_says(tx, &series.id)? else { continue };
                let held: HashSet<String> = meetings::occurrence_uids(tx, &series.id)?.into_iter().collect();
                let read = ical::read(&series.rule, last + MOMENT, until);
                // A rule that repeats more often than an import takes (hourly, say) was cut
                // short there, and said so; following it on would flood the calendar.
                if read.records.len() >= ical::MAX_OCCURRENCES {
                    continue;
                }
                for event in read.records.into_iter().filter(|e| !held.contains(&e.uid)) {
                    let (starts_at, ends_at) = if event.floating {
                        let zone =
                            like.timezone.as_deref().and_then(|z| z.parse().ok()).unwrap_or(chrono_tz::UTC);
                        match ical::on_clock_of(&event, zone) {
                            Some(placed) => placed,
                            None => continue,
                        }
                    } else {
                        (event.starts_at, event.ends_at)
                    };
                    let meeting = Meeting {
                        id: new_id(now),
                        starts_at,
                        ends_at: ends_at.max(starts_at + MOMENT),
                        title: series.title.clone(),
                        ical_uid: Some(event.uid),
                        series: Some(Occurrence {
                            series_id: series.id.clone(),
                            repeats: series.repeats.clone(),
                            changed: false,
                        }),
                        created_at: now,
                        updated_at: now,
                        ..like.clone()
                    };
                    meetings::save(tx, &meeting)?;
                    added += 1;
                }
            }
            Ok(added)
        })
    }
}
