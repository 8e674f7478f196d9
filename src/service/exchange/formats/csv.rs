//! People or companies from a table a CRM or spreadsheet exported, read a row at a time, each
//! row given its meaning by the user's mapping of the columns (or Rapport's suggestion).

use chrono::{DateTime, Utc};

use super::{Format, Incoming, Input, Inspected, Records};
use crate::error::{Error, Result};
use crate::interop::csv::{self as table, CsvLayout};
use crate::service::exchange::{FileFormat, ImportOptions, source};

pub const FORMAT: Format = Format {
    kind: FileFormat::Csv,
    label: "CSV",
    extensions: &["csv", "tsv", "txt"],
    recognises: |_, _| false,
    inspect: |path, _| inspect_as(path, None),
    read,
};

/// Whether the first row is a header: the user's word when they said there is none, else the
/// row's own.
fn header_choice(options: &ImportOptions) -> Option<bool> {
    options.no_header.then_some(false)
}

/// The columns, the first rows and how many there are (counted a row at a time).
pub fn inspect_as(path: &std::path::Path, has_header: Option<bool>) -> Result<Inspected> {
    let (mut rows, encoding) = source::csv_file(path, has_header)?;
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
    let layout = CsvLayout::new(encoding.name(), rows.delimiter, rows.has_header, header, sample, count);
    Ok(Inspected { encoding: encoding.name(), csv: Some(layout) })
}

fn read<'a>(input: Input<'a>, options: &ImportOptions, _: DateTime<Utc>) -> Result<Records<'a>> {
    let path = input.path().to_path_buf();
    let open = || match input {
        Input::File(path) => source::csv_file(path, header_choice(options)),
        Input::Bytes(path, bytes) => source::csv_bytes(path, bytes, header_choice(options)),
    };
    let (rows, encoding) = open()?;
    let mapping = match options.mapping.clone() {
        Some(mapping) => mapping,
        None if rows.has_header => table::suggest(&rows.header),
        // Without a header, the mapping is suggested from the first rows, as the first look showed.
        None => {
            let (first, _) = open()?;
            let sample: Vec<Vec<String>> = first.take(5).filter_map(|r| r.ok()).map(|r| r.cells).collect();
            table::suggest_from_cells(rows.header.len(), &sample)
        }
    };
    let meaning = table::meaning(rows.header.len(), &mapping).map_err(|m| Error::validation("mapping", m))?;
    let items = rows.flat_map(move |row| {
        let row = match row {
            Ok(row) => row,
            Err(p) => return vec![Err(source::unreadable(&path, p))],
        };
        match table::record(&row, &mapping, meaning) {
            Ok((record, left_out)) => left_out
                .into_iter()
                .map(|p| Ok(Ok(Incoming::LeftOut(p))))
                .chain(std::iter::once(Ok(Ok(Incoming::from(record)))))
                .collect(),
            Err(problem) => vec![Ok(Err(problem))],
        }
    });
    Ok(Records { encoding: encoding.name(), skipped: Vec::new(), items: Box::new(items) })
}
