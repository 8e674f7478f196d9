//! `rapport review`: the value review to hand the client, as Markdown, HTML or JSON.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::{Ctx, day_in_words};
use crate::error::{Error, Result};
use crate::service::BriefFormat;

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The account's name (or the start of it) or id.
    account: String,
    /// The first day it covers (YYYY-MM-DD, or in words: "1 Sep", "end of month"…). Left out:
    /// three months before the last day.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// The last day it covers, included. Left out: today.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// md, html or json (default md).
    #[arg(long, default_value = "md")]
    format: String,
    /// Write it to this file instead of the screen; given a folder, to a file in it named by
    /// today and the account.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

fn day(field: &'static str, text: Option<String>, ctx: &Ctx<'_>) -> Result<Option<NaiveDate>> {
    let Some(day) = day_in_words(field, text, ctx.now)? else { return Ok(None) };
    day.parse().map(Some).map_err(|_| {
        Error::validation(field, format!("\"{day}\" is not a day. Write it as YYYY-MM-DD, e.g. 2026-09-01."))
    })
}

pub fn review(ctx: &mut Ctx<'_>, args: ReviewArgs) -> Result<()> {
    let account = ctx.rapport.find_account(&args.account)?;
    let from = day("from", args.from, ctx)?;
    let to = day("to", args.to, ctx)?;
    let format = args.format.trim().to_lowercase();
    let (text, document) = match format.as_str() {
        "json" => {
            let r = ctx.rapport.value_review_outline(&account.id, from, to, ctx.now)?;
            let json =
                serde_json::to_string_pretty(&r).map_err(|e| Error::Storage { detail: e.to_string() })?;
            (json + "\n", None)
        }
        "md" | "markdown" => {
            let f = BriefFormat::Markdown;
            (ctx.rapport.value_review(&account.id, from, to, f, ctx.now)?, Some(f))
        }
        "html" => (
            ctx.rapport.value_review(&account.id, from, to, BriefFormat::Html, ctx.now)?,
            Some(BriefFormat::Html),
        ),
        other => {
            return Err(Error::validation(
                "format",
                format!("\"{other}\" is not a format for a value review. Use md, html or json."),
            ));
        }
    };
    match args.out {
        None => print!("{text}"),
        Some(path) => {
            let path = match (path.is_dir(), document) {
                (true, Some(f)) => path.join(ctx.rapport.value_review_file_name(&account.id, f, ctx.now)?),
                (true, None) => {
                    let name =
                        ctx.rapport.value_review_file_name(&account.id, BriefFormat::Markdown, ctx.now)?;
                    path.join(name.trim_end_matches(".md").to_string() + ".json")
                }
                (false, _) => path,
            };
            ctx.rapport.write_user_file(&path, &text)?;
            eprintln!("Value review written to {}.", path.display());
        }
    }
    Ok(())
}
