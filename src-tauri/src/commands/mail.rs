//! The user's mail and calendars: read a mail file or folder chosen in the system's dialog,
//! and the mail and calendars kept current.

use rapport::service::{CalendarReading, MailReport};
use tauri::{AppHandle, State};

use super::{Answer, Pick, pick_path, with_core, with_work};
use crate::Core;

/// Asks the user for a mail file (an .eml, .emlx, Outlook .msg or mbox) or a mail folder (a
/// Maildir, a folder of message files); `None` when they cancel.
#[tauri::command]
#[specta::specta]
pub async fn pick_mail(app: AppHandle, folder: bool) -> Answer<Option<String>> {
    let pick =
        if folder { Pick::Folder } else { Pick::Open("Mail", vec!["eml", "emlx", "msg", "mbox", "mbx"]) };
    Ok(pick_path(app, pick).await?.map(|p| p.display().to_string()))
}

/// Reads the mail at `path`: what it would add (`dry_run`), or adds it.
#[tauri::command]
#[specta::specta]
pub async fn import_mail(core: State<'_, Core>, path: String, dry_run: bool) -> Answer<MailReport> {
    with_work("import_mail", &core, move |r, now| r.import_mail(std::path::Path::new(&path), dry_run, now))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn mail_kept_current(core: State<'_, Core>) -> Answer<Vec<String>> {
    with_core("mail_kept_current", &core, |r, _| r.mail_kept_current()).await
}

#[tauri::command]
#[specta::specta]
pub async fn keep_mail_current(core: State<'_, Core>, path: String, keep: bool) -> Answer<Vec<String>> {
    with_core("keep_mail_current", &core, move |r, _| r.keep_mail_current(&path, keep)).await
}

/// Asks the user for a calendar their calendar program keeps on disk: an .ics file, or a
/// folder of them; `None` when they cancel.
#[tauri::command]
#[specta::specta]
pub async fn pick_calendar(app: AppHandle, folder: bool) -> Answer<Option<String>> {
    let pick = if folder { Pick::Folder } else { Pick::Open("Calendar", vec!["ics", "ical"]) };
    Ok(pick_path(app, pick).await?.map(|p| p.display().to_string()))
}

#[tauri::command]
#[specta::specta]
pub async fn calendars_kept_current(core: State<'_, Core>) -> Answer<Vec<String>> {
    with_core("calendars_kept_current", &core, |r, _| r.calendars_kept_current()).await
}

#[tauri::command]
#[specta::specta]
pub async fn keep_calendar_current(core: State<'_, Core>, path: String, keep: bool) -> Answer<Vec<String>> {
    with_core("keep_calendar_current", &core, move |r, _| r.keep_calendar_current(&path, keep)).await
}

/// Reads the calendars kept current now, rather than at the next minute's chores.
#[tauri::command]
#[specta::specta]
pub async fn read_calendars_now(core: State<'_, Core>) -> Answer<Vec<CalendarReading>> {
    with_core("read_calendars_now", &core, |r, now| r.read_calendars_kept_current(now)).await
}
