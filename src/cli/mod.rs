//! `rapport`, the command line over the core: every command is one call into
//! [`crate::service::Rapport`], printed for a person or, with `--json`, for a script.
//!
//! Errors end the process with status 1 and one sentence on stderr (or a `{code, message,
//! field}` object with `--json`); nothing is written when a command fails.

mod print;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand};

use crate::demo::DEFAULT_SEED;
use crate::domain::{
    AccountDraft, AccountStatus, Channel, ContactDraft, Initiator, InteractionDraft, Level, Tier, validate,
};
use crate::error::{Error, Result, UserError};
use crate::service::Rapport;

#[derive(Debug, Parser)]
#[command(name = "rapport", version, about = "Rapport keeps a living profile of every client relationship.")]
pub struct Cli {
    /// The database file. Defaults to rapport.db in your data folder.
    #[arg(long, global = true, env = "RAPPORT_DB", value_name = "PATH")]
    db: Option<PathBuf>,

    /// Print data as JSON, for scripts.
    #[arg(long, global = true)]
    json: bool,

    /// Act as if it were this moment (RFC 3339), e.g. 2026-11-23T09:00:00+01:00.
    #[arg(long, global = true, value_name = "RFC3339")]
    at: Option<String>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Fill an empty database with the demo portfolio, dated relative to now.
    Demo {
        /// The same seed always gives the same portfolio.
        #[arg(long, default_value_t = DEFAULT_SEED)]
        seed: u64,
    },
    /// Add, list and show client accounts.
    #[command(subcommand)]
    Account(AccountCommand),
    /// Add and list the people at an account.
    #[command(subcommand)]
    Contact(ContactCommand),
    /// Record an interaction with an account.
    Log(LogArgs),
}

#[derive(Debug, Subcommand)]
enum AccountCommand {
    /// Add a client account.
    Add(Box<AccountAddArgs>),
    /// List every account with its last touch.
    List,
    /// Show an account: its people and its recent history.
    Show {
        /// The account's name (or the start of it) or id.
        account: String,
    },
}

#[derive(Debug, Args)]
struct AccountAddArgs {
    /// The client's name.
    name: String,
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
    /// Renewal date, YYYY-MM-DD.
    #[arg(long)]
    renewal: Option<String>,
    /// Days between touches (default from the tier).
    #[arg(long)]
    cadence: Option<i32>,
    #[arg(long)]
    notes: Option<String>,
}

#[derive(Debug, Subcommand)]
enum ContactCommand {
    /// Add a person to an account.
    Add(Box<ContactAddArgs>),
    /// List the people at an account.
    List {
        /// The account's name (or the start of it) or id.
        account: String,
    },
}

#[derive(Debug, Args)]
struct ContactAddArgs {
    /// The account's name (or the start of it) or id.
    account: String,
    /// The person's name.
    name: String,
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
}

#[derive(Debug, Args)]
struct LogArgs {
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
}

impl Command {
    /// Commands that only read never create a database where there was none.
    fn writes(&self) -> bool {
        !matches!(
            self,
            Command::Account(AccountCommand::List | AccountCommand::Show { .. })
                | Command::Contact(ContactCommand::List { .. })
        )
    }
}

/// The database used when neither `--db` nor `RAPPORT_DB` says otherwise.
pub fn default_db_path() -> PathBuf {
    directories::ProjectDirs::from("", "", "Rapport")
        .map(|dirs| dirs.data_dir().join("rapport.db"))
        .unwrap_or_else(|| PathBuf::from("rapport.db"))
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let json = cli.json;
    match execute(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if json {
                let payload = UserError::from(err);
                eprintln!("{}", serde_json::to_string(&payload).unwrap_or_else(|_| payload.message.clone()));
            } else {
                eprintln!("rapport: {err}");
            }
            ExitCode::FAILURE
        }
    }
}

fn execute(cli: Cli) -> Result<()> {
    let now = match &cli.at {
        Some(at) => validate::instant("at", at)?,
        None => Utc::now(),
    };
    let db = cli.db.clone().unwrap_or_else(default_db_path);
    if !cli.command.writes() && !db.exists() {
        return Err(Error::not_found(format!(
            "There is no Rapport database at {} yet. Run `rapport demo` to try Rapport with sample clients, or `rapport account add` to start your own.",
            db.display()
        )));
    }
    let created = !db.exists();
    let result = Rapport::open(&db, now).and_then(|mut rapport| {
        let out = print::Out { json: cli.json, now };
        dispatch(&mut rapport, cli.command, &out, &db, now)
    });
    if result.is_err() && created {
        // The command failed on a database it had just created: leave no empty file behind.
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
    }
    result
}

fn dispatch(
    rapport: &mut Rapport,
    command: Command,
    out: &print::Out,
    db: &Path,
    now: DateTime<Utc>,
) -> Result<()> {
    match command {
        Command::Demo { seed } => {
            let report = rapport.fill_demo(seed, now)?;
            out.demo(&report, db)
        }
        Command::Account(AccountCommand::Add(args)) => {
            let draft = AccountDraft {
                name: args.name,
                tier: parse_word::<Tier>("tier", "tier", args.tier, Tier::choices())?,
                status: parse_word::<AccountStatus>(
                    "status",
                    "status",
                    args.status,
                    AccountStatus::choices(),
                )?,
                industry: args.industry,
                timezone: args.timezone,
                renewal_date: args.renewal,
                cadence_days: args.cadence,
                notes: args.notes,
                ..Default::default()
            };
            out.account_added(&rapport.add_account(draft, now)?)
        }
        Command::Account(AccountCommand::List) => out.accounts(&rapport.accounts(now)?),
        Command::Account(AccountCommand::Show { account }) => {
            let id = rapport.find_account(&account)?.id;
            out.account_page(&rapport.account_page(&id, now)?)
        }
        Command::Contact(ContactCommand::Add(args)) => {
            let account = rapport.find_account(&args.account)?;
            let reports_to = match &args.reports_to {
                Some(who) => Some(rapport.find_contact(&account.id, who)?.id),
                None => None,
            };
            let draft = ContactDraft {
                account_id: account.id.clone(),
                name: args.name,
                title: args.title,
                level: parse_word::<Level>("level", "level", args.level, Level::choices())?,
                reports_to,
                email: args.email,
                phone: args.phone,
                preferred_channel: parse_word::<Channel>(
                    "preferred_channel",
                    "channel",
                    args.preferred_channel,
                    Channel::choices(),
                )?,
                timezone: args.timezone,
                cadence_days: args.cadence,
                ..Default::default()
            };
            out.contact_added(&rapport.add_contact(draft, now)?, &account.name)
        }
        Command::Contact(ContactCommand::List { account }) => {
            let account = rapport.find_account(&account)?;
            out.contacts(&rapport.contacts(&account.id)?)
        }
        Command::Log(args) => {
            let account = rapport.find_account(&args.account)?;
            let contact_ids = args
                .with
                .iter()
                .map(|who| rapport.find_contact(&account.id, who).map(|c| c.id))
                .collect::<Result<Vec<_>>>()?;
            let draft = InteractionDraft {
                account_id: account.id.clone(),
                occurred_at: None,
                channel: parse_word::<Channel>("channel", "channel", args.channel, Channel::choices())?,
                initiated_by: parse_word::<Initiator>("by", "side", args.by, Initiator::choices())?,
                contact_ids,
                summary: args.summary,
                sentiment: args.sentiment,
                strategic: args.strategic,
            };
            out.logged(&rapport.log_interaction(draft, now)?, &account.name)
        }
    }
}

fn parse_word<T: std::str::FromStr>(
    field: &'static str,
    what: &str,
    value: Option<String>,
    choices: String,
) -> Result<Option<T>> {
    value.map(|v| validate::word(field, what, &v, choices)).transpose()
}
