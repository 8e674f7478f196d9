//! How far back a reader of the history looks.

use chrono::{DateTime, Utc};

/// How much of an account's recent history a reader takes (`Store::recent_bundles` reads it;
/// `engine::windows` says how far each engine looks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Promises due, requests received, issues resolved and meetings held from here on.
    pub since: DateTime<Utc>,
    /// Touches from here on (and each account's last one before it); none at all without it,
    /// for a reader that takes its touch figures from the store's index.
    pub touches_since: Option<DateTime<Utc>>,
    /// Only touches from here on come with their people: a reader that only counts and dates
    /// older touches does not pay for them.
    pub detail_since: DateTime<Utc>,
    /// Only touches from here on (and from `detail_since`) come with their text — summary,
    /// Message-ID and snippet; none at all without it.
    pub text_since: Option<DateTime<Utc>>,
}
