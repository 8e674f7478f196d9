//! `rapport account …`, `rapport contact …` and `rapport log`.

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};

use super::{Ctx, word};
use crate::domain::RecordKind;
use crate::domain::{
    AccountDraft, AccountStatus, BuyingRole, Channel, ContactDraft, DateKind, ImportantDate, Influence,
    Initiator, InteractionDraft, Level, Serves, Stance, Tier, Weekday, WorkingHours, validate,
};
use crate::error::Result;

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Add a client account.
    Add(Box<AccountArgs>),
    /// List every account with its last touch.
    List,
    /// Show an account: its people, promises, requests, issues and recent history.
    Show {
        /// The account's name (or the start of it) or id.
        account: String,
    },
    /// Change an account; only the options given change.
    Edit {
        /// The account's name (or the start of it) or id.
        account: String,
        #[command(flatten)]
        args: Box<AccountArgs>,
    },
    /// Move an account to the archive (`rapport archive restore` brings it back).
    Archive { account: String },
}

#[derive(Debug, Args)]
pub struct AccountArgs {
    /// The client's name (required to add; with edit, a new name).
    #[arg(long = "name", required = false)]
    name_flag: Option<String>,
    /// The client's name.
    #[arg(required = false)]
    name: Option<String>,
    /// strategic, core or standard (default standard).
    #[arg(long)]
    tier: Option<String>,
    /// active, prospect, paused or former (default active).
    #[arg(long)]
    status: Option<String>,
    #[arg(long)]
    industry: Option<String>,
    /// IANA time zone, e.g. Europe/Berlin (default UTC).
    #[arg(long)]
    timezone: Option<String>,
    /// Renewal date: YYYY-MM-DD or in words ("end of next quarter").
    #[arg(long)]
    renewal: Option<String>,
    /// Days between touches (default from the tier).
    #[arg(long)]
    cadence: Option<i32>,
    #[arg(long)]
    notes: Option<String>,
    /// Working days, e.g. mon,tue,wed,thu,fri or sun,mon,tue,wed,thu.
    #[arg(long, value_delimiter = ',')]
    working_days: Option<Vec<String>>,
    /// Working hours in the client's zone, e.g. 08:30-17:00.
    #[arg(long, value_name = "HH:MM-HH:MM")]
    hours: Option<String>,
    /// A public holiday, YYYY-MM-DD; repeat for several.
    #[arg(long = "holiday")]
    holidays: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    /// Add a person to an account.
    Add(Box<ContactAddArgs>),
    /// List the people at an account.
    List {
        /// The account's name (or the start of it) or id.
        account: String,
    },
    /// Change a person; only the options given change.
    Edit(Box<ContactEditArgs>),
    /// Move a person to the archive.
    Archive {
        account: String,
        /// The person's name (or the start of it) or id.
        contact: String,
    },
}

#[derive(Debug, Args)]
pub struct ContactFields {
    #[arg(long)]
    title: Option<String>,
    /// executive, manager or staff (default staff).
    #[arg(long)]
    level: Option<String>,
    /// The colleague this person reports to (name or id).
    #[arg(long, value_name = "CONTACT")]
    reports_to: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    /// email, call, video, meeting, visit, chat, message or other.
    #[arg(long)]
    preferred_channel: Option<String>,
    /// Only when it differs from the account's.
    #[arg(long)]
    timezone: Option<String>,
    /// Days between touches for this person, when they want their own rhythm.
    #[arg(long)]
    cadence: Option<i32>,
    /// Birthday, YYYY-MM-DD or --MM-DD when the year is unknown.
    #[arg(long, allow_hyphen_values = true)]
    birthday: Option<String>,
    /// Work anniversary, YYYY-MM-DD.
    #[arg(long, allow_hyphen_values = true)]
    anniversary: Option<String>,
    #[arg(long)]
    notes: Option<String>,
    /// A part they play in the client's decisions: economic_buyer, decision_maker, champion,
    /// influencer, user, blocker or gatekeeper. Repeat for several; the roles given replace
    /// theirs, and `none` clears them.
    #[arg(long = "role", value_name = "ROLE")]
    roles: Vec<String>,
    /// How much their word weighs: high, medium or low (`none` to clear).
    #[arg(long)]
    influence: Option<String>,
    /// Their stance toward us: supportive, neutral or resistant; `evidence` to follow what the
    /// evidence says again.
    #[arg(long)]
    stance: Option<String>,
    /// The colleague who introduced them to us (name or id; `none` to clear).
    #[arg(long, value_name = "CONTACT")]
    introduced_by: Option<String>,
}

#[derive(Debug, Args)]
pub struct ContactAddArgs {
    /// The account's name (or the start of it) or id.
    account: String,
    /// The person's name.
    name: String,
    #[command(flatten)]
    fields: ContactFields,
}

#[derive(Debug, Args)]
pub struct ContactEditArgs {
    account: String,
    /// The person's name (or the start of it) or id.
    contact: String,
    /// A new name.
    #[arg(long)]
    name: Option<String>,
    #[command(flatten)]
    fields: ContactFields,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// The account's name (or the start of it) or id.
    account: String,
    /// What it was about, in a sentence.
    summary: String,
    /// email, call, video, meeting, visit, chat, message or other (default email).
    #[arg(long)]
    channel: Option<String>,
    /// Who started it: us or them (default us).
    #[arg(long, value_name = "us|them")]
    by: Option<String>,
    /// A person who took part (name or id); repeat for several.
    #[arg(long = "with", value_name = "CONTACT")]
    with: Vec<String>,
    /// From -2 (very negative) to 2 (very positive).
    #[arg(long, allow_negative_numbers = true)]
    sentiment: Option<i32>,
    /// It was about their goals, not a task.
    #[arg(long)]
    strategic: bool,
    /// Whose goal it served: theirs or ours (a sale, a renewal, a reference).
    #[arg(long, value_name = "theirs|ours")]
    serves: Option<String>,
    /// Never put it in a document made for the client.
    #[arg(long)]
    private: bool,
}

fn apply_account(mut draft: AccountDraft, args: AccountArgs, now: DateTime<Utc>) -> Result<AccountDraft> {
    if let Some(name) = args.name.or(args.name_flag) {
        draft.name = name;
    }
    if let Some(tier) = word::<Tier>("tier", "tier", args.tier.as_deref(), Tier::choices())? {
        draft.tier = Some(tier);
    }
    if let Some(status) =
        word::<AccountStatus>("status", "status", args.status.as_deref(), AccountStatus::choices())?
    {
        draft.status = Some(status);
    }
    draft.industry = args.industry.or(draft.industry);
    draft.timezone = args.timezone.or(draft.timezone);
    draft.renewal_date = super::day_in_words("renewal_date", args.renewal, now)?.or(draft.renewal_date);
    draft.cadence_days = args.cadence.or(draft.cadence_days);
    draft.notes = args.notes.or(draft.notes);
    if let Some(days) = args.working_days {
        let days = days
            .iter()
            .map(|d| super::validate::word::<Weekday>("working_days", "day", d, Weekday::choices()))
            .collect::<Result<Vec<_>>>()?;
        draft.working_days = Some(days);
    }
    if let Some(hours) = args.hours {
        let (start, end) = hours.split_once('-').unwrap_or((hours.as_str(), ""));
        draft.working_hours = Some(WorkingHours { start: start.trim().into(), end: end.trim().into() });
    }
    if !args.holidays.is_empty() {
        let mut holidays = draft.holidays.unwrap_or_default();
        holidays.extend(args.holidays);
        draft.holidays = Some(holidays);
    }
    Ok(draft)
}

fn apply_contact(
    ctx: &Ctx<'_>,
    account_id: &str,
    mut draft: ContactDraft,
    f: ContactFields,
) -> Result<ContactDraft> {
    draft.title = f.title.or(draft.title);
    if let Some(level) = word::<Level>("level", "level", f.level.as_deref(), Level::choices())? {
        draft.level = Some(level);
    }
    if let Some(who) = &f.reports_to {
        draft.reports_to = Some(ctx.rapport.find_contact(account_id, who)?.id);
    }
    draft.email = f.email.or(draft.email);
    draft.phone = f.phone.or(draft.phone);
    if let Some(c) =
        word::<Channel>("preferred_channel", "channel", f.preferred_channel.as_deref(), Channel::choices())?
    {
        draft.preferred_channel = Some(c);
    }
    draft.timezone = f.timezone.or(draft.timezone);
    draft.cadence_days = f.cadence.or(draft.cadence_days);
    draft.notes = f.notes.or(draft.notes);
    if !f.roles.is_empty() {
        draft.roles = f
            .roles
            .iter()
            .filter(|r| !r.trim().eq_ignore_ascii_case("none"))
            .map(|r| validate::word::<BuyingRole>("roles", "buying role", r, BuyingRole::choices()))
            .collect::<Result<_>>()?;
    }
    match f.influence.as_deref().map(str::trim) {
        Some(w) if w.eq_ignore_ascii_case("none") => draft.influence = None,
        Some(w) => draft.influence = Some(validate::word("influence", "influence", w, Influence::choices())?),
        None => {}
    }
    match f.stance.as_deref().map(str::trim) {
        Some(w) if w.eq_ignore_ascii_case("evidence") => draft.stance = None,
        Some(w) => {
            let choices = format!("{}, or evidence to follow the evidence", Stance::choices());
            draft.stance = Some(validate::word("stance", "stance", w, choices)?)
        }
        None => {}
    }
    match f.introduced_by.as_deref().map(str::trim) {
        Some(w) if w.eq_ignore_ascii_case("none") => draft.introduced_by = None,
        Some(who) => draft.introduced_by = Some(ctx.rapport.find_contact(account_id, who)?.id),
        None => {}
    }
    for (kind, date) in [(DateKind::Birthday, f.birthday), (DateKind::WorkAnniversary, f.anniversary)] {
        if let Some(date) = date {
            draft.dates.retain(|d| d.kind != kind);
            draft.dates.push(ImportantDate { kind, date, label: None });
        }
    }
    Ok(draft)
}

pub fn account(ctx: &mut Ctx<'_>, command: AccountCommand) -> Result<()> {
    let now = ctx.now;
    match command {
        AccountCommand::Add(args) => {
            let draft = apply_account(AccountDraft::default(), *args, now)?;
            ctx.out.account_added(&ctx.rapport.add_account(draft, now)?)
        }
        AccountCommand::List => ctx.out.accounts(&ctx.rapport.account_rows(now)?),
        AccountCommand::Show { account } => {
            let id = ctx.rapport.find_account(&account)?.id;
            ctx.out.account_page(&ctx.rapport.account_page(&id, now)?)
        }
        AccountCommand::Edit { account, args } => {
            let existing = ctx.rapport.find_account(&account)?;
            let draft = apply_account(AccountDraft::from(&existing), *args, now)?;
            let updated = ctx.rapport.update_account(&existing.id, draft, now)?;
            ctx.out.record(&updated, format!("Updated {}.", updated.name))
        }
        AccountCommand::Archive { account } => {
            let existing = ctx.rapport.find_account(&account)?;
            let archived = ctx.rapport.archive(RecordKind::Account, &existing.id, now)?;
            ctx.out.record(
                &archived,
                format!(
                    "Archived {}. Undo with `rapport archive restore account {}`.",
                    archived.label, archived.id
                ),
            )
        }
    }
}

pub fn contact(ctx: &mut Ctx<'_>, command: ContactCommand) -> Result<()> {
    let now = ctx.now;
    match command {
        ContactCommand::Add(args) => {
            let account = ctx.rapport.find_account(&args.account)?;
            let draft =
                ContactDraft { account_id: account.id.clone(), name: args.name, ..Default::default() };
            let draft = apply_contact(ctx, &account.id, draft, args.fields)?;
            ctx.out.contact_added(&ctx.rapport.add_contact(draft, now)?, &account.name)
        }
        ContactCommand::List { account } => {
            let account = ctx.rapport.find_account(&account)?;
            ctx.out.contacts(&ctx.rapport.contacts(&account.id)?)
        }
        ContactCommand::Edit(args) => {
            let args = *args;
            let account = ctx.rapport.find_account(&args.account)?;
            let existing = ctx.rapport.find_contact(&account.id, &args.contact)?;
            let mut draft = ContactDraft::from(&existing);
            if let Some(name) = args.name {
                draft.name = name;
            }
            let draft = apply_contact(ctx, &account.id, draft, args.fields)?;
            let updated = ctx.rapport.update_contact(&existing.id, draft, now)?;
            ctx.out.record(&updated, format!("Updated {}.", updated.name))
        }
        ContactCommand::Archive { account, contact } => {
            let account = ctx.rapport.find_account(&account)?;
            let existing = ctx.rapport.find_contact(&account.id, &contact)?;
            let archived = ctx.rapport.archive(RecordKind::Contact, &existing.id, now)?;
            ctx.out.record(
                &archived,
                format!(
                    "Archived {}. Undo with `rapport archive restore contact {}`.",
                    archived.label, archived.id
                ),
            )
        }
    }
}

pub fn log(ctx: &mut Ctx<'_>, args: LogArgs) -> Result<()> {
    let account = ctx.rapport.find_account(&args.account)?;
    let contact_ids = args
        .with
        .iter()
        .map(|who| ctx.rapport.find_contact(&account.id, who).map(|c| c.id))
        .collect::<Result<Vec<_>>>()?;
    let draft = InteractionDraft {
        account_id: account.id.clone(),
        occurred_at: None,
        channel: word::<Channel>("channel", "channel", args.channel.as_deref(), Channel::choices())?,
        initiated_by: word::<Initiator>("by", "side", args.by.as_deref(), Initiator::choices())?,
        contact_ids,
        summary: args.summary,
        sentiment: args.sentiment,
        strategic: args.strategic,
        serves: word::<Serves>("serves", "side", args.serves.as_deref(), Serves::choices())?,
        private: args.private,
    };
    ctx.out.logged(&ctx.rapport.log_interaction(draft, ctx.now)?, &account.name)
}
