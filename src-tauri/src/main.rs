//! Rapport's desktop shell: opens the database, and exposes each core operation as one Tauri
//! command. No rule lives here — every command is a single call into `rapport::Rapport`, run
//! on a blocking thread so the window never waits on the disk.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod reminders;

use std::sync::{Arc, Mutex};

use rapport::{Rapport, UserError};

/// The open database, or the sentence explaining why it could not be opened (every command
/// then answers with that sentence, and the window shows it).
pub struct Core(Arc<Mutex<Result<Rapport, UserError>>>);

fn database_path() -> std::path::PathBuf {
    std::env::var_os("RAPPORT_DB").map(Into::into).unwrap_or_else(rapport::cli::default_db_path)
}

fn main() {
    let opened = Rapport::open(&database_path(), chrono::Utc::now()).map_err(UserError::from);
    let bindings = commands::bindings();
    let core = Core(Arc::new(Mutex::new(opened)));
    let for_reminders = Core(core.0.clone());
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .manage(core)
        .invoke_handler(bindings.invoke_handler())
        .setup(move |app| {
            reminders::start(app.handle().clone(), &for_reminders);
            Ok(())
        })
        .run(tauri::generate_context!())
        .unwrap_or_else(|err| {
            eprintln!("Rapport could not start its window ({err}). Check that a display is available, then start it again.");
            std::process::exit(1);
        });
}
