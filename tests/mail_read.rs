//! The mail reader over the kinds of files mail programs write (`tests/fixtures/mail/`, written
//! for Rapport), and over what goes wrong with them: cut short, garbage, a 50 MB attachment, a
//! "From " line nobody escaped, a folder nobody may read. Each source yields every message it
//! can, a problem for each it cannot, and never panics.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use rapport::interop::mail::{
    Address, Automatic, BODY_CHARS, Located, MailItem, MailMessage, MailSource, MboxReader, detect, read_eml,
    read_emlx,
};
use tempfile::TempDir;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mail").join(name)
}

fn one(item: MailItem) -> Located<MailMessage> {
    item.unwrap_or_else(|problem| panic!("expected a message, got: {problem}"))
}

fn messages(source: &MailSource) -> Vec<Located<MailMessage>> {
    source.messages().map(one).collect()
}

fn addr(email: &str, name: Option<&str>) -> Address {
    Address { email: email.into(), name: name.map(str::to_string) }
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
fn an_outlook_reply_is_read_with_its_thread_latin1_text_and_quote_left_out_of_the_snippet() {
    let m = one(read_eml(&fixture("outlook-reply-de.eml"))).value;
    assert_eq!(m.subject, "AW: Verlängerung des Rahmenvertrags");
    assert_eq!(m.from, vec![addr("anna.berg@kestrel.example", Some("Berg, Anna"))]);
    assert_eq!(m.cc, vec![addr("juergen.mueller@kestrel.example", Some("Jürgen Müller"))]);
    assert_eq!(m.in_reply_to, vec!["d4e5f6a7-1b2c-4d3e-8f9a-0b1c2d3e4f5a@rapport-consulting.example"]);
    assert_eq!(m.sent_at.unwrap().to_rfc3339(), "2024-01-16T08:42:17+00:00");
    assert!(
        m.body.starts_with("Hallo Sam,\n\ndanke für das Angebot."),
        "the text/plain part, not the HTML: {}",
        m.body
    );
    assert!(m.body.contains("Gesendet: Montag"), "the body keeps the quote; only the snippet drops it");
    assert_eq!(
        m.snippet(),
        "Hallo Sam, danke für das Angebot. Wir möchten die Verlängerung bis Ende Februar entscheiden; bitte \
         schicken Sie uns bis Freitag die Preise für 50 zusätzliche Lizenzen. Viele Grüße Anna Berg"
    );
    assert_eq!(m.automatic, None);
    assert_eq!(m.calendar, None);
}

#[test]
fn an_apple_mail_emlx_loses_its_length_line_and_property_list() {
    let found = one(read_emlx(&fixture("apple-mail-reply-es.emlx")));
    let m = found.value;
    assert_eq!(m.subject, "Re: Propuesta de renovación");
    assert_eq!(m.from, vec![addr("lucia.fernandez@alcor.example", Some("Lucía Fernández"))]);
    assert_eq!(m.cc, vec![addr("diego.martin@alcor.example", Some("Diego Martín"))], "raw UTF-8 in a header");
    assert_eq!(m.message_id.as_deref(), Some("7A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D@alcor.example"));
    assert!(!m.body.contains("plist") && !m.body.contains("date-last-viewed"));
    assert_eq!(
        m.snippet(),
        "Hola Sam: Gracias por la propuesta. El comité de compras se reúne el jueves 25; te confirmo entonces. \
         ¿Podrías enviarme también el calendario de formación? Un saludo, Lucía",
        "the signature after \"-- \" and the quote are left out"
    );
    assert_eq!(found.place.offset, None);
    assert!(found.notes.is_empty());
}

#[test]
fn a_thunderbird_mbox_thread_is_read_in_order_with_offsets_references_and_from_lines_unescaped() {
    let path = fixture("thunderbird-thread.mbox");
    let found = messages(&MailSource::Mbox(path.clone()));
    let raw = fs::read_to_string(&path).unwrap();
    let offsets: Vec<u64> = raw.match_indices("From - ").map(|(i, _)| i as u64).collect();
    assert_eq!(found.iter().map(|f| f.place.offset.unwrap()).collect::<Vec<_>>(), offsets);

    let [first, second, third] = [&found[0].value, &found[1].value, &found[2].value];
    assert!(first.body.contains("\nFrom the start of next quarter"), "\">From \" unescaped: {}", first.body);
    assert_eq!(second.in_reply_to, vec![first.message_id.clone().unwrap()]);
    assert_eq!(third.references, vec![first.message_id.clone().unwrap(), second.message_id.clone().unwrap()]);
    assert_eq!(
        second.snippet(),
        "Hallo Sam, die Zahlen passen. Können wir am Donnerstag um 10 Uhr telefonieren? Anna"
    );
    assert!(third.body.contains("From what I can see"), "an unescaped body line is not a separator");
    assert_eq!(
        third.snippet(),
        "Hi Anna, Thursday at 10 works. I will send an invitation. From what I can see, the numbers work for both \
         sides. Sam"
    );
    assert_eq!(third.cc, vec![addr("juergen.mueller@kestrel.example", Some("Jürgen Müller"))]);
}

#[test]
fn reading_an_mbox_resumes_at_a_reported_offset() {
    let path = fixture("thunderbird-thread.mbox");
    let all = messages(&MailSource::Mbox(path.clone()));
    let resumed: Vec<_> =
        MboxReader::open_at(&path, all[1].place.offset.unwrap()).unwrap().map(one).collect();
    assert_eq!(resumed, all[1..].to_vec());
}

#[test]
fn an_invitation_keeps_its_calendar_text_and_no_attachment() {
    let m = one(read_eml(&fixture("gmail-invitation.eml"))).value;
    let calendar = m.calendar.as_deref().unwrap();
    assert!(calendar.starts_with("BEGIN:VCALENDAR\nPRODID:-//Google Inc"), "{calendar}");
    assert!(calendar.contains("SUMMARY:Quarterly business review") && calendar.ends_with("END:VCALENDAR"));
    assert!(m.body.starts_with("Quarterly business review\nThursday 1 Feb 2024"), "{}", m.body);
    assert!(!m.body.contains("BEGIN:VCALENDAR") && !m.body.contains("invite.ics"));
    assert_eq!(m.reply_to, vec![addr("priya.natarajan@northwind.example", Some("Priya Natarajan"))]);
    assert_eq!(m.automatic, None, "Auto-Submitted: no is a person's message");
}

#[test]
fn an_html_only_newsletter_is_read_as_text_and_known_as_a_newsletter() {
    let m = one(read_eml(&fixture("newsletter-html-only.eml"))).value;
    assert_eq!(m.automatic, Some(Automatic::Newsletter));
    assert_eq!(m.subject, "SaaS Weekly — Issue 112");
    assert!(m.body.contains("Five renewal tactics that customer-success teams swear by."), "{}", m.body);
    assert!(m.body.contains("expansion playbooks & more"), "entities decoded: {}", m.body);
    assert!(!m.body.contains('<') && !m.body.contains("font-family"), "no tags, no style: {}", m.body);
}

#[test]
fn out_of_office_replies_are_known_by_their_headers_or_their_subject() {
    let exchange = one(read_eml(&fixture("out-of-office.eml"))).value;
    assert_eq!(exchange.automatic, Some(Automatic::AutoReply));
    assert!(exchange.body.starts_with("Vielen Dank für Ihre Nachricht."), "base64 UTF-8 decoded");
    let maildir = messages(&MailSource::Maildir(fixture("maildir")));
    let german = &maildir[1].value;
    assert_eq!(german.subject, "Abwesenheitsnotiz: Preise für 50 Lizenzen");
    assert_eq!(german.automatic, Some(Automatic::AutoReply), "no header says so; the subject does");
}

#[test]
fn japanese_subjects_are_decoded_from_iso_2022_jp_and_utf_8() {
    let legacy = one(read_eml(&fixture("japanese-iso2022jp.eml"))).value;
    assert_eq!(legacy.subject, "定例会議の日程と見積書送付のお願い");
    assert_eq!(legacy.from, vec![addr("taro.yamada@sakura-shoji.example", Some("山田 太郎"))]);
    assert!(legacy.body.contains("2月8日（木）14時でいかがでしょうか。"), "{}", legacy.body);
    assert_eq!(legacy.sent_at.unwrap().to_rfc3339(), "2024-01-19T02:30:00+00:00");

    let reply = one(read_eml(&fixture("japanese-utf8-reply.eml"))).value;
    assert_eq!(reply.subject, "Re: 来期の契約更新について");
    assert_eq!(
        reply.snippet(),
        "サム様 ご連絡ありがとうございます。承知いたしました。契約更新の書類は来週までにお送りします。 山田",
        "Gmail's \"2024年1月18日(木) 10:15 … <…>:\" line and the quote are left out"
    );
}

#[test]
fn attachments_never_reach_the_message_not_even_by_name() {
    let m = one(read_eml(&fixture("thunderbird-attachment.eml"))).value;
    assert_eq!(
        m.body,
        "Hi Priya,\n\nas promised, the 2024 price list is attached. The diagram shows the rollout.\n\nBest,\nSam"
    );
    let everything = format!("{m:?}");
    for absent in
        ["Northwind-price-list-2024.pdf", "rollout-diagram.png", "JVBERi0", "iVBORw0", "multi-part message"]
    {
        assert!(!everything.contains(absent), "{absent} reached the message: {everything}");
    }
}

#[test]
fn a_maildir_is_read_from_cur_and_new_by_name_and_never_from_tmp() {
    let found = messages(&MailSource::Maildir(fixture("maildir")));
    let names: Vec<String> =
        found.iter().map(|f| f.place.path.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["1705395911.M12345P2301.laptop,S=612,W=630!2,S", "1705654822.M67890P2301.laptop"]);
    assert_eq!(found[0].value.subject, "Can we move the QBR?");
}

#[test]
fn a_folder_of_message_files_is_read_by_name_the_same_way_twice() {
    let source = MailSource::Folder(fixture(""));
    let first = messages(&source);
    let names: Vec<String> =
        first.iter().map(|f| f.place.path.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(
        names,
        [
            "apple-mail-reply-es.emlx",
            "gmail-invitation.eml",
            "japanese-iso2022jp.eml",
            "japanese-utf8-reply.eml",
            "newsletter-html-only.eml",
            "out-of-office.eml",
            "outlook-received-protonmail.msg",
            "outlook-reply-de.eml",
            "outlook-unsent-aspose.msg",
            "thunderbird-attachment.eml",
        ],
        "the README, the mbox and the Maildir's files are not message files"
    );
    assert_eq!(first, messages(&source));
}

#[test]
fn sources_are_told_apart_by_ending_then_by_content() {
    let dir = TempDir::new().unwrap();
    let copy = |from: &str, to: &str| {
        let path = dir.path().join(to);
        fs::copy(fixture(from), &path).unwrap();
        path
    };
    let inbox = copy("thunderbird-thread.mbox", "Inbox");
    let saved = copy("out-of-office.eml", "saved message");
    let apple = copy("apple-mail-reply-es.emlx", "12345");
    let index = dir.path().join("Inbox.msf");
    fs::write(&index, "// <!-- <mdb:mork:z v=\"1.4\"/> -->\n< <(a=c)> // (f=iso-8859-1)\n").unwrap();
    let notes = dir.path().join("notes.txt");
    fs::write(&notes, "Call Anna: renewal\nBring the price list\n").unwrap();

    assert_eq!(
        detect(&fixture("outlook-reply-de.eml")),
        Some(MailSource::Eml(fixture("outlook-reply-de.eml")))
    );
    assert_eq!(
        detect(&fixture("apple-mail-reply-es.emlx")),
        Some(MailSource::Emlx(fixture("apple-mail-reply-es.emlx")))
    );
    assert_eq!(
        detect(&fixture("thunderbird-thread.mbox")),
        Some(MailSource::Mbox(fixture("thunderbird-thread.mbox")))
    );
    assert_eq!(detect(&fixture("maildir")), Some(MailSource::Maildir(fixture("maildir"))));
    assert_eq!(detect(&fixture("maildir/cur")), Some(MailSource::Folder(fixture("maildir/cur"))));
    assert_eq!(detect(&inbox), Some(MailSource::Mbox(inbox.clone())), "Thunderbird's mbox has no ending");
    assert_eq!(detect(&saved), Some(MailSource::Eml(saved.clone())));
    assert_eq!(detect(&apple), Some(MailSource::Emlx(apple.clone())));
    assert_eq!(detect(&index), None, "Thunderbird's index is not mail");
    assert_eq!(detect(&notes), None, "a line with a colon is not a message");
    assert_eq!(detect(&dir.path().join("missing")), None);

    let exported = dir.path().join("Kestrel.mbox");
    fs::create_dir(&exported).unwrap();
    fs::copy(fixture("thunderbird-thread.mbox"), exported.join("mbox")).unwrap();
    fs::write(exported.join("table_of_contents"), [0u8, 1, 2]).unwrap();
    assert_eq!(detect(&exported), Some(MailSource::Mbox(exported.join("mbox"))), "Apple Mail's export");
}

#[test]
fn a_message_cut_short_is_read_as_far_as_it_goes_and_says_so() {
    let dir = TempDir::new().unwrap();
    let whole = fs::read(fixture("outlook-reply-de.eml")).unwrap();
    let cut = dir.path().join("cut.eml");
    let html_part = whole.windows(23).position(|w| w == b"Content-Type: text/html").unwrap();
    fs::write(&cut, &whole[..html_part + 60]).unwrap();
    let found = one(read_eml(&cut));
    assert!(found.value.body.starts_with("Hallo Sam,"));
    assert_eq!(
        found.notes,
        [
            "It ends before its last part does, so its text may be incomplete: the file may have been cut short."
        ]
    );

    fs::write(&cut, &whole[..200]).unwrap();
    let problem = read_eml(&cut).unwrap_err();
    assert_eq!(
        problem.reason,
        "The message in cut.eml has no sender, so it was skipped. If it matters, open it in your mail program and \
         check its From line."
    );
}

#[test]
fn an_mbox_cut_short_gives_its_last_message_as_far_as_it_goes() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("Inbox");
    let whole = fs::read_to_string(fixture("thunderbird-thread.mbox")).unwrap();
    let cut = &whole[..whole.find("Thursday at 10 works").unwrap() + 8];
    fs::write(&path, cut).unwrap();
    let found = messages(&MailSource::Mbox(path.clone()));
    assert_eq!(found.len(), 3);
    assert_eq!(found[2].value.body, "Hi Anna,\n\nThursday");
    let cut = &whole[..whole.rfind("From: Sam").unwrap() + 7];
    fs::write(&path, cut).unwrap();
    let items: Vec<MailItem> = MailSource::Mbox(path).messages().collect();
    assert_eq!(items.len(), 3);
    assert!(items[2].as_ref().is_err_and(|p| p.reason.contains("has no sender")), "{:?}", items[2]);
}

#[test]
fn garbage_and_mangled_messages_are_problems_never_panics() {
    let dir = TempDir::new().unwrap();
    let mut rng = Lcg(19);
    let garbage: Vec<u8> = (0..200_000).map(|_| rng.next() as u8).collect();
    let path = dir.path().join("garbage.eml");
    fs::write(&path, &garbage).unwrap();
    let _ = read_eml(&path);
    let _ = read_emlx(&path);
    let mbox = dir.path().join("garbage.mbox");
    let mut bytes = fs::read(fixture("thunderbird-thread.mbox")).unwrap();
    let mut prefix: Vec<u8> = garbage.iter().copied().filter(|&b| b != b'F').collect();
    prefix.push(b'\n');
    bytes.splice(0..0, prefix);
    fs::write(&mbox, &bytes).unwrap();
    let items: Vec<MailItem> = MailSource::Mbox(mbox).messages().collect();
    assert!(items[0].as_ref().is_err_and(|p| p.reason.contains("are not a message")));
    assert_eq!(items.iter().filter(|i| i.is_ok()).count(), 3, "the messages after the garbage are read");

    // Every fixture, mangled hundreds of ways: bytes flipped, lines cut, ends lost
    // (MAIL_FUZZ_ROUNDS=20000 for a longer run by hand).
    let rounds = std::env::var("MAIL_FUZZ_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(250);
    let fixtures = [
        "outlook-reply-de.eml",
        "gmail-invitation.eml",
        "japanese-iso2022jp.eml",
        "thunderbird-attachment.eml",
    ];
    for round in 0..rounds {
        let mut bytes = fs::read(fixture(fixtures[round % fixtures.len()])).unwrap();
        for _ in 0..(1 + rng.next() % 8) {
            let at = rng.next() as usize % bytes.len();
            match rng.next() % 3 {
                0 => bytes[at] = rng.next() as u8,
                1 => bytes.truncate(at.max(1)),
                _ => bytes.insert(at, [b'\n', b'-', b'=', b'\r', 0xff][rng.next() as usize % 5]),
            }
        }
        fs::write(&path, &bytes).unwrap();
        if let Err(problem) = read_eml(&path) {
            assert!(problem.reason.starts_with("The message in garbage.eml"), "{problem}");
        }
    }

    // The mbox too, with its separators' dates garbled, characters cut, lines joined and split.
    let whole = fs::read(fixture("thunderbird-thread.mbox")).unwrap();
    for _ in 0..rounds {
        let mut bytes = whole.clone();
        for _ in 0..(1 + rng.next() % 12) {
            if bytes.is_empty() {
                break;
            }
            let at = rng.next() as usize % bytes.len();
            let noise: &[u8] = [
                &b"\n"[..],
                b"From ",
                b">",
                "€".as_bytes(),
                &[0xe2],
                b"\r\n",
                b"--",
                "\n\nFrom x Mo€ 15 10:00:00 2024\n".as_bytes(),
            ][rng.next() as usize % 8];
            match rng.next() % 3 {
                0 => drop(bytes.splice(at..at, noise.iter().copied())),
                1 => drop(bytes.remove(at)),
                _ => bytes.truncate(at.max(1)),
            }
        }
        let items: Vec<MailItem> = MboxReader::new(bytes.as_slice(), "Inbox", 0).collect();
        let offsets: Vec<u64> = items
            .iter()
            .map(|i| match i {
                Ok(found) => found.place.offset.unwrap(),
                Err(problem) => problem.place.offset.unwrap(),
            })
            .collect();
        assert!(offsets.windows(2).all(|w| w[0] < w[1]), "places in order: {offsets:?}");
    }
}

#[test]
fn an_unescaped_from_line_in_a_body_does_not_split_the_message() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("Sent");
    let mbox = "From sam@x Mon Jan 22 09:00:00 2024\nFrom: Sam <sam@rapport-consulting.example>\nSubject: Notes\n\n\
                Notes from the call:\n\nFrom 2024 on, billing is quarterly.\n\n\
                From anna@kestrel.example Mon Jan 22 08:00:00 2024\nwas the line in the log.\n\n\
                From anna@x Mon Jan 22 10:00:00 2024\nFrom: Anna <anna.berg@kestrel.example>\nSubject: Re: Notes\n\nThanks!\n";
    fs::write(&path, mbox).unwrap();
    let found = messages(&MailSource::Mbox(path));
    assert_eq!(found.len(), 2);
    assert!(
        found[0].value.body.contains("From 2024 on")
            && found[0].value.body.contains("was the line in the log.")
    );
    assert_eq!(found[1].value.body, "Thanks!");
    assert_eq!(found[1].place.offset, Some(mbox.find("From anna@x").unwrap() as u64));
}

#[test]
fn a_message_without_a_sender_is_a_problem_placed_by_its_byte_and_the_next_is_read() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("Inbox.mbox");
    let first = "From x Mon Jan 22 09:00:00 2024\nTo: sam@rapport-consulting.example\nSubject: draft\n\nno sender\n\n";
    let padding = "x".repeat(1200);
    let second = format!("From y Mon Jan 22 09:00:00 2024\nFrom: a@b.example\nX-Pad: {padding}\n\nfine\n\n");
    let third = "From z Mon Jan 22 09:00:00 2024\nSubject: again\n\n\n";
    fs::write(&path, format!("{first}{second}{third}")).unwrap();
    let items: Vec<MailItem> = MailSource::Mbox(path).messages().collect();
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[0].as_ref().unwrap_err().reason,
        "The message at byte 0 of Inbox.mbox has no sender, so it was skipped. If it matters, open it in your mail program and check its From line."
    );
    assert_eq!(items[1].as_ref().unwrap().value.body, "fine");
    let third = items[2].as_ref().unwrap_err();
    assert!(third.reason.starts_with("The message at byte 1,3"), "{}", third.reason);
    assert_eq!(third.place.offset, Some((first.len() + second.len()) as u64));
}

/// A recording of 50 MB, base64 in lines of 76, between two text parts.
fn write_big_message(out: &mut impl Write, from_line: bool) {
    if from_line {
        writeln!(out, "From sam@x Tue Jan 23 09:00:00 2024").unwrap();
    }
    write!(
        out,
        "From: Anna Berg <anna.berg@kestrel.example>\nSubject: The recording\nContent-Type: multipart/mixed; boundary=\"big\"\n\n\
         --big\nContent-Type: text/plain\n\nPlease find the recording of the workshop attached.\n\
         --big\nContent-Type: video/mp4; name=\"workshop.mp4\"\nContent-Disposition: attachment; filename=\"workshop.mp4\"\nContent-Transfer-Encoding: base64\n\n"
    )
    .unwrap();
    let line = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\n";
    for _ in 0..(50 * 1024 * 1024 / line.len()) {
        out.write_all(line.as_bytes()).unwrap();
    }
    write!(out, "--big\nContent-Type: text/plain\n\nP.S. See you on Thursday.\n--big--\n\n").unwrap();
}

#[test]
fn a_50_mb_attachment_is_read_through_and_never_kept() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("Archive.mbox");
    let mut out = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    write_big_message(&mut out, true);
    out.flush().unwrap();
    let after = out.get_ref().metadata().unwrap().len();
    write!(out, "From y Tue Jan 23 10:00:00 2024\nFrom: Anna Berg <anna.berg@kestrel.example>\nSubject: Next\n\nDid it arrive?\n").unwrap();
    drop(out);

    let found = messages(&MailSource::Mbox(path));
    assert_eq!(found.len(), 2);
    let big = &found[0];
    assert_eq!(
        big.value.body,
        "Please find the recording of the workshop attached.\n\nP.S. See you on Thursday."
    );
    assert!(big.notes.is_empty(), "nothing of the text was left out: {:?}", big.notes);
    assert!(!format!("{big:?}").contains("QUFB") && !format!("{big:?}").contains("workshop.mp4"));
    assert_eq!(found[1].place.offset, Some(after));
    assert_eq!(found[1].value.body, "Did it arrive?");

    let eml = dir.path().join("recording.eml");
    let mut out = std::io::BufWriter::new(fs::File::create(&eml).unwrap());
    write_big_message(&mut out, false);
    drop(out);
    assert_eq!(one(read_eml(&eml)).value.body, big.value.body);
}

#[test]
fn a_huge_text_body_or_a_file_without_line_ends_is_capped() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("log.eml");
    let mut text = String::from("From: ops@kestrel.example\nSubject: The log\n\n");
    for i in 0..60_000 {
        text.push_str(&format!("line {i:06}: everything is fine, nothing to see here\n"));
    }
    fs::write(&path, &text).unwrap();
    let found = one(read_eml(&path));
    assert_eq!(found.value.body.chars().count(), BODY_CHARS);
    assert_eq!(found.notes, ["Only the first 1 MiB of its text was read; the rest was left out."]);

    let mut one_line = b"From: ops@kestrel.example\nSubject: no line ends\n\n".to_vec();
    one_line.resize(one_line.len() + 5 * 1024 * 1024, b'z');
    fs::write(&path, &one_line).unwrap();
    let found = one(read_eml(&path));
    assert_eq!(found.value.body.len(), BODY_CHARS);
    assert!(!found.notes.is_empty());
}

/// True when this process can read a folder nobody may read: root can, so the assertions about
/// permissions are skipped for root.
fn reads_anyway(folder: &Path) -> bool {
    fs::read_dir(folder).is_ok()
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_folder_nobody_may_read_is_a_problem_and_the_others_are_still_read() {
    let dir = TempDir::new().unwrap();
    let folder = dir.path().join("mail");
    let open = folder.join("a-open");
    let locked = folder.join("b-locked");
    fs::create_dir_all(&open).unwrap();
    fs::create_dir_all(&locked).unwrap();
    fs::copy(fixture("out-of-office.eml"), open.join("1.eml")).unwrap();
    fs::copy(fixture("out-of-office.eml"), locked.join("2.eml")).unwrap();
    fs::copy(fixture("out-of-office.eml"), folder.join("c.eml")).unwrap();
    let maildir = dir.path().join("Maildir");
    for sub in ["cur", "new", "tmp"] {
        fs::create_dir_all(maildir.join(sub)).unwrap();
    }
    fs::copy(fixture("out-of-office.eml"), maildir.join("new/1705654822.M1P1.host")).unwrap();
    set_mode(&locked, 0o000);
    set_mode(&maildir.join("cur"), 0o000);
    let skip = reads_anyway(&locked);

    let items: Vec<MailItem> = MailSource::Folder(folder).messages().collect();
    let maildir_items: Vec<MailItem> = MailSource::Maildir(maildir.clone()).messages().collect();
    set_mode(&locked, 0o755);
    set_mode(&maildir.join("cur"), 0o755);
    if skip {
        eprintln!("skipped: this process reads folders nobody may read (root)");
        return;
    }
    assert_eq!(items.len(), 3);
    assert!(items[0].is_ok() && items[2].is_ok());
    let problem = items[1].as_ref().unwrap_err();
    assert_eq!(
        problem.reason,
        format!(
            "Rapport could not open the folder {} (permission denied), so the messages in it were skipped. Give \
             your user account read access to it, or copy the mail somewhere you can read, then try again.",
            locked.display()
        )
    );
    assert_eq!(maildir_items.len(), 2);
    assert!(maildir_items[0].as_ref().is_err_and(|p| p.place.path == maildir.join("cur")));
    assert!(maildir_items[1].is_ok(), "new/ is still read");
}

#[test]
fn a_message_file_nobody_may_read_is_a_problem() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("private.eml");
    fs::copy(fixture("out-of-office.eml"), &path).unwrap();
    set_mode(&path, 0o000);
    let result = read_eml(&path);
    set_mode(&path, 0o644);
    if fs::File::open(dir.path().join("private.eml")).is_ok() && result.is_ok() && reads_anyway(dir.path()) {
        // Root reads it anyway; the missing file is still a problem.
        let missing = read_eml(&dir.path().join("gone.eml")).unwrap_err();
        assert!(missing.reason.contains("(it is not there)"), "{missing}");
        return;
    }
    assert_eq!(
        result.unwrap_err().reason,
        "Rapport could not read the message file private.eml (permission denied), so it was skipped. Check that \
         you may read it, then try again."
    );
}

#[test]
fn a_folder_gone_before_it_is_read_is_a_problem_even_for_root() {
    let dir = TempDir::new().unwrap();
    let gone = dir.path().join("Archive");
    let items: Vec<MailItem> = MailSource::Folder(gone.clone()).messages().collect();
    assert_eq!(items.len(), 1);
    assert!(items[0].as_ref().is_err_and(|p| p.reason.contains("(it is not there)") && p.place.path == gone));
    let items: Vec<MailItem> = MailSource::Maildir(gone.clone()).messages().collect();
    assert!(items[0].as_ref().is_err_and(|p| p.place.path == gone.join("cur")));
    let missing = MboxReader::open(&dir.path().join("Inbox.mbox")).err().unwrap();
    assert_eq!(
        missing.reason,
        "Rapport could not open the mailbox Inbox.mbox (it is not there), so none of its messages were read. Check \
         that the file is there and that you may read it, then try again."
    );
}

/// Mail is read where it lies: nothing in the reader can open a socket (checked by hand too:
/// `strace -e trace=socket,connect` over `examples/mail_scan` on the fixtures sees no call).
#[test]
fn the_mail_reader_names_nothing_that_reaches_the_network() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/interop/mail");
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        for word in ["std::net", "TcpStream", "UdpSocket", "ToSocketAddrs", "reqwest", "ureq", "hyper::"] {
            assert!(!text.contains(word), "{} names {word}", path.display());
        }
    }
}

/// Writes a 100,000-message mbox for measuring by hand (not part of the normal run):
/// `RAPPORT_MAIL_BENCH=/tmp/bench.mbox cargo test --test mail_read -- --ignored --nocapture`,
/// then `cargo run --release --example mail_scan -- /tmp/bench.mbox` beside
/// `cat /tmp/bench.mbox > /dev/null`. Plain replies, Outlook-style alternatives in
/// quoted-printable, newsletters in HTML, and one message in fifty with a 100 KB attachment.
/// Measured on the 2-core machine, release: 100,000 messages (300 MB) in 1.0 s, 2.8 MB peak RSS;
/// `cat` 0.06 s from the page cache.
#[test]
#[ignore]
fn generate_a_100k_message_mbox() {
    let path = std::env::var_os("RAPPORT_MAIL_BENCH")
        .map_or_else(|| std::env::temp_dir().join("bench.mbox"), PathBuf::from);
    let mut out = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    let mut rng = Lcg(100_000);
    let attachment: String = (0..100 * 1024 / 77)
        .map(|_| "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\n")
        .collect();
    for i in 0..100_000u32 {
        let client = [
            "anna.berg@kestrel.example",
            "lucia.fernandez@alcor.example",
            "priya.natarajan@northwind.example",
        ][rng.next() as usize % 3];
        writeln!(out, "From {client} Mon Jan 15 10:{:02}:{:02} 2024", i % 60, i / 60 % 60).unwrap();
        write!(
            out,
            "From: Client <{client}>\nTo: Sam Rivera <sam@rapport-consulting.example>\nDate: Mon, 15 Jan 2024 10:00:00 +0100\n\
             Message-ID: <{i}.{}@bench.example>\nIn-Reply-To: <{}.x@bench.example>\nSubject: =?UTF-8?Q?Re:_Verl=C3=A4ngerung_{i}?=\nMIME-Version: 1.0\n",
            rng.next(),
            i.saturating_sub(1)
        )
        .unwrap();
        let paragraph = "Thanks for the update. We reviewed the proposal with the team and would like to discuss the renewal terms, \
                         the training calendar and the support hours on Thursday.\n";
        match i % 50 {
            0 => write!(
                out,
                "Content-Type: multipart/mixed; boundary=\"b{i}\"\n\n--b{i}\nContent-Type: text/plain\n\n{paragraph}\n--b{i}\n\
                 Content-Type: application/pdf; name=\"offer.pdf\"\nContent-Transfer-Encoding: base64\n\n{attachment}--b{i}--\n\n"
            )
            .unwrap(),
            1..=20 => write!(
                out,
                "Content-Type: multipart/alternative; boundary=\"a{i}\"\n\n--a{i}\nContent-Type: text/plain; charset=utf-8\n\
                 Content-Transfer-Encoding: quoted-printable\n\n{p}{p}\nOn Monday Sam wrote:\n> earlier text\n> more\n\n--a{i}\n\
                 Content-Type: text/html; charset=utf-8\n\n<html><body><p>{paragraph}</p><p>{paragraph}</p></body></html>\n--a{i}--\n\n",
                p = paragraph.replace("ü", "=C3=BC")
            )
            .unwrap(),
            21..=25 => write!(
                out,
                "List-Unsubscribe: <mailto:u@news.example>\nContent-Type: text/html; charset=utf-8\n\n<html><head><style>p {{ margin: 0 }}</style></head>\
                 <body><table><tr><td><h1>Issue {i}</h1><p>{paragraph}</p></td></tr></table></body></html>\n\n"
            )
            .unwrap(),
            _ => write!(out, "Content-Type: text/plain; charset=utf-8\n\n{paragraph}{paragraph}\n-- \nClient\n\n").unwrap(),
        }
    }
    out.flush().unwrap();
    eprintln!("wrote {} ({} bytes)", path.display(), out.get_ref().metadata().unwrap().len());
}
