//! `rapport health`: the portfolio's relationship health, riskiest first, with the trend, what
//! changed since the last review, and the advisor ladder; marking it read; setting the weights.

use clap::Args;

use super::Ctx;
use crate::engine::health::{Band, Weights};
use crate::error::{Error, Result};
use crate::service::AccountReview;

#[derive(Debug, Args)]
pub struct HealthArgs {
    /// One account's name (or the start of it) or id.
    account: Option<String>,
    /// After showing it, mark the review read: "what changed" is measured from now on.
    #[arg(long)]
    mark_reviewed: bool,
    /// Change a component's weight first, e.g. `--weight reliability=30` (0 to 100; repeatable).
    #[arg(long, value_name = "COMPONENT=N")]
    weight: Vec<String>,
}

impl HealthArgs {
    pub fn writes(&self) -> bool {
        self.mark_reviewed || !self.weight.is_empty()
    }
}

pub(super) fn band_words(band: Band) -> &'static str {
    match band {
        Band::Healthy => "healthy",
        Band::Watch => "watch",
        Band::AtRisk => "at risk",
        Band::Unknown => "unknown",
    }
}

fn set_weight(weights: &mut Weights, setting: &str) -> Result<()> {
    let (name, value) = setting.split_once('=').unwrap_or((setting, ""));
    let value: u32 = value.trim().parse().map_err(|_| {
        Error::validation(
            "weight",
            format!("\"{setting}\" is not a weight. Write it as component=number, e.g. reliability=30."),
        )
    })?;
    let slot = match name.trim().to_lowercase().as_str() {
        "reliability" => &mut weights.reliability,
        "responsiveness" => &mut weights.responsiveness,
        "engagement" => &mut weights.engagement,
        "proactivity" => &mut weights.proactivity,
        "breadth" => &mut weights.breadth,
        "intimacy" => &mut weights.intimacy,
        "goals" => &mut weights.goals,
        other => {
            return Err(Error::validation(
                "weight",
                format!(
                    "\"{other}\" is not a health component. Use reliability, responsiveness, engagement, proactivity, breadth, intimacy or goals."
                ),
            ));
        }
    };
    *slot = value;
    Ok(())
}

fn signed(n: i32) -> String {
    if n > 0 {
        format!("+{n}")
    } else if n < 0 {
        format!("−{}", -n)
    } else {
        "±0".into()
    }
}

fn score_text(score: Option<u32>) -> String {
    score.map(|s| s.to_string()).unwrap_or_else(|| "unknown".into())
}

pub fn health(ctx: &mut Ctx<'_>, args: HealthArgs) -> Result<()> {
    if !args.weight.is_empty() {
        let mut weights = ctx.rapport.health_weights()?;
        for setting in &args.weight {
            set_weight(&mut weights, setting)?;
        }
        ctx.rapport.save_health_weights(&weights)?;
    }
    let mut review = ctx.rapport.health_review(ctx.now)?;
    if let Some(query) = &args.account {
        let id = ctx.rapport.find_account(query)?.id;
        review.accounts.retain(|a| a.health.account_id == id);
        // One account's ladder also names the trust ledger's weak spot.
        for a in &mut review.accounts {
            ctx.rapport.with_trust_step(&mut a.health, ctx.now)?;
        }
    }
    if args.mark_reviewed {
        ctx.rapport.mark_reviewed(ctx.now)?;
    }
    if ctx.out.json {
        return ctx.out.record(&review.accounts, String::new());
    }
    match review.reviewed_at {
        Some(at) => println!("Last reviewed {}.", super::print::ago(at, ctx.now)),
        None => println!("Not reviewed yet: changes are shown over the last 30 days."),
    }
    for a in &review.accounts {
        print_account(a);
    }
    if args.mark_reviewed {
        println!("Marked reviewed: the next review shows what changes from now on.");
    }
    Ok(())
}

fn print_account(a: &AccountReview) {
    let h = &a.health;
    let score = h.score.map(|s| s.to_string()).unwrap_or_else(|| "—".into());
    let moved = a.trend.change_30.map(|c| format!(", {} in 30 days", signed(c))).unwrap_or_default();
    println!(
        "\n{} — {score}, {}{moved}; level {} {}",
        h.account,
        band_words(h.band),
        h.advisor_level.level,
        h.advisor_level.name
    );
    for c in &h.components {
        println!("  {:<15} {:>7}  (weight {:>3})  {}", c.name, score_text(c.score), c.weight, c.evidence);
    }
    for p in &h.penalties {
        println!("  −{} {}", p.points, p.reason);
    }
    if let Some(ch) = &a.changes {
        let since = if ch.since_review { "Since your last review" } else { "Over the last 30 days" };
        let mut parts: Vec<String> = ch
            .components
            .iter()
            .map(|c| format!("{} {} → {}", c.name, score_text(c.before), score_text(c.after)))
            .collect();
        parts.extend(ch.new_penalties.iter().map(|p| format!("new: {p}")));
        parts.extend(ch.gone_penalties.iter().map(|p| format!("gone: {p}")));
        if parts.is_empty() {
            println!("  {since}: nothing changed.");
        } else {
            println!("  {since}: {}", parts.join("; "));
        }
    }
    for step in h.advisor_level.next_steps.iter().take(3) {
        println!("  Next step: {step}");
    }
}
