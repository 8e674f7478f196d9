//! The portable archive (DESIGN §3.1): one JSON document holding everything, to take the data
//! out of Rapport and bring it back in — on this machine or another — without losing a byte.
//!
//! `format` is the contract; `export` writes it; `import` checks a whole document before the
//! store writes any of it. Nothing here touches the database.
//!
//! What is not a record stays out: the journal of merges (`merges`, with which a merge is
//! undone) and the pairs said not to be duplicates live in the database alone. A person or an
//! account merged into another goes out as any archived record does, and comes back archived;
//! a merge is undone in the database it was made in.

pub mod export;
pub mod format;
pub mod import;
mod series;

pub use crate::domain::{Bundle, Problem};
pub use export::{document, to_json};
pub use import::read;
