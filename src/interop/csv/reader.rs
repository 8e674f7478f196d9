//! A CSV file's cells, a row at a time: a CRM's export of a million people is read in the memory
//! of a few rows, each row placed by the line it starts on.

use std::cell::RefCell;
use std::io::{self, Read};
use std::rc::Rc;

use super::unguarded;
use crate::domain::LineProblem;

const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How much of the file's start is looked at to find the delimiter.
const SNIFFED_BYTES: u64 = 64 * 1024;

/// One row's cells, trimmed, and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub line: u32,
    pub cells: Vec<String>,
}

/// The rows of a CSV text after its header, read as they are asked for.
pub struct CsvRows<R: Read> {
    pub delimiter: u8,
    /// False when the file starts with data: the header is then "Column 1", "Column 2"…
    pub has_header: bool,
    pub header: Vec<String>,
    records: csv::StringRecordsIntoIter<Recording<io::Chain<io::Cursor<Vec<u8>>, R>>>,
    lines: Lines,
    /// The first row of a file without a header, still to be handed out.
    pending: Option<TableRow>,
}

impl<R: Read> CsvRows<R> {
    /// [`CsvRows::open_as`], telling a header from data by itself.
    pub fn open(text: R) -> Result<Self, LineProblem> {
        Self::open_as(text, None)
    }

    /// Finds the delimiter from the first lines — the one that splits them into the same number
    /// of columns, more than one, wins (Excel in much of Europe writes ";") — and reads the header.
    /// `has_header` says whether the first row is a header; `None` lets the row tell (a header
    /// never holds an email address or a phone number).
    pub fn open_as(mut text: R, has_header: Option<bool>) -> Result<Self, LineProblem> {
        let mut head = Vec::new();
        (&mut text).take(SNIFFED_BYTES).read_to_end(&mut head).map_err(unreadable)?;
        let head_text = String::from_utf8_lossy(&head);
        let head_text = head_text.strip_prefix('\u{feff}').unwrap_or(&head_text);
        if (head.len() as u64) < SNIFFED_BYTES && head_text.trim().is_empty() {
            return Err(LineProblem {
                line: 1,
                message: "The file is empty. Export it again from your CRM or spreadsheet.".into(),
            });
        }
        let delimiter = DELIMITERS.into_iter().max_by_key(|d| score(head_text, *d)).unwrap_or(b',');
        if head.starts_with("\u{feff}".as_bytes()) {
            head.drain(..3);
        }
        let window = Rc::new(RefCell::new(Window::default()));
        let source = Recording { inner: io::Cursor::new(head).chain(text), window: Rc::clone(&window) };
        let records = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(source)
            .into_records();
        let mut rows = CsvRows {
            delimiter,
            has_header: true,
            header: Vec::new(),
            records,
            lines: Lines { window, at: 0, breaks: 0 },
            pending: None,
        };
        if let Some(first) = rows.next() {
            let first = first?;
            if has_header.unwrap_or_else(|| !super::looks_like_data(&first.cells)) {
                rows.header = first.cells;
            } else {
                rows.has_header = false;
                rows.header = (1..=first.cells.len()).map(|n| format!("Column {n}")).collect();
                rows.pending = Some(first);
            }
        }
        Ok(rows)
    }
}

impl<R: Read> Iterator for CsvRows<R> {
    type Item = Result<TableRow, LineProblem>;

    /// The next row that holds anything; a row that cannot be read as CSV is a problem that
    /// ends the file, since nothing after an open quote can be placed.
    fn next(&mut self) -> Option<Self::Item> {
        if let Some(first) = self.pending.take() {
            return Some(Ok(first));
        }
        loop {
            let record = match self.records.next()? {
                Ok(record) => record,
                Err(e) => {
                    return Some(Err(match e.kind() {
                        csv::ErrorKind::Io(_) => unreadable(e),
                        _ => LineProblem {
                            line: e.position().map_or(1, |p| self.lines.line_at(p.byte())),
                            message: "This line could not be read as CSV (a quote is probably left open). Fix it in a spreadsheet and export again.".into(),
                        },
                    }));
                }
            };
            let line = record.position().map_or(1, |p| self.lines.line_at(p.byte()));
            let cells: Vec<String> = record.iter().map(|c| unguarded(c.trim()).to_string()).collect();
            if !cells.iter().all(String::is_empty) {
                return Some(Ok(TableRow { line, cells }));
            }
        }
    }
}

fn unreadable(e: impl std::fmt::Display) -> LineProblem {
    LineProblem {
        line: 1,
        message: format!("The file could not be read to the end ({e}). Save it again and retry."),
    }
}

/// How well `delimiter` splits the first lines: consistent counts above one score highest.
fn score(text: &str, delimiter: u8) -> (usize, usize) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let counts: Vec<usize> = reader.records().take(20).filter_map(|r| r.ok()).map(|r| r.len()).collect();
    let Some(first) = counts.first().copied() else { return (0, 0) };
    if first < 2 {
        return (0, 0);
    }
    let consistent = counts.iter().filter(|c| **c == first).count();
    (consistent, first)
}

/// The bytes the CSV reader has taken but whose line breaks are not yet counted.
#[derive(Default)]
struct Window {
    bytes: Vec<u8>,
    /// Where `bytes[0]` is in the text.
    start: u64,
}

/// Hands the text to the CSV reader and keeps what it hands in the window.
struct Recording<R> {
    inner: R,
    window: Rc<RefCell<Window>>,
}

impl<R: Read> Read for Recording<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.window.borrow_mut().bytes.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

/// Counts line breaks as the records go by. Records only move forward, so each byte is counted
/// once and then let go: the window holds no more than the reader's buffer and one record.
struct Lines {
    window: Rc<RefCell<Window>>,
    /// How far the breaks have been counted.
    at: u64,
    breaks: u32,
}

impl Lines {
    /// The 1-based line where a record starts. The csv crate places a record at the end of the
    /// line before it (and its line count with it), so line breaks at that place are skipped.
    fn line_at(&mut self, byte: u64) -> u32 {
        let mut window = self.window.borrow_mut();
        let Window { bytes, start } = &mut *window;
        let end_of_window = *start + bytes.len() as u64;
        let at = |b: u64| bytes[(b - *start) as usize];
        let mut end = byte.clamp(self.at, end_of_window);
        while end < end_of_window && matches!(at(end), b'\r' | b'\n') {
            end += 1;
        }
        let counted = &bytes[(self.at - *start) as usize..(end - *start) as usize];
        self.breaks += counted.iter().filter(|b| **b == b'\n').count() as u32;
        bytes.drain(..(end - *start) as usize);
        *start = end;
        self.at = end;
        self.breaks + 1
    }
}

/// A whole CSV text read as cells, for a file already in memory.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub delimiter: u8,
    pub header: Vec<String>,
    pub rows: Vec<TableRow>,
}

pub fn read_table(text: &str) -> Result<Table, LineProblem> {
    let mut reader = CsvRows::open_as(text.as_bytes(), Some(true))?;
    let rows = reader.by_ref().collect::<Result<Vec<_>, _>>()?;
    Ok(Table { delimiter: reader.delimiter, header: reader.header, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_found() {
        for (text, delimiter) in [
            ("Name;Company\nHélène;Société, Générale\n", b';'),
            ("Name\tCompany\nAiko\tKiyomizu\n", b'\t'),
            ("Name,Company\n\"Núñez, José\",Café\n", b','),
            ("Name|Company\nA|B\n", b'|'),
        ] {
            let table = read_table(text).unwrap();
            assert_eq!(table.delimiter, delimiter, "{text}");
            assert_eq!(table.rows[0].cells.len(), 2, "{text}");
        }
    }

    #[test]
    fn rows_keep_their_line_even_after_a_quoted_newline() {
        let table = read_table("Name,Notes\r\nAiko,\"two\r\nlines\"\r\n\r\nBen,x\r\n").unwrap();
        assert_eq!(table.rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2, 5]);
        let table = read_table("\n\nName,Notes\n\nAiko,x\n\n\nBen,\"a\n\nb\"\nCem,y").unwrap();
        assert_eq!(table.header, vec!["Name", "Notes"]);
        assert_eq!(table.rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![5, 8, 11]);
    }

    /// A reader that hands out one byte at a time, the worst case for the window.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let Some((first, rest)) = self.0.split_first() else { return Ok(0) };
            if buf.is_empty() {
                return Ok(0);
            }
            buf[0] = *first;
            self.0 = rest;
            Ok(1)
        }
    }

    #[test]
    fn lines_are_right_past_the_sniffed_start_and_in_any_pieces() {
        let mut text = String::from("Name,Notes\n");
        for n in 0..20_000 {
            text.push_str(&format!("P{n},\"{}\"\n", if n % 7 == 0 { "a\r\nb" } else { "c" }));
        }
        let table = read_table(&text).unwrap();
        let expected: Vec<u32> = (0..20_000u32)
            .scan(2, |line, n| {
                let here = *line;
                *line += if n % 7 == 0 { 2 } else { 1 };
                Some(here)
            })
            .collect();
        assert_eq!(table.rows.iter().map(|r| r.line).collect::<Vec<_>>(), expected);
        let trickled: Vec<u32> =
            CsvRows::open(Trickle(text.as_bytes())).unwrap().map(|r| r.unwrap().line).collect();
        assert_eq!(trickled, expected);
    }

    #[test]
    fn an_empty_file_says_so() {
        assert!(read_table(" \r\n\n").unwrap_err().message.contains("empty"));
        assert!(read_table("\u{feff}").unwrap_err().message.contains("empty"));
    }
}
