//! Rapport's desktop shell: opens the database, and exposes each core operation as one Tauri
//! command. No rule lives here — every command is a single call into `rapport::Rapport`, run
//! on a blocking thread so the window never waits on the disk.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod reminders;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, mpsc};

use rapport::{Rapport, UserError};
use tauri::Manager;

/// The open database, or the sentence explaining why it could not be opened (every command
/// then answers with that sentence, and the window shows it), and where it lives — so the
/// backups can be listed and restored even when it cannot be opened.
#[derive(Clone)]
pub struct Core {
    pub open: Arc<Mutex<Result<Rapport, UserError>>>,
    pub path: PathBuf,
}

fn database_path() -> PathBuf {
    std::env::var_os("RAPPORT_DB").map(Into::into).unwrap_or_else(rapport::cli::default_db_path)
}

/// Opens the database, and checks it for damage on a thread of its own while the window starts:
/// the check holds the lock, so no command reaches the file before it is known to be whole.
fn open_core() -> Core {
    let path = database_path();
    let opened = Rapport::open_unchecked(&path, chrono::Utc::now()).map_err(UserError::from);
    let core = Core { open: Arc::new(Mutex::new(opened)), path: path.clone() };
    let (locked, wait) = mpsc::channel();
    let checking = core.open.clone();
    std::thread::spawn(move || {
        let Ok(mut guard) = checking.lock() else { return };
        let _ = locked.send(());
        if guard.is_ok()
            && let Err(err) = rapport::store::check_file(&path)
        {
            *guard = Err(UserError::from(err));
        }
    });
    let _ = wait.recv();
    core
}

fn main() {
    let core = open_core();
    let bindings = commands::bindings();
    let for_reminders = core.clone();
    tauri::Builder::default()
        // First, so a second start hands over to the window already open and goes no further.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
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
