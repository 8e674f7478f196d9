//! The advisor's view of one account: its people's map and gaps ("if they left" too), the
//! trust ledger, and the value review to hand the client — shown, printed or saved.

use chrono::NaiveDate;
use rapport::service::{BriefFormat, BriefOutline, Stakeholders, TrustLedger};
use tauri::{AppHandle, State};

use super::{Answer, Pick, pick_path, with_core};
use crate::Core;

/// The map of the account's people and its gaps; with `without`, the account without them.
#[tauri::command]
#[specta::specta]
pub async fn stakeholders(
    core: State<'_, Core>,
    account_id: String,
    without: Option<String>,
) -> Answer<Stakeholders> {
    with_core("stakeholders", &core, move |r, now| r.stakeholders(&account_id, without.as_deref(), now)).await
}

/// The trust ledger of the account and each of its people.
#[tauri::command]
#[specta::specta]
pub async fn trust(core: State<'_, Core>, account_id: String) -> Answer<TrustLedger> {
    with_core("trust", &core, move |r, now| r.trust(&account_id, now)).await
}

/// The value review as the screen shows it; the period defaults to the last three months.
#[tauri::command]
#[specta::specta]
pub async fn value_review(
    core: State<'_, Core>,
    account_id: String,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Answer<BriefOutline> {
    with_core("value_review", &core, move |r, now| r.value_review_sections(&account_id, from, to, now)).await
}

/// Asks where to save the value review, then writes it there; `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn save_value_review(
    app: AppHandle,
    core: State<'_, Core>,
    account_id: String,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    format: BriefFormat,
) -> Answer<Option<String>> {
    let account = account_id.clone();
    let (name, folder) = with_core("save_value_review", &core, move |r, now| {
        Ok((r.value_review_file_name(&account, format, now)?, r.value_review_folder()?))
    })
    .await?;
    let Some(path) = pick_path(app, Pick::Save(name, format.extension(), folder)).await? else {
        return Ok(None);
    };
    let written = path.clone();
    with_core("save_value_review", &core, move |r, now| {
        r.save_value_review(&written, &account_id, from, to, format, now)
    })
    .await?;
    Ok(Some(path.display().to_string()))
}
