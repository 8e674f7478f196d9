//! How far a long operation has come, and the user's wish to stop it. The caller makes a
//! [`Progress`], hands it to the core with [`Rapport::watch`] and reads it from another thread
//! (the app's window asks every few tenths of a second; the CLI draws a bar on a terminal). An
//! operation that can stop without losing anything checks [`Progress::go_on`] where it can —
//! always before it writes — and stops with [`Error::Stopped`], having changed nothing.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use serde::Serialize;
use specta::Type;

use crate::error::{Error, Result};

/// What the figures of a [`Progress`] count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Bytes of a file read (an mbox, a CSV export, an archive).
    Bytes,
    /// Messages read, when the whole is not known ahead (a Maildir, a folder).
    Messages,
    /// Records written or read.
    Records,
    /// Accounts judged (the health review rebuilding its past days).
    Accounts,
    /// Pages of the database copied (a backup or a restore).
    Pages,
    /// Days of the portfolio's history rebuilt.
    Days,
}

/// A long operation's progress, shared between the thread doing it and whoever shows it.
#[derive(Debug)]
pub struct Progress {
    done: AtomicU64,
    /// The whole, when known; 0 while unknown.
    total: AtomicU64,
    stop: AtomicBool,
    /// Whether stopping now loses nothing: false once the operation writes.
    stoppable: AtomicBool,
    step: Mutex<(String, Unit)>,
}

/// What a [`Progress`] says at one moment.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ProgressNow {
    /// What is being done, as a user reads it: "Reading Inbox.mbox".
    pub step: String,
    pub unit: Unit,
    /// How many done (a number, as the window reads it: exact up to 2^53).
    pub done: f64,
    /// The whole, when known.
    pub total: Option<f64>,
    /// Whether it can be stopped now without losing anything.
    pub stoppable: bool,
    /// Whether the user asked it to stop.
    pub stopping: bool,
}

impl Progress {
    /// A progress for one operation, stoppable until it says otherwise.
    pub fn new() -> Arc<Progress> {
        Arc::new(Progress {
            done: AtomicU64::new(0),
            total: AtomicU64::new(0),
            stop: AtomicBool::new(false),
            stoppable: AtomicBool::new(true),
            step: Mutex::new((String::new(), Unit::Records)),
        })
    }

    /// Starts a step: what is done, in which unit, out of how many when known.
    pub fn step(&self, step: impl Into<String>, unit: Unit, total: Option<u64>) {
        if let Ok(mut s) = self.step.lock() {
            *s = (step.into(), unit);
        }
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total.unwrap_or(0), Ordering::Relaxed);
    }

    /// How far the step has come.
    pub fn reached(&self, done: u64) {
        self.done.store(done, Ordering::Relaxed);
    }

    /// The whole step is done (when its whole is known).
    pub fn complete(&self) {
        self.done.store(self.total.load(Ordering::Relaxed), Ordering::Relaxed);
    }

    /// One more done.
    pub fn add(&self, n: u64) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }

    /// From here on the operation writes: asking it to stop no longer does anything.
    pub fn writing(&self) {
        self.stoppable.store(false, Ordering::Relaxed);
    }

    /// This step cannot be stopped part-way (it writes as it goes, or stopping saves no
    /// time): nobody is offered a Stop that would do nothing.
    pub fn cannot_stop(&self) {
        self.stoppable.store(false, Ordering::Relaxed);
    }

    /// The user asks the operation to stop; it does at its next safe point, if it has one.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// `Ok` to carry on; [`Error::Stopped`] when the user asked to stop while nothing is lost.
    pub fn go_on(&self) -> Result<()> {
        if self.stop.load(Ordering::Relaxed) && self.stoppable.load(Ordering::Relaxed) {
            return Err(Error::Stopped);
        }
        Ok(())
    }

    pub fn now(&self) -> ProgressNow {
        let (step, unit) =
            self.step.lock().map(|s| s.clone()).unwrap_or_else(|_| (String::new(), Unit::Records));
        let total = self.total.load(Ordering::Relaxed);
        ProgressNow {
            step,
            unit,
            done: self.done.load(Ordering::Relaxed) as f64,
            total: (total > 0).then_some(total as f64),
            stoppable: self.stoppable.load(Ordering::Relaxed),
            stopping: self.stop.load(Ordering::Relaxed),
        }
    }
}

/// What an operation reports to when nobody watches it.
pub(crate) fn unwatched() -> Arc<Progress> {
    Progress::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stop_is_heard_only_while_nothing_would_be_lost() {
        let progress = Progress::new();
        progress.step("Reading Inbox.mbox", Unit::Bytes, Some(1_000));
        progress.reached(250);
        assert!(progress.go_on().is_ok());
        progress.stop();
        assert!(matches!(progress.go_on(), Err(Error::Stopped)));
        let now = progress.now();
        assert_eq!((now.done, now.total, now.stopping, now.stoppable), (250.0, Some(1_000.0), true, true));
        progress.writing();
        assert!(progress.go_on().is_ok(), "once writing, it finishes");
        progress.step("Counting", Unit::Messages, None);
        assert_eq!(progress.now().total, None);

        let rebuild = Progress::new();
        rebuild.cannot_stop();
        rebuild.stop();
        assert!(!rebuild.now().stoppable, "no Stop is offered that would do nothing");
        assert!(rebuild.go_on().is_ok());
    }
}
