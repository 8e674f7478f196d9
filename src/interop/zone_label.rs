//! A time zone as people and CRMs write it in a column: an IANA name ("Europe/Berlin"), a
//! Windows name ("India Standard Time"), a Windows display label ("(GMT-05:00) Eastern Time (US &
//! Canada)", "(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi"), or an offset alone ("GMT+5",
//! "UTC-03:30"). Each becomes the IANA zone Rapport keeps, when one is meant; anything else is
//! left as written, for the import to say it was not kept.

use calcard::common::timezone::Tz;
use chrono::{NaiveDate, Offset, TimeZone};

/// The IANA zone a label means, or `None` when it names none Rapport can tell.
pub fn zone(label: &str) -> Option<String> {
    let text = label.trim();
    if text.is_empty() {
        return None;
    }
    // An offset first: calcard reads a label such as "(UTC+05:30) …" as the whole hour only.
    let Some((offset, rest)) = split_offset(text) else {
        return named(text).map(|zone| zone.name().to_string());
    };
    if !rest.is_empty() {
        if let Some(zone) = named(rest).filter(|z| has_offset(*z, offset)) {
            return Some(zone.name().to_string());
        }
        if let Some(zone) =
            by_region(rest).or_else(|| by_city(rest, offset)).filter(|z| has_offset(*z, offset))
        {
            return Some(zone.name().to_string());
        }
    }
    by_offset(offset)
}

/// The zone a column's label means, or the label as written when it names none (for the import
/// to say it was not kept).
pub fn or_written(written: String) -> String {
    zone(&written).unwrap_or(written)
}

/// An IANA or Windows zone name, as calendars know them, under the zone's current name (the
/// Windows table still says "Asia/Calcutta" for India).
fn named(text: &str) -> Option<chrono_tz::Tz> {
    const RENAMED: &[(&str, &str)] = &[
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("Asia/Saigon", "Asia/Ho_Chi_Minh"),
        ("Asia/Katmandu", "Asia/Kathmandu"),
        ("Asia/Rangoon", "Asia/Yangon"),
        ("Europe/Kiev", "Europe/Kyiv"),
    ];
    match text.parse::<Tz>() {
        Ok(Tz::Tz(zone)) => match RENAMED.iter().find(|(old, _)| *old == zone.name()) {
            Some((_, new)) => new.parse().ok().or(Some(zone)),
            None => Some(zone),
        },
        _ => None,
    }
}

/// "(GMT+05:30) India Standard Time" → (+330 minutes, "India Standard Time"); "UTC-5" →
/// (−300, ""); "GMT" alone is UTC. `None` when the text starts with no offset.
fn split_offset(text: &str) -> Option<(i32, &str)> {
    let (head, rest) = match text.strip_prefix('(') {
        Some(inner) => {
            let (head, rest) = inner.split_once(')')?;
            (head.trim(), rest.trim())
        }
        None => match text.split_once(char::is_whitespace) {
            Some((head, rest)) => (head, rest.trim()),
            None => (text, ""),
        },
    };
    let upper = head.to_ascii_uppercase();
    let signed = upper.strip_prefix("GMT").or_else(|| upper.strip_prefix("UTC"))?.trim();
    if signed.is_empty() {
        return Some((0, rest));
    }
    let (sign, digits) = match signed.as_bytes().first()? {
        b'+' => (1, signed.get(1..)?),
        b'-' | b'\xe2' => (-1, signed.trim_start_matches(['-', '\u{2212}'])),
        _ => return None,
    };
    let (hours, minutes) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits.len() > 2 => (digits.get(..digits.len() - 2)?, digits.get(digits.len() - 2..)?),
        None => (digits, "0"),
    };
    let (hours, minutes): (i32, i32) = (hours.parse().ok()?, minutes.parse().ok()?);
    (hours <= 14 && minutes < 60).then_some((sign * (hours * 60 + minutes), rest))
}

/// Whether the zone keeps that offset (in minutes east of UTC) in winter or in summer: a
/// label names a zone by its standard offset, and some by the one it has when written.
fn has_offset(zone: chrono_tz::Tz, minutes: i32) -> bool {
    [(1, 15), (7, 15)].iter().any(|&(month, day)| {
        NaiveDate::from_ymd_opt(2026, month, day)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .is_some_and(|at| zone.offset_from_utc_datetime(&at).fix().local_minus_utc() == minutes * 60)
    })
}

/// The regions Windows labels name without a city.
fn by_region(rest: &str) -> Option<chrono_tz::Tz> {
    const REGIONS: &[(&str, chrono_tz::Tz)] = &[
        ("eastern time", chrono_tz::America::New_York),
        ("central time", chrono_tz::America::Chicago),
        ("mountain time", chrono_tz::America::Denver),
        ("pacific time", chrono_tz::America::Los_Angeles),
        ("alaska", chrono_tz::America::Anchorage),
        ("hawaii", chrono_tz::Pacific::Honolulu),
        ("atlantic time", chrono_tz::America::Halifax),
        ("newfoundland", chrono_tz::America::St_Johns),
        ("arizona", chrono_tz::America::Phoenix),
        ("coordinated universal time", chrono_tz::UTC),
    ];
    let lower = rest.to_lowercase();
    REGIONS.iter().find(|(words, _)| lower.contains(words)).map(|(_, zone)| *zone)
}

/// The first zone, in the label's order, whose city the label names ("Chennai, Kolkata, Mumbai"
/// → Asia/Kolkata) and whose clock agrees with the label's offset.
fn by_city(rest: &str, offset: i32) -> Option<chrono_tz::Tz> {
    let lower = rest.to_lowercase();
    let words: Vec<&str> =
        lower.split([',', ':', '(', ')', '/', ';']).map(str::trim).filter(|w| !w.is_empty()).collect();
    words.iter().find_map(|word| {
        chrono_tz::TZ_VARIANTS.iter().copied().find(|zone| {
            let city = zone.name().rsplit('/').next().unwrap_or_default().replace('_', " ").to_lowercase();
            city == *word && has_offset(*zone, offset)
        })
    })
}

/// An offset alone: a whole hour is the fixed zone of that offset (`Etc/GMT+5` for five hours
/// west: those names count the other way); an offset only one place keeps is that place.
fn by_offset(minutes: i32) -> Option<String> {
    const ONLY: &[(i32, &str)] = &[
        (-570, "Pacific/Marquesas"),
        (-210, "America/St_Johns"),
        (210, "Asia/Tehran"),
        (270, "Asia/Kabul"),
        (330, "Asia/Kolkata"),
        (345, "Asia/Kathmandu"),
        (390, "Asia/Yangon"),
        (525, "Australia/Eucla"),
        (630, "Australia/Lord_Howe"),
        (765, "Pacific/Chatham"),
    ];
    if minutes % 60 == 0 {
        let hours = minutes / 60;
        return match hours {
            0 => Some("Etc/UTC".to_string()),
            h if (1..=14).contains(&h) => Some(format!("Etc/GMT-{h}")),
            h if (-12..=-1).contains(&h) => Some(format!("Etc/GMT+{}", -h)),
            _ => None,
        };
    }
    ONLY.iter().find(|(m, _)| *m == minutes).map(|(_, zone)| (*zone).to_string())
}

#[cfg(test)]
mod tests {
    use super::zone;

    #[test]
    fn labels_as_crms_and_windows_write_them_name_the_zone_meant() {
        let cases = [
            ("Europe/Berlin", Some("Europe/Berlin")),
            ("India Standard Time", Some("Asia/Kolkata")),
            ("(GMT+05:30) India Standard Time", Some("Asia/Kolkata")),
            ("(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi", Some("Asia/Kolkata")),
            ("(GMT-05:00) Eastern Time (US & Canada)", Some("America/New_York")),
            ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", Some("Europe/Berlin")),
            ("(UTC+09:00) Osaka, Sapporo, Tokyo", Some("Asia/Tokyo")),
            ("(GMT) Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London", Some("Europe/Dublin")),
            ("GMT+5:30", Some("Asia/Kolkata")),
            ("UTC-03:30", Some("America/St_Johns")),
            ("UTC-5", Some("Etc/GMT+5")),
            ("GMT+0100", Some("Etc/GMT-1")),
            ("(GMT+09:30) Adelaide", Some("Australia/Adelaide")),
            ("(GMT+09:30)", None),
            ("Eastern", Some("America/New_York")),
            ("tomorrow", None),
            ("", None),
        ];
        for (label, meant) in cases {
            assert_eq!(zone(label).as_deref(), meant, "{label}");
        }
    }
}
