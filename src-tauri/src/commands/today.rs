//! Today: the check-ins, what was done with each, and their settings.

use super::*;

#[tauri::command]
#[specta::specta]
/// The day's check-ins within the user's budget, and the first `more` of the rest.
pub async fn today_page(core: State<'_, Core>, more: u32) -> Answer<TodayPage> {
    with_core("today_page", &core, move |r, now| r.today_page(now, None, more)).await
}

#[tauri::command]
#[specta::specta]
pub async fn complete_checkin(
    core: State<'_, Core>,
    key: String,
    draft: CaptureDraft,
    settle: Vec<Settlement>,
) -> Answer<Captured> {
    with_core("complete_checkin", &core, move |r, now| r.complete_checkin(&key, draft, &settle, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn snooze_checkin(
    core: State<'_, Core>,
    key: String,
    fingerprint: String,
    until: String,
) -> Answer<PutAsideUndo> {
    with_core("snooze_checkin", &core, move |r, now| r.snooze(&key, &fingerprint, &until, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn dismiss_checkin(
    core: State<'_, Core>,
    key: String,
    fingerprint: String,
) -> Answer<PutAsideUndo> {
    with_core("dismiss_checkin", &core, move |r, now| r.dismiss(&key, &fingerprint, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn undo_put_aside(core: State<'_, Core>, undo: PutAsideUndo) -> Answer<()> {
    with_core("undo_put_aside", &core, move |r, _| r.undo_put_aside(&undo)).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_aside(core: State<'_, Core>) -> Answer<Vec<PutAside>> {
    with_core("put_aside", &core, |r, now| r.put_aside(now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn bring_back(core: State<'_, Core>, key: String) -> Answer<PutAsideUndo> {
    with_core("bring_back", &core, move |r, now| r.bring_back(&key, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn checkin_settings(core: State<'_, Core>) -> Answer<Settings> {
    with_core("checkin_settings", &core, |r, _| r.settings()).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_checkin_settings(core: State<'_, Core>, settings: Settings) -> Answer<()> {
    with_core("save_checkin_settings", &core, move |r, _| r.save_settings(&settings)).await
}
