//! The rules Rapport thinks with: pure functions over loaded data and an injected `now`.
//!
//! Nothing in here reads the clock, the database or the disk. The store loads; the engine
//! thinks; the shell shows.

pub mod brief;
pub mod cadence;
pub mod capture;
pub mod checkins;
pub mod duplicates;
pub mod health;
pub mod mail;
pub mod merge;
pub mod review;
pub mod stakeholders;
pub mod timeline;
pub mod trust;
pub mod windows;
