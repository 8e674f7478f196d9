//! How recently an account or a person was last touched, against their cadence.

use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum TouchState {
    /// The last touch is within the cadence.
    Within,
    /// Past the cadence, not yet by half again.
    Past,
    /// At or past 1.5× the cadence.
    WellPast,
    /// No touch has ever been logged.
    Never,
}
