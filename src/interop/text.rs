//! A file's bytes as text. Address books and CRM exports arrive in whatever encoding the tool
//! that wrote them used: Excel still writes Windows-1252, Outlook writes UTF-16 with a BOM.

use std::io::{self, Read};

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

/// The encoding of the text `open` reads, decided as [`decode`] decides, but a piece at a time:
/// the whole file is never held. `open` is called again when the bytes are not UTF-8, to let
/// the guess see all of them.
pub fn sniff<R: Read>(open: impl Fn() -> io::Result<R>) -> io::Result<&'static Encoding> {
    let mut source = open()?;
    let mut piece = vec![0; 64 * 1024];
    let first = fill(&mut source, &mut piece)?;
    if let Some((encoding, _)) = Encoding::for_bom(&piece[..first]) {
        return Ok(encoding);
    }
    // A character cut in two at the end of a piece is carried into the next one.
    let mut carried: Vec<u8> = Vec::new();
    let mut read = first;
    let utf8 = loop {
        carried.extend_from_slice(&piece[..read]);
        match std::str::from_utf8(&carried) {
            Ok(_) => carried.clear(),
            Err(e) if e.error_len().is_none() && carried.len() - e.valid_up_to() < 4 => {
                carried.drain(..e.valid_up_to());
            }
            Err(_) => break false,
        }
        if read == 0 {
            break carried.is_empty();
        }
        read = fill(&mut source, &mut piece)?;
    };
    if utf8 {
        return Ok(UTF_8);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let mut source = open()?;
    loop {
        let read = fill(&mut source, &mut piece)?;
        detector.feed(&piece[..read], read == 0);
        if read == 0 {
            return Ok(detector.guess(None, chardetng::Utf8Detection::Deny));
        }
    }
}

/// `source` read as UTF-8 text in `encoding` (a BOM, dropped, has the last word), a piece at a time.
pub fn reader<R: Read>(source: R, encoding: &'static Encoding) -> impl Read {
    encoding_rs_io::DecodeReaderBytesBuilder::new()
        .encoding(Some(encoding))
        .bom_override(true)
        .strip_bom(true)
        .utf8_passthru(true)
        .build(source)
}

/// Fills `piece` as far as the source allows; less means the source has ended.
fn fill(source: &mut impl Read, piece: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < piece.len() {
        match source.read(&mut piece[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
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

    /// The streamed reading says what the whole-file one says, and reads the same text.
    fn streamed(bytes: &[u8]) -> (String, &'static str) {
        let encoding = sniff(|| Ok(bytes)).unwrap();
        let mut text = String::new();
        reader(bytes, encoding).read_to_string(&mut text).unwrap();
        (text, encoding.name())
    }

    #[test]
    fn a_file_read_in_pieces_is_read_as_a_whole_file_is() {
        let (latin, _, _) =
            encoding_rs::WINDOWS_1252.encode("Name,Company\nHélène Marchand,Société Générale\n");
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("Hélène,Zürich".encode_utf16().flat_map(u16::to_le_bytes));
        // A long UTF-8 file whose pieces end inside characters.
        let long = "é€😀,".repeat(40_000);
        for bytes in [
            "\u{feff}Name,Email\r\n".as_bytes(),
            "Name,Email\r\n".as_bytes(),
            &latin,
            &utf16,
            long.as_bytes(),
            b"",
            &[0xE2, 0x82],
        ] {
            let whole = decode(bytes);
            assert_eq!(streamed(bytes), (whole.text.clone(), whole.encoding), "{bytes:?}");
        }
    }

    #[test]
    fn windows_1252_from_excel_is_guessed() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("Name,Company\nHélène Marchand,Société Générale\nJosé Núñez,Café Øst\n");
        let decoded = decode(&bytes);
        assert!(decoded.text.contains("Hélène Marchand,Société Générale"), "{decoded:?}");
    }
}
