//! Proactive check-ins (DESIGN §4): a pure function of (portfolio, now, settings) that says
//! whom to contact, why, when in their own day, and what to bring.
//!
//! Each reason lives in its own file under `reasons/` and only finds evidence; this module
//! merges what they find per account and person, ranks it, times it and adds talking points.
//! No clock, no database, no I/O.

mod aside;
mod budget;
mod goals;
mod reasons;
mod talking;
mod timing;
mod touches;

pub use aside::{Aside, Mark, items};
pub use budget::{Choice, choose};
pub use goals::{GOAL_EVIDENCE, recently_checked, still_quiet};

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use specta::Type;

use crate::domain::{Bundle, GoalStatus, Id, RecordKind, Tier};

pub use crate::domain::{CheckinAccount, CheckinNeeds, Settings};
pub use timing::next_working_moment;
pub use touches::Touches;

/// What the rules read at `now` under `settings`: goals still open, promises still open, and
/// the meetings any rule can look at — recent ones for a recap, near ones to prepare.
pub fn needs(now: DateTime<Utc>, settings: &Settings) -> CheckinNeeds {
    CheckinNeeds {
        now,
        goals: GoalStatus::ALL.iter().copied().filter(|s| !s.is_closed()).collect(),
        meetings_from: now - Duration::days(i64::from(settings.meeting_follow_up_days) + 1),
        meetings_to: now + Duration::hours(i64::from(settings.meeting_prep_hours) + 1),
    }
}

/// The reasons Rapport knows; their names are a contract (DESIGN §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReasonCode {
    UnansweredRequest,
    PromiseOverdue,
    PromiseDueSoon,
    AwaitingTheirPromise,
    MeetingPrep,
    MeetingFollowUp,
    IssueOpen,
    IssueFollowUp,
    GoalCheck,
    RenewalApproaching,
    PersonalDate,
    CadenceDue,
    StakeholderNeglected,
    SingleThreaded,
    RoleGap,
}

impl ReasonCode {
    /// How much this kind of reason matters, before urgency and tier (each reason's own file says).
    fn weight(self) -> f64 {
        reasons::about(self).weight
    }

    /// The reason in a few words, for the one-sentence explanation of the ranking.
    fn short(self) -> &'static str {
        reasons::about(self).short
    }
}

/// The record a reason is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Evidence {
    pub kind: RecordKind,
    pub id: Id,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Reason {
    pub code: ReasonCode,
    /// A sentence for the account manager.
    pub text: String,
    /// The record it is about.
    pub evidence: Option<Evidence>,
    /// Other records the same reason covers (an account's other goals to check on).
    pub related: Vec<Evidence>,
    /// When acting on it is due: for a proactive touch, never before now.
    pub due_at: DateTime<Utc>,
    pub clock: Clock,
    /// The change of state that settles it, besides the touch itself: until that is made, the
    /// reason stays on Today after "Done" (its record is `evidence`).
    pub settles: Option<Settle>,
}

/// A change of state the Done capture offers for the record a reason is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Settle {
    AcknowledgeRequest,
    AnswerRequest,
    KeepPromise,
    AcknowledgeIssue,
}

/// Whose clock a reason runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Clock {
    /// Something owed to the client by a time they hold us to (an answer, a promise, a recap):
    /// once it passes, it is a breach.
    Client,
    /// A touch worth making (a goal, the cadence, a renewal ahead): it grows stale, it never
    /// breaks.
    Proactive,
}

/// How soon to act, for grouping the Today list (DESIGN §4, README "Today").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// Something owed to the client breaks before the end of their day (or within the "now"
    /// window): a breach if it is not done.
    Now,
    /// Something owed to the client falls due within a day, after tonight.
    Today,
    /// Due within the week, or a proactive touch whose time has come.
    ThisWeek,
    /// Due later than a week from now.
    Later,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Suggestion {
    /// Stable for the same account and person: how done, snoozed and dismissed are remembered.
    pub key: String,
    /// Changes when the evidence changes: a dismissed suggestion returns with new evidence.
    pub fingerprint: String,
    pub account: String,
    pub account_id: Id,
    pub contact: Option<String>,
    pub contact_id: Option<Id>,
    pub reasons: Vec<Reason>,
    /// Larger is more urgent; the list is sorted by it.
    pub priority: f64,
    /// Why it ranks where it does, in one sentence.
    pub priority_reason: String,
    pub urgency: Urgency,
    pub due_at: DateTime<Utc>,
    /// A good moment inside their working hours, in UTC.
    pub suggested_at: DateTime<Utc>,
    /// Their IANA zone, to show `suggested_at` in their time too.
    pub timezone: String,
    pub talking_points: Vec<String>,
}

/// What a reason rule found: a reason about the account, or about one person at it.
pub(crate) struct Found {
    pub contact_id: Option<Id>,
    pub reason: Reason,
}

/// All suggestions for the portfolio at `now`, most urgent first, working out each account's
/// touches from its interactions.
pub fn suggest(portfolio: &[Bundle], now: DateTime<Utc>, settings: &Settings) -> Vec<Suggestion> {
    let accounts: Vec<CheckinAccount> = portfolio
        .iter()
        .map(|b| {
            let past: Vec<_> = b.interactions.iter().filter(|i| i.occurred_at <= now).cloned().collect();
            CheckinAccount { bundle: b.clone(), touches: Touches::from_interactions(&past) }
        })
        .collect();
    suggest_for(&accounts, now, settings)
}

/// All suggestions for accounts whose touches are already known, most urgent first.
pub fn suggest_for(accounts: &[CheckinAccount], now: DateTime<Utc>, settings: &Settings) -> Vec<Suggestion> {
    suggest_aside(accounts, now, settings, &Aside::default())
}

/// [`suggest_for`], leaving out what the user has already done, snoozed or dismissed.
pub fn suggest_aside(
    accounts: &[CheckinAccount],
    now: DateTime<Utc>,
    settings: &Settings,
    aside: &Aside,
) -> Vec<Suggestion> {
    let mut all = Vec::new();
    for a in accounts {
        let found = reasons::find(&a.bundle, &a.touches, now, settings);
        all.extend(merge(&a.bundle, &a.touches, found, now, settings, aside));
    }
    all.sort_by(most_urgent_first);
    all
}

fn most_urgent_first(a: &Suggestion, b: &Suggestion) -> std::cmp::Ordering {
    b.priority.total_cmp(&a.priority).then_with(|| a.due_at.cmp(&b.due_at)).then_with(|| a.key.cmp(&b.key))
}

/// The list with one account's suggestions replaced by `fresh`, in the same order a full
/// recompute gives: what changes when one touch is logged, without judging every account again.
pub fn replace_account(list: &mut Vec<Suggestion>, account_id: &str, fresh: Vec<Suggestion>) {
    list.retain(|s| s.account_id != account_id);
    list.extend(fresh);
    list.sort_by(most_urgent_first);
}

fn merge(
    bundle: &Bundle,
    touches: &Touches,
    mut found: Vec<Found>,
    now: DateTime<Utc>,
    settings: &Settings,
    aside: &Aside,
) -> Vec<Suggestion> {
    // A proactive touch is due now at the earliest, however old its evidence.
    for f in &mut found {
        if f.reason.clock == Clock::Proactive && f.reason.due_at < now {
            f.reason.due_at = now;
        }
    }
    let found = goals::one_per_account(bundle, found);
    let mut groups: Vec<(Option<Id>, Vec<Reason>)> = Vec::new();
    for f in found {
        match groups.iter_mut().find(|(c, _)| *c == f.contact_id) {
            Some((_, reasons)) => reasons.push(f.reason),
            None => groups.push((f.contact_id, vec![f.reason])),
        }
    }
    let key_of =
        |contact_id: &Option<Id>| format!("{}:{}", bundle.account.id, contact_id.as_deref().unwrap_or(""));
    groups
        .into_iter()
        .map(|(contact_id, reasons)| {
            (aside.remaining(&key_of(&contact_id), reasons, now, settings), contact_id)
        })
        .filter(|(reasons, _)| !reasons.is_empty())
        .map(|(mut reasons, contact_id)| {
            // Same score and kind: by evidence id, so the order never depends on how rows were read.
            let evidence = |r: &Reason| r.evidence.as_ref().map(|e| e.id.clone());
            reasons.sort_by(|a, b| {
                score(a, now)
                    .total_cmp(&score(b, now))
                    .reverse()
                    .then_with(|| a.code.cmp(&b.code))
                    .then_with(|| evidence(a).cmp(&evidence(b)))
            });
            let account = &bundle.account;
            let contact = contact_id.as_ref().and_then(|id| bundle.contacts.iter().find(|c| &c.id == id));
            let due_at = reasons.iter().map(|r| r.due_at).min().unwrap_or(now);
            let (priority, priority_reason) = rank(&reasons, account.tier, now);
            let timezone =
                contact.and_then(|c| c.timezone.clone()).unwrap_or_else(|| account.timezone.clone());
            let urgency =
                reasons.iter().map(|r| urgency(r, &timezone, now, settings)).min().unwrap_or(Urgency::Later);
            let suggested_at = timing::suggested_time(bundle, &timezone, &reasons, now);
            let mut evidence: Vec<String> = reasons.iter().flat_map(aside::items).collect();
            evidence.sort();
            Suggestion {
                key: key_of(&contact_id),
                fingerprint: evidence.join(","),
                account: account.name.clone(),
                account_id: account.id.clone(),
                contact: contact.map(|c| c.name.clone()),
                talking_points: talking::points(bundle, touches, contact_id.as_deref(), &reasons, now),
                contact_id,
                urgency,
                priority,
                priority_reason,
                due_at,
                suggested_at,
                timezone,
                reasons,
            }
        })
        .collect()
}

/// One reason's weight, raised as its due time comes closer and further once it has passed.
fn score(reason: &Reason, now: DateTime<Utc>) -> f64 {
    let hours = (reason.due_at - now).num_minutes() as f64 / 60.0;
    let closeness =
        if hours <= 0.0 { 1.0 + (-hours / 24.0).min(3.0) * 0.5 } else { 1.0 / (1.0 + hours / 24.0) };
    reason.code.weight() * (1.0 + closeness)
}

fn tier_factor(tier: Tier) -> f64 {
    match tier {
        Tier::Strategic => 1.5,
        Tier::Core => 1.2,
        Tier::Standard => 1.0,
    }
}

/// The most pressing reason counts in full, each other one adds a quarter of its own score,
/// and the account's tier multiplies the whole.
fn rank(reasons: &[Reason], tier: Tier, now: DateTime<Utc>) -> (f64, String) {
    let Some((top, rest)) = reasons.split_first() else { return (0.0, String::new()) };
    let sum = score(top, now) + rest.iter().map(|r| score(r, now) * 0.25).sum::<f64>();
    let priority = (sum * tier_factor(tier) * 10.0).round() / 10.0;
    // The top reason's due time is said only when it is the suggestion's own (the soonest), so
    // the sentence never disagrees with the due time shown beside it.
    let soonest = reasons.iter().map(|r| r.due_at).min().unwrap_or(top.due_at);
    let when =
        if top.due_at == soonest { format!(" {}", describe_due(top.due_at, now)) } else { String::new() };
    let more = match rest.len() {
        0 => String::new(),
        1 => ", plus one more reason".into(),
        n => format!(", plus {n} more reasons"),
    };
    let tier_note = match tier {
        Tier::Standard => String::new(),
        t => format!(", raised for a {t} account"),
    };
    (priority, format!("Ranked by {}{when}{more}{tier_note}.", top.code.short()))
}

fn describe_due(due: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let delta = due - now;
    if delta.num_minutes() == 0 {
        return "(due now)".into();
    }
    let h = delta.num_hours().abs();
    let span = if h < 48 { format!("{} h", h.max(1)) } else { format!("{} days", h / 24) };
    if delta <= Duration::zero() { format!("({span} past due)") } else { format!("(due in {span})") }
}

/// How soon one reason asks to be acted on. Only what is owed to the client can be "now" or
/// "today"; a proactive touch is "this week" once its time has come, however old its evidence.
fn urgency(reason: &Reason, timezone: &str, now: DateTime<Utc>, settings: &Settings) -> Urgency {
    let due = reason.due_at;
    if reason.clock == Clock::Client {
        let window = now + Duration::hours(i64::from(settings.now_window_hours));
        if due <= window.max(timing::end_of_day(timezone, now)) {
            return Urgency::Now;
        }
        if due <= now + Duration::hours(24) {
            return Urgency::Today;
        }
    }
    if due <= now + Duration::days(7) { Urgency::ThisWeek } else { Urgency::Later }
}

/// A desktop notification worth sending: something that just became urgent.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Reminder {
    /// One notification per reminder id, ever, while the app runs.
    pub id: String,
    pub title: String,
    pub body: String,
}

/// The reasons urgent enough to interrupt: a request near (or past) its answer limit, a meeting
/// within the hour, a promise of ours due today or overdue, an issue nobody has acknowledged.
/// One notification per suggestion; it comes again only if a new urgent reason joins it.
pub fn reminders(suggestions: &[Suggestion], now: DateTime<Utc>, settings: &Settings) -> Vec<Reminder> {
    if !settings.reminders {
        return Vec::new();
    }
    let mut out = Vec::new();
    for s in suggestions {
        let urgent: Vec<&Reason> =
            s.reasons.iter().filter(|r| (reasons::about(r.code).notify)(r, now)).collect();
        let Some(first) = urgent.first() else { continue };
        let mut about: Vec<String> = urgent
            .iter()
            .map(|r| format!("{:?}:{}", r.code, r.evidence.as_ref().map(|e| e.id.as_str()).unwrap_or("")))
            .collect();
        about.sort();
        let who = s.contact.as_deref().map(|c| format!(" — {c}")).unwrap_or_default();
        let more = match urgent.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        out.push(Reminder {
            id: format!("{}|{}", s.key, about.join(",")),
            title: format!("{}{who}", s.account),
            body: format!("{}{more}", first.text),
        });
    }
    out
}
