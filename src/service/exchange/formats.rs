//! The formats Rapport imports, one entry each: what it is called, the file names a chooser
//! offers for it, and how the start of a file tells it apart. What a file is follows from this
//! list alone, and so does what the app's file chooser offers; a new format is an entry here, its
//! reader in `interop`, and the arm that reads it in `import_parsed`.

use super::FileFormat;

/// One format an import takes.
pub struct Format {
    pub kind: FileFormat,
    /// The names a file chooser offers, and the last word when the content says nothing.
    pub extensions: &'static [&'static str],
    /// Whether a file's start is in this format: its first 4,096 characters without a BOM or
    /// leading space, as written and upper-cased.
    pub recognises: fn(head: &str, upper: &str) -> bool,
}

/// Every format, in the order their content is recognised; CSV recognises nothing of its own
/// and is what a file is when nothing else claims it.
pub const FORMATS: [Format; 4] = [
    Format { kind: FileFormat::Archive, extensions: &["json"], recognises: |head, _| head.starts_with('{') },
    Format {
        kind: FileFormat::Icalendar,
        extensions: &["ics", "ical"],
        recognises: |_, upper| upper.contains("BEGIN:VCALENDAR") || upper.contains("BEGIN:VEVENT"),
    },
    Format {
        kind: FileFormat::Vcard,
        extensions: &["vcf", "vcard"],
        recognises: |_, upper| upper.contains("BEGIN:VCARD"),
    },
    Format { kind: FileFormat::Csv, extensions: &["csv", "tsv", "txt"], recognises: |_, _| false },
];

/// The format of a file called `name` whose text begins `text`: its content first, its name second.
pub fn format_of(name: &str, text: &str) -> FileFormat {
    let head: String = text.trim_start_matches('\u{feff}').trim_start().chars().take(4096).collect();
    let upper = head.to_uppercase();
    if let Some(format) = FORMATS.iter().find(|f| (f.recognises)(&head, &upper)) {
        return format.kind;
    }
    let lower = name.to_lowercase();
    let extension = lower.rsplit_once('.').map_or("", |(_, e)| e);
    FORMATS.iter().find(|f| f.extensions.contains(&extension)).map_or(FileFormat::Csv, |f| f.kind)
}

/// What the chooser of files from other tools offers: every format's names but the archive's,
/// which has a chooser of its own.
pub fn other_tools_extensions() -> Vec<&'static str> {
    FORMATS
        .iter()
        .filter(|f| f.kind != FileFormat::Archive)
        .flat_map(|f| f.extensions.iter().copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_known_by_its_content_first_and_its_name_second() {
        assert_eq!(format_of("x.csv", "\u{feff}  {\"format\": 1}"), FileFormat::Archive);
        assert_eq!(format_of("x.txt", "begin:vcalendar\r\n"), FileFormat::Icalendar);
        assert_eq!(format_of("people.csv", "BEGIN:VCARD\r\n"), FileFormat::Vcard);
        assert_eq!(format_of("Team.VCF", "garbled"), FileFormat::Vcard);
        assert_eq!(format_of("cal.ical", ""), FileFormat::Icalendar);
        assert_eq!(format_of("backup.JSON", "not json"), FileFormat::Archive);
        assert_eq!(format_of("crm export", "Name,Email"), FileFormat::Csv);
        assert_eq!(format_of("no.extension.here", "Name;Email"), FileFormat::Csv);
    }

    #[test]
    fn the_chooser_offers_every_format_from_another_tool() {
        assert_eq!(other_tools_extensions(), vec!["ics", "ical", "vcf", "vcard", "csv", "tsv", "txt"]);
    }
}
