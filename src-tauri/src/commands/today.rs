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
) -> Answer<()> {
    with_core("snooze_checkin", &core, move |r, now| r.snooze(&key, &fingerprint, &until, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn dismiss_checkin(core: State<'_, Core>, key: String, fingerprint: String) -> Answer<()> {
    with_core("dismiss_checkin", &core, move |r, now| r.dismiss(&key, &fingerprint, now)).await
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
