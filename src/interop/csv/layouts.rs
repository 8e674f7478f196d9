//! What each column of a CSV file holds, suggested from its header: the export layouts of the
//! tools account managers have (Google Contacts, Outlook, Thunderbird, HubSpot, Salesforce, and
//! Apple's address book through them), label columns included, and the common words of any
//! other spreadsheet. A file without a header row is suggested from what its cells hold.

use super::Column;
use crate::domain::is_email_address;

/// What each header most likely holds. Columns that say what kind of value the next one holds
/// (Google's "E-mail 1 - Type", Outlook's "E-mail Type") are labels, not values, and are
/// skipped; a second column of emails or phones is another address or number.
pub fn suggest(header: &[String]) -> Vec<Column> {
    let keys: Vec<String> = header.iter().map(|h| key(h)).collect();
    let has = |names: &[&str]| keys.iter().any(|k| names.contains(&k.as_str()));
    let context = Context {
        // Outlook's "Title" is the salutation ("Mr") when "Job Title" is there too.
        title_is_salutation: has(&["jobtitle"]) && has(&["title"]),
        // A file of accounts (Salesforce's Account export, HubSpot's companies): its "Name" is
        // the company's, and its phone the switchboard's.
        companies: !has(&["firstname", "lastname", "givenname", "familyname", "email", "emailaddress"])
            && keys.iter().any(|k| COMPANY_SIGNS.iter().any(|sign| k.starts_with(sign))),
    };
    let mut taken: Vec<Column> = Vec::new();
    keys.iter()
        .map(|k| {
            let mut column = guess(k, &context);
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

/// Columns that only a file of companies has.
const COMPANY_SIGNS: [&str; 9] = [
    "industry",
    "billing",
    "website",
    "accountnumber",
    "annualrevenue",
    "numberofemployees",
    "companydomainname",
    "accountowner",
    "companyowner",
];

struct Context {
    title_is_salutation: bool,
    companies: bool,
}

/// The header in lower case, letters and digits only: "E-mail 1 - Value" → "email1value".
fn key(header: &str) -> String {
    let lower = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    // Thunderbird's "Birth Day" is a day of the month, not the "Birthday" it reads as.
    if lower.split_whitespace().collect::<Vec<_>>() == ["birth", "day"] {
        return "birthdayofmonth".into();
    }
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A numbered column of a repeated group, as Google writes them: "E-mail 2 - Value" is
/// ("email", 2, "value").
fn numbered(h: &str) -> Option<(&str, &str)> {
    let start = h.find(|c: char| c.is_ascii_digit())?;
    let end = start + h[start..].find(|c: char| !c.is_ascii_digit())?;
    Some((&h[..start], &h[end..]))
}

fn guess(h: &str, context: &Context) -> Column {
    let is = |names: &[&str]| names.contains(&h);
    // Google: "E-mail 1 - Type", "Phone 2 - Value", "Organization 1 - Title", "Address 1 - City".
    if let Some((group, part)) = numbered(h)
        && !part.is_empty()
        && part != "address"
    {
        return match (group, part) {
            ("email", "value") => Column::Email,
            ("phone", "value") => Column::Phone,
            ("organization", "name") => Column::Company,
            ("organization", "title") => Column::Title,
            _ => Column::Skip,
        };
    }
    if h.ends_with("type") || h.ends_with("label") || h.contains("displayname") && h.contains("mail") {
        return Column::Skip;
    }
    if context.companies {
        return if is(&["name", "accountname", "companyname", "company", "organization", "organisation"]) {
            Column::Company
        } else if is(&["industry", "sector", "vertical"]) {
            Column::Industry
        } else if is(&["description", "notes", "note"]) {
            Column::Notes
        } else if is(&["timezone"]) {
            Column::Timezone
        } else if is(&["tier", "accounttier"]) {
            Column::Tier
        } else if is(&["renewaldate", "renewal", "contractenddate", "contractend"]) {
            Column::RenewalDate
        } else {
            Column::Skip
        };
    }
    if is(&[
        "company",
        "companyname",
        "account",
        "accountname",
        "organization",
        "organisation",
        "organizationname",
        "org",
        "employer",
        "client",
    ]) {
        Column::Company
    } else if is(&["name", "fullname", "contact", "contactname", "displayname", "person"]) {
        Column::Name
    } else if is(&["firstname", "givenname", "first", "forename"]) {
        Column::FirstName
    } else if is(&["middlename", "additionalname", "middlenames"]) {
        Column::MiddleName
    } else if is(&["lastname", "surname", "familyname", "last"]) {
        Column::LastName
    } else if is(&["nameprefix", "prefix", "salutation"]) || (h == "title" && context.title_is_salutation) {
        Column::Prefix
    } else if is(&["namesuffix", "suffix"]) {
        Column::Suffix
    } else if is(&["title", "jobtitle", "position", "role", "jobrole", "organizationtitle"]) {
        Column::Title
    } else if h.contains("mail") && !h.contains("mailing") {
        // "Email", "E-mail Address", "Primary Email"; a second or personal address is another one.
        if ["other", "secondary", "personal", "home", "alternate", "2", "3"].iter().any(|w| h.contains(w)) {
            Column::OtherEmail
        } else {
            Column::Email
        }
    } else if ["fax", "pager", "assistant", "companymain", "callback", "telex", "tty", "radio"]
        .iter()
        .any(|w| h.contains(w))
    {
        Column::Skip
    } else if h.contains("phone") || h.contains("mobile") || h.contains("cell") || is(&["tel", "telephone"]) {
        if ["other", "home", "alternate", "2", "3"].iter().any(|w| h.contains(w)) {
            Column::OtherPhone
        } else {
            Column::Phone
        }
    } else if is(&["timezone", "tz", "zone"]) {
        Column::Timezone
    } else if h == "birthdayofmonth" {
        Column::BirthDay
    } else if is(&["birthday", "birthdate", "dateofbirth", "dob"]) {
        Column::Birthday
    } else if is(&["birthyear"]) {
        Column::BirthYear
    } else if is(&["birthmonth"]) {
        Column::BirthMonth
    } else if is(&["workanniversary"]) {
        Column::WorkAnniversary
    } else if is(&["anniversary", "weddinganniversary"]) {
        Column::Anniversary
    } else if is(&["otherdates", "dates"]) {
        Column::OtherDates
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

/// Whether the first row of a file is data rather than a header: a header never holds an email
/// address or a number.
pub fn looks_like_data(first: &[String]) -> bool {
    first.iter().any(|cell| is_email_address(cell) || is_phone(cell))
}

fn is_phone(cell: &str) -> bool {
    let digits = cell.chars().filter(char::is_ascii_digit).count();
    digits >= 6 && cell.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c))
}

/// What each column of a file without a header holds, from its first rows: addresses, numbers,
/// and the first column of plain text as the name.
pub fn suggest_from_cells(columns: usize, rows: &[Vec<String>]) -> Vec<Column> {
    let mut taken: Vec<Column> = Vec::new();
    (0..columns)
        .map(|i| {
            let cells: Vec<&str> =
                rows.iter().filter_map(|r| r.get(i)).map(String::as_str).filter(|c| !c.is_empty()).collect();
            let most = |test: fn(&str) -> bool| {
                !cells.is_empty() && cells.iter().filter(|c| test(c)).count() * 2 > cells.len()
            };
            let mut column = if most(is_email_address) {
                Column::Email
            } else if most(is_phone) {
                Column::Phone
            } else if !cells.is_empty() && !taken.contains(&Column::Name) {
                Column::Name
            } else {
                Column::Skip
            };
            if taken.contains(&column) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &str) -> Vec<String> {
        names.split(',').map(str::to_string).collect()
    }

    #[test]
    fn googles_label_columns_are_skipped_and_its_values_kept() {
        let suggested = suggest(&headers(
            "Name,Given Name,Additional Name,Family Name,Name Prefix,Name Suffix,Birthday,Notes,Group Membership,\
             E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,\
             Address 1 - Type,Address 1 - Street,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title",
        ));
        use Column::*;
        assert_eq!(
            suggested,
            vec![
                Name, FirstName, MiddleName, LastName, Prefix, Suffix, Birthday, Notes, Skip, Skip, Email,
                Skip, OtherEmail, Skip, Phone, Skip, Skip, Skip, Company, Title
            ]
        );
    }

    #[test]
    fn outlooks_title_is_a_salutation_beside_its_job_title() {
        use Column::*;
        let suggested = suggest(&headers(
            "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business Fax,\
             Business Phone,Mobile Phone,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,Anniversary",
        ));
        assert_eq!(
            suggested,
            vec![
                Prefix,
                FirstName,
                MiddleName,
                LastName,
                Suffix,
                Company,
                Skip,
                Title,
                Skip,
                Phone,
                OtherPhone,
                Email,
                Skip,
                Skip,
                OtherEmail,
                Anniversary
            ]
        );
        assert_eq!(suggest(&headers("Title,Name"))[0], Title, "alone, a title is a job title");
    }

    #[test]
    fn salesforce_mailing_columns_are_an_address_and_an_account_export_is_companies() {
        use Column::*;
        let contacts = suggest(&headers(
            "Salutation,First Name,Last Name,Title,Account Name,Mailing Street,Mailing City,Phone,Mobile,Email,Birthdate",
        ));
        assert_eq!(
            contacts,
            vec![Prefix, FirstName, LastName, Title, Company, Skip, Skip, Phone, OtherPhone, Email, Birthday]
        );
        let accounts = suggest(&headers("Id,Name,Type,Industry,Billing City,Phone,Website,Description"));
        assert_eq!(accounts, vec![Skip, Company, Skip, Industry, Skip, Skip, Skip, Notes]);
    }

    #[test]
    fn thunderbirds_birth_columns_are_one_date() {
        use Column::*;
        let suggested = suggest(&headers(
            "First Name,Last Name,Display Name,Primary Email,Secondary Email,Work Phone,Fax Number,\
             Mobile Number,Organization,Birth Year,Birth Month,Birth Day,Notes",
        ));
        assert_eq!(
            suggested,
            vec![
                FirstName, LastName, Name, Email, OtherEmail, Phone, Skip, OtherPhone, Company, BirthYear,
                BirthMonth, BirthDay, Notes
            ]
        );
    }

    #[test]
    fn a_file_without_a_header_is_suggested_from_its_cells() {
        let rows = vec![
            vec!["Aiko Tanaka".to_string(), "aiko@kiyomizu.jp".into(), "+81 3 1234 5678".into(), "x".into()],
            vec!["Ben Ito".to_string(), "ben@kiyomizu.jp".into(), "".into(), "".into()],
        ];
        assert!(looks_like_data(&rows[0]));
        assert!(!looks_like_data(&headers("Name,Email,Phone")));
        assert_eq!(
            suggest_from_cells(4, &rows),
            vec![Column::Name, Column::Email, Column::Phone, Column::Skip]
        );
    }
}
