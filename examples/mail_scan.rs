//! Reads a mail source as Rapport's mail reader does and says what it found: how many messages,
//! how many problems, how long it took. With `--show`, each message's place, sender, subject,
//! kind and snippet, and each problem's sentence. For looking at real mail by hand and for
//! measuring (`cargo run --release --example mail_scan -- ~/mail/Inbox.mbox`).

use std::path::Path;
use std::time::Instant;

use rapport::interop::mail::detect;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: mail_scan PATH [--show]");
        std::process::exit(2);
    };
    let show = args.iter().any(|a| a == "--show");
    let Some(source) = detect(Path::new(path)) else {
        eprintln!("mail_scan: {path} does not look like mail");
        std::process::exit(1);
    };
    let started = Instant::now();
    let (mut messages, mut problems, mut body_chars) = (0u64, 0u64, 0u64);
    for item in source.messages() {
        match item {
            Ok(found) => {
                messages += 1;
                body_chars += found.value.body.chars().count() as u64;
                if show {
                    let from = found.value.from.first().map(|a| a.email.as_str()).unwrap_or("");
                    println!(
                        "{} | {} | {} | {:?} | {}",
                        found.place,
                        from,
                        found.value.subject,
                        found.value.automatic,
                        found.value.snippet()
                    );
                    for note in &found.notes {
                        println!("  note: {note}");
                    }
                }
            }
            Err(problem) => {
                problems += 1;
                if show {
                    println!("problem: {problem}");
                }
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{source:?}: {messages} messages, {problems} problems, {body_chars} body characters in {seconds:.2} s \
         ({:.0} messages/s)",
        messages as f64 / seconds.max(1e-9)
    );
}
