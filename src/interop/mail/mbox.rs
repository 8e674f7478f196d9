//! An mbox, a message at a time, each placed by the byte of its "From " line.
//!
//! A message starts at a line that starts with "From " when it is the file's first line, or
//! when it follows a blank line, looks like a real separator ("From sender date", the date with
//! a month, a time and a year, as every mail program writes it) and is followed by a header
//! line. Everything else is body: an unescaped "From here on we…" in a message is not taken for
//! a separator, and neither is a pasted "From anna@x Mon Jan 15 10:00:00 2024" line unless a
//! header line follows it. A line of `>`s before "From " loses one `>` (mboxrd; for mboxo this
//! restores the ">From " it escaped, and leaves a ">>From " one level deep). A separator without
//! a blank line before it is not recognised: its message is read as part of the previous one.
//! Bytes before the first "From " line are reported once and skipped.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::lines::{Line, LineReader, is_blank, is_header_line};
use super::prune::Pruner;
use super::{MailItem, MailProblem, Place, TEXT_BYTES, finish, grouped, why};

/// The messages of an mbox, read from a [`BufRead`] as they are asked for.
pub struct MboxReader<R> {
    lines: LineReader<R>,
    path: PathBuf,
    /// Lines read ahead and not yet handled: the next message's "From " line and the one after.
    pending: VecDeque<(Vec<u8>, Line)>,
    /// Whether a message has been found: before one, bytes are not mail.
    started: bool,
    done: bool,
}

impl MboxReader<BufReader<File>> {
    /// The mbox at `path`, from its start.
    pub fn open(path: &Path) -> Result<Self, MailProblem> {
        Self::open_at(path, 0)
    }

    /// The mbox at `path`, from `offset`: a message's [`Place::offset`] from an earlier read.
    pub fn open_at(path: &Path, offset: u64) -> Result<Self, MailProblem> {
        let opened = File::open(path).and_then(|mut file| {
            file.seek(SeekFrom::Start(offset))?;
            Ok(file)
        });
        match opened {
            Ok(file) => Ok(MboxReader::new(BufReader::with_capacity(64 * 1024, file), path, offset)),
            Err(e) => Err(MailProblem {
                place: Place::file(path),
                reason: format!(
                    "Rapport could not open the mailbox {} ({}), so none of its messages were read. \
                     Check that the file is there and that you may read it, then try again.",
                    Place::file(path).name(),
                    why(&e)
                ),
            }),
        }
    }
}

impl<R: BufRead> MboxReader<R> {
    /// Messages from `reader`, which is at byte `offset` of the file at `path` (used to place
    /// what is read).
    pub fn new(reader: R, path: impl Into<PathBuf>, offset: u64) -> Self {
        MboxReader {
            lines: LineReader::new(reader, offset, TEXT_BYTES),
            path: path.into(),
            pending: VecDeque::new(),
            started: false,
            done: false,
        }
    }

    fn line(&mut self) -> io::Result<Option<(Vec<u8>, Line)>> {
        if let Some(line) = self.pending.pop_front() {
            return Ok(Some(line));
        }
        let mut buf = Vec::new();
        Ok(self.lines.next_line(&mut buf)?.map(|line| (buf, line)))
    }

    fn failed(&mut self, at: u64, e: &io::Error) -> MailItem {
        self.done = true;
        let place = Place::at(&self.path, at);
        Err(MailProblem {
            reason: format!(
                "Rapport could not read {} past byte {} ({}), so the rest of it was skipped. \
                 Check that the file is still there and readable (a disconnected drive?), then read it again.",
                place.name(),
                grouped(at),
                why(e)
            ),
            place,
        })
    }

    /// Skips to the first message; the bytes skipped are a problem.
    fn find_start(&mut self) -> Option<MailItem> {
        let mut skipped: Option<(u64, u64)> = None;
        loop {
            let (buf, line) = match self.line() {
                Ok(Some(line)) => line,
                Ok(None) => {
                    self.done = true;
                    break;
                }
                Err(e) => {
                    let at = skipped.map_or(0, |(start, len)| start + len);
                    return Some(self.failed(at, &e));
                }
            };
            if buf.starts_with(b"From ") && (skipped.is_none() || is_from_line(&buf)) {
                self.pending.push_front((buf, line));
                self.started = true;
                break;
            }
            let (_, len) = skipped.get_or_insert((line.start, 0));
            *len += line.len;
        }
        let (start, len) = skipped?;
        let place = Place::at(&self.path, start);
        Some(Err(MailProblem {
            reason: format!(
                "The {} bytes at byte {} of {} are not a message (each message in a mailbox file starts \
                 with a \"From \" line), so they were skipped. If this is not a mailbox file, choose \
                 the mail folder or file your mail program exported instead.",
                grouped(len),
                grouped(start),
                place.name()
            ),
            place,
        }))
    }
}

impl<R: BufRead> Iterator for MboxReader<R> {
    type Item = MailItem;

    fn next(&mut self) -> Option<MailItem> {
        if self.done && self.pending.is_empty() {
            return None;
        }
        if !self.started {
            if let Some(problem) = self.find_start() {
                return Some(problem);
            }
            if self.done && self.pending.is_empty() {
                return None;
            }
        }
        // The "From " line.
        let start = match self.line() {
            Ok(Some((_, line))) => line.start,
            Ok(None) => return None,
            Err(e) => return Some(self.failed(0, &e)),
        };
        let mut pruner = Pruner::new();
        let mut after_blank = false;
        loop {
            let (buf, line) = match self.line() {
                Ok(Some(line)) => line,
                Ok(None) => {
                    self.done = true;
                    break;
                }
                Err(e) => return Some(self.failed(start, &e)),
            };
            if after_blank && buf.starts_with(b"From ") && is_from_line(&buf) {
                let next = match self.line() {
                    Ok(next) => next,
                    Err(e) => return Some(self.failed(line.start, &e)),
                };
                let separator = next.as_ref().is_none_or(|(next, _)| is_header_line(next));
                if separator {
                    self.pending.push_back((buf, line));
                    self.pending.extend(next);
                    break;
                }
                pruner.push(&buf, line.cut);
                self.pending.extend(next);
                after_blank = false;
                continue;
            }
            pruner.push(unescaped(&buf), line.cut);
            after_blank = is_blank(&buf);
        }
        Some(finish(Place::at(&self.path, start), pruner.finish()))
    }
}

/// ">From " → "From ", ">>From " → ">From ": one level of mboxrd quoting removed.
fn unescaped(line: &[u8]) -> &[u8] {
    let quotes = line.iter().take_while(|&&b| b == b'>').count();
    if quotes > 0 && line[quotes..].starts_with(b"From ") { &line[1..] } else { line }
}

/// "From sender Mon Jan 15 10:01:33 2024" (or with a zone, "+0000 2024", as Gmail writes, or
/// "From - Mon Jan 15 …" as Thunderbird does): a month's name, a time and a year follow the
/// sender.
pub(super) fn is_from_line(line: &[u8]) -> bool {
    const MONTHS: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let text = String::from_utf8_lossy(line);
    let Some(rest) = text.strip_prefix("From ") else { return false };
    let words: Vec<&str> = rest.split_whitespace().skip(1).collect();
    let month =
        words.iter().any(|w| w.get(..3).is_some_and(|m| MONTHS.contains(&m.to_ascii_lowercase().as_str())));
    let time = words.iter().any(|w| {
        let parts: Vec<&str> = w.split(':').collect();
        (2..=3).contains(&parts.len())
            && parts.iter().all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    });
    let year = words.iter().any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
    month && time && year
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(mbox: &str) -> Vec<MailItem> {
        MboxReader::new(mbox.as_bytes(), "Inbox.mbox", 0).collect()
    }

    #[test]
    fn separator_lines_are_told_from_body_lines() {
        assert!(is_from_line(b"From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n"));
        assert!(is_from_line(b"From 1787196345938823451@xxx Mon Jan 15 10:01:33 +0000 2024\r\n"));
        assert!(is_from_line(b"From - Mon Jan 15 10:01:33 2024\n"));
        assert!(!is_from_line(b"From here on we work on the March plan.\n"));
        assert!(!is_from_line(b"From 2024 on, our rates change at 10:00 sharp.\n"));
        assert!(!is_from_line("From x Mo€ 1 10:00 2024 — März\n".as_bytes()), "no panic inside a character");
    }

    #[test]
    fn messages_are_placed_at_their_from_line_and_unescaped() {
        let mbox = "From a@x Mon Jan 15 10:00:00 2024\nFrom: a@x.example\nSubject: one\n\n>From the start.\n>>From deeper.\n\nFrom b@x Mon Jan 15 11:00:00 2024\nFrom: b@x.example\nSubject: two\n\nhi\n";
        let items = read(mbox);
        assert_eq!(items.len(), 2);
        let first = items[0].as_ref().unwrap();
        assert_eq!(first.place.offset, Some(0));
        assert_eq!(first.value.body, "From the start.\n>From deeper.");
        let second = items[1].as_ref().unwrap();
        assert_eq!(second.place.offset, Some(mbox.find("From b@x").unwrap() as u64));
        assert_eq!(second.value.subject, "two");
    }

    #[test]
    fn an_unescaped_from_line_in_a_body_stays_in_the_body() {
        let mbox = "From a@x Mon Jan 15 10:00:00 2024\nFrom: a@x.example\n\nHello\n\nFrom here on, it is yours.\n\nFrom anna@x Mon Jan 15 10:00:00 2024\nas pasted from a log\n";
        let items = read(mbox);
        assert_eq!(items.len(), 1);
        let body = &items[0].as_ref().unwrap().value.body;
        assert!(body.contains("From here on") && body.contains("as pasted from a log"), "{body}");
    }

    #[test]
    fn bytes_before_the_first_message_are_one_problem_and_reading_goes_on() {
        let items = read("garbage\nmore\nFrom a@x Mon Jan 15 10:00:00 2024\nFrom: a@x.example\n\nhi\n");
        assert_eq!(items.len(), 2);
        let problem = items[0].as_ref().unwrap_err();
        assert_eq!(
            problem.reason,
            "The 13 bytes at byte 0 of Inbox.mbox are not a message (each message in a mailbox file starts with a \"From \" line), so they were skipped. If this is not a mailbox file, choose the mail folder or file your mail program exported instead."
        );
        assert_eq!(items[1].as_ref().unwrap().place.offset, Some(13));
    }

    #[test]
    fn reading_resumes_from_a_reported_offset() {
        let mbox = "From a@x Mon Jan 15 10:00:00 2024\nFrom: a@x.example\n\none\n\nFrom b@x Mon Jan 15 11:00:00 2024\nFrom: b@x.example\n\ntwo\n";
        let offset = mbox.find("From b@x").unwrap();
        let items: Vec<MailItem> =
            MboxReader::new(&mbox.as_bytes()[offset..], "Inbox.mbox", offset as u64).collect();
        assert_eq!(items.len(), 1);
        let item = items[0].as_ref().unwrap();
        assert_eq!((item.place.offset, item.value.body.as_str()), (Some(offset as u64), "two"));
    }

    #[test]
    fn an_empty_mbox_has_no_messages() {
        assert!(read("").is_empty());
    }
}
