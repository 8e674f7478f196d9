//! What is wrong with a file a user brought, placed where it is: by path in an archive, by line
//! in a CSV, vCard or calendar file.

use serde::Serialize;
use specta::Type;

/// One thing wrong with an archive, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Problem {
    /// A JSON path such as `$.accounts[2].contacts[0].name`.
    pub path: String,
    pub message: String,
}

/// Something wrong at one place of a file, said for an account manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct LineProblem {
    /// 1-based line of the file where the record (or the bad property) starts.
    pub line: u32,
    pub message: String,
}
