//! The health review, one account's health, the weights, and the brief (shown, or saved as a document).

use super::*;

#[tauri::command]
#[specta::specta]
pub async fn health_review(core: State<'_, Core>) -> Answer<Review> {
    with_work("health_review", &core, |r, now| r.health_review(now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn account_health(core: State<'_, Core>, account_id: String) -> Answer<AccountHealth> {
    with_core("account_health", &core, move |r, now| r.account_health(&account_id, now)).await
}

/// Marks the review read; answers with the moment, the baseline of "what changed".
#[tauri::command]
#[specta::specta]
pub async fn mark_reviewed(core: State<'_, Core>) -> Answer<DateTime<Utc>> {
    with_core("mark_reviewed", &core, |r, now| r.mark_reviewed(now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn undo_mark_reviewed(core: State<'_, Core>) -> Answer<()> {
    with_core("undo_mark_reviewed", &core, |r, _| r.undo_mark_reviewed()).await
}

#[tauri::command]
#[specta::specta]
pub async fn health_weights(core: State<'_, Core>) -> Answer<Weights> {
    with_core("health_weights", &core, |r, _| r.health_weights()).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_health_weights(core: State<'_, Core>, weights: Weights) -> Answer<()> {
    with_core("save_health_weights", &core, move |r, _| r.save_health_weights(&weights)).await
}

/// The brief as it reads — the outline a saved brief is rendered from — in the user's zone and
/// the client's; for the next meeting within a week when none is chosen.
#[tauri::command]
#[specta::specta]
pub async fn brief(
    core: State<'_, Core>,
    account_id: String,
    meeting_id: Option<String>,
) -> Answer<BriefOutline> {
    let zone = your_zone();
    with_core("brief", &core, move |r, now| r.brief_outline(&account_id, meeting_id.as_deref(), &zone, now))
        .await
}

/// Saves the brief as Markdown or HTML where the user chooses, proposing a name of its own (the
/// day, the account, the meeting) in the folder the last brief went to; `None` when they cancel.
#[tauri::command]
#[specta::specta]
pub async fn save_brief(
    app: AppHandle,
    core: State<'_, Core>,
    account_id: String,
    meeting_id: Option<String>,
    format: BriefFormat,
) -> Answer<Option<String>> {
    let extension = format.extension();
    let zone = your_zone();
    let (account, meeting) = (account_id.clone(), meeting_id.clone());
    let (name, folder) = with_core("save_brief", &core, move |r, now| {
        Ok((r.brief_file_name(&account, meeting.as_deref(), format, &zone, now)?, r.brief_folder()?))
    })
    .await?;
    let Some(path) = pick_path(app, Pick::Save(name, extension, folder)).await? else { return Ok(None) };
    let zone = your_zone();
    let written = path.clone();
    with_core("save_brief", &core, move |r, now| {
        r.save_brief(&written, &account_id, meeting_id.as_deref(), format, &zone, now)
    })
    .await?;
    let shown = path.display().to_string();
    if let Ok(mut last) = core.saved_brief.lock() {
        *last = Some(path);
    }
    Ok(Some(shown))
}

/// Opens the brief saved last with the system's own app for it. Only that file: the window
/// cannot ask for any other.
#[tauri::command]
#[specta::specta]
pub async fn open_saved_brief(core: State<'_, Core>) -> Answer<()> {
    let path = core.saved_brief.lock().ok().and_then(|last| last.clone());
    let Some(path) = path else {
        return Err(UserError {
            code: ErrorCode::NotFound,
            message: "No brief has been saved since Rapport opened. Save the brief first.".into(),
            field: None,
        });
    };
    open::that_detached(&path).map_err(|err| UserError {
        code: ErrorCode::File,
        message: format!(
            "Rapport saved the brief to {}, but could not open it: {err}. Open it from that folder.",
            path.display()
        ),
        field: None,
    })
}
