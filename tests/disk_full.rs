//! A full disk: the database on a tiny tmpfs. A write that does not fit answers the typed
//! "disk full" sentence and leaves the database whole, with every earlier write and nothing of
//! the failed one; an import that does not fit leaves nothing of itself behind.
//!
//! Mounting needs root (as CI and the developers' machines run); elsewhere the test says so.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, Duration, Utc};
use rapport::domain::{AccountDraft, InteractionDraft};
use rapport::{Error, Rapport};
use rusqlite::Connection;
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

/// A tmpfs of `size` mounted on a fresh folder, unmounted when dropped.
struct TinyDisk {
    dir: TempDir,
}

impl TinyDisk {
    fn mount(size: &str) -> Option<TinyDisk> {
        let dir = TempDir::new().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0700"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Some(TinyDisk { dir });
        }
        // SAFETY: geteuid has no preconditions.
        let root = unsafe { libc::geteuid() } == 0;
        assert!(!root, "running as root, yet a tmpfs could not be mounted");
        eprintln!("disk-full test not run: mounting a tmpfs needs root");
        None
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn interactions(path: &Path) -> i64 {
    Connection::open(path).unwrap().query_row("SELECT count(*) FROM interactions", [], |r| r.get(0)).unwrap()
}

fn integrity(path: &Path) -> String {
    Connection::open(path).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

#[test]
fn writing_to_a_full_disk_says_so_and_keeps_every_earlier_write() {
    let Some(disk) = TinyDisk::mount("1m") else { return };
    let db = disk.path("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    let account = r
        .add_account(AccountDraft { name: "Kestrel Logistik".into(), ..Default::default() }, now())
        .unwrap()
        .id;
    let mut written = 0;
    let err = loop {
        let draft = InteractionDraft {
            account_id: account.clone(),
            summary: format!("Call {written}: {}", "what was agreed, in full ".repeat(40)),
            ..Default::default()
        };
        match r.log_interaction(draft, now() + Duration::seconds(written)) {
            Ok(_) => written += 1,
            Err(err) => break err,
        }
        assert!(written < 10_000, "the disk never filled");
    };
    assert!(matches!(err, Error::DiskFull), "{err:?}");
    assert!(
        err.to_string().contains("The disk is full") && err.to_string().contains("Nothing was changed"),
        "{err}"
    );
    drop(r);
    assert!(written > 10, "some writes fitted first: {written}");
    assert_eq!(
        interactions(&db),
        written,
        "every write that returned is there, and nothing of the one that failed"
    );
    assert_eq!(integrity(&db), "ok");
    Rapport::open(&db, now()).expect("the database opens again, damage check included");
}

#[test]
fn an_import_too_big_for_the_disk_leaves_nothing_behind() {
    let Some(disk) = TinyDisk::mount("1m") else { return };
    let big = TempDir::new().unwrap();
    let demo = big.path().join("demo.db");
    let mut source = Rapport::open(&demo, now()).unwrap();
    source.fill_demo(2026, now()).unwrap();
    let archive = source.export_archive(now()).unwrap();

    let db = disk.path("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    let err = r.import_archive(&archive, false, now()).expect_err("the import does not fit");
    assert!(matches!(err, Error::DiskFull), "{err:?}");
    assert_eq!(r.accounts(now()).unwrap().len(), 0, "no account of the import is there");
    drop(r);
    assert_eq!(integrity(&db), "ok");

    // With data already there, the copy taken before the import is what no longer fits: the
    // import stops there, and no half-written copy is left in the backup folder.
    let mut r = Rapport::open(&db, now()).unwrap();
    r.add_account(AccountDraft { name: "Kestrel Logistik".into(), ..Default::default() }, now()).unwrap();
    let filler = disk.path("filler");
    let free = fs_free(disk.dir.path());
    std::fs::write(&filler, vec![0u8; free.saturating_sub(16 * 1024) as usize]).unwrap();
    let err = r.import_archive(&archive, false, now()).expect_err("the import does not fit");
    assert!(matches!(err, Error::DiskFull), "{err:?}");
    let names: Vec<String> = r.accounts(now()).unwrap().into_iter().map(|a| a.name).collect();
    assert_eq!(names, vec!["Kestrel Logistik"]);
    let leftovers: Vec<_> = std::fs::read_dir(rapport::store::backup::folder(&db))
        .map(|d| d.map(|e| e.unwrap().file_name()).collect())
        .unwrap_or_default();
    assert!(leftovers.is_empty(), "no partial backup is left: {leftovers:?}");
}

/// Bytes free on the file system holding `dir`.
fn fs_free(dir: &Path) -> u64 {
    let c = std::ffi::CString::new(dir.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: `c` is a valid C string and `stat` a zeroed struct statvfs.
    unsafe {
        let mut stat: libc::statvfs = std::mem::zeroed();
        assert_eq!(libc::statvfs(c.as_ptr(), &mut stat), 0);
        stat.f_bavail as u64 * stat.f_frsize as u64
    }
}
