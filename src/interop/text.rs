//! A file's bytes as text. Address books and CRM exports arrive in whatever encoding the tool
//! that wrote them used: Excel still writes Windows-1252, Outlook writes UTF-16 with a BOM.

use encoding_rs::{Encoding, UTF_8};

/// The decoded text, without any byte-order mark, and the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// A BOM decides; otherwise text that is valid UTF-8 is UTF-8; otherwise the encoding is
/// guessed from the bytes (chardetng, as Firefox guesses for legacy pages).
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return with(encoding, &bytes[bom..]);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded { text: text.to_string(), encoding: UTF_8.name() };
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    with(detector.guess(None, chardetng::Utf8Detection::Deny), bytes)
}

fn with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Decoded { text: text.into_owned(), encoding: encoding.name() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_utf8_bom_is_dropped() {
        let decoded = decode("\u{feff}Name,Email\r\n".as_bytes());
        assert_eq!(decoded.text, "Name,Email\r\n");
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_a_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Hélène,Zürich".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).text, "Hélène,Zürich");
    }

    #[test]
    fn windows_1252_from_excel_is_guessed() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("Name,Company\nHélène Marchand,Société Générale\nJosé Núñez,Café Øst\n");
        let decoded = decode(&bytes);
        assert!(decoded.text.contains("Hélène Marchand,Société Générale"), "{decoded:?}");
    }
}
