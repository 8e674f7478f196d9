//! Backups, restore, and unlocking a locked database.

use super::*;

/// The backups, listed from the folder beside the database: this works even when the database
/// itself could not be opened, which is when they are needed most.
#[tauri::command]
#[specta::specta]
pub async fn backups(core: State<'_, Core>) -> Answer<Backups> {
    if core.in_demo() {
        return Err(crate::demo::refused());
    }
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
    .inspect_err(|error| crate::logbook::failed("backups", error))
}

#[tauri::command]
#[specta::specta]
pub async fn back_up_now(core: State<'_, Core>) -> Answer<BackupFile> {
    with_core("back_up_now", &core, |r, now| r.back_up(now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_backup_policy(core: State<'_, Core>, policy: BackupPolicy) -> Answer<Backups> {
    with_core("save_backup_policy", &core, move |r, now| r.save_backup_policy(policy, now)).await
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
    if core.in_demo() {
        return Err(crate::demo::refused());
    }
    let file = match path {
        Some(p) => PathBuf::from(p),
        None => match pick_path(app, Pick::Open("Rapport backup", vec!["db"])).await? {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    let core = core.inner().clone();
    // Shown while it runs; a restore is never stopped half-way.
    let progress = rapport::service::Progress::new();
    progress.step("Restoring your data from the backup", rapport::service::Unit::Pages, None);
    progress.cannot_stop();
    if let Ok(mut work) = core.work.lock() {
        *work = Some(progress);
    }
    let work = core.work.clone();
    let answer = tauri::async_runtime::spawn_blocking(move || {
        let mut guard = core.open.lock().map_err(|_| busy())?;
        rapport::service::restore_over(&mut guard, &core.path, &file, core.clock, busy)
            .map(Some)
            .map_err(UserError::from)
    })
    .await
    .map_err(|_| busy())?
    .inspect_err(|error| crate::logbook::failed("restore_backup", error));
    if let Ok(mut work) = work.lock() {
        *work = None;
    }
    answer
}

/// Opens a database locked with a passphrase, which the window asked for; with `remember`, the
/// passphrase is kept in the system's keyring for the next start. A wrong one changes nothing.
#[tauri::command]
#[specta::specta]
pub async fn unlock(core: State<'_, Core>, passphrase: String, remember: bool) -> Answer<()> {
    if core.in_demo() {
        return Err(crate::demo::refused());
    }
    let core = core.inner().clone();
    tauri::async_runtime::spawn_blocking(move || {
        // A wrong passphrase is refused here and leaves the window as it was.
        let unlocked = rapport::service::unlock(&core.path, &passphrase, remember, machine_now())
            .map_err(UserError::from)?;
        core.install(Ok(unlocked.rapport), Some(unlocked.key));
        unlocked.remembered.map_err(UserError::from)
    })
    .await
    .map_err(|_| busy())?
    .inspect_err(|error| crate::logbook::failed("unlock", error))
}
