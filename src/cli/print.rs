//! How the CLI shows results: short readable lines for a person, JSON for a script.

use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::demo::DemoReport;
use crate::domain::TouchState;
use crate::domain::{
    Account, AccountPage, Band, Contact, Direction, Initiator, Interaction, TimelineEntry, TimelineKind,
};
use crate::error::{Error, Result};
use crate::service::AccountRow;
use crate::store::{ArchivedRecord, SearchResults};

pub struct Out {
    pub json: bool,
    pub now: DateTime<Utc>,
}

/// Indented for a person at a terminal, on one line for a script (a third of the bytes for the
/// review with its trends), and written as it is made: making megabytes of it whole first
/// doubled the memory it touched.
fn emit_json<T: Serialize + ?Sized>(value: &T) -> Result<()> {
    use std::io::{IsTerminal as _, Write as _};
    let stdout = std::io::stdout();
    let indented = stdout.is_terminal();
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let written = if indented {
        serde_json::to_writer_pretty(&mut out, value)
    } else {
        serde_json::to_writer(&mut out, value)
    };
    let written =
        written.map_err(std::io::Error::from).and_then(|()| writeln!(out)).and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::File { path: "standard output".into(), detail: e.to_string() })
        }
        _ => Ok(()),
    }
}

/// "today", "3 days ago", "5 months ago": how long since, in words.
pub fn ago(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let days = (now - then).num_days();
    match days {
        i64::MIN..=0 => "today".into(),
        1 => "yesterday".into(),
        2..=59 => format!("{days} days ago"),
        _ => format!("{} months ago", days / 30),
    }
}

fn touch_word(state: TouchState) -> &'static str {
    match state {
        TouchState::Within => "on time",
        TouchState::Past => "due",
        TouchState::WellPast => "overdue",
        TouchState::Never => "never touched",
    }
}

/// Pads by characters so that names with accents or CJK still line up roughly.
fn pad(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count >= width {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        format!("{text}{}", " ".repeat(width - count))
    }
}

impl Out {
    /// Any record: its JSON for a script, or one sentence for a person.
    pub fn record<T: Serialize + ?Sized>(&self, value: &T, sentence: String) -> Result<()> {
        if self.json {
            return emit_json(value);
        }
        println!("{sentence}");
        Ok(())
    }

    pub fn search(&self, results: &SearchResults) -> Result<()> {
        if self.json {
            return emit_json(results);
        }
        if results.groups.is_empty() {
            println!("Nothing matches \"{}\".", results.query);
        }
        for group in &results.groups {
            println!("{}", group.kind.noun().to_uppercase());
            for hit in &group.hits {
                let snippet: String = hit
                    .snippet
                    .iter()
                    .map(|f| if f.hit { format!("*{}*", f.text) } else { f.text.clone() })
                    .collect();
                let title = if hit.title.is_empty() { String::new() } else { format!("{} — ", hit.title) };
                println!("  {} · {title}{}", hit.account_name, snippet.trim());
            }
        }
        Ok(())
    }

    pub fn archived(&self, records: &[ArchivedRecord]) -> Result<()> {
        if self.json {
            return emit_json(records);
        }
        if records.is_empty() {
            println!("The archive is empty. Archived records appear here and can be restored.");
        }
        for r in records {
            println!(
                "{} {} · {} (archived {}) — id {}",
                r.kind.noun(),
                r.label,
                r.account_id,
                ago(r.archived_at, self.now),
                r.id
            );
        }
        Ok(())
    }

    pub fn demo(&self, report: &DemoReport, db: &Path) -> Result<()> {
        if self.json {
            return emit_json(report);
        }
        println!(
            "Demo portfolio ready in {}: {} accounts in {} countries, {} people, {} interactions.",
            db.display(),
            report.accounts,
            report.countries,
            report.contacts,
            report.interactions
        );
        Ok(())
    }

    pub fn account_added(&self, account: &Account) -> Result<()> {
        if self.json {
            return emit_json(account);
        }
        println!("Added {} ({}, {}), id {}.", account.name, account.tier, account.timezone, account.id);
        Ok(())
    }

    pub fn accounts(&self, accounts: &[AccountRow]) -> Result<()> {
        if self.json {
            return emit_json(accounts);
        }
        if accounts.is_empty() {
            println!("No accounts yet. Add one with `rapport account add NAME`, or try `rapport demo`.");
            return Ok(());
        }
        println!(
            "{}{}{}{}{}HEALTH",
            pad("ACCOUNT", 32),
            pad("TIER", 11),
            pad("PEOPLE", 8),
            pad("LAST TOUCH", 16),
            pad("CADENCE", 24)
        );
        for row in accounts {
            let a = &row.summary;
            let last = a.last_touch_at.map(|t| ago(t, self.now)).unwrap_or_else(|| "—".into());
            let health = match (row.band, row.score) {
                (Band::Unknown, _) | (_, None) => "too early to judge".to_string(),
                (band, Some(score)) => format!("{} {score}", super::health::band_words(band)),
            };
            println!(
                "{}{}{}{}{}{health}",
                pad(&a.name, 32),
                pad(a.tier.as_str(), 11),
                pad(&a.contact_count.to_string(), 8),
                pad(&last, 16),
                pad(&format!("{} ({} days)", touch_word(a.touch), a.cadence_days), 24),
            );
            if let Some(next) = &row.next_action {
                println!("    next: {}", next.reason.text);
            }
        }
        Ok(())
    }

    pub fn account_page(&self, page: &AccountPage) -> Result<()> {
        if self.json {
            return emit_json(page);
        }
        let a = &page.account;
        let local = a
            .timezone
            .parse::<Tz>()
            .map(|tz| self.now.with_timezone(&tz).format("%a %H:%M").to_string())
            .unwrap_or_default();
        println!(
            "{} — {} {} account, {}",
            a.name,
            a.status,
            a.tier,
            a.industry.as_deref().unwrap_or("industry not set")
        );
        println!("Their time: {local} ({}). Id {}.", a.timezone, a.id);
        if let Some(renewal) = a.renewal_date {
            println!("Renews on {renewal}.");
        }
        match page.last_touch_at {
            Some(t) => println!("Last touch {} — {}.", ago(t, self.now), touch_word(page.touch)),
            None => println!("No touch logged yet."),
        }
        println!("\nPeople");
        print_org(&page.contacts, None, 1);
        println!("\nHistory");
        if page.timeline.is_empty() {
            println!(
                "  Nothing logged yet. Record a touch with `rapport log \"{}\" \"what it was about\"`.",
                a.name
            );
        }
        for i in page.timeline.iter().take(10) {
            println!("  {}", timeline_line(i, &page.contacts, self.now));
        }
        Ok(())
    }

    pub fn contact_added(&self, contact: &Contact, account: &str) -> Result<()> {
        if self.json {
            return emit_json(contact);
        }
        println!("Added {} to {account}, id {}.", contact.name, contact.id);
        Ok(())
    }

    pub fn contacts(&self, contacts: &[Contact]) -> Result<()> {
        if self.json {
            return emit_json(contacts);
        }
        if contacts.is_empty() {
            println!("Nobody at this account yet. Add someone with `rapport contact add ACCOUNT NAME`.");
        }
        print_org(contacts, None, 0);
        Ok(())
    }

    pub fn logged(&self, interaction: &Interaction, account: &str) -> Result<()> {
        if self.json {
            return emit_json(interaction);
        }
        println!("Logged a {} with {account}, id {}.", interaction.channel, interaction.id);
        Ok(())
    }
}

/// The reporting structure as an indented tree; people whose manager is not listed start a branch.
fn print_org(contacts: &[Contact], manager: Option<&str>, depth: usize) {
    let ids: Vec<&str> = contacts.iter().map(|c| c.id.as_str()).collect();
    for c in contacts {
        let top = c.reports_to.as_deref().is_none_or(|m| !ids.contains(&m));
        let here = match manager {
            None => top,
            Some(m) => c.reports_to.as_deref() == Some(m),
        };
        if here {
            let title = c.title.as_deref().map(|t| format!(", {t}")).unwrap_or_default();
            println!("{}{}{} ({})", "  ".repeat(depth), c.name, title, c.level);
            print_org(contacts, Some(&c.id), depth + 1);
        }
    }
}

fn timeline_line(e: &TimelineEntry, people: &[Contact], now: DateTime<Utc>) -> String {
    let names: Vec<&str> = e
        .contact_ids
        .iter()
        .filter_map(|id| people.iter().find(|c| &c.id == id))
        .map(|c| c.name.as_str())
        .collect();
    let with = if names.is_empty() { String::new() } else { format!(" with {}", names.join(", ")) };
    let what = match (e.kind, e.channel, e.initiated_by, e.direction) {
        (TimelineKind::Interaction, Some(channel), Some(Initiator::Us), _) => {
            format!("{channel}, we reached out")
        }
        (TimelineKind::Interaction, Some(channel), _, _) => format!("{channel}, they reached out"),
        (TimelineKind::Interaction, None, _, _) => "interaction".into(),
        (TimelineKind::PromiseMade, _, _, Some(Direction::Ours)) => "we promised".into(),
        (TimelineKind::PromiseMade, _, _, _) => "they promised".into(),
        (TimelineKind::PromiseKept, _, _, _) => "promise kept".into(),
        (TimelineKind::PromiseBroken, _, _, _) => "promise broken".into(),
        (TimelineKind::RequestReceived, _, _, _) => "request received".into(),
        (TimelineKind::RequestAnswered, _, _, _) => "request answered".into(),
        (TimelineKind::IssueOpened, _, _, _) => "issue opened".into(),
        (TimelineKind::IssueResolved, _, _, _) => "issue resolved".into(),
        (TimelineKind::Meeting, _, _, _) => "meeting".into(),
    };
    format!("{} · {what}{with}: {}", ago(e.at, now), e.text)
}
