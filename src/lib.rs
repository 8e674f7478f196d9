//! Rapport's core: the domain, the store, the engines and the command line.
//!
//! The desktop shell (`src-tauri`) and the CLI (`src/cli`) are doors into [`service::Rapport`];
//! neither holds a rule of its own. This crate knows nothing of Tauri or of the UI.

pub mod archive;
pub mod cli;
pub mod clock;
pub mod demo;
pub mod domain;
pub mod engine;
pub mod error;
pub mod interop;
pub mod keychain;
pub mod render;
pub mod service;
pub mod store;

pub use error::{Error, Result, UserError};
pub use service::Rapport;
