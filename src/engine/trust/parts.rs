//! The four parts of the ledger, each a rule over the account's records with its sentence and
//! its next step. Evidence reaches back [`LOOKBACK_DAYS`]; a part with fewer than
//! [`MIN_EVIDENCE`] pieces of evidence is unknown.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{LOOKBACK_DAYS, MIN_EVIDENCE, TrustPart, Whom, day_words, span};
use crate::domain::{
    Bundle, Contact, Direction, Goal, GoalKind, GoalStatus, Id, Initiator, Interaction, Issue, Promise,
    PromiseStatus, Request, Serves, Settings,
};

/// Where the evidence begins.
fn from(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::days(LOOKBACK_DAYS)
}

/// `good` out of `n` as 0–100; unknown below [`MIN_EVIDENCE`].
fn share(good: f64, n: usize) -> Option<u32> {
    (n >= MIN_EVIDENCE).then(|| (100.0 * good / n as f64).round() as u32)
}

/// What an unknown part's sentence starts with.
fn too_little(n: usize) -> String {
    match n {
        0 => "too little to judge (no evidence yet)".into(),
        1 => "too little to judge (1 piece of evidence)".into(),
        n => format!("too little to judge ({n} pieces of evidence)"),
    }
}

fn sentence(
    who: &str,
    score: Option<u32>,
    n: usize,
    said: &[String],
    misses: &[(DateTime<Utc>, String)],
) -> String {
    let mut text = format!("{who}: ");
    if score.is_none() {
        text.push_str(&too_little(n));
        text.push_str(": ");
    }
    text.push_str(&said.join("; "));
    let mut misses: Vec<&(DateTime<Utc>, String)> = misses.iter().collect();
    misses.sort_by_key(|m| std::cmp::Reverse(m.0));
    for (_, miss) in misses.iter().take(2) {
        text.push_str("; ");
        text.push_str(miss);
    }
    if misses.len() > 2 {
        text.push_str(&format!(" (and {} more)", misses.len() - 2));
    }
    text.push('.');
    text
}

/// Whom a next step names for a record: the person of a person's ledger; at the account level,
/// the person the record names, or else the account.
fn named(b: &Bundle, whom: Whom<'_>, contact: Option<&Id>) -> String {
    match whom {
        Whom::Person(_) => whom.short().to_string(),
        Whom::Account(account) => contact
            .and_then(|id| b.contacts.iter().find(|c| &c.id == id))
            .map(|c| c.name.clone())
            .unwrap_or_else(|| account.to_string()),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Reliability: our promises to them kept on time, and their requests acknowledged and
/// answered within the user's request clocks. A promise counts once kept, broken or overdue; a
/// request once answered or past a clock. Score: the share on time.
pub(super) fn reliability(b: &Bundle, whom: Whom<'_>, now: DateTime<Utc>, s: &Settings) -> TrustPart {
    let from = from(now);
    let mut misses: Vec<(DateTime<Utc>, String)> = Vec::new();
    let (mut promised, mut on_time) = (0usize, 0usize);
    let mut overdue: Vec<&Promise> = Vec::new();
    let mut soon: Vec<&Promise> = Vec::new();
    let due_soon = now + Duration::days(i64::from(s.promise_due_soon_days));
    let ours =
        b.promises.iter().filter(|p| p.direction == Direction::Ours && whom.has(p.contact_id.as_ref()));
    for p in ours.filter(|p| p.made_at <= now) {
        match p.status {
            PromiseStatus::Kept => {
                let done = p.completed_at.unwrap_or(p.due_at);
                if done < from || done > now {
                    continue;
                }
                promised += 1;
                if done <= p.due_at {
                    on_time += 1;
                } else {
                    misses.push((done, format!("'{}' was {} late", p.text, span(done - p.due_at))));
                }
            }
            PromiseStatus::Broken if p.due_at >= from => {
                promised += 1;
                misses.push((p.due_at.min(now), format!("'{}' was broken", p.text)));
            }
            PromiseStatus::Broken => {}
            PromiseStatus::Open | PromiseStatus::Renegotiated if p.due_at < now => {
                promised += 1;
                overdue.push(p);
                misses.push((now, format!("'{}' is {} overdue", p.text, span(now - p.due_at))));
            }
            PromiseStatus::Open | PromiseStatus::Renegotiated => {
                if p.due_at <= due_soon {
                    soon.push(p);
                }
            }
        }
    }
    let ack = Duration::hours(i64::from(s.request_ack_hours));
    let answer = Duration::hours(i64::from(s.request_answer_hours));
    let (mut asked, mut in_clock) = (0usize, 0usize);
    let mut waiting: Vec<&Request> = Vec::new();
    for r in b.requests.iter().filter(|r| whom.has(r.contact_id.as_ref()) && r.received_at <= now) {
        let acked = r.acknowledged_at.filter(|t| *t <= now);
        match r.answered_at.or(r.resolved_at).filter(|t| *t <= now) {
            Some(done) if done < from => {}
            Some(done) => {
                asked += 1;
                let acked = acked.map_or(done, |t| t.min(done));
                if done - r.received_at > answer {
                    misses.push((
                        done,
                        format!("'{}' was answered after {}", r.text, span(done - r.received_at)),
                    ));
                } else if acked - r.received_at > ack {
                    let late = span(acked - r.received_at);
                    misses.push((done, format!("'{}' was acknowledged only after {late}", r.text)));
                } else {
                    in_clock += 1;
                }
            }
            None if now - r.received_at > answer => {
                asked += 1;
                waiting.push(r);
                let waited = span(now - r.received_at);
                misses.push((now, format!("'{}' has waited {waited} for an answer", r.text)));
            }
            None if acked.is_none() && now - r.received_at > ack => {
                asked += 1;
                waiting.push(r);
                let waited = span(now - r.received_at);
                misses.push((now, format!("'{}' is not acknowledged after {waited}", r.text)));
            }
            // Its clocks still run: judged neither way yet.
            None => {}
        }
    }
    let n = promised + asked;
    let score = share((on_time + in_clock) as f64, n);
    let to = if matches!(whom, Whom::Person(_)) { " to them" } else { "" };
    let said = vec![
        match promised {
            0 => "no promise of ours came due in 180 days".to_string(),
            p => format!("{on_time} of {}{to} kept on time", plural(p, "promise", "promises")),
        },
        match asked {
            0 => "no request of theirs to judge".to_string(),
            a => format!(
                "{in_clock} of {} of theirs answered within the clocks ({} h to acknowledge, {} h to answer)",
                plural(a, "request", "requests"),
                s.request_ack_hours,
                s.request_answer_hours
            ),
        },
    ];
    let evidence = sentence(whom.name(), score, n, &said, &misses);
    let next_step = if let Some(p) = overdue.iter().min_by_key(|p| p.due_at) {
        format!(
            "Tell {} today when '{}' will come: it was due {}.",
            named(b, whom, p.contact_id.as_ref()),
            p.text,
            day_words(p.due_at)
        )
    } else if let Some(r) = waiting.iter().min_by_key(|r| r.received_at) {
        format!(
            "Answer {}'s request '{}' today, or say when the answer will come.",
            named(b, whom, r.contact_id.as_ref()),
            r.text
        )
    } else if let Some(p) = soon.iter().min_by_key(|p| p.due_at) {
        format!(
            "Deliver '{}' to {} by {}, or tell them now if it will slip.",
            p.text,
            named(b, whom, p.contact_id.as_ref()),
            day_words(p.due_at)
        )
    } else if score.is_none() {
        match whom {
            Whom::Person(_) => {
                format!("Promise {} something small with a date, keep it, and record both.", whom.short())
            }
            Whom::Account(a) => {
                format!(
                    "Record the promises you make to {a} and when you keep them, so reliability can be judged."
                )
            }
        }
    } else if let Some((_, last)) = misses.iter().max_by_key(|(at, _)| *at) {
        format!("Promise {} only dates you can keep, and warn before one slips: {last}.", whom.short())
    } else {
        format!("Keep every promise to {} on time, as you have.", whom.short())
    };
    TrustPart { score, evidence, next_step }
}

/// Credibility: their issues resolved and followed up (an issue names no person, so only the
/// account's ledger counts them: 1 when resolved and followed up, ½ when resolved only, 0 while
/// open), and their goals — the company's and personal ones, a person's being those that name
/// them — advanced: achieved, or with progress recorded within the goal-stale days of the
/// settings (1), or not (0). A goal younger than that is not judged yet.
pub(super) fn credibility(b: &Bundle, whom: Whom<'_>, now: DateTime<Utc>, s: &Settings) -> TrustPart {
    let from = from(now);
    let mut said = Vec::new();
    let mut misses: Vec<(DateTime<Utc>, String)> = Vec::new();
    let (mut n, mut good) = (0usize, 0.0);
    let mut open: Vec<&Issue> = Vec::new();
    let mut unfollowed: Vec<&Issue> = Vec::new();
    if let Whom::Account(_) = whom {
        let mut done = 0;
        for i in b.issues.iter().filter(|i| i.opened_at <= now) {
            let resolved = i.resolved_at.filter(|t| *t <= now);
            let followed = i.followed_up_at.filter(|t| *t <= now);
            if i.opened_at < from && resolved.is_some_and(|t| t < from) {
                continue;
            }
            n += 1;
            match (resolved, followed) {
                (Some(_), Some(_)) => {
                    done += 1;
                    good += 1.0;
                }
                (Some(at), None) => {
                    good += 0.5;
                    unfollowed.push(i);
                    misses.push((at, format!("'{}' was resolved but not followed up", i.title)));
                }
                (None, _) => {
                    open.push(i);
                    misses.push((now, format!("'{}' has been open {}", i.title, span(now - i.opened_at))));
                }
            }
        }
        said.push(match n {
            0 => "no issue in 180 days".to_string(),
            n => format!("{done} of {} resolved and followed up", plural(n, "issue", "issues")),
        });
    }
    let stale = Duration::days(i64::from(s.goal_stale_days));
    let theirs = b.goals.iter().filter(|g| {
        matches!(g.kind, GoalKind::Company | GoalKind::Personal)
            && g.status != GoalStatus::Dropped
            && g.created_at <= now
            && match whom {
                Whom::Account(_) => true,
                Whom::Person(c) => g.contact_id.as_ref() == Some(&c.id),
            }
    });
    let (mut goals, mut advanced) = (0usize, 0usize);
    let mut stalled: Vec<&Goal> = Vec::new();
    for g in theirs {
        let last = g.progress.iter().filter(|p| p.at <= now).map(|p| p.at).max();
        if g.status == GoalStatus::Achieved || last.is_some_and(|t| now - t <= stale) {
            goals += 1;
            advanced += 1;
        } else if now - g.created_at > stale {
            goals += 1;
            stalled.push(g);
            let since = match last {
                Some(t) => format!("no progress recorded since {}", day_words(t)),
                None => format!("no progress recorded since it was set on {}", day_words(g.created_at)),
            };
            misses.push((last.unwrap_or(g.created_at), format!("'{}' has {since}", g.title)));
        }
    }
    n += goals;
    good += advanced as f64;
    said.push(match goals {
        0 => "no goal of theirs old enough to judge".to_string(),
        g => format!(
            "{advanced} of {} advanced (achieved, or progress in the last {} days)",
            plural(g, "goal of theirs", "goals of theirs"),
            s.goal_stale_days
        ),
    });
    let score = share(good, n);
    let evidence = sentence(whom.name(), score, n, &said, &misses);
    let next_step = if let Some(i) = open.iter().min_by_key(|i| i.opened_at) {
        format!("Give {} a date for fixing '{}', and say who owns it.", whom.name(), i.title)
    } else if let Some(i) = unfollowed.iter().max_by_key(|i| i.resolved_at) {
        format!("Follow up on '{}' with {}: ask whether the fix holds.", i.title, whom.name())
    } else if let Some(g) = stalled.iter().min_by_key(|g| g.progress.last().map_or(g.created_at, |p| p.at)) {
        format!(
            "Ask {} what moved on '{}', and record it as progress.",
            named(b, whom, g.contact_id.as_ref()),
            g.title
        )
    } else if score.is_none() {
        match whom {
            Whom::Person(_) => {
                format!("Ask {} what they must achieve this year, and record it as their goal.", whom.short())
            }
            Whom::Account(a) => format!(
                "Record {a}'s goals for the year and each step of progress, so credibility can be judged."
            ),
        }
    } else {
        format!("Bring {} evidence of progress on their goals to the next meeting.", whom.short())
    };
    TrustPart { score, evidence, next_step }
}

/// What is known of one person's own side.
struct Known<'a> {
    goal: Option<&'a Goal>,
    dates: bool,
    notes: bool,
    touches: usize,
    started: usize,
}

fn known<'a>(b: &'a Bundle, c: &Contact, now: DateTime<Utc>) -> Known<'a> {
    let from = from(now);
    let touches: Vec<&Interaction> = b
        .interactions
        .iter()
        .filter(|i| i.occurred_at >= from && i.occurred_at <= now && i.contact_ids.contains(&c.id))
        .collect();
    Known {
        goal: b.goals.iter().find(|g| {
            g.kind == GoalKind::Personal
                && g.contact_id.as_ref() == Some(&c.id)
                && g.status != GoalStatus::Dropped
                && g.created_at <= now
        }),
        dates: !c.dates.is_empty(),
        notes: !c.notes.trim().is_empty()
            || b.culture_notes.iter().any(|n| n.contact_id.as_ref() == Some(&c.id) && n.created_at <= now),
        touches: touches.len(),
        started: touches.iter().filter(|i| i.initiated_by == Initiator::Them).count(),
    }
}

/// Intimacy of one person: 25 points each for a personal goal of theirs known, an important
/// date known, notes on how they work (the person's notes or a culture note about them), and
/// touches they start — full when they started a third or more of the touches with them in
/// 180 days, in proportion below. Each fact known and each touch is a piece of evidence.
pub(super) fn intimacy(b: &Bundle, c: &Contact, now: DateTime<Utc>) -> TrustPart {
    let k = known(b, c, now);
    let facts = usize::from(k.goal.is_some()) + usize::from(k.dates) + usize::from(k.notes);
    let n = facts + k.touches;
    let ratio = if k.touches == 0 { 0.0 } else { k.started as f64 / k.touches as f64 };
    let reach = (25.0 * (ratio * 3.0).min(1.0)).round() as u32;
    let score = (n >= MIN_EVIDENCE).then(|| 25 * facts as u32 + reach);
    let said = vec![
        match k.goal {
            Some(g) => format!("personal goal known ('{}')", g.title),
            None => "no personal goal known".into(),
        },
        if k.dates { "an important date known".into() } else { "no important date known".into() },
        if k.notes { "notes on how they work".into() } else { "no note on how they work".into() },
        format!(
            "they started {} of {} with them in 180 days",
            k.started,
            plural(k.touches, "touch", "touches")
        ),
    ];
    let evidence = sentence(&c.name, score, n, &said, &[]);
    let first = super::first_name(&c.name);
    let next_step = if k.goal.is_none() {
        format!("Ask {first} what they want for themselves this year, and record it as a personal goal.")
    } else if !k.notes {
        format!("Note how {first} likes to work: channel, pace, how they decide.")
    } else if reach < 25 {
        format!("Give {first} reasons to reach out first: share something useful they will want to answer.")
    } else if !k.dates {
        format!("Record {first}'s birthday or work anniversary when it comes up.")
    } else {
        format!("Keep the personal touch with {first}: remember what matters to them.")
    };
    TrustPart { score, evidence, next_step }
}

/// Intimacy of the account: the mean of its people's known intimacy; the next step is that of
/// the person known least well.
pub(super) fn account_intimacy(b: &Bundle, now: DateTime<Utc>) -> TrustPart {
    let account = &b.account.name;
    let people: Vec<(&Contact, TrustPart)> = b.contacts.iter().map(|c| (c, intimacy(b, c, now))).collect();
    let scores: Vec<u32> = people.iter().filter_map(|(_, p)| p.score).collect();
    let score = (!scores.is_empty())
        .then(|| (scores.iter().sum::<u32>() as f64 / scores.len() as f64).round() as u32);
    let all: Vec<Known> = b.contacts.iter().map(|c| known(b, c, now)).collect();
    let count = |f: fn(&Known) -> bool| all.iter().filter(|k| f(k)).count();
    let from = from(now);
    let touches: Vec<&Interaction> =
        b.interactions.iter().filter(|i| i.occurred_at >= from && i.occurred_at <= now).collect();
    let started = touches.iter().filter(|i| i.initiated_by == Initiator::Them).count();
    let company_notes =
        b.culture_notes.iter().filter(|n| n.contact_id.is_none() && n.created_at <= now).count();
    let mut evidence = format!(
        "{account}: personal goals known for {} of {}, important dates for {}, notes on how they work for {}; \
         {} on how the company works; they started {started} of {} in 180 days",
        count(|k| k.goal.is_some()),
        plural(all.len(), "person", "people"),
        count(|k| k.dates),
        count(|k| k.notes),
        plural(company_notes, "note", "notes"),
        plural(touches.len(), "touch", "touches"),
    );
    if score.is_none() {
        evidence.push_str("; too little is known of anyone to judge");
    }
    evidence.push('.');
    let weakest = people.iter().filter(|(_, p)| p.score.is_some()).min_by_key(|(_, p)| p.score);
    let next_step = match weakest {
        Some((c, p)) if p.score.is_some_and(|s| s < 100) => {
            let mut step = p.next_step.chars();
            let first = step.next().map(|f| f.to_lowercase().collect::<String>()).unwrap_or_default();
            format!(
                "{} is the one you know least (intimacy {}): {first}{}",
                c.name,
                p.score.unwrap_or(0),
                step.as_str()
            )
        }
        Some(_) => format!("Keep the personal touch with everyone at {account}."),
        None => format!(
            "Learn one personal thing about each key person at {account} — a goal, a date, how they like to work — and record it."
        ),
    };
    TrustPart { score, evidence, next_step }
}

/// Self-orientation (higher is worse): the larger of two signs, each known only with at least
/// [`MIN_EVIDENCE`] touches we started in 180 days. Outreach: of those that say whose goal
/// they served, the share that served ours. Renewal: how much more of our touches fell in the
/// renewal-days before the account's renewal date than that stretch's share of the 180 days —
/// 0 when spread evenly, 100 when every touch came there.
pub(super) fn self_orientation(b: &Bundle, whom: Whom<'_>, now: DateTime<Utc>, s: &Settings) -> TrustPart {
    let from = from(now);
    let ours: Vec<&Interaction> = b
        .interactions
        .iter()
        .filter(|i| i.initiated_by == Initiator::Us && i.occurred_at >= from && i.occurred_at <= now)
        .filter(|i| whom.in_touch(&i.contact_ids))
        .collect();
    let labelled = ours.iter().filter(|i| i.serves.is_some()).count();
    let selfish = ours.iter().filter(|i| i.serves == Some(Serves::Ours)).count();
    let outreach = share(selfish as f64, labelled);
    let renewal = renewal_cluster(b.account.renewal_date, &ours, now, s.renewal_days);
    let score = match (outreach, renewal.as_ref().map(|r| r.score)) {
        (Some(a), Some(r)) => Some(a.max(r)),
        (a, r) => a.or(r),
    };
    let mut said = vec![match (labelled, ours.len()) {
        (_, 0) => "we started no touch in 180 days".to_string(),
        (0, 1) => "the one touch we started does not say whose goal it served".to_string(),
        (0, n) => format!("none of the {n} touches we started say whose goal they served"),
        (l, _) => format!(
            "{selfish} of {} we started (of {} that say whose goal) served our goals rather than theirs",
            plural(ours.len(), "touch", "touches"),
            l
        ),
    }];
    if let Some(r) = &renewal {
        said.push(format!(
            "{} of them came in the {} days before the renewal on {}, a stretch that is {}% of the 180 days",
            r.inside,
            s.renewal_days,
            r.day.format("%-d %B %Y"),
            (r.coverage * 100.0).round() as u32
        ));
    }
    let n = labelled.max(if renewal.is_some() { ours.len() } else { 0 });
    let evidence = sentence(whom.name(), score, n, &said, &[]);
    let short = whom.short();
    let next_step = match (outreach, renewal) {
        (Some(a), r) if a >= 30 && r.as_ref().is_none_or(|r| a >= r.score) => {
            let goal = b.goals.iter().find(|g| {
                matches!(g.kind, GoalKind::Company | GoalKind::Personal)
                    && !g.status.is_closed()
                    && match whom {
                        Whom::Account(_) => g.kind == GoalKind::Company,
                        Whom::Person(c) => g.contact_id.as_ref() == Some(&c.id),
                    }
            });
            match goal {
                Some(g) => format!(
                    "Make the next touch with {short} about their goal '{}', with nothing to sell.",
                    g.title
                ),
                None => format!("Make the next touch with {short} about their goals, with nothing to sell."),
            }
        }
        (_, Some(r)) if r.score >= 30 => format!(
            "Reach {short} between renewals, about their goals — not only in the run-up to {}.",
            r.day.format("%-d %B %Y")
        ),
        _ if score.is_none() => {
            format!("When you log a touch with {short}, say whose goal it served: theirs or ours.")
        }
        _ => format!("Keep leading with {short}'s goals, as you do."),
    };
    TrustPart { score, evidence, next_step }
}

struct Cluster {
    score: u32,
    inside: usize,
    coverage: f64,
    day: NaiveDate,
}

/// How far our touches cluster in the run-up to the renewal (see [`self_orientation`]); none
/// without a renewal date, when its run-up is not within the 180 days, when the run-up covers
/// them all, or with fewer than [`MIN_EVIDENCE`] touches.
fn renewal_cluster(
    renewal: Option<NaiveDate>,
    ours: &[&Interaction],
    now: DateTime<Utc>,
    renewal_days: u32,
) -> Option<Cluster> {
    let day = renewal?;
    let from = from(now);
    let start = day.and_hms_opt(0, 0, 0)?.and_utc() - Duration::days(i64::from(renewal_days));
    let (lo, hi) = (start.max(from), super::end_of(day).min(now));
    if hi <= lo || ours.len() < MIN_EVIDENCE {
        return None;
    }
    let coverage = (hi - lo).num_seconds() as f64 / (now - from).num_seconds() as f64;
    if coverage >= 0.95 {
        return None;
    }
    let inside = ours.iter().filter(|i| i.occurred_at >= lo && i.occurred_at <= hi).count();
    let ratio = inside as f64 / ours.len() as f64;
    let score = (((ratio - coverage) / (1.0 - coverage)).max(0.0) * 100.0).round() as u32;
    Some(Cluster { score, inside, coverage, day })
}
