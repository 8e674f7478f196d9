//! Who was touched last, and when: everything the check-in rules need from the history, so
//! they never walk it. The store keeps these figures current in the database; tests and the
//! in-memory path compute the same from a list of interactions.

use chrono::{DateTime, Utc};

use crate::domain::{Id, Interaction};

pub use crate::domain::Touches;

/// The later of two touches; on the same instant, the larger id (as the store decides).
fn later(a: Option<(DateTime<Utc>, Id)>, at: DateTime<Utc>, id: &str) -> (DateTime<Utc>, Id) {
    match a {
        Some((t, i)) if (t, i.as_str()) >= (at, id) => (t, i),
        _ => (at, id.to_string()),
    }
}

impl Touches {
    pub fn from_interactions(list: &[Interaction]) -> Touches {
        let mut t = Touches::default();
        for i in list {
            t.last = Some(later(t.last.take(), i.occurred_at, &i.id));
            if i.strategic {
                t.last_strategic = t.last_strategic.max(Some(i.occurred_at));
            }
            for c in &i.contact_ids {
                let entry = t.last_with.remove(c);
                t.last_with.insert(c.clone(), later(entry, i.occurred_at, &i.id));
            }
        }
        let wanted: Vec<&Id> =
            t.last.iter().map(|(_, id)| id).chain(t.last_with.values().map(|(_, id)| id)).collect();
        t.summaries = list
            .iter()
            .filter(|i| wanted.contains(&&i.id))
            .map(|i| (i.id.clone(), i.summary.clone()))
            .collect();
        t
    }

    pub fn last_at(&self) -> Option<DateTime<Utc>> {
        self.last.as_ref().map(|(t, _)| *t)
    }

    pub fn last_with_at(&self, contact_id: &str) -> Option<DateTime<Utc>> {
        self.last_with.get(contact_id).map(|(t, _)| *t)
    }
}
