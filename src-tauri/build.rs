/// The commands the window may call, and nothing else: each is granted by name in
/// `capabilities/main.json`.
pub const COMMANDS: &[&str] = &[
    "list_accounts",
    "account_page",
    "add_account",
    "update_account",
    "add_contact",
    "update_contact",
    "log_interaction",
    "capture",
    "update_interaction",
    "add_culture_note",
    "update_culture_note",
    "add_goal",
    "update_goal",
    "add_goal_progress",
    "add_promise",
    "update_promise",
    "settle_promise",
    "add_request",
    "update_request",
    "mark_request",
    "open_issue",
    "update_issue",
    "mark_issue",
    "add_meeting",
    "update_meeting",
    "archive",
    "restore",
    "archived",
    "search",
    "export_archive",
    "import_archive",
    "today",
    "complete_checkin",
    "snooze_checkin",
    "dismiss_checkin",
    "checkin_settings",
    "save_checkin_settings",
    "brief",
    "save_brief",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("the Tauri build configuration is valid");
}
