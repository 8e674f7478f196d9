//! The shell's logbook: `rapport.log` in the database's folder, kept under 1 MB by rotating (the
//! one before is kept beside it). It notes what failed at the door — which command or chore, and
//! the kind of failure — never the sentence shown, which may hold a client's name, nor anything
//! the user typed.

use std::path::PathBuf;

use rapport::UserError;
use tauri_plugin_log::{RotationStrategy, Target, TargetKind};

/// The logger, writing into `folder` (the database's own, which only the user can read).
pub fn plugin(folder: PathBuf) -> tauri::plugin::TauriPlugin<tauri::Wry> {
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .target(Target::new(TargetKind::Folder { path: folder, file_name: Some("rapport".into()) }))
        .max_file_size(1_000_000)
        .rotation_strategy(RotationStrategy::KeepOne)
        .level(log::LevelFilter::Warn)
        .level_for("rapport_desktop", log::LevelFilter::Info)
        .build()
}

/// `what` failed, refused as `error` says: its kind goes in the log, its words do not.
pub fn failed(what: &str, error: &UserError) {
    log::warn!("{what} failed: {:?}", error.code);
}
