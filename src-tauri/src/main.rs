//! Rapport's desktop shell: opens the database, and exposes each core operation as one Tauri
//! command. No rule lives here — every command is a single call into `rapport::Rapport`, run
//! on a blocking thread so the window never waits on the disk.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod demo;
mod dropped;
mod logbook;
mod reminders;
mod upgrade;

// The same allocator as the CLI's, for the same reason (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rapport::clock::{Clock, PIN_VARIABLE, machine_now};
use rapport::service::Passphrase;
use rapport::{Rapport, UserError};
use tauri::Manager;

/// The open database, or the sentence explaining why it could not be opened (every command
/// then answers with that sentence, and the window shows it), and where it lives — so the
/// backups can be listed and restored even when it cannot be opened.
#[derive(Clone)]
pub struct Core {
    pub open: Arc<Mutex<Result<Rapport, UserError>>>,
    pub path: PathBuf,
    /// The machine's clock, or a moment pinned by `RAPPORT_AT` for a test: the window then
    /// shows the portfolio as of that moment, and no chore runs on it.
    pub clock: Clock,
    /// The brief saved last, the only file the window may ask to open.
    pub saved_brief: Arc<Mutex<Option<PathBuf>>>,
    /// How far opening has come: an upgrade of a file from an older release shows its progress.
    pub opening: Arc<Mutex<upgrade::Opening>>,
    /// The user's own database while the demo is shown in its place (`demo`).
    pub aside: Arc<Mutex<Option<Result<Rapport, UserError>>>>,
    /// The long operation under way, whose progress the window shows (`with_work`).
    pub work: Arc<Mutex<Option<Arc<rapport::service::Progress>>>>,
}

impl Core {
    /// Puts what was opened (without the damage check) in place, and checks the file for damage
    /// on a connection and thread of their own once the first view has had time to show: on a
    /// heavy file the check takes half a second of a core, which the window's start should not
    /// share. SQLite refuses any page it finds damaged meanwhile; once the check has spoken, a
    /// damaged database is closed and every command answers the sentence that leads to the
    /// backups.
    pub fn install(&self, mut opened: Result<Rapport, UserError>, key: Option<Passphrase>) {
        if let Ok(rapport) = opened.as_mut() {
            rapport.set_clock(self.clock);
        }
        let ok = opened.is_ok();
        if let Ok(mut guard) = self.open.lock() {
            *guard = opened;
        }
        if !ok {
            return;
        }
        let slot = self.open.clone();
        let path = self.path.clone();
        std::thread::spawn(move || {
            std::thread::sleep(CHECK_AFTER);
            if let Err(err) = rapport::service::check_file(&path, key.as_ref())
                && let Ok(mut guard) = slot.lock()
            {
                *guard = Err(UserError::from(err));
            }
        });
    }
}

/// When the damage check starts: after the first view, measured at about a second on a heavy
/// portfolio (docs/performance.md).
const CHECK_AFTER: std::time::Duration = std::time::Duration::from_secs(2);

fn database_path() -> PathBuf {
    std::env::var_os("RAPPORT_DB").map(Into::into).unwrap_or_else(rapport::service::default_db_path)
}

/// The database at start: a locked one is opened with the passphrase kept in the system's
/// keyring, if there is one; otherwise the window asks for it.
fn open_core() -> Core {
    let path = database_path();
    let not_yet = UserError::from(rapport::Error::Locked { path: path.display().to_string() });
    let clock = Clock::from_env().unwrap_or_else(|err| {
        eprintln!("rapport: {PIN_VARIABLE} is ignored: {err}");
        Clock::Machine
    });
    let core = Core {
        open: Arc::new(Mutex::new(Err(not_yet))),
        path: path.clone(),
        clock,
        saved_brief: Arc::new(Mutex::new(None)),
        opening: Arc::new(Mutex::new(upgrade::Opening::Ready)),
        aside: Arc::new(Mutex::new(None)),
        work: Arc::new(Mutex::new(None)),
    };
    let key = match rapport::service::lock_of(&path) {
        Ok(rapport::service::Lock::Locked) => rapport::service::remembered_passphrase(&path),
        _ => None,
    };
    // A file from an older release is upgraded beside the window, which shows how far it has come.
    if let Some(versions) = rapport::service::pending_upgrade(&path, key.as_ref()) {
        upgrade::start(&core, versions, key);
        return core;
    }
    // Opening may take a backup before a migration: a chore, on the machine's clock.
    let opened = Rapport::open_keyed(&path, machine_now(), key.clone(), false).map_err(UserError::from);
    core.install(opened, key);
    core
}

/// Hands a pinned moment to the page before its scripts run (`ui/src/lib/clock.ts`), so the
/// window's "in 2 hours" and "3 days ago" are as of the same moment as the core's answers; and
/// whether an upgrade is under way, so the page shows it before asking for anything else.
fn pinned_clock(clock: Clock, upgrading: bool) -> tauri::plugin::TauriPlugin<tauri::Wry> {
    let mut script = match clock {
        Clock::Pinned(at) => format!("window.__RAPPORT_PINNED_AT__ = {:?};", at.to_rfc3339()),
        Clock::Machine => String::new(),
    };
    if upgrading {
        script.push_str("window.__RAPPORT_UPGRADING__ = true;");
    }
    tauri::plugin::Builder::new("rapport-clock").js_init_script(script).build()
}

fn main() {
    let core = open_core();
    let bindings = commands::bindings();
    let for_reminders = core.clone();
    let clock = core.clock;
    let upgrading = core.opening.lock().is_ok_and(|o| !matches!(*o, upgrade::Opening::Ready));
    let log_folder = core.path.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
    tauri::Builder::default()
        // First, so a second start hands over to the window already open and goes no further.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(logbook::plugin(log_folder))
        .plugin(pinned_clock(clock, upgrading))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .manage(core)
        .invoke_handler(bindings.invoke_handler())
        .on_webview_event(|webview, event| {
            if let tauri::WebviewEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                dropped::dropped(webview, paths.clone());
            }
        })
        .on_page_load(|webview, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                dropped::test_drop(webview);
            }
        })
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
