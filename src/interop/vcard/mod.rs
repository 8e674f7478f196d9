//! vCard, the address-book format: what Apple Contacts, Google Contacts and Outlook export and
//! import. Reading is lenient (3.0 and 4.0, 2.1 as far as it goes) because a contact that is
//! lost on import is worse than one property that is left behind; writing follows what those
//! address books read back best.
//!
//! `calcard` does the parsing (unfolding, unescaping, quoted-printable, charsets) and the
//! writing (escaping, folding at 75 octets). This module only splits the file into cards and
//! properties, so that every problem can name the line it is on, and reads dates from the text
//! as written, because calcard's date parser drops the day of extended dates such as
//! `1985-03-14` and a birthday must never lose or shift a day.

use std::collections::BTreeSet;

use calcard::vcard::{
    VCard, VCardEntry, VCardParameter, VCardParameterName, VCardParameterValue, VCardProperty, VCardValue,
    VCardValueType, VCardVersion,
};
use calcard::{Entry, Parser};

use super::{CompanyRow, LineProblem, PersonCard, Read, Record};
use crate::domain::{DateKind, ImportantDate, NameParts, is_email_address};

/// The vCard version to write: 3.0 for older address books, 4.0 for current ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VcardVersion {
    V3,
    V4,
}

const PRODID: &str = "-//Rapport//Rapport//EN";
/// Work anniversaries have no standard property; ours lets them survive a round trip.
const WORK_ANNIVERSARY: &str = "X-RAPPORT-WORK-ANNIVERSARY";
/// Any other labelled date (a contract renewal, a child's birthday), with its label in X-LABEL.
const OTHER_DATE: &str = "X-RAPPORT-DATE";
const LABEL_PARAM: &str = "X-LABEL";
/// Apple and Google write a birthday without a year as 1604 plus this parameter, because
/// vCard 3.0 has no year-less date.
const APPLE_OMIT_YEAR: &str = "X-APPLE-OMIT-YEAR";
const APPLE_NO_YEAR: u16 = 1604;
const ANNIVERSARY_LABEL: &str = "Anniversary";
/// Apple marks a company's own card with this property set to COMPANY.
const APPLE_SHOW_AS: &str = "X-ABShowAs";
/// Longer is not a phone number but something pasted in the wrong field.
const PHONE_MAX: usize = 100;

/// Reads every card of a `.vcf` file: a person, or a company on its own (KIND:org, Apple's
/// company cards) that becomes an account. Cut-off cards, cards that name nobody and lines
/// outside any card become problems placed by line; a value that cannot be kept (an address
/// that is not one, a date that is not a day) is left out of its card and said in `left_out`;
/// properties Rapport does not keep are listed once in `skipped`. Never panics, whatever the text.
pub fn read(text: &str) -> Read<Record> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (blocks, mut problems) = split_cards(text);
    let mut records = Vec::new();
    let mut left_out = Vec::new();
    let mut skipped = BTreeSet::new();
    for block in &blocks {
        let mut draft = Draft::default();
        for property in properties(&block.lines) {
            for entry in parse_property(&property.source) {
                draft.apply(&entry, &property, &mut left_out, &mut skipped);
            }
        }
        match draft.into_record(block.line, &mut left_out) {
            Some(record) => records.push(record),
            None => problems.push(problem(
                block.line,
                format!(
                    "The card at line {} has no name, email address or company, so nobody could \
                     be made from it. Give it a name in your address book and export it again.",
                    block.line
                ),
            )),
        }
    }
    problems.sort_by_key(|problem| problem.line);
    left_out.sort_by_key(|problem| problem.line);
    Read { records, problems, left_out, skipped: skipped.into_iter().collect() }
}

/// Writes one vCard per card, in the order given, with CRLF line endings.
pub fn write(cards: &[PersonCard], version: VcardVersion) -> String {
    let mut out = String::new();
    let calcard_version = match version {
        VcardVersion::V3 => VCardVersion::V3_0,
        VcardVersion::V4 => VCardVersion::V4_0,
    };
    for card in cards {
        // Writing into a String cannot fail.
        let _ = to_vcard(card, version).write_to(&mut out, calcard_version);
    }
    out
}

fn problem(line: u32, message: String) -> LineProblem {
    LineProblem { line, message }
}

/// The lines between one BEGIN:VCARD and its END:VCARD, each with its 1-based line number.
struct Block<'a> {
    line: u32,
    lines: Vec<(u32, &'a str)>,
}

/// Finds the cards by their BEGIN/END lines before calcard sees them, which is what lets a
/// problem name its line and keeps one broken card from taking the rest of the file with it.
fn split_cards(text: &str) -> (Vec<Block<'_>>, Vec<LineProblem>) {
    let mut blocks = Vec::new();
    let mut problems = Vec::new();
    let mut open: Option<Block<'_>> = None;
    let mut stray_since: Option<u32> = None;
    let mut stray_runs = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let boundary = boundary(line);
        if let Some(block) = open.as_mut() {
            match boundary {
                Some(Boundary::End) => blocks.extend(open.take()),
                Some(Boundary::Begin) => {
                    problems.push(cut_off(block.line));
                    open = Some(Block { line: number, lines: Vec::new() });
                }
                None => block.lines.push((number, line)),
            }
            continue;
        }
        match boundary {
            Some(Boundary::Begin) => {
                stray_runs.extend(stray_since.take());
                open = Some(Block { line: number, lines: Vec::new() });
            }
            _ if line.trim().is_empty() => stray_runs.extend(stray_since.take()),
            _ => {
                stray_since.get_or_insert(number);
            }
        }
    }
    stray_runs.extend(stray_since);
    if let Some(block) = open {
        problems.push(cut_off(block.line));
    }
    if blocks.is_empty() && problems.is_empty() {
        problems.push(problem(
            1,
            "This file has no contact cards in it, so nothing was read. Export your contacts as a \
             vCard (.vcf) file and choose that file."
                .to_string(),
        ));
    } else {
        problems.extend(stray_runs.into_iter().map(|line| {
            problem(
                line,
                format!(
                    "Line {line} is not part of any contact card, so it was skipped. If someone is \
                     missing, export them again from your address book."
                ),
            )
        }));
    }
    (blocks, problems)
}

fn cut_off(line: u32) -> LineProblem {
    problem(
        line,
        format!(
            "The card at line {line} is cut off (its END:VCARD line is missing), so it was not \
             read. Export your contacts again and import the new file."
        ),
    )
}

enum Boundary {
    Begin,
    End,
}

fn boundary(line: &str) -> Option<Boundary> {
    if line.starts_with([' ', '\t']) {
        return None;
    }
    let (name, value) = line.trim().split_once(':')?;
    if !value.trim().eq_ignore_ascii_case("VCARD") {
        return None;
    }
    let name = name.trim().trim_start_matches('\u{feff}');
    if name.eq_ignore_ascii_case("BEGIN") {
        Some(Boundary::Begin)
    } else if name.eq_ignore_ascii_case("END") {
        Some(Boundary::End)
    } else {
        None
    }
}

/// One property as written in the file: its first line, and its physical lines joined again
/// with CRLF so that calcard unfolds and decodes them itself.
struct Property {
    line: u32,
    source: String,
}

/// Groups physical lines into properties. A line continues the property before it when it
/// starts with a space or tab (folding), or when that property is quoted-printable and its
/// last line ends with `=` (a soft line break, which vCard 2.1 writers do not indent).
fn properties(lines: &[(u32, &str)]) -> Vec<Property> {
    let mut found: Vec<Property> = Vec::new();
    for &(line, text) in lines {
        let continues = found.last().is_some_and(|last| {
            text.starts_with([' ', '\t']) || (last.source.ends_with('=') && is_quoted_printable(&last.source))
        });
        match found.last_mut() {
            Some(last) if continues => {
                last.source.push_str("\r\n");
                last.source.push_str(text);
            }
            _ if text.trim().is_empty() => {}
            _ => found.push(Property { line, source: text.to_string() }),
        }
    }
    found
}

fn is_quoted_printable(source: &str) -> bool {
    let head = source.split(':').next().unwrap_or_default();
    head.to_ascii_uppercase().contains("QUOTED-PRINTABLE")
}

/// Lets calcard read one property on its own, so each result stays tied to its line.
fn parse_property(source: &str) -> Vec<VCardEntry> {
    let card = format!("BEGIN:VCARD\r\n{source}\r\nEND:VCARD\r\n");
    match Parser::new(&card).entry() {
        Entry::VCard(card) => card.entries,
        _ => Vec::new(),
    }
}

/// The value as written, unfolded: what dates are read from.
fn raw_value(source: &str) -> String {
    let unfolded: String = source
        .split("\r\n")
        .enumerate()
        .map(|(index, line)| if index == 0 { line } else { line.strip_prefix([' ', '\t']).unwrap_or(line) })
        .collect();
    let mut quoted = false;
    for (index, ch) in unfolded.char_indices() {
        match ch {
            '"' => quoted = !quoted,
            ':' if !quoted => return unfolded.get(index + 1..).unwrap_or_default().trim().to_string(),
            _ => {}
        }
    }
    String::new()
}

/// A value with its preference: PREF=n (4.0), TYPE=pref (3.0) or a bare PREF (2.1).
struct Ranked {
    rank: u32,
    value: String,
}

/// What one card has said so far; becomes a `PersonCard` once the card is read.
#[derive(Default)]
struct Draft {
    formatted_name: Option<String>,
    structured_name: Option<NameParts>,
    /// KIND:org, or Apple's X-ABShowAs:COMPANY: the card is a company, not a person.
    organisation: bool,
    company: Option<String>,
    title: Option<String>,
    role: Option<String>,
    emails: Vec<Ranked>,
    phones: Vec<Ranked>,
    timezone: Option<String>,
    notes: Vec<String>,
    dates: Vec<ImportantDate>,
}

impl Draft {
    fn apply(
        &mut self,
        entry: &VCardEntry,
        property: &Property,
        left_out: &mut Vec<LineProblem>,
        skipped: &mut BTreeSet<String>,
    ) {
        let mut date = |kind, label| match read_date(entry, property, kind, label) {
            Ok(date) => {
                if !self.dates.contains(&date) {
                    self.dates.push(date);
                }
            }
            Err(bad) => left_out.push(bad),
        };
        match &entry.name {
            VCardProperty::Bday => date(DateKind::Birthday, label_of(entry)),
            VCardProperty::Anniversary => date(DateKind::Other, Some(ANNIVERSARY_LABEL.to_string())),
            VCardProperty::Other(name) if name.eq_ignore_ascii_case(WORK_ANNIVERSARY) => {
                date(DateKind::WorkAnniversary, label_of(entry))
            }
            VCardProperty::Other(name) if name.eq_ignore_ascii_case(OTHER_DATE) => {
                date(DateKind::Other, label_of(entry))
            }
            VCardProperty::Fn => keep_first(&mut self.formatted_name, first_text(entry)),
            VCardProperty::N => {
                if self.structured_name.is_none() {
                    self.structured_name = name_parts(entry);
                }
            }
            VCardProperty::Kind => {
                self.organisation =
                    matches!(entry.values.first(), Some(VCardValue::Kind(calcard::vcard::VCardKind::Org)))
                        || first_text(entry).is_some_and(|kind| kind.eq_ignore_ascii_case("org"));
            }
            VCardProperty::Other(name) if name.eq_ignore_ascii_case(APPLE_SHOW_AS) => {
                self.organisation =
                    first_text(entry).is_some_and(|show| show.eq_ignore_ascii_case("company"));
            }
            VCardProperty::Org => keep_first(&mut self.company, first_text(entry)),
            VCardProperty::Title => keep_first(&mut self.title, first_text(entry)),
            VCardProperty::Role => keep_first(&mut self.role, first_text(entry)),
            VCardProperty::Email => match ranked(entry, "mailto:") {
                Some(email) if is_email_address(&email.value) => self.emails.push(email),
                Some(email) => left_out.push(problem(
                    property.line,
                    format!(
                        "\u{201c}{}\u{201d} on line {} is not an email address, so it was left out; \
                         the rest of the card was read. Correct it in your address book if it matters.",
                        shorten(&email.value),
                        property.line
                    ),
                )),
                None => {}
            },
            VCardProperty::Tel => match ranked(entry, "tel:") {
                Some(phone) if phone.value.chars().count() <= PHONE_MAX => {
                    self.phones.push(Ranked { value: phone_number(&phone.value), ..phone })
                }
                Some(phone) => left_out.push(problem(
                    property.line,
                    format!(
                        "The phone number on line {} (\u{201c}{}\u{201d}) is too long to be one, so it \
                         was left out; the rest of the card was read.",
                        property.line,
                        shorten(&phone.value)
                    ),
                )),
                None => {}
            },
            VCardProperty::Tz => {
                if self.timezone.is_none() {
                    match zone(&raw_value(&property.source)) {
                        Ok(zone) => self.timezone = zone,
                        Err(written) => left_out.push(problem(
                            property.line,
                            format!(
                                "The time zone on line {} (\u{201c}{}\u{201d}) is an offset that no \
                                 zone Rapport knows keeps all year, so it was left out. Choose the \
                                 person's time zone in Rapport.",
                                property.line,
                                shorten(&written)
                            ),
                        )),
                    }
                }
            }
            VCardProperty::Note => self.notes.extend(first_text(entry).map(|note| one_line_break(&note))),
            // The file's own bookkeeping, not something about the person.
            VCardProperty::Version | VCardProperty::Prodid | VCardProperty::Begin | VCardProperty::End => {}
            other => {
                skipped.insert(shorten(other.as_str()).to_ascii_uppercase());
            }
        }
    }

    /// A company card becomes the account it names; anyone else a person, named by FN, else by
    /// their given and family names, else by their email address.
    fn into_record(self, line: u32, left_out: &mut Vec<LineProblem>) -> Option<Record> {
        let notes = (!self.notes.is_empty()).then(|| self.notes.join("\n\n"));
        let person_named =
            self.structured_name.as_ref().is_some_and(|n| !n.given.is_empty() || !n.family.is_empty());
        // Outlook and Thunderbird write a company's own entry with its name as FN and no N.
        // A card with only an address and a company is a person named by the address.
        let company_only = !person_named
            && self.company.is_some()
            && match self.formatted_name.as_deref() {
                Some(name) => Some(name) == self.company.as_deref(),
                None => self.emails.is_empty(),
            };
        if self.organisation || company_only {
            let name = self.company.clone().or(self.formatted_name.clone())?;
            let mut dropped: Vec<&str> = Vec::new();
            if !self.emails.is_empty() {
                dropped.push("email addresses");
            }
            if !self.phones.is_empty() {
                dropped.push("phone numbers");
            }
            if self.title.is_some() || self.role.is_some() {
                dropped.push("job title");
            }
            if !self.dates.is_empty() {
                dropped.push("dates");
            }
            if !dropped.is_empty() {
                left_out.push(problem(
                    line,
                    format!(
                        "The card at line {line} is the company {name}, which becomes an account; its {} \
                         belong to people in Rapport, so they were left out. Add them to a person at {name}.",
                        crate::domain::validate::one_of(&dropped).replace(" or ", " and ")
                    ),
                ));
            }
            return Some(Record::Company(CompanyRow {
                line,
                name,
                timezone: self.timezone,
                notes,
                ..Default::default()
            }));
        }
        let emails = preferred_first(self.emails);
        let name: String = self
            .formatted_name
            .or_else(|| self.structured_name.as_ref().and_then(called_by))
            .or_else(|| emails.first().cloned())?;
        Some(Record::Person(PersonCard {
            line,
            name_parts: self.structured_name.and_then(|parts| parts.beyond(&name)),
            name,
            company: self.company,
            title: self.title.or(self.role),
            emails,
            phones: preferred_first(self.phones),
            timezone: self.timezone,
            dates: self.dates,
            notes,
        }))
    }
}

fn keep_first(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// The first value as text, trimmed; `None` when it is empty or not text at all.
fn first_text(entry: &VCardEntry) -> Option<String> {
    entry.values.first().and_then(value_text)
}

fn value_text(value: &VCardValue) -> Option<String> {
    let text = match value {
        VCardValue::Text(text) => text.trim().to_string(),
        VCardValue::Component(parts) => parts.join(" ").trim().to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// N is family;given;additional;prefix;suffix, each part a list of words.
fn name_parts(entry: &VCardEntry) -> Option<NameParts> {
    let part = |index: usize| -> Vec<String> {
        match entry.values.get(index) {
            Some(VCardValue::Text(text)) => {
                Some(text.trim().to_string()).filter(|t| !t.is_empty()).into_iter().collect()
            }
            Some(VCardValue::Component(words)) => {
                words.iter().map(|w| w.trim().to_string()).filter(|w| !w.is_empty()).collect()
            }
            _ => Vec::new(),
        }
    };
    let parts = NameParts {
        family: part(0),
        given: part(1),
        additional: part(2),
        prefixes: part(3),
        suffixes: part(4),
    };
    (!parts.is_empty()).then_some(parts)
}

/// The name a person is called by when the card has no FN: given and family names; titles and
/// middle names would make matching harder.
fn called_by(parts: &NameParts) -> Option<String> {
    let name = parts.given.iter().chain(parts.family.iter()).cloned().collect::<Vec<_>>().join(" ");
    Some(name).filter(|n| !n.is_empty()).or_else(|| Some(parts.full()).filter(|n| !n.is_empty()))
}

/// The value without its URI scheme (`mailto:`, `tel:`), with its preference.
fn ranked(entry: &VCardEntry, scheme: &str) -> Option<Ranked> {
    let text = first_text(entry)?;
    let value = match text.get(..scheme.len()) {
        Some(prefix) if prefix.eq_ignore_ascii_case(scheme) => {
            text.get(scheme.len()..).unwrap_or_default().trim()
        }
        _ => text.as_str(),
    };
    (!value.is_empty()).then(|| Ranked { rank: preference(entry), value: value.to_string() })
}

/// A number as people write it: a `tel:` URI's extension (`;ext=102`) becomes " ext. 102", and
/// its other parameters (`;phone-context=…`) are dropped, so no writer has to escape a `;`.
fn phone_number(value: &str) -> String {
    let mut parts = value.split(';');
    let number = parts.next().unwrap_or_default().trim().to_string();
    let extension = parts.find_map(|part| {
        let (name, ext) = part.split_once('=')?;
        name.trim().eq_ignore_ascii_case("ext").then(|| ext.trim().to_string())
    });
    match extension {
        Some(ext) if !ext.is_empty() => format!("{number} ext. {ext}"),
        _ => number,
    }
}

/// Line breaks as one `\n`, whatever wrote them: a CRLF or a lone CR in a note would otherwise
/// be written back as a literal `\r`.
fn one_line_break(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn preference(entry: &VCardEntry) -> u32 {
    entry
        .params
        .iter()
        .filter_map(|param| match (&param.name, &param.value) {
            (VCardParameterName::Pref, VCardParameterValue::Integer(rank)) => Some(*rank),
            (VCardParameterName::Pref, VCardParameterValue::Null) => Some(1),
            (VCardParameterName::Type, VCardParameterValue::Text(kind))
                if kind.eq_ignore_ascii_case("pref") =>
            {
                Some(1)
            }
            _ => None,
        })
        .min()
        .unwrap_or(u32::MAX)
}

/// Preferred first, then file order; the same address twice (in any case) is kept once.
fn preferred_first(mut list: Vec<Ranked>) -> Vec<String> {
    list.sort_by_key(|ranked| ranked.rank);
    let mut seen = BTreeSet::new();
    list.into_iter()
        .filter(|ranked| seen.insert(ranked.value.to_lowercase()))
        .map(|ranked| ranked.value)
        .collect()
}

fn read_date(
    entry: &VCardEntry,
    property: &Property,
    kind: DateKind,
    label: Option<String>,
) -> Result<ImportantDate, LineProblem> {
    let written = raw_value(&property.source);
    match Day::parse(&written) {
        Some(mut day) => {
            if day.year.is_some() && day.year == omitted_year(entry) {
                day.year = None;
            }
            Ok(ImportantDate { kind, date: day.to_string(), label })
        }
        None => Err(problem(
            property.line,
            format!(
                "The {} on line {} (\u{201c}{}\u{201d}) is not a calendar date, so it was left out. \
                 Correct it in your address book if you want Rapport to know it.",
                kind_words(kind),
                property.line,
                shorten(&written),
            ),
        )),
    }
}

/// Keeps a message readable when the bad value is a whole paragraph.
fn shorten(text: &str) -> String {
    const LIMIT: usize = 40;
    match text.char_indices().nth(LIMIT) {
        Some((end, _)) => format!("{}\u{2026}", text.get(..end).unwrap_or_default()),
        None => text.to_string(),
    }
}

fn to_vcard(card: &PersonCard, version: VcardVersion) -> VCard {
    let text = |property, value: &str| VCardEntry::new(property).with_value(value.to_string());
    let mut entries = vec![text(VCardProperty::Prodid, PRODID), text(VCardProperty::Fn, &card.name)];
    let parts = match &card.name_parts {
        Some(parts) => n_values(parts),
        None => n_values(&NameParts::split(&card.name)),
    };
    entries.push(VCardEntry::new(VCardProperty::N).with_values(parts));
    entries.extend(card.company.as_deref().map(|company| text(VCardProperty::Org, company)));
    entries.extend(card.title.as_deref().map(|title| text(VCardProperty::Title, title)));
    entries.extend(preferred(VCardProperty::Email, &card.emails, version));
    entries.extend(preferred(VCardProperty::Tel, &card.phones, version));
    entries.extend(card.timezone.as_deref().map(|zone| {
        match (Offset::of_fixed_zone(zone), version) {
            // A fixed zone goes back out as the offset it stands for, which every address book reads.
            (Some(offset), VcardVersion::V3) => text(VCardProperty::Tz, &offset.written(version)),
            (Some(offset), VcardVersion::V4) => text(VCardProperty::Tz, &offset.written(version))
                .with_param(VCardParameter::value(VCardValueType::UtcOffset)),
            // 3.0 reads TZ as an offset unless told otherwise.
            (None, VcardVersion::V3) => {
                text(VCardProperty::Tz, zone).with_param(VCardParameter::value(VCardValueType::Text))
            }
            (None, VcardVersion::V4) => text(VCardProperty::Tz, zone),
        }
    }));
    entries.extend(card.notes.as_deref().map(|notes| text(VCardProperty::Note, &one_line_break(notes))));
    entries.extend(card.dates.iter().filter_map(|date| date_entry(date, version)));
    VCard { entries }
}

/// N from the parts the person's name came with; a part of several words keeps them apart.
fn n_values(parts: &NameParts) -> Vec<VCardValue> {
    [&parts.family, &parts.given, &parts.additional, &parts.prefixes, &parts.suffixes]
        .into_iter()
        .map(|words| match words.as_slice() {
            [] => VCardValue::Text(String::new()),
            [one] => VCardValue::Text(one.clone()),
            several => VCardValue::Component(several.to_vec()),
        })
        .collect()
}

/// One entry per value; the first is marked preferred the way each version says it.
fn preferred(property: VCardProperty, values: &[String], version: VcardVersion) -> Vec<VCardEntry> {
    values
        .iter()
        .enumerate()
        .map(|(index, value)| {
            let entry = VCardEntry::new(property.clone()).with_value(value.clone());
            match (index, version) {
                (0, VcardVersion::V4) => entry.with_param(VCardParameter::pref(1u32)),
                (0, VcardVersion::V3) => entry.with_param(VCardParameter::typ("pref".to_string())),
                _ => entry,
            }
        })
        .collect()
}

fn date_entry(date: &ImportantDate, version: VcardVersion) -> Option<VCardEntry> {
    let day = Day::parse(&date.date)?;
    let label = date.label.clone();
    let (property, label) = match date.kind {
        DateKind::Birthday => (VCardProperty::Bday, label),
        DateKind::Other if label.as_deref() == Some(ANNIVERSARY_LABEL) => (VCardProperty::Anniversary, None),
        DateKind::WorkAnniversary => (VCardProperty::Other(WORK_ANNIVERSARY.to_string()), label),
        DateKind::Other => (VCardProperty::Other(OTHER_DATE.to_string()), label),
    };
    let label =
        label.map(|label| VCardParameter::new(VCardParameterName::Other(LABEL_PARAM.to_string()), label));
    let entry = VCardEntry::new(property.clone()).with_param_opt(label);
    Some(match (property, day.year, version) {
        // Our own properties are text, in Rapport's own form, in both versions.
        (VCardProperty::Other(_), _, _) => entry.with_value(day.to_string()),
        (_, None, VcardVersion::V3) => {
            let omitted = VCardParameter::new(
                VCardParameterName::Other(APPLE_OMIT_YEAR.to_string()),
                APPLE_NO_YEAR.to_string(),
            );
            let apple_day = Day { year: Some(APPLE_NO_YEAR), ..day };
            entry.with_param(omitted).with_value(VCardValue::PartialDateTime(apple_day.partial()))
        }
        _ => entry.with_value(VCardValue::PartialDateTime(day.partial())),
    })
}

mod day;
mod zone;

use day::{Day, kind_words, label_of, omitted_year};
use zone::{Offset, zone};

#[cfg(test)]
mod tests;
