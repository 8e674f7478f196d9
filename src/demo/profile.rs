//! The rest of each demo client's profile: culture notes, goals of all four kinds, promises both
//! ways, requests, issues, meetings and important dates — spread so that every situation the
//! check-ins know (a request about to breach, a promise due tomorrow, a meeting in a day, a
//! birthday next week, an issue never followed up) occurs somewhere in the portfolio.

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::catalogue::Client;
use super::id;
use crate::domain::{
    Account, Contact, CultureCategory, CultureNote, DateKind, Direction, Goal, GoalKind, GoalProgress,
    GoalStatus, ImportantDate, Interaction, Issue, Level, Meeting, Promise, PromiseStatus, Request, Severity,
};

#[derive(Default)]
pub struct Profile {
    pub culture_notes: Vec<CultureNote>,
    pub goals: Vec<Goal>,
    pub promises: Vec<Promise>,
    pub requests: Vec<Request>,
    pub issues: Vec<Issue>,
    pub meetings: Vec<Meeting>,
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

fn hours(h: i64) -> Duration {
    Duration::hours(h)
}

/// Whole seconds, as the store keeps them.
fn at(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(t.timestamp(), 0).unwrap_or(t)
}

/// Birthdays and work anniversaries for some people, a few of them in the coming week.
pub fn dates(rng: &mut ChaCha8Rng, contacts: &mut [Contact], now: DateTime<Utc>, index: usize) {
    for (n, c) in contacts.iter_mut().enumerate() {
        // The lead person in every third account has a birthday within the week.
        let soon = n == 0 && index.is_multiple_of(3);
        if soon || rng.random_bool(0.5) {
            let day = if soon {
                (now + Duration::days(2 + (index as i64 % 5))).date_naive()
            } else {
                (now + Duration::days(rng.random_range(10..360))).date_naive()
            };
            let date = if rng.random_bool(0.4) {
                day.format("--%m-%d").to_string()
            } else {
                format!("{}-{}", 1965 + rng.random_range(0..30), day.format("%m-%d"))
            };
            c.dates.push(ImportantDate {
                kind: DateKind::Birthday,
                date: date.replace("-02-29", "-02-28"),
                label: None,
            });
        }
        if c.level != Level::Staff && rng.random_bool(0.3) {
            let day = (now + Duration::days(rng.random_range(5..300))).date_naive();
            c.dates.push(ImportantDate {
                kind: DateKind::WorkAnniversary,
                date: format!("{}-{}", 2010 + rng.random_range(0..14), day.format("%m-%d")),
                label: Some("Joined the company".into()),
            });
        }
    }
}

pub fn generate(
    rng: &mut ChaCha8Rng,
    client: &Client,
    account: &Account,
    people: &[Contact],
    history: &[Interaction],
    now: DateTime<Utc>,
    index: usize,
) -> Profile {
    let mut p = Profile::default();
    let exec = &people[0];
    let someone = |rng: &mut ChaCha8Rng| people[rng.random_range(0..people.len())].id.clone();
    let topic = |rng: &mut ChaCha8Rng| pick(rng, client.topics).to_string();
    let opened = account.created_at;
    // A few clients are served the way the essays describe: we start most touches, keep our
    // word, answer fast, and know what each key person wants. The review needs them to show
    // what healthy looks like.
    let well_served = client.rhythm.ours >= 0.7 && client.rhythm.mood >= 0.4;
    let key_people: Vec<&Contact> = people.iter().filter(|c| c.level != Level::Staff).collect();

    // Culture: how they work, and one note about the executive.
    let notes: [(CultureCategory, &str, bool); 4] = [
        (CultureCategory::Communication, client.notes, false),
        (
            CultureCategory::DecisionMaking,
            "Budget decisions sit with the executive sponsor; bring the business case, not the feature list.",
            false,
        ),
        (
            CultureCategory::Calendar,
            "Quarterly planning happens in the last two weeks of each quarter; avoid big asks then.",
            false,
        ),
        (
            CultureCategory::Etiquette,
            "Prefers short agendas sent a day ahead and a written recap the same day.",
            true,
        ),
    ];
    for (category, text, personal) in notes.into_iter().take(2 + index % 3) {
        p.culture_notes.push(CultureNote {
            id: id(rng, opened),
            account_id: account.id.clone(),
            contact_id: personal.then(|| exec.id.clone()),
            category,
            text: text.to_string(),
            created_at: opened,
            updated_at: opened,
        });
    }

    if well_served {
        for person in &key_people {
            p.culture_notes.push(CultureNote {
                id: id(rng, opened),
                account_id: account.id.clone(),
                contact_id: Some(person.id.clone()),
                category: CultureCategory::Communication,
                text: "Likes a call before anything lands in writing; keep emails to three lines.".into(),
                created_at: opened,
                updated_at: opened,
            });
        }
    }

    // Goals of all four kinds; some targets near, some progress stale, some people's goals unknown.
    let goal_specs: Vec<(GoalKind, Option<String>, String, i64, GoalStatus, bool)> = vec![
        (
            GoalKind::Company,
            None,
            format!("Make the {} a success by year end", topic(rng)),
            20 + (index as i64 * 17) % 200,
            GoalStatus::OnTrack,
            true,
        ),
        (
            GoalKind::Company,
            None,
            "Cut operating costs by 10% this year".into(),
            120 + index as i64 * 5,
            if well_served { GoalStatus::OnTrack } else { GoalStatus::AtRisk },
            true,
        ),
        (
            GoalKind::Ours,
            None,
            format!("Extend the relationship to the {} team", topic(rng)),
            180,
            GoalStatus::Open,
            false,
        ),
        (
            GoalKind::OurCompany,
            None,
            format!("Win {} as a reference customer in {}", account.name, client.industry.to_lowercase()),
            240,
            GoalStatus::Open,
            false,
        ),
    ];
    for (n, (kind, contact_id, title, target_days, status, stated)) in goal_specs.into_iter().enumerate() {
        // Most goals moved recently; one in three has gone quiet.
        let last_progress = now - Duration::days(if (index + n).is_multiple_of(3) { 60 } else { 12 });
        p.goals.push(Goal {
            id: id(rng, opened),
            account_id: account.id.clone(),
            kind,
            contact_id,
            title,
            detail: String::new(),
            status,
            target_date: Some((now + Duration::days(target_days)).date_naive()),
            stated,
            progress: vec![GoalProgress {
                at: at(last_progress),
                text: "Reviewed progress together; next milestone agreed.".into(),
            }],
            created_at: opened,
            updated_at: opened,
        });
    }
    let personal_goals: Vec<&Contact> = if well_served {
        key_people.clone()
    } else if index % 4 != 1 {
        vec![exec]
    } else {
        Vec::new()
    };
    for person in personal_goals {
        p.goals.push(Goal {
            id: id(rng, opened),
            account_id: account.id.clone(),
            kind: GoalKind::Personal,
            contact_id: Some(person.id.clone()),
            title: pick(
                rng,
                &[
                    "Be seen as the leader who modernised operations",
                    "Move into a group-level role within two years",
                    "Build a team that runs without firefighting",
                ],
            )
            .to_string(),
            detail: String::new(),
            status: if well_served { GoalStatus::OnTrack } else { GoalStatus::Open },
            target_date: None,
            stated: rng.random_bool(0.5),
            progress: Vec::new(),
            created_at: opened,
            updated_at: opened,
        });
    }

    // Promises: a history kept mostly on time, plus the open ones that matter now.
    let recent: Vec<&Interaction> = history.iter().rev().take(12).collect();
    let reliability = if well_served { 0.97 } else { 0.55 + (index % 5) as f64 * 0.1 };
    for (n, i) in recent.iter().enumerate().skip(2) {
        let made = i.occurred_at;
        let due = made + Duration::days(rng.random_range(2..10));
        if due > now {
            continue;
        }
        let direction = if n % 3 == 0 { Direction::Theirs } else { Direction::Ours };
        let (status, completed_at) = if rng.random_bool(reliability.min(0.95)) {
            (PromiseStatus::Kept, Some(due - hours(rng.random_range(2..48))))
        } else if rng.random_bool(0.6) {
            (PromiseStatus::Kept, Some(due + hours(rng.random_range(6..96))))
        } else {
            (PromiseStatus::Broken, None)
        };
        p.promises.push(Promise {
            id: id(rng, made),
            account_id: account.id.clone(),
            direction,
            contact_id: i.contact_ids.first().cloned(),
            text: format!(
                "{} on the {}",
                pick(
                    rng,
                    &[
                        "Send the updated plan",
                        "Share the figures",
                        "Confirm the timeline",
                        "Provide the test results"
                    ]
                ),
                topic(rng)
            ),
            made_at: made,
            due_at: at(due),
            status,
            completed_at: completed_at.map(|c| at(c.min(now))),
            extra: (status == PromiseStatus::Kept && rng.random_bool(0.2))
                .then(|| "Added a short walkthrough video".to_string()),
            interaction_id: Some(i.id.clone()),
            created_at: made,
            updated_at: made,
        });
    }
    // Open promises of ours: one due within days, and in some accounts one already overdue.
    let open_specs: Vec<(Direction, i64)> = match index % 4 {
        0 => vec![(Direction::Ours, 40), (Direction::Theirs, -30)],
        1 => vec![(Direction::Ours, -20)],
        2 => vec![(Direction::Ours, 100), (Direction::Theirs, 70)],
        _ => vec![(Direction::Ours, 300)],
    };
    for (direction, due_in_hours) in open_specs {
        let made = now - Duration::days(4);
        p.promises.push(Promise {
            id: id(rng, made),
            account_id: account.id.clone(),
            direction,
            contact_id: Some(someone(rng)),
            text: match direction {
                Direction::Ours => format!("Send the proposal for the {}", topic(rng)),
                Direction::Theirs => format!("Share their requirements for the {}", topic(rng)),
            },
            made_at: at(made),
            due_at: at(now + hours(due_in_hours)),
            status: PromiseStatus::Open,
            completed_at: None,
            extra: None,
            interaction_id: None,
            created_at: at(made),
            updated_at: at(made),
        });
    }

    // Requests: most answered well in time; the open ones sit at different points on the clock.
    for k in 0..4 {
        let received = now - Duration::days(20 + k * 25) - hours(rng.random_range(0..6));
        let late = !well_served && rng.random_bool(0.25);
        let ack = received + Duration::minutes(if late { 200 } else { rng.random_range(10..55) });
        let answered = received + hours(if late { 40 } else { rng.random_range(2..20) });
        p.requests.push(Request {
            id: id(rng, received),
            account_id: account.id.clone(),
            contact_id: Some(someone(rng)),
            received_at: at(received),
            text: format!(
                "{} for the {}",
                pick(
                    rng,
                    &[
                        "Could you send a cost estimate",
                        "Please clarify the scope",
                        "Can we get a status report",
                        "We need the security documentation"
                    ]
                ),
                topic(rng)
            ),
            acknowledged_at: Some(at(ack)),
            answered_at: Some(at(answered)),
            resolved_at: Some(at(answered + hours(24))),
            created_at: at(received),
            updated_at: at(received),
        });
    }
    let open_request = match index % 5 {
        0 => Some((hours(2), false)), // no acknowledgement after an hour
        1 => Some((hours(21), true)), // acknowledged, answer clock ends within hours
        2 => Some((hours(30), true)), // answer overdue
        3 => Some((Duration::minutes(20), false)),
        _ => None,
    };
    if let Some((age, acknowledged)) = open_request {
        let received = now - age;
        p.requests.push(Request {
            id: id(rng, received),
            account_id: account.id.clone(),
            contact_id: Some(someone(rng)),
            received_at: at(received),
            text: format!("Can you confirm the go-live date for the {}?", topic(rng)),
            acknowledged_at: acknowledged.then(|| at(received + Duration::minutes(25))),
            answered_at: None,
            resolved_at: None,
            created_at: at(received),
            updated_at: at(received),
        });
    }

    // Issues: one from long ago, handled well; and in some accounts one that still needs care.
    let old = now - Duration::days(200 + index as i64 * 7);
    p.issues.push(Issue {
        id: id(rng, old),
        account_id: account.id.clone(),
        title: format!("Data sync failure in the {}", topic(rng)),
        severity: Severity::High,
        opened_at: at(old),
        acknowledged_at: Some(at(old + hours(1))),
        resolved_at: Some(at(old + hours(30))),
        followed_up_at: Some(at(old + Duration::days(7))),
        notes: "Root cause: an expired certificate. Monitoring added.".into(),
        created_at: at(old),
        updated_at: at(old),
    });
    let recent_issue = match index % 4 {
        0 => Some((Duration::days(6), true, Some(Duration::days(5)), Severity::Medium)), // resolved, follow-up due
        1 => Some((hours(5), false, None, Severity::Critical)),                          // not acknowledged
        2 => Some((Duration::days(5), true, None, Severity::Medium)),                    // open, gone quiet
        _ => None,
    };
    if let Some((age, acknowledged, resolved_ago, severity)) = recent_issue {
        let opened_at = now - age;
        p.issues.push(Issue {
            id: id(rng, opened_at),
            account_id: account.id.clone(),
            title: format!("Reports in the {} show wrong totals", topic(rng)),
            severity,
            opened_at: at(opened_at),
            acknowledged_at: acknowledged.then(|| at(opened_at + hours(2))),
            resolved_at: resolved_ago.map(|ago| at(now - ago)),
            followed_up_at: None,
            notes: String::new(),
            created_at: at(opened_at),
            updated_at: at(opened_at),
        });
    }

    // Meetings: regular reviews in the past, and the next ones ahead.
    let quarterly: Vec<(i64, &str)> =
        vec![(-150, "Quarterly business review"), (-60, "Quarterly business review")];
    let ahead: Vec<(i64, &str)> = match index % 3 {
        0 => vec![(30, "Steering committee"), (24 * 20, "Quarterly business review")],
        1 => vec![(-30, "Roadmap workshop"), (24 * 9, "Project check-in")],
        _ => vec![(24 * 14, "Quarterly business review")],
    };
    for (offset_hours, title) in quarterly.iter().map(|(d, t)| (d * 24, *t)).chain(ahead) {
        let start = at(now + hours(offset_hours));
        let mut attendees: Vec<String> = people.iter().take(2).map(|c| c.id.clone()).collect();
        attendees.sort();
        p.meetings.push(Meeting {
            id: id(rng, opened),
            account_id: account.id.clone(),
            starts_at: start,
            ends_at: start + hours(1),
            title: title.to_string(),
            location: Some(pick(rng, &["Video call", "Their office", "Our office"]).to_string()),
            attendee_ids: attendees,
            guests: Vec::new(),
            agenda: format!("Progress on the {}; open questions; next steps.", topic(rng)),
            ical_uid: None,
            timezone: None,
            series: None,
            organizer_id: None,
            created_at: opened,
            updated_at: opened,
        });
    }
    p
}
