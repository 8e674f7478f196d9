//! Errors that reach the user.
//!
//! Every failure Rapport can meet is one variant here, and its message is a sentence an account
//! manager can act on: what went wrong, then what to do. The UI receives the same sentence as
//! [`UserError`] (`{ code, message, field }`) and shows it next to `field` when there is one.
//! Nothing in this module may describe an error in programmer's terms only.

use serde::Serialize;
use specta::Type;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the user typed is not acceptable; `field` names the input it came from.
    #[error("{message}")]
    Validation { field: &'static str, message: String },

    /// The thing the user asked for does not exist (or no longer does).
    #[error("{message}")]
    NotFound { message: String },

    /// The request cannot be carried out in the current state of the data.
    #[error("{message}")]
    Conflict { message: String },

    /// The user stopped a long operation before it changed anything.
    #[error("Stopped, as you asked: nothing was changed.")]
    Stopped,

    #[error(
        "{path} is not a Rapport database. Move it aside so Rapport can create a new database there, or choose another database file (--db on the command line)."
    )]
    NotRapportDatabase { path: String },

    #[error(
        "This database was written by a newer version of Rapport (schema version {found}; this version knows up to {known}). Install the newer Rapport to open it; nothing was changed."
    )]
    NewerSchema { found: i64, known: i64 },

    #[error(
        "Rapport could not update the database to the current version, so it left the file as it was ({detail}). A copy taken before the update is in {backup}."
    )]
    Migration { detail: String, backup: String },

    #[error(
        "Rapport could not read or write its database ({detail}). Check that the disk has space and the file is not read-only, then try again; nothing was changed."
    )]
    Storage { detail: String },

    #[error(
        "Rapport could not use the file {path} ({detail}). Check the path and its permissions, then try again."
    )]
    File { path: String, detail: String },

    #[error("{}", damaged(path, newest_backup.as_deref()))]
    Damaged { path: String, newest_backup: Option<String> },

    #[error("{path} cannot be restored: {reason}. Nothing was changed; choose another backup.")]
    BadBackup { path: String, reason: String },

    #[error(
        "{path} is locked with a passphrase. Type it when Rapport asks (or set RAPPORT_PASSPHRASE for the command line); nothing was changed."
    )]
    Locked { path: String },

    #[error("That passphrase does not open {path}. Check it and try again; nothing was changed.")]
    WrongPassphrase { path: String },

    #[error(
        "The disk is full, so Rapport could not save. Nothing was changed; free some space on the disk, then try again."
    )]
    DiskFull,

    /// An archive that cannot be imported, with every problem found in it.
    #[error("{}", archive_problems(problems))]
    InvalidArchive { problems: Vec<crate::domain::Problem> },

    /// A CSV, vCard or calendar file with `count` lines that cannot be imported (the first of
    /// them in `problems`); `good` records could be.
    #[error("{}", bad_lines(file, problems, *count, *good))]
    BadLines { file: String, problems: Vec<crate::domain::LineProblem>, count: u32, good: u32 },
}

fn damaged(path: &str, newest_backup: Option<&str>) -> String {
    let path = if path.is_empty() { "file".to_string() } else { path.to_string() };
    let start = format!("Rapport found damage in its database {path} and stopped before changing anything.");
    match newest_backup {
        Some(b) => format!(
            "{start} Restore the newest backup, {b}, in Settings → Backups or with `rapport restore {b}` (the damaged file is kept aside)."
        ),
        None => format!(
            "{start} There is no backup beside it: restore a copy of your own with `rapport restore FILE`, or import your last export into a new database."
        ),
    }
}

fn archive_problems(problems: &[crate::domain::Problem]) -> String {
    let count = problems.len();
    let noun = if count == 1 { "problem" } else { "problems" };
    let mut text = format!(
        "Nothing was imported: the archive has {count} {noun}. Correct the file and import it again."
    );
    for p in problems {
        text.push_str(&format!("\n{}: {}", p.path, p.message));
    }
    text
}

fn bad_lines(file: &str, problems: &[crate::domain::LineProblem], count: u32, good: u32) -> String {
    let lines =
        if count == 1 { "1 line has a problem".to_string() } else { format!("{count} lines have problems") };
    let mut text = if good == 0 {
        format!(
            "Nothing was imported: {lines} in {file}, and nothing else in it could be read. Correct the file and import it again."
        )
    } else {
        format!(
            "Nothing was imported: {lines} in {file}. Correct them and import again, or import the other {good} records and leave these out (--skip-bad-rows on the command line, or \"Import the {good} good records\" in the app)."
        )
    };
    for p in problems.iter().take(50) {
        text.push_str(&format!("\nLine {}: {}", p.line, p.message));
    }
    let shown = problems.len().min(50) as u32;
    if count > shown {
        text.push_str(&format!("\n… and {} more.", count - shown));
    }
    text
}

impl Error {
    pub fn validation(field: &'static str, message: impl Into<String>) -> Self {
        Error::Validation { field, message: message.into() }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Error::NotFound { message: message.into() }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Error::Conflict { message: message.into() }
    }

    pub fn file(path: &std::path::Path, err: impl std::fmt::Display) -> Self {
        Error::File { path: path.display().to_string(), detail: err.to_string() }
    }

    /// A failed read or write of a file; a full disk gets its own sentence.
    pub fn io(path: &std::path::Path, err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::StorageFull { Error::DiskFull } else { Error::file(path, err) }
    }

    /// A stable code the UI can act on (for example, to highlight a field).
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Validation { .. } => ErrorCode::Validation,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Conflict { .. } => ErrorCode::Conflict,
            Error::Stopped => ErrorCode::Stopped,
            Error::NotRapportDatabase { .. } => ErrorCode::NotRapportDatabase,
            Error::NewerSchema { .. } => ErrorCode::NewerSchema,
            Error::Migration { .. } => ErrorCode::Migration,
            Error::Storage { .. } => ErrorCode::Storage,
            Error::File { .. } => ErrorCode::File,
            Error::InvalidArchive { .. } => ErrorCode::InvalidArchive,
            Error::BadLines { .. } => ErrorCode::BadLines,
            Error::Damaged { .. } => ErrorCode::Damaged,
            Error::BadBackup { .. } => ErrorCode::BadBackup,
            Error::DiskFull => ErrorCode::DiskFull,
            Error::Locked { .. } => ErrorCode::Locked,
            Error::WrongPassphrase { .. } => ErrorCode::WrongPassphrase,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        match err.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => Error::DiskFull,
            // Met while reading: the caller that knows the file names it and its newest backup
            // (`store::damaged`); the sentence is already the right one.
            Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
                Error::Damaged { path: String::new(), newest_backup: None }
            }
            // Another connection held its write for longer than the wait allows: the app, or a
            // command such as a long import. Nothing is wrong with the disk or the file.
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => Error::Conflict {
                message: "Another Rapport is saving to this database right now (the app, or a command such as a long import), so nothing was changed. Try again once it has finished.".into(),
            },
            _ => Error::Storage { detail: err.to_string() },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    NotFound,
    Conflict,
    Stopped,
    NotRapportDatabase,
    NewerSchema,
    Migration,
    Storage,
    File,
    InvalidArchive,
    BadLines,
    Damaged,
    BadBackup,
    DiskFull,
    Locked,
    WrongPassphrase,
}

/// The shape in which an error crosses to the UI and to `--json` output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct UserError {
    pub code: ErrorCode,
    /// A sentence for the user, ending with what to do.
    pub message: String,
    /// The input the error is about, when there is one, so the UI can show it beside that field.
    pub field: Option<String>,
}

impl From<Error> for UserError {
    fn from(err: Error) -> Self {
        let field = match &err {
            Error::Validation { field, .. } => Some((*field).to_string()),
            _ => None,
        };
        UserError { code: err.code(), message: err.to_string(), field }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_error_carries_its_field_to_the_ui() {
        let json =
            serde_json::to_value(UserError::from(Error::validation("name", "An account needs a name.")))
                .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "validation", "message": "An account needs a name.", "field": "name"}),
            "the UI highlights the field named here and shows the message as is"
        );
    }

    #[test]
    fn storage_error_says_what_to_do() {
        let err = Error::Storage { detail: "disk I/O error".into() };
        let message = err.to_string();
        assert!(message.contains("disk I/O error"), "the cause is kept: {message}");
        assert!(message.contains("try again"), "the sentence ends with what to do: {message}");
        assert_eq!(UserError::from(err).field, None);
    }
}
