//! The bar a long command draws on a terminal while it works (an import, an export): what it is
//! doing and how far it has come, read from the core's [`Progress`] a few times a second. Nothing
//! is drawn when standard error is not a terminal or the output is JSON, so scripts and pipes
//! see only the answer.

use std::io::IsTerminal as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::service::{Progress, Rapport, Unit};

/// Runs `work` on `rapport` with its progress drawn on the terminal when `json` is false.
pub fn shown<T>(rapport: &mut Rapport, json: bool, work: impl FnOnce(&mut Rapport) -> T) -> T {
    if json || !std::io::stderr().is_terminal() {
        return work(rapport);
    }
    let progress = Progress::new();
    rapport.watch(Some(progress.clone()));
    let done = Arc::new(AtomicBool::new(false));
    let drawer = {
        let (progress, done) = (progress.clone(), done.clone());
        std::thread::spawn(move || draw(&progress, &done))
    };
    let answer = work(rapport);
    rapport.watch(None);
    done.store(true, Ordering::Relaxed);
    let _ = drawer.join();
    answer
}

/// Runs `work`, which reports nowhere, under a spinner saying `step` when `json` is false and
/// standard error is a terminal: a restore, encrypting or decrypting a large file.
pub fn spinning<T>(json: bool, step: &str, work: impl FnOnce() -> T) -> T {
    if json || !std::io::stderr().is_terminal() {
        return work();
    }
    let progress = Progress::new();
    progress.step(step, Unit::Pages, None);
    let done = Arc::new(AtomicBool::new(false));
    let drawer = {
        let (progress, done) = (progress.clone(), done.clone());
        std::thread::spawn(move || draw(&progress, &done))
    };
    let answer = work();
    done.store(true, Ordering::Relaxed);
    let _ = drawer.join();
    answer
}

fn draw(progress: &Progress, done: &AtomicBool) {
    // Quick work draws nothing at all.
    std::thread::sleep(Duration::from_millis(300));
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let mut shape = None;
    while !done.load(Ordering::Relaxed) {
        let now = progress.now();
        let wanted = (now.unit, now.total.is_some());
        if shape != Some(wanted) {
            bar.set_style(style(now.unit, now.total.is_some()));
            shape = Some(wanted);
        }
        if now.unit == Unit::Pages && now.total.is_none() {
            // Work that reports no figures: a spinner and what it does, no count.
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg}…")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
        }
        bar.set_length(now.total.unwrap_or(0.0) as u64);
        bar.set_position(now.done as u64);
        bar.set_message(now.step);
        bar.tick();
        std::thread::sleep(Duration::from_millis(100));
    }
    bar.finish_and_clear();
}

fn style(unit: Unit, known: bool) -> ProgressStyle {
    let figures = match (unit, known) {
        (Unit::Bytes, true) => "{bytes}/{total_bytes}",
        (Unit::Bytes, false) => "{bytes}",
        (_, true) => "{human_pos}/{human_len}",
        (_, false) => "{human_pos}",
    };
    let template = if known {
        format!("{{msg}} [{{bar:30}}] {figures} ({{eta}} left)")
    } else {
        format!("{{spinner}} {{msg}} {figures}")
    };
    ProgressStyle::with_template(&template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}
