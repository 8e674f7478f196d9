//! `rapport`, the command line over the core: every command is one call into
//! [`crate::service::Rapport`], printed for a person or, with `--json`, for a script.
//!
//! Errors end the process with status 1 and one sentence on stderr (or a `{code, message,
//! field}` object with `--json`); nothing is written when a command fails.

mod backups;
mod brief;
pub use crate::clock::your_zone;
mod checkins;
mod data;
mod health;
mod mail;
mod merge;
mod noticed;
mod people;
mod print;
mod progress;
mod records;
mod review;
mod stakeholders;
mod trust;
mod unlock;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};

use crate::clock::{Clock, machine_now};
use crate::demo::DEFAULT_SEED;
use crate::domain::day_words::{DayOrder, read_day};
use crate::domain::validate;
use crate::error::{Error, Result, UserError};
use crate::service::Rapport;

/// "0.1.0 (data format 19)": the release, and the schema version its files are written in.
pub fn version() -> &'static str {
    static LINE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    LINE.get_or_init(|| {
        format!("{} (data format {})", env!("CARGO_PKG_VERSION"), crate::store::SCHEMA_VERSION)
    })
}

#[derive(Debug, Parser)]
#[command(name = "rapport", version = version(), about = "Rapport keeps a living profile of every client relationship.")]
pub struct Cli {
    /// The database file. Defaults to rapport.db in your data folder.
    #[arg(long, global = true, env = "RAPPORT_DB", value_name = "PATH")]
    db: Option<PathBuf>,

    /// Print data as JSON, for scripts.
    #[arg(long, global = true)]
    json: bool,

    /// Act as if it were this moment (RFC 3339), e.g. 2026-11-23T09:00:00+01:00: answers are
    /// given and writes dated as of then. Backups and health snapshots keep to the real clock.
    #[arg(long, global = true, env = "RAPPORT_AT", value_name = "RFC3339")]
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
        /// demo (15 clients), heavy (500 accounts, 200,000 interactions) or huge (ten times heavy).
        #[arg(long, default_value = "demo")]
        scale: String,
    },
    /// Add, list, show, edit and archive client accounts.
    #[command(subcommand)]
    Account(people::AccountCommand),
    /// Add, list, edit and archive the people at an account.
    #[command(subcommand)]
    Contact(people::ContactCommand),
    /// Record an interaction with an account.
    Log(people::LogArgs),
    /// Culture notes: how the client (or one person) likes to work.
    #[command(subcommand)]
    Culture(records::CultureCommand),
    /// Goals of all four kinds, and their progress.
    #[command(subcommand)]
    Goal(records::GoalCommand),
    /// Promises both ways, and how they ended.
    #[command(subcommand)]
    Promise(records::PromiseCommand),
    /// Requests from the client, and their acknowledgement and answer.
    #[command(subcommand)]
    Request(records::RequestCommand),
    /// Issues: what went wrong, and its acknowledgement, resolution and follow-up.
    #[command(subcommand)]
    Issue(records::IssueCommand),
    /// Meetings with the client.
    #[command(subcommand)]
    Meeting(records::MeetingCommand),
    /// Whom to contact today, why, when in their day, and what to bring: as many as your daily
    /// budget (Settings), and every breach; the rest is counted under "More".
    Today(checkins::TodayArgs),
    /// What Rapport noticed in your mail and calendars (requests, promises, new people):
    /// list it, accept it, or ignore it.
    #[command(subcommand)]
    Capture(noticed::CaptureCommand),
    /// Merge two people or two accounts that are one (every record moves, addresses are
    /// united), or undo a merge.
    #[command(subcommand)]
    Merge(merge::MergeCommand),
    /// People and accounts that look like one (the same address, the same name, the same
    /// company domain), or `dismiss` a pair that is not.
    Duplicates(merge::DuplicatesArgs),
    /// Act on a check-in from `rapport today`: done, snooze or dismiss.
    #[command(subcommand)]
    Checkin(checkins::CheckinCommand),
    /// Relationship health of every account (or one), riskiest first: the trend, what changed
    /// since the last review, and the steps up the advisor ladder.
    Health(health::HealthArgs),
    /// The one-page brief before a meeting: Markdown, HTML or JSON.
    Brief(brief::BriefArgs),
    /// Who matters at an account and where we stand with each: roles, influence, stance and
    /// access, the gaps in the map, and `--without PERSON` for what it would be without them.
    Stakeholders(stakeholders::StakeholdersArgs),
    /// The trust ledger of one account: for it and each person, credibility, reliability,
    /// intimacy and self-orientation with the trust they make, the evidence and the next step;
    /// what they give back; the trend over the last quarter.
    Trust(trust::TrustArgs),
    /// The value review to hand the client: their goals with the period's progress and
    /// evidence, what comes next, questions for them — never anything internal.
    Review(review::ReviewArgs),
    /// Search everything written about every account.
    Search {
        /// Words to look for; case and accents do not matter.
        query: Vec<String>,
    },
    /// Archived records: list them, or restore one.
    #[command(subcommand)]
    Archive(data::ArchiveCommand),
    /// Write everything to a portable archive (JSON), or people as CSV or vCard, or the
    /// calendar of what is coming (meetings, check-ins, promises due, birthdays) as iCalendar.
    Export(data::ExportArgs),
    /// Read a Rapport archive, a CSV of people or companies, a vCard file or an iCalendar
    /// file, merging it in; or your mail (an .eml, .emlx or Outlook .msg file, an mbox, a
    /// Maildir or a folder of message files), whose messages with your clients' people become touches in their
    /// accounts' history. Importing the same file twice changes nothing.
    Import(data::ImportArgs),
    /// Take a backup now (one is also taken daily), list them, or choose how many are kept.
    Backup(backups::BackupArgs),
    /// Replace the database with a backup, once the backup is checked whole. The database as it
    /// was is kept in the backup folder.
    Restore { file: PathBuf },
    /// Lock the database and its backups with a passphrase (encryption at rest). Close the app
    /// first.
    Encrypt(unlock::EncryptArgs),
    /// Unlock a locked database and its backups. Close the app first.
    Decrypt,
    /// Check the whole database for damage, indexes included. Rapport also checks it by itself
    /// whenever the last session ended uncleanly, and the app at each start.
    Check,
}

impl Command {
    /// Commands that only read never create a database where there was none.
    fn writes(&self) -> bool {
        use data::ArchiveCommand;
        use people::{AccountCommand, ContactCommand};
        if let Command::Health(args) = self {
            return args.writes();
        }
        if let Command::Backup(args) = self {
            return args.writes();
        }
        if let Command::Duplicates(args) = self {
            return args.writes();
        }
        !matches!(
            self,
            Command::Account(AccountCommand::List | AccountCommand::Show { .. })
                | Command::Contact(ContactCommand::List { .. })
                | Command::Search { .. }
                | Command::Capture(noticed::CaptureCommand::List)
                | Command::Today(_)
                | Command::Check
                | Command::Brief(_)
                | Command::Stakeholders(_)
                | Command::Trust(_)
                | Command::Review(_)
                | Command::Export(_)
                | Command::Archive(ArchiveCommand::List)
                | Command::Import(data::ImportArgs { dry_run: true, .. })
        )
    }
}

impl Command {
    /// Commands that move data in or out for another place leave the health history alone.
    fn keeps_history(&self) -> bool {
        !matches!(self, Command::Export(_) | Command::Import(data::ImportArgs { dry_run: true, .. }))
    }
}

pub use crate::service::default_db_path;

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
    let clock = Clock::pinned_at(cli.at.as_deref())?;
    let now = clock.now();
    // Opening (a backup before a migration), restoring and locking are chores: the machine's
    // clock names their copies, whatever moment the command is asked as of.
    let machine = machine_now();
    let db = cli.db.clone().unwrap_or_else(default_db_path);
    // Importing what another tool exported is a good first command: its preview, into a
    // database that does not exist yet, is rehearsed in an empty one that is removed after.
    if matches!(cli.command, Command::Import(data::ImportArgs { dry_run: true, .. })) && !db.exists() {
        let rehearsal = std::env::temp_dir().join(format!("rapport-preview-{}", std::process::id()));
        std::fs::create_dir_all(&rehearsal).map_err(|e| Error::file(&rehearsal, e))?;
        let result = execute_on(cli, rehearsal.join("rapport.db"), clock, now, machine);
        let _ = std::fs::remove_dir_all(&rehearsal);
        return result;
    }
    if !cli.command.writes() && !db.exists() {
        return Err(Error::not_found(format!(
            "There is no Rapport database at {} yet. Run `rapport demo` to try Rapport with sample clients, or `rapport account add` to start your own.",
            db.display()
        )));
    }
    execute_on(cli, db, clock, now, machine)
}

/// Runs the command on the database at `db` (created when the command writes).
fn execute_on(cli: Cli, db: PathBuf, clock: Clock, now: DateTime<Utc>, machine: DateTime<Utc>) -> Result<()> {
    let out = print::Out { json: cli.json, now };
    match cli.command {
        Command::Restore { file } => return backups::restore(&out, &db, &file, machine),
        Command::Encrypt(args) => return unlock::encrypt(&out, &db, args, machine),
        Command::Decrypt => return unlock::decrypt(&out, &db, machine),
        _ => {}
    }
    let created = !db.exists();
    let key = unlock::passphrase_for(&db)?;
    if let Command::Check = cli.command {
        return check(&out, &db, key.as_ref());
    }
    // An upgrade from an older release says so on a terminal: on a heavy file it takes seconds.
    let upgrade = crate::service::pending_upgrade(&db, key.as_ref())
        .filter(|_| !out.json && std::io::IsTerminal::is_terminal(&std::io::stderr()));
    if let Some((from, to)) = upgrade {
        eprintln!(
            "Bringing your data up to date (data format {from} to {to}); a copy of it as it is is kept first…"
        );
    }
    let result = Rapport::open_for_command(&db, machine, key).and_then(|mut rapport| {
        if upgrade.is_some() {
            eprintln!(
                "Your data is up to date. The copy of it as it was is in {}.",
                crate::store::backup::folder(&db).display()
            );
        }
        rapport.set_clock(clock);
        let keeps_history = cli.command.keeps_history();
        let writes = cli.command.writes();
        dispatch(&mut rapport, cli.command, &out, &db, now)?;
        if writes && let Err(err) = rapport.keep_backups(now) {
            eprintln!("rapport: today's backup was not taken: {err}");
        }
        if keeps_history {
            // The daily health snapshot is taken whenever Rapport runs (never under `--at`);
            // failing to take it must not turn a command that worked into one that failed.
            if let Err(err) = rapport.keep_health_snapshots(now) {
                eprintln!("rapport: today's health snapshot was not saved: {err}");
            }
        }
        Ok(())
    });
    let result = result.map_err(|err| crate::service::name_damage(&db, err));
    if result.is_err() && created {
        // The command failed on a database it had just created: leave no empty file behind.
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
    }
    result
}

/// `rapport check`: the thorough check, on its own read-only connection.
fn check(out: &print::Out, db: &Path, key: Option<&crate::store::Passphrase>) -> Result<()> {
    crate::store::check_thoroughly(db, key)?;
    out.record(
        &serde_json::json!({ "whole": true, "path": db.display().to_string() }),
        format!("{} is whole: SQLite's integrity check found no damage.", db.display()),
    )
}

/// What every command needs: the core, the printer, the moment, and the database path.
pub(crate) struct Ctx<'a> {
    pub rapport: &'a mut Rapport,
    pub out: &'a print::Out,
    pub now: DateTime<Utc>,
    pub db: &'a Path,
}

fn dispatch(
    rapport: &mut Rapport,
    command: Command,
    out: &print::Out,
    db: &Path,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut ctx = Ctx { rapport, out, now, db };
    match command {
        Command::Demo { seed, scale } => {
            let targets = match scale.trim().to_lowercase().as_str() {
                "demo" => None,
                "heavy" => Some(crate::demo::Targets::HEAVY),
                "huge" => Some(crate::demo::Targets::HEAVY.times(10)),
                other => {
                    return Err(Error::validation(
                        "scale",
                        format!("\"{other}\" is not a size Rapport knows. Use demo, heavy or huge."),
                    ));
                }
            };
            let report = ctx.rapport.fill_demo_with(seed, now, targets)?;
            out.demo(&report, db)
        }
        Command::Account(c) => people::account(&mut ctx, c),
        Command::Contact(c) => people::contact(&mut ctx, c),
        Command::Log(args) => people::log(&mut ctx, args),
        Command::Culture(c) => records::culture(&mut ctx, c),
        Command::Goal(c) => records::goal(&mut ctx, c),
        Command::Promise(c) => records::promise(&mut ctx, c),
        Command::Request(c) => records::request(&mut ctx, c),
        Command::Issue(c) => records::issue(&mut ctx, c),
        Command::Meeting(c) => records::meeting(&mut ctx, c),
        Command::Today(args) => checkins::today(&mut ctx, args),
        Command::Brief(args) => brief::brief(&mut ctx, args),
        Command::Review(args) => review::review(&mut ctx, args),
        Command::Health(args) => health::health(&mut ctx, args),
        Command::Stakeholders(args) => stakeholders::stakeholders(&mut ctx, args),
        Command::Trust(args) => trust::trust(&mut ctx, args),
        Command::Checkin(c) => checkins::checkin(&mut ctx, c),
        Command::Capture(c) => noticed::capture(&mut ctx, c),
        Command::Merge(c) => merge::merge(&mut ctx, c),
        Command::Duplicates(args) => merge::duplicates(&mut ctx, args),
        Command::Search { query } => data::search(&mut ctx, &query.join(" ")),
        Command::Archive(c) => data::archive(&mut ctx, c),
        Command::Export(args) => data::export(&mut ctx, args),
        Command::Import(args) => data::import(&mut ctx, args),
        Command::Backup(args) => backups::backup(&mut ctx, args),
        // Handled before the database is opened.
        Command::Restore { .. } | Command::Encrypt(_) | Command::Decrypt | Command::Check => Ok(()),
    }
}

/// Parses an optional word from a closed set, with the sentence listing the accepted ones.
pub(crate) fn word<T: std::str::FromStr>(
    field: &'static str,
    what: &str,
    value: Option<&str>,
    choices: String,
) -> Result<Option<T>> {
    value.map(|v| validate::word(field, what, v, choices)).transpose()
}

/// Today on your clock, and the order your locale writes "3/4" in: what a day in words is read
/// against.
fn your_day(now: DateTime<Utc>) -> (chrono_tz::Tz, chrono::NaiveDate, DayOrder) {
    let locale =
        std::env::var("LC_ALL").or_else(|_| std::env::var("LC_TIME")).or_else(|_| std::env::var("LANG"));
    (crate::clock::your_tz(), crate::clock::your_today(now), DayOrder::of_locale(&locale.unwrap_or_default()))
}

/// When a day is typed where a moment is asked for: an RFC 3339 moment as it is, or a day in
/// words ("Friday", "in 2 days", "end of month") at `hour:minute` of that day on your clock.
pub(crate) fn moment_or_day(
    field: &'static str,
    text: &str,
    now: DateTime<Utc>,
    (hour, minute): (u32, u32),
) -> Result<String> {
    if validate::instant(field, text).is_ok() {
        return Ok(text.to_string());
    }
    let (zone, today, order) = your_day(now);
    let day = read_day(field, text, today, order)?;
    let at = day.and_hms_opt(hour, minute, 0).and_then(|t| t.and_local_timezone(zone).earliest());
    at.map(|t| t.to_rfc3339())
        .ok_or_else(|| Error::validation(field, format!("{day} has no {hour:02}:{minute:02} on your clock.")))
}

/// A calendar day as typed: YYYY-MM-DD as it is, or a day in words, as seen today on your clock.
pub(crate) fn day_in_words(
    field: &'static str,
    text: Option<String>,
    now: DateTime<Utc>,
) -> Result<Option<String>> {
    match text {
        Some(text) if validate::date(field, &text).is_err() => {
            let (_, today, order) = your_day(now);
            Ok(Some(read_day(field, &text, today, order)?.to_string()))
        }
        given => Ok(given),
    }
}
