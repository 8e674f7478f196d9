//! The commands the window can call, one file per topic. Each is one line: take the core,
//! call one operation, hand back the result or the user's sentence. The clock is read here, at
//! the door.

use chrono::{DateTime, NaiveDate, Utc};
use rapport::clock::machine_now;
use rapport::domain::day_words::{self, DayOrder};
use rapport::domain::{
    Account, AccountDraft, AccountPage, Contact, ContactDraft, CultureNote, CultureNoteDraft, Goal,
    GoalDraft, GoalStatus, Interaction, InteractionDraft, Issue, IssueDraft, IssueStep, Meeting,
    MeetingDraft, Promise, PromiseDraft, PromiseOutcome, RecordKind, Request, RequestDraft, RequestStep,
    Settings, Weights,
};
use rapport::error::ErrorCode;
use rapport::service::{
    AccountHealth, AccountRow, ArchivedRecord, BackupFile, BackupPolicy, Backups, BriefFormat, BriefOutline,
    CaptureDraft, Captured, ExchangeReport, ExportFormat, FeedSettings, ImportOptions, ImportReport,
    ImportSource, PutAside, PutAsideUndo, Restored, Review, SearchResults, Settlement, TodayPage,
};
use rapport::{Rapport, UserError};
use std::path::{Path, PathBuf};

use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_specta::{Builder, collect_commands};

use crate::Core;

mod advisor;
mod app;
mod backups;
mod files;
mod health;
mod mail;
mod merges;
mod noticed;
mod records;
mod today;

type Answer<T> = Result<T, UserError>;

/// The user's own time zone, for the times in a brief, shown or saved.
fn your_zone() -> String {
    rapport::clock::your_zone()
}

/// Runs one core operation off the UI thread, with the current time; a failure is logged by the
/// command's `name`.
async fn with_core<T: Send + 'static>(
    name: &'static str,
    core: &State<'_, Core>,
    operation: impl FnOnce(&mut Rapport, DateTime<Utc>) -> rapport::Result<T> + Send + 'static,
) -> Answer<T> {
    let (clock, core) = (core.clock, core.open.clone());
    tauri::async_runtime::spawn_blocking(move || {
        let mut guard = core.lock().map_err(|_| busy())?;
        let rapport = guard.as_mut().map_err(|err| err.clone())?;
        let path = rapport.path().to_path_buf();
        operation(rapport, clock.now()).map_err(|err| {
            let error = UserError::from(rapport::service::name_damage(&path, err));
            crate::logbook::failed(name, &error);
            error
        })
    })
    .await
    .map_err(|_| busy())?
}

/// Runs a long operation like [`with_core`], letting the window show how far it has come
/// (`work_progress`) and stop it where stopping loses nothing (`stop_work`).
async fn with_work<T: Send + 'static>(
    name: &'static str,
    core: &State<'_, Core>,
    operation: impl FnOnce(&mut Rapport, DateTime<Utc>) -> rapport::Result<T> + Send + 'static,
) -> Answer<T> {
    let progress = rapport::service::Progress::new();
    if let Ok(mut work) = core.work.lock() {
        *work = Some(progress.clone());
    }
    let answer = with_core(name, core, move |r, now| {
        r.watch(Some(progress));
        let answer = operation(r, now);
        r.watch(None);
        answer
    })
    .await;
    if let Ok(mut work) = core.work.lock() {
        *work = None;
    }
    answer
}

/// Only reached if an earlier operation crashed mid-way; the database itself is intact.
pub(crate) fn busy() -> UserError {
    UserError {
        code: ErrorCode::Storage,
        message: "Rapport hit an internal problem and stopped this action; nothing was saved. Restart Rapport and try again.".into(),
        field: None,
    }
}

/// What the system's file dialog is asked for.
enum Pick {
    /// A save dialog proposing this file name, with its extension, in this folder (the
    /// system's choice when absent).
    Save(String, &'static str, Option<PathBuf>),
    /// An open dialog for files of this kind, with these extensions.
    Open(&'static str, Vec<&'static str>),
    /// An open dialog for a folder.
    Folder,
}

/// Asks the user where to save, or which file to open, with the system's own dialog.
async fn pick_path(app: AppHandle, pick: Pick) -> Answer<Option<PathBuf>> {
    // The one seam for the end-to-end tests: the system's dialog cannot be driven over
    // WebDriver, so a test may answer it in advance. Everything after the answer is real.
    // A folder given as the answer is where the user accepted the proposed name.
    let answer = match &pick {
        Pick::Save(name, ..) => std::env::var_os("RAPPORT_TEST_SAVE_AS")
            .map(PathBuf::from)
            .map(|path| if path.is_dir() { path.join(name) } else { path }),
        Pick::Open(..) | Pick::Folder => std::env::var_os("RAPPORT_TEST_OPEN").map(PathBuf::from),
    };
    if let Some(path) = answer {
        return Ok(Some(path));
    }
    tauri::async_runtime::spawn_blocking(move || {
        let dialog = app.dialog().file();
        let picked = match pick {
            Pick::Save(name, extension, folder) => {
                let dialog = dialog.add_filter(extension, &[extension]).set_file_name(name);
                let dialog = match folder {
                    Some(folder) => dialog.set_directory(folder),
                    None => dialog,
                };
                dialog.blocking_save_file()
            }
            Pick::Open(kind, extensions) => dialog.add_filter(kind, &extensions).blocking_pick_file(),
            Pick::Folder => dialog.blocking_pick_folder(),
        };
        picked.and_then(|p| p.into_path().ok())
    })
    .await
    .map_err(|_| busy())
}

pub fn bindings() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new().commands(collect_commands![
        records::list_accounts,
        records::account_page,
        records::add_account,
        records::update_account,
        records::add_contact,
        records::update_contact,
        records::log_interaction,
        records::capture,
        records::update_interaction,
        records::add_culture_note,
        records::update_culture_note,
        records::add_goal,
        records::update_goal,
        records::add_goal_progress,
        records::add_promise,
        records::update_promise,
        records::settle_promise,
        records::add_request,
        records::update_request,
        records::mark_request,
        records::open_issue,
        records::update_issue,
        records::mark_issue,
        records::add_meeting,
        records::update_meeting,
        records::archive,
        records::restore,
        records::archived,
        records::search,
        records::read_day,
        files::export_archive,
        files::import_archive,
        files::inspect_import,
        files::preview_import,
        files::import_file,
        files::export_file,
        files::feed_settings,
        files::save_feed_settings,
        mail::pick_mail,
        mail::import_mail,
        mail::mail_kept_current,
        mail::keep_mail_current,
        mail::pick_calendar,
        advisor::stakeholders,
        advisor::trust,
        advisor::value_review,
        advisor::save_value_review,
        merges::likely_duplicates,
        merges::not_duplicates,
        merges::merge_people,
        merges::merge_accounts,
        merges::undo_merge,
        app::opening,
        app::about,
        app::look_at_demo,
        app::leave_demo,
        app::work_progress,
        app::stop_work,
        mail::calendars_kept_current,
        mail::keep_calendar_current,
        mail::read_calendars_now,
        noticed::noticed,
        noticed::noticed_waiting,
        noticed::accept_noticed,
        noticed::ignore_noticed,
        noticed::reopen_noticed,
        today::today_page,
        today::complete_checkin,
        today::snooze_checkin,
        today::dismiss_checkin,
        today::undo_put_aside,
        today::put_aside,
        today::bring_back,
        today::checkin_settings,
        today::save_checkin_settings,
        health::health_review,
        health::account_health,
        health::mark_reviewed,
        health::undo_mark_reviewed,
        health::health_weights,
        health::save_health_weights,
        health::brief,
        health::save_brief,
        health::open_saved_brief,
        backups::backups,
        backups::back_up_now,
        backups::save_backup_policy,
        backups::restore_backup,
        backups::unlock,
    ])
}

#[cfg(test)]
mod tests {
    use specta_typescript::Typescript;

    /// The TypeScript the UI compiles against must be what the Rust types say today.
    /// Run with UPDATE_BINDINGS=1 to rewrite it after changing a type or a command.
    #[test]
    fn ui_bindings_are_generated_from_the_current_rust_types() {
        let committed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts");
        let fresh = std::env::temp_dir().join(format!("rapport-bindings-{}.ts", std::process::id()));
        super::bindings()
            .export(
                Typescript::default()
                    .header("// Generated from Rust by tauri-specta: do not edit. Run `make bindings`.\n"),
                &fresh,
            )
            .expect("bindings export");
        let fresh_text = std::fs::read_to_string(&fresh).unwrap();
        let _ = std::fs::remove_file(&fresh);
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&committed, &fresh_text).unwrap();
            return;
        }
        let committed_text = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(
            committed_text == fresh_text,
            "ui/src/bindings.ts is stale: the Rust types or commands changed. Run `make bindings` and commit the result."
        );
    }

    /// Every command is written in four places — its function, the builder's list, `build.rs`
    /// (which makes its permission) and `capabilities/main.json` (which grants it to the window)
    /// — and the four must name the same commands.
    #[test]
    fn every_command_is_listed_permitted_and_granted_once() {
        use std::collections::BTreeSet;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
        let mut defined = BTreeSet::new();
        for file in std::fs::read_dir(root.join("src/commands")).unwrap() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            let mut after_attribute = false;
            for line in text.lines() {
                if line.starts_with("#[tauri::command]") {
                    after_attribute = true;
                } else if after_attribute
                    && let Some(rest) =
                        line.strip_prefix("pub async fn ").or_else(|| line.strip_prefix("pub fn "))
                {
                    defined.insert(rest.split(['(', '<']).next().unwrap().to_string());
                    after_attribute = false;
                }
            }
        }
        let mod_rs = read("src/commands/mod.rs");
        let list = &mod_rs[mod_rs.find("collect_commands![").unwrap()..];
        let built: BTreeSet<String> = list[..list.find(']').unwrap()]
            .split([',', '[', '\n'])
            .map(|s| s.trim().rsplit("::").next().unwrap().to_string())
            .filter(|s| !s.is_empty() && !s.starts_with("collect_commands"))
            .collect();
        let build_rs = read("build.rs");
        let list = &build_rs[build_rs.find("COMMANDS: &[&str] = &[").unwrap()..];
        let permitted: BTreeSet<String> =
            list[..list.find("];").unwrap()].split('"').skip(1).step_by(2).map(str::to_string).collect();
        let capabilities: serde_json::Value = serde_json::from_str(&read("capabilities/main.json")).unwrap();
        let granted: BTreeSet<String> = capabilities["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str()?.strip_prefix("allow-").map(|n| n.replace('-', "_")))
            .collect();
        assert!(defined.len() >= 50, "{defined:?}");
        assert_eq!(built, defined, "the builder's list and the commands defined");
        assert_eq!(permitted, defined, "build.rs and the commands defined");
        assert_eq!(granted, defined, "capabilities/main.json and the commands defined");
    }
}
