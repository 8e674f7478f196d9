//! The seven components and the penalties, each with the evidence that justifies its number.

use chrono::{DateTime, Duration, Utc};

use super::touches::TouchFigures;
use super::{Component, Penalty, Weights};
use crate::domain::Bundle;
use crate::domain::{Direction, GoalKind, GoalStatus, Level, PromiseStatus, Severity};

fn pct(part: f64, whole: f64) -> u32 {
    if whole <= 0.0 { 0 } else { ((part / whole) * 100.0).round().clamp(0.0, 100.0) as u32 }
}

/// "1 promise", "3 promises"
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("{n} {one}") } else { format!("{n} {many}") }
}

/// "today", "yesterday", "12 days ago".
fn days_ago(days: i64) -> String {
    match days {
        ..=0 => "today".into(),
        1 => "yesterday".into(),
        n => format!("{n} days ago"),
    }
}

fn component(name: &str, weight: u32, score: Option<u32>, evidence: String) -> Component {
    Component { name: name.into(), score, weight, evidence }
}

pub fn all(b: &Bundle, t: &TouchFigures, now: DateTime<Utc>, w: &Weights) -> Vec<Component> {
    vec![
        reliability(b, now, w.reliability),
        responsiveness(b, now, w.responsiveness),
        engagement(b, t, now, w.engagement),
        proactivity(t, w.proactivity),
        breadth(b, t, w.breadth),
        intimacy(b, w.intimacy),
        goals(b, now, w.goals),
    ]
}

/// Our promises due in the last 180 days, kept on time; recent ones weigh more.
fn reliability(b: &Bundle, now: DateTime<Utc>, weight: u32) -> Component {
    let last_180 = now - Duration::days(180)..=now;
    let due: Vec<_> = b
        .promises
        .iter()
        .filter(|p| p.direction == Direction::Ours && last_180.contains(&p.due_at))
        // A renegotiated promise is judged by its new date once that has passed.
        .filter(|p| p.status != PromiseStatus::Renegotiated || p.due_at < now)
        .collect();
    // A promise of ours now late is evidence even when it is the only one.
    let late = due.iter().any(|p| p.is_open() && p.due_at < now);
    if due.len() < 3 && !late {
        return component(
            "reliability",
            weight,
            None,
            match due.len() {
                0 => "No promise of ours fell due in the last 180 days; nothing to judge yet.".into(),
                n => format!(
                    "Only {} of ours fell due in the last 180 days; too few to judge.",
                    count(n, "promise", "promises")
                ),
            },
        );
    }
    let on_time = |p: &crate::domain::Promise| p.status == PromiseStatus::Kept && !p.kept_late();
    let recency = |p: &crate::domain::Promise| 1.0 - (now - p.due_at).num_days() as f64 / 360.0;
    let kept: f64 = due.iter().filter(|p| on_time(p)).map(|p| recency(p)).sum();
    let all: f64 = due.iter().map(|p| recency(p)).sum();
    let count = due.iter().filter(|p| on_time(p)).count();
    component(
        "reliability",
        weight,
        Some(pct(kept, all)),
        format!("{count} of {} promises kept on time in the last 180 days.", due.len()),
    )
}

/// Requests of the last 180 days acknowledged within an hour and answered within a day.
fn responsiveness(b: &Bundle, now: DateTime<Utc>, weight: u32) -> Component {
    let last_180 = now - Duration::days(180)..=now;
    let asked: Vec<_> = b.requests.iter().filter(|r| last_180.contains(&r.received_at)).collect();
    // A clock still running is judged neither way: a request received ten minutes ago has not
    // been acknowledged late.
    let ack_due: Vec<_> = asked
        .iter()
        .filter(|r| r.acknowledged_at.is_some() || r.received_at < now - Duration::hours(1))
        .collect();
    let answer_due: Vec<_> = asked
        .iter()
        .filter(|r| r.answered_at.is_some() || r.received_at < now - Duration::hours(24))
        .collect();
    // A request left past its answer clock is evidence even when it is the only one.
    let waiting = answer_due.iter().any(|r| !r.is_settled());
    if answer_due.len() < 2 && !waiting {
        return component(
            "responsiveness",
            weight,
            None,
            match answer_due.len() {
                0 => "No request had its answer due in the last 180 days; nothing to judge yet.".into(),
                n => format!(
                    "Only {} with its answer due in the last 180 days; too few to judge.",
                    count(n, "request", "requests")
                ),
            },
        );
    }
    let acked = ack_due
        .iter()
        .filter(|r| r.acknowledged_at.is_some_and(|a| a - r.received_at <= Duration::hours(1)))
        .count();
    let answered = answer_due
        .iter()
        .filter(|r| r.answered_at.is_some_and(|a| a - r.received_at <= Duration::hours(24)))
        .count();
    let score = (pct(acked as f64, ack_due.len() as f64) + pct(answered as f64, answer_due.len() as f64))
        as f64
        / 2.0;
    component(
        "responsiveness",
        weight,
        Some(score.round() as u32),
        format!(
            "{acked} of {} requests acknowledged within an hour, {answered} of {} answered within 24 hours.",
            ack_due.len(),
            answer_due.len()
        ),
    )
}

/// The last touch against the cadence, and whether touches are thinning out.
fn engagement(b: &Bundle, t: &TouchFigures, now: DateTime<Utc>, weight: u32) -> Component {
    let Some(last) = t.last else {
        return component("engagement", weight, None, "No touch logged yet.".into());
    };
    let cadence = i64::from(b.account.effective_cadence_days());
    let days = (now - last).num_days();
    let mut score = if days <= cadence {
        100.0
    } else {
        (100.0 * (1.0 - (days - cadence) as f64 / cadence as f64)).max(0.0)
    };
    let (recent, before) = (t.recent, t.before);
    let mut trend = String::new();
    if before > 0 && (recent as f64) < before as f64 * 0.7 {
        score = (score - 15.0).max(0.0);
        trend = format!(" Touches are thinning: {recent} in the last 90 days against {before} before.");
    }
    component(
        "engagement",
        weight,
        Some(score.round() as u32),
        format!("Last touch {}, against a cadence of {cadence} days.{trend}", days_ago(days)),
    )
}

/// The share of the last 90 days' touches that we started.
fn proactivity(t: &TouchFigures, weight: u32) -> Component {
    if t.recent < 3 {
        return component(
            "proactivity",
            weight,
            None,
            match t.recent {
                0 => "No touch in the last 90 days; nothing to judge yet.".into(),
                n => format!("Only {} in the last 90 days; too few to judge.", count(n, "touch", "touches")),
            },
        );
    }
    component(
        "proactivity",
        weight,
        Some(pct(t.ours as f64, t.recent as f64)),
        format!("We started {} of the last {} touches (90 days).", t.ours, t.recent),
    )
}

/// People and levels engaged in the last 90 days.
fn breadth(b: &Bundle, t: &TouchFigures, weight: u32) -> Component {
    if b.contacts.is_empty() {
        return component("breadth", weight, None, "Nobody recorded at this account yet.".into());
    }
    let people: Vec<_> = b.contacts.iter().filter(|c| t.people.contains(&c.id)).collect();
    let levels_present = Level::ALL.iter().filter(|l| b.contacts.iter().any(|c| c.level == **l)).count();
    let levels_touched = Level::ALL.iter().filter(|l| people.iter().any(|c| c.level == **l)).count();
    let score = 0.6 * pct(people.len() as f64, b.contacts.len() as f64) as f64
        + 0.4 * pct(levels_touched as f64, levels_present as f64) as f64;
    component(
        "breadth",
        weight,
        Some(score.round() as u32),
        format!(
            "{} of {} people touched in the last 90 days, at {levels_touched} of {levels_present} levels.",
            people.len(),
            b.contacts.len()
        ),
    )
}

/// What we know of the key people (executives and managers): their own goals, how they like
/// to be reached, notes on how they work.
fn intimacy(b: &Bundle, weight: u32) -> Component {
    let key: Vec<_> = b.contacts.iter().filter(|c| c.level != Level::Staff).collect();
    if key.is_empty() {
        return component("intimacy", weight, None, "No executives or managers recorded yet.".into());
    }
    let goal_known = |id: &str| {
        b.goals.iter().any(|g| g.kind == GoalKind::Personal && g.contact_id.as_deref() == Some(id))
    };
    let note_known = |id: &str| b.culture_notes.iter().any(|n| n.contact_id.as_deref() == Some(id));
    let goals = key.iter().filter(|c| goal_known(&c.id)).count();
    let channels = key.iter().filter(|c| c.preferred_channel.is_some()).count();
    let notes = key.iter().filter(|c| note_known(&c.id)).count();
    // Notes on how the whole account works tell how each of its people works, in part.
    let account_wide = b.culture_notes.iter().filter(|n| n.contact_id.is_none()).count();
    let n = key.len() as f64;
    let notes_score =
        if account_wide > 0 { 50.0 + 0.5 * pct(notes as f64, n) as f64 } else { pct(notes as f64, n) as f64 };
    let score =
        0.5 * pct(goals as f64, n) as f64 + 0.25 * pct(channels as f64, n) as f64 + 0.25 * notes_score;
    let wide = match account_wide {
        0 => String::new(),
        k => format!(", and {} on how the whole account works", count(k, "note", "notes")),
    };
    component(
        "intimacy",
        weight,
        Some(score.round() as u32),
        format!(
            "Own goals known for {goals} of {} key people; preferred channel for {channels}; notes on how they work for {notes}{wide}.",
            key.len()
        ),
    )
}

/// The client's goals (company and personal) on track or achieved.
fn goals(b: &Bundle, now: DateTime<Utc>, weight: u32) -> Component {
    // A goal just written down as open is not yet behind: it is judged from its first month on.
    let fresh = |g: &&crate::domain::Goal| {
        g.status == GoalStatus::Open && g.progress.is_empty() && now - g.created_at < Duration::days(30)
    };
    let recorded: Vec<_> = b
        .goals
        .iter()
        .filter(|g| {
            matches!(g.kind, GoalKind::Company | GoalKind::Personal) && g.status != GoalStatus::Dropped
        })
        .collect();
    let theirs: Vec<_> = recorded.iter().filter(|g| !fresh(g)).collect();
    if theirs.is_empty() {
        let evidence = match recorded.len() {
            0 => "None of their goals recorded yet.".to_string(),
            n => format!(
                "{} recorded in the last 30 days; too new to judge.",
                count(n, "goal of theirs", "goals of theirs")
            ),
        };
        return component("goals", weight, None, evidence);
    }
    let good =
        theirs.iter().filter(|g| matches!(g.status, GoalStatus::OnTrack | GoalStatus::Achieved)).count();
    component(
        "goals",
        weight,
        Some(pct(good as f64, theirs.len() as f64)),
        format!("{good} of {} of their goals on track or achieved.", theirs.len()),
    )
}

/// What is owed to the client and late right now: our promises past due, requests past their
/// answer clock. Any one keeps the account out of "healthy", whatever its score.
pub fn breaches(b: &Bundle, now: DateTime<Utc>) -> Vec<String> {
    let mut out: Vec<String> = b
        .promises
        .iter()
        .filter(|p| p.direction == Direction::Ours && p.is_open() && p.due_at < now)
        .map(|p| format!("Our promise \"{}\" is {} late.", p.text, late_by(now - p.due_at)))
        .collect();
    out.extend(
        b.requests.iter().filter(|r| !r.is_settled() && r.received_at < now - Duration::hours(24)).map(|r| {
            format!("A request has waited {} for an answer: \"{}\".", late_by(now - r.received_at), r.text)
        }),
    );
    out
}

/// "5 h", "3 days".
fn late_by(d: Duration) -> String {
    if d.num_hours() < 48 { format!("{} h", d.num_hours().max(1)) } else { format!("{} days", d.num_days()) }
}

/// Open issues and a sour mood subtract, visibly.
pub fn penalties(b: &Bundle, t: &TouchFigures, now: DateTime<Utc>) -> Vec<Penalty> {
    let mut out = Vec::new();
    for i in b.issues.iter().filter(|i| i.resolved_at.is_none() && i.opened_at <= now) {
        let points = match i.severity {
            Severity::Critical | Severity::High => 10,
            Severity::Medium => 5,
            Severity::Low => 2,
        };
        out.push(Penalty { points, reason: format!("Open issue \"{}\" ({}).", i.title, i.severity) });
    }
    if t.felt >= 3 {
        let mean = t.felt_sum as f64 / t.felt as f64;
        if mean < 0.0 {
            out.push(Penalty {
                points: (-mean * 10.0).round() as u32,
                reason: format!(
                    "The last 90 days felt negative on average ({mean:.1} on a scale of -2 to 2)."
                ),
            });
        }
    }
    out
}
