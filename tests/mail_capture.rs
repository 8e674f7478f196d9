//! The user's mail becomes touches (issue 19), against a labelled mailbox generated from a seed
//! (`mail_capture/mailbox.rs`) and real SQLite files: exactly the messages with a client's
//! person become touches, in each account whose people are on them, with who started the
//! thread; nothing of any other message reaches the file; reading again adds nothing and reads
//! only what is new; what cannot be read is a reason, never a panic, and a failed import leaves
//! nothing behind.

mod common;
#[path = "mail_capture/mailbox.rs"]
mod mailbox;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use mailbox::{CLIENTS, Mailbox};
use rapport::Rapport;
use rapport::domain::{AccountDraft, ContactDraft, InteractionDraft, InteractionSource};
use rapport::service::MailReport;
use rusqlite::Connection;
use tempfile::TempDir;

const SEED: u64 = 19;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

/// A database with the two client accounts and their people (every address they have).
fn with_clients(dir: &Path) -> (PathBuf, Rapport) {
    let path = dir.join("rapport.db");
    let mut r = Rapport::open(&path, now()).unwrap();
    for client in &CLIENTS {
        let account =
            r.add_account(AccountDraft { name: client.account.into(), ..Default::default() }, now()).unwrap();
        for p in client.people {
            let draft = ContactDraft {
                account_id: account.id.clone(),
                name: p.name.into(),
                email: Some(p.email.into()),
                other_emails: p.other.map(|o| vec![o.to_string()]).unwrap_or_default(),
                ..Default::default()
            };
            r.add_contact(draft, now()).unwrap();
        }
    }
    (path, r)
}

/// The touches read from mail in the file: (account, Message-ID, who started the thread).
fn touches(path: &Path) -> BTreeSet<(String, String, String)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT a.name, i.message_id, i.initiated_by FROM interactions i JOIN accounts a ON a.id = i.account_id
             WHERE i.source = 'mail'",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
}

/// Precision and recall of the touches against the labels, and how many initiators are right.
fn judge(
    expected: &BTreeSet<(String, String, String)>,
    found: &BTreeSet<(String, String, String)>,
) -> (f64, f64, usize) {
    let key = |s: &BTreeSet<(String, String, String)>| -> BTreeSet<(String, String)> {
        s.iter().map(|(a, m, _)| (a.clone(), m.clone())).collect()
    };
    let (e, f) = (key(expected), key(found));
    let hits = e.intersection(&f).count() as f64;
    let wrong_initiator = found.iter().filter(|t| key_in(&e, t) && !expected.contains(t)).count();
    (hits / f.len().max(1) as f64, hits / e.len() as f64, wrong_initiator)
}

fn key_in(set: &BTreeSet<(String, String)>, t: &(String, String, String)) -> bool {
    set.contains(&(t.0.clone(), t.1.clone()))
}

fn import(r: &mut Rapport, path: &Path) -> MailReport {
    r.import_mail(path, false, now()).unwrap()
}

#[test]
fn the_labelled_mailbox_becomes_exactly_the_clients_touches_with_who_started_each_thread() {
    let mailbox = Mailbox::generate(SEED);
    assert!(mailbox.messages.len() >= 150, "{} messages", mailbox.messages.len());
    let expected = mailbox.expected();
    let dir = TempDir::new().unwrap();
    let mbox = dir.path().join("Inbox.mbox");
    mailbox.write_mbox(&mbox, 0..mailbox.messages.len());
    let (db, mut r) = with_clients(dir.path());

    let report = import(&mut r, &mbox);
    let found = touches(&db);
    let (precision, recall, wrong) = judge(&expected, &found);
    eprintln!(
        "mbox: {} messages, {} touches expected, {} found: precision {precision:.3}, recall {recall:.3}, {wrong} initiators wrong",
        mailbox.messages.len(),
        expected.len(),
        found.len()
    );
    assert_eq!(
        precision,
        1.0,
        "no message without a client's person is kept: {:?}",
        found.difference(&expected)
    );
    assert!(recall >= 0.99, "recall {recall}: missing {:?}", expected.difference(&found));
    assert_eq!(wrong, 0, "who started each thread: {:?}", found.difference(&expected));
    assert_eq!(report.read as usize, mailbox.messages.len());
    assert_eq!(report.added as usize, found.len());
    let never = mailbox.messages.iter().filter(|m| m.touches.is_empty()).count() as u32;
    let s = &report.skipped;
    assert_eq!(s.no_client + s.automatic + s.no_date + s.future + s.unreadable, never, "{report:?}");
    assert!(s.automatic >= 5 && s.no_date == 4 && s.unreadable == 0, "{report:?}");
    assert_eq!(
        report.accounts.iter().map(|a| a.account.as_str()).collect::<Vec<_>>(),
        ["Alcor Seguros", "Kestrel Logistics"]
    );

    // Mail in three languages and four encodings keeps its subject decoded and a snippet.
    let conn = Connection::open(&db).unwrap();
    let subjects: Vec<String> = conn
        .prepare("SELECT summary FROM interactions WHERE source = 'mail'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for word in ["Verlängerung", "Propuesta de renovación", "見積もりの件", "Fwd: Release notes 4.2"]
    {
        assert!(subjects.iter().any(|s| s.contains(word)), "{word} in {subjects:?}");
    }
    let empty: i64 = conn
        .query_row("SELECT count(*) FROM interactions WHERE source = 'mail' AND (snippet IS NULL OR channel <> 'email')", [], |r| r.get(0))
        .unwrap();
    assert_eq!(empty, 0, "every touch from mail is an email with a snippet");
}

#[test]
fn a_maildir_of_the_same_mailbox_gives_the_same_touches() {
    let mailbox = Mailbox::generate(SEED);
    let dir = TempDir::new().unwrap();
    let maildir = dir.path().join("Maildir");
    mailbox.write_maildir(&maildir);
    let (db, mut r) = with_clients(dir.path());
    let report = import(&mut r, &maildir);
    assert_eq!(report.read as usize, mailbox.messages.len());
    let (precision, recall, wrong) = judge(&mailbox.expected(), &touches(&db));
    eprintln!("maildir: precision {precision:.3}, recall {recall:.3}, {wrong} initiators wrong");
    assert_eq!((precision, wrong), (1.0, 0));
    assert!(recall >= 0.99);
}

/// The database file and its write-ahead log, as bytes.
fn file_bytes(db: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).unwrap();
    if let Ok(wal) = std::fs::read(format!("{}-wal", db.display())) {
        bytes.extend(wal);
    }
    bytes
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[test]
fn nothing_of_a_message_without_a_clients_person_ever_reaches_the_file() {
    let mailbox = Mailbox::generate(SEED);
    let dir = TempDir::new().unwrap();
    let mbox = dir.path().join("Inbox.mbox");
    mailbox.write_mbox(&mbox, 0..mailbox.messages.len());
    let (db, mut r) = with_clients(dir.path());
    import(&mut r, &mbox);
    // Read the bytes while the connection is open, so the write-ahead log is still there.
    let bytes = file_bytes(&db);
    for m in &mailbox.messages {
        let body = format!("BODY{:04}", m.n);
        let attachment = format!("ATTACH{:04}", m.n);
        assert!(!holds(&bytes, &body), "the body of {} reached the file", m.token);
        assert!(!holds(&bytes, &attachment), "an attachment of {} reached the file", m.token);
        if m.touches.is_empty() {
            assert!(!holds(&bytes, &m.token), "the subject of {} reached the file", m.token);
        } else {
            assert!(holds(&bytes, &m.token), "the subject of {} is kept", m.token);
        }
    }
    for address in
        [mailbox::US.1, mailbox::COLLEAGUES[0].1, mailbox::COLLEAGUES[1].1, "mia.rivera@gmail.example"]
    {
        assert!(!holds(&bytes, address), "{address} is not a client's and is never kept");
    }
    drop(r);
    let bytes = file_bytes(&db);
    assert!(!holds(&bytes, "NC0"), "nor after the log is folded into the file");
}

#[test]
fn importing_again_reads_nothing_and_adds_nothing() {
    let mailbox = Mailbox::generate(SEED);
    let dir = TempDir::new().unwrap();
    let mbox = dir.path().join("Inbox.mbox");
    let maildir = dir.path().join("Maildir");
    mailbox.write_mbox(&mbox, 0..mailbox.messages.len());
    mailbox.write_maildir(&maildir);
    let (db, mut r) = with_clients(dir.path());
    import(&mut r, &mbox);
    let first = touches(&db);
    // The same mail in another form: every touch is already there.
    let again = import(&mut r, &maildir);
    assert_eq!((again.added, again.already as usize), (0, first.len()), "{again:?}");
    let before = common::contents(&db);
    for source in [&mbox, &maildir] {
        let started = std::time::Instant::now();
        let report = import(&mut r, source);
        assert!(report.unchanged && report.read == 0 && report.added == 0, "{report:?}");
        eprintln!("re-reading an unchanged {}: {:?}", source.display(), started.elapsed());
    }
    assert_eq!(common::contents(&db), before, "nothing written");
    // A message arrives in the Maildir and another is marked read (renamed): only the new one is read.
    let cur = maildir.join("cur");
    let first_new = std::fs::read_dir(maildir.join("new")).unwrap().next().unwrap().unwrap().path();
    let name = first_new.file_name().unwrap().to_string_lossy().into_owned();
    std::fs::rename(&first_new, cur.join(format!("{name}:2,S"))).unwrap();
    let extra = Mailbox::generate(SEED + 1);
    let client = extra.messages.iter().find(|m| !m.touches.is_empty()).unwrap();
    std::fs::write(maildir.join("new/1790000000.M1P1.host"), &client.raw).unwrap();
    let report = import(&mut r, &maildir);
    assert_eq!(
        (report.read, report.added, report.resumed),
        (1, client.touches.len() as u32, true),
        "{report:?}"
    );
}

#[test]
fn appending_to_an_mbox_imports_only_the_new_messages() {
    let mailbox = Mailbox::generate(SEED);
    let n = mailbox.messages.len();
    let dir = TempDir::new().unwrap();
    let mbox = dir.path().join("Inbox");
    mailbox.write_mbox(&mbox, 0..150);
    let (db, mut r) = with_clients(dir.path());
    let first = import(&mut r, &mbox);
    assert_eq!(first.read, 150);
    mailbox.write_mbox(&mbox, 150..n);
    let second = import(&mut r, &mbox);
    assert!(second.resumed, "{second:?}");
    assert_eq!(second.read as usize, n - 150, "only the appended messages are read: {second:?}");
    assert_eq!(second.already, 0, "{second:?}");
    let (precision, recall, wrong) = judge(&mailbox.expected(), &touches(&db));
    assert_eq!((precision, recall, wrong), (1.0, 1.0, 0), "in two readings as in one");

    // Compacted by the mail program (rewritten shorter): read again from the start, adding nothing.
    let dir2 = TempDir::new().unwrap();
    let smaller = dir2.path().join("Inbox");
    mailbox.write_mbox(&smaller, 10..n);
    std::fs::rename(&smaller, &mbox).unwrap();
    let third = import(&mut r, &mbox);
    assert!(!third.resumed && third.read as usize == n - 10 && third.added == 0, "{third:?}");
}

#[test]
fn people_added_later_find_their_earlier_mail_on_the_next_import() {
    let mailbox = Mailbox::generate(SEED);
    let dir = TempDir::new().unwrap();
    let mbox = dir.path().join("Inbox.mbox");
    mailbox.write_mbox(&mbox, 0..mailbox.messages.len());
    let (db, mut r) = with_clients(dir.path());
    let diego = r.find_account("Alcor").unwrap();
    let diego = r.find_contact(&diego.id, "Diego").unwrap();
    r.archive(rapport::domain::RecordKind::Contact, &diego.id, now()).unwrap();
    import(&mut r, &mbox);
    let without = touches(&db).len();
    r.restore(rapport::domain::RecordKind::Contact, &diego.id).unwrap();
    let report = import(&mut r, &mbox);
    assert!(report.people_changed && !report.unchanged, "{report:?}");
    assert!(report.added > 0 && touches(&db).len() == without + report.added as usize, "{report:?}");
}

#[test]
fn a_dry_run_writes_nothing_and_says_what_an_import_would_add() {
    let mailbox = Mailbox::generate(SEED);
    let dir = TempDir::new().unwrap();
    let mbox = dir.path().join("Inbox.mbox");
    mailbox.write_mbox(&mbox, 0..mailbox.messages.len());
    let (db, mut r) = with_clients(dir.path());
    let before = common::contents(&db);
    let dry = r.import_mail(&mbox, true, now()).unwrap();
    assert_eq!(common::contents(&db), before);
    let real = import(&mut r, &mbox);
    assert_eq!((dry.added, dry.kept, dry.backup.is_none()), (real.added, real.kept, true));
    assert!(real.backup.is_some(), "a copy is taken before touches are added");
}

#[test]
fn a_failed_import_leaves_nothing_behind() {
    let mailbox = Mailbox::generate(SEED);
    let dir = TempDir::new().unwrap();
    let mbox = dir.path().join("Inbox.mbox");
    mailbox.write_mbox(&mbox, 0..mailbox.messages.len());
    let (db, mut r) = with_clients(dir.path());
    // A poisoned row: the file refuses the tenth touch, after nine were written in the transaction.
    Connection::open(&db)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER poison BEFORE INSERT ON interactions
             WHEN (SELECT count(*) FROM interactions WHERE source = 'mail') >= 9
             BEGIN SELECT RAISE(ABORT, 'poisoned'); END;",
        )
        .unwrap();
    let before = common::contents(&db);
    let err = r.import_mail(&mbox, false, now()).unwrap_err();
    eprintln!("{err}");
    assert_eq!(common::contents(&db), before, "no touch and no record of the reading");
    Connection::open(&db).unwrap().execute_batch("DROP TRIGGER poison;").unwrap();
    let report = import(&mut r, &mbox);
    assert_eq!(report.added as usize, mailbox.expected().len(), "the next import does it all: {report:?}");
}

#[test]
fn a_truncated_mbox_and_an_unreadable_folder_give_reasons_not_panics() {
    let mailbox = Mailbox::generate(SEED);
    let dir = TempDir::new().unwrap();
    let mbox = dir.path().join("Cut.mbox");
    mailbox.write_mbox(&mbox, 0..40);
    let bytes = std::fs::read(&mbox).unwrap();
    std::fs::write(&mbox, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let (_db, mut r) = with_clients(dir.path());
    let report = import(&mut r, &mbox);
    assert!(report.read > 20 && report.read <= 40, "{report:?}");

    let folder = dir.path().join("Exported");
    std::fs::create_dir_all(folder.join("locked")).unwrap();
    std::fs::write(folder.join("a.eml"), &mailbox.messages[0].raw).unwrap();
    std::fs::write(folder.join("locked/b.eml"), &mailbox.messages[1].raw).unwrap();
    std::fs::write(folder.join("broken.eml"), "not a message at all\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(folder.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let root_reads_anyway = std::fs::read_dir(folder.join("locked")).is_ok();
    let report = import(&mut r, &folder);
    std::fs::set_permissions(folder.join("locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(report.skipped.unreadable >= 1, "{report:?}");
    assert!(report.problems.iter().any(|p| p.contains("broken.eml")), "{report:?}");
    if root_reads_anyway {
        eprintln!("skipped the permission assertions: this process reads folders nobody may read (root)");
    } else {
        assert_eq!(report.skipped.folders, 1, "{report:?}");
        assert!(report.problems.iter().any(|p| p.contains("permission denied")), "{report:?}");
        // Once it may be read, the next import reads what it could not.
        let again = import(&mut r, &folder);
        assert!(again.read >= 1 && again.skipped.folders == 0, "{again:?}");
    }
    std::fs::create_dir_all(dir.path().join("Photos")).unwrap();
    let empty = r.import_mail(&dir.path().join("Photos"), false, now()).unwrap_err();
    assert!(empty.to_string().contains("is a folder with no mail in it"), "{empty}");
    let missing = r.import_mail(&dir.path().join("nowhere.mbox"), false, now()).unwrap_err();
    assert!(missing.to_string().contains("is not mail Rapport can read"), "{missing}");
}

#[test]
fn a_touch_from_mail_stays_one_through_an_edit_and_the_archive() {
    let mailbox = Mailbox::generate(SEED);
    let dir = TempDir::new().unwrap();
    let mbox = dir.path().join("Inbox.mbox");
    mailbox.write_mbox(&mbox, 0..60);
    let (_db, mut r) = with_clients(dir.path());
    import(&mut r, &mbox);
    let kestrel = r.find_account("Kestrel").unwrap();
    let touch = r.account_page(&kestrel.id, now()).unwrap().interactions[0].clone();
    assert_eq!(touch.source, InteractionSource::Mail);
    let draft = InteractionDraft {
        account_id: kestrel.id.clone(),
        occurred_at: Some(touch.occurred_at.to_rfc3339()),
        contact_ids: touch.contact_ids.clone(),
        summary: "Renewal: prices asked for by Friday".into(),
        ..Default::default()
    };
    let edited = r.update_interaction(&touch.id, draft, now()).unwrap();
    assert_eq!(
        (edited.source, &edited.message_id, &edited.snippet),
        (InteractionSource::Mail, &touch.message_id, &touch.snippet)
    );

    let archive = r.export_archive(now()).unwrap();
    assert!(
        archive.contains("\"source\": \"mail\"") && archive.contains("\"message_id\""),
        "the archive carries them"
    );
    let other = TempDir::new().unwrap();
    let mut copy = Rapport::open(&other.path().join("copy.db"), now()).unwrap();
    copy.import_archive(&archive, false, now()).unwrap();
    assert_eq!(copy.export_archive(now()).unwrap(), archive, "export → import → export is the same");
    // Mail read into the copy finds its touches already there.
    let again = copy.import_mail(&mbox, false, now()).unwrap();
    assert_eq!(again.added, 0, "{again:?}");
}

#[test]
fn the_cli_imports_mail_into_a_new_database_and_shows_touches_from_mail() {
    let mailbox = Mailbox::generate(SEED);
    let dir = TempDir::new().unwrap();
    let mbox = dir.path().join("Inbox.mbox");
    mailbox.write_mbox(&mbox, 0..mailbox.messages.len());
    let db = dir.path().join("new.db");
    let rapport = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_rapport"))
            .args(args)
            .env("RAPPORT_DB", &db)
            .env("RAPPORT_AT", "2026-11-23T10:00:00Z")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let preview = rapport(&["import", mbox.to_str().unwrap(), "--dry-run"]);
    assert!(preview.contains("Rapport knows no email address of any client's person yet"), "{preview}");
    assert!(!db.exists(), "a preview creates no database");
    rapport(&["account", "add", "Kestrel Logistics"]);
    rapport(&["contact", "add", "Kestrel", "Anna Berg", "--email", "anna.berg@kestrel.example"]);
    let text = rapport(&["import", mbox.to_str().unwrap()]);
    eprintln!("{text}");
    assert!(
        text.contains("with your clients' people added") && text.contains("  Kestrel Logistics: "),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&rapport(&["import", mbox.to_str().unwrap(), "--json"])).unwrap();
    assert_eq!(json["unchanged"], true, "{json}");
    let page: serde_json::Value =
        serde_json::from_str(&rapport(&["account", "show", "Kestrel", "--json"])).unwrap();
    let first = page["interactions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["source"] == "mail")
        .expect("a touch from mail");
    assert!(first["message_id"].as_str().is_some_and(|id| id.contains('@')), "{first}");
}

/// Writes a 100,000-message mbox for the benchmark (not part of the normal run), mostly mail
/// without a client's person, with client threads in one batch of the labelled mailbox in five
/// and one message in twenty-five carrying a 400 KB attachment, about 2 GB in all:
/// `RAPPORT_MAIL_BENCH=/tmp/capture.mbox cargo test --test mail_capture -- --ignored --nocapture`.
/// It also writes `<file>.db`, a database with the two client accounts and their people.
#[test]
#[ignore]
fn generate_a_100k_message_mailbox_for_the_benchmark() {
    use std::io::Write;
    let path = std::env::var_os("RAPPORT_MAIL_BENCH")
        .map_or_else(|| std::env::temp_dir().join("capture.mbox"), PathBuf::from);
    let _ = std::fs::remove_file(&path);
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&path).unwrap());
    let attachment: String =
        "JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29kZT4+\n"
            .repeat(400 * 1024 / 77);
    let (mut written, mut kept, mut batch) = (0usize, 0usize, 0u64);
    while written < 100_000 {
        let mailbox = Mailbox::generate(1_000 + batch);
        let clients = batch % 5 == 0;
        for m in &mailbox.messages {
            if written >= 100_000 || (!m.touches.is_empty() && !clients) {
                continue;
            }
            kept += m.touches.len();
            let mut one = String::new();
            if written % 25 == 24 {
                // A colleague's slides: a big attachment in mail no client is on.
                one = format!(
                    "From: Lea Schmidt <lea.schmidt@rapport-consulting.example>\nTo: sam@rapport-consulting.example\n\
                     Date: Mon, 7 Sep 2026 10:00:00 +0200\nMessage-ID: <slides-{written}@rapport-consulting.example>\n\
                     Subject: Slides NC{written}\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"s\"\n\n\
                     --s\nContent-Type: text/plain\n\nThe deck.\n--s\nContent-Type: application/pdf; name=\"deck.pdf\"\n\
                     Content-Transfer-Encoding: base64\n\n{attachment}--s--\n"
                );
            }
            for raw in [one.as_str(), m.raw.as_str()].into_iter().filter(|r| !r.is_empty()) {
                writeln!(out, "From sender@example Mon Sep  7 10:00:00 2026").unwrap();
                for line in raw.lines() {
                    if line.trim_start_matches('>').starts_with("From ") {
                        out.write_all(b">").unwrap();
                    }
                    writeln!(out, "{line}").unwrap();
                }
                writeln!(out).unwrap();
                written += 1;
            }
        }
        batch += 1;
    }
    out.flush().unwrap();
    let db = PathBuf::from(format!("{}.db", path.display()));
    let _ = std::fs::remove_file(&db);
    let dir = TempDir::new().unwrap();
    let (made, r) = with_clients(dir.path());
    drop(r);
    std::fs::copy(&made, &db).unwrap();
    eprintln!(
        "wrote {} ({written} messages, {} bytes; about {kept} touches) and {}",
        path.display(),
        std::fs::metadata(&path).unwrap().len(),
        db.display()
    );
}
