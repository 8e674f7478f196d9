//! A Rapport archive: known by its first brace, and imported by its own import
//! (`Rapport::import_archive`), never as a file from another tool.

use super::{Format, Input, Inspected, Records};
use crate::error::{Error, Result};
use crate::service::exchange::{FileFormat, ImportOptions};
use chrono::{DateTime, Utc};

pub const FORMAT: Format = Format {
    kind: FileFormat::Archive,
    label: "Rapport archive",
    extensions: &["json"],
    recognises: |head, _| head.starts_with('{'),
    // An archive is read whole only by its own import, whose limit is far larger than an
    // import's: Rapport imports every archive it exports.
    inspect: |_, head_encoding| Ok(Inspected { encoding: head_encoding, csv: None }),
    read,
};

fn read<'a>(input: Input<'a>, _: &ImportOptions, _: DateTime<Utc>) -> Result<Records<'a>> {
    Err(Error::conflict(format!(
        "{} is a Rapport archive, not a file from another tool. Import it with Import archive… under Your data in the app (`rapport import` on the command line reads it as an archive).",
        input.path().display()
    )))
}
