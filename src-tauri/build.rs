/// The commands the window may call, and nothing else: each is granted by name in
/// `capabilities/main.json`.
pub const COMMANDS: &[&str] =
    &["list_accounts", "account_page", "add_account", "add_contact", "log_interaction"];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("the Tauri build configuration is valid");
}
