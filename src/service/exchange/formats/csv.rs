//! People or companies from a table a CRM or spreadsheet exported, read a row at a time, each
//! row given its meaning by the user's mapping of the columns (or Rapport's suggestion).

use chrono::{DateTime, Utc};

use super::{Format, Incoming, Input, Inspected, Records};
use crate::error::{Error, Result};
use crate::interop::csv::{self as table, CsvLayout, Meaning};
use crate::service::exchange::{FileFormat, ImportOptions, source};

pub const FORMAT: Format = Format {
    kind: FileFormat::Csv,
    label: "CSV",
    extensions: &["csv", "tsv", "txt"],
    recognises: |_, _| false,
    inspect,
    read,
};

/// The columns, the first rows and how many there are (counted a row at a time).
fn inspect(path: &std::path::Path, _: &'static str) -> Result<Inspected> {
    let (mut rows, encoding) = source::csv_file(path)?;
    let mut sample = Vec::new();
    let mut count = 0u32;
    for row in rows.by_ref() {
        let row = row.map_err(|p| source::unreadable(path, p))?;
        if sample.len() < 5 {
            sample.push(row.cells);
        }
        count += 1;
    }
    let header = std::mem::take(&mut rows.header);
    let layout = CsvLayout::new(encoding.name(), rows.delimiter, header, sample, count);
    Ok(Inspected { encoding: encoding.name(), csv: Some(layout) })
}

fn read<'a>(input: Input<'a>, options: &ImportOptions, _: DateTime<Utc>) -> Result<Records<'a>> {
    let path = input.path().to_path_buf();
    let (rows, encoding) = match input {
        Input::File(path) => source::csv_file(path)?,
        Input::Bytes(path, bytes) => source::csv_bytes(path, bytes)?,
    };
    let mapping = options.mapping.clone().unwrap_or_else(|| table::suggest(&rows.header));
    let meaning = table::meaning(rows.header.len(), &mapping).map_err(|m| Error::validation("mapping", m))?;
    let items = rows.map(move |row| {
        let row = row.map_err(|p| source::unreadable(&path, p))?;
        Ok(match meaning {
            Meaning::People => table::person(&row, &mapping).map(Incoming::Person),
            Meaning::Companies => table::company(&row, &mapping).map(Incoming::Company),
        })
    });
    Ok(Records { encoding: encoding.name(), skipped: Vec::new(), items: Box::new(items) })
}
