//! Reading a mail source again without reading it twice: what the source looks like now (its
//! stamp), where an mbox resumes, and which message files of a Maildir or folder were read.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::domain::{MailKind, MailSourceState, mail_hash};
use crate::interop::mail::{FolderReader, MailItem, MailSource, MaildirReader, MboxReader};

/// How many bytes at an mbox's resume point are checked before resuming there.
const CHECKED_BYTES: usize = 256;

pub(super) fn kind(source: &MailSource) -> MailKind {
    match source {
        MailSource::Eml(_) => MailKind::Eml,
        MailSource::Emlx(_) => MailKind::Emlx,
        // One message in a file, as an `.eml` is: no kind of its own, so no migration of the
        // sources table's CHECK.
        MailSource::Msg(_) => MailKind::Eml,
        MailSource::Mbox(_) => MailKind::Mbox,
        MailSource::Maildir(_) => MailKind::Maildir,
        MailSource::Folder(_) => MailKind::Folder,
    }
}

fn modified_ns(path: &Path) -> Option<(u64, u128)> {
    let meta = fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
    Some((meta.len(), modified))
}

/// What the source looks like now: while this is what the last reading saw, nothing in it is
/// new. A file by its size and modification time; a Maildir by its folders' modification times
/// (adding, removing or renaming a message changes them); a folder of message files has none,
/// and is listed each time (only files not read before are opened).
pub(super) fn stamp(source: &MailSource) -> Option<String> {
    match source {
        MailSource::Eml(path) | MailSource::Emlx(path) | MailSource::Msg(path) | MailSource::Mbox(path) => {
            modified_ns(path).map(|(len, at)| format!("{len}:{at}"))
        }
        MailSource::Maildir(path) => {
            let cur = modified_ns(&path.join("cur"))?.1;
            let new = modified_ns(&path.join("new")).map_or(0, |(_, at)| at);
            Some(format!("cur {cur}:new {new}"))
        }
        MailSource::Folder(_) => None,
    }
}

/// A check of the bytes where an mbox's message starts.
pub(super) fn check_at(path: &Path, offset: u64) -> Option<u64> {
    let mut file = File::open(path).ok()?;
    file.seek(SeekFrom::Start(offset)).ok()?;
    let mut head = Vec::with_capacity(CHECKED_BYTES);
    file.take(CHECKED_BYTES as u64).read_to_end(&mut head).ok()?;
    (!head.is_empty()).then(|| mail_hash(&head))
}

/// The key a message file is remembered by: a Maildir's unique part of its name (before the
/// flags, which a mail program changes), or a file's path within the folder read.
pub(super) fn file_key(source: &MailSource, file: &Path) -> Option<u64> {
    match source {
        MailSource::Maildir(_) => {
            let name = file.file_name()?.to_string_lossy();
            let unique = name.split(':').next().unwrap_or(&name);
            Some(mail_hash(unique.as_bytes()))
        }
        MailSource::Folder(root) => {
            let relative = file.strip_prefix(root).unwrap_or(file);
            Some(mail_hash(relative.to_string_lossy().as_bytes()))
        }
        _ => None,
    }
}

/// Where an mbox read resumes: at the last message read before, when the bytes there are the
/// ones read then; whether to skip that message (it was read whole).
pub(super) fn resume_point(path: &Path, prior: Option<&MailSourceState>) -> Option<(u64, bool)> {
    let prior = prior?;
    let offset = prior.resume_offset?;
    let len = fs::metadata(path).ok()?.len();
    (offset < len && prior.resume_check.is_some() && check_at(path, offset) == prior.resume_check)
        .then_some((offset, prior.resume_whole))
}

/// The source's messages still to read: an mbox from `resume`, a Maildir or a folder without the
/// files in `read_before`.
pub(super) fn messages(
    source: &MailSource,
    resume: Option<(u64, bool)>,
    read_before: HashSet<u64>,
) -> Box<dyn Iterator<Item = MailItem> + Send> {
    match source {
        MailSource::Mbox(path) => {
            let Some((offset, skip_first)) = resume else { return source.messages() };
            match MboxReader::open_at(path, offset) {
                Ok(reader) => {
                    let mut reader = reader.peekable();
                    let read_whole = |item: &MailItem| match item {
                        Ok(found) => found.place.offset == Some(offset),
                        Err(_) => false,
                    };
                    if skip_first && reader.peek().is_some_and(read_whole) {
                        reader.next();
                    }
                    Box::new(reader)
                }
                Err(problem) => Box::new(std::iter::once(Err(problem))),
            }
        }
        MailSource::Maildir(path) => {
            let source = source.clone();
            Box::new(
                MaildirReader::new(path).skipping(move |file| {
                    file_key(&source, file).is_some_and(|key| read_before.contains(&key))
                }),
            )
        }
        MailSource::Folder(path) => {
            let source = source.clone();
            Box::new(
                FolderReader::new(path).skipping(move |file| {
                    file_key(&source, file).is_some_and(|key| read_before.contains(&key))
                }),
            )
        }
        MailSource::Eml(_) | MailSource::Emlx(_) | MailSource::Msg(_) => source.messages(),
    }
}

/// The path a source is remembered by: its canonical form, so the same folder named two ways is
/// one source.
pub(super) fn canonical(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}
