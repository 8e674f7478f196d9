//! Two records that are one: the pairs Rapport finds likely, merging two people or two accounts,
//! and taking a merge back.

use rapport::service::{LikelyPair, MergeReport, MergeUndone};
use tauri::State;

use super::{Answer, with_core};
use crate::Core;

/// People and accounts that look like one, with why.
#[tauri::command]
#[specta::specta]
pub async fn likely_duplicates(core: State<'_, Core>) -> Answer<Vec<LikelyPair>> {
    with_core("likely_duplicates", &core, |r, _| r.likely_duplicates()).await
}

/// Remembers that two people, or two accounts, are not one, so they are not proposed again.
#[tauri::command]
#[specta::specta]
pub async fn not_duplicates(core: State<'_, Core>, first: String, second: String) -> Answer<()> {
    with_core("not_duplicates", &core, move |r, now| r.not_duplicates(&first, &second, now)).await
}

/// Merges the person `merge_id` into `keep_id`.
#[tauri::command]
#[specta::specta]
pub async fn merge_people(core: State<'_, Core>, keep_id: String, merge_id: String) -> Answer<MergeReport> {
    with_core("merge_people", &core, move |r, now| r.merge_people(&keep_id, &merge_id, now)).await
}

/// Merges the account `merge_id` into `keep_id`.
#[tauri::command]
#[specta::specta]
pub async fn merge_accounts(core: State<'_, Core>, keep_id: String, merge_id: String) -> Answer<MergeReport> {
    with_core("merge_accounts", &core, move |r, now| r.merge_accounts(&keep_id, &merge_id, now)).await
}

/// Takes a merge back.
#[tauri::command]
#[specta::specta]
pub async fn undo_merge(core: State<'_, Core>, merge_id: String) -> Answer<MergeUndone> {
    with_core("undo_merge", &core, move |r, now| r.undo_merge(&merge_id, now)).await
}
