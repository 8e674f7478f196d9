//! Every file Rapport writes for the user — archives, people as CSV or vCard, the calendar file,
//! briefs — goes through here, so that none can hurt them: the live database, its companion
//! files and the backups are refused as targets, and a file is written owner-only through a
//! temporary file of its own, synced, and renamed into place whole.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::Rapport;
use crate::error::{Error, Result};
use crate::store::backup::{self, temporary_beside};

impl Rapport {
    /// Writes `text` to `target` for the user (see the module's comment).
    pub fn write_user_file(&self, target: &Path, text: &str) -> Result<()> {
        refuse_own_files(self.store.path(), target)?;
        write_private(target, text.as_bytes())
    }
}

/// Refuses `target` when it is the database at `db`, one of its companion files (`-wal`,
/// `-shm`, `-journal`), or anything in its backup folder, however the path is spelled.
pub(crate) fn refuse_own_files(db: &Path, target: &Path) -> Result<()> {
    let Some(target) = resolved(target) else { return Ok(()) };
    let db = resolved(db).unwrap_or_else(|| db.to_path_buf());
    let db_text = db.as_os_str().to_string_lossy().into_owned();
    let own = ["", "-wal", "-shm", "-journal", "-lock"]
        .iter()
        .any(|suffix| target == Path::new(&format!("{db_text}{suffix}")));
    let backups = resolved(&backup::folder(&db)).is_some_and(|folder| target.starts_with(folder));
    if own || backups {
        return Err(Error::validation(
            "path",
            format!(
                "{} is where Rapport keeps your database{}; writing there would replace it. Choose another file name or folder.",
                target.display(),
                if backups { "'s backups" } else { "" }
            ),
        ));
    }
    Ok(())
}

/// `path` with its folder's links and `..` resolved (and the file's own link, when it is one),
/// or `None` when its folder does not exist.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(whole) = std::fs::canonicalize(path) {
        return Some(whole);
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(parent).ok()?.join(path.file_name()?))
}

/// Writes `bytes` to `target` through a temporary file of its own beside it (so two writers
/// never share one), readable by the owner only, synced before it is renamed into place.
pub(crate) fn write_private(target: &Path, bytes: &[u8]) -> Result<()> {
    let partial = temporary_beside(target);
    let written = (|| -> std::io::Result<()> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&partial)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(err) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(Error::io(&partial, err));
    }
    std::fs::rename(&partial, target).map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        Error::file(target, e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_its_companions_and_backups_are_refused_however_spelled() {
        let dir = tempfile::TempDir::new().unwrap();
        let db = dir.path().join("rapport.db");
        std::fs::write(&db, "x").unwrap();
        std::fs::create_dir_all(dir.path().join("backups")).unwrap();
        for target in [
            db.clone(),
            dir.path().join("rapport.db-wal"),
            dir.path().join("rapport.db-shm"),
            dir.path().join("backups/rapport-x.db"),
            dir.path().join("backups/../rapport.db"),
        ] {
            let err = refuse_own_files(&db, &target).unwrap_err().to_string();
            assert!(err.contains("Choose another file name"), "{target:?}: {err}");
        }
        refuse_own_files(&db, &dir.path().join("export.json")).unwrap();
        refuse_own_files(&db, &dir.path().join("rapport.db.json")).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn files_are_owner_only_and_leave_no_temporary_behind() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::TempDir::new().unwrap();
        let target = dir.path().join("people.csv");
        write_private(&target, b"name\r\n").unwrap();
        write_private(&target, b"name\r\nAnnika\r\n").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"name\r\nAnnika\r\n");
        assert_eq!(std::fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file is left");
    }
}
