//! Export and import of the portable archive, as user actions.

use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

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

impl Rapport {
    /// The whole database as the portable archive's JSON text.
    pub fn export_archive(&self, now: DateTime<Utc>) -> Result<String> {
        let bundles = self.store.bundles_for_export()?;
        Ok(archive::to_json(&archive::document(&bundles, stored_precision(now))))
    }

    /// Writes the archive to `path`, through a temporary file renamed into place, so a crash
    /// never leaves half an archive.
    pub fn export_archive_to(&self, path: &std::path::Path, now: DateTime<Utc>) -> Result<()> {
        let text = self.export_archive(now)?;
        let partial = path.with_extension("partial");
        std::fs::write(&partial, &text).map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            Error::io(&partial, e)
        })?;
        std::fs::rename(&partial, path).map_err(|e| Error::file(path, e))
    }

    /// Reads the archive at `path` and imports it (see [`Rapport::import_archive`]).
    pub fn import_archive_from(
        &mut self,
        path: &std::path::Path,
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<ImportReport> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::file(path, e))?;
        self.import_archive(&text, dry_run, now)
    }

    /// Checks the archive `text` whole, then merges it in by id — or, with `dry_run`, only checks.
    pub fn import_archive(&mut self, text: &str, dry_run: bool, now: DateTime<Utc>) -> Result<ImportReport> {
        let now = stored_precision(now);
        let bundles = archive::read(text, now).map_err(|problems| Error::InvalidArchive { problems })?;
        let accounts = bundles.len() as u32;
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
