//! The app itself: how far opening the database has come, what the About panel says, and the
//! demo a new user can look around in.

use rapport::service::ProgressNow;
use serde::Serialize;
use specta::Type;
use tauri::State;

use super::{Answer, busy};
use crate::Core;
use crate::upgrade::Opening;

/// How far opening the database has come: the page asks while an upgrade is under way.
#[tauri::command]
#[specta::specta]
pub fn opening(core: State<'_, Core>) -> Opening {
    core.opening.lock().map(|o| o.clone()).unwrap_or(Opening::Ready)
}

/// What the About panel says.
#[derive(Debug, Clone, Serialize, Type)]
pub struct About {
    /// The release, as in "0.1.0".
    pub version: String,
    /// The data format this release writes its files in (the schema version).
    pub data_format: u32,
    /// The database file open now.
    pub database: String,
    /// Whether the window shows the demo portfolio, in a file of its own, rather than the user's data.
    pub demo: bool,
}

/// The release, its data format and the file open now.
#[tauri::command]
#[specta::specta]
pub fn about(core: State<'_, Core>) -> About {
    let demo = core.in_demo();
    About {
        version: env!("CARGO_PKG_VERSION").to_string(),
        data_format: u32::try_from(rapport::service::SCHEMA_VERSION).unwrap_or(0),
        database: if demo { rapport::service::demo_path_beside(&core.path) } else { core.path.clone() }
            .display()
            .to_string(),
        demo,
    }
}

/// Opens the demo portfolio in a file of its own; the user's data waits aside, untouched.
#[tauri::command]
#[specta::specta]
pub async fn look_at_demo(core: State<'_, Core>) -> Answer<()> {
    let core = core.inner().clone();
    tauri::async_runtime::spawn_blocking(move || crate::demo::look(&core))
        .await
        .map_err(|_| busy())?
        .inspect_err(|error| crate::logbook::failed("look_at_demo", error))
}

/// Closes the demo and goes back to the user's data.
#[tauri::command]
#[specta::specta]
pub async fn leave_demo(core: State<'_, Core>) -> Answer<()> {
    let core = core.inner().clone();
    tauri::async_runtime::spawn_blocking(move || crate::demo::leave(&core)).await.map_err(|_| busy())?
}

/// How far the long operation under way has come, if one is.
#[tauri::command]
#[specta::specta]
pub fn work_progress(core: State<'_, Core>) -> Option<ProgressNow> {
    core.work.lock().ok().and_then(|work| work.as_ref().map(|p| p.now()))
}

/// Asks the long operation under way to stop; it does where stopping loses nothing.
#[tauri::command]
#[specta::specta]
pub fn stop_work(core: State<'_, Core>) {
    if let Ok(work) = core.work.lock()
        && let Some(progress) = work.as_ref()
    {
        progress.stop();
    }
}
