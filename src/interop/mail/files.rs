//! Messages one per file: an `.eml`, Apple Mail's `.emlx`, a Maildir's `cur/` and `new/`, a
//! folder of message files (Outlook's `.msg` among them, read in [`super::msg`]). Folders are listed by name, so two reads give the same order.

use std::collections::VecDeque;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use super::lines::LineReader;
use super::prune::Pruner;
use super::{MailItem, MailProblem, Place, TEXT_BYTES, finish, read_msg, why};

/// The message in an `.eml` file (a "From " line before its headers, as some programs save
/// one, is skipped).
pub fn read_eml(path: &Path) -> MailItem {
    read_file(path, false)
}

/// The message in Apple Mail's `.emlx` file: a line with the message's length in bytes, the
/// message, then a property list of Apple Mail's flags, which is not read. A file without the
/// length line is read as an `.eml`.
pub fn read_emlx(path: &Path) -> MailItem {
    read_file(path, true)
}

fn read_file(path: &Path, emlx: bool) -> MailItem {
    let place = Place::file(path);
    let unreadable = |e: io::Error| MailProblem {
        reason: format!(
            "Rapport could not read the message file {} ({}), so it was skipped. Check that you may \
             read it, then try again.",
            place.name(),
            why(&e)
        ),
        place: place.clone(),
    };
    let mut reader = BufReader::with_capacity(64 * 1024, File::open(path).map_err(unreadable)?);
    let mut pruner = Pruner::new();
    let mut buf = Vec::new();
    let mut first = LineReader::new(&mut reader, 0, TEXT_BYTES);
    let head = first.next_line(&mut buf).map_err(unreadable)?;
    let length =
        if emlx { std::str::from_utf8(&buf).ok().and_then(|t| t.trim().parse::<u64>().ok()) } else { None };
    let offset = head.map_or(0, |h| h.len);
    match (head, length) {
        (_, Some(length)) => {
            prune_all(LineReader::new((&mut reader).take(length), offset, TEXT_BYTES), &mut pruner)
        }
        (Some(head), None) => {
            if !buf.starts_with(b"From ") {
                pruner.push(&buf, head.cut);
            }
            prune_all(LineReader::new(&mut reader, offset, TEXT_BYTES), &mut pruner)
        }
        (None, None) => Ok(()),
    }
    .map_err(unreadable)?;
    finish(place, pruner.finish())
}

fn prune_all<R: BufRead>(mut lines: LineReader<R>, pruner: &mut Pruner) -> io::Result<()> {
    let mut buf = Vec::new();
    while let Some(line) = lines.next_line(&mut buf)? {
        pruner.push(&buf, line.cut);
    }
    Ok(())
}

fn by_extension(path: &Path) -> Option<fn(&Path) -> MailItem> {
    let extension = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match extension.as_str() {
        "eml" => Some(read_eml),
        "emlx" => Some(read_emlx),
        "msg" => Some(read_msg),
        _ => None,
    }
}

fn folder_problem(folder: &Path, e: &io::Error) -> MailProblem {
    let place = Place::file(folder);
    MailProblem {
        reason: format!(
            "Rapport could not open the folder {} ({}), so the messages in it were skipped. Give your \
             user account read access to it, or copy the mail somewhere you can read, then try again.",
            folder.display(),
            why(e)
        ),
        place,
    }
}

/// A Maildir's messages: the files of `cur/` and `new/` (never `tmp/`, where messages are still
/// being written), in the order of their names (which start with the time they arrived).
/// Hidden files are left out; a subfolder that cannot be listed is a problem, and the other is
/// still read.
pub struct MaildirReader {
    problems: VecDeque<MailProblem>,
    files: std::vec::IntoIter<PathBuf>,
}

impl MaildirReader {
    pub fn new(path: &Path) -> Self {
        let mut problems = VecDeque::new();
        let mut files: Vec<(std::ffi::OsString, PathBuf)> = Vec::new();
        for sub in ["cur", "new"] {
            let folder = path.join(sub);
            let listing = match fs::read_dir(&folder) {
                Ok(listing) => listing,
                Err(e) if e.kind() == io::ErrorKind::NotFound && sub == "new" => continue,
                Err(e) => {
                    problems.push_back(folder_problem(&folder, &e));
                    continue;
                }
            };
            for entry in listing {
                match entry {
                    Ok(entry) => {
                        let name = entry.file_name();
                        let path = entry.path();
                        if !name.to_string_lossy().starts_with('.') && path.is_file() {
                            files.push((name, path));
                        }
                    }
                    Err(e) => {
                        problems.push_back(folder_problem(&folder, &e));
                        break;
                    }
                }
            }
        }
        files.sort();
        MaildirReader {
            problems,
            files: files.into_iter().map(|(_, path)| path).collect::<Vec<_>>().into_iter(),
        }
    }

    /// Leaves out the message files `skip` says were read before, without opening them.
    pub fn skipping(self, skip: impl Fn(&Path) -> bool) -> Self {
        let files: Vec<PathBuf> = self.files.filter(|path| !skip(path)).collect();
        MaildirReader { problems: self.problems, files: files.into_iter() }
    }
}

impl Iterator for MaildirReader {
    type Item = MailItem;

    fn next(&mut self) -> Option<MailItem> {
        if let Some(problem) = self.problems.pop_front() {
            return Some(Err(problem));
        }
        self.files.next().map(|path| read_eml(&path))
    }
}

/// The `.eml`, `.emlx` and `.msg` files of a folder and its subfolders (Apple Mail keeps its `.emlx`
/// files a few folders down), depth first, each folder's entries in the order of their names.
/// Hidden files and folders are left out, and folders reached through a symbolic link are not
/// entered (a link to a parent would never end). A folder that cannot be listed is a problem,
/// and the others are still read.
pub struct FolderReader {
    /// What is still to be read, next last.
    stack: Vec<(PathBuf, bool)>,
    /// Message files read before, left out without being opened.
    skip: Option<Skip>,
}

/// Which message files to leave out.
type Skip = Box<dyn Fn(&Path) -> bool + Send>;

impl FolderReader {
    pub fn new(path: &Path) -> Self {
        FolderReader { stack: vec![(path.to_path_buf(), true)], skip: None }
    }

    /// Leaves out the message files `skip` says were read before, without opening them.
    pub fn skipping(self, skip: impl Fn(&Path) -> bool + Send + 'static) -> Self {
        FolderReader { skip: Some(Box::new(skip)), ..self }
    }
}

impl Iterator for FolderReader {
    type Item = MailItem;

    fn next(&mut self) -> Option<MailItem> {
        loop {
            let (path, is_dir) = self.stack.pop()?;
            if !is_dir {
                if self.skip.as_ref().is_some_and(|skip| skip(&path)) {
                    continue;
                }
                return by_extension(&path).map(|read| read(&path));
            }
            let listing = match fs::read_dir(&path).and_then(|l| l.collect::<io::Result<Vec<_>>>()) {
                Ok(listing) => listing,
                Err(e) => return Some(Err(folder_problem(&path, &e))),
            };
            let mut entries: Vec<(std::ffi::OsString, PathBuf, bool)> = listing
                .into_iter()
                .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
                .filter_map(|entry| {
                    let kind = entry.file_type().ok()?;
                    let path = entry.path();
                    if kind.is_dir() {
                        Some((entry.file_name(), path, true))
                    } else if by_extension(&path).is_some() && path.is_file() {
                        Some((entry.file_name(), path, false))
                    } else {
                        None
                    }
                })
                .collect();
            entries.sort();
            self.stack.extend(entries.into_iter().rev().map(|(_, path, is_dir)| (path, is_dir)));
        }
    }
}
