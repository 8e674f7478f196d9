//! "Rapport noticed": the review queue of what the user's mail and calendars suggest.

use rapport::domain::{Noticed, NoticedEdit};
use rapport::service::Accepted;
use tauri::State;

use super::{Answer, with_core};
use crate::Core;

#[tauri::command]
#[specta::specta]
pub async fn noticed(core: State<'_, Core>) -> Answer<Vec<Noticed>> {
    with_core("noticed", &core, |r, _| r.noticed()).await
}

#[tauri::command]
#[specta::specta]
pub async fn noticed_waiting(core: State<'_, Core>) -> Answer<u32> {
    with_core("noticed_waiting", &core, |r, _| r.noticed_waiting()).await
}

#[tauri::command]
#[specta::specta]
pub async fn accept_noticed(
    core: State<'_, Core>,
    ids: Vec<String>,
    edit: Option<NoticedEdit>,
) -> Answer<Vec<Accepted>> {
    with_core("accept_noticed", &core, move |r, now| r.accept_noticed(&ids, edit, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn ignore_noticed(core: State<'_, Core>, ids: Vec<String>) -> Answer<u32> {
    with_core("ignore_noticed", &core, move |r, now| r.ignore_noticed(&ids, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn reopen_noticed(core: State<'_, Core>, ids: Vec<String>) -> Answer<()> {
    with_core("reopen_noticed", &core, move |r, now| r.reopen_noticed(&ids, now)).await
}
