//! `rapport stakeholders`: who matters at an account and where we stand with each — roles,
//! influence, stance and access — its gaps, and what it would look like without one person.

use clap::Args;

use super::Ctx;
use crate::engine::stakeholders::{Stakeholder, Stakeholders, Warmth};
use crate::error::Result;

#[derive(Debug, Args)]
pub struct StakeholdersArgs {
    /// The account's name (or the start of it) or id.
    account: String,
    /// Also show the account as it would be without this person (name or id): who is still in
    /// touch, what loses its owner, which gaps open, and its health.
    #[arg(long, value_name = "PERSON")]
    without: Option<String>,
}

pub fn stakeholders(ctx: &mut Ctx<'_>, args: StakeholdersArgs) -> Result<()> {
    let account = ctx.rapport.find_account(&args.account)?;
    let without = match &args.without {
        Some(who) => Some(ctx.rapport.find_contact(&account.id, who)?.id),
        None => None,
    };
    let map = ctx.rapport.stakeholders(&account.id, without.as_deref(), ctx.now)?;
    if ctx.out.json {
        return ctx.out.record(&map, String::new());
    }
    print(&map, ctx.now);
    Ok(())
}

fn print(map: &Stakeholders, now: chrono::DateTime<chrono::Utc>) {
    println!("{}: {} people", map.account, map.people.len());
    for p in &map.people {
        println!("  {}", line(p, now));
        println!("      {}", p.stance_evidence);
    }
    if map.gaps.is_empty() {
        println!("No gaps: the map has a buyer, a champion in touch, and more than one thread.");
    } else {
        println!("Gaps:");
        for gap in &map.gaps {
            println!("  - {}", gap.text);
        }
    }
    if let Some(w) = &map.without {
        println!("If {} left:", w.name);
        println!("  {}", w.said);
    }
}

fn line(p: &Stakeholder, now: chrono::DateTime<chrono::Utc>) -> String {
    let roles = if p.roles.is_empty() {
        "no role set".to_string()
    } else {
        p.roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")
    };
    let influence = p.influence.map(|i| format!(", {i} influence")).unwrap_or_default();
    let stance = match (p.stance, p.stance_set) {
        (Some(s), true) => format!("{s} (set by you)"),
        (Some(s), false) => s.to_string(),
        (None, _) => "stance unknown".into(),
    };
    let access = match (p.last_touch_at, p.last_channel) {
        (Some(at), Some(channel)) => format!("last touch {} by {channel}", super::print::ago(at, now)),
        _ => "never touched".into(),
    };
    let warmth = match p.warmth {
        Warmth::Warm => "warm",
        Warmth::Cooling => "cooling",
        Warmth::Cold => "cold",
        Warmth::Never => "not yet",
    };
    format!("{} — {roles}{influence}; {stance}; {access} ({warmth})", p.name)
}
