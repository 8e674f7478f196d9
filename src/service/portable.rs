//! Export and import of the portable archive, as user actions.

use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use super::progress::Unit;
use super::{Rapport, stored_precision};
use crate::archive;
use crate::error::{Error, Result};
use crate::store::{BackupReason, ImportCounts};

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ImportReport {
    pub accounts: u32,
    pub created: u32,
    pub updated: u32,
    /// Where the copy taken before the import is, when there was anything to copy.
    pub backup: Option<String>,
    /// True when nothing was written (a dry run).
    pub dry_run: bool,
}

/// The largest archive Rapport reads: ten times the archive of a heavy user's portfolio (500
/// accounts and 200,000 interactions export to about 100 MB), so every archive Rapport writes
/// comes back in, while a wrong file cannot fill the memory.
pub const MAX_ARCHIVE_BYTES: u64 = 1024 * 1024 * 1024;

/// The archive's bytes as text, or a sentence saying what the file is instead.
fn archive_text(path: &std::path::Path, bytes: Vec<u8>) -> Result<String> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || (bytes.len() >= 4 && (bytes[1] == 0 || bytes[0] == 0) && (bytes[3] == 0 || bytes[2] == 0));
    if utf16 {
        return Err(Error::validation(
            "path",
            format!(
                "{} is saved as UTF-16 text; Rapport's archives are UTF-8. Save it as UTF-8 (or export it again from Rapport) and import that.",
                path.display()
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        Error::validation(
            "path",
            format!(
                "{} is not UTF-8 text (the first byte that is not, is byte {}), so it is not an archive Rapport wrote. Export the archive again from Rapport and import that.",
                path.display(),
                e.utf8_error().valid_up_to() + 1
            ),
        )
    })
}

impl Rapport {
    /// The whole database as the portable archive's JSON text.
    pub fn export_archive(&self, now: DateTime<Utc>) -> Result<String> {
        let bundles = self.store.bundles_for_export()?;
        Ok(archive::to_json(&archive::document(&bundles, stored_precision(now))))
    }

    /// Writes the archive to `path`, through a temporary file renamed into place, so a crash
    /// never leaves half an archive (see `files.rs`).
    pub fn export_archive_to(&self, path: &std::path::Path, now: DateTime<Utc>) -> Result<()> {
        let progress = self.progress();
        progress.step("Reading every account for the archive", Unit::Records, None);
        let text = self.export_archive(now)?;
        // Nothing is written yet: stopping here leaves no file behind.
        progress.go_on()?;
        progress.step("Writing the archive", Unit::Bytes, Some(text.len() as u64));
        progress.writing();
        self.write_user_file(path, &text)
    }

    /// Reads the archive at `path` and imports it (see [`Rapport::import_archive`]).
    pub fn import_archive_from(
        &mut self,
        path: &std::path::Path,
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<ImportReport> {
        let name =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        self.progress().step(
            format!("Reading {name}"),
            Unit::Bytes,
            std::fs::metadata(path).ok().map(|m| m.len()),
        );
        let bytes = super::exchange::read_at_most(path, MAX_ARCHIVE_BYTES, |size| {
            format!(
                "{} is {size}, more than Rapport's archives grow to (1 GB at most). Choose an archive exported by Rapport.",
                path.display()
            )
        })?;
        let text = archive_text(path, bytes)?;
        self.import_archive(&text, dry_run, now)
    }

    /// Checks the archive `text` whole, then merges it in by id — or, with `dry_run`, only checks.
    pub fn import_archive(&mut self, text: &str, dry_run: bool, now: DateTime<Utc>) -> Result<ImportReport> {
        let now = stored_precision(now);
        let progress = self.progress();
        progress.step("Checking the archive", Unit::Bytes, Some(text.len() as u64));
        let bundles = archive::read(text, now).map_err(|problems| Error::InvalidArchive { problems })?;
        let accounts = bundles.len() as u32;
        // Checked, nothing written: stopping here changes nothing.
        progress.go_on()?;
        progress.step(format!("Importing {accounts} accounts"), Unit::Records, None);
        progress.writing();
        if dry_run {
            // Rehearsed in a transaction that is rolled back: the counts are exactly what an
            // import would do, and a clash with what is here is found too.
            let ImportCounts { created, updated } = self.store.replace_bundles(&bundles, true)?;
            return Ok(ImportReport { accounts, created, updated, backup: None, dry_run: true });
        }
        let backup = if self.store.account_count()? > 0 {
            Some(self.back_up_for(BackupReason::BeforeImport, now)?.path)
        } else {
            None
        };
        let ImportCounts { created, updated } = self.store.replace_bundles(&bundles, false)?;
        Ok(ImportReport { accounts, created, updated, backup, dry_run: false })
    }
}
