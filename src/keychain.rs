//! The system's keyring (the Secret Service on Linux, the Keychain on macOS, the Credential
//! Manager on Windows), where a locked database's passphrase may be kept so it need not be typed
//! each time. Where there is none (a headless machine), Rapport simply asks.

use std::path::Path;

use crate::error::{Error, Result};
use crate::store::Passphrase;

const SERVICE: &str = "Rapport";

fn entry(db: &Path) -> Option<keyring::Entry> {
    keyring::Entry::new(SERVICE, &db.display().to_string()).ok()
}

/// The passphrase kept for `db`, if the keyring exists and holds one.
pub fn remembered(db: &Path) -> Option<Passphrase> {
    entry(db)?.get_password().ok().map(|text| Passphrase::given(&text))
}

/// Keeps the passphrase for `db` in the keyring.
pub fn remember(db: &Path, key: &Passphrase) -> Result<()> {
    let kept = entry(db).ok_or(keyring::Error::NoDefaultStore).and_then(|e| e.set_password(key.text()));
    // Most often there is no keyring to keep it in (no desktop session); the cause adds nothing
    // the user can act on.
    kept.map_err(|_| {
        Error::conflict(
            "Rapport could not keep the passphrase on this computer, so it will ask for it each time it starts.",
        )
    })
}

/// Removes any passphrase kept for `db`.
pub fn forget(db: &Path) {
    if let Some(e) = entry(db) {
        let _ = e.delete_credential();
    }
}
