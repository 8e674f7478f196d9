//! `rapport import` of the user's mail: an `.eml`, `.emlx`, Outlook `.msg`, mbox, Maildir or
//! folder of message files becomes touches, and the summary says so in sentences.

use super::Ctx;
use super::data::ImportArgs;
use crate::error::{Error, Result};

pub fn import(ctx: &mut Ctx<'_>, args: &ImportArgs) -> Result<()> {
    let refused = [
        (args.account.is_some(), "--account"),
        (args.map.is_some(), "--map"),
        (args.no_header, "--no-header"),
        (args.skip_bad_rows, "--skip-bad-rows"),
    ];
    if let Some((_, option)) = refused.iter().find(|(given, _)| *given) {
        return Err(Error::validation(
            "file",
            format!(
                "{option} is for address books, calendars and CSV files, and {} is mail: each message goes to the accounts whose people are on it, and a message Rapport cannot read is skipped with its reason. Run the import again without {option}.",
                args.file.display()
            ),
        ));
    }
    let now = ctx.now;
    let report =
        super::progress::shown(ctx.rapport, ctx.out.json, |r| r.import_mail(&args.file, args.dry_run, now))?;
    let mut sentences = report.said.clone();
    if report.noticed > 0 {
        sentences.push_str("\nSee them with `rapport capture list`.");
    }
    ctx.out.record(&report, sentences)
}
