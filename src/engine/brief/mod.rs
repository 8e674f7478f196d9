//! The one-page brief before a meeting (DESIGN §6), built as data: who attends and what they
//! care about, culture reminders, goals of all four kinds, the score on promises, recent history,
//! open requests and issues, and questions worth asking. The UI and every exporter render this
//! same structure; nothing here formats text for a particular medium.
//!
//! Without a meeting chosen, the brief is for the next meeting within the coming week
//! ([`next_meeting`]), so that "brief Kestrel" on the eve of their steering committee prepares it.
//!
//! The advisor's view reaches it too (issue 20): each person's buying roles, influence and
//! stance, and their trust's weak spot; the gaps among the account's people; and what changed
//! since the last meeting with the same people ([`since`]).

mod since;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use specta::Type;

use super::checkins::Touches;
use super::health::TouchFigures;
use super::stakeholders::{Gap, gaps, stance_of};
use super::trust::{WeakSpot, person_trust, weak_spot};
use crate::domain::{Bundle, BuyingRole, Guest, Influence, Meeting, Settings, Stance};
use crate::domain::{
    Channel, Contact, CultureCategory, Direction, GoalKind, GoalStatus, Id, Level, PromiseStatus, Severity,
};
pub use since::{LastMet, SinceIssue, SinceLastMet, SinceProgress, SinceRequest, last_met};

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Brief {
    pub account_id: Id,
    pub account: String,
    pub tier: String,
    pub timezone: String,
    /// When the brief was made.
    pub prepared_at: DateTime<Utc>,
    pub meeting: Option<BriefMeeting>,
    pub attendees: Vec<BriefPerson>,
    /// People not in the meeting who matter to it: their executive, someone neglected.
    pub also_matter: Vec<BriefPerson>,
    /// The gaps among the account's people (no economic buyer, a champion gone cold…), each a
    /// sentence with its evidence and what to do.
    pub gaps: Vec<Gap>,
    /// What changed since the last meeting with these people.
    pub since_last_met: SinceLastMet,
    /// Culture reminders: how they communicate, decide, dress, greet, speak — and anything else noted.
    pub culture: Vec<BriefNote>,
    /// Their calendar, travel and expense norms: they belong beside the meeting.
    pub logistics: Vec<BriefNote>,
    pub goals: Vec<BriefGoal>,
    pub open_promises: Vec<BriefPromise>,
    /// Kept or broken in the last 90 days: the score the client keeps.
    pub settled_promises: Vec<BriefPromise>,
    pub recent: Vec<BriefTouch>,
    pub open_requests: Vec<BriefRequest>,
    pub issues: Vec<BriefIssue>,
    /// Relationship health in a sentence: the score, its band, and the weakest component.
    pub health: String,
    pub talking_points: Vec<String>,
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct BriefMeeting {
    pub id: Id,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: Option<String>,
    pub agenda: String,
    /// People invited who are not (yet) among the user's people.
    pub guests: Vec<Guest>,
    /// How its series repeats ("weekly on Monday"), when it is one occurrence of a series.
    pub repeats: Option<String>,
    /// When the series last met before this one: what to pick up from.
    pub last_held: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct BriefPerson {
    pub id: Id,
    pub name: String,
    pub title: Option<String>,
    pub level: Level,
    pub reports_to: Option<String>,
    pub preferred_channel: Option<Channel>,
    /// Their own goals, as far as we know them.
    pub personal_goals: Vec<String>,
    pub last_touch_at: Option<DateTime<Utc>>,
    pub last_touch_about: Option<String>,
    /// Why someone not attending is in the brief.
    pub why: Option<String>,
    /// The parts they play in their company's decisions about us, as the user set them.
    pub roles: Vec<BuyingRole>,
    pub influence: Option<Influence>,
    /// As the user set it, or else as the evidence of the last six months says; none when too
    /// little is known.
    pub stance: Option<Stance>,
    /// Whether the user set the stance (over the evidence).
    pub stance_set: bool,
    /// The weakest part of their trust, when one is known and weak, with its next step.
    pub weak_spot: Option<WeakSpot>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct BriefNote {
    pub category: CultureCategory,
    pub about: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct BriefGoal {
    pub kind: GoalKind,
    pub title: String,
    pub whose: Option<String>,
    pub status: GoalStatus,
    pub stated: bool,
    pub target_date: Option<chrono::NaiveDate>,
    pub last_progress: Option<String>,
    pub last_progress_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct BriefPromise {
    pub direction: Direction,
    pub text: String,
    pub who: Option<String>,
    pub due_at: DateTime<Utc>,
    pub status: PromiseStatus,
    pub completed_at: Option<DateTime<Utc>>,
    /// Open and due within three days, or overdue.
    pub at_risk: bool,
    pub kept_late: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct BriefTouch {
    pub at: DateTime<Utc>,
    pub channel: Channel,
    pub with: Vec<String>,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct BriefRequest {
    pub text: String,
    pub from: Option<String>,
    pub received_at: DateTime<Utc>,
    pub acknowledged: bool,
    /// When the acknowledgement clock runs out (or ran out); none once acknowledged.
    pub acknowledge_due_at: Option<DateTime<Utc>>,
    /// When the answer clock runs out (or ran out), by the user's own settings.
    pub answer_due_at: DateTime<Utc>,
    /// The answer clock ends within the warning the user set, or has ended.
    pub answer_pressing: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct BriefIssue {
    pub title: String,
    pub severity: Severity,
    pub opened_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub acknowledged: bool,
    pub notes: String,
}

/// How many of the newest touches the brief shows.
pub const RECENT_TOUCHES: usize = 5;
/// How far ahead a brief without a chosen meeting looks for the next one.
pub const NEXT_MEETING_DAYS: i64 = 7;
const SETTLED_DAYS: i64 = 90;
const STALE_GOAL_DAYS: i64 = 45;

fn name(b: &Bundle, id: Option<&str>) -> Option<String> {
    id.and_then(|id| b.contacts.iter().find(|c| c.id == id)).map(|c| c.name.clone())
}

fn promise(b: &Bundle, p: &crate::domain::Promise, now: DateTime<Utc>) -> BriefPromise {
    BriefPromise {
        direction: p.direction,
        text: p.text.clone(),
        who: name(b, p.contact_id.as_deref()),
        due_at: p.due_at,
        status: p.status,
        completed_at: p.completed_at,
        at_risk: p.is_open() && p.due_at - now <= Duration::days(3),
        kept_late: p.kept_late(),
    }
}

/// What the brief reads besides the bundle: each person's last touch, the moment, and the
/// user's request clocks (which their trust is judged by).
struct Reading<'a> {
    t: &'a Touches,
    now: DateTime<Utc>,
    clocks: &'a Settings,
}

fn person(b: &Bundle, r: &Reading<'_>, c: &Contact, why: Option<String>) -> BriefPerson {
    let (t, now) = (r.t, r.now);
    let last = t.last_with.get(&c.id);
    BriefPerson {
        id: c.id.clone(),
        name: c.name.clone(),
        title: c.title.clone(),
        level: c.level,
        reports_to: name(b, c.reports_to.as_deref()),
        preferred_channel: c.preferred_channel,
        personal_goals: b
            .goals
            .iter()
            .filter(|g| g.kind == GoalKind::Personal && g.contact_id.as_deref() == Some(c.id.as_str()))
            .map(|g| g.title.clone())
            .collect(),
        last_touch_at: last.map(|(at, _)| *at),
        last_touch_about: last.and_then(|(_, id)| t.summaries.get(id).cloned()),
        why,
        roles: c.roles.clone(),
        influence: c.influence,
        stance: c.stance.or_else(|| stance_of(b, c, now).0),
        stance_set: c.stance.is_some(),
        weak_spot: weak_spot(&person_trust(b, c, now, r.clocks).parts),
    }
}

/// The meeting still to come (or under way) that starts first, if it starts no later than
/// `within` from `now` (any time ahead when `within` is `None`). A meeting that has ended is past.
pub fn next_meeting(meetings: &[Meeting], now: DateTime<Utc>, within: Option<Duration>) -> Option<&Meeting> {
    meetings
        .iter()
        .filter(|m| m.ends_at > now && within.is_none_or(|w| m.starts_at <= now + w))
        .min_by_key(|m| (m.starts_at, m.id.clone()))
}

/// The brief for the account in `b` (with each person's last touch in `t`, and the touch figures
/// its health is judged from), for one meeting — the next one within a week when none is chosen.
/// `b` needs its newest touches with their text, the last 180 days' with their people (for
/// stances and trust), and its records back to the last meeting with the same people; `clocks`
/// holds the user's request clocks.
pub fn brief(
    b: &Bundle,
    t: &Touches,
    figures: &TouchFigures,
    meeting_id: Option<&str>,
    now: DateTime<Utc>,
    weights: &super::health::Weights,
    clocks: &Settings,
) -> Brief {
    let meeting = match meeting_id {
        Some(id) => b.meetings.iter().find(|m| m.id == id),
        None => next_meeting(&b.meetings, now, Some(Duration::days(NEXT_MEETING_DAYS))),
    };
    let attending: Vec<&Contact> = match meeting {
        Some(m) => b.contacts.iter().filter(|c| m.attendee_ids.contains(&c.id)).collect(),
        None => b.contacts.iter().filter(|c| c.level == Level::Executive).collect(),
    };
    let attends = |c: &Contact| attending.iter().any(|a| a.id == c.id);
    let reading = Reading { t, now, clocks };

    // Their executives who are not in the room, and anyone we have not spoken to in two cadences.
    let cadence = Duration::days(i64::from(b.account.effective_cadence_days()) * 2);
    let mut also_matter = Vec::new();
    for c in b.contacts.iter().filter(|c| !attends(c)) {
        let boss_of_attendee = attending.iter().any(|a| a.reports_to.as_deref() == Some(c.id.as_str()));
        let neglected = t.last_with.get(&c.id).is_none_or(|(at, _)| now - *at >= cadence);
        let why = if boss_of_attendee {
            Some("Manages people in the room; keep them informed.".to_string())
        } else if c.level == Level::Executive {
            Some("An executive of the account.".to_string())
        } else if neglected {
            Some("Not heard from us for a long time; mention them or plan a touch.".to_string())
        } else {
            None
        };
        if let Some(why) = why {
            also_matter.push(person(b, &reading, c, Some(why)));
        }
    }

    // Every note about the account, or about someone in the room, reaches the brief: the
    // practical ones beside the meeting, the rest among the reminders.
    let (logistics, culture): (Vec<BriefNote>, Vec<BriefNote>) = b
        .culture_notes
        .iter()
        .filter(|n| n.contact_id.as_deref().is_none_or(|c| attending.iter().any(|a| a.id == c)))
        .map(|n| BriefNote {
            category: n.category,
            about: name(b, n.contact_id.as_deref()),
            text: n.text.clone(),
        })
        .partition(|n| is_logistics(n.category));

    let mut goals: Vec<BriefGoal> = b
        .goals
        .iter()
        .filter(|g| g.status != GoalStatus::Dropped)
        .map(|g| {
            let last = g.progress.last();
            BriefGoal {
                kind: g.kind,
                title: g.title.clone(),
                whose: name(b, g.contact_id.as_deref()),
                status: g.status,
                stated: g.stated,
                target_date: g.target_date,
                last_progress: last.map(|p| p.text.clone()),
                last_progress_at: last.map(|p| p.at),
            }
        })
        .collect();
    goals.sort_by_key(|g| (GoalKind::ALL.iter().position(|k| *k == g.kind), g.title.clone()));

    let to_brief = |p: &crate::domain::Promise| promise(b, p, now);
    let mut open_promises: Vec<BriefPromise> =
        b.promises.iter().filter(|p| p.is_open()).map(to_brief).collect();
    open_promises.sort_by_key(|p| p.due_at);
    let mut settled_promises: Vec<BriefPromise> = b
        .promises
        .iter()
        .filter(|p| matches!(p.status, PromiseStatus::Kept | PromiseStatus::Broken))
        .filter(|p| now - p.completed_at.unwrap_or(p.due_at) <= Duration::days(SETTLED_DAYS))
        .map(to_brief)
        .collect();
    settled_promises.sort_by_key(|p| std::cmp::Reverse(p.completed_at.unwrap_or(p.due_at)));

    let mut history: Vec<_> = b.interactions.iter().filter(|i| i.occurred_at <= now).collect();
    history.sort_by_key(|i| std::cmp::Reverse((i.occurred_at, i.id.clone())));
    let recent: Vec<BriefTouch> = history
        .iter()
        .take(RECENT_TOUCHES)
        .map(|i| BriefTouch {
            at: i.occurred_at,
            channel: i.channel,
            with: i.contact_ids.iter().filter_map(|c| name(b, Some(c))).collect(),
            summary: i.summary.clone(),
        })
        .collect();

    let open_requests = b
        .requests
        .iter()
        .filter(|r| !r.is_settled())
        .map(|r| BriefRequest {
            text: r.text.clone(),
            from: name(b, r.contact_id.as_deref()),
            received_at: r.received_at,
            acknowledged: r.acknowledged_at.is_some(),
            acknowledge_due_at: r
                .acknowledged_at
                .is_none()
                .then(|| r.received_at + Duration::hours(i64::from(clocks.request_ack_hours))),
            answer_due_at: r.received_at + Duration::hours(i64::from(clocks.request_answer_hours)),
            answer_pressing: r.received_at + Duration::hours(i64::from(clocks.request_answer_hours))
                - Duration::hours(i64::from(clocks.request_warning_hours))
                <= now,
        })
        .collect();

    let issues = b
        .issues
        .iter()
        .filter(|i| i.resolved_at.is_none_or(|r| now - r <= Duration::days(30)))
        .map(|i| BriefIssue {
            title: i.title.clone(),
            severity: i.severity,
            opened_at: i.opened_at,
            resolved_at: i.resolved_at,
            acknowledged: i.acknowledged_at.is_some(),
            notes: i.notes.clone(),
        })
        .collect();

    let (talking_points, questions) = points_and_questions(b, &attending, &goals, &open_promises, now);
    // Promises come due "since" up to the meeting's start, when it is still ahead.
    let by = meeting.map_or(now, |m| m.starts_at.max(now));
    let since_last_met = since::since_last_met(b, last_met(&b.meetings, meeting, now), by, now);

    Brief {
        account_id: b.account.id.clone(),
        account: b.account.name.clone(),
        tier: b.account.tier.as_str().into(),
        timezone: b.account.timezone.clone(),
        prepared_at: now,
        meeting: meeting.map(|m| BriefMeeting {
            id: m.id.clone(),
            title: m.title.clone(),
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            location: m.location.clone(),
            agenda: m.agenda.clone(),
            guests: m.guests.clone(),
            repeats: m.series.as_ref().map(|s| s.repeats.clone()),
            last_held: m.series.as_ref().and_then(|s| {
                b.meetings
                    .iter()
                    .filter(|o| o.series.as_ref().is_some_and(|o| o.series_id == s.series_id))
                    .filter(|o| o.ends_at <= m.starts_at.min(now))
                    .map(|o| o.starts_at)
                    .max()
            }),
        }),
        attendees: attending.iter().map(|c| person(b, &reading, c, None)).collect(),
        also_matter,
        gaps: gaps(b, now, |id| t.last_with.get(id).map(|(at, _)| *at)),
        since_last_met,
        culture,
        logistics,
        goals,
        open_promises,
        settled_promises,
        recent,
        open_requests,
        issues,
        health: health_sentence(b, figures, now, weights),
        talking_points,
        questions,
    }
}

/// Their calendar and their travel and expense norms: what to know to set up and attend a meeting.
pub fn is_logistics(category: CultureCategory) -> bool {
    matches!(category, CultureCategory::Calendar | CultureCategory::TravelExpense)
}

fn health_sentence(
    b: &Bundle,
    figures: &TouchFigures,
    now: DateTime<Utc>,
    weights: &super::health::Weights,
) -> String {
    let h = super::health::judge(b, figures, now, weights);
    let band = match h.band {
        super::health::Band::Healthy => "healthy",
        super::health::Band::Watch => "one to watch",
        super::health::Band::AtRisk => "at risk",
        super::health::Band::Unknown => "not yet known",
    };
    let Some(score) = h.score else {
        return "Too little is recorded yet to judge the relationship's health.".into();
    };
    let weakest = h
        .weakest
        .as_ref()
        .and_then(|w| h.components.iter().find(|c| &c.name == w))
        .map(|c| format!(" Weakest: {} ({}) — {}", c.name, c.score.unwrap_or(0), c.evidence))
        .unwrap_or_default();
    format!(
        "Health {score} of 100, {band}; you are their {} (level {}).{weakest}",
        h.advisor_level.name, h.advisor_level.level
    )
}

fn points_and_questions(
    b: &Bundle,
    attending: &[&Contact],
    goals: &[BriefGoal],
    open: &[BriefPromise],
    now: DateTime<Utc>,
) -> (Vec<String>, Vec<String>) {
    let mut points = Vec::new();
    for p in open.iter().filter(|p| p.direction == Direction::Ours) {
        let when = if p.due_at < now {
            "is overdue — apologise and give a new date"
        } else {
            "is due soon — give a status update"
        };
        if p.at_risk {
            points.push(format!("Our promise \"{}\" {when}.", p.text));
        }
    }
    for p in open.iter().filter(|p| p.direction == Direction::Theirs && p.due_at < now) {
        points.push(format!("Ask kindly about \"{}\", which they promised.", p.text));
    }
    for r in b.requests.iter().filter(|r| !r.is_settled()) {
        points.push(format!("Answer their request: \"{}\".", r.text));
    }
    for i in b.issues.iter().filter(|i| i.resolved_at.is_none()) {
        points.push(format!("Say where \"{}\" stands and what happens next.", i.title));
    }

    let mut questions = Vec::new();
    // Goals by their title: two records of one goal (one per person, say) are one question.
    let mut asked = std::collections::HashSet::new();
    for g in goals
        .iter()
        .filter(|g| !g.status.is_closed() && matches!(g.kind, GoalKind::Company | GoalKind::Personal))
    {
        let stale = g.last_progress_at.is_none_or(|at| now - at >= Duration::days(STALE_GOAL_DAYS));
        // An ambition we only guess at is never a line to read out in the room: the brief says how
        // to learn it, not what to say.
        if g.kind == GoalKind::Personal && !g.stated {
            let who = g.whose.as_deref().unwrap_or("them");
            let learn = format!(
                "Listen for what {who} wants for themselves; let them tell you rather than naming it."
            );
            if asked.insert(format!("learn:{who}")) {
                questions.push(learn);
            }
            continue;
        }
        // One question per goal: an inferred goal is confirmed first, and how it goes asked with it.
        let question = match (g.stated, stale) {
            (false, true) => {
                format!("We believe \"{}\" matters to them — is that right, and how is it going?", g.title)
            }
            (false, false) => format!("We believe \"{}\" matters to them — is that right?", g.title),
            (true, true) => format!("How is \"{}\" going, and what would help?", g.title),
            (true, false) => continue,
        };
        if asked.insert(g.title.trim().to_lowercase()) {
            questions.push(question);
        }
    }
    for c in attending {
        let known = b
            .goals
            .iter()
            .any(|g| g.kind == GoalKind::Personal && g.contact_id.as_deref() == Some(c.id.as_str()));
        if !known {
            questions.push(format!("What does {} want to achieve this year, for themselves?", c.name));
        }
    }
    if !b.goals.iter().any(|g| g.kind == GoalKind::Company && !g.status.is_closed()) {
        questions.push("What are the company's priorities for the coming year?".into());
    }
    (points, questions)
}
