//! One file per reason code. Each rule looks at one account and adds what it finds; none of
//! them ranks, merges or times anything.

mod awaiting_their_promise;
mod cadence_due;
mod goal_check;
mod issue_follow_up;
mod issue_open;
mod meeting_follow_up;
mod meeting_prep;
mod personal_date;
mod promise_due_soon;
mod promise_overdue;
mod renewal_approaching;
mod role_gap;
mod single_threaded;
mod stakeholder_neglected;
mod unanswered_request;

use chrono::{DateTime, Duration, Utc};

pub(super) use super::{Clock, Settle};
use super::{Evidence, Found, Reason, ReasonCode, Settings, Touches};
use crate::domain::Bundle;
use crate::domain::RecordKind;
use crate::domain::{AccountStatus, Contact};

/// What a reason is besides the rule that finds it, kept in the reason's own file.
pub(super) struct About {
    /// How much this kind of reason matters, before urgency and tier.
    pub weight: f64,
    /// The reason in a few words, for the one-sentence explanation of the ranking.
    pub short: &'static str,
    /// Whether one reason of this kind is urgent enough, at `now`, to interrupt with a notification.
    pub notify: fn(&Reason, DateTime<Utc>) -> bool,
    /// Whose clock it runs on, unless the rule says otherwise for one reason.
    pub clock: Clock,
}

/// For the reasons that never interrupt.
pub(super) fn never(_: &Reason, _: DateTime<Utc>) -> bool {
    false
}

/// Each reason's [`About`]; a reason added without one does not build.
pub(super) fn about(code: ReasonCode) -> &'static About {
    match code {
        ReasonCode::UnansweredRequest => &unanswered_request::ABOUT,
        ReasonCode::PromiseOverdue => &promise_overdue::ABOUT,
        ReasonCode::PromiseDueSoon => &promise_due_soon::ABOUT,
        ReasonCode::AwaitingTheirPromise => &awaiting_their_promise::ABOUT,
        ReasonCode::MeetingPrep => &meeting_prep::ABOUT,
        ReasonCode::MeetingFollowUp => &meeting_follow_up::ABOUT,
        ReasonCode::IssueOpen => &issue_open::ABOUT,
        ReasonCode::IssueFollowUp => &issue_follow_up::ABOUT,
        ReasonCode::GoalCheck => &goal_check::ABOUT,
        ReasonCode::RenewalApproaching => &renewal_approaching::ABOUT,
        ReasonCode::PersonalDate => &personal_date::ABOUT,
        ReasonCode::CadenceDue => &cadence_due::ABOUT,
        ReasonCode::StakeholderNeglected => &stakeholder_neglected::ABOUT,
        ReasonCode::SingleThreaded => &single_threaded::ABOUT,
        ReasonCode::RoleGap => &role_gap::ABOUT,
    }
}

/// One account as the rules see it.
pub(super) struct View<'a> {
    pub b: &'a Bundle,
    pub t: &'a Touches,
    pub now: DateTime<Utc>,
    pub s: &'a Settings,
    /// The last touch with anyone at the account.
    pub last_touch: Option<DateTime<Utc>>,
}

impl<'a> View<'a> {
    /// The last touch with this person.
    pub fn last_touch_with(&self, contact_id: &str) -> Option<DateTime<Utc>> {
        self.t.last_with_at(contact_id)
    }

    pub fn contact(&self, id: &str) -> Option<&'a Contact> {
        self.b.contacts.iter().find(|c| c.id == id)
    }

    /// "Annika Vogt" or "them", for sentences.
    pub fn who(&self, id: Option<&str>) -> String {
        id.and_then(|id| self.contact(id)).map(|c| c.name.clone()).unwrap_or_else(|| "them".into())
    }

    pub fn cadence_days(&self) -> u32 {
        self.b.account.effective_cadence_days()
    }

    pub fn paused(&self) -> bool {
        self.b.account.status == AccountStatus::Paused
    }

    pub fn add<'o>(
        out: &'o mut Vec<Found>,
        contact_id: Option<String>,
        code: ReasonCode,
        text: String,
        evidence: Option<(RecordKind, &str)>,
        due_at: DateTime<Utc>,
    ) -> &'o mut Reason {
        Self::add_on(out, about(code).clock, contact_id, code, text, evidence, due_at)
    }

    /// [`View::add`] on a clock other than the reason's usual one.
    pub fn add_on<'o>(
        out: &'o mut Vec<Found>,
        clock: Clock,
        contact_id: Option<String>,
        code: ReasonCode,
        text: String,
        evidence: Option<(RecordKind, &str)>,
        due_at: DateTime<Utc>,
    ) -> &'o mut Reason {
        out.push(Found {
            contact_id,
            reason: Reason {
                code,
                text,
                evidence: evidence.map(|(kind, id)| Evidence { kind, id: id.to_string() }),
                related: Vec::new(),
                due_at,
                clock,
                settles: None,
            },
        });
        &mut out.last_mut().expect("just pushed").reason
    }
}

pub fn hours(n: u32) -> Duration {
    Duration::hours(i64::from(n))
}

pub fn days(n: u32) -> Duration {
    Duration::days(i64::from(n))
}

/// "3 h", "2 days": a span in the words an account manager uses.
pub fn span(d: Duration) -> String {
    let h = d.num_hours().abs();
    if h < 1 {
        format!("{} min", d.num_minutes().abs().max(1))
    } else if h < 48 {
        format!("{h} h")
    } else {
        format!("{} days", h / 24)
    }
}

pub(super) fn find(b: &Bundle, t: &Touches, now: DateTime<Utc>, s: &Settings) -> Vec<Found> {
    if b.account.status == AccountStatus::Former {
        return Vec::new();
    }
    let v = View { b, t, now, s, last_touch: t.last_at() };
    let mut out = Vec::new();
    unanswered_request::check(&v, &mut out);
    promise_overdue::check(&v, &mut out);
    promise_due_soon::check(&v, &mut out);
    awaiting_their_promise::check(&v, &mut out);
    meeting_prep::check(&v, &mut out);
    meeting_follow_up::check(&v, &mut out);
    issue_open::check(&v, &mut out);
    issue_follow_up::check(&v, &mut out);
    goal_check::check(&v, &mut out);
    renewal_approaching::check(&v, &mut out);
    personal_date::check(&v, &mut out);
    cadence_due::check(&v, &mut out);
    stakeholder_neglected::check(&v, &mut out);
    single_threaded::check(&v, &mut out);
    role_gap::check(&v, &mut out);
    // Someone archived is no one to call: what concerns them belongs to the account.
    for f in &mut out {
        if f.contact_id.as_ref().is_some_and(|c| v.contact(c).is_none()) {
            f.contact_id = None;
        }
    }
    out
}
