//! The kinds of record an account holds, as the archive, the UI and every sentence name them.

use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Account,
    Contact,
    CultureNote,
    Goal,
    Promise,
    Interaction,
    Request,
    Issue,
    Meeting,
}

impl RecordKind {
    pub const ALL: [RecordKind; 9] = [
        RecordKind::Account,
        RecordKind::Contact,
        RecordKind::CultureNote,
        RecordKind::Goal,
        RecordKind::Promise,
        RecordKind::Interaction,
        RecordKind::Request,
        RecordKind::Issue,
        RecordKind::Meeting,
    ];

    pub fn noun(self) -> &'static str {
        match self {
            RecordKind::Account => "account",
            RecordKind::Contact => "person",
            RecordKind::CultureNote => "culture note",
            RecordKind::Goal => "goal",
            RecordKind::Promise => "promise",
            RecordKind::Interaction => "interaction",
            RecordKind::Request => "request",
            RecordKind::Issue => "issue",
            RecordKind::Meeting => "meeting",
        }
    }
}
