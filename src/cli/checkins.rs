//! `rapport today` and `rapport checkin …`: the ranked check-ins, and what to do with them.

use chrono::{Local, Utc};
use chrono_tz::Tz;
use clap::Subcommand;

use super::Ctx;
use crate::domain::{InteractionDraft, validate};
use crate::engine::checkins::{Suggestion, Urgency};
use crate::error::{Error, Result};
use crate::service::{CaptureDraft, PutAside, Settlement};
use crate::store::SuggestionAction;

#[derive(Debug, Subcommand)]
pub enum CheckinCommand {
    /// Log the touch that answers a check-in, and mark it done.
    Done {
        /// Its number in `rapport today`, or its key.
        which: String,
        /// What you talked about.
        summary: String,
        /// email, call, video, meeting, visit, chat, message or other (default call).
        #[arg(long)]
        channel: Option<String>,
        /// Also make every change the check-in waits on: answer or acknowledge the request, keep
        /// the promise, acknowledge the issue. Without it, those reasons stay on Today.
        #[arg(long)]
        settle: bool,
    },
    /// Put a check-in aside until a day in words ("Monday", "in 2 weeks"; 09:00 that day on your
    /// clock) or a moment in RFC 3339.
    Snooze {
        which: String,
        #[arg(long, value_name = "WHEN")]
        until: String,
    },
    /// Put a check-in aside until there is new evidence.
    Dismiss { which: String },
    /// The check-ins snoozed or dismissed, newest first.
    Aside,
    /// Bring a snoozed or dismissed check-in back to Today: its number in `rapport checkin aside`,
    /// or its key.
    Back { which: String },
}

fn pick(list: &[Suggestion], which: &str) -> Result<Suggestion> {
    let by_number = which.parse::<usize>().ok().and_then(|n| n.checked_sub(1)).and_then(|i| list.get(i));
    by_number.or_else(|| list.iter().find(|s| s.key == which)).cloned().ok_or_else(|| {
        Error::not_found(format!(
            "There is no check-in \"{which}\" today. Run `rapport today` to see the list and its numbers."
        ))
    })
}

#[derive(Debug, clap::Args)]
pub struct TodayArgs {
    /// How many check-ins to show today (default: your daily budget in Settings). Anything owed
    /// to a client today is shown whatever the number.
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    /// With --json: the day's list as the app shows it (the budget, the check-ins, which are
    /// beyond the budget, how many wait under More) rather than every check-in.
    #[arg(long)]
    pub page: bool,
}

/// The whole list goes to scripts (`--json`), most urgent first; the terminal shows the day's
/// check-ins, each numbered by its place in that list, and counts the rest.
pub fn today(ctx: &mut Ctx<'_>, args: TodayArgs) -> Result<()> {
    if ctx.out.json && args.page {
        return ctx.out.record(&ctx.rapport.today_page(ctx.now, args.limit, 0)?, String::new());
    }
    let list = ctx.rapport.today(ctx.now)?;
    if ctx.out.json {
        return ctx.out.record(&list, String::new());
    }
    if list.is_empty() {
        println!("Nothing needs you today: every promise, request and relationship is on track.");
        return Ok(());
    }
    let page = ctx.rapport.today_page(ctx.now, args.limit, 0)?;
    let place = |key: &str| list.iter().position(|s| s.key == key).map_or(0, |i| i + 1);
    let mut group = None;
    for s in &page.suggestions {
        if group != Some(s.urgency) {
            group = Some(s.urgency);
            println!(
                "\n{}",
                match s.urgency {
                    Urgency::Now => "NOW",
                    Urgency::Today => "TODAY",
                    Urgency::ThisWeek => "THIS WEEK",
                    Urgency::Later => "LATER",
                }
            );
        }
        let n = place(&s.key);
        let over =
            if page.over_budget.contains(&s.key) { "  [beyond today's budget: owed today]" } else { "" };
        let who = s.contact.as_deref().map(|c| format!(" — {c}")).unwrap_or_default();
        println!("{n:>3}. {}{who}{over}", s.account);
        for r in &s.reasons {
            println!("     · {}", r.text);
        }
        let tz: Tz = s.timezone.parse().unwrap_or(Tz::UTC);
        println!(
            "     When: {} their time ({}), {} yours.",
            s.suggested_at.with_timezone(&tz).format("%a %-d %b %H:%M"),
            s.timezone,
            s.suggested_at.with_timezone(&Local).format("%a %-d %b %H:%M")
        );
        for t in &s.talking_points {
            println!("     » {t}");
        }
        println!("     {}", s.priority_reason);
    }
    let budget = page.budget;
    if !page.over_budget.is_empty() {
        println!(
            "\n{} of these are beyond your budget of {budget} a day: each is owed to a client today.",
            page.over_budget.len()
        );
    }
    match page.more_count {
        0 => {}
        1 => println!("\nMORE: one more check-in waits (`rapport today --limit {}` shows it).", budget + 1),
        n => println!(
            "\nMORE: {n} more check-ins wait (`rapport today --limit {}` shows them all).",
            page.suggestions.len() as u32 + n
        ),
    }
    Ok(())
}

pub fn checkin(ctx: &mut Ctx<'_>, command: CheckinCommand) -> Result<()> {
    match &command {
        CheckinCommand::Aside => return aside(ctx),
        CheckinCommand::Back { which } => return back(ctx, which),
        _ => {}
    }
    let list = ctx.rapport.today(ctx.now)?;
    match command {
        CheckinCommand::Done { which, summary, channel, settle } => {
            let s = pick(&list, &which)?;
            let draft = CaptureDraft {
                interaction: InteractionDraft {
                    account_id: s.account_id.clone(),
                    channel: super::word(
                        "channel",
                        "channel",
                        channel.as_deref(),
                        crate::domain::Channel::choices(),
                    )?
                    .or(Some(crate::domain::Channel::Call)),
                    contact_ids: s.contact_id.iter().cloned().collect(),
                    summary,
                    ..Default::default()
                },
                ..Default::default()
            };
            let changes: Vec<Settlement> = if settle {
                s.reasons
                    .iter()
                    .filter_map(|r| {
                        Some(Settlement { settle: r.settles?, record_id: r.evidence.as_ref()?.id.clone() })
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let done = ctx.rapport.complete_checkin(&s.key, draft, &changes, ctx.now)?;
            let made = match changes.len() {
                0 => String::new(),
                1 => ", made the one change it waited on,".into(),
                n => format!(", made the {n} changes it waited on,"),
            };
            ctx.out.record(
                &done,
                format!("Logged the touch with {}{made} and marked the check-in done.", s.account),
            )
        }
        CheckinCommand::Snooze { which, until } => {
            let s = pick(&list, &which)?;
            let until = super::moment_or_day("until", &until, ctx.now, (9, 0))?;
            ctx.rapport.snooze(&s.key, &s.fingerprint, &until, ctx.now)?;
            let until = validate::instant("until", &until)?.with_timezone(&Utc);
            ctx.out.record(&s, format!("Snoozed {} until {}.", s.account, until.format("%Y-%m-%d %H:%M UTC")))
        }
        CheckinCommand::Dismiss { which } => {
            let s = pick(&list, &which)?;
            ctx.rapport.dismiss(&s.key, &s.fingerprint, ctx.now)?;
            ctx.out.record(&s, format!("Dismissed {} until there is something new.", s.account))
        }
        CheckinCommand::Aside | CheckinCommand::Back { .. } => Ok(()),
    }
}

/// "Kestrel Logistik GmbH — Annika Vogt".
fn named(p: &PutAside) -> String {
    p.contact.as_deref().map_or_else(|| p.account.clone(), |c| format!("{} — {c}", p.account))
}

fn aside(ctx: &mut Ctx<'_>) -> Result<()> {
    let list = ctx.rapport.put_aside(ctx.now)?;
    if ctx.out.json {
        return ctx.out.record(&list, String::new());
    }
    if list.is_empty() {
        println!("Nothing is snoozed or dismissed.");
    }
    for (n, p) in list.iter().enumerate() {
        let how = match (p.action, p.until) {
            (SuggestionAction::Snoozed, Some(until)) => {
                format!("snoozed until {}", until.format("%Y-%m-%d %H:%M UTC"))
            }
            _ => format!("dismissed {}", p.at.format("%Y-%m-%d")),
        };
        println!("{:>3}. {}  ({how})", n + 1, named(p));
    }
    Ok(())
}

fn back(ctx: &mut Ctx<'_>, which: &str) -> Result<()> {
    let list = ctx.rapport.put_aside(ctx.now)?;
    let by_number = which.parse::<usize>().ok().and_then(|n| n.checked_sub(1)).and_then(|i| list.get(i));
    let Some(p) = by_number.or_else(|| list.iter().find(|p| p.key == which)).cloned() else {
        return Err(Error::not_found(format!(
            "Nothing put aside is \"{which}\". Run `rapport checkin aside` to see the list and its numbers."
        )));
    };
    ctx.rapport.bring_back(&p.key, ctx.now)?;
    ctx.out.record(&p, format!("{} is back on Today.", named(&p)))
}
