//! A repeating meeting as an import reads it: its occurrences arrive one after another, and
//! the preview says the series once — how it repeats, how many meetings it brings and over
//! which days, how many differ from it — instead of a line per occurrence.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::Outcome;
use super::applied::Noted;
use crate::domain::Id;
use crate::interop::{CalendarEvent, SeriesRule};

/// The occurrences of one repeating meeting as they are imported, to be said as one record.
pub(super) struct SeriesTally {
    pub(super) rule: Arc<SeriesRule>,
    pub(super) line: u32,
    pub(super) title: String,
    pub(super) series_id: Option<Id>,
    account_id: Option<Id>,
    /// Occurrences created, merged, brought back and unchanged, in [`Outcome`]'s order.
    pub(super) counts: [u32; 4],
    changed: u32,
    first: Option<DateTime<Utc>>,
    last: Option<DateTime<Utc>>,
    /// What the occurrences' previews said, each once.
    notes: Vec<String>,
    /// The calendar UIDs of the occurrences the file holds.
    pub(super) seen: HashSet<String>,
}

impl SeriesTally {
    pub(super) fn new(event: &CalendarEvent, rule: &Arc<SeriesRule>) -> SeriesTally {
        SeriesTally {
            rule: Arc::clone(rule),
            line: event.line,
            title: event.title.clone(),
            series_id: None,
            account_id: None,
            counts: [0; 4],
            changed: 0,
            first: None,
            last: None,
            notes: Vec::new(),
            seen: HashSet::new(),
        }
    }

    pub(super) fn add(&mut self, event: &CalendarEvent, noted: Noted) {
        self.counts[noted.outcome as usize] += 1;
        self.changed += u32::from(event.changed);
        self.first = Some(self.first.map_or(event.starts_at, |f| f.min(event.starts_at)));
        self.last = Some(self.last.map_or(event.starts_at, |l| l.max(event.starts_at)));
        self.account_id.get_or_insert(noted.account_id);
        for change in noted.changes {
            if !self.notes.contains(&change) && self.notes.len() < 6 {
                self.notes.push(change);
            }
        }
    }

    /// Until when the file speaks for the series: the end of the period it was read over (its
    /// last occurrence, when the reader took only the first ones), less the most a time without
    /// a zone can move once placed (fourteen hours), so that nothing beyond is judged.
    pub(super) fn covers_until(&self) -> Option<DateTime<Utc>> {
        // The file speaks for the whole period it was read over — a series the calendar ended
        // early has nothing after its end — unless the reader cut it short.
        let until = if self.rule.cut_short { self.last? } else { self.rule.read_until.max(self.last?) };
        Some(until - chrono::Duration::hours(14))
    }

    /// The series as one record: its outcome (new if any occurrence is, then brought back,
    /// merged, unchanged), its account, and what the preview says of it.
    pub(super) fn said(&self) -> Option<(Outcome, Id, Vec<String>)> {
        let account_id = self.account_id.clone()?;
        let [created, merged, restored, unchanged] = self.counts;
        let outcome = if created > 0 {
            Outcome::Create
        } else if restored > 0 {
            Outcome::Restore
        } else if merged > 0 {
            Outcome::Merge
        } else {
            Outcome::Unchanged
        };
        let total = created + merged + restored + unchanged;
        let day =
            |at: Option<DateTime<Utc>>| at.map(|at| at.format("%-d %b %Y").to_string()).unwrap_or_default();
        let mut said = vec![format!(
            "repeats {}: {} from {} to {}{}",
            self.rule.repeats,
            plural(total, "meeting"),
            day(self.first),
            day(self.last),
            match self.changed {
                0 => String::new(),
                n => format!(", {n} changed from the series"),
            }
        )];
        if created > 0 && created < total {
            said.push(format!("{} new, {} already in Rapport", plural(created, "meeting"), total - created));
        }
        said.extend(self.notes.iter().cloned());
        Some((outcome, account_id, said))
    }
}

fn plural(n: u32, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}
