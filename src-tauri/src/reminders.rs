//! What happens while the app runs, once a minute: one call to the core for its chores (the
//! daily health snapshot, the urgent check-ins, the calendar file, the mail and calendars kept
//! current), the daily backup on its own
//! connection, and a notification for each check-in that became urgent, once. A chore that fails
//! is logged and tried again the next minute.

use std::collections::HashSet;
use std::time::Duration;

use rapport::UserError;
use rapport::service::ChoresDue;
use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;

use crate::Core;

const EVERY: Duration = Duration::from_secs(60);

/// The first look waits until the window has shown Today: judging a heavy portfolio for the
/// snapshot and the reminders took the two cores WebKit starts on, and the page began loading
/// up to 70 ms later (docs/performance.md). It also lets the damage check (`CHECK_AFTER`) start
/// first.
const FIRST_AFTER: Duration = Duration::from_secs(3);

/// The daily backup waits this long after start: copying a heavy file takes a core for seconds,
/// and the window's start should have both.
const BACKUP_AFTER: Duration = Duration::from_secs(30);

/// The calendar file (when the user turned it on) is rewritten this often, first together with
/// the backup, and within a minute whenever it is missing.
const FEED_EVERY: Duration = Duration::from_secs(15 * 60);

pub fn start(app: AppHandle, core: &Core) {
    // Chores run on the machine's clock, whatever moment the window is pinned to (a test's
    // `RAPPORT_AT`); under a pinned moment the core keeps no health snapshot at all.
    let shown = core.clone();
    let core = core.open.clone();
    tauri::async_runtime::spawn(async move {
        let mut sent: HashSet<String> = HashSet::new();
        let started = std::time::Instant::now();
        let mut feed_written: Option<std::time::Instant> = None;
        tokio::time::sleep(FIRST_AFTER).await;
        loop {
            let feed_due =
                started.elapsed() >= BACKUP_AFTER && feed_written.is_none_or(|t| t.elapsed() >= FEED_EVERY);
            let (due, wrote_feed, brought) = {
                let core = core.clone();
                let already = sent.clone();
                // The demo is a look around: no chore, backup or reminder runs on it.
                let demo = shown.in_demo();
                tauri::async_runtime::spawn_blocking(move || {
                    if demo {
                        return None;
                    }
                    let now = rapport::clock::machine_now();
                    let due = ChoresDue { feed: feed_due, settled: started.elapsed() >= BACKUP_AFTER };
                    let (chores, path, key) = {
                        let mut guard = core.lock().ok()?;
                        let rapport = guard.as_mut().ok()?;
                        let chores = rapport.run_chores(now, &already, due);
                        (chores, rapport.path().to_path_buf(), rapport.store().key().cloned())
                    };
                    for error in chores.failed {
                        crate::logbook::failed("a chore", &UserError::from(error));
                    }
                    // On its own connection, with the core free, and not while the window starts:
                    // a large copy keeps nobody waiting.
                    if due.settled
                        && let Err(error) = rapport::service::keep_backups_at(&path, key.as_ref(), now)
                    {
                        crate::logbook::failed("the daily backup", &UserError::from(error));
                    }
                    Some((
                        chores.reminders,
                        chores.feed_written,
                        chores.mail_added + chores.calendar_added > 0,
                    ))
                })
                .await
                .ok()
                .flatten()
                .unwrap_or_default()
            };
            if wrote_feed {
                feed_written = Some(std::time::Instant::now());
            }
            // Mail or a calendar kept current brought something: the page counts what waits
            // in Rapport noticed again. Views are left as they are, so no typing is lost.
            if brought && let Some(window) = app.get_webview_window("main") {
                let _ = window.eval("window.dispatchEvent(new CustomEvent('rapport:brought'));");
            }
            for r in due {
                // A desktop without a notification service simply shows nothing.
                let _ = app.notification().builder().title(&r.title).body(&r.body).show();
                sent.insert(r.id);
            }
            let pause =
                if started.elapsed() < BACKUP_AFTER { BACKUP_AFTER - started.elapsed() } else { EVERY };
            tokio::time::sleep(pause.min(EVERY)).await;
        }
    });
}
