//! A file from an older release is upgraded beside the window rather than before it: the window
//! opens at once and shows each stage (`ui/src/views/UpgradeView.svelte`) until the file is open,
//! then where the copy of it as it was is kept.

use std::time::Instant;

use rapport::clock::machine_now;
use rapport::service::{Passphrase, Upgrade};
use rapport::{Rapport, UserError};
use serde::Serialize;
use specta::Type;

use crate::Core;

/// How far opening the database has come.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Opening {
    /// Open, or refused with the sentence every command then answers.
    Ready,
    /// Upgrading from one data format to another; `step` is the stage under way.
    Upgrading { from_version: u32, to_version: u32, step: Upgrade },
    /// Upgraded in `seconds`; the file as it was is kept at `backup`.
    Upgraded { from_version: u32, to_version: u32, backup: Option<String>, seconds: f64 },
}

/// Opens the database on a thread of its own, saying each stage in `core.opening`; every
/// command answers "still upgrading" until it is open.
pub fn start(core: &Core, (from, to): (i64, i64), key: Option<Passphrase>) {
    let (from_version, to_version) = (u32::try_from(from).unwrap_or(0), u32::try_from(to).unwrap_or(0));
    let say = |opening: Opening| {
        if let Ok(mut slot) = core.opening.lock() {
            *slot = opening;
        }
    };
    say(Opening::Upgrading { from_version, to_version, step: Upgrade::Checking });
    if let Ok(mut open) = core.open.lock() {
        *open = Err(still_upgrading());
    }
    let core = core.clone();
    std::thread::spawn(move || {
        let started = Instant::now();
        let mut backup = None;
        let mut observe = |step: Upgrade| {
            if let Upgrade::Migrating { backup: Some(path), .. } = &step {
                backup = Some(path.clone());
            }
            if let Ok(mut slot) = core.opening.lock() {
                *slot = Opening::Upgrading { from_version, to_version, step };
            }
        };
        // The copy kept before an upgrade is a chore, dated by the machine's clock.
        let opened = Rapport::open_observed(&core.path, machine_now(), key.clone(), &mut observe);
        let done = match &opened {
            Ok(_) => Opening::Upgraded {
                from_version,
                to_version,
                backup,
                seconds: started.elapsed().as_secs_f64(),
            },
            Err(_) => Opening::Ready,
        };
        core.install(opened.map_err(UserError::from), key);
        if let Ok(mut slot) = core.opening.lock() {
            *slot = done;
        }
    });
}

fn still_upgrading() -> UserError {
    UserError {
        code: rapport::error::ErrorCode::Storage,
        message: "Rapport is still bringing your data up to date. Wait a moment, then try again.".into(),
        field: None,
    }
}
