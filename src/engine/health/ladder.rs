//! The advisor ladder: 1 implementer → 2 reliable partner → 3 proactive partner → 4 trusted
//! advisor. Each rung has conditions from the evidence; the next steps are the unmet ones.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use specta::Type;

use super::Component;
use super::touches::TouchFigures;
use crate::domain::Bundle;
use crate::domain::{GoalKind, Level};

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AdvisorLevel {
    pub level: u32,
    pub name: String,
    /// What earned this level.
    pub evidence: Vec<String>,
    /// Concrete steps to the next level.
    pub next_steps: Vec<String>,
}

fn score(components: &[Component], name: &str) -> Option<u32> {
    components.iter().find(|c| c.name == name).and_then(|c| c.score)
}

const NAMES: [&str; 4] = ["implementer", "reliable partner", "proactive partner", "trusted advisor"];

pub fn level(b: &Bundle, t: &TouchFigures, components: &[Component]) -> AdvisorLevel {
    let mut evidence = Vec::new();

    // Rung 2: promises kept and requests answered; the bigger gap to its mark first.
    let mut rung2: Vec<(u32, String)> = Vec::new();
    match score(components, "reliability") {
        Some(s) if s >= 80 => evidence.push(format!("Reliability {s}: promises are kept on time.")),
        Some(s) => rung2.push((
            80 - s,
            format!("Keep promises on time: reliability is {s}, a reliable partner is at 80 or more."),
        )),
        None => rung2
            .push((0, "Make and keep a few promises, and record them, so reliability can be judged.".into())),
    }
    match score(components, "responsiveness") {
        Some(s) if s >= 70 => {
            evidence.push(format!("Responsiveness {s}: requests are acknowledged and answered promptly."))
        }
        Some(s) => rung2.push((
            70 - s,
            format!(
                "Acknowledge requests within an hour and answer within a day: responsiveness is {s}, aim for 70."
            ),
        )),
        None => rung2
            .push((0, "Record their requests and when you answered, so responsiveness can be judged.".into())),
    }

    // Rung 3: we start most touches.
    let (ours, recent) = (t.ours, t.recent);
    let mut rung3 = Vec::new();
    if recent > 0 && ours * 2 > recent {
        evidence.push(format!("We started {ours} of the last {recent} touches."));
    } else {
        rung3.push(format!("Reach out first: you have initiated {ours} of the last {recent} touches."));
    }

    // Rung 4: their goals known and served, several levels, strategic questions brought to us.
    let mut rung4 = Vec::new();
    if !b.goals.iter().any(|g| g.kind == GoalKind::Company) {
        rung4.push("Learn and record their company's goals for the year.".into());
    }
    for c in b.contacts.iter().filter(|c| c.level == Level::Executive) {
        let known = b
            .goals
            .iter()
            .any(|g| g.kind == GoalKind::Personal && g.contact_id.as_deref() == Some(c.id.as_str()));
        if !known {
            let title = c.title.as_deref().map(|t| format!(" ({t})")).unwrap_or_default();
            rung4.push(format!("No personal goal recorded for {}{title}.", c.name));
        }
    }
    let level_of: HashMap<&str, Level> = b.contacts.iter().map(|c| (c.id.as_str(), c.level)).collect();
    let levels = t.people.iter().filter_map(|id| level_of.get(id.as_str())).collect::<HashSet<_>>().len();
    if levels < 2 {
        rung4.push("Build relationships at more than one level of their organisation.".into());
    }
    if t.asked_us {
        evidence.push("They have brought us strategic questions in the last 180 days.".into());
    } else {
        rung4.push(
            "Become the one they ask about strategy: no strategic question came from them in 180 days."
                .into(),
        );
    }

    let level = if !rung2.is_empty() {
        1
    } else if !rung3.is_empty() {
        2
    } else if !rung4.is_empty() {
        3
    } else {
        4
    };
    // The biggest gap first; a part that cannot be judged yet after one that is judged short.
    rung2.sort_by_key(|(gap, _)| std::cmp::Reverse(*gap));
    let next_steps = match level {
        1 => rung2.into_iter().map(|(_, step)| step).collect(),
        2 => rung3,
        3 => rung4,
        _ => vec!["Keep it up: serve their goals and keep every promise.".into()],
    };
    AdvisorLevel { level, name: NAMES[level as usize - 1].into(), evidence, next_steps }
}

impl AdvisorLevel {
    /// Adds the trust ledger's weak spot (`engine::trust::weak_spot`) to the next steps: second,
    /// after the ladder's own first step, so that both are seen; in place of "keep it up" at the
    /// top of the ladder. The caller passes the account-level ledger's weak part; nothing is
    /// added twice.
    pub fn with_trust_step(&mut self, part: &str, score: u32, next_step: &str) {
        let part = part.replace('_', "-");
        let step = format!("Build trust where it is weakest, {part} ({score}): {next_step}");
        if self.next_steps.contains(&step) {
            return;
        }
        if self.level == 4 {
            self.next_steps.clear();
        }
        let at = self.next_steps.len().min(1);
        self.next_steps.insert(at, step);
    }
}
