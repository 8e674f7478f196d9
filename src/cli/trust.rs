//! `rapport trust ACCOUNT`: the trust ledger of one account — for the account and each person,
//! credibility, reliability, intimacy and self-orientation with the trust they make, each with
//! its evidence and next step; what they give back; the trend over the last quarter.

use clap::Args;

use super::Ctx;
use crate::error::Result;
use crate::service::{Reciprocity, TrustLedger, TrustPart, TrustParts};

#[derive(Debug, Args)]
pub struct TrustArgs {
    /// The account's name (or the start of it) or id.
    account: String,
}

pub fn trust(ctx: &mut Ctx<'_>, args: TrustArgs) -> Result<()> {
    let ledger = ctx.rapport.trust(&args.account, ctx.now)?;
    if ctx.out.json {
        return ctx.out.record(&ledger, String::new());
    }
    print!("{}", text(&ledger));
    Ok(())
}

fn score(s: Option<u32>) -> String {
    s.map(|s| s.to_string()).unwrap_or_else(|| "unknown".into())
}

/// The ledger as a person reads it at a terminal.
pub(super) fn text(l: &TrustLedger) -> String {
    let mut out = format!("{} — trust {}", l.account, score(l.account_level.trust.score));
    if let Some(w) = &l.weak_spot {
        out.push_str(&format!("; weakest: {} {}", w.part.replace('_', "-"), w.score));
    }
    out.push('\n');
    let trend: Vec<String> =
        l.trend.iter().map(|p| format!("{} {}", p.day.format("%-d %b"), score(p.trust))).collect();
    if !trend.is_empty() {
        out.push_str(&format!("Weekly: {}\n", trend.join(" · ")));
    }
    out.push_str("\nThe account\n");
    parts(&mut out, &l.account_level, &l.reciprocity.account);
    for (person, given) in l.people.iter().zip(&l.reciprocity.people) {
        out.push_str(&format!("\n{}\n", person.name));
        parts(&mut out, &person.parts, given);
    }
    out
}

fn parts(out: &mut String, p: &TrustParts, given: &Reciprocity) {
    let rows: [(&str, &TrustPart); 5] = [
        ("credibility", &p.credibility),
        ("reliability", &p.reliability),
        ("intimacy", &p.intimacy),
        ("self-orientation", &p.self_orientation),
        ("trust", &p.trust),
    ];
    for (name, part) in rows {
        out.push_str(&format!("  {name:<16} {:>7}  {}\n", score(part.score), part.evidence));
        out.push_str(&format!("  {:<16} {:>7}  Next: {}\n", "", "", part.next_step));
    }
    out.push_str(&format!("  Gives back: {}\n", given.summary));
}
