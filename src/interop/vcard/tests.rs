//! The vCard reader and writer on hand-made cards of every version, round trips, and any input
//! without a panic.

use super::*;
use crate::interop::TestRng;

/// The people the reader made of `text` (companies, if any, are left aside).
fn read(text: &str) -> Read<PersonCard> {
    let read = super::read(text);
    Read {
        records: read
            .records
            .into_iter()
            .filter_map(|record| match record {
                Record::Person(person) => Some(person),
                Record::Company(_) => None,
            })
            .collect(),
        problems: read.problems,
        left_out: read.left_out,
        skipped: read.skipped,
    }
}

fn card(name: &str) -> PersonCard {
    PersonCard { line: 1, name: name.to_string(), ..Default::default() }
}

fn date(kind: DateKind, date: &str, label: Option<&str>) -> ImportantDate {
    ImportantDate { kind, date: date.to_string(), label: label.map(str::to_string) }
}

fn vcf(lines: &[&str]) -> String {
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    text
}

fn one(text: &str) -> PersonCard {
    let read = read(text);
    assert_eq!(read.records.len(), 1, "{read:?}");
    read.records.into_iter().next().unwrap_or_default()
}

fn birthdays(text: &str) -> Vec<String> {
    one(text).dates.into_iter().map(|date| date.date).collect()
}

#[test]
fn reads_an_apple_card() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:3.0",
        "PRODID:-//Apple Inc.//iPhone OS 17.0//EN",
        "N:Lovelace;Ada;;Lady;",
        "FN:Ada Lovelace",
        "ORG:Analytical Engines\\, Ltd.;R&D;",
        "TITLE:Chief Scientist",
        "item1.EMAIL;type=INTERNET:ada@home.example",
        "item2.EMAIL;type=INTERNET;type=pref:Ada@Engines.example",
        "EMAIL;type=INTERNET:ada@engines.example",
        "TEL;type=CELL;type=VOICE;type=pref:+44 20 7946 0000",
        "TEL;type=WORK:tel:+44 20 7946 0001",
        "item1.X-ABLabel:_$!<Other>!$_",
        "BDAY;X-APPLE-OMIT-YEAR=1604:1604-12-10",
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRg==",
        "ADR;type=WORK:;;1 Main St;London;;;UK",
        "NOTE:Met at the conference.\\nLikes tea.",
        "TZ:Europe/London",
        "END:VCARD",
    ]);
    let read = read(&text);
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    assert_eq!(read.skipped, ["ADR", "PHOTO", "X-ABLABEL"]);
    let card = read.records.first().cloned().unwrap_or_default();
    assert_eq!(card.name, "Ada Lovelace");
    assert_eq!(card.company.as_deref(), Some("Analytical Engines, Ltd."));
    assert_eq!(card.title.as_deref(), Some("Chief Scientist"));
    assert_eq!(card.emails, ["Ada@Engines.example", "ada@home.example"]);
    assert_eq!(card.phones, ["+44 20 7946 0000", "+44 20 7946 0001"]);
    assert_eq!(card.timezone.as_deref(), Some("Europe/London"));
    assert_eq!(card.notes.as_deref(), Some("Met at the conference.\nLikes tea."));
    assert_eq!(card.dates, [date(DateKind::Birthday, "--12-10", None)]);
    assert_eq!(card.line, 1);
}

#[test]
fn reads_a_version_4_card_with_preferences() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:  Grace Hopper ",
        "EMAIL;PREF=2:b@navy.example",
        "EMAIL:c@navy.example",
        "EMAIL;PREF=1:a@navy.example",
        "TEL;VALUE=uri;PREF=1:tel:+1-555-0100",
        "BDAY:19061209",
        "ANNIVERSARY:--0412",
        "ROLE:Rear Admiral",
        "TZ:Eastern Standard Time",
        "END:VCARD",
    ]);
    let card = one(&text);
    assert_eq!(card.name, "Grace Hopper");
    assert_eq!(card.emails, ["a@navy.example", "b@navy.example", "c@navy.example"]);
    assert_eq!(card.phones, ["+1-555-0100"]);
    assert_eq!(card.title.as_deref(), Some("Rear Admiral"));
    assert_eq!(card.timezone.as_deref(), Some("America/New_York"));
    assert_eq!(
        card.dates,
        [date(DateKind::Birthday, "1906-12-09", None), date(DateKind::Other, "--04-12", Some("Anniversary"))]
    );
}

#[test]
fn birthdays_keep_the_day_as_written() {
    let card = |bday: &str| format!("BEGIN:VCARD\nFN:X\nBDAY{bday}\nEND:VCARD\n");
    assert_eq!(birthdays(&card(":19850314")), ["1985-03-14"]);
    assert_eq!(birthdays(&card(":1985-03-14")), ["1985-03-14"]);
    assert_eq!(birthdays(&card(":1985-03-14T00:00:00Z")), ["1985-03-14"]);
    assert_eq!(birthdays(&card(":1985-03-14T23:30:00-08:00")), ["1985-03-14"]);
    assert_eq!(birthdays(&card(":--0314")), ["--03-14"]);
    assert_eq!(birthdays(&card(":--03-14")), ["--03-14"]);
    assert_eq!(birthdays(&card(":--0229")), ["--02-29"]);
    assert_eq!(birthdays(&card(";VALUE=date:1985-03-14")), ["1985-03-14"]);
    assert_eq!(birthdays(&card(";X-APPLE-OMIT-YEAR=1604:1604-03-14")), ["--03-14"]);
    assert_eq!(birthdays(&card(";X-APPLE-OMIT-YEAR=1604:1985-03-14")), ["1985-03-14"]);
    let three = "BEGIN:VCARD\nVERSION:3.0\nFN:X\nBDAY:--03-14\nEND:VCARD\n";
    assert_eq!(birthdays(three), ["--03-14"]);
}

#[test]
fn a_birthday_that_is_not_a_date_is_left_out_and_the_card_kept() {
    for bad in [";VALUE=text:circa 1800", ":1985-02-30", ":--1314", ":1985-03", ":"] {
        let text = format!("BEGIN:VCARD\nVERSION:4.0\nFN:Old Friend\nBDAY{bad}\nEND:VCARD\n");
        let read = read(&text);
        assert_eq!(read.records.len(), 1);
        assert!(read.records.iter().all(|card| card.dates.is_empty()));
        assert!(read.problems.is_empty(), "{bad}: a bad date does not stop the import");
        assert_eq!(read.left_out.len(), 1, "{bad}");
        assert!(read.left_out.iter().all(|problem| problem.line == 4), "{:?}", read.left_out);
    }
    let read = read("BEGIN:VCARD\nFN:A\nBDAY;VALUE=text:circa 1800\nEND:VCARD\n");
    let message = read.left_out.first().map(|problem| problem.message.as_str()).unwrap_or_default();
    assert!(message.contains("birthday on line 3") && message.contains("circa 1800"), "{message}");
}

#[test]
fn the_name_comes_from_n_when_fn_is_missing() {
    let card = one("BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane,Mary;Q.;Dr.;PhD\nEND:VCARD\n");
    assert_eq!(card.name, "Jane Mary Doe");
    let card = one("BEGIN:VCARD\nFN: \nN:;Cher;;;\nEND:VCARD\n");
    assert_eq!(card.name, "Cher");
}

#[test]
fn a_card_that_names_nobody_is_a_problem_at_its_line_and_an_address_names_a_person() {
    let text = "BEGIN:VCARD\nFN:First\nEND:VCARD\n\nBEGIN:VCARD\nN:;;;;\nEMAIL:x@y.example\nEND:VCARD\n\
                BEGIN:VCARD\nN:;;;;\nTEL:+1 555 0100\nEMAIL:not an address\nEND:VCARD\n";
    let read = read(text);
    let names: Vec<&str> = read.records.iter().map(|card| card.name.as_str()).collect();
    assert_eq!(names, ["First", "x@y.example"]);
    assert_eq!(
        read.problems,
        [problem(
            9,
            "The card at line 9 has no name, email address or company, so nobody could be made \
             from it. Give it a name in your address book and export it again."
                .to_string()
        )]
    );
    assert_eq!(read.left_out.len(), 1, "the bad address is said: {:?}", read.left_out);
    assert!(
        read.left_out[0]
            .message
            .contains("\u{201c}not an address\u{201d} on line 12 is not an email address")
    );
}

#[test]
fn a_company_card_is_a_company() {
    let text = vcf(&[
        "BEGIN:VCARD",
        "VERSION:4.0",
        "KIND:org",
        "FN:Viagenie",
        "ORG:Viagenie",
        "EMAIL:info@viagenie.ca",
        "TZ:America/Montreal",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:;;;;",
        "FN:Kiyomizu Foods",
        "ORG:Kiyomizu Foods;",
        "X-ABShowAs:COMPANY",
        "END:VCARD",
    ]);
    let read = super::read(&text);
    assert_eq!(
        read.records,
        [
            Record::Company(CompanyRow {
                line: 1,
                name: "Viagenie".into(),
                timezone: Some("America/Montreal".into()),
                ..Default::default()
            }),
            Record::Company(CompanyRow { line: 9, name: "Kiyomizu Foods".into(), ..Default::default() }),
        ]
    );
    assert!(read.left_out[0].message.contains("its email addresses belong to people"), "{:?}", read.left_out);
}

#[test]
fn the_name_keeps_its_parts_and_a_tel_uri_its_extension() {
    let card = one(&vcf(&[
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Mr. John Richter James Doe Sr.",
        "N:Doe;John;Richter,James;Mr.;Sr.",
        "TEL;VALUE=uri;TYPE=\"work,voice\";PREF=1:tel:+1-418-656-9254;ext=102",
        "NOTE;ENCODING=QUOTED-PRINTABLE:one=0D=0Atwo",
        "END:VCARD",
    ]));
    let parts = NameParts {
        family: vec!["Doe".into()],
        given: vec!["John".into()],
        additional: vec!["Richter".into(), "James".into()],
        prefixes: vec!["Mr.".into()],
        suffixes: vec!["Sr.".into()],
    };
    assert_eq!(card.name_parts.as_ref(), Some(&parts));
    assert_eq!(card.phones, ["+1-418-656-9254 ext. 102"]);
    assert_eq!(card.notes.as_deref(), Some("one\ntwo"));
    for version in [VcardVersion::V3, VcardVersion::V4] {
        let written = write(std::slice::from_ref(&card), version);
        assert!(written.contains("\r\nN:Doe;John;Richter,James;Mr.;Sr.\r\n"), "{written}");
        assert!(written.contains(":+1-418-656-9254 ext. 102\r\n"), "no stray backslash: {written}");
        assert!(written.contains("NOTE:one\\ntwo\r\n"), "no literal \\r: {written}");
        assert_eq!(one(&written), card);
    }
    // Parts that only split the name at its last space say nothing more, and are not kept.
    let plain = one("BEGIN:VCARD\nFN:Mary Ann Smith\nN:Smith;Mary Ann;;;\nEND:VCARD\n");
    assert_eq!(plain.name_parts, None);
}

#[test]
fn cut_off_cards_and_stray_lines_are_reported() {
    let text = "hello\nthere\n\nBEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\njunk\nBEGIN:VCARD\nFN:C\n";
    let read = read(text);
    let names: Vec<_> = read.records.iter().map(|card| (card.name.as_str(), card.line)).collect();
    assert_eq!(names, [("B", 6)]);
    let lines: Vec<_> = read.problems.iter().map(|problem| problem.line).collect();
    assert_eq!(lines, [1, 4, 9, 10]);
}

#[test]
fn text_without_cards_is_one_problem() {
    for text in ["", "just some notes\nabout people", "\u{feff}", "BEGIN:VCALENDAR\nEND:VCALENDAR"] {
        let read = read(text);
        assert!(read.records.is_empty());
        assert_eq!(read.problems.len(), 1);
        assert!(
            read.problems.iter().all(|problem| problem.line == 1 && problem.message.contains("no contact"))
        );
    }
}

#[test]
fn reads_folding_quoted_printable_and_bom() {
    let text = vcf(&[
        "\u{feff}BEGIN:VCARD",
        "VERSION:2.1",
        "N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:M=C3=BCller;J=",
        "=C3=BCrgen",
        "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Zeile eins=0D=0AZeile =",
        "zwei",
        "EMAIL;PREF;INTERNET:j@example.de",
        "TITLE:Head of",
        "  Sales",
        "TEL;CELL:+49 30 1234",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:2.1",
        "FN:Zweite",
        "END:VCARD",
    ]);
    let read = read(&text);
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let first = read.records.first().cloned().unwrap_or_default();
    assert_eq!(first.name, "Jürgen Müller");
    assert_eq!(first.notes.as_deref(), Some("Zeile eins\nZeile zwei"));
    assert_eq!(first.title.as_deref(), Some("Head of Sales"));
    assert_eq!(first.emails, ["j@example.de"]);
    assert_eq!(read.records.get(1).map(|card| card.line), Some(12));
}

#[test]
fn several_notes_are_joined_and_duplicates_dropped() {
    let card = one(&vcf(&[
        "BEGIN:VCARD",
        "FN:A",
        "NOTE:one",
        "NOTE:two",
        "EMAIL:A@x.example",
        "EMAIL:a@X.example",
        "TEL:1",
        "TEL:1",
        "END:VCARD",
    ]));
    assert_eq!(card.notes.as_deref(), Some("one\n\ntwo"));
    assert_eq!(card.emails, ["A@x.example"]);
    assert_eq!(card.phones, ["1"]);
}

#[test]
fn whole_hour_offsets_are_fixed_zones_and_others_are_said() {
    for (zone, kept) in [
        (":-05:00", Some("Etc/GMT+5")),
        (":-0500", Some("Etc/GMT+5")),
        (";VALUE=utc-offset:+0100", Some("Etc/GMT-1")),
        (":Z", Some("Etc/UTC")),
        (":Mars/Olympus", None),
    ] {
        let text = format!("BEGIN:VCARD\nFN:A\nTZ{zone}\nEND:VCARD\n");
        let person = one(&text);
        assert_eq!(person.timezone.as_deref(), kept, "{zone}");
        if kept.is_some() {
            for version in [VcardVersion::V3, VcardVersion::V4] {
                assert_eq!(one(&write(std::slice::from_ref(&person), version)), person, "{zone} {version:?}");
            }
        }
    }
    let read = read("BEGIN:VCARD\nFN:A\nTZ:+05:30\nEND:VCARD\n");
    assert_eq!(read.records[0].timezone, None);
    assert!(
        read.left_out[0].message.contains("(\u{201c}+05:30\u{201d}) is an offset"),
        "{:?}",
        read.left_out
    );
}

#[test]
fn writes_version_4() {
    let mut person = card("Ada King Lovelace");
    person.company = Some("Engines; Ltd".into());
    person.emails = vec!["ada@engines.example".into(), "ada@home.example".into()];
    person.timezone = Some("Europe/London".into());
    person.dates =
        vec![date(DateKind::Birthday, "--03-14", None), date(DateKind::Birthday, "1985-03-14", None)];
    let text = write(&[person], VcardVersion::V4);
    assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\nPRODID:-//Rapport//Rapport//EN\r\n"), "{text}");
    for line in [
        "FN:Ada King Lovelace",
        "N:Lovelace;Ada King;;;",
        "ORG:Engines\\; Ltd",
        "EMAIL;PREF=1:ada@engines.example",
        "EMAIL:ada@home.example",
        "TZ:Europe/London",
        "BDAY:--0314",
        "BDAY:19850314",
    ] {
        assert!(text.contains(&format!("\r\n{line}\r\n")), "{line} in {text}");
    }
    assert!(text.ends_with("END:VCARD\r\n"));
}

#[test]
fn writes_version_3_the_way_apple_does() {
    let mut person = card("Cher");
    person.phones = vec!["+1 555 0100".into()];
    person.timezone = Some("America/New_York".into());
    person.dates =
        vec![date(DateKind::Birthday, "--02-29", None), date(DateKind::Birthday, "1946-05-20", None)];
    let text = write(&[person], VcardVersion::V3);
    for line in [
        "VERSION:3.0",
        "N:;Cher;;;",
        "TEL;TYPE=pref:+1 555 0100",
        "TZ;VALUE=TEXT:America/New_York",
        "BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29",
        "BDAY:1946-05-20",
    ] {
        assert!(text.contains(&format!("\r\n{line}\r\n")), "{line} in {text}");
    }
}

#[test]
fn long_lines_are_folded_at_75_octets() {
    let mut person = card("Long Note");
    person.notes = Some("日本語のメモ、とても長い。".repeat(20));
    for version in [VcardVersion::V3, VcardVersion::V4] {
        let text = write(std::slice::from_ref(&person), version);
        assert!(text.split("\r\n").all(|line| line.len() <= 75), "{text}");
        assert_eq!(one(&text).notes, person.notes);
    }
}

fn full_card() -> PersonCard {
    PersonCard {
        line: 1,
        name: "José \u{201c}Pepe\u{201d} O'Brien-Ñúñez, Jr.; \\ 山田 太郎 محمد 🎉".into(),
        name_parts: Some(NameParts {
            family: vec!["O'Brien-Ñúñez".into(), "山田".into()],
            given: vec!["José".into()],
            additional: vec!["Pepe".into(), "محمد, 太郎".into()],
            prefixes: vec!["Sr.".into()],
            suffixes: vec!["Jr.; \\".into(), "🎉".into()],
        }),
        company: Some("Acme, Inc.; Sales \\ Europe".into()),
        title: Some("Head of Sales, EMEA; interim".into()),
        emails: vec!["pepe@acme.example".into(), "José@例え.jp".into(), "p@home.example".into()],
        phones: vec!["+34 600 000 000".into(), "+81-3-0000-0000".into()],
        timezone: Some("Asia/Tokyo".into()),
        dates: vec![
            date(DateKind::Birthday, "--02-29", None),
            date(DateKind::WorkAnniversary, "2015-09-01", None),
            date(DateKind::Other, "2010-06-12", Some("Anniversary")),
            date(DateKind::Other, "--11-30", Some("Renewal, \"big\" one; yearly")),
            date(DateKind::Other, "2030-01-01", None),
            date(DateKind::WorkAnniversary, "--01-15", Some("At Acme")),
        ],
        notes: Some("First line, with comma; semicolon \\ backslash\n\nSecond: مرحبا 🎉\nThird".into()),
    }
}

#[test]
fn round_trips_in_both_versions() {
    let minimal = card("Solo");
    for person in [full_card(), minimal] {
        for version in [VcardVersion::V3, VcardVersion::V4] {
            let text = write(std::slice::from_ref(&person), version);
            let read = read(&text);
            assert!(read.problems.is_empty(), "{:?}", read.problems);
            assert!(read.skipped.is_empty(), "{:?}", read.skipped);
            assert_eq!(read.records, std::slice::from_ref(&person), "{version:?}\n{text}");
        }
    }
}

#[test]
fn several_cards_keep_their_lines() {
    let people = [full_card(), card("B"), card("C")];
    let text = write(&people, VcardVersion::V4);
    let read = read(&text);
    let starts: Vec<u32> = text
        .split("\r\n")
        .enumerate()
        .filter(|(_, line)| *line == "BEGIN:VCARD")
        .map(|(index, _)| u32::try_from(index + 1).unwrap_or_default())
        .collect();
    assert_eq!(read.records.iter().map(|card| card.line).collect::<Vec<_>>(), starts);
    assert_eq!(
        read.records.iter().map(|card| card.name.as_str()).collect::<Vec<_>>(),
        [people[0].name.as_str(), "B", "C"]
    );
}

#[test]
fn round_trips_generated_cards() {
    let pieces = ["a", "Zoë", ",", ";", "\\", ":", "\"", "山田", "مرحبا", "🎉", "x y", "=", "'", "-"];
    let mut rng = TestRng::new(7);
    let text = |rng: &mut TestRng| {
        let words: String = (0..1 + rng.below(6)).map(|_| pieces[rng.below(pieces.len())]).collect();
        words.trim().to_string()
    };
    for _ in 0..200 {
        let name = format!("N{}", text(&mut rng));
        let mut person = card(&name);
        person.company = Some(format!("C{}", text(&mut rng)));
        person.title = (rng.below(2) == 0).then(|| format!("T{}", text(&mut rng)));
        person.emails = (0..rng.below(3))
            .map(|index| format!("e{index}{}@x.example", text(&mut rng).replace(' ', "")))
            .collect();
        person.phones = (0..rng.below(3)).map(|index| format!("+{index} {}", rng.below(1000))).collect();
        person.notes = (rng.below(2) == 0).then(|| format!("n{}\nm{}", text(&mut rng), text(&mut rng)));
        person.dates = vec![date(
            DateKind::Birthday,
            &format!("--{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
            None,
        )];
        for version in [VcardVersion::V3, VcardVersion::V4] {
            let written = write(std::slice::from_ref(&person), version);
            assert_eq!(read(&written).records, std::slice::from_ref(&person), "{written}");
        }
    }
}

#[test]
fn never_panics_on_any_input() {
    let fixture = write(&[full_card(), card("B")], VcardVersion::V3);
    let mut rng = TestRng::new(42);
    for round in 0..400 {
        let bytes: Vec<u8> = if round % 2 == 0 {
            (0..rng.below(600)).map(|_| u8::try_from(rng.below(256)).unwrap_or_default()).collect()
        } else {
            let mut bytes = fixture.clone().into_bytes();
            for _ in 0..1 + rng.below(20) {
                let at = rng.below(bytes.len());
                let byte = [b'\r', b'\n', b':', b';', b'=', b' ', b'"', b'\\', 0xff, b'-'][rng.below(10)];
                match rng.below(3) {
                    0 => bytes.insert(at, byte),
                    1 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => bytes.truncate(at),
                }
            }
            bytes
        };
        let _ = read(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn survives_huge_and_odd_input() {
    let long = "x".repeat(1 << 20);
    let inputs = [
        format!("BEGIN:VCARD\nFN:{long}\nNOTE;ENCODING=QUOTED-PRINTABLE:{long}=\n=\nEND:VCARD\n"),
        format!("BEGIN:VCARD\nBDAY:{long}\nFN:A\nEND:VCARD\n"),
        "BEGIN:VCARD\n".repeat(5000),
        "END:VCARD\n".repeat(5000),
        "BEGIN:VCARD\n;;;;:::\n\"\n:\nBEGIN:VEVENT\nFN;X=\"unterminated:quote\nEND:VCARD\n".to_string(),
        format!("BEGIN:VCARD\nFN:A\n {long}\nEND:VCARD"),
    ];
    for input in &inputs {
        let _ = read(input);
    }
    assert_eq!(one(&inputs[1]).dates, []);
}
