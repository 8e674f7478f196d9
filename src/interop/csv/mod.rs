//! CSV from a CRM or a spreadsheet: the delimiter is found, the columns are mapped to what
//! Rapport keeps (suggested from the header, changed by the user), and each row becomes a
//! person or a company, placed by line.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

mod reader;

pub use reader::{CsvRows, Table, TableRow, read_table};

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
            suggested: suggest(&header),
            header,
            sample,
            rows,
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
/// What the rows of a file with `columns` columns mean under `mapping`, or why the mapping
/// cannot be used.
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
        Err("No column is mapped to a name or a company. Map the column that names each person or company."
            .into())
    }
}

/// Every row of a table given its meaning (a file in memory; imports take rows one at a time).
pub fn rows(table: &Table, mapping: &[Column]) -> Result<(Read<PersonCard>, Read<CompanyRow>), String> {
    let meaning = meaning(table.header.len(), mapping)?;
    let (mut people, mut companies) = (Read::default(), Read::default());
    for row in &table.rows {
        match meaning {
            Meaning::People => match person(row, mapping) {
                Ok(card) => people.records.push(card),
                Err(p) => people.problems.push(p),
            },
            Meaning::Companies => match company(row, mapping) {
                Ok(company) => companies.records.push(company),
                Err(p) => companies.problems.push(p),
            },
        }
    }
    Ok((people, companies))
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

/// The person a row of a people file names.
pub fn person(row: &TableRow, mapping: &[Column]) -> Result<PersonCard, LineProblem> {
    let problem = |message: String| LineProblem { line: row.line, message };
    let name = match one(row, mapping, Column::Name) {
        Some(name) => name,
        None => [one(row, mapping, Column::FirstName), one(row, mapping, Column::LastName)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
    };
    if name.is_empty() {
        return Err(problem(
            "This row has no name, so nobody can be made from it. Fill in the name, or leave the row out."
                .into(),
        ));
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
        let date = calendar_day(&birthday).map_err(problem)?;
        dates.push(ImportantDate { kind: DateKind::Birthday, date, label: None });
    }
    let notes: Vec<&str> = cells(row, mapping, Column::Notes).collect();
    Ok(PersonCard {
        line: row.line,
        name,
        company: one(row, mapping, Column::Company),
        title: one(row, mapping, Column::Title),
        emails,
        phones,
        timezone: one(row, mapping, Column::Timezone),
        dates,
        notes: (!notes.is_empty()).then(|| notes.join("\n\n")),
    })
}

/// The company a row of a companies file names.
pub fn company(row: &TableRow, mapping: &[Column]) -> Result<CompanyRow, LineProblem> {
    let problem = |message: String| LineProblem { line: row.line, message };
    let Some(name) = one(row, mapping, Column::Company) else {
        return Err(problem(
            "This row has no company name, so no account can be made from it. Fill in the name, or leave the row out.".into(),
        ));
    };
    let renewal_date = match one(row, mapping, Column::RenewalDate).map(|d| calendar_day(&d)) {
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
        timezone: one(row, mapping, Column::Timezone),
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
    fn a_row_without_a_name_is_reported_by_line() {
        let table = read_table("First Name,Last Name,Email\nAiko,Tanaka,a@k.jp\n,,x@y.z\n").unwrap();
        let (read, _) = rows(&table, &suggest(&table.header)).unwrap();
        assert_eq!(read.records.len(), 1);
        assert_eq!(read.records[0].name, "Aiko Tanaka");
        assert_eq!(read.problems.len(), 1);
        assert_eq!(read.problems[0].line, 3);
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
            company: Some("Société Générale, Paris".into()),
            title: Some("Directrice".into()),
            emails: vec!["helene@sg.fr".into(), "lena@home.fr".into()],
            phones: vec!["+33 1 23".into(), "+33 6 45".into()],
            timezone: Some("Europe/Paris".into()),
            dates: vec![ImportantDate { kind: DateKind::Birthday, date: "--02-29".into(), label: None }],
            notes: Some("Two\nlines".into()),
        };
        let table = read_table(&write_people(std::slice::from_ref(&person))).unwrap();
        let (read, _) = rows(&table, &suggest(&table.header)).unwrap();
        assert_eq!(read.records, vec![person]);
    }
}
