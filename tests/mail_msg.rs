//! Outlook's `.msg` files, as a user meets them: real messages saved by Outlook
//! (`tests/fixtures/mail/*.msg`, from the `msg_parser` crate's samples) become the same touches
//! an `.eml` would, once; a message without a client's person is kept nowhere; a file that is
//! not an Outlook message, cut short, empty or too big is a sentence saying what to do, never a
//! panic and never a touch.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rapport::Rapport;
use rapport::domain::{AccountDraft, ContactDraft, Initiator};
use rapport::interop::mail::{Address, MSG_BYTES, MailItem, MailSource, detect, read_msg};
use rapport::service::MailReport;
use tempfile::TempDir;

const RECEIVED: &str = "outlook-received-protonmail.msg";
const UNSENT: &str = "outlook-unsent-aspose.msg";
const SENDER: &str = "account-testing7777@protonmail.com";
const MESSAGE_ID: &str = "YmLaFuwpU9OSuMLwHlDPl7dn16eo3SsdVDx7qngo7bjDYXPQ9QKtybOy8fVocjYH61vo0mLFRsvIIdmRR36QtzDr04npvV3ebvWP9DTPxVI=@protonmail.com";

fn now() -> DateTime<Utc> {
    "2026-12-03T09:00:00Z".parse().unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mail").join(name)
}

/// `bytes` in a file called `name` in `dir`.
fn file(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// A database with one client, Proton Pilot, and `email`'s owner there.
fn client(dir: &TempDir, email: &str) -> (PathBuf, Rapport, String, String) {
    let db = dir.path().join("rapport.db");
    let mut r = Rapport::open(&db, now()).unwrap();
    let account =
        r.add_account(AccountDraft { name: "Proton Pilot".into(), ..Default::default() }, now()).unwrap();
    let person = r
        .add_contact(
            ContactDraft {
                account_id: account.id.clone(),
                name: "Account Testing".into(),
                email: Some(email.into()),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    (db, r, account.id, person.id)
}

fn import(r: &mut Rapport, path: &Path) -> MailReport {
    r.import_mail(path, false, now()).unwrap()
}

#[test]
fn a_received_outlook_message_is_read_as_its_headers_and_outlook_say() {
    let found = read_msg(&fixture(RECEIVED)).unwrap();
    let m = found.value;
    assert_eq!(m.message_id.as_deref(), Some(MESSAGE_ID), "from the transport headers");
    assert_eq!(m.from, vec![Address { email: SENDER.into(), name: Some("Account Testing".into()) }]);
    assert_eq!(m.to, vec![Address { email: "application-testing@outlook.com".into(), name: None }]);
    assert!(m.cc.is_empty());
    assert_eq!(m.reply_to[0].email, SENDER);
    assert_eq!(m.sent_at, Some("2021-03-14T04:03:45Z".parse().unwrap()), "the Date header");
    assert_eq!(m.subject, "test");
    assert_eq!(m.body, "test\n\n\nSent with ProtonMail <https://protonmail.com>  Secure Email.");
    assert_eq!((m.automatic, m.calendar), (None, None));
    assert!(found.notes.is_empty(), "{:?}", found.notes);
}

#[test]
fn an_unsent_outlook_message_has_its_id_and_parties_but_no_date() {
    let m = read_msg(&fixture(UNSENT)).unwrap().value;
    assert_eq!(m.message_id.as_deref(), Some("c58b1b52f61f4789ba40339c6e993440"));
    assert_eq!(m.from[0].email, "from@domain.com");
    assert_eq!(m.to[0].email, "to@domain.com");
    assert_eq!(m.subject, "creating an outlook message file");
    assert_eq!(m.body, "This message is created by Aspose.Email");
    assert_eq!(m.sent_at, None, "never sent: no Date, no submit or delivery time");
}

#[test]
fn a_msg_is_known_by_its_ending_and_its_first_bytes() {
    let dir = TempDir::new().unwrap();
    let received = fixture(RECEIVED);
    assert_eq!(detect(&received), Some(MailSource::Msg(received.clone())));
    // Word's files are OLE files too: not mail unless named .msg.
    let doc = file(&dir, "report.doc", &fs::read(&received).unwrap());
    assert_eq!(detect(&doc), None);
    // A plain message some program saved as .msg is read as the message it is.
    let text = file(&dir, "plain.msg", b"From: Mira <mira@kestrel.example>\nSubject: Hi\n\nHello\n");
    assert_eq!(detect(&text), Some(MailSource::Eml(text.clone())));
    assert_eq!(read_msg(&text).unwrap().value.subject, "Hi");
    let junk = file(&dir, "junk.msg", b"\x00\x01 not a message");
    assert_eq!(detect(&junk), Some(MailSource::Msg(junk.clone())));
}

#[test]
fn a_folder_reads_its_msg_files_with_its_eml_files() {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("Saved")).unwrap();
    fs::copy(fixture(RECEIVED), dir.path().join("Saved/a.msg")).unwrap();
    fs::copy(fixture("out-of-office.eml"), dir.path().join("Saved/b.eml")).unwrap();
    fs::write(dir.path().join("Saved/notes.txt"), "not mail").unwrap();
    let items: Vec<MailItem> = MailSource::Folder(dir.path().join("Saved")).messages().collect();
    let subjects: Vec<String> = items.into_iter().map(|i| i.unwrap().value.subject).collect();
    assert_eq!(subjects.len(), 2, "{subjects:?}");
    assert_eq!(subjects[0], "test");
}

#[test]
fn importing_a_clients_outlook_message_adds_one_touch_once() {
    let dir = TempDir::new().unwrap();
    let (_, mut r, account, person) = client(&dir, "Account-Testing7777@ProtonMail.com");
    let msg = file(&dir, "Re test.msg", &fs::read(fixture(RECEIVED)).unwrap());

    let report = import(&mut r, &msg);
    assert_eq!((report.read, report.kept, report.added), (1, 1, 1), "{report:?}");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(report.backup.is_some(), "a backup before anything is added");
    assert!(report.said.contains("1 message with your clients' people added 1 touch"), "{}", report.said);
    let page = r.account_page(&account, now()).unwrap();
    assert_eq!(page.interactions.len(), 1);
    let touch = &page.interactions[0];
    assert_eq!(touch.occurred_at, "2021-03-14T04:03:45Z".parse::<DateTime<Utc>>().unwrap());
    assert_eq!(touch.summary, "test");
    assert_eq!(touch.contact_ids, vec![person]);
    assert_eq!(touch.initiated_by, Initiator::Them);
    assert_eq!(touch.message_id.as_deref(), Some(MESSAGE_ID));
    assert_eq!(
        touch.snippet.as_deref(),
        Some("test Sent with ProtonMail <https://protonmail.com> Secure Email.")
    );

    let again = import(&mut r, &msg);
    assert!(again.unchanged, "{again:?}");
    // The same message saved again elsewhere is the same touch.
    let copy = file(&dir, "copy.msg", &fs::read(fixture(RECEIVED)).unwrap());
    let copied = import(&mut r, &copy);
    assert_eq!((copied.kept, copied.added, copied.already), (1, 0, 1), "{copied:?}");
    assert_eq!(r.account_page(&account, now()).unwrap().interactions.len(), 1);
}

#[test]
fn an_outlook_message_without_a_clients_person_is_kept_nowhere() {
    let dir = TempDir::new().unwrap();
    let (db, mut r, _, _) = client(&dir, "mira@kestrel.example");
    let before = touches(&db);
    let report = import(&mut r, &fixture(RECEIVED));
    assert_eq!(
        (report.read, report.kept, report.added, report.skipped.no_client),
        (1, 0, 0, 1),
        "{report:?}"
    );
    assert!(report.backup.is_none());
    assert_eq!(touches(&db), before);
    let text = common::contents(&db);
    for word in ["account-testing7777", "Sent with", "application-testing"] {
        assert!(!text.contains(word), "{word} reached the file");
    }
}

/// Every row but the sources read: what an import of nothing adds.
fn touches(db: &Path) -> String {
    common::contents(db).lines().filter(|l| !l.starts_with("mail_")).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_bad_msg_file_is_a_sentence_and_nothing_is_written() {
    let dir = TempDir::new().unwrap();
    let (db, mut r, _, _) = client(&dir, SENDER);
    let real = fs::read(fixture(RECEIVED)).unwrap();
    let huge = dir.path().join("huge.msg");
    let f = fs::File::create(&huge).unwrap();
    f.set_len(MSG_BYTES + 1).unwrap(); // sparse: no disk used
    let cases = [
        (file(&dir, "empty.msg", b""), "The message in empty.msg is empty, so it was skipped."),
        (
            file(&dir, "notes.msg", "Meeting notes: call Mira\u{0}\u{1}".as_bytes()),
            "The message in notes.msg is not an Outlook message (it does not begin as one does), so it was \
             skipped. If Outlook opens it, save it from there again, or as an .eml file, and import that.",
        ),
        (
            file(&dir, "cut.msg", &real[..real.len() / 3]),
            "The message in cut.msg could not be read as an Outlook message: it may be damaged or cut short, so \
             it was skipped. Open it in Outlook to check it; if it opens, save it again (or as an .eml file) \
             and import that.",
        ),
        (
            huge,
            "The message in huge.msg is 65 MiB, more than the 64 MiB Rapport reads of one Outlook message, so \
             it was skipped. Save it from Outlook as an .eml file instead (the new Outlook and Outlook on the \
             web offer Save as), or forward it to yourself without its attachments, then import that.",
        ),
    ];
    let before = touches(&db);
    for (path, sentence) in cases {
        let report = import(&mut r, &path);
        assert_eq!(report.problems, vec![sentence.to_string()], "{}", path.display());
        assert_eq!((report.read, report.skipped.unreadable, report.added), (1, 1, 0), "{report:?}");
        assert!(report.backup.is_none());
        assert!(report.said.contains(sentence), "{}", report.said);
        assert_eq!(touches(&db), before, "{} wrote something", path.display());
    }
}

/// The received message with its property streams' names made non-ASCII (each tag's third
/// character U+3530), on which `msg_parser` 0.3.6 panics.
fn panicking(real: &[u8]) -> Vec<u8> {
    let name: Vec<u8> = "__substg1.0_".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut bytes = real.to_vec();
    let found: Vec<usize> =
        real.windows(name.len()).enumerate().filter(|(_, w)| *w == name).map(|(i, _)| i).collect();
    assert!(!found.is_empty(), "property streams");
    for at in found {
        bytes[at + name.len() + 2 * 2 + 1] = 0x35;
    }
    bytes
}

#[test]
fn a_msg_the_reader_panics_on_is_a_sentence_and_the_panic_is_not_printed() {
    let dir = TempDir::new().unwrap();
    let bytes = panicking(&fs::read(fixture(RECEIVED)).unwrap());
    assert!(
        std::panic::catch_unwind(|| msg_parser::Outlook::from_slice(&bytes)).is_err(),
        "msg_parser panics"
    );
    let path = file(&dir, "damaged.msg", &bytes);
    let problem = read_msg(&path).unwrap_err();
    assert!(problem.reason.starts_with("The message in damaged.msg could not be read as an Outlook message"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(["import", path.to_str().unwrap()])
        .env("RAPPORT_DB", dir.path().join("rapport.db"))
        .env("RAPPORT_AT", "2026-12-03T09:00:00Z")
        .output()
        .unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains(&problem.reason), "{stdout}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A small seeded generator, so a failing run can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn damaged_outlook_messages_are_problems_never_panics() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("m.msg");
    let mut rng = Lcg(19);
    let read = |bytes: &[u8]| {
        fs::write(&path, bytes).unwrap();
        match read_msg(&path) {
            Ok(found) => assert!(!found.value.from.is_empty()),
            Err(problem) => {
                assert!(problem.reason.starts_with("The message in m.msg "), "{}", problem.reason)
            }
        }
    };
    for name in [RECEIVED, UNSENT] {
        let real = fs::read(fixture(name)).unwrap();
        // Cut short anywhere.
        for _ in 0..60 {
            let end = rng.next() as usize % real.len();
            read(&real[..end]);
        }
        // Bytes changed: in the header and sector tables, and anywhere.
        for _ in 0..150 {
            let mut bytes = real.clone();
            for _ in 0..1 + rng.next() % 8 {
                let at = if rng.next().is_multiple_of(2) {
                    rng.next() as usize % 1024
                } else {
                    rng.next() as usize % bytes.len()
                };
                bytes[at] = rng.next() as u8;
            }
            read(&bytes);
        }
    }
    // Random bytes behind the OLE signature.
    for len in [8, 511, 512, 513, 4096, 70_000] {
        let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        bytes.extend((8..len).map(|_| rng.next() as u8));
        read(&bytes);
    }
}
