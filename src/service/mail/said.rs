//! What a reading of mail did, in sentences for an account manager: what was read, what became
//! history where, what waits in "Rapport noticed", and what was left out and why — never a bare
//! "0 added". The CLI prints them; the app shows them.

use super::MailReport;

/// "1 message", "2 messages".
fn count(n: u32, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

/// The summary for an account manager: what was read, what became history where, and what was
/// left out and why — never a bare "0 added".
pub(super) fn said(r: &MailReport) -> String {
    let mut lines = Vec::new();
    if r.unchanged {
        lines.push(format!(
            "{} has not changed since Rapport last read it, so there is nothing new to import.",
            r.path
        ));
        return lines.join("\n");
    }
    if r.read == 0 && r.resumed && r.skipped.folders == 0 {
        lines.push(format!("Nothing is new in {} since the last import.", r.path));
        return lines.join("\n");
    }
    let how = if r.people_changed {
        " (again from the start: your clients' people have changed since the last import)"
    } else if r.resumed {
        " (only what is new since the last import)"
    } else {
        ""
    };
    lines.push(format!("Read {} from {}{how}.", count(r.read, "message", "messages"), r.path));
    let added = if r.dry_run { "would add" } else { "added" };
    if r.kept == 0 {
        lines.push(if r.no_people {
            "Rapport knows no email address of any client's person yet, so no message could be kept. Add your clients' people with their addresses (rapport contact add, or import your address book), then import this mail again.".to_string()
        } else {
            "None of them was a touch with one of your clients' people, so nothing was added.".to_string()
        });
    } else if r.added == 0 {
        lines.push(format!(
            "{} with your clients' people {} already in Rapport ({}), so nothing was added.",
            count(r.kept, "message", "messages"),
            if r.kept == 1 { "was" } else { "were" },
            count(r.already, "touch", "touches")
        ));
    } else {
        let already = match r.already {
            0 => String::new(),
            n => format!("; {} already in Rapport", count(n, "touch was", "touches were")),
        };
        lines.push(format!(
            "{} with your clients' people {added} {} to their accounts' history{already}.",
            count(r.kept, "message", "messages"),
            count(r.added, "touch", "touches"),
        ));
        for a in &r.accounts {
            lines.push(format!("  {}: {}", a.account, count(a.added, "touch", "touches")));
        }
    }
    let s = &r.skipped;
    let reasons: Vec<String> = [
        (s.no_client, "had none of your clients' people on it", "had none of your clients' people on them"),
        (
            s.automatic,
            "was an automatic reply, newsletter or bounce",
            "were automatic replies, newsletters or bounces",
        ),
        (s.no_date, "had no date Rapport could read", "had no date Rapport could read"),
        (s.future, "was dated in the future", "were dated in the future"),
        (s.unreadable, "could not be read", "could not be read"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") })
    .collect();
    if !reasons.is_empty() {
        lines.push(format!("Left out, and kept nowhere: {}.", reasons.join(", ")));
    }
    if s.folders > 0 {
        lines.push(format!("{} could not be opened.", count(s.folders, "folder", "folders")));
    }
    if r.noticed > 0 {
        lines.push(format!(
            "Rapport noticed {} to confirm (requests, promises, new people), waiting in Rapport noticed for your yes.",
            count(r.noticed, "thing", "things")
        ));
    }
    let problems = s.unreadable + s.folders;
    for p in &r.problems {
        lines.push(format!("  {p}"));
    }
    if (r.problems.len() as u32) < problems {
        lines.push(format!("  … and {} more.", problems - r.problems.len() as u32));
    }
    if r.dry_run {
        lines.push("Nothing was written (dry run).".to_string());
    } else if let Some(backup) = &r.backup {
        lines.push(format!("A copy from before is in {backup}."));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::MailKind;
    use crate::service::{MailAccountTouches, MailSkipped};

    fn report() -> MailReport {
        MailReport {
            path: "Inbox.mbox".into(),
            kind: MailKind::Mbox,
            dry_run: false,
            unchanged: false,
            resumed: false,
            people_changed: false,
            no_people: false,
            read: 120,
            kept: 14,
            added: 15,
            already: 0,
            skipped: MailSkipped { no_client: 100, automatic: 5, no_date: 1, ..Default::default() },
            problems: vec![],
            accounts: vec![
                MailAccountTouches { account_id: "a".into(), account: "Alcor".into(), added: 1 },
                MailAccountTouches { account_id: "k".into(), account: "Kestrel".into(), added: 14 },
            ],
            noticed: 0,
            backup: Some("/b/rapport-before-import.db".into()),
            said: String::new(),
        }
    }

    #[test]
    fn an_import_is_told_in_sentences() {
        assert_eq!(
            said(&report()),
            "Read 120 messages from Inbox.mbox.\n\
             14 messages with your clients' people added 15 touches to their accounts' history.\n  \
             Alcor: 1 touch\n  Kestrel: 14 touches\n\
             Left out, and kept nowhere: 100 had none of your clients' people on them, 5 were automatic replies, \
             newsletters or bounces, 1 had no date Rapport could read.\n\
             A copy from before is in /b/rapport-before-import.db."
        );
    }

    #[test]
    fn an_unchanged_mailbox_and_a_rehearsal_say_so() {
        let unchanged = MailReport { unchanged: true, ..report() };
        assert_eq!(
            said(&unchanged),
            "Inbox.mbox has not changed since Rapport last read it, so there is nothing new to import."
        );
        let again = MailReport { added: 0, already: 15, accounts: vec![], backup: None, ..report() };
        assert!(
            said(&again).contains(
                "14 messages with your clients' people were already in Rapport (15 touches), so nothing was added."
            ),
            "{}",
            said(&again)
        );
        let dry = MailReport { dry_run: true, backup: None, ..report() };
        assert!(said(&dry).contains("would add 15 touches"), "{}", said(&dry));
        assert!(said(&dry).ends_with("Nothing was written (dry run)."), "{}", said(&dry));
    }
}
