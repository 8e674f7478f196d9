//! A vCard's TZ as a zone Rapport keeps: an IANA name, a Windows name mapped to one, or a
//! whole-hour offset as the fixed zone of that offset, written back as the offset it came as.

use calcard::common::timezone::Tz;

use super::VcardVersion;

/// The zone a TZ names: an IANA name, the IANA zone of a Windows name, or for a whole-hour
/// offset such as `-0500` or `-05:00` the fixed zone of that offset (`Etc/GMT+5`: the sign of
/// those names is the other way round). Anything else is `Ok(None)`, except an offset no fixed
/// zone has (`+05:30`), which is `Err` with the text, to be said.
pub(super) fn zone(written: &str) -> Result<Option<String>, String> {
    let text = written.trim();
    if let Ok(Tz::Tz(zone)) = text.parse::<Tz>() {
        return Ok(Some(zone.name().to_string()));
    }
    match Offset::parse(text) {
        Some(offset) => offset.fixed_zone().map(Some).ok_or_else(|| text.to_string()),
        None => Ok(None),
    }
}

/// A UTC offset as vCards write it: `-0500`, `-05:00`, `+05`, `Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Offset {
    east: bool,
    hours: u8,
    minutes: u8,
}

impl Offset {
    fn parse(text: &str) -> Option<Offset> {
        if text.eq_ignore_ascii_case("z") {
            return Some(Offset { east: true, hours: 0, minutes: 0 });
        }
        let (east, rest) = match text.as_bytes().first()? {
            b'+' => (true, text.get(1..)?),
            b'-' => (false, text.get(1..)?),
            _ => return None,
        };
        let digits: String = rest.chars().filter(|c| *c != ':').collect();
        if !digits.bytes().all(|b| b.is_ascii_digit()) || rest.matches(':').count() > 1 {
            return None;
        }
        let (hours, minutes) = match digits.len() {
            2 => (digits.as_str(), "00"),
            4 => (digits.get(..2)?, digits.get(2..)?),
            _ => return None,
        };
        let (hours, minutes) = (hours.parse::<u8>().ok()?, minutes.parse::<u8>().ok()?);
        (hours <= 14 && minutes < 60).then_some(Offset { east, hours, minutes })
    }

    /// `Etc/GMT+5` for five hours west of UTC; none for offsets that are not whole hours.
    fn fixed_zone(self) -> Option<String> {
        if self.minutes != 0 || (self.east && self.hours > 14) || (!self.east && self.hours > 12) {
            return None;
        }
        Some(match (self.hours, self.east) {
            (0, _) => "Etc/UTC".to_string(),
            (hours, true) => format!("Etc/GMT-{hours}"),
            (hours, false) => format!("Etc/GMT+{hours}"),
        })
    }

    /// The offset a fixed zone stands for, to write it back as the offset it came as.
    pub(super) fn of_fixed_zone(zone: &str) -> Option<Offset> {
        let rest = zone.strip_prefix("Etc/GMT")?;
        let (east, hours) = match rest.as_bytes().first()? {
            b'+' => (false, rest.get(1..)?),
            b'-' => (true, rest.get(1..)?),
            _ => return None,
        };
        let hours = hours.parse::<u8>().ok().filter(|h| *h > 0 && *h <= 14)?;
        Some(Offset { east, hours, minutes: 0 })
    }

    pub(super) fn written(self, version: VcardVersion) -> String {
        let sign = if self.east { '+' } else { '-' };
        match version {
            VcardVersion::V3 => format!("{sign}{:02}:{:02}", self.hours, self.minutes),
            VcardVersion::V4 => format!("{sign}{:02}{:02}", self.hours, self.minutes),
        }
    }
}
