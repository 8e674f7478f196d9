//! `rapport backup` and `rapport restore`.

use std::path::Path;

use chrono::{DateTime, Utc};
use clap::Args;

use super::{Ctx, print};
use crate::error::Result;
use crate::service::{self, Backups};
use crate::store::{BackupFile, BackupPolicy, BackupReason};

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// List the backups kept instead of taking one.
    #[arg(long)]
    list: bool,
    /// Keep the newest copy of each of this many days.
    #[arg(long, value_name = "N")]
    keep_daily: Option<u32>,
    /// Keep the newest copy of each of this many weeks.
    #[arg(long, value_name = "N")]
    keep_weekly: Option<u32>,
    /// Keep the newest copy of each of this many months.
    #[arg(long, value_name = "N")]
    keep_monthly: Option<u32>,
}

impl BackupArgs {
    pub fn writes(&self) -> bool {
        !self.list || self.keep_daily.is_some() || self.keep_weekly.is_some() || self.keep_monthly.is_some()
    }
}

pub fn backup(ctx: &mut Ctx<'_>, args: BackupArgs) -> Result<()> {
    if args.keep_daily.is_some() || args.keep_weekly.is_some() || args.keep_monthly.is_some() {
        let was = ctx.rapport.backups()?.policy;
        let policy = BackupPolicy {
            daily: args.keep_daily.unwrap_or(was.daily),
            weekly: args.keep_weekly.unwrap_or(was.weekly),
            monthly: args.keep_monthly.unwrap_or(was.monthly),
        };
        let backups = ctx.rapport.save_backup_policy(policy, ctx.now)?;
        return list(ctx.out, &backups);
    }
    if args.list {
        return list(ctx.out, &ctx.rapport.backups()?);
    }
    let file = ctx.rapport.back_up(ctx.now)?;
    let sentence = format!("Backed up to {} ({}).", file.path, size(file.bytes));
    ctx.out.record(&file, sentence)
}

fn list(out: &print::Out, backups: &Backups) -> Result<()> {
    let p = backups.policy;
    let mut text = format!(
        "{} backups in {}, keeping the newest of each of {} days, {} weeks and {} months.",
        backups.files.len(),
        backups.folder,
        p.daily,
        p.weekly,
        p.monthly
    );
    for f in &backups.files {
        text.push_str(&format!(
            "\n{}  {:<15}  {:>9}  {}",
            stamp(f.taken_at),
            reason(f),
            size(f.bytes),
            f.path
        ));
    }
    out.record(backups, text)
}

fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn reason(f: &BackupFile) -> &'static str {
    match f.reason {
        BackupReason::Scheduled => "daily",
        BackupReason::Manual => "by hand",
        BackupReason::BeforeMigration => "before update",
        BackupReason::BeforeImport => "before import",
        BackupReason::BeforeRestore => "before restore",
        BackupReason::BeforeLockChange => "before lock",
        BackupReason::BeforeMerge => "before merge",
    }
}

fn size(bytes: f64) -> String {
    if bytes >= 1024.0 * 1024.0 {
        format!("{:.1} MB", bytes / (1024.0 * 1024.0))
    } else {
        format!("{:.0} KB", (bytes / 1024.0).ceil())
    }
}

/// Runs before any database is opened: the one at `db` may be the damaged one being replaced.
pub fn restore(out: &print::Out, db: &Path, file: &Path, now: DateTime<Utc>) -> Result<()> {
    let key = super::unlock::passphrase_for(db)?;
    let (_, restored) =
        super::progress::spinning(out.json, "Checking the backup and restoring your data", || {
            service::restore(db, file, now, key)
        })?;
    let kept = restored
        .safety_copy
        .as_deref()
        .map(|c| format!(" The database as it was is kept in {c}."))
        .unwrap_or_default();
    out.record(&restored, format!("Restored {} from {}.{kept}", db.display(), restored.from))
}
