//! CSV from a CRM or a spreadsheet: the delimiter is found, the columns are mapped to what
//! Rapport keeps (suggested from the header, changed by the user), and each row becomes a
//! person or a company, placed by line.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use super::{LineProblem, PersonCard, Read};
use crate::domain::{DateKind, ImportantDate, word_enum};

word_enum!(
    /// What a CSV column holds.
    Column {
        Skip = "skip",
        Company = "company",
        Name = "name",
        FirstName = "first_name",
        LastName = "last_name",
        Title = "title",
        Email = "email",
        OtherEmail = "other_email",
        Phone = "phone",
        OtherPhone = "other_phone",
        Timezone = "timezone",
        Birthday = "birthday",
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

    fn names_a_person(self) -> bool {
        matches!(self, Column::Name | Column::FirstName | Column::LastName)
    }

    /// The header Rapport writes for the column, and reads back.
    pub fn header(self) -> &'static str {
        match self {
            Column::Skip => "",
            Column::Company => "Company Name",
            Column::Name => "Name",
            Column::FirstName => "First Name",
            Column::LastName => "Last Name",
            Column::Title => "Job Title",
            Column::Email => "Email",
            Column::OtherEmail => "Other Emails",
            Column::Phone => "Phone Number",
            Column::OtherPhone => "Other Phones",
            Column::Timezone => "Time Zone",
            Column::Birthday => "Birthday",
            Column::Notes => "Notes",
            Column::Industry => "Industry",
            Column::Tier => "Tier",
            Column::RenewalDate => "Renewal Date",
        }
    }
}

/// A CSV file read as cells, before any meaning is given to its columns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub delimiter: u8,
    pub header: Vec<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub line: u32,
    pub cells: Vec<String>,
}

/// What the app shows before the user maps the columns.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct CsvLayout {
    pub encoding: String,
    /// "," ";" "tab" or "|".
    pub delimiter: String,
    pub header: Vec<String>,
    /// One per header column.
    pub suggested: Vec<Column>,
    /// The first rows, as cells, so the user can see what each column holds.
    pub sample: Vec<Vec<String>>,
    pub rows: u32,
}

/// A company from a companies file: it becomes an account.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CompanyRow {
    pub line: u32,
    pub name: String,
    pub industry: Option<String>,
    pub timezone: Option<String>,
    pub tier: Option<String>,
    pub renewal_date: Option<String>,
    pub notes: Option<String>,
}

/// The rows of a mapped file: people (when a name column is mapped) or companies.
#[derive(Debug, Clone, PartialEq)]
pub enum Rows {
    People(Read<PersonCard>),
    Companies(Read<CompanyRow>),
}

const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Reads the cells, finding the delimiter from the first lines: the one that splits them into
/// the same number of columns, more than one, wins (Excel in much of Europe writes ";").
pub fn read_table(text: &str) -> Result<Table, LineProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LineProblem {
            line: 1,
            message: "The file is empty. Export it again from your CRM or spreadsheet.".into(),
        });
    }
    let delimiter = DELIMITERS.into_iter().max_by_key(|d| score(text, *d)).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut header = None;
    let mut rows = Vec::new();
    let mut lines = Lines { bytes: text.as_bytes(), at: 0, breaks: 0 };
    for record in reader.records() {
        let record = record.map_err(|e| LineProblem {
            line: e.position().map_or(1, |p| lines.line_at(p.byte())),
            message: "This line could not be read as CSV (a quote is probably left open). Fix it in a spreadsheet and export again.".into(),
        })?;
        let line = record.position().map_or(1, |p| lines.line_at(p.byte()));
        let cells: Vec<String> = record.iter().map(|c| unguarded(c.trim()).to_string()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        match header {
            None => header = Some(cells),
            Some(_) => rows.push(TableRow { line, cells }),
        }
    }
    let header = header.unwrap_or_default();
    Ok(Table { delimiter, header, rows })
}

/// Counts line breaks as the records go by. Records only move forward, so each byte is counted
/// once: counting from the start for every record made a 100,000-row file take minutes.
struct Lines<'a> {
    bytes: &'a [u8],
    /// How far the breaks have been counted.
    at: usize,
    breaks: u32,
}

impl Lines<'_> {
    /// The 1-based line where a record starts. The csv crate places a record at the end of the
    /// line before it (and its line count with it), so line breaks at that place are skipped.
    fn line_at(&mut self, byte: u64) -> u32 {
        let bytes = self.bytes;
        let mut end = (byte as usize).min(bytes.len());
        while end < bytes.len() && matches!(bytes[end], b'\r' | b'\n') {
            end += 1;
        }
        if end < self.at {
            // Never expected; counting again from the start stays right.
            (self.at, self.breaks) = (0, 0);
        }
        self.breaks += bytes[self.at..end].iter().filter(|b| **b == b'\n').count() as u32;
        self.at = end;
        self.breaks + 1
    }
}

/// How well `delimiter` splits the first lines: consistent counts above one score highest.
fn score(text: &str, delimiter: u8) -> (usize, usize) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let counts: Vec<usize> = reader.records().take(20).filter_map(|r| r.ok()).map(|r| r.len()).collect();
    let Some(first) = counts.first().copied() else { return (0, 0) };
    if first < 2 {
        return (0, 0);
    }
    let consistent = counts.iter().filter(|c| **c == first).count();
    (consistent, first)
}

impl Table {
    pub fn layout(&self, encoding: &str) -> CsvLayout {
        CsvLayout {
            encoding: encoding.to_string(),
            delimiter: match self.delimiter {
                b'\t' => "tab".to_string(),
                d => (d as char).to_string(),
            },
            header: self.header.clone(),
            suggested: suggest(&self.header),
            sample: self.rows.iter().take(5).map(|r| r.cells.clone()).collect(),
            rows: self.rows.len() as u32,
        }
    }
}

/// What each header most likely holds, from the names common CRM exports use. A second column
/// of emails or phones is taken as another address or number.
pub fn suggest(header: &[String]) -> Vec<Column> {
    let mut taken: Vec<Column> = Vec::new();
    header
        .iter()
        .map(|h| {
            let mut column =
                guess(&h.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect::<String>());
            if taken.contains(&column) && !column.repeats() {
                column = match column {
                    Column::Email => Column::OtherEmail,
                    Column::Phone => Column::OtherPhone,
                    _ => Column::Skip,
                };
            }
            taken.push(column);
            column
        })
        .collect()
}

fn guess(h: &str) -> Column {
    let is = |names: &[&str]| names.contains(&h);
    if is(&[
        "company",
        "companyname",
        "account",
        "accountname",
        "organization",
        "organisation",
        "org",
        "employer",
        "client",
    ]) {
        Column::Company
    } else if is(&["name", "fullname", "contact", "contactname", "displayname", "person"]) {
        Column::Name
    } else if is(&["firstname", "givenname", "first", "forename"]) {
        Column::FirstName
    } else if is(&["lastname", "surname", "familyname", "last"]) {
        Column::LastName
    } else if is(&["title", "jobtitle", "position", "role", "jobrole"]) {
        Column::Title
    } else if h.contains("mail") {
        // "Email", "E-mail Address", "Work Email"; a second or personal address is another one.
        if ["other", "secondary", "personal", "home", "alternate", "2", "3"].iter().any(|w| h.contains(w)) {
            Column::OtherEmail
        } else {
            Column::Email
        }
    } else if h.contains("phone") || h.contains("mobile") || h.contains("cell") || is(&["tel", "telephone"]) {
        if ["other", "home", "alternate", "2", "3"].iter().any(|w| h.contains(w)) {
            Column::OtherPhone
        } else {
            Column::Phone
        }
    } else if is(&["timezone", "tz", "zone"]) {
        Column::Timezone
    } else if is(&["birthday", "birthdate", "dateofbirth", "dob"]) {
        Column::Birthday
    } else if is(&["notes", "note", "description", "comments", "comment"]) {
        Column::Notes
    } else if is(&["industry", "sector", "vertical"]) {
        Column::Industry
    } else if is(&["tier", "accounttier"]) {
        Column::Tier
    } else if is(&["renewaldate", "renewal", "contractrenewal", "contractend", "contractenddate"]) {
        Column::RenewalDate
    } else {
        Column::Skip
    }
}

/// Checks the user's mapping against the header: one per column, and each single-valued
/// field from one column only.
pub fn check_mapping(table: &Table, mapping: &[Column]) -> Result<(), String> {
    if mapping.len() != table.header.len() {
        return Err(format!(
            "The file has {} columns but {} were mapped. Map each column, or skip it.",
            table.header.len(),
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
    if !mapping.iter().any(|c| c.names_a_person() || *c == Column::Company) {
        return Err(
            "No column is mapped to a name or a company. Map the column that names each person or company."
                .into(),
        );
    }
    Ok(())
}

/// Gives each row its meaning. Rows are people when a name column is mapped, else companies.
pub fn rows(table: &Table, mapping: &[Column]) -> Result<Rows, String> {
    check_mapping(table, mapping)?;
    if mapping.iter().any(|c| c.names_a_person()) {
        Ok(Rows::People(people(table, mapping)))
    } else {
        Ok(Rows::Companies(companies(table, mapping)))
    }
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

fn people(table: &Table, mapping: &[Column]) -> Read<PersonCard> {
    let mut read = Read::default();
    for row in &table.rows {
        let name = match one(row, mapping, Column::Name) {
            Some(name) => name,
            None => [one(row, mapping, Column::FirstName), one(row, mapping, Column::LastName)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
        };
        if name.is_empty() {
            read.problems.push(LineProblem {
                line: row.line,
                message: "This row has no name, so nobody can be made from it. Fill in the name, or leave the row out.".into(),
            });
            continue;
        }
        let mut emails: Vec<String> = one(row, mapping, Column::Email).into_iter().collect();
        emails.extend(
            cells(row, mapping, Column::OtherEmail)
                .flat_map(|c| c.split([';', ',', ' ']))
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(str::to_string),
        );
        let mut phones: Vec<String> = one(row, mapping, Column::Phone).into_iter().collect();
        phones.extend(
            cells(row, mapping, Column::OtherPhone)
                .flat_map(|c| c.split(';'))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string),
        );
        let mut dates = Vec::new();
        if let Some(birthday) = one(row, mapping, Column::Birthday) {
            match calendar_day(&birthday) {
                Ok(date) => dates.push(ImportantDate { kind: DateKind::Birthday, date, label: None }),
                Err(message) => {
                    read.problems.push(LineProblem { line: row.line, message });
                    continue;
                }
            }
        }
        let notes: Vec<&str> = cells(row, mapping, Column::Notes).collect();
        read.records.push(PersonCard {
            line: row.line,
            name,
            company: one(row, mapping, Column::Company),
            title: one(row, mapping, Column::Title),
            emails,
            phones,
            timezone: one(row, mapping, Column::Timezone),
            dates,
            notes: (!notes.is_empty()).then(|| notes.join("\n\n")),
        });
    }
    read
}

fn companies(table: &Table, mapping: &[Column]) -> Read<CompanyRow> {
    let mut read = Read::default();
    for row in &table.rows {
        let Some(name) = one(row, mapping, Column::Company) else {
            read.problems.push(LineProblem {
                line: row.line,
                message: "This row has no company name, so no account can be made from it. Fill in the name, or leave the row out.".into(),
            });
            continue;
        };
        let renewal_date = match one(row, mapping, Column::RenewalDate).map(|d| calendar_day(&d)) {
            Some(Ok(date)) if !date.starts_with("--") => Some(date),
            Some(Ok(_)) => {
                read.problems.push(LineProblem {
                    line: row.line,
                    message: "The renewal date has no year. Write it as YYYY-MM-DD.".into(),
                });
                continue;
            }
            Some(Err(message)) => {
                read.problems.push(LineProblem { line: row.line, message });
                continue;
            }
            None => None,
        };
        let notes: Vec<&str> = cells(row, mapping, Column::Notes).collect();
        read.records.push(CompanyRow {
            line: row.line,
            name,
            industry: one(row, mapping, Column::Industry),
            timezone: one(row, mapping, Column::Timezone),
            tier: one(row, mapping, Column::Tier).map(|t| t.to_lowercase()),
            renewal_date,
            notes: (!notes.is_empty()).then(|| notes.join("\n\n")),
        });
    }
    read
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

/// People as CSV with Rapport's own headers, which [`suggest`] maps back exactly. A cell that a
/// spreadsheet would read as a formula is written so it shows as text ([`guarded`]).
pub fn write_people(people: &[PersonCard]) -> String {
    let columns = [
        Column::Company,
        Column::Name,
        Column::Title,
        Column::Email,
        Column::OtherEmail,
        Column::Phone,
        Column::OtherPhone,
        Column::Timezone,
        Column::Birthday,
        Column::Notes,
    ];
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let written = (|| -> csv::Result<()> {
        writer.write_record(columns.iter().map(|c| c.header()))?;
        for p in people {
            let birthday = p.dates.iter().find(|d| d.kind == DateKind::Birthday).map(|d| d.date.as_str());
            let record = [
                p.company.as_deref().unwrap_or(""),
                &p.name,
                p.title.as_deref().unwrap_or(""),
                p.emails.first().map_or("", String::as_str),
                &p.emails.iter().skip(1).cloned().collect::<Vec<_>>().join("; "),
                p.phones.first().map_or("", String::as_str),
                &p.phones.iter().skip(1).cloned().collect::<Vec<_>>().join("; "),
                p.timezone.as_deref().unwrap_or(""),
                birthday.unwrap_or(""),
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

    #[test]
    fn the_delimiter_is_found() {
        for (text, delimiter) in [
            ("Name;Company\nHélène;Société, Générale\n", b';'),
            ("Name\tCompany\nAiko\tKiyomizu\n", b'\t'),
            ("Name,Company\n\"Núñez, José\",Café\n", b','),
            ("Name|Company\nA|B\n", b'|'),
        ] {
            let table = read_table(text).unwrap();
            assert_eq!(table.delimiter, delimiter, "{text}");
            assert_eq!(table.rows[0].cells.len(), 2, "{text}");
        }
    }

    #[test]
    fn rows_keep_their_line_even_after_a_quoted_newline() {
        let table = read_table("Name,Notes\r\nAiko,\"two\r\nlines\"\r\n\r\nBen,x\r\n").unwrap();
        assert_eq!(table.rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2, 5]);
    }

    #[test]
    fn a_row_without_a_name_is_reported_by_line() {
        let table = read_table("First Name,Last Name,Email\nAiko,Tanaka,a@k.jp\n,,x@y.z\n").unwrap();
        let Rows::People(read) = rows(&table, &suggest(&table.header)).unwrap() else { panic!() };
        assert_eq!(read.records.len(), 1);
        assert_eq!(read.records[0].name, "Aiko Tanaka");
        assert_eq!(read.problems.len(), 1);
        assert_eq!(read.problems[0].line, 3);
    }

    #[test]
    fn a_mapping_with_a_field_twice_is_refused() {
        let table = read_table("Name,Email,Work Email\nA,a@b.c,d@e.f\n").unwrap();
        let err = check_mapping(&table, &[Column::Name, Column::Email, Column::Email]).unwrap_err();
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
            company: Some("Société Générale, Paris".into()),
            title: Some("Directrice".into()),
            emails: vec!["helene@sg.fr".into(), "lena@home.fr".into()],
            phones: vec!["+33 1 23".into(), "+33 6 45".into()],
            timezone: Some("Europe/Paris".into()),
            dates: vec![ImportantDate { kind: DateKind::Birthday, date: "--02-29".into(), label: None }],
            notes: Some("Two\nlines".into()),
        };
        let table = read_table(&write_people(std::slice::from_ref(&person))).unwrap();
        let Rows::People(read) = rows(&table, &suggest(&table.header)).unwrap() else { panic!() };
        assert_eq!(read.records, vec![person]);
    }
}
