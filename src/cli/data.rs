//! `rapport search`, `rapport archive …`, `rapport export` and `rapport import`.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::Ctx;
use crate::domain::RecordKind;
use crate::error::{Error, Result};
use crate::interop::csv::{Column, CsvLayout};
use crate::service::{ExchangeReport, ExportFormat, FileFormat, ImportOptions, Outcome};

#[derive(Debug, Subcommand)]
pub enum ArchiveCommand {
    /// List everything archived, newest first.
    List,
    /// Bring an archived record back.
    Restore {
        /// account, contact, culture_note, goal, promise, interaction, request, issue or meeting.
        kind: String,
        id: String,
    },
}

pub fn search(ctx: &mut Ctx<'_>, query: &str) -> Result<()> {
    ctx.out.search(&ctx.rapport.search(query)?)
}

pub fn archive(ctx: &mut Ctx<'_>, command: ArchiveCommand) -> Result<()> {
    match command {
        ArchiveCommand::List => ctx.out.archived(&ctx.rapport.archived()?),
        ArchiveCommand::Restore { kind, id } => {
            let kind: RecordKind = serde_json::from_value(serde_json::Value::String(kind.trim().to_lowercase()))
                .map_err(|_| {
                    Error::validation(
                        "kind",
                        format!(
                            "\"{kind}\" is not a kind of record. Use account, contact, culture_note, goal, promise, interaction, request, issue or meeting."
                        ),
                    )
                })?;
            ctx.rapport.restore(kind, &id)?;
            ctx.out.record(
                &serde_json::json!({ "restored": id, "kind": kind }),
                format!("Restored the {}.", kind.noun()),
            )
        }
    }
}

/// `rapport export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// archive (everything, JSON), csv or vcard (people; vcard3 for older address books), or
    /// ics (the calendar of what is coming).
    #[arg(long, default_value = "archive", value_parser = export_format)]
    format: ExportFormat,
    /// Only this account (csv, vcard and ics).
    #[arg(long)]
    account: Option<String>,
    /// Where to write it; standard output when absent.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

fn export_format(word: &str) -> std::result::Result<ExportFormat, String> {
    serde_json::from_value(serde_json::Value::String(word.trim().to_lowercase())).map_err(|_| {
        format!("\"{word}\" is not a format Rapport writes. Use archive, csv, vcard, vcard3 or ics.")
    })
}

/// `rapport import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    pub file: PathBuf,
    /// Say what the import would create, merge or bring back, line by line, without writing.
    #[arg(long)]
    pub dry_run: bool,
    /// The account for people or meetings the file does not place (no company, no known
    /// attendee).
    #[arg(long)]
    pub account: Option<String>,
    /// Import the good records when some lines have problems (they are listed first by --dry-run).
    #[arg(long)]
    pub skip_bad_rows: bool,
    /// CSV only: what columns hold, as "Header=field" pairs separated by commas, for example
    /// --map "Organisation=company,Mobile=phone,Lead Source=skip"; a column can also be named by
    /// its number, counting from 1 (--map "1=name,3=email"). Unnamed columns keep the suggested
    /// mapping (shown by --dry-run).
    #[arg(long)]
    pub map: Option<String>,
    /// CSV only: the file has no header row; its first row is data. Its columns are then
    /// "Column 1", "Column 2"… (Rapport also tells by itself when the first row holds an email
    /// address or a phone number).
    #[arg(long)]
    pub no_header: bool,
}

pub fn export(ctx: &mut Ctx<'_>, args: ExportArgs) -> Result<()> {
    let account = match &args.account {
        Some(query) => Some(ctx.rapport.find_account(query)?.id),
        None => None,
    };
    match args.out {
        None => {
            print!("{}", ctx.rapport.export_text(args.format, account.as_deref(), ctx.now)?);
            Ok(())
        }
        Some(path) => {
            let now = ctx.now;
            super::progress::shown(ctx.rapport, ctx.out.json, |r| {
                r.export_to(&path, args.format, account.as_deref(), now)
            })?;
            eprintln!("Exported to {}.", path.display());
            Ok(())
        }
    }
}

pub fn import(ctx: &mut Ctx<'_>, args: ImportArgs) -> Result<()> {
    // Mail first: a folder, or a file of messages, is the user's mail.
    if crate::service::is_mail(&args.file) {
        return super::mail::import(ctx, &args);
    }
    let source = ctx.rapport.inspect_import_as(&args.file, args.no_header)?;
    if source.format == FileFormat::Archive {
        return import_archive(ctx, &args.file, args.dry_run);
    }
    let account_id = match &args.account {
        Some(query) => Some(ctx.rapport.find_account(query)?.id),
        None => None,
    };
    let mapping = match (&args.map, &source.csv) {
        (Some(map), Some(layout)) => Some(mapping(map, &layout.header, &layout.suggested)?),
        (Some(_), None) => {
            return Err(Error::validation(
                "map",
                "--map names the columns of a CSV file, and this file is not CSV. Run the import again without --map.",
            ));
        }
        (None, _) => None,
    };
    let options = ImportOptions {
        account_id,
        mapping,
        skip_bad_rows: args.skip_bad_rows,
        no_header: args.no_header,
        timezone: iana_time_zone::get_timezone().ok(),
    };
    let now = ctx.now;
    let report = super::progress::shown(ctx.rapport, ctx.out.json, |r| {
        r.import_file(&args.file, &options, args.dry_run, now)
    })?;
    let text = exchange_text(&args.file, &report, source.csv.as_ref(), options.mapping.as_deref());
    ctx.out.record(&report, text)
}

/// The user's "Header=field" pairs over the suggested mapping.
fn mapping(map: &str, header: &[String], suggested: &[Column]) -> Result<Vec<Column>> {
    let mut mapping = suggested.to_vec();
    for pair in map.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((name, field)) = pair.rsplit_once('=') else {
            return Err(Error::validation(
                "map",
                format!("\"{pair}\" is not a Header=field pair. Write it as, for example, Mobile=phone."),
            ));
        };
        let by_name = header.iter().position(|h| h.trim().eq_ignore_ascii_case(name.trim()));
        // A column by its number, counting from 1, when no header is called that.
        let by_number =
            || name.trim().parse::<usize>().ok().filter(|n| (1..=header.len()).contains(n)).map(|n| n - 1);
        let Some(i) = by_name.or_else(by_number) else {
            return Err(Error::validation(
                "map",
                format!(
                    "The file has no column \"{}\". Its columns are: {} (or name them by number, 1 to {}).",
                    name.trim(),
                    header.join(", "),
                    header.len()
                ),
            ));
        };
        mapping[i] =
            serde_json::from_value(serde_json::Value::String(field.trim().to_lowercase())).map_err(|_| {
                Error::validation(
                    "map",
                    format!(
                        "\"{}\" is not something Rapport keeps. Use {}.",
                        field.trim(),
                        Column::choices()
                    ),
                )
            })?;
    }
    Ok(mapping)
}

/// The report in words: what the file holds, what will be added, merged or left as it is, and
/// what is not kept and why — never a bare "0 to add".
fn exchange_text(
    file: &Path,
    report: &ExchangeReport,
    layout: Option<&CsvLayout>,
    chosen: Option<&[Column]>,
) -> String {
    let mut lines = Vec::new();
    if let Some(layout) = layout {
        let mapping = chosen.unwrap_or(&layout.suggested);
        let pairs: Vec<String> =
            layout.header.iter().zip(mapping).map(|(h, c)| format!("{h} → {c}")).collect();
        if !layout.has_header {
            lines.push(
                "The file has no header row, so its columns are numbered and mapped from what they hold (change it with --map \"1=name,2=email\").".to_string(),
            );
        }
        lines.push(format!("Columns: {}.", pairs.join(", ")));
    }
    let imported = report.created + report.merged + report.restored + report.unchanged;
    let records = |n: u32| if n == 1 { "1 record".to_string() } else { format!("{n} records") };
    lines.push(if report.read == 0 {
        format!("{} holds no records Rapport can read.", file.display())
    } else if imported == 0 {
        format!(
            "{} holds {}, and none of them can be imported; the reasons are below.",
            file.display(),
            records(report.read)
        )
    } else if report.created + report.merged + report.restored == 0 {
        format!(
            "{} holds {}; all that can be imported is already in Rapport as the file has it, so nothing changes.",
            file.display(),
            records(report.read)
        )
    } else {
        format!("{} holds {}.", file.display(), records(report.read))
    });
    let counts = format!(
        "{} to add, {} to merge, {} to bring back from the archive, {} unchanged",
        report.created, report.merged, report.restored, report.unchanged
    );
    lines.push(if report.dry_run {
        format!("Importing it would give {counts}. Nothing was written (dry run).")
    } else {
        let backup =
            report.backup.as_deref().map(|b| format!(" A copy from before is in {b}.")).unwrap_or_default();
        format!(
            "Imported {}: {}.{backup}",
            file.display(),
            counts
                .replace("to add", "added")
                .replace("to merge", "merged")
                .replace("to bring back", "brought back")
        )
    });
    if report.touches > 0 {
        let meetings = if report.touches == 1 {
            "1 meeting that has ended".to_string()
        } else {
            format!("{} meetings that have ended", report.touches)
        };
        lines.push(if report.dry_run {
            format!("{meetings} would join its account's history as a touch.")
        } else {
            format!("{meetings} joined its account's history as a touch.")
        });
    }
    for r in &report.records {
        let verb = match r.outcome {
            Outcome::Create => "add",
            Outcome::Merge => "merge",
            Outcome::Restore => "bring back",
            Outcome::Unchanged => "unchanged",
        };
        let changes =
            if r.changes.is_empty() { String::new() } else { format!(": {}", r.changes.join("; ")) };
        let at = if r.kind == RecordKind::Account { String::new() } else { format!(" ({})", r.account) };
        lines.push(format!("  line {}: {verb} {} {}{at}{changes}", r.line, r.kind.noun(), r.label));
    }
    let total = report.created + report.merged + report.restored + report.unchanged;
    if (report.records.len() as u32) < total {
        lines.push(format!(
            "  … and {} more records (the first {} are listed).",
            total - report.records.len() as u32,
            report.records.len()
        ));
    }
    if report.problem_count > 0 {
        lines.push(format!(
            "{} lines cannot be imported{}:",
            report.problem_count,
            if report.dry_run { " (import the rest with --skip-bad-rows)" } else { " and were left out" }
        ));
        for p in &report.problems {
            lines.push(format!("  line {}: {}", p.line, p.message));
        }
        if (report.problems.len() as u32) < report.problem_count {
            lines.push(format!("  … and {} more.", report.problem_count - report.problems.len() as u32));
        }
    }
    if report.left_out_count > 0 {
        let (values, verb, imported) = match (report.left_out_count, report.dry_run) {
            (1, true) => ("1 value".to_string(), "would be", "would be"),
            (1, false) => ("1 value".to_string(), "was", "were"),
            (n, true) => (format!("{n} values"), "would be", "would be"),
            (n, false) => (format!("{n} values"), "were", "were"),
        };
        lines.push(format!("{values} {verb} left out of records that {imported} imported all the same:"));
        for p in &report.left_out {
            lines.push(format!("  line {}: {}", p.line, p.message));
        }
        if (report.left_out.len() as u32) < report.left_out_count {
            lines.push(format!("  … and {} more.", report.left_out_count - report.left_out.len() as u32));
        }
    }
    if !report.skipped.is_empty() {
        lines.push(format!(
            "Not kept by Rapport, skipped: {}. Rapport keeps a person's name (and its parts), company, job title, email addresses, phone numbers, time zone, dates and notes.",
            report.skipped.join(", ")
        ));
    }
    lines.join("\n")
}

fn import_archive(ctx: &mut Ctx<'_>, file: &Path, dry_run: bool) -> Result<()> {
    let now = ctx.now;
    let report =
        super::progress::shown(ctx.rapport, ctx.out.json, |r| r.import_archive_from(file, dry_run, now))?;
    let sentence = if report.dry_run {
        format!(
            "The archive is valid: {} accounts; importing it would add {} records and replace {}. Nothing was written (dry run).",
            report.accounts, report.created, report.updated
        )
    } else {
        let backup =
            report.backup.as_deref().map(|b| format!(" A copy from before is in {b}.")).unwrap_or_default();
        format!(
            "Imported {} accounts into {}: {} records added, {} replaced.{backup}",
            report.accounts,
            ctx.db.display(),
            report.created,
            report.updated
        )
    };
    ctx.out.record(&report, sentence)
}
