//! How an import reads its file: what format it is, from its first bytes; vCard and iCalendar
//! files whole; CSV a row at a time, so that a CRM's export of a million people is read in the
//! memory of a few rows. Every read is bounded before it is copied.

use std::fs::File;
use std::io;
use std::path::Path;

use encoding_rs::Encoding;

use super::formats::{Input, format_of};
use super::{FileFormat, MAX_FILE_BYTES};
use crate::error::{Error, Result};
use crate::interop::csv::CsvRows;
use crate::interop::{LineProblem, text};

/// The file's bytes, refused in a sentence when it cannot be read or is far too large. The
/// limit holds for any source — a device such as /dev/zero or a pipe reports no size, so the
/// read itself stops one byte past the limit.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    read_at_most(path, MAX_FILE_BYTES, |size_mb| {
        format!(
            "{} is {size_mb}, larger than any address book, calendar or CRM export Rapport takes ({} MB at most). Choose the exported file itself.",
            path.display(),
            MAX_FILE_BYTES / (1024 * 1024)
        )
    })
}

fn folder_given(path: &Path) -> Error {
    Error::validation(
        "path",
        format!(
            "{} is a folder. Choose the file inside it to import (a Rapport archive, a CSV, vCard or iCalendar file).",
            path.display()
        ),
    )
}

/// The whole text of a file read at once, decoded.
pub(super) fn decoded(input: Input<'_>) -> Result<text::Decoded> {
    Ok(match input {
        Input::File(path) => text::decode(&read_bytes(path)?),
        Input::Bytes(_, bytes) => text::decode(bytes),
    })
}

/// The first few kilobytes of `path`, enough to tell its format.
fn read_head(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read as _;
    if path.is_dir() {
        return Err(folder_given(path));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::file(path, e))?;
    let mut head = Vec::with_capacity(16 * 1024);
    file.take(16 * 1024).read_to_end(&mut head).map_err(|e| Error::file(path, e))?;
    Ok(head)
}

/// Reads `path` whole, but never more than `limit` bytes; `too_large` words the refusal from
/// the size ("300 MB", or "more than 256 MB" when the source gave no size).
pub(crate) fn read_at_most(path: &Path, limit: u64, too_large: impl Fn(String) -> String) -> Result<Vec<u8>> {
    use std::io::Read as _;
    let refuse = |size: String| Error::validation("path", too_large(size));
    let file = std::fs::File::open(path).map_err(|e| Error::file(path, e))?;
    let meta = file.metadata().map_err(|e| Error::file(path, e))?;
    if meta.is_dir() {
        return Err(folder_given(path));
    }
    if meta.len() > limit {
        return Err(refuse(format!("{} MB", meta.len() / (1024 * 1024))));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| Error::file(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(refuse(format!("more than {} MB", limit / (1024 * 1024))));
    }
    Ok(bytes)
}

/// The format of the file at `path`, from its first bytes and its name.
pub(super) fn format_at(path: &Path) -> Result<(FileFormat, &'static str)> {
    let head = text::decode(&read_head(path)?);
    Ok((format_of(&path.to_string_lossy(), &head.text), head.encoding))
}

/// A CSV text a row at a time, and the encoding it was written in.
pub(super) type Rows<'a> = CsvRows<Box<dyn io::Read + 'a>>;

/// The rows of the CSV file at `path`. A regular file is read twice, a piece at a time (once to
/// learn its encoding); anything else (a pipe, a device) is read whole, within the limit.
pub(super) fn csv_file(path: &Path, has_header: Option<bool>) -> Result<(Rows<'static>, &'static Encoding)> {
    let meta = std::fs::metadata(path).map_err(|e| Error::file(path, e))?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
        let bytes = read_bytes(path)?;
        let encoding = text::sniff(|| Ok(bytes.as_slice())).map_err(|e| Error::file(path, e))?;
        let rows = CsvRows::open_as(
            Box::new(text::reader(io::Cursor::new(bytes), encoding)) as Box<dyn io::Read>,
            has_header,
        )
        .map_err(|p| unreadable(path, p))?;
        return Ok((rows, encoding));
    }
    let open = || File::open(path);
    let encoding = text::sniff(open).map_err(|e| Error::file(path, e))?;
    let file = open().map_err(|e| Error::file(path, e))?;
    let rows = CsvRows::open_as(
        Box::new(text::reader(io::BufReader::new(file), encoding)) as Box<dyn io::Read>,
        has_header,
    )
    .map_err(|p| unreadable(path, p))?;
    Ok((rows, encoding))
}

/// The rows of a CSV file already in memory.
pub(super) fn csv_bytes<'a>(
    path: &Path,
    bytes: &'a [u8],
    has_header: Option<bool>,
) -> Result<(Rows<'a>, &'static Encoding)> {
    let encoding = text::sniff(|| Ok(bytes)).map_err(|e| Error::file(path, e))?;
    let rows =
        CsvRows::open_as(Box::new(text::reader(bytes, encoding)) as Box<dyn io::Read + 'a>, has_header)
            .map_err(|p| unreadable(path, p))?;
    Ok((rows, encoding))
}

/// A file whose text cannot be read as CSV from some line on: nothing in it is imported.
pub(super) fn unreadable(path: &Path, problem: LineProblem) -> Error {
    Error::BadLines { file: path.display().to_string(), problems: vec![problem], good: 0, count: 1 }
}
