//! `rapport brief`: the one-page brief before a meeting, as Markdown, HTML or JSON.

use std::path::PathBuf;

use clap::Args;

use super::Ctx;
use crate::error::{Error, Result};
use crate::service::BriefFormat;

#[derive(Debug, Args)]
pub struct BriefArgs {
    /// The account's name (or the start of it) or id.
    account: String,
    /// A meeting's id, or "next" for the next one however far ahead. Left out: the next meeting
    /// within a week, if there is one.
    #[arg(long)]
    meeting: Option<String>,
    /// md, html or json (default md).
    #[arg(long, default_value = "md")]
    format: String,
    /// Write it to this file instead of the screen; given a folder, to a file in it named by
    /// the meeting's day, the account and the meeting.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn brief(ctx: &mut Ctx<'_>, args: BriefArgs) -> Result<()> {
    let account = ctx.rapport.find_account(&args.account)?;
    let meeting = match args.meeting.as_deref() {
        Some("next") => {
            let page = ctx.rapport.account_page(&account.id, ctx.now)?;
            let next = crate::engine::brief::next_meeting(&page.meetings, ctx.now, None);
            Some(next.map(|m| m.id.clone()).ok_or_else(|| {
                Error::not_found(format!(
                    "{} has no meeting ahead. Add one with `rapport meeting add`, or leave out --meeting.",
                    account.name
                ))
            })?)
        }
        other => other.map(str::to_string),
    };
    let text = match args.format.trim().to_lowercase().as_str() {
        "json" => {
            let b = ctx.rapport.brief(&account.id, meeting.as_deref(), ctx.now)?;
            serde_json::to_string_pretty(&b).map_err(|e| Error::Storage { detail: e.to_string() })? + "\n"
        }
        "md" | "markdown" => ctx.rapport.brief_document(
            &account.id,
            meeting.as_deref(),
            BriefFormat::Markdown,
            &crate::clock::your_zone(),
            ctx.now,
        )?,
        "html" => ctx.rapport.brief_document(
            &account.id,
            meeting.as_deref(),
            BriefFormat::Html,
            &crate::clock::your_zone(),
            ctx.now,
        )?,
        other => {
            return Err(Error::validation(
                "format",
                format!("\"{other}\" is not a format for briefs. Use md, html or json."),
            ));
        }
    };
    match args.out {
        None => print!("{text}"),
        Some(path) => {
            let path = match (path.is_dir(), args.format.trim().to_lowercase().as_str()) {
                (true, "json") => path.join(format!("{} brief.json", crate::clock::your_today(ctx.now))),
                (true, format) => {
                    let format = if format == "html" { BriefFormat::Html } else { BriefFormat::Markdown };
                    let zone = crate::clock::your_zone();
                    path.join(ctx.rapport.brief_file_name(
                        &account.id,
                        meeting.as_deref(),
                        format,
                        &zone,
                        ctx.now,
                    )?)
                }
                (false, _) => path,
            };
            ctx.rapport.write_user_file(&path, &text)?;
            eprintln!("Brief written to {}.", path.display());
        }
    }
    Ok(())
}
