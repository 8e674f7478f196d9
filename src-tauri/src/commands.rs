//! The commands the window can call. Each is one line: take the core, call one operation,
//! hand back the result or the user's sentence. The clock is read here, at the door.

use chrono::{DateTime, Utc};
use rapport::clock::machine_now;
use rapport::domain::{
    Account, AccountDraft, AccountPage, AccountSummary, Contact, ContactDraft, CultureNote, CultureNoteDraft,
    Goal, GoalDraft, GoalStatus, Interaction, InteractionDraft, Issue, IssueDraft, IssueStep, Meeting,
    MeetingDraft, Promise, PromiseDraft, PromiseOutcome, RecordKind, Request, RequestDraft, RequestStep,
    Settings, Weights,
};
use rapport::error::ErrorCode;
use rapport::service::{
    AccountHealth, ArchivedRecord, BackupFile, BackupPolicy, Backups, Brief, BriefFormat, CaptureDraft,
    Captured, ExchangeReport, ExportFormat, FeedSettings, ImportOptions, ImportReport, ImportSource,
    Passphrase, Restored, Review, SearchResults, TodayPage,
};
use rapport::{Rapport, UserError};
use std::path::{Path, PathBuf};

use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_specta::{Builder, collect_commands};

use crate::Core;

type Answer<T> = Result<T, UserError>;

/// The user's own time zone, for the times in a saved brief.
fn your_zone() -> String {
    rapport::clock::your_zone()
}

/// Runs one core operation off the UI thread, with the current time.
async fn with_core<T: Send + 'static>(
    core: &State<'_, Core>,
    operation: impl FnOnce(&mut Rapport, DateTime<Utc>) -> rapport::Result<T> + Send + 'static,
) -> Answer<T> {
    let (clock, core) = (core.clock, core.open.clone());
    tauri::async_runtime::spawn_blocking(move || {
        let mut guard = core.lock().map_err(|_| busy())?;
        let rapport = guard.as_mut().map_err(|err| err.clone())?;
        let path = rapport.path().to_path_buf();
        operation(rapport, clock.now())
            .map_err(|err| UserError::from(rapport::service::name_damage(&path, err)))
    })
    .await
    .map_err(|_| busy())?
}

/// Only reached if an earlier operation crashed mid-way; the database itself is intact.
fn busy() -> UserError {
    UserError {
        code: ErrorCode::Storage,
        message: "Rapport hit an internal problem and stopped this action; nothing was saved. Restart Rapport and try again.".into(),
        field: None,
    }
}

#[tauri::command]
#[specta::specta]
pub async fn list_accounts(core: State<'_, Core>) -> Answer<Vec<AccountSummary>> {
    with_core(&core, |r, now| r.accounts(now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn account_page(core: State<'_, Core>, account_id: String) -> Answer<AccountPage> {
    with_core(&core, move |r, now| r.account_page(&account_id, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_account(core: State<'_, Core>, draft: AccountDraft) -> Answer<Account> {
    with_core(&core, move |r, now| r.add_account(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_account(
    core: State<'_, Core>,
    account_id: String,
    draft: AccountDraft,
) -> Answer<Account> {
    with_core(&core, move |r, now| r.update_account(&account_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_contact(core: State<'_, Core>, draft: ContactDraft) -> Answer<Contact> {
    with_core(&core, move |r, now| r.add_contact(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_contact(
    core: State<'_, Core>,
    contact_id: String,
    draft: ContactDraft,
) -> Answer<Contact> {
    with_core(&core, move |r, now| r.update_contact(&contact_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn log_interaction(core: State<'_, Core>, draft: InteractionDraft) -> Answer<Interaction> {
    with_core(&core, move |r, now| r.log_interaction(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn capture(core: State<'_, Core>, draft: CaptureDraft) -> Answer<Captured> {
    with_core(&core, move |r, now| r.capture(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_interaction(
    core: State<'_, Core>,
    interaction_id: String,
    draft: InteractionDraft,
) -> Answer<Interaction> {
    with_core(&core, move |r, now| r.update_interaction(&interaction_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_culture_note(core: State<'_, Core>, draft: CultureNoteDraft) -> Answer<CultureNote> {
    with_core(&core, move |r, now| r.add_culture_note(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_culture_note(
    core: State<'_, Core>,
    note_id: String,
    draft: CultureNoteDraft,
) -> Answer<CultureNote> {
    with_core(&core, move |r, now| r.update_culture_note(&note_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_goal(core: State<'_, Core>, draft: GoalDraft) -> Answer<Goal> {
    with_core(&core, move |r, now| r.add_goal(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_goal(core: State<'_, Core>, goal_id: String, draft: GoalDraft) -> Answer<Goal> {
    with_core(&core, move |r, now| r.update_goal(&goal_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_goal_progress(
    core: State<'_, Core>,
    goal_id: String,
    text: String,
    status: Option<GoalStatus>,
) -> Answer<Goal> {
    with_core(&core, move |r, now| r.add_goal_progress(&goal_id, &text, status, None, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_promise(core: State<'_, Core>, draft: PromiseDraft) -> Answer<Promise> {
    with_core(&core, move |r, now| r.add_promise(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_promise(
    core: State<'_, Core>,
    promise_id: String,
    draft: PromiseDraft,
) -> Answer<Promise> {
    with_core(&core, move |r, now| r.update_promise(&promise_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn settle_promise(
    core: State<'_, Core>,
    promise_id: String,
    outcome: PromiseOutcome,
) -> Answer<Promise> {
    with_core(&core, move |r, now| r.settle_promise(&promise_id, outcome, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_request(core: State<'_, Core>, draft: RequestDraft) -> Answer<Request> {
    with_core(&core, move |r, now| r.add_request(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_request(
    core: State<'_, Core>,
    request_id: String,
    draft: RequestDraft,
) -> Answer<Request> {
    with_core(&core, move |r, now| r.update_request(&request_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn mark_request(core: State<'_, Core>, request_id: String, step: RequestStep) -> Answer<Request> {
    with_core(&core, move |r, now| r.mark_request(&request_id, step, None, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn open_issue(core: State<'_, Core>, draft: IssueDraft) -> Answer<Issue> {
    with_core(&core, move |r, now| r.open_issue(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_issue(core: State<'_, Core>, issue_id: String, draft: IssueDraft) -> Answer<Issue> {
    with_core(&core, move |r, now| r.update_issue(&issue_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn mark_issue(core: State<'_, Core>, issue_id: String, step: IssueStep) -> Answer<Issue> {
    with_core(&core, move |r, now| r.mark_issue(&issue_id, step, None, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_meeting(core: State<'_, Core>, draft: MeetingDraft) -> Answer<Meeting> {
    with_core(&core, move |r, now| r.add_meeting(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_meeting(
    core: State<'_, Core>,
    meeting_id: String,
    draft: MeetingDraft,
) -> Answer<Meeting> {
    with_core(&core, move |r, now| r.update_meeting(&meeting_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn archive(core: State<'_, Core>, kind: RecordKind, id: String) -> Answer<ArchivedRecord> {
    with_core(&core, move |r, now| r.archive(kind, &id, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn restore(core: State<'_, Core>, kind: RecordKind, id: String) -> Answer<()> {
    with_core(&core, move |r, _| r.restore(kind, &id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn archived(core: State<'_, Core>) -> Answer<Vec<ArchivedRecord>> {
    with_core(&core, |r, _| r.archived()).await
}

#[tauri::command]
#[specta::specta]
pub async fn search(core: State<'_, Core>, query: String) -> Answer<SearchResults> {
    with_core(&core, move |r, _| r.search(&query)).await
}

#[tauri::command]
#[specta::specta]
pub async fn today_page(core: State<'_, Core>, per_group: u32) -> Answer<TodayPage> {
    with_core(&core, move |r, now| r.today_page(now, per_group)).await
}

#[tauri::command]
#[specta::specta]
pub async fn complete_checkin(
    core: State<'_, Core>,
    key: String,
    fingerprint: String,
    draft: CaptureDraft,
) -> Answer<Captured> {
    with_core(&core, move |r, now| r.complete_checkin(&key, &fingerprint, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn snooze_checkin(
    core: State<'_, Core>,
    key: String,
    fingerprint: String,
    until: String,
) -> Answer<()> {
    with_core(&core, move |r, now| r.snooze(&key, &fingerprint, &until, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn dismiss_checkin(core: State<'_, Core>, key: String, fingerprint: String) -> Answer<()> {
    with_core(&core, move |r, now| r.dismiss(&key, &fingerprint, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn checkin_settings(core: State<'_, Core>) -> Answer<Settings> {
    with_core(&core, |r, _| r.settings()).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_checkin_settings(core: State<'_, Core>, settings: Settings) -> Answer<()> {
    with_core(&core, move |r, _| r.save_settings(&settings)).await
}

#[tauri::command]
#[specta::specta]
pub async fn health_review(core: State<'_, Core>) -> Answer<Review> {
    with_core(&core, |r, now| r.health_review(now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn account_health(core: State<'_, Core>, account_id: String) -> Answer<AccountHealth> {
    with_core(&core, move |r, now| r.account_health(&account_id, now)).await
}

/// Marks the review read; answers with the moment, the baseline of "what changed".
#[tauri::command]
#[specta::specta]
pub async fn mark_reviewed(core: State<'_, Core>) -> Answer<DateTime<Utc>> {
    with_core(&core, |r, now| r.mark_reviewed(now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn health_weights(core: State<'_, Core>) -> Answer<Weights> {
    with_core(&core, |r, _| r.health_weights()).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_health_weights(core: State<'_, Core>, weights: Weights) -> Answer<()> {
    with_core(&core, move |r, _| r.save_health_weights(&weights)).await
}

#[tauri::command]
#[specta::specta]
pub async fn brief(core: State<'_, Core>, account_id: String, meeting_id: Option<String>) -> Answer<Brief> {
    with_core(&core, move |r, now| r.brief(&account_id, meeting_id.as_deref(), now)).await
}

/// Saves the brief as Markdown or HTML where the user chooses; `None` when they cancel.
#[tauri::command]
#[specta::specta]
pub async fn save_brief(
    app: AppHandle,
    core: State<'_, Core>,
    account_id: String,
    meeting_id: Option<String>,
    format: BriefFormat,
) -> Answer<Option<String>> {
    let (name, extension) = match format {
        BriefFormat::Markdown => ("brief.md", "md"),
        BriefFormat::Html => ("brief.html", "html"),
    };
    let Some(path) = pick_path(app, Pick::Save(name, extension)).await? else { return Ok(None) };
    let zone = your_zone();
    with_core(&core, move |r, now| {
        let text = r.brief_document(&account_id, meeting_id.as_deref(), format, &zone, now)?;
        r.write_user_file(&path, &text)?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// What the system's file dialog is asked for.
enum Pick {
    /// A save dialog proposing this file name, with its extension.
    Save(&'static str, &'static str),
    /// An open dialog for files of this kind, with these extensions.
    Open(&'static str, &'static [&'static str]),
}

/// Asks the user where to save, or which file to open, with the system's own dialog.
async fn pick_path(app: AppHandle, pick: Pick) -> Answer<Option<PathBuf>> {
    // The one seam for the end-to-end tests: the system's dialog cannot be driven over
    // WebDriver, so a test may answer it in advance. Everything after the answer is real.
    let answer = match pick {
        Pick::Save(..) => std::env::var_os("RAPPORT_TEST_SAVE_AS"),
        Pick::Open(..) => std::env::var_os("RAPPORT_TEST_OPEN"),
    };
    if let Some(path) = answer {
        return Ok(Some(PathBuf::from(path)));
    }
    tauri::async_runtime::spawn_blocking(move || {
        let dialog = app.dialog().file();
        let picked = match pick {
            Pick::Save(name, extension) => {
                dialog.add_filter(extension, &[extension]).set_file_name(name).blocking_save_file()
            }
            Pick::Open(kind, extensions) => dialog.add_filter(kind, extensions).blocking_pick_file(),
        };
        picked.and_then(|p| p.into_path().ok())
    })
    .await
    .map_err(|_| busy())
}

#[tauri::command]
#[specta::specta]
pub async fn export_archive(app: AppHandle, core: State<'_, Core>) -> Answer<Option<String>> {
    let Some(path) = pick_path(app, Pick::Save("rapport-archive.json", "json")).await? else {
        return Ok(None);
    };
    with_core(&core, move |r, now| r.export_archive_to(&path, now).map(|_| Some(path.display().to_string())))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn import_archive(app: AppHandle, core: State<'_, Core>) -> Answer<Option<ImportReport>> {
    let Some(path) = pick_path(app, Pick::Open("Rapport archive", &["json"])).await? else { return Ok(None) };
    with_core(&core, move |r, now| r.import_archive_from(&path, false, now).map(Some)).await
}

/// What the file at `path` is (the system's open dialog asks when `path` is absent); `None`
/// when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn inspect_import(
    app: AppHandle,
    core: State<'_, Core>,
    path: Option<String>,
) -> Answer<Option<ImportSource>> {
    let path = match path {
        Some(p) => PathBuf::from(p),
        None => match pick_path(
            app,
            Pick::Open(
                "Contacts, companies or calendar",
                &["csv", "tsv", "txt", "vcf", "vcard", "ics", "ical"],
            ),
        )
        .await?
        {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    with_core(&core, move |r, _| r.inspect_import(&path).map(Some)).await
}

/// What importing the file would create, merge or bring back, line by line; nothing is written.
#[tauri::command]
#[specta::specta]
pub async fn preview_import(
    core: State<'_, Core>,
    path: String,
    options: ImportOptions,
) -> Answer<ExchangeReport> {
    let options = ImportOptions { timezone: options.timezone.or_else(|| Some(your_zone())), ..options };
    with_core(&core, move |r, now| r.import_file(Path::new(&path), &options, true, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn import_file(
    core: State<'_, Core>,
    path: String,
    options: ImportOptions,
) -> Answer<ExchangeReport> {
    let options = ImportOptions { timezone: options.timezone.or_else(|| Some(your_zone())), ..options };
    with_core(&core, move |r, now| r.import_file(Path::new(&path), &options, false, now)).await
}

/// Writes people (CSV, vCard) or the calendar (ICS), of one account or all, to `path` or where
/// the user chooses in the save dialog; `None` when they cancel.
#[tauri::command]
#[specta::specta]
pub async fn export_file(
    app: AppHandle,
    core: State<'_, Core>,
    format: ExportFormat,
    account_id: Option<String>,
    path: Option<String>,
) -> Answer<Option<String>> {
    let path = match path {
        Some(p) => PathBuf::from(p),
        None => {
            let name = match format {
                ExportFormat::Archive => "rapport-archive.json",
                ExportFormat::Csv => "rapport-people.csv",
                ExportFormat::Vcard | ExportFormat::Vcard3 => "rapport-people.vcf",
                ExportFormat::Ics => "rapport.ics",
            };
            match pick_path(app, Pick::Save(name, format.extension())).await? {
                Some(p) => p,
                None => return Ok(None),
            }
        }
    };
    with_core(&core, move |r, now| {
        r.export_to(&path, format, account_id.as_deref(), now).map(|_| Some(path.display().to_string()))
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn feed_settings(core: State<'_, Core>) -> Answer<FeedSettings> {
    with_core(&core, move |r, _| r.feed_settings()).await
}

/// Turns the calendar file on at `settings.path` (or, with `choose`, where the user picks in
/// the save dialog) or off with no path, writing it at once when on.
#[tauri::command]
#[specta::specta]
pub async fn save_feed_settings(
    app: AppHandle,
    core: State<'_, Core>,
    settings: FeedSettings,
    choose: bool,
) -> Answer<Option<FeedSettings>> {
    let settings = if choose {
        match pick_path(app, Pick::Save("rapport.ics", "ics")).await? {
            Some(p) => FeedSettings { path: Some(p.display().to_string()) },
            None => return Ok(None),
        }
    } else {
        settings
    };
    with_core(&core, move |r, now| r.save_feed_settings(settings, now).map(Some)).await
}

/// The backups, listed from the folder beside the database: this works even when the database
/// itself could not be opened, which is when they are needed most.
#[tauri::command]
#[specta::specta]
pub async fn backups(core: State<'_, Core>) -> Answer<Backups> {
    let core = core.inner().clone();
    tauri::async_runtime::spawn_blocking(move || {
        let guard = core.open.lock().map_err(|_| busy())?;
        let policy = match guard.as_ref() {
            Ok(rapport) => rapport.backups().map(|b| b.policy).map_err(UserError::from)?,
            Err(_) => BackupPolicy::default(),
        };
        rapport::service::backups_at(&core.path, policy).map_err(UserError::from)
    })
    .await
    .map_err(|_| busy())?
}

#[tauri::command]
#[specta::specta]
pub async fn back_up_now(core: State<'_, Core>) -> Answer<BackupFile> {
    with_core(&core, |r, now| r.back_up(now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_backup_policy(core: State<'_, Core>, policy: BackupPolicy) -> Answer<Backups> {
    with_core(&core, move |r, now| r.save_backup_policy(policy, now)).await
}

/// Restores one of the listed backups (or, with no path, a file the user picks), whether or not
/// the database is open now. The window reloads its views from the restored database.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(
    app: AppHandle,
    core: State<'_, Core>,
    path: Option<String>,
) -> Answer<Option<Restored>> {
    let file = match path {
        Some(p) => PathBuf::from(p),
        None => match pick_path(app, Pick::Open("Rapport backup", &["db"])).await? {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    let core = core.inner().clone();
    tauri::async_runtime::spawn_blocking(move || {
        let mut guard = core.open.lock().map_err(|_| busy())?;
        // The backups of a locked database are locked with its passphrase.
        let key = match guard.as_ref() {
            Ok(r) => r.store().key().cloned(),
            Err(_) => None,
        };
        // A file that cannot be restored is refused before the open database is touched.
        rapport::service::check_backup(&file, key.as_ref()).map_err(UserError::from)?;
        // The open database is closed first; whatever happens, the slot then holds what opened.
        let closed = std::mem::replace(&mut *guard, Err(busy()));
        drop(closed);
        // A restore is a chore: the copy it keeps is named by the machine's clock.
        let now = machine_now();
        match rapport::service::restore(&core.path, &file, now, key.clone()) {
            Ok((mut rapport, restored)) => {
                rapport.set_clock(core.clock);
                *guard = Ok(rapport);
                Ok(Some(restored))
            }
            Err(err) => {
                *guard = Rapport::open_keyed(&core.path, now, key, true)
                    .map(|mut r| {
                        r.set_clock(core.clock);
                        r
                    })
                    .map_err(UserError::from);
                Err(UserError::from(err))
            }
        }
    })
    .await
    .map_err(|_| busy())?
}

/// Opens a database locked with a passphrase, which the window asked for; with `remember`, the
/// passphrase is kept in the system's keyring for the next start. A wrong one changes nothing.
#[tauri::command]
#[specta::specta]
pub async fn unlock(core: State<'_, Core>, passphrase: String, remember: bool) -> Answer<()> {
    let core = core.inner().clone();
    tauri::async_runtime::spawn_blocking(move || {
        let key = Passphrase::given(&passphrase);
        // A wrong passphrase is refused here and leaves the window as it was.
        let opened = Rapport::open_keyed(&core.path, machine_now(), Some(key.clone()), false)
            .map_err(UserError::from)?;
        core.install(Ok(opened), Some(key.clone()));
        if remember {
            rapport::service::remember_passphrase(&core.path, &key).map_err(UserError::from)?;
        }
        Ok(())
    })
    .await
    .map_err(|_| busy())?
}

pub fn bindings() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new().commands(collect_commands![
        list_accounts,
        account_page,
        add_account,
        update_account,
        add_contact,
        update_contact,
        log_interaction,
        capture,
        update_interaction,
        add_culture_note,
        update_culture_note,
        add_goal,
        update_goal,
        add_goal_progress,
        add_promise,
        update_promise,
        settle_promise,
        add_request,
        update_request,
        mark_request,
        open_issue,
        update_issue,
        mark_issue,
        add_meeting,
        update_meeting,
        archive,
        restore,
        archived,
        search,
        export_archive,
        import_archive,
        inspect_import,
        preview_import,
        import_file,
        export_file,
        feed_settings,
        save_feed_settings,
        today_page,
        complete_checkin,
        snooze_checkin,
        dismiss_checkin,
        checkin_settings,
        save_checkin_settings,
        health_review,
        account_health,
        mark_reviewed,
        health_weights,
        save_health_weights,
        brief,
        save_brief,
        backups,
        back_up_now,
        save_backup_policy,
        restore_backup,
        unlock,
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
}
