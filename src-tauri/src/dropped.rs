//! Mail dropped onto the window: a message dragged out of Outlook, Apple Mail or Thunderbird
//! (an .eml, .emlx or .msg), an mbox or a mail folder. The shell takes the drop itself — the
//! page never hands it a path — reads each as the core reads mail, and tells the page what came
//! of it, in the core's sentences, by an event of its own (`rapport:dropped`): no permission to
//! listen to the system's events is granted to the page for it.

use std::path::PathBuf;

use tauri::{Manager, Runtime, Webview};

use crate::Core;

/// What is said of a dropped file that is not mail.
fn not_mail(path: &std::path::Path) -> String {
    let name =
        path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    format!(
        "{name} is not mail Rapport reads. Drop .eml, .emlx or Outlook .msg messages, an mbox or a mail folder here; to bring in contacts, companies or a calendar, use Settings → Import and export."
    )
}

/// Reads the dropped paths on a blocking thread, then tells the page what each did.
pub fn dropped<R: Runtime>(webview: &Webview<R>, paths: Vec<PathBuf>) {
    let core = webview.app_handle().state::<Core>().inner().clone();
    let webview = webview.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let mut said: Vec<String> = Vec::new();
        for path in paths {
            if !rapport::service::is_mail(&path) {
                said.push(not_mail(&path));
                continue;
            }
            let Ok(mut guard) = core.open.lock() else {
                said.push(
                    "Rapport hit an internal problem and did not read it. Restart Rapport and drop it again."
                        .into(),
                );
                continue;
            };
            let answer = match guard.as_mut() {
                Ok(rapport) => rapport
                    .import_mail(&path, false, core.clock.now())
                    .map(|report| report.said)
                    .map_err(|err| rapport::UserError::from(err).message),
                Err(err) => Err(err.message.clone()),
            };
            said.push(answer.unwrap_or_else(|message| message));
        }
        let detail = serde_json::to_string(&said).unwrap_or_else(|_| "[]".into());
        let _ = webview.eval(format!(
            "window.dispatchEvent(new CustomEvent('rapport:dropped', {{ detail: {detail} }}));"
        ));
    });
}

/// The one seam for the end-to-end tests: the system's drag and drop cannot be driven over
/// WebDriver, so a test may name a file to drop (`RAPPORT_TEST_DROP`) once the page has loaded.
/// Everything after the drop is real.
pub fn test_drop<R: Runtime>(webview: &Webview<R>) {
    if let Some(path) = std::env::var_os("RAPPORT_TEST_DROP") {
        dropped(webview, vec![PathBuf::from(path)]);
    }
}
