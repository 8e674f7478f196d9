//! Real address books and CRM exports (issue 23): the cards of iPhone, Android, Gmail, Outlook,
//! Evolution, Lotus Notes, Mac OS X and Thunderbird kept in `tests/fixtures/interop/` (their
//! sources are in its README), and samples of the CSV layouts of Google, Outlook, Thunderbird,
//! HubSpot and Salesforce. Each is imported whole, and every round trip (address book → Rapport
//! → vCard 3.0 and 4.0, CSV → Rapport → CSV) keeps every field Rapport stores. What Rapport
//! writes is checked by an independent reader, the `ical` crate's vCard parser, not by the
//! `calcard` crate Rapport itself reads and writes with.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rapport::Rapport;
use rapport::domain::{AccountDraft, DateKind, NameParts};
use rapport::interop::PersonCard;
use rapport::service::{ExchangeReport, ExportFormat, ImportOptions};
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/interop").join(name)
}

/// A new database with one account for the people a file does not place.
fn fresh(dir: &TempDir, name: &str) -> (Rapport, ImportOptions) {
    let mut r = Rapport::open(&dir.path().join(name), now()).unwrap();
    let account =
        r.add_account(AccountDraft { name: "Address book".into(), ..Default::default() }, now()).unwrap();
    (r, ImportOptions { account_id: Some(account.id), ..Default::default() })
}

/// A property's parameters (name and values) and its value as written.
type Written = (Vec<(String, Vec<String>)>, String);

/// One card as the independent reader sees it: each property's values, unescaped.
#[derive(Debug, Default, Clone)]
struct Independent {
    properties: BTreeMap<String, Vec<Written>>,
}

impl Independent {
    fn all(&self, name: &str) -> Vec<String> {
        self.properties
            .get(name)
            .map(|v| v.iter().map(|(_, value)| unescape(value)).collect())
            .unwrap_or_default()
    }

    fn one(&self, name: &str) -> Option<String> {
        self.all(name).into_iter().next()
    }

    /// A structured value (N, ORG): its components, each a list of words.
    fn components(&self, name: &str) -> Option<Vec<Vec<String>>> {
        let (_, raw) = self.properties.get(name)?.first()?;
        let mut parts: Vec<Vec<String>> = split_unescaped(raw, ';')
            .iter()
            .map(|part| {
                split_unescaped(part, ',').iter().map(|w| unescape(w)).filter(|w| !w.is_empty()).collect()
            })
            .collect();
        while parts.last().is_some_and(Vec::is_empty) {
            parts.pop();
        }
        Some(parts)
    }

    fn quoted_printable(&self, name: &str) -> bool {
        self.properties.get(name).into_iter().flatten().any(|(params, _)| {
            params.iter().any(|(k, v)| {
                k.eq_ignore_ascii_case("ENCODING")
                    && v.iter().any(|v| v.eq_ignore_ascii_case("QUOTED-PRINTABLE"))
                    || k.eq_ignore_ascii_case("QUOTED-PRINTABLE")
            })
        })
    }
}

/// Splits at `sep` where it is not escaped by a backslash.
fn split_unescaped(text: &str, sep: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut escaped = false;
    for c in text.chars() {
        if escaped {
            parts.last_mut().unwrap().push('\\');
            parts.last_mut().unwrap().push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            parts.push(String::new());
        } else {
            parts.last_mut().unwrap().push(c);
        }
    }
    parts
}

/// RFC 6350's escapes: `\n` (or `\N`), `\,`, `\;`, `\\`.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

/// Every card of a vCard text Rapport wrote, read by the `ical` crate.
fn independently(text: &str) -> Vec<Independent> {
    leniently(text).unwrap_or_else(|e| panic!("the independent reader refuses Rapport's vCard: {e}\n{text}"))
}

/// Every card of a vCard text, or why the `ical` crate cannot read it (it reads 3.0 and 4.0,
/// not 2.1's parameters without a name).
fn leniently(text: &str) -> Result<Vec<Independent>, String> {
    // The crate trims the end of each physical line before unfolding, which drops a space that
    // falls just before a fold; RFC 6350 unfolding (a line break and one space or tab removed)
    // is done here first, and everything else is left to the crate.
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "");
    ical::VcardParser::new(std::io::BufReader::new(unfolded.as_bytes()))
        .map(|card| {
            let card = card.map_err(|e| e.to_string())?;
            let mut seen = Independent::default();
            for p in card.properties {
                let name = p.name.rsplit('.').next().unwrap_or_default().to_uppercase();
                seen.properties
                    .entry(name)
                    .or_default()
                    .push((p.params.unwrap_or_default(), p.value.unwrap_or_default()));
            }
            Ok(seen)
        })
        .collect()
}

fn parts_as_components(parts: &NameParts) -> Vec<Vec<String>> {
    let mut n = vec![
        parts.family.clone(),
        parts.given.clone(),
        parts.additional.clone(),
        parts.prefixes.clone(),
        parts.suffixes.clone(),
    ];
    while n.last().is_some_and(Vec::is_empty) {
        n.pop();
    }
    n
}

/// A day as the independent reader finds it in a BDAY or ANNIVERSARY: Apple's year 1604 with
/// X-APPLE-OMIT-YEAR means no year.
fn day(card: &Independent, name: &str) -> Option<String> {
    let (params, raw) = card.properties.get(name)?.first()?;
    let omit = params.iter().any(|(k, _)| k.eq_ignore_ascii_case("X-APPLE-OMIT-YEAR"));
    let digits: String = raw.split('T').next()?.chars().filter(char::is_ascii_digit).collect();
    Some(match (digits.len(), omit) {
        (8, true) | (4, _) => {
            format!("--{}-{}", &digits[digits.len() - 4..digits.len() - 2], &digits[digits.len() - 2..])
        }
        (8, false) => format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..]),
        _ => raw.clone(),
    })
}

/// What the independent reader finds missing or different between the people Rapport keeps
/// and the vCard it wrote for them; empty when every field made it.
fn differences(people: &[PersonCard], written: &str) -> Vec<String> {
    let cards = independently(written);
    let mut found = Vec::new();
    if cards.len() != people.len() {
        found.push(format!("{} people but {} cards", people.len(), cards.len()));
    }
    for (p, c) in people.iter().zip(&cards) {
        let mut differ = |what: &str, ours: String, theirs: String| {
            if ours != theirs {
                found.push(format!("{}: {what}: {ours:?} was written as {theirs:?}", p.name));
            }
        };
        differ("name", p.name.clone(), c.one("FN").unwrap_or_default());
        let parts = p.name_parts.clone().unwrap_or_else(|| NameParts::split(&p.name));
        differ(
            "name parts",
            format!("{:?}", parts_as_components(&parts)),
            format!("{:?}", c.components("N").unwrap_or_default()),
        );
        differ(
            "company",
            format!("{:?}", p.company),
            format!("{:?}", c.components("ORG").and_then(|o| o.into_iter().next()).map(|w| w.join(","))),
        );
        differ("title", format!("{:?}", p.title), format!("{:?}", c.one("TITLE")));
        differ("emails", format!("{:?}", p.emails), format!("{:?}", c.all("EMAIL")));
        differ("phones", format!("{:?}", p.phones), format!("{:?}", c.all("TEL")));
        differ("notes", format!("{:?}", p.notes), format!("{:?}", c.one("NOTE")));
        let zone = c.one("TZ");
        let zone_kept = match (&p.timezone, &zone) {
            (Some(ours), Some(theirs)) => {
                ours == theirs || ours.starts_with("Etc/GMT") && theirs.starts_with(['+', '-'])
            }
            (None, None) => true,
            _ => false,
        };
        differ(
            "time zone",
            format!("{:?}", p.timezone),
            if zone_kept { format!("{:?}", p.timezone) } else { format!("{zone:?}") },
        );
        for date in &p.dates {
            let property = match (date.kind, date.label.as_deref()) {
                (DateKind::Birthday, _) => "BDAY",
                (DateKind::Other, Some("Anniversary")) => "ANNIVERSARY",
                (DateKind::WorkAnniversary, _) => "X-RAPPORT-WORK-ANNIVERSARY",
                (DateKind::Other, _) => "X-RAPPORT-DATE",
            };
            let written = match property {
                "BDAY" | "ANNIVERSARY" => day(c, property),
                _ => c.all(property).into_iter().find(|d| *d == date.date),
            };
            differ(property, date.date.clone(), written.unwrap_or_default());
        }
    }
    found
}

/// What one real file gives: whether it imports whole, and whether its round trips keep
/// everything (by the independent reader), the name's parts included.
#[derive(Debug, Default)]
struct Verdict {
    cards: usize,
    report: Option<ExchangeReport>,
    refused: Option<String>,
    /// vCard 4.0, then 3.0: what the independent reader found different.
    round_trips: Vec<Vec<String>>,
    /// Cards with N whose parts came back as they were, of those with N.
    names: (usize, usize),
}

impl Verdict {
    fn whole(&self) -> bool {
        self.report.as_ref().is_some_and(|r| r.problem_count == 0 && r.read as usize == self.cards)
    }

    fn round_trips_whole(&self) -> bool {
        self.round_trips.len() == 2
            && self.round_trips.iter().all(Vec::is_empty)
            && self.names.0 == self.names.1
    }
}

fn address_book(name: &str) -> Verdict {
    let dir = TempDir::new().unwrap();
    let (mut r, options) = fresh(&dir, "rapport.db");
    let path = fixture(name);
    let source = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
    let cards = source.lines().filter(|l| l.trim().eq_ignore_ascii_case("BEGIN:VCARD")).count();
    let mut verdict = Verdict { cards, ..Default::default() };
    match r.import_file(&path, &options, false, now()) {
        Ok(report) => verdict.report = Some(report),
        Err(e) => {
            verdict.refused = Some(e.to_string());
            return verdict;
        }
    }
    let people = r.people_cards(None).unwrap();
    let mut fourth = String::new();
    for format in [ExportFormat::Vcard, ExportFormat::Vcard3] {
        let written = r.export_text(format, None, now()).unwrap();
        let mut found = differences(&people, &written);
        // Read back by Rapport, into a new database: the same people.
        let dir = TempDir::new().unwrap();
        let (mut other, options) = fresh(&dir, "other.db");
        let back = dir.path().join("back.vcf");
        std::fs::write(&back, &written).unwrap();
        other.import_file(&back, &options, false, now()).unwrap();
        let again = other.people_cards(None).unwrap();
        if again != people {
            found.push(format!("read back by Rapport: {again:?}\nwas: {people:?}"));
        }
        verdict.round_trips.push(found);
        if format == ExportFormat::Vcard {
            fourth = written;
        }
    }
    // The name's parts: every card of the file with a plain N comes back with the same N.
    let written = independently(&fourth);
    for card in leniently(&source).unwrap_or_default() {
        let Some(n) = card.components("N").filter(|n| n.iter().any(|p| !p.is_empty())) else { continue };
        if card.quoted_printable("N") {
            continue;
        }
        verdict.names.1 += 1;
        let full_name = card.one("FN").unwrap_or_default();
        if written
            .iter()
            .any(|w| w.one("FN").unwrap_or_default() == full_name && w.components("N").as_ref() == Some(&n))
        {
            verdict.names.0 += 1;
        }
    }
    verdict
}

const ADDRESS_BOOKS: [&str; 18] = [
    "ez-vcard/John_Doe_ANDROID.vcf",
    "ez-vcard/John_Doe_BLACK_BERRY.vcf",
    "ez-vcard/John_Doe_EVOLUTION.vcf",
    "ez-vcard/John_Doe_GMAIL.vcf",
    "ez-vcard/John_Doe_IPHONE.vcf",
    "ez-vcard/John_Doe_LOTUS_NOTES.vcf",
    "ez-vcard/John_Doe_MAC_ADDRESS_BOOK.vcf",
    "ez-vcard/John_Doe_MS_OUTLOOK.vcf",
    "ez-vcard/fullcontact.vcf",
    "ez-vcard/gmail-list.vcf",
    "ez-vcard/gmail-single.vcf",
    "ez-vcard/gmail-single2.vcf",
    "ez-vcard/issue114.vcf",
    "ez-vcard/outlook-2003.vcf",
    "ez-vcard/outlook-2007.vcf",
    "ez-vcard/rfc2426-example.vcf",
    "ez-vcard/rfc6350-example.vcf",
    "ez-vcard/thunderbird-MoreFunctionsForAddressBook-extension.vcf",
];

#[test]
fn every_real_address_book_imports_whole_and_round_trips_whole() {
    let mut failures = Vec::new();
    let (mut whole, mut trips, mut names) = (0, 0, (0, 0));
    for name in ADDRESS_BOOKS {
        let verdict = address_book(name);
        eprintln!(
            "{name}: {} cards, imports whole: {}, round trips whole: {}, names kept: {}/{}",
            verdict.cards,
            verdict.whole(),
            verdict.round_trips_whole(),
            verdict.names.0,
            verdict.names.1
        );
        whole += usize::from(verdict.whole());
        trips += usize::from(verdict.round_trips_whole());
        names = (names.0 + verdict.names.0, names.1 + verdict.names.1);
        if !verdict.whole() || !verdict.round_trips_whole() {
            failures.push(format!("{name}: {verdict:#?}"));
        }
    }
    eprintln!(
        "{whole}/{} import whole, {trips}/{} round trip whole, {}/{} names keep their parts",
        ADDRESS_BOOKS.len(),
        ADDRESS_BOOKS.len(),
        names.0,
        names.1
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn people_of(r: &Rapport) -> BTreeMap<String, PersonCard> {
    r.people_cards(None).unwrap().into_iter().map(|p| (p.name.clone(), p)).collect()
}

fn accounts_of(r: &Rapport) -> Vec<String> {
    let mut names: Vec<String> = r.accounts(now()).unwrap().into_iter().map(|a| a.name).collect();
    names.sort();
    names
}

/// Imports a CSV sample into a new database (people without a company go to "Address book"),
/// then checks that Rapport's CSV of them reads back the same.
fn crm_export(name: &str) -> (Rapport, ExchangeReport, TempDir) {
    let dir = TempDir::new().unwrap();
    let (mut r, options) = fresh(&dir, "rapport.db");
    let report = r.import_file(&fixture(&format!("csv/{name}")), &options, false, now()).unwrap();
    let people = r.people_cards(None).unwrap();
    let out = dir.path().join("out.csv");
    r.export_to(&out, ExportFormat::Csv, None, now()).unwrap();
    let (mut other, options) = fresh(&dir, "other.db");
    let back = other.import_file(&out, &options, false, now()).unwrap();
    assert_eq!(back.problem_count + back.left_out_count, 0, "{name}: {back:?}");
    assert_eq!(other.people_cards(None).unwrap(), people, "{name}: CSV → Rapport → CSV keeps every field");
    (r, report, dir)
}

#[test]
fn googles_csv_is_read_by_its_values_not_its_labels() {
    let (r, report, _dir) = crm_export("google-contacts.csv");
    assert_eq!((report.read, report.problem_count, report.left_out_count), (3, 0, 1), "{report:?}");
    assert!(report.left_out[0].message.starts_with("This row is the company Lagos Logistics"));
    let people = people_of(&r);
    let aiko = &people["Aiko Tanaka"];
    assert_eq!(aiko.emails, ["aiko@kiyomizu.jp", "aiko@tanaka.jp"], "the values, not \"* Work\"");
    assert_eq!(aiko.phones, ["+81 90 1234 5678", "+81 3 1234 5678"]);
    assert_eq!((aiko.company.as_deref(), aiko.title.as_deref()), (Some("Kiyomizu Foods"), Some("COO")));
    assert_eq!(aiko.dates[0].date, "--03-14");
    let helene = &people["Dr. Hélène Marie Marchand"];
    let parts = helene.name_parts.as_ref().unwrap();
    assert_eq!(
        (parts.prefixes.clone(), parts.given.clone(), parts.additional.clone()),
        (vec!["Dr.".to_string()], vec!["Hélène".to_string()], vec!["Marie".to_string()])
    );
    assert_eq!(helene.title.as_deref(), Some("Directrice financière"));
    assert_eq!(
        accounts_of(&r),
        ["Address book", "Kiyomizu Foods", "Lagos Logistics", "Société Générale"],
        "a row naming only a company is that company"
    );
    assert_eq!(people.len(), 2);
}

#[test]
fn outlooks_title_is_a_salutation_and_its_empty_dates_are_empty() {
    let (r, report, _dir) = crm_export("outlook.csv");
    assert_eq!((report.read, report.problem_count), (3, 0), "{report:?}");
    let people = people_of(&r);
    let jorg = &people["Jörg Müller"];
    assert_eq!(jorg.title.as_deref(), Some("Leiter Einkauf"), "the job title, not \"Mr\"");
    assert_eq!(jorg.name_parts.as_ref().unwrap().prefixes, ["Mr"]);
    assert_eq!(jorg.emails, ["jorg@nordlicht.de", "jmueller@example.de"], "not the display names");
    assert_eq!(jorg.phones, ["+49 40 1234 0", "+49 170 1234567"], "not the fax");
    assert_eq!(
        jorg.dates.iter().map(|d| d.date.as_str()).collect::<Vec<_>>(),
        ["1970-03-14"],
        "0/0/00 is no date"
    );
    let sarah = &people["Sarah O'Connor"];
    assert_eq!(sarah.name_parts.as_ref().unwrap().suffixes, ["PhD"]);
    assert_eq!(sarah.dates[0].label.as_deref(), Some("Anniversary"));
    assert!(accounts_of(&r).contains(&"Fabrikam Inc".to_string()));
    assert_eq!(
        people["info@fabrikam.example"].company.as_deref(),
        Some("Fabrikam Inc"),
        "only an address names them"
    );
}

#[test]
fn thunderbirds_three_birth_columns_are_one_birthday() {
    let (r, report, _dir) = crm_export("thunderbird.csv");
    assert_eq!((report.read, report.problem_count), (3, 0), "{report:?}");
    let people = people_of(&r);
    assert_eq!(people["Ana Souza"].dates[0].date, "1984-07-09");
    assert_eq!(people["Tomás Ruiz"].dates[0].date, "--12-24", "no year");
    assert_eq!(people["Ana Souza"].emails, ["ana@mercado.com.br", "ana.souza@example.br"]);
    assert_eq!(accounts_of(&r), ["Address book", "Mercado Azul"]);
}

#[test]
fn hubspots_export_keeps_its_zones_whether_named_or_labelled() {
    let (r, report, _dir) = crm_export("hubspot-contacts.csv");
    assert_eq!((report.read, report.created), (2, 3), "two people and their company: {report:?}");
    let people = people_of(&r);
    assert_eq!(people["Priya Raman"].timezone.as_deref(), Some("Asia/Kolkata"));
    assert_eq!(people["Priya Raman"].phones, ["+91 80 5555 0101", "+91 98450 00001"]);
    // "(GMT+05:30) India Standard Time", as HubSpot's zone column labels it.
    assert_eq!(people["Wei Chen"].timezone.as_deref(), Some("Asia/Kolkata"));
    assert_eq!(report.left_out, vec![], "nothing is left out");
}

#[test]
fn salesforce_contacts_keep_their_address_apart_and_accounts_are_companies() {
    let (r, report, _dir) = crm_export("salesforce-contacts.csv");
    assert_eq!((report.read, report.problem_count), (2, 0), "every row is read: {report:?}");
    let people = people_of(&r);
    let kwame = &people["Kwame Mensah"];
    assert_eq!(kwame.emails, ["kwame@accra-agro.example"], "not the mailing address");
    assert_eq!((kwame.company.as_deref(), kwame.title.as_deref()), (Some("Accra Agro Ltd"), Some("CFO")));
    assert_eq!(kwame.dates[0].date, "1975-11-02");

    let dir = TempDir::new().unwrap();
    let (mut r, options) = fresh(&dir, "accounts.db");
    let report = r.import_file(&fixture("csv/salesforce-accounts.csv"), &options, false, now()).unwrap();
    assert!(report.records.iter().all(|p| p.kind == rapport::store::RecordKind::Account), "{report:?}");
    assert_eq!(accounts_of(&r), ["Accra Agro Ltd", "Address book", "Kiyomizu Foods"]);
    assert!(r.people_cards(None).unwrap().is_empty(), "an account's Name is not a person");
}

#[test]
fn a_file_without_a_header_is_mapped_from_its_cells_or_by_column_number() {
    let dir = TempDir::new().unwrap();
    let (mut r, options) = fresh(&dir, "rapport.db");
    let path = fixture("csv/no-header.csv");
    let source = r.inspect_import(&path).unwrap();
    let layout = source.csv.unwrap();
    assert!(!layout.has_header);
    assert_eq!(layout.header, ["Column 1", "Column 2", "Column 3", "Column 4"]);
    assert_eq!(layout.rows, 2, "the first row is data");
    use rapport::interop::csv::Column;
    let mapping = vec![Column::Name, Column::Email, Column::Phone, Column::Company];
    let report =
        r.import_file(&path, &ImportOptions { mapping: Some(mapping), ..options }, false, now()).unwrap();
    assert_eq!((report.read, report.created), (2, 3), "two rows, two people and their company: {report:?}");
    let people = people_of(&r);
    assert_eq!(people["Aiko Tanaka"].company.as_deref(), Some("Kiyomizu Foods"));
    assert_eq!(people["Ben Ito"].emails, ["ben@kiyomizu.jp"]);
}

#[test]
fn the_cards_of_each_class_of_the_issue_come_in_as_they_should() {
    // iPhone: the structured name, prefix and suffix included, goes back out as it came.
    let dir = TempDir::new().unwrap();
    let (mut r, options) = fresh(&dir, "rapport.db");
    r.import_file(&fixture("ez-vcard/John_Doe_IPHONE.vcf"), &options, false, now()).unwrap();
    let v3 = r.export_text(ExportFormat::Vcard3, None, now()).unwrap();
    assert!(v3.contains("\r\nN:Doe;John;Richter,James;Mr.;Sr.\r\n"), "{v3}");

    // RFC 6350's own example: an offset zone, a tel: URI with an extension.
    let (mut r, options) = fresh(&dir, "rfc.db");
    r.import_file(&fixture("ez-vcard/rfc6350-example.vcf"), &options, false, now()).unwrap();
    let simon = &people_of(&r)["Simon Perreault"];
    assert_eq!(simon.timezone.as_deref(), Some("Etc/GMT+5"));
    assert_eq!(simon.phones[0], "+1-418-656-9254 ext. 102");
    let v4 = r.export_text(ExportFormat::Vcard, None, now()).unwrap();
    assert!(v4.contains("TZ;VALUE=UTC-OFFSET:-0500\r\n") && !v4.contains("\\;ext"), "{v4}");

    // Outlook: a note with CRLF comes back without a literal \r.
    let (mut r, options) = fresh(&dir, "outlook.db");
    r.import_file(&fixture("ez-vcard/outlook-2007.vcf"), &options, false, now()).unwrap();
    assert!(!r.export_text(ExportFormat::Vcard3, None, now()).unwrap().contains("\\r"));

    // KIND:org is an account, its person works there.
    let (mut r, options) = fresh(&dir, "org.db");
    let report = r.import_file(&fixture("rfc6350-kind.vcf"), &options, false, now()).unwrap();
    assert_eq!(accounts_of(&r), ["ABC, Inc.", "Address book"]);
    assert_eq!(people_of(&r).keys().collect::<Vec<_>>(), ["Jane Doe"], "{report:?}");

    // Android: a card with only an address is named by it; a garbage EMAIL is left out.
    let (mut r, options) = fresh(&dir, "android.db");
    let report = r.import_file(&fixture("ez-vcard/John_Doe_ANDROID.vcf"), &options, false, now()).unwrap();
    assert_eq!((report.read, report.problem_count), (6, 0));
    let people = people_of(&r);
    assert!(people.contains_key("john.doe@company.com") && people.contains_key("jane.doe@company.com"));
    assert!(people.values().any(|p| p.emails == ["bob@company.com"]), "the card with a bad address is kept");
    assert!(
        report.left_out.iter().any(|p| p.line == 44 && p.message.contains("is not an email address")),
        "{:?}",
        report.left_out
    );
}

fn cli(db: &Path, args: &[&str]) -> (bool, String) {
    let out = assert_cmd::Command::cargo_bin("rapport")
        .unwrap()
        .env("TZ", "UTC")
        .args(["--db", db.to_str().unwrap(), "--at", "2026-11-23T10:00:00Z"])
        .args(args)
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

#[test]
fn a_crm_export_is_a_good_first_command_and_its_preview_says_what_and_why() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("new.db");
    let google = fixture("csv/google-contacts.csv");
    let google = google.to_str().unwrap();

    let (ok, text) = cli(&db, &["import", google, "--dry-run"]);
    assert!(ok, "{text}");
    assert!(text.contains("holds 3 records."), "{text}");
    assert!(text.contains("Importing it would give 5 to add, 0 to merge"), "{text}");
    assert!(text.contains("E-mail 1 - Type → skip, E-mail 1 - Value → email"), "{text}");
    assert!(
        text.contains("1 value would be left out of records that would be imported all the same:"),
        "{text}"
    );
    assert!(text.contains("line 4: This row is the company Lagos Logistics"), "{text}");
    assert!(text.contains("Not kept by Rapport, skipped") || !text.contains("skipped:"), "{text}");
    assert!(!db.exists(), "a preview leaves no database behind");

    let (ok, text) = cli(&db, &["import", google]);
    assert!(ok, "{text}");
    assert!(text.contains("5 added"), "{text}");
    assert!(db.exists());
    let (ok, text) = cli(&db, &["import", google, "--dry-run"]);
    assert!(ok, "{text}");
    assert!(
        text.contains(
            "all that can be imported is already in Rapport as the file has it, so nothing changes"
        ),
        "{text}"
    );

    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "Name,Email\r\n").unwrap();
    let (ok, text) = cli(&db, &["import", empty.to_str().unwrap(), "--dry-run"]);
    assert!(ok, "{text}");
    assert!(text.contains("holds no records Rapport can read"), "never a bare 0 to add: {text}");
}

#[test]
fn a_list_without_a_header_is_mapped_by_column_number_on_the_command_line() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rapport.db");
    let path = fixture("csv/no-header.csv");
    let (ok, text) =
        cli(&db, &["import", path.to_str().unwrap(), "--no-header", "--map", "4=company", "--dry-run"]);
    assert!(ok, "{text}");
    assert!(text.contains("The file has no header row"), "{text}");
    assert!(
        text.contains("Column 1 → name, Column 2 → email, Column 3 → phone, Column 4 → company"),
        "{text}"
    );
    assert!(
        text.contains("line 1: add person Aiko Tanaka (Kiyomizu Foods)"),
        "the first row is a person: {text}"
    );
    let (ok, text) = cli(&db, &["import", path.to_str().unwrap(), "--map", "9=company"]);
    assert!(!ok);
    assert!(text.contains("(or name them by number, 1 to 4)"), "{text}");
}

#[test]
fn a_hostile_google_export_ten_times_over_in_utf16_is_read_as_text_and_written_back_guarded() {
    let source = std::fs::read_to_string(fixture("csv/google-contacts.csv")).unwrap();
    let mut lines = source.lines();
    let mut text = format!("{}\r\n", lines.next().unwrap());
    let row = lines.next().unwrap();
    for n in 0..30 {
        let hostile = match n % 3 {
            0 => "=HYPERLINK(\"http://evil.example\";\"Aiko\")",
            1 => "<script>alert(1)</script>",
            _ => "@SUM(1+1)*cmd|' /C calc'!A0",
        };
        let row = row
            .replacen("Aiko Tanaka", &format!("\"{} {n}\"", hostile.replace('"', "\"\"")), 1)
            .replace("aiko@kiyomizu.jp", &format!("aiko{n}@kiyomizu.jp"))
            .replace("aiko@tanaka.jp", &format!("aiko{n}@tanaka.jp"));
        text.push_str(&row);
        text.push_str("\r\n");
    }
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("google-utf16.csv");
    std::fs::write(&path, utf16).unwrap();
    let (mut r, options) = fresh(&dir, "rapport.db");
    let report = r.import_file(&path, &options, false, now()).unwrap();
    assert_eq!((report.read, report.problem_count), (30, 0), "{report:?}");
    let people = people_of(&r);
    assert!(people.contains_key("=HYPERLINK(\"http://evil.example\";\"Aiko\") 0"), "{:?}", people.keys());
    assert!(people.contains_key("<script>alert(1)</script> 1"));
    let csv = r.export_text(ExportFormat::Csv, None, now()).unwrap();
    assert!(csv.contains("\"'=HYPERLINK(") && csv.contains(",'@SUM(1+1)"), "formulas go out as text");
    let vcf = r.export_text(ExportFormat::Vcard, None, now()).unwrap();
    assert!(differences(&r.people_cards(None).unwrap(), &vcf).is_empty());
}
