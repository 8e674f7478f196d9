//! CSV from a CRM or a spreadsheet: the delimiter is found, the columns are mapped to what
//! Rapport keeps (suggested from the header, changed by the user), and each row becomes a
//! person or a company, placed by line.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

mod layouts;
mod reader;

pub use layouts::{looks_like_data, suggest, suggest_from_cells};
pub use reader::{CsvRows, Table, TableRow, read_table};

pub use super::CompanyRow;
use super::{LineProblem, PersonCard, Read, Record, zone_label};
use crate::domain::{DateKind, ImportantDate, NameParts, is_email_address, word_enum};

word_enum!(
    /// What a CSV column holds.
    Column {
        Skip = "skip",
        Company = "company",
        Name = "name",
        FirstName = "first_name",
        MiddleName = "middle_name",
        LastName = "last_name",
        Prefix = "prefix",
        Suffix = "suffix",
        Title = "title",
        Email = "email",
        OtherEmail = "other_email",
        Phone = "phone",
        OtherPhone = "other_phone",
        Timezone = "timezone",
        Birthday = "birthday",
        BirthYear = "birth_year",
        BirthMonth = "birth_month",
        BirthDay = "birth_day",
        WorkAnniversary = "work_anniversary",
        Anniversary = "anniversary",
        OtherDates = "other_dates",
        Notes = "notes",
        Industry = "industry",
        Tier = "tier",
        RenewalDate = "renewal_date",
    }
);

impl Column {
    /// Columns that several file columns may feed at once.
    fn repeats(self) -> bool {
        matches!(self, Column::Skip | Column::OtherEmail | Column::OtherPhone | Column::Notes)
    }

    /// Columns that make a file one of people: something that names them, or their address.
    fn names_a_person(self) -> bool {
        matches!(self, Column::Name | Column::FirstName | Column::LastName | Column::Email)
    }

    /// The header Rapport writes for the column, and reads back.
    pub fn header(self) -> &'static str {
        match self {
            Column::Skip => "",
            Column::Company => "Company Name",
            Column::Name => "Name",
            Column::FirstName => "First Name",
            Column::MiddleName => "Middle Name",
            Column::LastName => "Last Name",
            Column::Prefix => "Name Prefix",
            Column::Suffix => "Name Suffix",
            Column::Title => "Job Title",
            Column::Email => "Email",
            Column::OtherEmail => "Other Emails",
            Column::Phone => "Phone Number",
            Column::OtherPhone => "Other Phones",
            Column::Timezone => "Time Zone",
            Column::Birthday => "Birthday",
            Column::BirthYear => "Birth Year",
            Column::BirthMonth => "Birth Month",
            Column::BirthDay => "Birth Day",
            Column::WorkAnniversary => "Work Anniversary",
            Column::Anniversary => "Anniversary",
            Column::OtherDates => "Other Dates",
            Column::Notes => "Notes",
            Column::Industry => "Industry",
            Column::Tier => "Tier",
            Column::RenewalDate => "Renewal Date",
        }
    }
}

/// What the app shows before the user maps the columns.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct CsvLayout {
    pub encoding: String,
    /// "," ";" "tab" or "|".
    pub delimiter: String,
    /// False when the file starts with data rather than a header: its columns are then named
    /// "Column 1", "Column 2"… and suggested from what their cells hold.
    pub has_header: bool,
    pub header: Vec<String>,
    /// One per header column.
    pub suggested: Vec<Column>,
    /// The first rows, as cells, so the user can see what each column holds.
    pub sample: Vec<Vec<String>>,
    pub rows: u32,
}

/// What a mapped file's rows are: people (when a name column is mapped) or companies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    People,
    Companies,
}

impl CsvLayout {
    /// The columns, the first rows and how many there are, as the app shows them.
    pub fn new(
        encoding: &str,
        delimiter: u8,
        has_header: bool,
        header: Vec<String>,
        sample: Vec<Vec<String>>,
        rows: u32,
    ) -> Self {
        CsvLayout {
            encoding: encoding.to_string(),
            delimiter: match delimiter {
                b'\t' => "tab".to_string(),
                d => (d as char).to_string(),
            },
            has_header,
            suggested: if has_header { suggest(&header) } else { suggest_from_cells(header.len(), &sample) },
            header,
            sample,
            rows,
        }
    }
}

/// What the rows of a file with `columns` columns mean under `mapping`, or why the mapping
/// cannot be used: one per column, and each single-valued field from one column only.
pub fn meaning(columns: usize, mapping: &[Column]) -> Result<Meaning, String> {
    if mapping.len() != columns {
        return Err(format!(
            "The file has {columns} columns but {} were mapped. Map each column, or skip it.",
            mapping.len()
        ));
    }
    for (i, column) in mapping.iter().enumerate() {
        if !column.repeats() && mapping[..i].contains(column) {
            return Err(format!(
                "Two columns are both mapped to {}. Map one of them to something else, or skip it.",
                column.header()
            ));
        }
    }
    if mapping.iter().any(|c| c.names_a_person()) {
        Ok(Meaning::People)
    } else if mapping.contains(&Column::Company) {
        Ok(Meaning::Companies)
    } else {
        Err("No column is mapped to a name, an email address or a company. Map the column that names each person or company.".into())
    }
}

/// Every row of a table given its meaning (a file in memory; imports take rows one at a time).
pub fn rows(table: &Table, mapping: &[Column]) -> Result<Read<Record>, String> {
    let meaning = meaning(table.header.len(), mapping)?;
    let mut read = Read::default();
    for row in &table.rows {
        match record(row, mapping, meaning) {
            Ok((record, left_out)) => {
                read.records.push(record);
                read.left_out.extend(left_out);
            }
            Err(p) => read.problems.push(p),
        }
    }
    Ok(read)
}

/// The cells of one row by what they hold; a missing cell (a short row) is empty.
fn cells<'a>(row: &'a TableRow, mapping: &'a [Column], want: Column) -> impl Iterator<Item = &'a str> {
    mapping
        .iter()
        .zip(row.cells.iter().map(String::as_str).chain(std::iter::repeat("")))
        .filter(move |(c, _)| **c == want)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

fn one(row: &TableRow, mapping: &[Column], want: Column) -> Option<String> {
    cells(row, mapping, want).next().map(str::to_string)
}

/// The record a row makes, and what was left out of it; `Err` when it names nobody.
pub fn record(
    row: &TableRow,
    mapping: &[Column],
    meaning: Meaning,
) -> Result<(Record, Vec<LineProblem>), LineProblem> {
    match meaning {
        Meaning::People => person(row, mapping),
        Meaning::Companies => company(row, mapping).map(|c| (Record::Company(c), Vec::new())),
    }
}

/// The words of a part of a name: several are written with commas between them.
fn words(row: &TableRow, mapping: &[Column], want: Column) -> Vec<String> {
    cells(row, mapping, want)
        .flat_map(|cell| cell.split(','))
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The person a row of a people file names; a row that names only a company is that company.
fn person(row: &TableRow, mapping: &[Column]) -> Result<(Record, Vec<LineProblem>), LineProblem> {
    let line = row.line;
    let problem = |message: String| LineProblem { line, message };
    let mut left_out = Vec::new();
    let parts = NameParts {
        family: words(row, mapping, Column::LastName),
        given: words(row, mapping, Column::FirstName),
        additional: words(row, mapping, Column::MiddleName),
        prefixes: words(row, mapping, Column::Prefix),
        suffixes: words(row, mapping, Column::Suffix),
    };
    let company = one(row, mapping, Column::Company);
    let written_name = one(row, mapping, Column::Name);
    let given_and_family: Vec<&str> =
        parts.given.iter().chain(parts.family.iter()).map(String::as_str).collect();

    let mut emails = Vec::new();
    let listed = one(row, mapping, Column::Email).into_iter().chain(
        cells(row, mapping, Column::OtherEmail)
            .flat_map(|c| c.split([';', ',', ' ']))
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_string),
    );
    for email in listed {
        if is_email_address(&email) {
            emails.push(email);
        } else {
            left_out.push(problem(format!(
                "\u{201c}{email}\u{201d} is not an email address, so it was left out; the rest of the row was read."
            )));
        }
    }
    let mut phones: Vec<String> = one(row, mapping, Column::Phone).into_iter().collect();
    phones.extend(
        cells(row, mapping, Column::OtherPhone)
            .flat_map(|c| c.split(';'))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string),
    );
    let notes: Vec<&str> = cells(row, mapping, Column::Notes).collect();
    let notes = (!notes.is_empty()).then(|| notes.join("\n\n"));

    // A row that names only a company (Outlook's and Thunderbird's entries for a company write
    // its name as the display name) is the company, which becomes an account.
    // A row with only an address and a company is a person named by the address.
    let only_company = given_and_family.is_empty()
        && company.is_some()
        && (written_name.is_none() && emails.is_empty()
            || written_name.as_deref().map(str::to_lowercase) == company.as_deref().map(str::to_lowercase));
    if only_company {
        let name = company.unwrap_or_default();
        if !emails.is_empty() || !phones.is_empty() {
            left_out.push(problem(format!(
                "This row is the company {name}, which becomes an account; its email addresses and phone numbers belong to people in Rapport, so they were left out."
            )));
        }
        let timezone = one(row, mapping, Column::Timezone).map(zone_label::or_written);
        return Ok((
            Record::Company(CompanyRow { line, name, timezone, notes, ..Default::default() }),
            left_out,
        ));
    }

    let name: String = match written_name {
        Some(name) => name,
        None if !given_and_family.is_empty() => given_and_family.join(" "),
        None if !parts.is_empty() => parts.full(),
        None => match emails.first() {
            Some(email) => email.clone(),
            None => {
                return Err(problem(
                    "This row has no name, email address or company, so nobody can be made from it. Fill in the name, or leave the row out."
                        .into(),
                ));
            }
        },
    };

    let mut dates = Vec::new();
    let mut day = |column: Column, kind: DateKind, label: Option<String>, left_out: &mut Vec<LineProblem>| {
        for written in cells(row, mapping, column).filter(|d| !blank_date(d)) {
            match calendar_day(written) {
                Ok(date) => dates.push(ImportantDate { kind, date, label: label.clone() }),
                Err(message) => left_out.push(problem(format!(
                    "{message} The {} was left out; the rest of the row was read.",
                    column.header().to_lowercase()
                ))),
            }
        }
    };
    day(Column::Birthday, DateKind::Birthday, None, &mut left_out);
    day(Column::WorkAnniversary, DateKind::WorkAnniversary, None, &mut left_out);
    day(Column::Anniversary, DateKind::Other, Some("Anniversary".into()), &mut left_out);
    match birth_parts(row, mapping) {
        Some(Ok(date)) => dates.push(ImportantDate { kind: DateKind::Birthday, date, label: None }),
        Some(Err(message)) => left_out.push(problem(message)),
        None => {}
    }
    for cell in cells(row, mapping, Column::OtherDates) {
        for written in cell.split(';').map(str::trim).filter(|d| !d.is_empty()) {
            let (label, date) = match written.rsplit_once(':') {
                Some((label, date)) => (Some(label.trim().to_string()).filter(|l| !l.is_empty()), date),
                None => (None, written),
            };
            match calendar_day(date) {
                Ok(date) => dates.push(ImportantDate { kind: DateKind::Other, date, label }),
                Err(message) => left_out.push(problem(format!(
                    "{message} That date was left out; the rest of the row was read."
                ))),
            }
        }
    }
    let card = PersonCard {
        line,
        name_parts: parts.beyond(&name),
        name,
        company,
        title: one(row, mapping, Column::Title),
        emails,
        phones,
        timezone: one(row, mapping, Column::Timezone).map(zone_label::or_written),
        dates,
        notes,
    };
    Ok((Record::Person(card), left_out))
}

/// A date cell that says "no date": empty, or only zeros (Outlook writes "0/0/00").
fn blank_date(cell: &str) -> bool {
    cell.chars().all(|c| c == '0' || c == '/' || c == '-' || c == '.' || c.is_whitespace())
}

/// Thunderbird's birthday, in three columns: a year (which may be empty), a month and a day.
fn birth_parts(row: &TableRow, mapping: &[Column]) -> Option<Result<String, String>> {
    let year = one(row, mapping, Column::BirthYear);
    let month = one(row, mapping, Column::BirthMonth);
    let day = one(row, mapping, Column::BirthDay);
    if month.is_none() && day.is_none() {
        return None;
    }
    let number = |cell: &Option<String>| cell.as_deref().and_then(|c| c.trim().parse::<u32>().ok());
    let refused = || {
        format!(
            "The birthday in Birth Year, Birth Month and Birth Day ({}-{}-{}) is not a calendar date, so it was left out; the rest of the row was read.",
            year.as_deref().unwrap_or("?"),
            month.as_deref().unwrap_or("?"),
            day.as_deref().unwrap_or("?")
        )
    };
    let (Some(m), Some(d)) = (number(&month), number(&day)) else { return Some(Err(refused())) };
    let written = match number(&year) {
        Some(y) if (1000..=9999).contains(&y) => format!("{y:04}-{m:02}-{d:02}"),
        None if year.is_none() => format!("--{m:02}-{d:02}"),
        _ => return Some(Err(refused())),
    };
    Some(calendar_day(&written).map_err(|_| refused()))
}

/// The company a row of a companies file names.
pub fn company(row: &TableRow, mapping: &[Column]) -> Result<CompanyRow, LineProblem> {
    let problem = |message: String| LineProblem { line: row.line, message };
    let Some(name) = one(row, mapping, Column::Company) else {
        return Err(problem(
            "This row has no company name, so no account can be made from it. Fill in the name, or leave the row out.".into(),
        ));
    };
    let renewal_date = match one(row, mapping, Column::RenewalDate)
        .filter(|d| !blank_date(d))
        .map(|d| calendar_day(&d))
    {
        Some(Ok(date)) if !date.starts_with("--") => Some(date),
        Some(Ok(_)) => return Err(problem("The renewal date has no year. Write it as YYYY-MM-DD.".into())),
        Some(Err(message)) => return Err(problem(message)),
        None => None,
    };
    let notes: Vec<&str> = cells(row, mapping, Column::Notes).collect();
    Ok(CompanyRow {
        line: row.line,
        name,
        industry: one(row, mapping, Column::Industry),
        timezone: one(row, mapping, Column::Timezone).map(zone_label::or_written),
        tier: one(row, mapping, Column::Tier).map(|t| t.to_lowercase()),
        renewal_date,
        notes: (!notes.is_empty()).then(|| notes.join("\n\n")),
    })
}

/// A day as spreadsheets write it, as "YYYY-MM-DD" or "--MM-DD" (no year). Day and month
/// written with slashes are taken only when they cannot be read two ways.
pub fn calendar_day(value: &str) -> Result<String, String> {
    let value = value.trim();
    let refused = || {
        format!(
            "\"{value}\" is not a date Rapport can read. Write it as YYYY-MM-DD, or --MM-DD when the year is not known."
        )
    };
    for format in
        ["%Y-%m-%d", "%Y%m%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%B %d %Y"]
    {
        if let Ok(day) = NaiveDate::parse_from_str(value, format) {
            return Ok(day.format("%Y-%m-%d").to_string());
        }
    }
    if let Some(rest) = value.strip_prefix("--") {
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        if digits.len() == 4 && rest.chars().all(|c| c.is_ascii_digit() || c == '-') {
            let month_day = format!("--{}-{}", &digits[..2], &digits[2..]);
            return NaiveDate::parse_from_str(&format!("2000{}", &month_day[1..]), "%Y-%m-%d")
                .map(|_| month_day)
                .map_err(|_| refused());
        }
        return Err(refused());
    }
    for format in ["%d %B", "%B %d", "%d %b", "%b %d"] {
        if let Ok(day) = NaiveDate::parse_from_str(&format!("2000 {value}"), &format!("%Y {format}")) {
            return Ok(day.format("--%m-%d").to_string());
        }
    }
    let parts: Vec<&str> = value.split(['/', '.']).collect();
    if let [a, b, y] = parts.as_slice()
        && let (Ok(a), Ok(b), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>(), y.parse::<i32>())
        && y >= 1000
    {
        let (day, month) = match (a > 12, b > 12) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            _ if a == b => (a, b),
            _ => {
                return Err(format!(
                    "\"{value}\" could be the {a}th of month {b} or the {b}th of month {a}. Write it as YYYY-MM-DD."
                ));
            }
        };
        if let Some(d) = NaiveDate::from_ymd_opt(y, month, day) {
            return Ok(d.format("%Y-%m-%d").to_string());
        }
    }
    Err(refused())
}

/// What a spreadsheet reads as the start of a formula (OWASP's "CSV injection"): a cell that
/// begins with one of these is run, not shown, when the file is opened.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell a spreadsheet shows as the text it is: one that would start a formula is written
/// after an apostrophe, which spreadsheets take as "this is text" and do not show.
fn guarded(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) { format!("'{cell}").into() } else { cell.into() }
}

/// The text of a cell written by [`guarded`] (Rapport's own export, or another tool that guards
/// its cells the same way).
fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// People as CSV with Rapport's own headers, which [`suggest`] maps back exactly: the name and
/// its parts, every address, number and date. A cell that a spreadsheet would read as a formula
/// is written so it shows as text ([`guarded`]).
pub fn write_people(people: &[PersonCard]) -> String {
    let columns = [
        Column::Company,
        Column::Name,
        Column::Prefix,
        Column::FirstName,
        Column::MiddleName,
        Column::LastName,
        Column::Suffix,
        Column::Title,
        Column::Email,
        Column::OtherEmail,
        Column::Phone,
        Column::OtherPhone,
        Column::Timezone,
        Column::Birthday,
        Column::WorkAnniversary,
        Column::OtherDates,
        Column::Notes,
    ];
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let written = (|| -> csv::Result<()> {
        writer.write_record(columns.iter().map(|c| c.header()))?;
        for p in people {
            let first =
                |kind: DateKind| p.dates.iter().find(|d| d.kind == kind).map_or("", |d| d.date.as_str());
            let other_dates: Vec<String> = p
                .dates
                .iter()
                .filter(|d| d.kind == DateKind::Other)
                .map(|d| match &d.label {
                    Some(label) => format!("{label}: {}", d.date),
                    None => d.date.clone(),
                })
                .collect();
            // A name that came without its parts is split as Rapport splits it, and read back so.
            let parts = p.name_parts.clone().unwrap_or_else(|| NameParts::split(&p.name));
            let record = [
                p.company.as_deref().unwrap_or(""),
                &p.name,
                &parts.prefixes.join(", "),
                &parts.given.join(", "),
                &parts.additional.join(", "),
                &parts.family.join(", "),
                &parts.suffixes.join(", "),
                p.title.as_deref().unwrap_or(""),
                p.emails.first().map_or("", String::as_str),
                &p.emails.iter().skip(1).cloned().collect::<Vec<_>>().join("; "),
                p.phones.first().map_or("", String::as_str),
                &p.phones.iter().skip(1).cloned().collect::<Vec<_>>().join("; "),
                p.timezone.as_deref().unwrap_or(""),
                first(DateKind::Birthday),
                first(DateKind::WorkAnniversary),
                &other_dates.join("; "),
                p.notes.as_deref().unwrap_or(""),
            ];
            writer.write_record(record.iter().map(|cell| guarded(cell).into_owned()))?;
        }
        writer.flush()?;
        Ok(())
    })();
    // Writing to memory cannot fail for want of space; an error here would be a bug in csv.
    debug_assert!(written.is_ok());
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn common_crm_headers_are_suggested() {
        let suggested = suggest(&headers(&[
            "Company Name",
            "First Name",
            "Last Name",
            "Job Title",
            "Email",
            "Phone Number",
            "Time Zone",
            "Email 2",
            "Mobile",
            "Lead Source",
            "Home Phone",
            "E-mail Address",
        ]));
        assert_eq!(
            suggested,
            vec![
                Column::Company,
                Column::FirstName,
                Column::LastName,
                Column::Title,
                Column::Email,
                Column::Phone,
                Column::Timezone,
                Column::OtherEmail,
                Column::OtherPhone,
                Column::Skip,
                Column::OtherPhone,
                Column::OtherEmail,
            ]
        );
    }

    fn names(read: &Read<Record>) -> Vec<String> {
        read.records
            .iter()
            .map(|r| match r {
                Record::Person(p) => p.name.clone(),
                Record::Company(c) => format!("company {}", c.name),
            })
            .collect()
    }

    #[test]
    fn a_row_naming_nobody_is_reported_by_line_and_an_address_names_a_person() {
        let table = read_table(
            "First Name,Last Name,Company,Email,Phone\nAiko,Tanaka,,a@k.jp,\n,,,,+1 555 0100\n,,,x@y.z,\n,,Kiyomizu,,\n",
        )
        .unwrap();
        let read = rows(&table, &suggest(&table.header)).unwrap();
        assert_eq!(names(&read), vec!["Aiko Tanaka", "x@y.z", "company Kiyomizu"]);
        assert_eq!(read.problems.len(), 1);
        assert_eq!(read.problems[0].line, 3);
    }

    #[test]
    fn a_bad_address_or_date_is_left_out_and_the_row_kept() {
        let table = read_table(
            "Name,Email,Other Emails,Birthday,Birth Year,Birth Month,Birth Day\n\
             Ben Ito,ben at kiyomizu,ben@ito.jp,04/05/1990,,3,14\n\
             Cem Ak,,,0/0/00,1970,2,30\n",
        )
        .unwrap();
        let mapping = suggest(&table.header);
        assert_eq!(mapping[6], Column::BirthDay);
        let read = rows(&table, &mapping).unwrap();
        assert_eq!(names(&read), vec!["Ben Ito", "Cem Ak"]);
        let Record::Person(ben) = &read.records[0] else { panic!() };
        assert_eq!(ben.emails, vec!["ben@ito.jp"]);
        assert_eq!(
            ben.dates,
            vec![ImportantDate { kind: DateKind::Birthday, date: "--03-14".into(), label: None }]
        );
        let lines: Vec<u32> = read.left_out.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![2, 2, 3], "{:?}", read.left_out);
        assert!(read.left_out[0].message.contains("\u{201c}ben at kiyomizu\u{201d} is not an email address"));
        assert!(read.left_out[2].message.contains("1970-2-30"), "{:?}", read.left_out);
    }

    #[test]
    fn a_mapping_with_a_field_twice_is_refused() {
        let table = read_table("Name,Email,Work Email\nA,a@b.c,d@e.f\n").unwrap();
        let err = meaning(table.header.len(), &[Column::Name, Column::Email, Column::Email]).unwrap_err();
        assert!(err.contains("Email"), "{err}");
    }

    #[test]
    fn days_are_read_without_guessing() {
        assert_eq!(calendar_day("1985-03-14").unwrap(), "1985-03-14");
        assert_eq!(calendar_day("--0314").unwrap(), "--03-14");
        assert_eq!(calendar_day("--02-29").unwrap(), "--02-29");
        assert_eq!(calendar_day("14/03/1985").unwrap(), "1985-03-14");
        assert_eq!(calendar_day("03/14/1985").unwrap(), "1985-03-14");
        assert_eq!(calendar_day("March 14, 1985").unwrap(), "1985-03-14");
        assert_eq!(calendar_day("14 March").unwrap(), "--03-14");
        assert!(calendar_day("04/05/1985").unwrap_err().contains("YYYY-MM-DD"));
        assert!(calendar_day("--1332").is_err());
        assert!(calendar_day("soon").is_err());
    }

    #[test]
    fn people_written_read_back_the_same() {
        let person = PersonCard {
            line: 2,
            name: "Hélène \"Léna\" Marchand".into(),
            name_parts: Some(NameParts {
                family: vec!["Marchand".into()],
                given: vec!["Hélène".into()],
                additional: vec!["Léna".into(), "Marie".into()],
                prefixes: vec!["Mme".into()],
                suffixes: vec![],
            }),
            company: Some("Société Générale, Paris".into()),
            title: Some("Directrice".into()),
            emails: vec!["helene@sg.fr".into(), "lena@home.fr".into()],
            phones: vec!["+33 1 23".into(), "+33 6 45".into()],
            timezone: Some("Europe/Paris".into()),
            dates: vec![
                ImportantDate { kind: DateKind::Birthday, date: "--02-29".into(), label: None },
                ImportantDate { kind: DateKind::WorkAnniversary, date: "2019-04-01".into(), label: None },
                ImportantDate {
                    kind: DateKind::Other,
                    date: "2005-06-18".into(),
                    label: Some("Anniversary".into()),
                },
                ImportantDate {
                    kind: DateKind::Other,
                    date: "--12-01".into(),
                    label: Some("Renewal: soft".into()),
                },
            ],
            notes: Some("Two\nlines".into()),
        };
        let table = read_table(&write_people(std::slice::from_ref(&person))).unwrap();
        let read = rows(&table, &suggest(&table.header)).unwrap();
        assert_eq!(read.records, vec![Record::Person(person)]);
    }
}
