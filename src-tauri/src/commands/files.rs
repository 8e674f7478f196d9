//! Files in and out: the archive, imports from other tools, exports, and the calendar feed.

use super::*;

#[tauri::command]
#[specta::specta]
pub async fn export_archive(app: AppHandle, core: State<'_, Core>) -> Answer<Option<String>> {
    let Some(path) = pick_path(app, Pick::Save("rapport-archive.json".into(), "json", None)).await? else {
        return Ok(None);
    };
    with_work("export_archive", &core, move |r, now| {
        r.export_archive_to(&path, now).map(|_| Some(path.display().to_string()))
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn import_archive(app: AppHandle, core: State<'_, Core>) -> Answer<Option<ImportReport>> {
    let Some(path) = pick_path(app, Pick::Open("Rapport archive", vec!["json"])).await? else {
        return Ok(None);
    };
    with_work("import_archive", &core, move |r, now| r.import_archive_from(&path, false, now).map(Some)).await
}

/// What the file at `path` is (the system's open dialog asks when `path` is absent); `None`
/// when the user cancels. `no_header`: the user says the CSV's first row is data (absent: Rapport
/// tells by itself).
#[tauri::command]
#[specta::specta]
pub async fn inspect_import(
    app: AppHandle,
    core: State<'_, Core>,
    path: Option<String>,
    no_header: Option<bool>,
) -> Answer<Option<ImportSource>> {
    let path = match path {
        Some(p) => PathBuf::from(p),
        None => match pick_path(
            app,
            Pick::Open("Contacts, companies or calendar", rapport::service::other_tools_extensions()),
        )
        .await?
        {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    with_core("inspect_import", &core, move |r, _| {
        r.inspect_import_as(&path, no_header.unwrap_or(false)).map(Some)
    })
    .await
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
    with_work("preview_import", &core, move |r, now| r.import_file(Path::new(&path), &options, true, now))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn import_file(
    core: State<'_, Core>,
    path: String,
    options: ImportOptions,
) -> Answer<ExchangeReport> {
    let options = ImportOptions { timezone: options.timezone.or_else(|| Some(your_zone())), ..options };
    with_work("import_file", &core, move |r, now| r.import_file(Path::new(&path), &options, false, now)).await
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
            match pick_path(app, Pick::Save(name.into(), format.extension(), None)).await? {
                Some(p) => p,
                None => return Ok(None),
            }
        }
    };
    with_work("export_file", &core, move |r, now| {
        r.export_to(&path, format, account_id.as_deref(), now).map(|_| Some(path.display().to_string()))
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn feed_settings(core: State<'_, Core>) -> Answer<FeedSettings> {
    with_core("feed_settings", &core, move |r, _| r.feed_settings()).await
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
        match pick_path(app, Pick::Save("rapport.ics".into(), "ics", None)).await? {
            Some(p) => FeedSettings { path: Some(p.display().to_string()) },
            None => return Ok(None),
        }
    } else {
        settings
    };
    with_core("save_feed_settings", &core, move |r, now| r.save_feed_settings(settings, now).map(Some)).await
}
