//! Backups, restore, and unlocking a locked database.

use super::*;

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
    .inspect_err(|error| crate::logbook::failed("restore_backup", error))
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
    .inspect_err(|error| crate::logbook::failed("unlock", error))
}
