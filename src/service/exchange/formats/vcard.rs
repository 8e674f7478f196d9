//! People from an address book: vCard 2.1, 3.0 and 4.0, read whole.

use chrono::{DateTime, Utc};

use super::{Format, Incoming, Input, Inspected, Records, whole};
use crate::error::Result;
use crate::interop::{text, vcard};
use crate::service::exchange::{FileFormat, ImportOptions, source};

pub const FORMAT: Format = Format {
    kind: FileFormat::Vcard,
    label: "vCard address book",
    extensions: &["vcf", "vcard"],
    recognises: |_, upper| upper.contains("BEGIN:VCARD"),
    inspect: |path, _| {
        Ok(Inspected { encoding: text::decode(&source::read_bytes(path)?).encoding, csv: None })
    },
    read,
};

fn read<'a>(input: Input<'a>, _: &ImportOptions, _: DateTime<Utc>) -> Result<Records<'a>> {
    let decoded = source::decoded(input)?;
    Ok(whole(decoded.encoding, vcard::read(&decoded.text), Incoming::from))
}
