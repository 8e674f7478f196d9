//! Where the command line gets a locked database's passphrase: `RAPPORT_PASSPHRASE`, else the
//! system's keyring, else a prompt on the terminal (never echoed). A new passphrase comes from
//! `RAPPORT_NEW_PASSPHRASE` or is typed twice.

use std::io::IsTerminal;
use std::path::Path;

use chrono::{DateTime, Utc};
use clap::Args;

use super::print;
use crate::error::{Error, Result};
use crate::keychain;
use crate::store::{Lock, Passphrase, lock_of};

/// The passphrase to open `db` with: `None` for a plain database (or when none can be had, so
/// that opening says the file is locked).
pub fn passphrase_for(db: &Path) -> Result<Option<Passphrase>> {
    if lock_of(db)? != Lock::Locked {
        return Ok(None);
    }
    given_passphrase(db)
}

/// The passphrase the user gives for `db`, whether or not the file itself is locked now (an
/// interrupted unlock leaves locked copies beside a plain database).
fn given_passphrase(db: &Path) -> Result<Option<Passphrase>> {
    if let Ok(text) = std::env::var("RAPPORT_PASSPHRASE") {
        return Ok(Some(Passphrase::given(&text)));
    }
    if let Some(kept) = keychain::remembered(db) {
        return Ok(Some(kept));
    }
    if std::io::stdin().is_terminal() {
        let text = rpassword::prompt_password(format!("Passphrase for {}: ", db.display()))
            .map_err(|e| Error::file(db, e))?;
        return Ok(Some(Passphrase::given(&text)));
    }
    Ok(None)
}

fn new_passphrase() -> Result<Passphrase> {
    if let Ok(text) = std::env::var("RAPPORT_NEW_PASSPHRASE") {
        return Passphrase::choose(&text);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::validation(
            "passphrase",
            "Type the new passphrase in a terminal, or give it in RAPPORT_NEW_PASSPHRASE.",
        ));
    }
    let ask =
        |prompt: &str| rpassword::prompt_password(prompt).map_err(|e| Error::file(Path::new("terminal"), e));
    let first = Passphrase::choose(&ask("New passphrase: ")?)?;
    if ask("The same again: ")? != first.text() {
        return Err(Error::validation(
            "passphrase",
            "The two passphrases differ. Nothing was changed; try again.",
        ));
    }
    Ok(first)
}

#[derive(Debug, Args)]
pub struct EncryptArgs {
    /// Keep the passphrase in this computer's keyring, so it is not asked for each time.
    #[arg(long)]
    remember: bool,
}

/// Runs before the database is opened: it is rewritten whole.
pub fn encrypt(out: &print::Out, db: &Path, args: EncryptArgs, now: DateTime<Utc>) -> Result<()> {
    let key = new_passphrase()?;
    super::progress::spinning(out.json, "Locking your data and its backups", || {
        crate::service::encrypt(db, &key, now)
    })?;
    let kept = if args.remember {
        match keychain::remember(db, &key) {
            Ok(()) => " The passphrase is kept in this computer's keyring.".to_string(),
            Err(err) => format!(" {err}"),
        }
    } else {
        " Keep the passphrase safe: without it the data cannot be read, by anyone.".to_string()
    };
    out.record(
        &serde_json::json!({ "locked": db.display().to_string() }),
        format!("{} and its backups are now locked with your passphrase.{kept}", db.display()),
    )
}

pub fn decrypt(out: &print::Out, db: &Path, now: DateTime<Utc>) -> Result<()> {
    let key = match lock_of(db)? {
        Lock::Locked => passphrase_for(db)?,
        // Already plain: a passphrase is asked only if locked copies are left to unlock.
        _ => match crate::service::decrypt_needs_passphrase(db)? {
            true => given_passphrase(db)?,
            false => Some(Passphrase::given("")),
        },
    };
    let key = key.ok_or_else(|| Error::Locked { path: db.display().to_string() })?;
    super::progress::spinning(out.json, "Unlocking your data and its backups", || {
        crate::service::decrypt(db, &key, now)
    })?;
    keychain::forget(db);
    out.record(
        &serde_json::json!({ "unlocked": db.display().to_string() }),
        format!("{} and its backups are no longer locked.", db.display()),
    )
}
