//! Desktop notifications for check-ins that become urgent while the app runs: a background
//! task asks the core once a minute and notifies each reminder once.

use std::collections::HashSet;
use std::time::Duration;

use tauri::AppHandle;
use tauri_plugin_notification::NotificationExt;

use crate::Core;

const EVERY: Duration = Duration::from_secs(60);

pub fn start(app: AppHandle, core: &Core) {
    let core = core.0.clone();
    tauri::async_runtime::spawn(async move {
        let mut sent: HashSet<String> = HashSet::new();
        loop {
            let due = {
                let core = core.clone();
                let already = sent.clone();
                tauri::async_runtime::spawn_blocking(move || {
                    let guard = core.lock().ok()?;
                    guard.as_ref().ok()?.reminders(chrono::Utc::now(), &already).ok()
                })
                .await
                .ok()
                .flatten()
                .unwrap_or_default()
            };
            for r in due {
                // A desktop without a notification service simply shows nothing.
                let _ = app.notification().builder().title(&r.title).body(&r.body).show();
                sent.insert(r.id);
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}
