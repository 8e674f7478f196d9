//! Backups: consistent copies of the database taken with SQLite's online backup API — never a
//! file copy, which could miss what is still in the write-ahead log — kept beside it in
//! `backups/`, thinned to a daily, weekly and monthly history, and restored with the same API.
//!
//! A copy is written to a `.partial` file, must pass `integrity_check`, and only then is renamed
//! into place: a backup folder never holds a copy that cannot be restored. Files are the
//! user's only (0600 in a 0700 folder).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Utc};
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::cipher::{self, Lock, Passphrase};
use crate::error::{Error, Result};

/// Why a copy was taken. Copies taken before something risky are kept a week whatever the
/// thinning says, so the user can always step back from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    Scheduled,
    Manual,
    BeforeMigration,
    BeforeImport,
    BeforeRestore,
    /// Before the database was locked with a passphrase, or unlocked.
    BeforeLockChange,
    /// Before two people or two accounts were merged, or a merge undone.
    BeforeMerge,
}

const REASONS: [BackupReason; 7] = [
    BackupReason::Scheduled,
    BackupReason::Manual,
    BackupReason::BeforeMigration,
    BackupReason::BeforeImport,
    BackupReason::BeforeRestore,
    BackupReason::BeforeLockChange,
    BackupReason::BeforeMerge,
];

impl BackupReason {
    fn slug(self) -> &'static str {
        match self {
            BackupReason::Scheduled => "scheduled",
            BackupReason::Manual => "manual",
            BackupReason::BeforeMigration => "before-update",
            BackupReason::BeforeImport => "before-import",
            BackupReason::BeforeRestore => "before-restore",
            BackupReason::BeforeLockChange => "before-lock-change",
            BackupReason::BeforeMerge => "before-merge",
        }
    }

    fn is_safety_copy(self) -> bool {
        !matches!(self, BackupReason::Scheduled | BackupReason::Manual)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct BackupFile {
    pub path: String,
    pub taken_at: DateTime<Utc>,
    pub reason: BackupReason,
    /// Size in bytes (a float so the UI's numbers carry it whole).
    pub bytes: f64,
}

/// How many copies to keep: the newest of each of the last `daily` days, `weekly` weeks and
/// `monthly` months. The newest copy is always kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct BackupPolicy {
    pub daily: u32,
    pub weekly: u32,
    pub monthly: u32,
}

impl Default for BackupPolicy {
    fn default() -> Self {
        BackupPolicy { daily: 7, weekly: 5, monthly: 12 }
    }
}

/// More than this many of one kind would keep years of daily copies: surely a slip.
const MOST_KEPT: u32 = 1000;

impl BackupPolicy {
    pub fn check(&self) -> Result<()> {
        for (field, value, unit) in [
            ("daily", self.daily, "days"),
            ("weekly", self.weekly, "weeks"),
            ("monthly", self.monthly, "months"),
        ] {
            if value > MOST_KEPT {
                return Err(Error::validation(
                    field,
                    format!(
                        "Rapport keeps backups for at most {MOST_KEPT} {unit}; {value} is more than that."
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// A scheduled copy is taken when the newest one is older than this.
pub const SCHEDULE: Duration = Duration::hours(24);

/// Backups live beside the database, in `backups/`.
pub fn folder(db: &Path) -> PathBuf {
    db.parent().map(|p| p.join("backups")).unwrap_or_else(|| PathBuf::from("backups"))
}

fn stem(db: &Path) -> &str {
    db.file_stem().and_then(|s| s.to_str()).unwrap_or("rapport")
}

const STAMP: &str = "%Y%m%dT%H%M%SZ";

/// Takes a copy of the open database into the backup folder and returns it. A locked database
/// gives a copy locked with the same passphrase.
pub fn take(
    conn: &Connection,
    db: &Path,
    reason: BackupReason,
    now: DateTime<Utc>,
    key: Option<&Passphrase>,
) -> Result<BackupFile> {
    let dir = folder(db);
    private_dir(&dir)?;
    let base = format!("{}-{}-{}", stem(db), now.format(STAMP), reason.slug());
    // Two copies in the same second keep both.
    let target = (0..)
        .map(|n| dir.join(if n == 0 { format!("{base}.db") } else { format!("{base}-{n}.db") }))
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{base}.db")));
    copy_to(conn, &target, key)?;
    let bytes = std::fs::metadata(&target).map(|m| m.len() as f64).unwrap_or(0.0);
    Ok(BackupFile { path: target.display().to_string(), taken_at: now, reason, bytes })
}

/// Writes a checked copy of the open database to `target`, through a temporary file that is
/// renamed into place only once it is complete, on the disk, and passes `integrity_check`.
pub fn copy_to(conn: &Connection, target: &Path, key: Option<&Passphrase>) -> Result<()> {
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::file(dir, e))?;
    }
    let partial = temporary_beside(target);
    let written = private_file(&partial)
        .and_then(|()| copy_pages(conn, &partial, key))
        .and_then(|()| seal(&partial, key));
    if let Err(err) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(err);
    }
    std::fs::rename(&partial, target).map_err(|e| Error::io(target, e))
}

/// A name beside `target` that no other writer uses — the process and a counter make it unique
/// (three processes once shared one `.partial` and kept an empty file as the day's backup) —
/// ending in `.partial`, so a leftover is known as Rapport's and cleaned ([`clean_leftovers`]).
pub(crate) fn temporary_beside(target: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = target.file_name().map_or_else(|| "rapport".into(), |n| n.to_string_lossy().into_owned());
    let unique = format!(".{name}.{}-{}.partial", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
    target.with_file_name(unique)
}

/// Removes what interrupted copies left: a copy's temporary files (`.NAME.PID-N.partial`, and
/// their `-wal`, `-shm` and `-journal`) once the process named in them is gone; and, when no
/// other Rapport is writing or maintaining the database, log files beside finished copies (which
/// are self-contained) and a conversion's `.converting` file, there or beside the database.
/// Returns how many went. Nothing is judged by its age: a clock set wrong, or a file system's
/// own, once made a copy under way look abandoned.
pub fn clean_leftovers(db: &Path) -> usize {
    let alone = super::exclusive::try_alone(db);
    clean(db, alone.is_some())
}

/// [`clean_leftovers`] for an operation that already holds the database alone (encrypt,
/// decrypt): a plain temporary copy must not outlive the database's locking.
pub fn clean_leftovers_now(db: &Path) -> usize {
    clean(db, true)
}

fn clean(db: &Path, alone: bool) -> usize {
    let mut removed = 0;
    let mut remove = |path: &Path| {
        if std::fs::remove_file(path).is_ok() {
            removed += 1;
        }
    };
    let converting = PathBuf::from(format!("{}.converting", db.display()));
    if alone && converting.exists() {
        remove(&converting);
    }
    let Ok(entries) = std::fs::read_dir(folder(db)) else { return removed };
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let leftover = match copying_process(&name) {
            Some(pid) => !process_alive(pid),
            None => {
                alone
                    && [".db-wal", ".db-shm", ".db-journal", ".db.converting"]
                        .iter()
                        .any(|suffix| name.ends_with(suffix))
            }
        };
        if leftover {
            remove(&entry.path());
        }
    }
    removed
}

/// The process a copy's temporary file belongs to, from its name (see [`temporary_beside`]).
fn copying_process(name: &str) -> Option<u32> {
    let stem = ["", "-wal", "-shm", "-journal"]
        .iter()
        .find_map(|tail| name.strip_suffix(&format!(".partial{tail}")))?;
    let (_, tag) = stem.rsplit_once('.')?;
    let (pid, n) = tag.split_once('-')?;
    n.parse::<u64>().ok()?;
    pid.parse().ok()
}

/// Whether a process with this id is running (its temporary files are then its own business).
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
        // SAFETY: signal 0 only asks whether the process exists; nothing is sent.
        unsafe {
            libc::kill(pid, 0) == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
        }
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Every page of `from` into the empty file at `to`, keyed like it, with SQLite's online backup
/// API.
fn copy_pages(from: &Connection, to: &Path, key: Option<&Passphrase>) -> Result<()> {
    let mut dst = cipher::open(to, OpenFlags::SQLITE_OPEN_READ_WRITE, key)?;
    Backup::new(from, &mut dst)?.run_to_completion(1024, std::time::Duration::ZERO, None)?;
    Ok(())
}

/// Makes the fresh copy one self-contained file (the backup carries the live database's WAL
/// mode, which would leave log files beside it), checks it, and puts it on the disk.
fn seal(path: &Path, key: Option<&Passphrase>) -> Result<()> {
    let conn = cipher::open(path, OpenFlags::SQLITE_OPEN_READ_WRITE, key)?;
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    drop(conn);
    integrity(path, key)?;
    std::fs::File::open(path).and_then(|f| f.sync_all()).map_err(|e| Error::io(path, e))
}

/// `PRAGMA integrity_check` on a closed file: `Ok` only for "ok".
fn integrity(path: &Path, key: Option<&Passphrase>) -> Result<()> {
    let conn = cipher::open(path, OpenFlags::SQLITE_OPEN_READ_ONLY, key).map_err(|e| bad(path, e))?;
    let verdict: String =
        conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0)).map_err(|e| bad(path, e))?;
    if verdict == "ok" {
        Ok(())
    } else {
        Err(bad(path, format!("SQLite's integrity check found: {verdict}")))
    }
}

fn bad(path: &Path, reason: impl std::fmt::Display) -> Error {
    Error::BadBackup { path: path.display().to_string(), reason: reason.to_string() }
}

/// Every backup of `db` in its folder, newest first. Files Rapport did not name are left out
/// (and so never thinned away).
pub fn list(db: &Path) -> Result<Vec<BackupFile>> {
    let dir = folder(db);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::file(&dir, e)),
    };
    let prefix = format!("{}-", stem(db));
    // With the copy's number within its second, so the later of two taken in one second sorts
    // first, as the newer.
    let mut files: Vec<(BackupFile, u32)> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let rest = name.strip_prefix(&prefix)?.strip_suffix(".db")?;
            let (stamp, tail) = rest.split_at_checked(16)?;
            let taken_at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
            let slug = tail.strip_prefix('-')?;
            let (reason, n) = REASONS.into_iter().find_map(|r| {
                if slug == r.slug() {
                    return Some((r, 0));
                }
                let n = slug.strip_prefix(r.slug())?.strip_prefix('-')?.parse::<u32>().ok()?;
                Some((r, n))
            })?;
            let bytes = entry.metadata().map(|m| m.len() as f64).unwrap_or(0.0);
            Some((BackupFile { path: entry.path().display().to_string(), taken_at, reason, bytes }, n))
        })
        .collect();
    files.sort_by(|(a, an), (b, bn)| {
        b.taken_at.cmp(&a.taken_at).then(bn.cmp(an)).then_with(|| b.path.cmp(&a.path))
    });
    let files = files.into_iter().map(|(f, _)| f).collect();
    Ok(files)
}

/// Whether a scheduled copy is due: none yet, or the newest is a day old. A copy dated after
/// `now` (a clock set wrong, or an older Rapport that dated chores by `--at`) says nothing about
/// today, so it never holds the daily copy back.
pub fn due(db: &Path, now: DateTime<Utc>) -> Result<bool> {
    let newest = list(db)?.into_iter().find(|f| f.taken_at <= now);
    Ok(newest.is_none_or(|newest| now - newest.taken_at >= SCHEDULE))
}

/// The daily copy, taken on a read-only connection of its own when the newest copy is a day old,
/// then the thinning. In write-ahead-log mode it reads beside any writer, so whoever calls it need
/// hold nothing else while a large file is copied.
pub fn keep_daily(db: &Path, key: Option<&Passphrase>, now: DateTime<Utc>) -> Result<Option<BackupFile>> {
    if !due(db, now)? {
        return Ok(None);
    }
    let conn = cipher::open(db, OpenFlags::SQLITE_OPEN_READ_ONLY, key)?;
    let file = take(&conn, db, BackupReason::Scheduled, now, key)?;
    let policy: BackupPolicy = super::settings::read(&conn, super::settings::BACKUP_POLICY_KEY)?;
    // Thinning that fails leaves extra copies, never fewer.
    let _ = thin(db, policy, now);
    Ok(Some(file))
}

/// Which of `files` (newest first) the policy keeps: the newest; the newest of each day, ISO
/// week and month within the policy's reach; every safety copy less than a week old; and every
/// copy dated after `now` — a date in the future is never a reason to delete anything, and such
/// a copy takes no day's, week's or month's place from the copies around it.
pub fn kept(files: &[BackupFile], policy: BackupPolicy, now: DateTime<Utc>) -> Vec<bool> {
    let today = now.date_naive();
    let mut days = HashSet::new();
    let mut weeks = HashSet::new();
    let mut months = HashSet::new();
    files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            if f.taken_at > now {
                return true;
            }
            let day = f.taken_at.date_naive();
            let age_days = (today - day).num_days();
            let week = day.iso_week();
            let month = (day.year(), day.month());
            let months_ago = (today.year() - day.year()) * 12 + today.month() as i32 - day.month() as i32;
            let newest_of_day = age_days < i64::from(policy.daily) && days.insert(day);
            let newest_of_week =
                age_days < 7 * i64::from(policy.weekly) && weeks.insert((week.year(), week.week()));
            let newest_of_month = months_ago < policy.monthly as i32 && months.insert(month);
            let safety = f.reason.is_safety_copy() && now - f.taken_at < Duration::days(7);
            let newest = files[..i].iter().all(|g| g.taken_at > now);
            newest || newest_of_day || newest_of_week || newest_of_month || safety
        })
        .collect()
}

/// Deletes the copies the policy no longer keeps, and returns how many went.
pub fn thin(db: &Path, policy: BackupPolicy, now: DateTime<Utc>) -> Result<usize> {
    let files = list(db)?;
    let mut removed = 0;
    for (file, keep) in files.iter().zip(kept(&files, policy, now)) {
        if !keep {
            std::fs::remove_file(&file.path).map_err(|e| Error::file(Path::new(&file.path), e))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Checks that `file` is a whole Rapport database this version can open, locked as the database
/// it would replace is (`key`), without changing it.
pub fn check(file: &Path, key: Option<&Passphrase>) -> Result<()> {
    if !file.is_file() {
        return Err(bad(file, "there is no file there"));
    }
    match (cipher::lock_of(file)?, key) {
        (Lock::New | Lock::Foreign, _) => return Err(bad(file, "it is not a database")),
        (Lock::Locked, None) => {
            return Err(bad(file, "it is locked with a passphrase, and this database is not"));
        }
        (Lock::Plain, Some(_)) => return Err(bad(file, "it is not locked, and this database is")),
        _ => {}
    }
    let conn = cipher::open(file, OpenFlags::SQLITE_OPEN_READ_ONLY, key).map_err(|e| match e {
        Error::WrongPassphrase { .. } => bad(file, "it is locked with another passphrase"),
        other => bad(file, other),
    })?;
    let header = (|| -> rusqlite::Result<(i32, i64)> {
        Ok((
            conn.pragma_query_value(None, "application_id", |r| r.get(0))?,
            conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
        ))
    })();
    let (application_id, version) = header.map_err(|_| bad(file, "it is not a database"))?;
    if application_id != super::APPLICATION_ID {
        return Err(bad(file, "it is not a Rapport database"));
    }
    if version > super::SCHEMA_VERSION {
        return Err(Error::NewerSchema { found: version, known: super::SCHEMA_VERSION });
    }
    drop(conn);
    integrity(file, key)
}

/// Replaces the database at `db` with the checked copy `file`, after keeping what is there now:
/// a backup if it opens, else the damaged file itself, set aside. Returns that safety copy.
pub fn restore(
    db: &Path,
    file: &Path,
    now: DateTime<Utc>,
    key: Option<&Passphrase>,
) -> Result<Option<PathBuf>> {
    check(file, key)?;
    let safety = if db.exists() { Some(set_aside(db, now, key)?) } else { None };
    let into = |db: &Path| -> Result<()> {
        let source = cipher::open(file, OpenFlags::SQLITE_OPEN_READ_ONLY, key)?;
        let mut target = cipher::open(db, OpenFlags::SQLITE_OPEN_READ_WRITE, key)?;
        target.busy_timeout(std::time::Duration::from_secs(5))?;
        Backup::new(&source, &mut target)?.run_to_completion(1024, std::time::Duration::ZERO, None)?;
        Ok(())
    };
    if db.exists() && into(db).is_ok() {
        return Ok(safety);
    }
    // The old file could not take the copy (its header is gone): it is already set aside, so
    // start from an empty file.
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    private_file(db)?;
    into(db)?;
    Ok(safety)
}

/// Keeps the database as it is before a restore: a checked backup when it is whole, or a plain
/// copy of the damaged file (and its log) when it is not, so nothing is ever thrown away.
fn set_aside(db: &Path, now: DateTime<Utc>, key: Option<&Passphrase>) -> Result<PathBuf> {
    let whole = cipher::open(db, OpenFlags::SQLITE_OPEN_READ_WRITE, key).ok().filter(|conn| {
        conn.query_row("PRAGMA quick_check(1)", [], |r| r.get::<_, String>(0)).is_ok_and(|v| v == "ok")
    });
    if let Some(conn) = whole
        && let Ok(copy) = take(&conn, db, BackupReason::BeforeRestore, now, key)
    {
        return Ok(PathBuf::from(copy.path));
    }
    let dir = folder(db);
    private_dir(&dir)?;
    let target = dir.join(format!("{}-{}-damaged.db", stem(db), now.format(STAMP)));
    for suffix in ["", "-wal"] {
        let from = PathBuf::from(format!("{}{suffix}", db.display()));
        if from.exists() {
            let to = PathBuf::from(format!("{}{suffix}", target.display()));
            std::fs::copy(&from, &to).map_err(|e| Error::file(&to, e))?;
        }
    }
    Ok(target)
}

/// Creates an empty file only the user can read, for SQLite to fill.
pub(super) fn private_file(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop).map_err(|e| Error::file(path, e))
}

/// Creates a folder (and its parents) that only the user can enter.
pub(super) fn private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| Error::file(dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    fn file(taken_at: DateTime<Utc>, reason: BackupReason) -> BackupFile {
        BackupFile { path: taken_at.to_rfc3339(), taken_at, reason, bytes: 0.0 }
    }

    #[test]
    fn a_year_of_daily_copies_thins_to_days_weeks_and_months() {
        let now = at(2026, 11, 23, 12);
        let files: Vec<BackupFile> =
            (0..365).map(|d| file(now - Duration::days(d), BackupReason::Scheduled)).collect();
        let kept = kept(&files, BackupPolicy::default(), now);
        let count = kept.iter().filter(|k| **k).count();
        assert!(kept[..7].iter().all(|k| *k), "the last seven days are all kept");
        assert!(!kept[8] || !kept[9], "older days are thinned");
        // 7 days, then weeks and months not already covered by a newer copy.
        assert!((17..=24).contains(&count), "about a copy a day, a week and a month kept: {count}");
        assert!(!kept[364], "a copy older than twelve months goes");
    }

    #[test]
    fn the_newest_and_recent_safety_copies_are_always_kept() {
        let now = at(2026, 11, 23, 12);
        let policy = BackupPolicy { daily: 0, weekly: 0, monthly: 0 };
        let files = vec![
            file(now - Duration::days(1), BackupReason::Scheduled),
            file(now - Duration::days(3), BackupReason::BeforeImport),
            file(now - Duration::days(30), BackupReason::Scheduled),
            file(now - Duration::days(31), BackupReason::BeforeMigration),
        ];
        assert_eq!(kept(&files, policy, now), vec![true, true, false, false]);
    }

    #[test]
    fn leftovers_of_interrupted_copies_are_cleaned_once_nobody_writes_them() {
        let dir = tempfile::TempDir::new().unwrap();
        let db = dir.path().join("rapport.db");
        let backups = folder(&db);
        std::fs::create_dir_all(&backups).unwrap();
        let make = |name: &str| {
            let path =
                if name.starts_with("rapport.db") { dir.path().join(name) } else { backups.join(name) };
            std::fs::File::create(&path).unwrap();
            path
        };
        // A process that has ended, and this one, which is still copying.
        let mut ended = std::process::Command::new("true").spawn().unwrap();
        ended.wait().unwrap();
        let (gone_pid, alive_pid) = (ended.id(), std::process::id());
        let gone = [
            make(&format!(".rapport-20261201T100000Z-scheduled.db.{gone_pid}-0.partial")),
            make(&format!(".rapport-20261201T100000Z-scheduled.db.{gone_pid}-3.partial-wal")),
            make("rapport-20261130T100000Z-scheduled.db-shm"),
            make("rapport-20261130T100000Z-scheduled.db.converting"),
            make("rapport.db.converting"),
        ];
        let kept = [
            make(&format!(".rapport-20261202T100000Z-scheduled.db.{alive_pid}-0.partial")),
            make("rapport-20261130T100000Z-scheduled.db"),
            make("notes.txt"),
        ];
        // While another Rapport maintains the database, only what a dead process left goes.
        let held = crate::store::exclusive::exclusive(&db).unwrap();
        let other = std::thread::spawn({
            let db = db.clone();
            move || clean_leftovers(&db)
        });
        assert_eq!(other.join().unwrap(), 2, "the dead process's two files");
        assert!(gone[2..].iter().all(|p| p.exists()), "logs and conversions wait for the lock");
        drop(held);
        assert_eq!(clean_leftovers(&db), 3);
        assert!(gone.iter().all(|p| !p.exists()), "every leftover went");
        assert!(kept.iter().all(|p| p.exists()), "a copy under way, a backup and a file not Rapport's stay");
    }

    #[test]
    fn copies_dated_in_the_future_are_kept_and_never_cost_the_present_ones_their_place() {
        let now = at(2026, 12, 2, 12);
        let files = vec![
            file(at(9999, 12, 31, 10), BackupReason::Scheduled),
            file(at(2027, 12, 15, 10), BackupReason::Manual),
            file(now - Duration::days(1), BackupReason::Scheduled),
            file(now - Duration::days(2), BackupReason::Scheduled),
            file(now - Duration::days(400), BackupReason::Scheduled),
        ];
        let policy = BackupPolicy { daily: 1, weekly: 0, monthly: 0 };
        // The present's newest stays the newest; the policy keeps no other day.
        assert_eq!(kept(&files, policy, now), vec![true, true, true, false, false]);
    }

    #[test]
    fn a_policy_beyond_reason_is_refused_with_its_field() {
        let err = BackupPolicy { daily: 7, weekly: 5000, monthly: 12 }.check().unwrap_err();
        assert!(matches!(err, Error::Validation { field: "weekly", .. }), "{err}");
        assert!(BackupPolicy::default().check().is_ok());
    }
}
