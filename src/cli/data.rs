//! `rapport search`, `rapport archive …`, `rapport export` and `rapport import`.

use std::path::Path;

use clap::Subcommand;

use super::Ctx;
use crate::error::{Error, Result};
use crate::store::RecordKind;

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

pub fn export(ctx: &mut Ctx<'_>, file: Option<&Path>) -> Result<()> {
    match file {
        None => {
            print!("{}", ctx.rapport.export_archive(ctx.now)?);
            Ok(())
        }
        Some(path) => {
            ctx.rapport.export_archive_to(path, ctx.now)?;
            eprintln!("Exported to {}.", path.display());
            Ok(())
        }
    }
}

pub fn import(ctx: &mut Ctx<'_>, file: &Path, dry_run: bool) -> Result<()> {
    let report = ctx.rapport.import_archive_from(file, dry_run, ctx.now)?;
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
