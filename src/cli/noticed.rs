//! `rapport capture`: the review queue from the command line — what Rapport noticed in your
//! mail and calendars, and your yes or no to each.

use clap::Subcommand;
use serde::Serialize;

use super::Ctx;
use crate::domain::{Noticed, NoticedEdit, NoticedKind};
use crate::error::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum CaptureCommand {
    /// What waits for your yes, newest first: requests, promises either way, new people.
    List,
    /// Accept suggestions (by their number in `rapport capture list`, or id): each becomes the
    /// request, promise or person it proposes.
    Accept {
        which: Vec<String>,
        /// Accept everything waiting.
        #[arg(long, conflicts_with = "which")]
        all: bool,
        /// Change the words before accepting (one suggestion only).
        #[arg(long)]
        text: Option<String>,
        /// Change a promise's due day before accepting, in words ("Friday") or as a date.
        #[arg(long)]
        due: Option<String>,
    },
    /// Ignore suggestions: they leave the list and are not suggested again.
    Ignore { which: Vec<String> },
}

/// One suggestion as `rapport capture list --json` gives it.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    kind: NoticedKind,
    account: &'a str,
    account_id: &'a str,
    contact: Option<&'a str>,
    text: &'a str,
    due_at: Option<String>,
    email: Option<&'a str>,
    source: &'a crate::domain::NoticedSource,
}

fn row(n: &Noticed) -> Row<'_> {
    Row {
        id: &n.id,
        kind: n.kind,
        account: &n.account,
        account_id: &n.account_id,
        contact: n.contact.as_deref(),
        text: &n.text,
        due_at: n.due_at.map(|d| d.to_rfc3339()),
        email: n.email.as_deref(),
        source: &n.source,
    }
}

fn kind_words(kind: NoticedKind) -> &'static str {
    match kind {
        NoticedKind::Request => "request",
        NoticedKind::OurPromise => "our promise",
        NoticedKind::TheirPromise => "their promise",
        NoticedKind::NewPerson => "new person",
        NoticedKind::Meeting => "meeting",
    }
}

/// The suggestions named by number in the list, or by id.
fn picked(list: &[Noticed], which: &[String]) -> Result<Vec<String>> {
    if which.is_empty() {
        return Err(Error::validation(
            "which",
            "Say which suggestions: their numbers in `rapport capture list`, or --all.",
        ));
    }
    which
        .iter()
        .map(|w| {
            let by_number = w.parse::<usize>().ok().and_then(|n| n.checked_sub(1)).and_then(|i| list.get(i));
            by_number.or_else(|| list.iter().find(|n| n.id == *w)).map(|n| n.id.clone()).ok_or_else(|| {
                Error::not_found(format!(
                    "There is no suggestion \"{w}\" waiting. Run `rapport capture list` to see them and their numbers."
                ))
            })
        })
        .collect()
}

pub fn capture(ctx: &mut Ctx<'_>, command: CaptureCommand) -> Result<()> {
    let list = ctx.rapport.noticed()?;
    match command {
        CaptureCommand::List => {
            if ctx.out.json {
                return ctx.out.record(&list.iter().map(row).collect::<Vec<_>>(), String::new());
            }
            if list.is_empty() {
                println!(
                    "Nothing waits for you: Rapport has noticed nothing new in your mail and calendars."
                );
                return Ok(());
            }
            println!(
                "Rapport noticed {} thing{} to confirm:",
                list.len(),
                if list.len() == 1 { "" } else { "s" }
            );
            for (n, item) in list.iter().enumerate() {
                let who = item.contact.as_deref().map(|c| format!(" — {c}")).unwrap_or_default();
                let due = item.due_at.map(|d| format!(", due {}", d.format("%-d %b %Y"))).unwrap_or_default();
                println!(
                    "{:>3}. {} ({}{who}): {}{due}",
                    n + 1,
                    kind_words(item.kind),
                    item.account,
                    item.text
                );
                println!(
                    "     from \u{201c}{}\u{201d}, {}",
                    item.source.subject,
                    item.source.sent_at.format("%-d %b %Y %H:%M UTC")
                );
            }
            Ok(())
        }
        CaptureCommand::Accept { which, all, text, due } => {
            let ids = if all { list.iter().map(|n| n.id.clone()).collect() } else { picked(&list, &which)? };
            if ids.is_empty() {
                println!("Nothing waits for you, so nothing was accepted.");
                return Ok(());
            }
            let due_at = match due {
                Some(words) => Some(super::moment_or_day("due_at", &words, ctx.now, (17, 0))?),
                None => None,
            };
            let edit =
                (text.is_some() || due_at.is_some()).then_some(NoticedEdit { text, due_at, name: None });
            let accepted = ctx.rapport.accept_noticed(&ids, edit, ctx.now)?;
            let sentence = format!(
                "Accepted {}: {}.",
                accepted.len(),
                accepted.iter().map(|a| a.kind.noun()).collect::<Vec<_>>().join(", ")
            );
            ctx.out.record(&accepted, sentence)
        }
        CaptureCommand::Ignore { which } => {
            let ids = picked(&list, &which)?;
            let count = ctx.rapport.ignore_noticed(&ids, ctx.now)?;
            ctx.out.record(&ids, format!("Ignored {count}; they will not be suggested again."))
        }
    }
}
