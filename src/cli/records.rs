//! `rapport culture|goal|promise|request|issue|meeting …`: every record of a profile.

use clap::{Args, Subcommand};

use super::{Ctx, word};
use crate::domain::{
    CultureCategory, CultureNoteDraft, Direction, GoalDraft, GoalKind, GoalStatus, IssueDraft, IssueStep,
    MeetingDraft, PromiseDraft, PromiseOutcome, PromiseStatus, RequestDraft, RequestStep, Severity,
};
use crate::error::Result;

/// A promise due on a day is due by the end of it.
const END_OF_DAY: (u32, u32) = (23, 59);

/// The account a new record belongs to, and optionally the person it is about.
#[derive(Debug, Args)]
pub struct Owner {
    /// The account's name (or the start of it) or id.
    account: String,
    /// The person it concerns (name or id).
    #[arg(long = "contact", value_name = "CONTACT")]
    contact: Option<String>,
}

impl Owner {
    fn resolve(&self, ctx: &Ctx<'_>) -> Result<(String, Option<String>)> {
        let account = ctx.rapport.find_account(&self.account)?.id;
        let contact = match &self.contact {
            Some(who) => Some(ctx.rapport.find_contact(&account, who)?.id),
            None => None,
        };
        Ok((account, contact))
    }
}

#[derive(Debug, Subcommand)]
pub enum CultureCommand {
    /// Add a culture note to an account (or about one person with --contact).
    Add {
        #[command(flatten)]
        owner: Owner,
        /// communication, decision_making, etiquette, dress, travel_expense, calendar, language or other.
        #[arg(long)]
        category: Option<String>,
        text: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum GoalCommand {
    /// Add a goal: company (theirs), personal (one person's, with --contact), ours, or our_company.
    Add {
        #[command(flatten)]
        owner: Owner,
        title: String,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        detail: Option<String>,
        /// open, on_track, at_risk, achieved or dropped.
        #[arg(long)]
        status: Option<String>,
        /// The day it should be reached: YYYY-MM-DD or in words ("end of quarter").
        #[arg(long)]
        target: Option<String>,
        /// We inferred it; they did not say it.
        #[arg(long)]
        inferred: bool,
    },
    /// Note progress on a goal, optionally changing its status.
    Progress {
        /// The goal's id.
        goal: String,
        text: String,
        #[arg(long)]
        status: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum PromiseCommand {
    /// Record a promise: ours (we owe it, the default) or theirs (--theirs).
    Add {
        #[command(flatten)]
        owner: Owner,
        text: String,
        /// When it is due: a day in words ("Friday", "in 2 days", "end of month"; the end of
        /// that day on your clock) or a moment in RFC 3339.
        #[arg(long)]
        due: String,
        /// When it was made (RFC 3339); now when absent.
        #[arg(long, value_name = "RFC3339")]
        made: Option<String>,
        /// They owe it to us.
        #[arg(long)]
        theirs: bool,
    },
    /// The promise was kept (now, or --when); say what extra was delivered with --extra.
    Keep {
        promise: String,
        #[arg(long, value_name = "RFC3339")]
        when: Option<String>,
        #[arg(long)]
        extra: Option<String>,
    },
    /// The promise was broken.
    Break { promise: String },
    /// The promise was renegotiated to a new due date (a day in words or RFC 3339).
    Renegotiate {
        promise: String,
        #[arg(long, value_name = "DAY")]
        due: String,
    },
    /// The promise is open again.
    Reopen { promise: String },
}

#[derive(Debug, Args)]
pub struct StepArgs {
    /// The record's id.
    id: String,
    /// When it happened (RFC 3339); now when absent.
    #[arg(long, value_name = "RFC3339")]
    when: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum RequestCommand {
    /// Record a request received (now, or --received).
    Add {
        #[command(flatten)]
        owner: Owner,
        text: String,
        #[arg(long, value_name = "RFC3339")]
        received: Option<String>,
    },
    /// We acknowledged it.
    Ack(StepArgs),
    /// We answered it.
    Answer(StepArgs),
    /// It is resolved.
    Resolve(StepArgs),
}

#[derive(Debug, Subcommand)]
pub enum IssueCommand {
    /// Open an issue: something went wrong.
    Open {
        /// The account's name (or the start of it) or id.
        account: String,
        title: String,
        /// low, medium, high or critical.
        #[arg(long)]
        severity: Option<String>,
        #[arg(long)]
        notes: Option<String>,
        #[arg(long, value_name = "RFC3339")]
        opened: Option<String>,
    },
    /// We acknowledged it to the client.
    Ack(StepArgs),
    /// It is fixed.
    Resolve(StepArgs),
    /// We checked back after the fix.
    FollowUp(StepArgs),
}

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Schedule a meeting.
    Add {
        /// The account's name (or the start of it) or id.
        account: String,
        title: String,
        /// Start (RFC 3339).
        #[arg(long)]
        start: String,
        /// End (RFC 3339); one hour after the start when absent.
        #[arg(long)]
        end: Option<String>,
        #[arg(long)]
        location: Option<String>,
        /// An attendee (name or id); repeat for several.
        #[arg(long = "with", value_name = "CONTACT")]
        with: Vec<String>,
        #[arg(long)]
        agenda: Option<String>,
    },
}

pub fn culture(ctx: &mut Ctx<'_>, command: CultureCommand) -> Result<()> {
    let CultureCommand::Add { owner, category, text } = command;
    let (account_id, contact_id) = owner.resolve(ctx)?;
    let category =
        word::<CultureCategory>("category", "category", category.as_deref(), CultureCategory::choices())?;
    let note =
        ctx.rapport.add_culture_note(CultureNoteDraft { account_id, contact_id, category, text }, ctx.now)?;
    ctx.out.record(&note, format!("Added a {} note, id {}.", note.category, note.id))
}

pub fn goal(ctx: &mut Ctx<'_>, command: GoalCommand) -> Result<()> {
    match command {
        GoalCommand::Add { owner, title, kind, detail, status, target, inferred } => {
            let (account_id, contact_id) = owner.resolve(ctx)?;
            let draft = GoalDraft {
                account_id,
                kind: word::<GoalKind>("kind", "kind of goal", kind.as_deref(), GoalKind::choices())?,
                contact_id,
                title,
                detail,
                status: word::<GoalStatus>(
                    "status",
                    "goal status",
                    status.as_deref(),
                    GoalStatus::choices(),
                )?,
                target_date: super::day_in_words("target_date", target, ctx.now)?,
                stated: Some(!inferred),
            };
            let goal = ctx.rapport.add_goal(draft, ctx.now)?;
            ctx.out.record(&goal, format!("Added the goal \"{}\", id {}.", goal.title, goal.id))
        }
        GoalCommand::Progress { goal, text, status } => {
            let status =
                word::<GoalStatus>("status", "goal status", status.as_deref(), GoalStatus::choices())?;
            let goal = ctx.rapport.add_goal_progress(&goal, &text, status, None, ctx.now)?;
            ctx.out.record(&goal, format!("Noted progress on \"{}\" ({}).", goal.title, goal.status))
        }
    }
}

pub fn promise(ctx: &mut Ctx<'_>, command: PromiseCommand) -> Result<()> {
    let now = ctx.now;
    let (id, outcome) = match command {
        PromiseCommand::Add { owner, text, due, made, theirs } => {
            let (account_id, contact_id) = owner.resolve(ctx)?;
            let direction = Some(if theirs { Direction::Theirs } else { Direction::Ours });
            let draft = PromiseDraft {
                account_id,
                direction,
                contact_id,
                text,
                due_at: super::moment_or_day("due", &due, now, END_OF_DAY)?,
                made_at: made,
                ..Default::default()
            };
            let p = ctx.rapport.add_promise(draft, now)?;
            return ctx.out.record(
                &p,
                format!("Recorded the promise, due {}, id {}.", p.due_at.format("%Y-%m-%d %H:%M UTC"), p.id),
            );
        }
        PromiseCommand::Keep { promise, when, extra } => (
            promise,
            PromiseOutcome { status: PromiseStatus::Kept, completed_at: when, new_due_at: None, extra },
        ),
        PromiseCommand::Break { promise } => (
            promise,
            PromiseOutcome {
                status: PromiseStatus::Broken,
                completed_at: None,
                new_due_at: None,
                extra: None,
            },
        ),
        PromiseCommand::Renegotiate { promise, due } => (
            promise,
            PromiseOutcome {
                status: PromiseStatus::Renegotiated,
                completed_at: None,
                new_due_at: Some(super::moment_or_day("due", &due, now, END_OF_DAY)?),
                extra: None,
            },
        ),
        PromiseCommand::Reopen { promise } => (
            promise,
            PromiseOutcome { status: PromiseStatus::Open, completed_at: None, new_due_at: None, extra: None },
        ),
    };
    let p = ctx.rapport.settle_promise(&id, outcome, now)?;
    let late = if p.kept_late() { " (late)" } else { "" };
    ctx.out.record(&p, format!("The promise is now {}{late}.", p.status))
}

pub fn request(ctx: &mut Ctx<'_>, command: RequestCommand) -> Result<()> {
    let (step, args) = match command {
        RequestCommand::Add { owner, text, received } => {
            let (account_id, contact_id) = owner.resolve(ctx)?;
            let r = ctx
                .rapport
                .add_request(RequestDraft { account_id, contact_id, received_at: received, text }, ctx.now)?;
            return ctx
                .out
                .record(&r, format!("Recorded the request, id {}. Acknowledge it within the hour.", r.id));
        }
        RequestCommand::Ack(a) => (RequestStep::Acknowledged, a),
        RequestCommand::Answer(a) => (RequestStep::Answered, a),
        RequestCommand::Resolve(a) => (RequestStep::Resolved, a),
    };
    let r = ctx.rapport.mark_request(&args.id, step, args.when.as_deref(), ctx.now)?;
    ctx.out.record(&r, "Recorded.".to_string())
}

pub fn issue(ctx: &mut Ctx<'_>, command: IssueCommand) -> Result<()> {
    let (step, args) = match command {
        IssueCommand::Open { account, title, severity, notes, opened } => {
            let account_id = ctx.rapport.find_account(&account)?.id;
            let severity =
                word::<Severity>("severity", "severity", severity.as_deref(), Severity::choices())?;
            let i = ctx
                .rapport
                .open_issue(IssueDraft { account_id, title, severity, opened_at: opened, notes }, ctx.now)?;
            return ctx
                .out
                .record(&i, format!("Opened the issue, id {}. Acknowledge it to the client soon.", i.id));
        }
        IssueCommand::Ack(a) => (IssueStep::Acknowledged, a),
        IssueCommand::Resolve(a) => (IssueStep::Resolved, a),
        IssueCommand::FollowUp(a) => (IssueStep::FollowedUp, a),
    };
    let i = ctx.rapport.mark_issue(&args.id, step, args.when.as_deref(), ctx.now)?;
    ctx.out.record(&i, "Recorded.".to_string())
}

pub fn meeting(ctx: &mut Ctx<'_>, command: MeetingCommand) -> Result<()> {
    let MeetingCommand::Add { account, title, start, end, location, with, agenda } = command;
    let account_id = ctx.rapport.find_account(&account)?.id;
    let attendee_ids = with
        .iter()
        .map(|who| ctx.rapport.find_contact(&account_id, who).map(|c| c.id))
        .collect::<Result<Vec<_>>>()?;
    let draft = MeetingDraft {
        account_id,
        starts_at: start,
        ends_at: end,
        title,
        location,
        attendee_ids,
        agenda,
        guests: None,
    };
    let m = ctx.rapport.add_meeting(draft, ctx.now)?;
    ctx.out.record(
        &m,
        format!("Scheduled \"{}\" for {}, id {}.", m.title, m.starts_at.format("%Y-%m-%d %H:%M UTC"), m.id),
    )
}
