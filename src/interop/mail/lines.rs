//! Lines of a mail file, each placed by its byte, none held beyond a cap: a file with no line
//! ends (a broken export, a binary) is read through, not into memory.

use std::io::{self, BufRead};

/// Where a line was, and whether its end was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Line {
    /// Its first byte's offset in the file.
    pub start: u64,
    /// Its length in the file, line end included.
    pub len: u64,
    /// Only its first `max` bytes were kept (and a `\n` added).
    pub cut: bool,
}

pub(super) struct LineReader<R> {
    inner: R,
    offset: u64,
    max: usize,
}

impl<R: BufRead> LineReader<R> {
    /// `inner` positioned at `offset`, keeping at most `max` bytes of each line.
    pub fn new(inner: R, offset: u64, max: usize) -> Self {
        LineReader { inner, offset, max: max.max(1) }
    }

    /// The next line, line end included, into `buf` (cleared first); None at the end.
    pub fn next_line(&mut self, buf: &mut Vec<u8>) -> io::Result<Option<Line>> {
        buf.clear();
        let start = self.offset;
        let mut len = 0u64;
        let mut cut = false;
        loop {
            let available = match self.inner.fill_buf() {
                Ok(available) => available,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            let (used, ended) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (available.len(), false),
            };
            let keep = used.min(self.max - buf.len());
            buf.extend_from_slice(&available[..keep]);
            cut |= keep < used;
            self.inner.consume(used);
            len += used as u64;
            self.offset += used as u64;
            if ended {
                break;
            }
        }
        if len == 0 {
            return Ok(None);
        }
        if cut {
            buf.push(b'\n');
        }
        Ok(Some(Line { start, len, cut }))
    }
}

/// A line with nothing but its end.
pub(super) fn is_blank(line: &[u8]) -> bool {
    matches!(line, b"\n" | b"\r\n" | b"\r" | b"")
}

/// "Name: value": a field name of printable ASCII without spaces, then a colon.
pub(super) fn is_header_line(line: &[u8]) -> bool {
    match line.iter().position(|&b| b == b':') {
        Some(0) | None => false,
        Some(colon) => line[..colon].iter().all(|&b| (33..=126).contains(&b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &[u8], max: usize) -> Vec<(Vec<u8>, Line)> {
        let mut reader = LineReader::new(io::BufReader::with_capacity(7, text), 100, max);
        let mut out = Vec::new();
        let mut buf = Vec::new();
        while let Some(line) = reader.next_line(&mut buf).unwrap() {
            out.push((buf.clone(), line));
        }
        out
    }

    #[test]
    fn lines_are_placed_by_their_first_byte_across_buffer_refills() {
        let lines = all(b"first line\r\nsecond\nlast without end", 1000);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].0, b"first line\r\n");
        assert_eq!(lines[1].1, Line { start: 112, len: 7, cut: false });
        assert_eq!(lines[2].0, b"last without end");
        assert_eq!(lines[2].1.start, 119);
    }

    #[test]
    fn a_line_longer_than_the_cap_is_read_through_but_not_kept() {
        let mut text = vec![b'x'; 10_000];
        text.extend_from_slice(b"\nnext\n");
        let lines = all(&text, 16);
        assert_eq!(lines[0].0.len(), 17, "16 bytes kept and a line end added");
        assert_eq!(lines[0].1, Line { start: 100, len: 10_001, cut: true });
        assert_eq!(lines[1].0, b"next\n");
        assert_eq!(lines[1].1.start, 10_101);
    }

    #[test]
    fn header_lines_have_a_name_without_spaces_before_a_colon() {
        assert!(is_header_line(b"Return-Path: <a@b>\n"));
        assert!(is_header_line(b"X-Mozilla-Status: 0001\n"));
        assert!(!is_header_line(b"Dear Anna: thanks\n"));
        assert!(!is_header_line(b": nothing\n"));
        assert!(!is_header_line(b"no colon\n"));
    }
}
