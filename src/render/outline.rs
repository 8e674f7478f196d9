//! The brief as an outline of sections, groups and lines — what it says, in order — so that the
//! Markdown and HTML renderers only decide how it looks.

use chrono::{DateTime, Utc};

use super::words::{Clock, ago, category, kind_heading, level, outcome, status};
use crate::domain::{Direction, GoalKind};
use crate::engine::brief::{Brief, BriefPerson};

/// A run of text: plain, emphasised (a label), or quieter (a detail).
pub enum Span {
    Text(String),
    Strong(String),
    Muted(String),
}

pub struct Line(pub Vec<Span>);

pub struct Group {
    pub title: Option<String>,
    pub lines: Vec<Line>,
}

pub struct Section {
    pub title: String,
    pub groups: Vec<Group>,
}

pub struct Outline {
    pub title: String,
    pub subtitle: String,
    pub sections: Vec<Section>,
}

fn t(s: impl Into<String>) -> Span {
    Span::Text(s.into())
}
fn b(s: impl Into<String>) -> Span {
    Span::Strong(s.into())
}
fn m(s: impl Into<String>) -> Span {
    Span::Muted(s.into())
}

fn section(title: &str, lines: Vec<Line>, empty: &str) -> Section {
    let lines = if lines.is_empty() { vec![Line(vec![m(empty)])] } else { lines };
    Section { title: title.into(), groups: vec![Group { title: None, lines }] }
}

fn person_lines(p: &BriefPerson, clock: &Clock, now: DateTime<Utc>) -> Group {
    let mut facts = vec![level(p.level).to_string()];
    if let Some(boss) = &p.reports_to {
        facts.push(format!("reports to {boss}"));
    }
    if let Some(c) = p.preferred_channel {
        facts.push(format!("prefers {c}"));
    }
    let mut lines = vec![Line(vec![m(facts.join(" · "))])];
    if let Some(why) = &p.why {
        lines.push(Line(vec![t(why.clone())]));
    }
    lines.push(Line(if p.personal_goals.is_empty() {
        vec![b("Their own goals: "), m("not known yet — ask.")]
    } else {
        vec![b("Their own goals: "), t(p.personal_goals.join("; "))]
    }));
    lines.push(Line(match (p.last_touch_at, &p.last_touch_about) {
        (Some(at), Some(about)) => {
            vec![b("Last touch: "), t(format!("{} ({}) — ", ago(at, now), clock.day(at))), t(about.clone())]
        }
        (Some(at), None) => vec![b("Last touch: "), t(ago(at, now))],
        _ => vec![b("Last touch: "), m("never")],
    }));
    let title = match &p.title {
        Some(title) => format!("{} — {title}", p.name),
        None => p.name.clone(),
    };
    Group { title: Some(title), lines }
}

pub fn outline(brief: &Brief, your_zone: &str) -> Outline {
    let clock = Clock::new(&brief.timezone, your_zone);
    let now = brief.prepared_at;
    let mut sections = Vec::new();

    if let Some(meeting) = &brief.meeting {
        let mut lines = vec![Line(vec![b("When: "), t(clock.both(meeting.starts_at))])];
        lines.push(Line(vec![b("Where: "), t(meeting.location.clone().unwrap_or_else(|| "not set".into()))]));
        lines.push(Line(if meeting.agenda.is_empty() {
            vec![b("Agenda: "), m("none yet — propose one before the meeting.")]
        } else {
            vec![b("Agenda: "), t(meeting.agenda.clone())]
        }));
        sections.push(Section { title: "The meeting".into(), groups: vec![Group { title: None, lines }] });
    }

    let who = if brief.meeting.is_some() { "Who attends" } else { "Their executives" };
    let mut people: Vec<Group> = brief.attendees.iter().map(|p| person_lines(p, &clock, now)).collect();
    if people.is_empty() {
        people.push(Group { title: None, lines: vec![Line(vec![m("Nobody recorded yet.")])] });
    }
    sections.push(Section { title: who.into(), groups: people });
    if !brief.also_matter.is_empty() {
        sections.push(Section {
            title: "Not in the room, but they matter".into(),
            groups: brief.also_matter.iter().map(|p| person_lines(p, &clock, now)).collect(),
        });
    }

    let culture = brief
        .culture
        .iter()
        .map(|n| {
            let about = n.about.as_ref().map(|a| format!(" (about {a})")).unwrap_or_default();
            Line(vec![b(format!("{}{about}: ", category(n.category))), t(n.text.clone())])
        })
        .collect();
    sections.push(section(
        "Culture reminders",
        culture,
        "No culture notes yet. Note how they like to work after this meeting.",
    ));

    let goal_groups: Vec<Group> = GoalKind::ALL
        .iter()
        .map(|kind| {
            let lines: Vec<Line> = brief
                .goals
                .iter()
                .filter(|g| g.kind == *kind)
                .map(|g| {
                    let mut spans = vec![t(g.title.clone()), m(format!(" — {}", status(g.status)))];
                    if let Some(whose) = &g.whose {
                        spans.push(m(format!(" · {whose}")));
                    }
                    if let Some(d) = g.target_date {
                        spans.push(m(format!(" · by {}", d.format("%-d %b %Y"))));
                    }
                    if !g.stated {
                        spans.push(m(" · our inference"));
                    }
                    if let (Some(text), Some(at)) = (&g.last_progress, g.last_progress_at) {
                        spans.push(m(format!(" · last progress {}: ", clock.day(at))));
                        spans.push(t(text.clone()));
                    }
                    Line(spans)
                })
                .collect();
            let lines = if lines.is_empty() { vec![Line(vec![m("None recorded.")])] } else { lines };
            Group { title: Some(kind_heading(*kind).into()), lines }
        })
        .collect();
    sections.push(Section { title: "Goals".into(), groups: goal_groups });

    let promise_line = |p: &crate::engine::brief::BriefPromise, settled: bool| {
        let whose = if p.direction == Direction::Ours { "We promised" } else { "They promised" };
        let who = p.who.as_ref().map(|w| format!(" ({w})")).unwrap_or_default();
        let mut spans = vec![b(format!("{whose}{who}: ")), t(p.text.clone())];
        if settled {
            spans.push(m(format!(" — {}, due {}", outcome(p), clock.day(p.due_at))));
        } else {
            spans.push(m(format!(" — due {}", clock.day(p.due_at))));
            if p.due_at < now {
                spans.push(b(" — OVERDUE"));
            } else if p.at_risk {
                spans.push(b(" — at risk"));
            }
        }
        Line(spans)
    };
    let open: Vec<Line> = brief.open_promises.iter().map(|p| promise_line(p, false)).collect();
    let settled: Vec<Line> = brief.settled_promises.iter().map(|p| promise_line(p, true)).collect();
    sections.push(Section {
        title: "Promises".into(),
        groups: vec![
            Group {
                title: Some("Open".into()),
                lines: if open.is_empty() { vec![Line(vec![m("Nothing open either way.")])] } else { open },
            },
            Group {
                title: Some("Kept or broken in the last 90 days".into()),
                lines: if settled.is_empty() { vec![Line(vec![m("None.")])] } else { settled },
            },
        ],
    });

    let recent = brief
        .recent
        .iter()
        .map(|r| {
            let with = if r.with.is_empty() { String::new() } else { format!(" with {}", r.with.join(", ")) };
            Line(vec![b(format!("{} · {}{with}: ", clock.day(r.at), r.channel)), t(r.summary.clone())])
        })
        .collect();
    sections.push(section("Recent history", recent, "Nothing logged yet."));

    let requests = brief
        .open_requests
        .iter()
        .map(|r| {
            let from = r.from.as_ref().map(|f| format!(" from {f}")).unwrap_or_default();
            let clock_note = if r.answer_due_at <= now {
                format!("answer overdue since {}", clock.both(r.answer_due_at))
            } else {
                format!("answer due by {}", clock.both(r.answer_due_at))
            };
            let ack = if r.acknowledged { "acknowledged" } else { "not acknowledged" };
            Line(vec![
                t(r.text.clone()),
                m(format!(" — received{from} {}; {ack}; {clock_note}", ago(r.received_at, now))),
            ])
        })
        .collect();
    sections.push(section("Open requests", requests, "None waiting."));

    let issues = brief
        .issues
        .iter()
        .map(|i| {
            let state = match (i.resolved_at, i.acknowledged) {
                (Some(r), _) => format!("resolved {}", clock.day(r)),
                (None, true) => "open, acknowledged".into(),
                (None, false) => "open, NOT acknowledged".into(),
            };
            let mut spans = vec![b(format!("{} ({}): ", i.title, i.severity)), t(state)];
            if !i.notes.is_empty() {
                spans.push(m(" — "));
                spans.push(t(i.notes.clone()));
            }
            Line(spans)
        })
        .collect();
    sections.push(section("Issues", issues, "No open or recent issues."));

    sections.push(section("Relationship health", vec![Line(vec![m(brief.health.clone())])], ""));
    sections.push(section(
        "Talking points",
        brief.talking_points.iter().map(|p| Line(vec![t(p.clone())])).collect(),
        "Nothing pressing: use the time for their goals.",
    ));
    sections.push(section(
        "Questions worth asking",
        brief.questions.iter().map(|q| Line(vec![t(q.clone())])).collect(),
        "Ask what has changed for them since you last spoke.",
    ));

    let title = match &brief.meeting {
        Some(m) => format!("Brief: {} — {}", brief.account, m.title),
        None => format!("Brief: {}", brief.account),
    };
    Outline {
        title,
        subtitle: format!(
            "Prepared {} · {} account · their time zone {}",
            clock.both(now),
            brief.tier,
            brief.timezone
        ),
        sections,
    }
}
