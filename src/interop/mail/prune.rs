//! A message's lines, kept or dropped as they go by: headers and the text parts are kept,
//! every other part's body (images, PDFs, forwarded messages, a 500 MB video) is dropped, so
//! what `mail-parser` is given later is a small message with the same structure.
//!
//! The MIME structure is followed from the lines alone: each header block's Content-Type and
//! Content-Disposition decide whether the body that follows is kept, and a multipart's
//! boundary lines end its parts. Preambles and epilogues count as text. What cannot be kept
//! within the caps is dropped and said (`text_cut`).

use super::{HEADER_BYTES, TEXT_BYTES, lines::is_blank};

/// What was kept of a message, and what was left out.
#[derive(Debug, Default)]
pub(super) struct Pruned {
    pub bytes: Vec<u8>,
    /// Some text did not fit within the caps.
    pub text_cut: bool,
    /// A multipart was still open at the end: the message was cut short.
    pub unfinished: bool,
}

#[derive(Debug)]
pub(super) struct Pruner {
    out: Vec<u8>,
    header_used: usize,
    text_used: usize,
    text_full: bool,
    in_headers: bool,
    /// The current header block, for its Content-Type (capped, like the headers).
    block: Vec<u8>,
    keep_body: bool,
    /// The open multiparts' boundaries, innermost last.
    boundaries: Vec<Vec<u8>>,
    text_cut: bool,
}

/// Most bytes of one header block looked at for its Content-Type.
const BLOCK_BYTES: usize = 16 * 1024;

impl Pruner {
    pub fn new() -> Self {
        Pruner {
            out: Vec::with_capacity(8 * 1024),
            header_used: 0,
            text_used: 0,
            text_full: false,
            in_headers: true,
            block: Vec::new(),
            keep_body: true,
            boundaries: Vec::new(),
            text_cut: false,
        }
    }

    /// One line of the message, with its line end. `cut` says the line reader already left
    /// part of it out.
    pub fn push(&mut self, line: &[u8], cut: bool) {
        if self.in_headers {
            if is_blank(line) {
                self.end_of_headers();
                self.keep_structure(line);
                return;
            }
            if self.block.len() + line.len() <= BLOCK_BYTES {
                self.block.extend_from_slice(line);
            }
            // A part whose headers never end (a boundary comes first) is a part without body.
            if self.boundary(line).is_some() {
                self.in_headers = false;
                self.block.clear();
                self.on_boundary(line);
                return;
            }
            self.keep_structure(line);
            return;
        }
        if self.boundary(line).is_some() {
            self.on_boundary(line);
            return;
        }
        if self.keep_body {
            self.keep_text(line, cut);
        }
    }

    pub fn finish(self) -> Pruned {
        Pruned { bytes: self.out, text_cut: self.text_cut, unfinished: !self.boundaries.is_empty() }
    }

    fn keep_structure(&mut self, line: &[u8]) {
        if self.header_used + line.len() <= HEADER_BYTES {
            self.header_used += line.len();
            self.out.extend_from_slice(line);
        }
    }

    fn keep_text(&mut self, line: &[u8], cut: bool) {
        if self.text_full {
            return;
        }
        if self.text_used + line.len() <= TEXT_BYTES {
            self.text_used += line.len();
            self.out.extend_from_slice(line);
            self.text_cut |= cut;
        } else {
            // What fits of the line that does not, then nothing more: text with holes reads wrong.
            let room = TEXT_BYTES - self.text_used;
            self.out.extend_from_slice(&line[..room]);
            self.out.push(b'\n');
            self.text_used = TEXT_BYTES;
            self.text_full = true;
            self.text_cut = true;
        }
    }

    /// Which open multipart `line` is a boundary of (its depth), if any.
    fn boundary(&self, line: &[u8]) -> Option<usize> {
        let rest = line.strip_prefix(b"--")?;
        self.boundaries.iter().rposition(|b| {
            rest.strip_prefix(b.as_slice()).is_some_and(|after| {
                let after = after.strip_prefix(b"--").unwrap_or(after);
                after.iter().all(u8::is_ascii_whitespace)
            })
        })
    }

    fn on_boundary(&mut self, line: &[u8]) {
        let Some(depth) = self.boundary(line) else { return };
        let closing = line[2 + self.boundaries[depth].len()..].starts_with(b"--");
        self.boundaries.truncate(if closing { depth } else { depth + 1 });
        self.keep_structure(line);
        if closing {
            // The epilogue, up to the enclosing part's next boundary.
            self.keep_body = true;
        } else {
            self.in_headers = true;
            self.block.clear();
        }
    }

    /// The header block has ended: a multipart opens, or the part's body is kept or not.
    fn end_of_headers(&mut self) {
        self.in_headers = false;
        let kind = PartKind::of(&self.block);
        self.block.clear();
        if let Some(boundary) = kind.boundary
            && kind.mime.starts_with("multipart/")
        {
            self.boundaries.push(boundary);
            self.keep_body = true;
            return;
        }
        if kind.mime.starts_with("message/") {
            // A forwarded message is left out whole, but `mail-parser` reads a message part's
            // body as a message: an empty one would swallow the parts after it.
            self.keep_structure(b"X-Left-Out: yes\n\n");
        }
        self.keep_body = match kind.mime.as_str() {
            "text/calendar" | "application/ics" => true,
            "" | "text/plain" | "text/html" => !kind.attachment,
            _ => false,
        };
    }
}

/// What a header block says about the body after it.
#[derive(Debug, PartialEq)]
struct PartKind {
    /// "type/subtype" in lower case; empty when the block gives none.
    mime: String,
    boundary: Option<Vec<u8>>,
    attachment: bool,
}

impl PartKind {
    fn of(block: &[u8]) -> Self {
        let mut kind = PartKind { mime: String::new(), boundary: None, attachment: false };
        for (name, value) in unfolded(block) {
            if name.eq_ignore_ascii_case(b"content-type") {
                let value = String::from_utf8_lossy(&value);
                let mime = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
                kind.mime = mime.split_whitespace().collect();
                kind.boundary = parameter(value.as_bytes(), b"boundary");
            } else if name.eq_ignore_ascii_case(b"content-disposition") {
                kind.attachment = value.trim_ascii_start().to_ascii_lowercase().starts_with(b"attachment");
            }
        }
        kind
    }
}

/// A header block's fields, folded lines joined.
fn unfolded(block: &[u8]) -> Vec<(Vec<u8>, Vec<u8>)> {
    let mut fields: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    for line in block.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.first().is_some_and(|&b| b == b' ' || b == b'\t') {
            if let Some((_, value)) = fields.last_mut() {
                value.push(b' ');
                value.extend_from_slice(line.trim_ascii());
            }
        } else if let Some(colon) = line.iter().position(|&b| b == b':') {
            fields.push((line[..colon].trim_ascii().to_vec(), line[colon + 1..].trim_ascii().to_vec()));
        }
    }
    fields
}

/// A Content-Type parameter's value (`boundary="abc"` or `boundary=abc`), as written.
fn parameter(value: &[u8], name: &[u8]) -> Option<Vec<u8>> {
    let lower = value.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = find(&lower[from..], name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = at == 0 || matches!(lower[at - 1], b';' | b' ' | b'\t');
        let rest = lower[from..].trim_ascii_start();
        if !before_ok || !rest.starts_with(b"=") {
            continue;
        }
        let start = value.len() - rest.len() + 1;
        let raw = value[start..].trim_ascii_start();
        let found = if let Some(quoted) = raw.strip_prefix(b"\"") {
            quoted.split(|&b| b == b'"').next().unwrap_or(b"")
        } else {
            raw.split(|&b| b == b';' || b.is_ascii_whitespace()).next().unwrap_or(b"")
        };
        return (!found.is_empty()).then(|| found.to_vec());
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prune(message: &str) -> Pruned {
        let mut pruner = Pruner::new();
        for line in message.split_inclusive('\n') {
            pruner.push(line.as_bytes(), false);
        }
        pruner.finish()
    }

    const MIXED: &str = "From: a@b.c\r\n\
Content-Type: multipart/mixed;\r\n\tboundary=\"outer\"\r\n\
\r\n\
preamble\r\n\
--outer\r\n\
Content-Type: multipart/alternative; boundary=inner\r\n\
\r\n\
--inner\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
Hello there\r\n\
--inner\r\n\
Content-Type: text/html\r\n\
\r\n\
<p>Hello there</p>\r\n\
--inner--\r\n\
--outer\r\n\
Content-Type: application/pdf; name=\"contract.pdf\"\r\n\
Content-Disposition: attachment; filename=\"contract.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K\r\n\
JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K\r\n\
--outer\r\n\
Content-Type: text/calendar; method=REQUEST\r\n\
\r\n\
BEGIN:VCALENDAR\r\n\
END:VCALENDAR\r\n\
--outer--\r\n";

    #[test]
    fn text_parts_and_structure_are_kept_and_an_attachment_body_is_dropped() {
        let pruned = prune(MIXED);
        let text = String::from_utf8(pruned.bytes).unwrap();
        assert!(text.contains("Hello there\r\n"));
        assert!(text.contains("<p>Hello there</p>"));
        assert!(text.contains("BEGIN:VCALENDAR"));
        assert!(text.contains("--inner--\r\n--outer\r\n"));
        assert!(!text.contains("JVBERi0"), "the PDF's body is dropped: {text}");
        assert!(!pruned.text_cut && !pruned.unfinished);
    }

    #[test]
    fn a_multipart_left_open_says_the_message_was_cut_short() {
        let cut = &MIXED[..MIXED.find("--outer\r\nContent-Type: text/calendar").unwrap()];
        assert!(prune(cut).unfinished);
    }

    #[test]
    fn text_beyond_the_cap_is_dropped_and_said() {
        let line = "y".repeat(999) + "\n";
        let message = format!("Subject: long\n\n{}", line.repeat(TEXT_BYTES / 1000 + 10));
        let pruned = prune(&message);
        assert!(pruned.text_cut);
        assert!(pruned.bytes.len() <= TEXT_BYTES + 100);
    }

    #[test]
    fn a_part_kind_is_read_from_folded_headers_in_any_case() {
        let kind = PartKind::of(b"CONTENT-TYPE: Multipart/Mixed;\r\n boundary=\"=_x y\"; charset=x\r\nContent-Disposition: inline\r\n");
        assert_eq!(
            kind,
            PartKind { mime: "multipart/mixed".into(), boundary: Some(b"=_x y".to_vec()), attachment: false }
        );
        assert_eq!(PartKind::of(b"X-Nothing: 1\n").mime, "");
        assert_eq!(parameter(b"text/plain; xboundary=1; boundary=abc", b"boundary"), Some(b"abc".to_vec()));
    }

    #[test]
    fn a_forwarded_message_is_left_out_and_the_parts_after_it_are_still_read() {
        let message = "From: a@b.example\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nHi\n--b\nContent-Type: message/rfc822\n\nFrom: old@x.example\nSubject: old\n\nold secret text\n--b\nContent-Type: text/plain\n\nP.S. later\n--b--\n";
        let pruned = prune(message);
        assert!(!String::from_utf8_lossy(&pruned.bytes).contains("old"));
        let read = crate::interop::mail::parse::message(&pruned.bytes).unwrap();
        assert_eq!(read.body, "Hi\n\nP.S. later");
    }

    #[test]
    fn a_text_attachment_is_dropped_but_an_ics_attachment_is_kept() {
        let message = "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nhi\n--b\nContent-Type: text/plain; name=notes.txt\nContent-Disposition: attachment; filename=notes.txt\n\nsecret notes\n--b\nContent-Type: application/ics; name=invite.ics\nContent-Disposition: attachment; filename=invite.ics\n\nBEGIN:VCALENDAR\n--b--\n";
        let text = String::from_utf8(prune(message).bytes).unwrap();
        assert!(text.contains("hi\n") && text.contains("BEGIN:VCALENDAR"));
        assert!(!text.contains("secret notes"));
    }
}
