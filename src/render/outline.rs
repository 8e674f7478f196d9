//! The brief as an outline of sections, groups and lines — what it says, in order — so that the
//! Markdown and HTML renderers, and the brief on screen, only decide how it looks. Every sentence
//! the user reads is written here once; the screen receives this outline as data.

use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use super::words::{Clock, ago, category, duration, kind_heading, level, outcome, received, span, status};
use crate::domain::{Direction, GoalKind, GoalStatus, Guest, PromiseStatus, Severity, Stance};
use crate::engine::brief::{Brief, BriefNote, BriefPerson, BriefPromise, SinceLastMet};
use crate::engine::trust::WeakSpot;

/// A run of text and how it reads: plain, emphasised (a label), quieter (a detail), or a flag
/// that says whether all is well (`good`), needs an eye (`warning`) or needs acting on (`alarm`).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "look", content = "text", rename_all = "snake_case")]
pub enum OutlineSpan {
    Text(String),
    Strong(String),
    Muted(String),
    Good(String),
    Warning(String),
    Alarm(String),
}

impl OutlineSpan {
    /// The words, whatever their look.
    pub fn text(&self) -> &str {
        match self {
            OutlineSpan::Text(t)
            | OutlineSpan::Strong(t)
            | OutlineSpan::Muted(t)
            | OutlineSpan::Good(t)
            | OutlineSpan::Warning(t)
            | OutlineSpan::Alarm(t) => t,
        }
    }
}

/// One item of a list: its spans read in a row.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct OutlineLine(pub Vec<OutlineSpan>);

/// Lines under an optional heading (a person, a kind of goal).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct OutlineGroup {
    pub title: Option<String>,
    pub lines: Vec<OutlineLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct OutlineSection {
    pub title: String,
    pub groups: Vec<OutlineGroup>,
}

/// The whole brief as it reads, on screen and on paper.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct BriefOutline {
    /// The account's name, for the way back to it.
    pub account: String,
    pub title: String,
    pub subtitle: String,
    pub sections: Vec<OutlineSection>,
}

fn t(s: impl Into<String>) -> OutlineSpan {
    OutlineSpan::Text(s.into())
}
fn b(s: impl Into<String>) -> OutlineSpan {
    OutlineSpan::Strong(s.into())
}
fn m(s: impl Into<String>) -> OutlineSpan {
    OutlineSpan::Muted(s.into())
}

fn section(title: &str, lines: Vec<OutlineLine>, empty: &str) -> OutlineSection {
    let lines = if lines.is_empty() { vec![OutlineLine(vec![m(empty)])] } else { lines };
    OutlineSection { title: title.into(), groups: vec![OutlineGroup { title: None, lines }] }
}

fn note_line(n: &BriefNote) -> OutlineLine {
    let about = n.about.as_ref().map(|a| format!(" (about {a})")).unwrap_or_default();
    OutlineLine(vec![b(format!("{}{about}: ", category(n.category))), t(n.text.clone())])
}

fn person_lines(p: &BriefPerson, clock: &Clock, now: DateTime<Utc>) -> OutlineGroup {
    let mut facts = vec![level(p.level).to_string()];
    if let Some(boss) = &p.reports_to {
        facts.push(format!("reports to {boss}"));
    }
    facts.push(match p.preferred_channel {
        Some(c) => format!("prefers {c}"),
        None => "preferred channel not known".into(),
    });
    let mut lines = vec![OutlineLine(vec![m(facts.join(" · "))])];
    if let Some(why) = &p.why {
        lines.push(OutlineLine(vec![t(why.clone())]));
    }
    lines.push(role_line(p));
    if let Some(weak) = &p.weak_spot {
        lines.push(weak_line(weak));
    }
    lines.push(OutlineLine(if p.personal_goals.is_empty() {
        vec![b("Their own goals: "), m("not known yet — ask.")]
    } else {
        vec![b("Their own goals: "), t(p.personal_goals.join("; "))]
    }));
    lines.push(OutlineLine(match (p.last_touch_at, &p.last_touch_about) {
        (Some(at), Some(about)) => {
            vec![b("Last touch: "), t(format!("{} ({}) — ", ago(at, now), clock.day(at))), t(about.clone())]
        }
        (Some(at), None) => vec![b("Last touch: "), t(format!("{} ({})", ago(at, now), clock.day(at)))],
        _ => vec![b("Last touch: "), m("never — a first conversation is overdue.")],
    }));
    let title = match &p.title {
        Some(title) => format!("{} — {title}", p.name),
        None => p.name.clone(),
    };
    OutlineGroup { title: Some(title), lines }
}

/// Their roles in words, their influence and their stance — and whether the user set it.
fn role_line(p: &BriefPerson) -> OutlineLine {
    let mut spans = vec![b("Role: ")];
    if p.roles.is_empty() {
        spans.push(m("not known"));
    } else {
        spans.push(t(p.roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")));
    }
    spans.push(m(" · "));
    spans.push(match p.influence {
        Some(i) => t(format!("{i} influence")),
        None => m("influence not known"),
    });
    spans.push(m(" · "));
    match p.stance {
        Some(s) => {
            let flag = match s {
                Stance::Supportive => OutlineSpan::Good,
                Stance::Neutral => OutlineSpan::Text,
                Stance::Resistant => OutlineSpan::Warning,
            };
            spans.push(flag(s.to_string()));
            spans.push(m(if p.stance_set { " (as you set it)" } else { " (from the evidence)" }));
        }
        None => spans.push(m("stance not known yet")),
    }
    OutlineLine(spans)
}

/// Their trust's weakest part and the one thing to do about it.
fn weak_line(w: &WeakSpot) -> OutlineLine {
    let part = match w.part.as_str() {
        "self_orientation" => format!("self-orientation ({}, higher is worse)", w.score),
        part => format!("{part} ({})", w.score),
    };
    OutlineLine(vec![
        b("Weakest: "),
        OutlineSpan::Warning(part),
        m(" — "),
        b("Next: "),
        t(w.next_step.clone()),
    ])
}

/// "Since you last met": the meeting, then what changed, by kind; a kind with nothing is left out.
fn since_section(brief: &Brief, clock: &Clock, now: DateTime<Utc>) -> OutlineSection {
    let s: &SinceLastMet = &brief.since_last_met;
    let Some(last) = &s.last else {
        let first = if brief.meeting.is_some() {
            "First meeting with these people in Rapport.".to_string()
        } else {
            format!("No meeting with {} in Rapport yet.", brief.account)
        };
        return section("Since you last met", vec![OutlineLine(vec![m(first)])], "");
    };
    let mut groups = vec![OutlineGroup {
        title: None,
        lines: vec![OutlineLine(vec![
            b("Last met: "),
            t(last.title.clone()),
            m(format!(" — {} ({})", clock.day(last.starts_at), ago(last.starts_at, now))),
        ])],
    }];
    let mut group = |title: &str, lines: Vec<OutlineLine>| {
        if !lines.is_empty() {
            groups.push(OutlineGroup { title: Some(title.into()), lines });
        }
    };
    for (direction, title) in [(Direction::Ours, "Our promises"), (Direction::Theirs, "Their promises")] {
        let to = |p: &BriefPromise| p.who.as_ref().map(|w| format!(" ({w})")).unwrap_or_default();
        let kept = s.kept.iter().filter(|p| p.direction == direction).map(|p| {
            let at = clock.day(p.completed_at.unwrap_or(p.due_at));
            let flag = if p.kept_late {
                OutlineSpan::Warning(format!("kept late, {at}"))
            } else {
                OutlineSpan::Good(format!("kept {at}"))
            };
            OutlineLine(vec![t(p.text.clone()), m(format!("{} — ", to(p))), flag])
        });
        let due = s.due.iter().filter(|p| p.direction == direction).map(|p| {
            let flag = if p.due_at < now {
                OutlineSpan::Alarm(format!("overdue since {}", clock.day(p.due_at)))
            } else {
                OutlineSpan::Warning(format!("due {}", clock.day(p.due_at)))
            };
            OutlineLine(vec![t(p.text.clone()), m(format!("{} — ", to(p))), flag])
        });
        group(title, kept.chain(due).collect());
    }
    group(
        "Requests",
        s.requests
            .iter()
            .map(|r| {
                let from = r.from.as_ref().map(|f| format!(" from {f}")).unwrap_or_default();
                let state = match r.answered_at {
                    Some(at) => OutlineSpan::Good(format!("answered {}", clock.day(at))),
                    None => OutlineSpan::Warning("not answered yet".into()),
                };
                OutlineLine(vec![
                    t(r.text.clone()),
                    m(format!(" — received{from} {}; ", clock.day(r.received_at))),
                    state,
                ])
            })
            .collect(),
    );
    group(
        "Issues",
        s.issues
            .iter()
            .map(|i| {
                let state = match i.resolved_at {
                    Some(at) => OutlineSpan::Good(format!("resolved {}", clock.day(at))),
                    None => OutlineSpan::Alarm("still open".into()),
                };
                OutlineLine(vec![
                    b(format!("{}: ", i.title)),
                    m(format!("{} severity · opened {}; ", i.severity, clock.day(i.opened_at))),
                    state,
                ])
            })
            .collect(),
    );
    group(
        "Goal progress",
        s.progress
            .iter()
            .map(|p| {
                OutlineLine(vec![
                    b(format!("{}: ", p.goal)),
                    t(p.text.clone()),
                    m(format!(" — {}", clock.day(p.at))),
                ])
            })
            .collect(),
    );
    if groups.len() == 1 {
        groups[0].lines.push(OutlineLine(vec![m(
            "Nothing recorded since: no promise kept or come due, no request, issue or goal progress.",
        )]));
    }
    OutlineSection { title: "Since you last met".into(), groups }
}

/// What to ask or do when nothing is known of a kind of goal.
fn no_goal(kind: GoalKind) -> &'static str {
    match kind {
        GoalKind::Company => "None recorded — ask what their company is trying to achieve this year.",
        GoalKind::Personal => "None recorded — ask each of them what they want for themselves.",
        GoalKind::Ours => {
            "None recorded — decide what you want from this account: renewal, growth, a reference."
        }
        GoalKind::OurCompany => {
            "None recorded — note what your own company needs and how this account can help."
        }
    }
}

fn goal_groups(brief: &Brief, clock: &Clock) -> Vec<OutlineGroup> {
    GoalKind::ALL
        .iter()
        .map(|kind| {
            let lines: Vec<OutlineLine> = brief
                .goals
                .iter()
                .filter(|g| g.kind == *kind)
                .map(|g| {
                    let flag = match g.status {
                        GoalStatus::OnTrack | GoalStatus::Achieved => OutlineSpan::Good,
                        GoalStatus::AtRisk => OutlineSpan::Alarm,
                        GoalStatus::Open | GoalStatus::Dropped => OutlineSpan::Muted,
                    };
                    let mut spans = vec![t(g.title.clone()), m(" — "), flag(status(g.status).into())];
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
                    OutlineLine(spans)
                })
                .collect();
            let lines = if lines.is_empty() { vec![OutlineLine(vec![m(no_goal(*kind))])] } else { lines };
            OutlineGroup { title: Some(kind_heading(*kind).into()), lines }
        })
        .collect()
}

fn promises(brief: &Brief, clock: &Clock, now: DateTime<Utc>) -> OutlineSection {
    let whose = |p: &BriefPromise| {
        let lead = if p.direction == Direction::Ours { "We promised" } else { "They promised" };
        let who = p.who.as_ref().map(|w| format!(" ({w})")).unwrap_or_default();
        b(format!("{lead}{who}: "))
    };
    let open: Vec<OutlineLine> = brief
        .open_promises
        .iter()
        .map(|p| {
            let mut spans = vec![whose(p), t(p.text.clone()), m(format!(" — due {}", clock.day(p.due_at)))];
            if p.due_at < now {
                spans.extend([m(" — "), OutlineSpan::Alarm("overdue".into())]);
            } else if p.at_risk {
                // Today calls it "Promise due soon": one name for one thing.
                spans.extend([m(" — "), OutlineSpan::Warning("due soon".into())]);
            }
            OutlineLine(spans)
        })
        .collect();
    let mut settled: Vec<OutlineLine> = brief
        .settled_promises
        .iter()
        .map(|p| {
            let flag = match (p.status, p.kept_late) {
                (PromiseStatus::Kept, false) => OutlineSpan::Good,
                (PromiseStatus::Kept, true) => OutlineSpan::Warning,
                _ => OutlineSpan::Alarm,
            };
            OutlineLine(vec![
                whose(p),
                t(p.text.clone()),
                m(" — "),
                flag(outcome(p).into()),
                m(format!(", due {}", clock.day(p.due_at))),
            ])
        })
        .collect();
    // Our side of the score the client keeps.
    let ours: Vec<_> = brief.settled_promises.iter().filter(|p| p.direction == Direction::Ours).collect();
    if !ours.is_empty() {
        let on_time = ours.iter().filter(|p| p.status == PromiseStatus::Kept && !p.kept_late).count();
        settled.insert(0, OutlineLine(vec![b(format!("We kept {on_time} of our {} on time.", ours.len()))]));
    }
    OutlineSection {
        title: "Promises".into(),
        groups: vec![
            OutlineGroup {
                title: Some("Open".into()),
                lines: if open.is_empty() {
                    vec![OutlineLine(vec![m("Nothing open either way.")])]
                } else {
                    open
                },
            },
            OutlineGroup {
                title: Some("Kept or broken in the last 90 days".into()),
                lines: if settled.is_empty() {
                    vec![OutlineLine(vec![m("None settled in the last 90 days.")])]
                } else {
                    settled
                },
            },
        ],
    }
}

fn requests(brief: &Brief, clock: &Clock, now: DateTime<Utc>) -> Vec<OutlineLine> {
    brief
        .open_requests
        .iter()
        .map(|r| {
            let from = r.from.as_ref().map(|f| format!(" from {f}")).unwrap_or_default();
            let mut spans =
                vec![t(r.text.clone()), m(format!(" — received{from} {}; ", received(r.received_at, now)))];
            spans.push(match r.acknowledge_due_at {
                None => OutlineSpan::Good("acknowledged".into()),
                Some(due) if due <= now => OutlineSpan::Alarm("not acknowledged".into()),
                Some(due) => OutlineSpan::Warning(format!("acknowledge within {}", span(due - now))),
            });
            spans.push(m("; "));
            if r.answer_due_at <= now {
                spans.push(OutlineSpan::Alarm(format!("answer overdue by {}", span(now - r.answer_due_at))));
                spans.push(m(format!(", due {}", clock.both(r.answer_due_at))));
            } else {
                let left = format!("answer due in {}", span(r.answer_due_at - now));
                spans.push(if r.answer_pressing { OutlineSpan::Warning(left) } else { t(left) });
                spans.push(m(format!(", by {}", clock.both(r.answer_due_at))));
            }
            OutlineLine(spans)
        })
        .collect()
}

fn issues(brief: &Brief, clock: &Clock, now: DateTime<Utc>) -> Vec<OutlineLine> {
    brief
        .issues
        .iter()
        .map(|i| {
            let severity = match i.severity {
                _ if i.resolved_at.is_some() => OutlineSpan::Muted,
                Severity::Low => OutlineSpan::Muted,
                Severity::Medium => OutlineSpan::Warning,
                Severity::High | Severity::Critical => OutlineSpan::Alarm,
            };
            let state = match (i.resolved_at, i.acknowledged) {
                (Some(r), _) => OutlineSpan::Good(format!("resolved {}", clock.day(r))),
                (None, true) => OutlineSpan::Warning("open, acknowledged".into()),
                (None, false) => OutlineSpan::Alarm("open, not acknowledged".into()),
            };
            let mut spans = vec![
                b(format!("{}: ", i.title)),
                severity(format!("{} severity", i.severity)),
                m(" · "),
                state,
                m(format!(" · opened {}", ago(i.opened_at, now))),
            ];
            if !i.notes.is_empty() {
                spans.push(m(" — "));
                spans.push(t(i.notes.clone()));
            }
            OutlineLine(spans)
        })
        .collect()
}

pub fn outline(brief: &Brief, your_zone: &str) -> BriefOutline {
    let clock = Clock::new(&brief.timezone, your_zone);
    let now = brief.prepared_at;
    let mut sections = Vec::new();

    if let Some(meeting) = &brief.meeting {
        let mut lines = vec![OutlineLine(vec![
            b("When: "),
            t(clock.both(meeting.starts_at)),
            m(format!(" — {}", duration(meeting.starts_at, meeting.ends_at))),
        ])];
        if let Some(repeats) = &meeting.repeats {
            let last = match meeting.last_held {
                Some(at) => format!("; it last met on {}.", clock.day(at)),
                None => "; this is its first meeting in Rapport.".to_string(),
            };
            lines.push(OutlineLine(vec![b("Repeats: "), t(repeats.clone()), m(last)]));
        }
        lines.push(OutlineLine(match &meeting.location {
            Some(place) => vec![b("Where: "), t(place.clone())],
            None => vec![b("Where: "), m("not set — confirm the place, or send the call link.")],
        }));
        lines.push(OutlineLine(if meeting.agenda.is_empty() {
            vec![b("Agenda: "), m("none yet — propose one before the meeting.")]
        } else {
            vec![b("Agenda: "), t(meeting.agenda.clone())]
        }));
        // Their calendar, travel and expense norms: what to know to set the meeting up.
        lines.extend(brief.logistics.iter().map(note_line));
        sections.push(OutlineSection {
            title: "The meeting".into(),
            groups: vec![OutlineGroup { title: None, lines }],
        });
    }

    let who = if brief.meeting.is_some() { "Who attends" } else { "Their executives" };
    let mut people: Vec<OutlineGroup> =
        brief.attendees.iter().map(|p| person_lines(p, &clock, now)).collect();
    let guests = brief.meeting.as_ref().map(|m| m.guests.as_slice()).unwrap_or_default();
    if people.is_empty() && guests.is_empty() {
        let hint = if brief.meeting.is_some() {
            "No attendees recorded for this meeting. Add them to the meeting, and ask who else will join."
        } else {
            "No executives recorded yet. Add the people who decide, with their level."
        };
        people.push(OutlineGroup { title: None, lines: vec![OutlineLine(vec![m(hint)])] });
    }
    if !guests.is_empty() {
        let names: Vec<String> = guests.iter().map(Guest::label).collect();
        people.push(OutlineGroup {
            title: None,
            lines: vec![OutlineLine(vec![
                b("Also invited, not yet among your people: "),
                t(names.join(", ")),
            ])],
        });
    }
    sections.push(OutlineSection { title: who.into(), groups: people });
    if !brief.also_matter.is_empty() {
        sections.push(OutlineSection {
            title: "Not in the room, but they matter".into(),
            groups: brief.also_matter.iter().map(|p| person_lines(p, &clock, now)).collect(),
        });
    }
    if !brief.gaps.is_empty() {
        sections.push(section(
            "Gaps among their people",
            brief.gaps.iter().map(|g| OutlineLine(vec![t(g.text.clone())])).collect(),
            "",
        ));
    }
    sections.push(since_section(brief, &clock, now));

    // Without a meeting, the practical notes join the reminders, so that none is lost.
    let mut culture: Vec<OutlineLine> = brief.culture.iter().map(note_line).collect();
    if brief.meeting.is_none() {
        culture.extend(brief.logistics.iter().map(note_line));
    }
    sections.push(section(
        "Culture reminders",
        culture,
        "No culture notes yet. After this meeting, note how they like to work: how they talk, decide, and meet.",
    ));

    sections.push(OutlineSection { title: "Goals".into(), groups: goal_groups(brief, &clock) });
    sections.push(promises(brief, &clock, now));

    let recent = brief
        .recent
        .iter()
        .map(|r| {
            let with = if r.with.is_empty() { String::new() } else { format!(" with {}", r.with.join(", ")) };
            OutlineLine(vec![b(format!("{} · {}{with}: ", clock.day(r.at), r.channel)), t(r.summary.clone())])
        })
        .collect();
    sections.push(section(
        "Recent history",
        recent,
        "Nothing logged yet. Log this meeting afterwards, and the next brief will remember it.",
    ));
    sections.push(section(
        "Open requests",
        requests(brief, &clock, now),
        "None waiting: nothing they asked for is unanswered.",
    ));
    sections.push(section("Issues", issues(brief, &clock, now), "No open or recent issues."));

    sections.push(section("Relationship health", vec![OutlineLine(vec![t(brief.health.clone())])], ""));
    sections.push(section(
        "Talking points",
        brief.talking_points.iter().map(|p| OutlineLine(vec![t(p.clone())])).collect(),
        "Nothing pressing: use the time for their goals.",
    ));
    sections.push(section(
        "Questions worth asking",
        brief.questions.iter().map(|q| OutlineLine(vec![t(q.clone())])).collect(),
        "Ask what has changed for them since you last spoke.",
    ));

    let title = match &brief.meeting {
        Some(m) => format!("Brief: {} — {}", brief.account, m.title),
        None => format!("Brief: {}", brief.account),
    };
    BriefOutline {
        account: brief.account.clone(),
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
