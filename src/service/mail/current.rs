//! Mail kept current: the mail files and folders the user asked Rapport to keep reading
//! (Settings → Your mail). While the app runs, each is read again a minute at a time — which
//! costs nothing when it has not changed, and reads only what is new when it has.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::MailReport;
use crate::error::{Error, Result};
use crate::interop::mail;
use crate::service::Rapport;

const KEY: &str = "mail_kept_current";

impl Rapport {
    /// The mail files and folders Rapport keeps reading, as the user gave them.
    pub fn mail_kept_current(&self) -> Result<Vec<String>> {
        self.store.setting(KEY)
    }

    /// Starts or stops reading `path` as it changes. Only mail Rapport can read may be kept.
    pub fn keep_mail_current(&mut self, path: &str, keep: bool) -> Result<Vec<String>> {
        let mut kept = self.mail_kept_current()?;
        kept.retain(|p| p != path);
        if keep {
            if mail::detect(Path::new(path)).is_none() {
                return Err(Error::validation(
                    "path",
                    format!(
                        "{path} is not mail Rapport can read. Choose an mbox file, a Maildir, or a folder of .eml files."
                    ),
                ));
            }
            kept.push(path.to_string());
        }
        self.store.save_setting(KEY, &kept)?;
        Ok(kept)
    }

    /// Reads what is new in each mail source kept current; one that cannot be read now (a
    /// drive not mounted) is tried again the next time. Returns what each reading did.
    pub fn read_mail_kept_current(&mut self, now: DateTime<Utc>) -> Result<Vec<MailReport>> {
        let mut reports = Vec::new();
        let mut failed = None;
        for path in self.mail_kept_current()? {
            if Path::new(&path).exists() {
                match self.read_mail(Path::new(&path), false, false, now) {
                    Ok(report) => reports.push(report),
                    // One that cannot be read now does not keep the others from being read.
                    Err(e) => failed = failed.or(Some(e)),
                }
            }
        }
        match failed {
            Some(e) if reports.is_empty() => Err(e),
            _ => Ok(reports),
        }
    }
}
