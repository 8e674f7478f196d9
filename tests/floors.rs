//! The house's floors (ARCHITECTURE.md): every arrow between the core's modules points down.
//! A module may use one on a lower floor, never one on its own floor or above — the ground
//! floor's three excepted, which share their nouns. The desktop shell is a door: it may use only
//! what the service offers and the nouns it speaks in. Read from the source as written, so that
//! a `use` pointing back up fails here before it is built on.
//!
//! The drawing of the graph in ARCHITECTURE.md is made from the same reading: with
//! `UPDATE_FLOORS=1` this test writes it, and otherwise fails when it is out of date.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module of the core and its floor; lower floors know nothing of higher ones.
const FLOORS: [(&str, u8, &str); 13] = [
    ("domain", 0, "the nouns: records, kinds, problems, the bundle of an account"),
    ("error", 0, "errors said for an account manager"),
    ("clock", 0, "the moment, machine or pinned"),
    ("archive", 1, "the archive format"),
    ("interop", 1, "CSV, vCard, iCalendar"),
    ("engine", 2, "the rules: check-ins, health, the brief, merging"),
    ("store", 2, "the SQLite file"),
    ("render", 3, "the brief as Markdown and HTML"),
    ("demo", 3, "the demo portfolio"),
    ("keychain", 3, "the system's keyring"),
    ("service", 4, "one call per user action"),
    ("cli", 5, "the command line"),
    ("main", 6, "the CLI's entry"),
];

/// What the desktop shell may use of the core.
const SHELL_MAY_USE: [&str; 4] = ["service", "domain", "error", "clock"];

fn floor(module: &str) -> Option<u8> {
    FLOORS.iter().find(|(m, _, _)| *m == module).map(|(_, f, _)| *f)
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The modules a file names after `prefix` (`crate::` in the core, `rapport::` in the shell),
/// comments left out.
fn named(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find(prefix) {
            let after = &rest[at + prefix.len()..];
            let name: String = after.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
            let starts_a_word = at == 0 || !rest[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            if !name.is_empty() && starts_a_word {
                found.insert(name.clone());
            }
            let skip =
                if name.is_empty() { after.chars().next().map_or(0, char::len_utf8) } else { name.len() };
            rest = &after[skip..];
        }
    }
    found
}

/// Every arrow between the core's modules: (from, to) → the files that draw it.
fn arrows(root: &Path) -> BTreeMap<(String, String), Vec<String>> {
    let src = root.join("src");
    let mut arrows: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for file in rust_files(&src) {
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let from = rel.split('/').next().unwrap().trim_end_matches(".rs").to_string();
        if from == "lib" {
            continue;
        }
        for to in named(&std::fs::read_to_string(&file).unwrap(), "crate::") {
            if to != from {
                arrows.entry((from.clone(), to)).or_default().push(rel.clone());
            }
        }
    }
    arrows
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_arrow_between_the_cores_modules_points_down() {
    let mut wrong = Vec::new();
    for ((from, to), files) in arrows(&root()) {
        let (Some(a), Some(b)) = (floor(&from), floor(&to)) else {
            wrong.push(format!("{from} → {to}: a module with no floor (add it to FLOORS)"));
            continue;
        };
        if b > a || (a == b && a != 0) {
            wrong.push(format!("{from} (floor {a}) → {to} (floor {b}), in {}", files.join(", ")));
        }
    }
    assert!(wrong.is_empty(), "arrows pointing sideways or up:\n{}", wrong.join("\n"));
}

#[test]
fn the_shell_uses_only_the_service_and_its_nouns() {
    let shell = root().join("src-tauri/src");
    let mut wrong = Vec::new();
    for file in rust_files(&shell) {
        for used in named(&std::fs::read_to_string(&file).unwrap(), "rapport::") {
            if !SHELL_MAY_USE.contains(&used.as_str()) {
                wrong.push(format!("{} uses rapport::{used}", file.strip_prefix(&shell).unwrap().display()));
            }
        }
    }
    assert!(wrong.is_empty(), "the shell reaches past the service:\n{}", wrong.join("\n"));
}

/// The drawing in ARCHITECTURE.md, between its markers: one line per arrow, floors as layers.
fn drawing(root: &Path) -> String {
    let mut lines = vec!["```mermaid".to_string(), "flowchart TB".to_string()];
    let top = FLOORS.iter().map(|(_, f, _)| *f).max().unwrap();
    for level in (0..=top).rev() {
        lines.push(format!("  subgraph floor{level}[\"floor {level}\"]"));
        for (m, _, what) in FLOORS.iter().filter(|(_, f, _)| *f == level) {
            lines.push(format!("    {m}[\"{m}: {what}\"]"));
        }
        lines.push("  end".into());
    }
    lines.push("  shell[\"src-tauri: the desktop shell\"]".into());
    for m in SHELL_MAY_USE {
        lines.push(format!("  shell --> {m}"));
    }
    for (from, to) in arrows(root).keys() {
        lines.push(format!("  {from} --> {to}"));
    }
    lines.push("```".into());
    lines.join("\n")
}

#[test]
fn the_drawing_in_architecture_md_is_the_graph_as_built() {
    const START: &str = "<!-- floors: made by tests/floors.rs -->";
    const END: &str = "<!-- /floors -->";
    let path = root().join("ARCHITECTURE.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let (Some(a), Some(b)) = (text.find(START), text.find(END)) else {
        panic!("ARCHITECTURE.md has no {START} … {END} section");
    };
    let now = format!("{START}\n{}\n{END}", drawing(&root()));
    let written = &text[a..b + END.len()];
    if written != now {
        if std::env::var_os("UPDATE_FLOORS").is_some() {
            std::fs::write(&path, text.replacen(written, &now, 1)).unwrap();
        } else {
            panic!(
                "ARCHITECTURE.md's drawing of the floors is out of date: run UPDATE_FLOORS=1 cargo test --test floors"
            );
        }
    }
}

/// Files stay small enough to read whole: no Rust, Svelte or TypeScript file passes 700 lines,
/// the generated bindings aside.
#[test]
fn no_file_passes_seven_hundred_lines() {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if path.is_dir() && name != "node_modules" && name != "dist" && name != "target" {
                walk(&path, out);
            } else if ["rs", "svelte", "ts"].iter().any(|e| path.extension().is_some_and(|x| x == *e))
                && name != "bindings.ts"
            {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    for dir in ["src", "src-tauri/src", "ui/src", "tests"] {
        walk(&root().join(dir), &mut files);
    }
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = std::fs::read_to_string(f).unwrap().lines().count();
            (lines > 700).then(|| format!("{} ({lines} lines)", f.strip_prefix(root()).unwrap().display()))
        })
        .collect();
    assert!(files.len() > 100, "the walk found the sources");
    assert!(long.is_empty(), "files longer than 700 lines: {}", long.join(", "));
}
