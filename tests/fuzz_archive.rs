//! The archive importer under random and hostile input (a bounded run of what `fuzz/` runs for
//! longer): whatever the file holds, the import never panics; it either succeeds, or refuses
//! with problems that each name where they are, and then the database is exactly as before.

use std::cell::RefCell;

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use rapport::Rapport;
use rapport::error::Error;
use serde_json::Value;
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

/// A database holding three accounts of the demo portfolio with all their records, and its
/// archive: small enough to import hundreds of times, varied enough to reach every kind.
fn portfolio(dir: &TempDir) -> (Rapport, String) {
    let mut demo = Rapport::open(&dir.path().join("demo.db"), now()).unwrap();
    demo.fill_demo(2026, now()).unwrap();
    let mut doc: Value = serde_json::from_str(&demo.export_archive(now()).unwrap()).unwrap();
    doc["accounts"].as_array_mut().unwrap().truncate(3);
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    r.import_archive(&doc.to_string(), false, now()).unwrap();
    let archive = r.export_archive(now()).unwrap();
    (r, archive)
}

/// Imports `text`; on a refusal, checks that every problem is placed and nothing was written.
fn import_checked(r: &mut Rapport, text: &str) -> Result<(), TestCaseError> {
    let before = r.export_archive(now()).unwrap();
    match r.import_archive(text, false, now()) {
        Ok(_) => {
            let after = r.export_archive(now()).unwrap();
            prop_assert!(
                rapport::archive::read(&after, now()).is_ok(),
                "what was imported exports as a valid archive"
            );
        }
        Err(Error::InvalidArchive { problems }) => {
            prop_assert!(!problems.is_empty());
            for p in &problems {
                prop_assert!(p.path.starts_with('$') && !p.message.is_empty(), "{p:?}");
            }
            prop_assert_eq!(r.export_archive(now()).unwrap(), before, "a refused import writes nothing");
        }
        Err(other) => prop_assert!(false, "an archive gets an archive error, not {other:?}"),
    }
    Ok(())
}

#[test]
fn any_bytes_are_refused_cleanly() {
    let dir = TempDir::new().unwrap();
    let (r, _) = portfolio(&dir);
    let r = RefCell::new(r);
    let mut runner = TestRunner::new(Config { cases: 300, failure_persistence: None, ..Config::default() });
    let bytes = prop::collection::vec(any::<u8>(), 0..2048);
    runner.run(&bytes, |b| import_checked(&mut r.borrow_mut(), &String::from_utf8_lossy(&b))).unwrap();
}

/// One change somewhere in a valid archive: the step list picks the place, `what` the change.
#[derive(Debug, Clone)]
enum Change {
    Remove,
    Set(Value),
    /// Gives the record the id of another, making the two clash.
    CloneId,
    /// Repeats the first account whole.
    DuplicateAccount,
}

fn hostile_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(Value::String(String::new())),
        Just(Value::String("x".repeat(100_000))),
        Just(Value::String("<img src=x onerror=alert(1)>".into())),
        Just(Value::String("2026-02-30".into())),
        Just(Value::String("--13-45".into())),
        Just(Value::String("Mars/Olympus_Mons".into())),
        Just(serde_json::json!(-1)),
        Just(serde_json::json!(1e308)),
        Just(serde_json::json!(u64::MAX)),
        Just(serde_json::json!([[[]]])),
        Just(serde_json::json!({"": {}})),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        "\\PC{0,40}".prop_map(Value::String),
    ]
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        3 => Just(Change::Remove),
        6 => hostile_value().prop_map(Change::Set),
        1 => Just(Change::CloneId),
        1 => Just(Change::DuplicateAccount),
    ]
}

/// Walks from the root by `steps` (each picks a child by index, modulo the children) and
/// applies `change` where the walk ends.
fn apply(doc: &mut Value, steps: &[usize], change: &Change) {
    if let Change::DuplicateAccount = change {
        if let Some(list) = doc.get_mut("accounts").and_then(Value::as_array_mut)
            && let Some(first) = list.first().cloned()
        {
            list.push(first);
        }
        return;
    }
    let mut ids = Vec::new();
    collect_ids(doc, &mut ids);
    let mut here = doc;
    for (depth, step) in steps.iter().enumerate() {
        let last = depth + 1 == steps.len();
        let next = match here {
            Value::Object(map) if !map.is_empty() => {
                let key = map.keys().nth(step % map.len()).cloned().unwrap();
                if last {
                    match change {
                        Change::Remove => {
                            map.remove(&key);
                        }
                        Change::Set(v) => {
                            map.insert(key, v.clone());
                        }
                        Change::CloneId => {
                            if map.contains_key("id") && !ids.is_empty() {
                                map.insert("id".into(), Value::String(ids[step % ids.len()].clone()));
                            }
                        }
                        Change::DuplicateAccount => {}
                    }
                    return;
                }
                map.get_mut(&key).unwrap()
            }
            Value::Array(list) if !list.is_empty() => {
                let i = step % list.len();
                if last {
                    match change {
                        Change::Remove => {
                            list.remove(i);
                        }
                        Change::Set(v) => list[i] = v.clone(),
                        _ => {}
                    }
                    return;
                }
                &mut list[i]
            }
            _ => return,
        };
        here = next;
    }
}

fn collect_ids(v: &Value, ids: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(id)) = map.get("id") {
                ids.push(id.clone());
            }
            map.values().for_each(|c| collect_ids(c, ids));
        }
        Value::Array(list) => list.iter().for_each(|c| collect_ids(c, ids)),
        _ => {}
    }
}

#[test]
fn a_valid_archive_changed_anywhere_is_imported_whole_or_refused_whole() {
    let dir = TempDir::new().unwrap();
    let (r, archive) = portfolio(&dir);
    let original: Value = serde_json::from_str(&archive).unwrap();
    let r = RefCell::new(r);
    let mut runner = TestRunner::new(Config { cases: 150, failure_persistence: None, ..Config::default() });
    let cases = (prop::collection::vec(0usize..64, 1..7), prop::collection::vec(change(), 1..4));
    runner
        .run(&cases, |(steps, changes)| {
            let mut doc = original.clone();
            for (n, change) in changes.iter().enumerate() {
                let rotated: Vec<usize> = steps.iter().map(|s| s + n).collect();
                apply(&mut doc, &rotated, change);
            }
            import_checked(&mut r.borrow_mut(), &doc.to_string())
        })
        .unwrap();
}
