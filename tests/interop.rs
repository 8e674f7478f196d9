//! Importing from and exporting to the tools account managers already use, on real files:
//! CSV from a CRM, vCard from an address book, iCalendar from a calendar. Each import previews
//! exactly what it will do, writes nothing when a line is bad unless told to import the rest,
//! and a second import of the same file changes nothing.

mod common;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rapport::domain::{AccountDraft, ContactDraft, DateKind, ImportantDate, MeetingDraft};
use rapport::service::{ExchangeReport, ExportFormat, FeedSettings, FileFormat, ImportOptions, Outcome};
use rapport::store::RecordKind;
use rapport::{Error, Rapport};
use rusqlite::Connection;
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

fn open(dir: &TempDir, name: &str) -> (Rapport, PathBuf) {
    let db = dir.path().join(name);
    (Rapport::open(&db, now()).unwrap(), db)
}

fn file(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn import(r: &mut Rapport, path: &Path, options: &ImportOptions) -> ExchangeReport {
    r.import_file(path, options, false, now()).unwrap()
}

fn outcomes(report: &ExchangeReport) -> Vec<(u32, RecordKind, Outcome, String)> {
    report.records.iter().map(|r| (r.line, r.kind, r.outcome, r.label.clone())).collect()
}

/// A CRM export as Excel writes it in much of Europe: Windows-1252, semicolons, CRLF.
fn crm_export() -> Vec<u8> {
    let text = "Company Name;First Name;Last Name;Job Title;Email;Phone Number;Time Zone;Birthday;Lead Source\r\n\
                Kiyomizu Foods;Aiko;Tanaka;COO;aiko@kiyomizu.jp;+81 3 1234 5678;Asia/Tokyo;--03-14;Fair\r\n\
                Kiyomizu Foods;Ben;Ito;Buyer;ben@kiyomizu.jp;;;1985-07-02;\r\n\
                Société Générale;Hélène;Marchand;Directrice;helene@sg.fr;;Europe/Paris;;Web\r\n";
    encoding_rs::WINDOWS_1252.encode(text).0.into_owned()
}

#[test]
fn a_crm_export_is_previewed_then_imported_and_a_second_import_changes_nothing() {
    let dir = TempDir::new().unwrap();
    let (mut r, db) = open(&dir, "rapport.db");
    let csv = file(&dir, "crm.csv", &crm_export());

    let source = r.inspect_import(&csv).unwrap();
    assert_eq!((source.format, source.label.as_str()), (FileFormat::Csv, "CSV"));
    let layout = source.csv.unwrap();
    assert_eq!(layout.delimiter, ";");
    assert_eq!(layout.header[0], "Company Name");
    assert_eq!(layout.rows, 3);

    let before = common::contents(&db);
    let preview = r.import_file(&csv, &ImportOptions::default(), true, now()).unwrap();
    assert_eq!(common::contents(&db), before, "a preview writes nothing");
    assert_eq!((preview.created, preview.merged, preview.unchanged), (5, 0, 0));

    let report = import(&mut r, &csv, &ImportOptions::default());
    assert_eq!(outcomes(&report), outcomes(&preview), "the preview says exactly what the import does");
    let people = r.people_cards(None).unwrap();
    let helene = people.iter().find(|p| p.name == "Hélène Marchand").unwrap();
    assert_eq!(helene.company.as_deref(), Some("Société Générale"), "Windows-1252 read as such");
    let aiko = people.iter().find(|p| p.name == "Aiko Tanaka").unwrap();
    assert_eq!(
        aiko.dates,
        vec![ImportantDate { kind: DateKind::Birthday, date: "--03-14".into(), label: None }]
    );
    assert_eq!(aiko.timezone.as_deref(), Some("Asia/Tokyo"));

    let again = import(&mut r, &csv, &ImportOptions::default());
    assert_eq!((again.created, again.merged, again.unchanged), (0, 0, 3));
    assert_eq!(count(&db, "SELECT count(*) FROM contacts"), 3);
    assert_eq!(count(&db, "SELECT count(*) FROM accounts"), 2);
}

#[test]
fn a_changed_row_merges_into_the_person_it_matches_by_email_and_says_what_changes() {
    let dir = TempDir::new().unwrap();
    let (mut r, db) = open(&dir, "rapport.db");
    let first = file(&dir, "a.csv", b"Company,Name,Title,Email\nKiyomizu,Aiko Tanaka,COO,aiko@kiyomizu.jp\n");
    import(&mut r, &first, &ImportOptions::default());
    // The same person, found by email in another case, now CEO with a second address.
    let second = file(
        &dir,
        "b.csv",
        b"Company,Name,Title,Email,Email 2\nKiyomizu,A. Tanaka,CEO,AIKO@kiyomizu.jp,aiko@tanaka.jp\n",
    );
    let preview = r.import_file(&second, &ImportOptions::default(), true, now()).unwrap();
    assert_eq!(preview.records.len(), 1);
    assert_eq!(preview.records[0].outcome, Outcome::Merge);
    assert_eq!(preview.records[0].changes, vec!["job title: COO → CEO", "adds email aiko@tanaka.jp"]);
    import(&mut r, &second, &ImportOptions::default());
    let people = r.people_cards(None).unwrap();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].name, "Aiko Tanaka", "the name Rapport knows is kept");
    assert_eq!(people[0].emails, vec!["aiko@kiyomizu.jp", "aiko@tanaka.jp"]);
    assert_eq!(count(&db, "SELECT count(*) FROM contacts"), 1);
}

#[test]
fn a_person_deleted_and_imported_again_comes_back_instead_of_twice() {
    let dir = TempDir::new().unwrap();
    let (mut r, db) = open(&dir, "rapport.db");
    let csv = file(&dir, "crm.csv", &crm_export());
    import(&mut r, &csv, &ImportOptions::default());
    let id: String = Connection::open(&db)
        .unwrap()
        .query_row("SELECT id FROM contacts WHERE name = 'Ben Ito'", [], |r| r.get(0))
        .unwrap();
    r.archive(RecordKind::Contact, &id, now()).unwrap();

    let report = import(&mut r, &csv, &ImportOptions::default());
    let ben = report.records.iter().find(|p| p.label == "Ben Ito").unwrap();
    assert_eq!(ben.outcome, Outcome::Restore);
    assert_eq!(count(&db, "SELECT count(*) FROM contacts"), 3, "no second Ben");
    assert_eq!(count(&db, "SELECT count(*) FROM contacts WHERE archived_at IS NULL"), 3);
    assert!(r.archived().unwrap().is_empty());
}

#[test]
fn bad_lines_are_reported_by_line_and_nothing_is_written_unless_the_rest_is_wanted() {
    let dir = TempDir::new().unwrap();
    let (mut r, db) = open(&dir, "rapport.db");
    r.add_account(AccountDraft { name: "Kiyomizu".into(), ..Default::default() }, now()).unwrap();
    let csv = file(
        &dir,
        "bad.csv",
        b"Company,Name,Email,Birthday,Time Zone\n\
          Kiyomizu,Aiko Tanaka,aiko@kiyomizu.jp,,\n\
          ,,,1990-01-01,\n\
          Kiyomizu,Ben Ito,ben at kiyomizu,,\n",
    );
    let before = common::contents(&db);
    let err = r.import_file(&csv, &ImportOptions::default(), false, now()).unwrap_err();
    let Error::BadLines { problems, good, .. } = &err else { panic!("{err:?}") };
    assert_eq!(problems.iter().map(|p| p.line).collect::<Vec<_>>(), vec![3]);
    assert_eq!(*good, 2);
    assert!(err.to_string().contains("Line 3: This row has no name, email address or company"), "{err}");
    assert_eq!(common::contents(&db), before, "nothing written, not even the good rows");

    let report = r
        .import_file(&csv, &ImportOptions { skip_bad_rows: true, ..Default::default() }, false, now())
        .unwrap();
    assert_eq!((report.read, report.created, report.problems.len()), (3, 2, 1));
    assert_eq!(count(&db, "SELECT count(*) FROM contacts"), 2);
}

#[test]
fn one_bad_value_is_left_out_and_said_and_the_person_kept() {
    let dir = TempDir::new().unwrap();
    let (mut r, db) = open(&dir, "rapport.db");
    r.add_account(AccountDraft { name: "Kiyomizu".into(), ..Default::default() }, now()).unwrap();
    let csv = file(
        &dir,
        "values.csv",
        b"Company,Name,Email,Birthday,Time Zone\n\
          Kiyomizu,,nobody@kiyomizu.jp,,\n\
          Kiyomizu,Ben Ito,ben at kiyomizu,,\n\
          Kiyomizu,Chie Mori,chie@kiyomizu.jp,04/05/1990,\n\
          Kiyomizu,Dai Sato,dai@kiyomizu.jp,,Mars/Olympus\n",
    );
    let report = import(&mut r, &csv, &ImportOptions::default());
    assert_eq!((report.read, report.created, report.problem_count), (4, 4, 0), "{report:?}");
    let said: Vec<(u32, &str)> = report.left_out.iter().map(|p| (p.line, p.message.as_str())).collect();
    assert_eq!(said.iter().map(|(line, _)| *line).collect::<Vec<_>>(), vec![3, 4, 5]);
    assert!(
        said[0].1.contains("\u{201c}ben at kiyomizu\u{201d} is not an email address, so it was left out")
    );
    assert!(said[1].1.contains("\"04/05/1990\" could be the 4th of month 5"), "{}", said[1].1);
    assert!(
        said[2].1.contains("\"Mars/Olympus\" is not a time zone")
            && said[2].1.ends_with("Dai Sato was imported without it.")
    );
    let people = r.people_cards(None).unwrap();
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["Ben Ito", "Chie Mori", "Dai Sato", "nobody@kiyomizu.jp"], "named by the address");
    assert_eq!(count(&db, "SELECT count(*) FROM contacts WHERE timezone IS NULL"), 4);
}

#[test]
fn people_without_a_company_go_to_the_chosen_account_or_are_reported() {
    let dir = TempDir::new().unwrap();
    let (mut r, db) = open(&dir, "rapport.db");
    let account =
        r.add_account(AccountDraft { name: "Kiyomizu".into(), ..Default::default() }, now()).unwrap();
    let csv = file(&dir, "people.csv", b"Name,Email\nAiko Tanaka,aiko@kiyomizu.jp\n");
    let err = r.import_file(&csv, &ImportOptions::default(), false, now()).unwrap_err();
    assert!(err.to_string().contains("Line 2: Aiko Tanaka has no company"), "{err}");
    assert_eq!(count(&db, "SELECT count(*) FROM contacts"), 0);
    let options = ImportOptions { account_id: Some(account.id.clone()), ..Default::default() };
    import(&mut r, &csv, &options);
    assert_eq!(r.people_cards(Some(&account.id)).unwrap().len(), 1);
}

#[test]
fn the_users_mapping_replaces_the_suggestion() {
    let dir = TempDir::new().unwrap();
    let (mut r, _db) = open(&dir, "rapport.db");
    let csv =
        file(&dir, "odd.csv", "Firma\tWer\tKontakt\nKiyomizu\tAiko Tanaka\taiko@kiyomizu.jp\n".as_bytes());
    use rapport::interop::csv::Column;
    let err = r.import_file(&csv, &ImportOptions::default(), true, now()).unwrap_err();
    assert!(
        err.to_string().contains("No column is mapped to a name, an email address or a company"),
        "{err}"
    );
    let options = ImportOptions {
        mapping: Some(vec![Column::Company, Column::Name, Column::Email]),
        ..Default::default()
    };
    import(&mut r, &csv, &options);
    let people = r.people_cards(None).unwrap();
    assert_eq!(people[0].emails, vec!["aiko@kiyomizu.jp"]);
    assert_eq!(people[0].company.as_deref(), Some("Kiyomizu"));
}

#[test]
fn a_companies_file_makes_and_updates_accounts() {
    let dir = TempDir::new().unwrap();
    let (mut r, db) = open(&dir, "rapport.db");
    let csv = file(
        &dir,
        "companies.csv",
        b"Account Name,Industry,Tier,Renewal Date,Time Zone\nKiyomizu Foods,Food,strategic,2027-03-31,Asia/Tokyo\nNordlicht,Energy,,,\n",
    );
    let report = import(&mut r, &csv, &ImportOptions::default());
    assert_eq!(report.created, 2);
    let updated = file(&dir, "companies2.csv", b"Account Name,Tier\nkiyomizu foods,core\n");
    let report = import(&mut r, &updated, &ImportOptions::default());
    assert_eq!(report.records[0].outcome, Outcome::Merge);
    assert_eq!(report.records[0].changes, vec!["tier: strategic → core"]);
    assert_eq!(count(&db, "SELECT count(*) FROM accounts"), 2);
    let tz: String = Connection::open(&db)
        .unwrap()
        .query_row("SELECT timezone FROM accounts WHERE name = 'Kiyomizu Foods'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tz, "Asia/Tokyo");
}

#[test]
fn an_import_takes_a_backup_first() {
    let dir = TempDir::new().unwrap();
    let (mut r, _db) = open(&dir, "rapport.db");
    r.add_account(AccountDraft { name: "Kiyomizu".into(), ..Default::default() }, now()).unwrap();
    let csv = file(&dir, "crm.csv", &crm_export());
    let report = import(&mut r, &csv, &ImportOptions::default());
    let backup = report.backup.expect("a copy from before");
    assert!(backup.contains("before-import"), "{backup}");
    assert!(Path::new(&backup).exists());
}

const ADDRESS_BOOK: &str = "BEGIN:VCARD\r\n\
VERSION:3.0\r\n\
FN:Aiko Tanaka\r\n\
N:Tanaka;Aiko;;;\r\n\
ORG:Kiyomizu Foods;Operations\r\n\
TITLE:COO\r\n\
EMAIL;TYPE=INTERNET,WORK,pref:aiko@kiyomizu.jp\r\n\
EMAIL;TYPE=INTERNET,HOME:aiko@tanaka.jp\r\n\
TEL;TYPE=CELL:+81 90 1234 5678\r\n\
TEL;TYPE=WORK:+81 3 1234 5678\r\n\
BDAY:--0314\r\n\
PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIx\r\n \
 wcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIy\r\n\
X-SOCIALPROFILE;TYPE=twitter:aiko\r\n\
NOTE:Prefers a call before nine\\, Tokyo time.\\nLoves baseball.\r\n\
END:VCARD\r\n\
BEGIN:VCARD\r\n\
VERSION:4.0\r\n\
FN:Hélène Marchand\r\n\
ORG:Société Générale\r\n\
EMAIL;PREF=1:helene@sg.fr\r\n\
BDAY:19800229\r\n\
ANNIVERSARY:20050618\r\n\
TZ:Europe/Paris\r\n\
END:VCARD\r\n";

#[test]
fn an_address_book_is_imported_once_whatever_it_carries() {
    let dir = TempDir::new().unwrap();
    let (mut r, db) = open(&dir, "rapport.db");
    let vcf = file(&dir, "contacts.vcf", ADDRESS_BOOK.as_bytes());
    let source = r.inspect_import(&vcf).unwrap();
    assert_eq!(
        (source.format, source.label.as_str(), source.csv),
        (FileFormat::Vcard, "vCard address book", None)
    );
    let report = import(&mut r, &vcf, &ImportOptions::default());
    assert_eq!((report.created, report.problems.len()), (4, 0), "{report:?}");
    assert!(report.skipped.contains(&"PHOTO".to_string()), "{:?}", report.skipped);
    let people = r.people_cards(None).unwrap();
    let aiko = people.iter().find(|p| p.name == "Aiko Tanaka").unwrap();
    assert_eq!(aiko.company.as_deref(), Some("Kiyomizu Foods"));
    assert_eq!(aiko.emails, vec!["aiko@kiyomizu.jp", "aiko@tanaka.jp"]);
    assert_eq!(aiko.phones.len(), 2);
    assert_eq!(aiko.dates[0].date, "--03-14");
    assert_eq!(aiko.notes.as_deref(), Some("Prefers a call before nine, Tokyo time.\nLoves baseball."));
    let helene = people.iter().find(|p| p.name == "Hélène Marchand").unwrap();
    assert!(helene.dates.iter().any(|d| d.kind == DateKind::Birthday && d.date == "1980-02-29"));
    assert!(helene.dates.iter().any(|d| d.kind == DateKind::Other && d.date == "2005-06-18"));

    let again = import(&mut r, &vcf, &ImportOptions::default());
    assert_eq!((again.created, again.unchanged), (0, 2));
    assert_eq!(count(&db, "SELECT count(*) FROM contacts"), 2);
}

#[test]
fn people_go_out_as_vcard_and_csv_and_come_back_the_same() {
    let dir = TempDir::new().unwrap();
    let (mut r, _db) = open(&dir, "rapport.db");
    let account = r
        .add_account(AccountDraft { name: "Kiyomizu; Foods, Ltd".into(), ..Default::default() }, now())
        .unwrap();
    r.add_contact(
        ContactDraft {
            account_id: account.id.clone(),
            name: "Aiko Tanaka".into(),
            title: Some("COO, Japan".into()),
            email: Some("aiko@kiyomizu.jp".into()),
            other_emails: vec!["aiko@tanaka.jp".into()],
            phone: Some("+81 3 1234".into()),
            other_phones: vec!["+81 90 5678".into()],
            timezone: Some("Asia/Tokyo".into()),
            dates: vec![
                ImportantDate { kind: DateKind::Birthday, date: "--02-29".into(), label: None },
                ImportantDate { kind: DateKind::WorkAnniversary, date: "2019-04-01".into(), label: None },
            ],
            notes: Some("Line one;\nline two \\ with a backslash, and 日本語 ⚾".into()),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    let original = r.people_cards(None).unwrap();
    for format in [ExportFormat::Vcard, ExportFormat::Vcard3, ExportFormat::Csv] {
        let out = dir.path().join(format!("people.{}", format.extension()));
        r.export_to(&out, format, None, now()).unwrap();
        let (mut other, _) = open(&dir, &format!("other-{format:?}.db"));
        let report = import(&mut other, &out, &ImportOptions::default());
        assert!(report.problems.is_empty(), "{format:?}: {:?}", report.problems);
        let mut back = other.people_cards(None).unwrap();
        back[0].line = original[0].line;
        assert_eq!(back, original, "{format:?}");
    }
}

const CALENDAR: &str = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n\
BEGIN:VTIMEZONE\r\n\
TZID:W. Europe Standard Time\r\n\
BEGIN:STANDARD\r\n\
DTSTART:16011028T030000\r\n\
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
END:STANDARD\r\n\
BEGIN:DAYLIGHT\r\n\
DTSTART:16010325T020000\r\n\
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
END:DAYLIGHT\r\n\
END:VTIMEZONE\r\n\
BEGIN:VEVENT\r\n\
UID:040000008200E00074C5B7101A82E00800000000\r\n\
SUMMARY:Quarterly review\r\n\
DTSTART;TZID=W. Europe Standard Time:20261201T100000\r\n\
DTEND;TZID=W. Europe Standard Time:20261201T113000\r\n\
LOCATION:Paris\r\n\
ORGANIZER;CN=Me:mailto:me@ours.com\r\n\
ATTENDEE;CN=Hélène Marchand;ROLE=REQ-PARTICIPANT:mailto:HELENE@sg.fr\r\n\
ATTENDEE;CN=Someone Else:mailto:someone@else.com\r\n\
DESCRIPTION:Renewal\\, pricing and the roadmap. A long line that goes on and on so that \r\n\
 it has to be folded by the calendar that wrote it.\r\n\
X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\n\
BEGIN:VALARM\r\n\
TRIGGER:-PT15M\r\n\
ACTION:DISPLAY\r\n\
END:VALARM\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:all-day-1\r\n\
SUMMARY:Offsite\r\n\
DTSTART;VALUE=DATE:20261205\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

fn with_helene(r: &mut Rapport) -> String {
    let account = r
        .add_account(
            AccountDraft {
                name: "Société Générale".into(),
                timezone: Some("Europe/Paris".into()),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    r.add_contact(
        ContactDraft {
            account_id: account.id.clone(),
            name: "Hélène Marchand".into(),
            email: Some("helene@sg.fr".into()),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    account.id
}

#[test]
fn meetings_come_from_a_calendar_with_their_people_and_zone_and_only_once() {
    let dir = TempDir::new().unwrap();
    let (mut r, db) = open(&dir, "rapport.db");
    let account = with_helene(&mut r);
    let ics = file(&dir, "outlook.ics", CALENDAR.as_bytes());
    let report = import(&mut r, &ics, &ImportOptions { skip_bad_rows: true, ..Default::default() });
    assert_eq!(report.created, 1, "{report:?}");
    assert_eq!(report.problems.len(), 1, "the all-day event is not a meeting");
    assert!(report.problems[0].message.contains("all day"), "{:?}", report.problems);
    let meetings = r.account_page(&account, now()).unwrap().meetings;
    assert_eq!(meetings.len(), 1);
    let m = &meetings[0];
    assert_eq!(m.starts_at, "2026-12-01T09:00:00Z".parse::<DateTime<Utc>>().unwrap());
    assert_eq!(m.ends_at, "2026-12-01T10:30:00Z".parse::<DateTime<Utc>>().unwrap());
    assert_eq!(m.timezone.as_deref(), Some("Europe/Berlin"));
    assert_eq!(m.attendee_ids.len(), 1, "Hélène, matched by email in another case");
    assert!(m.agenda.starts_with("Renewal, pricing"), "{}", m.agenda);

    let again = import(&mut r, &ics, &ImportOptions { skip_bad_rows: true, ..Default::default() });
    assert_eq!((again.created, again.unchanged), (0, 1));
    assert_eq!(count(&db, "SELECT count(*) FROM meetings"), 1);
}

#[test]
fn the_calendar_goes_out_with_its_zones_and_comes_back_to_the_same_instants() {
    let dir = TempDir::new().unwrap();
    let (mut r, _db) = open(&dir, "rapport.db");
    let account = with_helene(&mut r);
    let ics = file(&dir, "outlook.ics", CALENDAR.as_bytes());
    import(&mut r, &ics, &ImportOptions { skip_bad_rows: true, ..Default::default() });
    // One meeting made in Rapport, without a zone of its own.
    let helene = r.people_cards(None).unwrap();
    assert_eq!(helene.len(), 1);
    let helene_id = r.account_page(&account, now()).unwrap().contacts[0].id.clone();
    r.add_meeting(
        MeetingDraft {
            account_id: account.clone(),
            starts_at: "2026-11-30T15:00:00Z".into(),
            title: "Call".into(),
            attendee_ids: vec![helene_id],
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    let out = dir.path().join("rapport.ics");
    r.export_to(&out, ExportFormat::Ics, None, now()).unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("DTSTART;TZID=Europe/Berlin:20261201T100000"), "{text}");
    assert!(text.contains("BEGIN:VTIMEZONE"), "{text}");

    // Into a database that knows Hélène: the same two meetings at the same instants, once.
    let (mut other, _) = open(&dir, "other.db");
    with_helene(&mut other);
    let options = ImportOptions { skip_bad_rows: true, ..Default::default() };
    let first = import(&mut other, &out, &options);
    let second = import(&mut other, &out, &options);
    assert_eq!(second.created, 0, "{second:?}");
    let mine = r.account_page(&account, now()).unwrap().meetings;
    let theirs_account = other.accounts(now()).unwrap()[0].id.clone();
    let theirs = other.account_page(&theirs_account, now()).unwrap().meetings;
    let key = |m: &rapport::domain::Meeting| (m.starts_at, m.ends_at, m.title.clone(), m.timezone.clone());
    let mut mine: Vec<_> = mine.iter().map(key).collect();
    let mut theirs: Vec<_> = theirs.iter().map(key).collect();
    mine.sort();
    theirs.sort();
    assert_eq!(theirs.len(), mine.len(), "{first:?}");
    for ((a_start, a_end, _, a_zone), (b_start, b_end, _, b_zone)) in mine.iter().zip(&theirs) {
        assert_eq!((a_start, a_end, a_zone), (b_start, b_end, b_zone));
    }
}

#[test]
fn a_malformed_file_is_refused_by_line_and_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let (mut r, db) = open(&dir, "rapport.db");
    with_helene(&mut r);
    let before = common::contents(&db);
    for (name, text, line) in [
        ("open.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Aiko\nBEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n", 1),
        ("quote.csv", "Name,Email\nAiko,\"aiko@k.jp\nBen,ben@k.jp\n", 2),
        ("nothing.ics", "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", 1),
    ] {
        let path = file(&dir, name, text.as_bytes());
        let err = r.import_file(&path, &ImportOptions::default(), false, now()).unwrap_err();
        let Error::BadLines { problems, .. } = &err else { panic!("{name}: {err:?}") };
        assert_eq!(problems[0].line, line, "{name}: {problems:?}");
        assert_eq!(common::contents(&db), before, "{name}");
    }
}

#[test]
fn birthdays_without_a_year_stay_on_their_day_in_every_zone() {
    let dir = TempDir::new().unwrap();
    let (mut r, db) = open(&dir, "rapport.db");
    let vcf = file(&dir, "contacts.vcf", ADDRESS_BOOK.as_bytes());
    import(&mut r, &vcf, &ImportOptions::default());
    drop(r);
    let mut feeds = Vec::new();
    for zone in ["Etc/GMT+12", "UTC", "Pacific/Kiritimati", "America/Sao_Paulo"] {
        let out = assert_cmd::Command::cargo_bin("rapport")
            .unwrap()
            .env("TZ", zone)
            .args(["--db", db.to_str().unwrap(), "--at", "2026-11-23T23:30:00Z", "export", "--format", "ics"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("DTSTART;VALUE=DATE:20000314"), "{zone}: {text}");
        feeds.push(text);
    }
    assert!(feeds.windows(2).all(|w| w[0] == w[1]), "the feed does not depend on the machine's zone");
}

#[test]
fn the_calendar_file_is_written_where_the_user_chose_and_refreshed() {
    let dir = TempDir::new().unwrap();
    let (mut r, _db) = open(&dir, "rapport.db");
    with_helene(&mut r);
    let missing =
        r.save_feed_settings(FeedSettings { path: Some("/no/such/folder/rapport.ics".into()) }, now());
    assert!(matches!(missing, Err(Error::Validation { field: "path", .. })), "{missing:?}");
    let path = dir.path().join("rapport.ics");
    r.save_feed_settings(FeedSettings { path: Some(path.display().to_string()) }, now()).unwrap();
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("BEGIN:VCALENDAR"));
    std::fs::remove_file(&path).unwrap();
    assert_eq!(r.refresh_feed(now()).unwrap(), Some(path.clone()));
    assert!(path.exists());
    r.save_feed_settings(FeedSettings { path: None }, now()).unwrap();
    assert_eq!(r.refresh_feed(now()).unwrap(), None);
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/interop").join(name)
}

#[test]
fn hand_made_samples_of_real_exports_read_as_their_tools_meant() {
    let dir = TempDir::new().unwrap();
    let (mut r, db) = open(&dir, "rapport.db");

    // HubSpot: a UTF-8 BOM, commas, a quoted comma, a second email and a mobile column.
    let report = import(&mut r, &sample("hubspot-bom.csv"), &ImportOptions::default());
    assert_eq!(report.problems, vec![]);
    let people = r.people_cards(None).unwrap();
    let aiko = people.iter().find(|p| p.name == "Aiko Tanaka").unwrap();
    assert_eq!(aiko.emails, vec!["aiko@kiyomizu.jp", "aiko@tanaka.jp"]);
    assert_eq!(aiko.phones, vec!["+81 90 1111", "+81 3 1234 5678"]);
    let sam = people.iter().find(|p| p.name == "Sam Okafor").unwrap();
    assert_eq!(sam.title.as_deref(), Some("Head of Ops, West Africa"));

    // Excel in Europe: Windows-1252, semicolons, quotes doubled inside a quoted field. Aiko is
    // the same person (same email) and is merged, not added.
    let report = import(&mut r, &sample("crm-excel-1252.csv"), &ImportOptions::default());
    let aiko_line = report.records.iter().find(|p| p.label == "Aiko Tanaka").unwrap();
    assert_eq!(aiko_line.outcome, Outcome::Merge, "{report:?}");
    let people = r.people_cards(None).unwrap();
    let jorg = people.iter().find(|p| p.name == "Jörg Müller").unwrap();
    assert_eq!(jorg.company.as_deref(), Some("Nordlicht; Energie"));
    assert_eq!(jorg.title.as_deref(), Some("Leiter \"Einkauf\""));
    assert_eq!(jorg.dates[0].date, "1970-03-14");

    // An address book mixing 2.1 (quoted-printable), 3.0 (PHOTO folded over lines) and 4.0.
    let report = import(&mut r, &sample("address-book.vcf"), &ImportOptions::default());
    assert_eq!(report.problems, vec![]);
    assert!(report.skipped.contains(&"PHOTO".to_string()));
    let jorg_again = report.records.iter().find(|p| p.label == "Jörg Müller").unwrap();
    assert_eq!(
        jorg_again.outcome,
        Outcome::Unchanged,
        "the quoted-printable name is matched by email: {report:?}"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM contacts WHERE name = 'Jörg Müller'"), 1);

    // Google Calendar: a weekly meeting (six, one cancelled by EXDATE) with Aiko, and an event
    // cancelled as a whole.
    let report = import(&mut r, &sample("google.ics"), &ImportOptions::default());
    assert_eq!(report.created, 1, "one series: {report:?}");
    assert_eq!(
        report.records[0].changes[0],
        "repeats weekly on Thursday, 6 times: 5 meetings from 3 Dec 2026 to 7 Jan 2027"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM meetings WHERE title = 'Weekly sync'"), 5);
    assert_eq!(count(&db, "SELECT count(*) FROM meetings WHERE title = 'Dropped'"), 0);
    let first: String = Connection::open(&db)
        .unwrap()
        .query_row("SELECT min(starts_at) FROM meetings WHERE title = 'Weekly sync'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(first, "2026-12-03T14:00:00Z", "09:00 in New York in December");
    let again = import(&mut r, &sample("google.ics"), &ImportOptions::default());
    assert_eq!((again.created, again.unchanged), (0, 1));
}

#[test]
fn a_file_too_large_to_be_an_export_or_an_archive_is_turned_away_with_what_to_do() {
    let dir = TempDir::new().unwrap();
    let (mut r, db) = open(&dir, "rapport.db");
    let huge = dir.path().join("huge.csv");
    // Sparse: the size is known without writing 257 MB, and refused before a byte is read.
    std::fs::File::create(&huge).unwrap().set_len(257 * 1024 * 1024).unwrap();
    let err = r.import_file(&huge, &ImportOptions::default(), true, now()).unwrap_err();
    assert!(err.to_string().contains("256 MB at most"), "{err}");
    let archive = file(&dir, "rapport.json", r.export_archive(now()).unwrap().as_bytes());
    let before = common::contents(&db);
    let err = r.import_file(&archive, &ImportOptions::default(), false, now()).unwrap_err();
    assert!(err.to_string().contains("Import archive…"), "{err}");
    assert_eq!(common::contents(&db), before);
}
