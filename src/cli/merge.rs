//! `rapport merge` and `rapport duplicates`: two people or two accounts found to be one are
//! merged (and a merge undone); the pairs that look like one are listed, or said not to be.

use clap::{Args, Subcommand};

use super::Ctx;
use crate::domain::MergeKind;
use crate::error::{Error, Result};
use crate::service::{LikelyPair, MergeReport};

#[derive(Debug, Subcommand)]
pub enum MergeCommand {
    /// Merge two people of one account: everything of MERGE moves to KEEP, their addresses are
    /// united, and MERGE is archived.
    Person {
        /// The person kept: name (or the start of it) or id.
        keep: String,
        /// The person merged into KEEP: name (or the start of it) or id.
        merge: String,
        /// The account both work at, when a name is shared across accounts.
        #[arg(long)]
        account: Option<String>,
    },
    /// Merge two accounts: every person and record of MERGE moves to KEEP, and MERGE is archived.
    Account {
        /// The account kept: name (or the start of it) or id.
        keep: String,
        /// The account merged into KEEP.
        merge: String,
    },
    /// Undo a merge: everything goes back as it was, and the merged one is live again.
    Undo {
        /// The merge's id, as the merge said it.
        merge_id: String,
    },
}

#[derive(Debug, Args)]
pub struct DuplicatesArgs {
    #[command(subcommand)]
    command: Option<DuplicatesCommand>,
}

#[derive(Debug, Subcommand)]
enum DuplicatesCommand {
    /// Say that two people or two accounts are not the same, so they are not proposed again:
    /// by the pair's number in `rapport duplicates`, or by their two ids or names.
    Dismiss { which: Vec<String> },
}

impl DuplicatesArgs {
    pub fn writes(&self) -> bool {
        self.command.is_some()
    }
}

/// What an id looks like (a UUID): passed as it is, so that the merge itself says why a record
/// that is not live cannot be merged.
fn looks_like_id(text: &str) -> bool {
    let text = text.trim();
    text.len() == 36 && text.chars().filter(|c| *c == '-').count() == 4
}

fn person(ctx: &Ctx<'_>, query: &str, account: Option<&str>) -> Result<String> {
    match ctx.rapport.find_person(query, account) {
        Ok(c) => Ok(c.id),
        Err(Error::NotFound { .. }) if looks_like_id(query) => Ok(query.trim().to_string()),
        Err(e) => Err(e),
    }
}

fn account(ctx: &Ctx<'_>, query: &str) -> Result<String> {
    match ctx.rapport.find_account(query) {
        Ok(a) => Ok(a.id),
        Err(Error::NotFound { .. }) if looks_like_id(query) => Ok(query.trim().to_string()),
        Err(e) => Err(e),
    }
}

fn merged(ctx: &Ctx<'_>, report: &MergeReport) -> Result<()> {
    ctx.out.record(report, format!("{} Undo with `rapport merge undo {}`.", report.said, report.merge_id))
}

pub fn merge(ctx: &mut Ctx<'_>, command: MergeCommand) -> Result<()> {
    match command {
        MergeCommand::Person { keep, merge, account } => {
            let keep = person(ctx, &keep, account.as_deref())?;
            let merge = person(ctx, &merge, account.as_deref())?;
            let report = ctx.rapport.merge_people(&keep, &merge, ctx.now)?;
            merged(ctx, &report)
        }
        MergeCommand::Account { keep, merge } => {
            let keep = account(ctx, &keep)?;
            let merge = account(ctx, &merge)?;
            let report = ctx.rapport.merge_accounts(&keep, &merge, ctx.now)?;
            merged(ctx, &report)
        }
        MergeCommand::Undo { merge_id } => {
            let undone = ctx.rapport.undo_merge(&merge_id, ctx.now)?;
            let sentence = undone.said.clone();
            ctx.out.record(&undone, sentence)
        }
    }
}

fn pair_line(n: usize, p: &LikelyPair) -> String {
    let at = match (&p.account, &p.other_account) {
        (Some(a), Some(b)) => format!(" ({a} and {b})"),
        (Some(a), None) => format!(" ({a})"),
        _ => String::new(),
    };
    let what = if p.kind == MergeKind::Person { "people" } else { "accounts" };
    format!("{n:>3}. {what}: {} and {}{at} — {}", p.first, p.second, p.reason)
}

pub fn duplicates(ctx: &mut Ctx<'_>, args: DuplicatesArgs) -> Result<()> {
    let pairs = ctx.rapport.likely_duplicates()?;
    match args.command {
        None => {
            if ctx.out.json {
                return ctx.out.record(&pairs, String::new());
            }
            if pairs.is_empty() {
                println!("No two people or accounts look like one. Rapport looks again each time you ask.");
                return Ok(());
            }
            println!("{} pair{} may be one:", pairs.len(), if pairs.len() == 1 { "" } else { "s" });
            for (n, p) in pairs.iter().enumerate() {
                println!("{}", pair_line(n + 1, p));
            }
            println!(
                "Merge one with `rapport merge person|account KEEP MERGE`, or say they differ with `rapport duplicates dismiss NUMBER`."
            );
            Ok(())
        }
        Some(DuplicatesCommand::Dismiss { which }) => {
            let (a, b) = match which.as_slice() {
                [number] => {
                    let pair = number
                        .parse::<usize>()
                        .ok()
                        .and_then(|n| n.checked_sub(1))
                        .and_then(|i| pairs.get(i))
                        .ok_or_else(|| {
                            Error::not_found(format!(
                                "There is no pair {number} in the list. Run `rapport duplicates` to see the pairs and their numbers."
                            ))
                        })?;
                    (pair.first_id.clone(), pair.second_id.clone())
                }
                [a, b] => {
                    let either = |q: &str| person(ctx, q, None).or_else(|_| account(ctx, q));
                    (either(a)?, either(b)?)
                }
                _ => {
                    return Err(Error::validation(
                        "which",
                        "Say which pair: its number in `rapport duplicates`, or the two people's or accounts' ids.",
                    ));
                }
            };
            ctx.rapport.not_duplicates(&a, &b, ctx.now)?;
            ctx.out.record(
                &serde_json::json!({ "first_id": a, "second_id": b }),
                "Noted: they are not the same, and will not be proposed again.".into(),
            )
        }
    }
}
