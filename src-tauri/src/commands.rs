//! The commands the window can call. Each is one line: take the core, call one operation,
//! hand back the result or the user's sentence. The clock is read here, at the door.

use chrono::{DateTime, Utc};
use rapport::domain::{
    Account, AccountDraft, AccountPage, AccountSummary, Contact, ContactDraft, Interaction, InteractionDraft,
};
use rapport::error::ErrorCode;
use rapport::{Rapport, UserError};
use tauri::State;
use tauri_specta::{Builder, collect_commands};

use crate::Core;

type Answer<T> = Result<T, UserError>;

/// Runs one core operation off the UI thread, with the current time.
async fn with_core<T: Send + 'static>(
    core: &State<'_, Core>,
    operation: impl FnOnce(&mut Rapport, DateTime<Utc>) -> rapport::Result<T> + Send + 'static,
) -> Answer<T> {
    let core = core.0.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let mut guard = core.lock().map_err(|_| busy())?;
        let rapport = guard.as_mut().map_err(|err| err.clone())?;
        operation(rapport, Utc::now()).map_err(UserError::from)
    })
    .await
    .map_err(|_| busy())?
}

/// Only reached if an earlier operation crashed mid-way; the database itself is intact.
fn busy() -> UserError {
    UserError {
        code: ErrorCode::Storage,
        message: "Rapport hit an internal problem and stopped this action; nothing was saved. Restart Rapport and try again.".into(),
        field: None,
    }
}

#[tauri::command]
#[specta::specta]
pub async fn list_accounts(core: State<'_, Core>) -> Answer<Vec<AccountSummary>> {
    with_core(&core, |r, now| r.accounts(now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn account_page(core: State<'_, Core>, account_id: String) -> Answer<AccountPage> {
    with_core(&core, move |r, now| r.account_page(&account_id, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_account(core: State<'_, Core>, draft: AccountDraft) -> Answer<Account> {
    with_core(&core, move |r, now| r.add_account(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_contact(core: State<'_, Core>, draft: ContactDraft) -> Answer<Contact> {
    with_core(&core, move |r, now| r.add_contact(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn log_interaction(core: State<'_, Core>, draft: InteractionDraft) -> Answer<Interaction> {
    with_core(&core, move |r, now| r.log_interaction(draft, now)).await
}

pub fn bindings() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new().commands(collect_commands![
        list_accounts,
        account_page,
        add_account,
        add_contact,
        log_interaction,
    ])
}

#[cfg(test)]
mod tests {
    use specta_typescript::Typescript;

    /// The TypeScript the UI compiles against must be what the Rust types say today.
    /// Run with UPDATE_BINDINGS=1 to rewrite it after changing a type or a command.
    #[test]
    fn ui_bindings_are_generated_from_the_current_rust_types() {
        let committed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts");
        let fresh = std::env::temp_dir().join(format!("rapport-bindings-{}.ts", std::process::id()));
        super::bindings()
            .export(
                Typescript::default()
                    .header("// Generated from Rust by tauri-specta: do not edit. Run `make bindings`.\n"),
                &fresh,
            )
            .expect("bindings export");
        let fresh_text = std::fs::read_to_string(&fresh).unwrap();
        let _ = std::fs::remove_file(&fresh);
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&committed, &fresh_text).unwrap();
            return;
        }
        let committed_text = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(
            committed_text == fresh_text,
            "ui/src/bindings.ts is stale: the Rust types or commands changed. Run `make bindings` and commit the result."
        );
    }
}
