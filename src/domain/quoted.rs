//! How mail programs mark what a message quotes rather than says: the attribution line ("On
//! Monday Anna wrote:"), the "Original Message" and "Forwarded message" markers, Outlook's
//! "From: / Sent:" header block, and the device's signature ("Sent from my iPhone"). The mail
//! reader cuts a message's snippet there, and capture reads only what comes before, so both
//! follow one list, in the languages account managers write in.

/// The verbs mail programs use to introduce a quote ("On Monday Anna wrote:").
const WROTE: [&str; 13] = [
    " wrote",
    " schrieb",
    " escribió",
    " a écrit",
    " ha scritto",
    " schreef",
    " escreveu",
    " skrev",
    " napisał",
    " kirjoitti",
    "のメッセージ",
    "書きました",
    "写道",
];

/// "On Mon, 15 Jan 2024 Anna <a@b> wrote:", possibly over two lines, in any of [`WROTE`]'s
/// languages; or Gmail's "2024年1月15日(月) 10:00 Anna <a@b>:" (a full-width colon too).
pub fn is_attribution(line: &str, next: &str) -> bool {
    let one = |text: &str| {
        let text = text.trim_end();
        if !(text.ends_with(':') || text.ends_with('：')) || text.chars().count() > 300 {
            return false;
        }
        let lower = text.to_lowercase();
        WROTE.iter().any(|w| lower.contains(w))
            || ((text.ends_with(">:") || text.ends_with(">：")) && text.contains('@'))
    };
    // Only a line that starts as attributions do is joined with the next one ("Thanks" and
    // "On Monday Anna wrote:" are two lines, not one attribution).
    const STARTS: [&str; 9] = ["On ", "Am ", "El ", "Le ", "Il ", "Op ", "Em ", "Den ", "W dniu "];
    let starts = STARTS.iter().any(|s| line.starts_with(s)) || line.starts_with(|c: char| c.is_ascii_digit());
    one(line) || (starts && !next.is_empty() && !line.ends_with(':') && one(&format!("{line} {next}")))
}

/// "-----Original Message-----", "---------- Forwarded message ---------", "Begin forwarded
/// message:" and their translations.
pub fn is_original_marker(line: &str) -> bool {
    const MARKERS: [&str; 12] = [
        "original message",
        "ursprüngliche nachricht",
        "mensaje original",
        "message d'origine",
        "messaggio originale",
        "oorspronkelijk bericht",
        "forwarded message",
        "weitergeleitete nachricht",
        "mensaje reenviado",
        "元のメッセージ",
        "転送されたメッセージ",
        "begin forwarded message",
    ];
    let lower = line.trim_matches(|c: char| c == '-' || c.is_whitespace() || c == ':').to_lowercase();
    (line.starts_with("--") || line.ends_with(':')) && MARKERS.contains(&lower.as_str())
}

/// Outlook's reply header: "From: …" followed within a few lines by "Sent: …" (or "Date:",
/// "Gesendet:", "Enviado:", "送信日時:"…), or by "Subject:".
pub fn is_header_block(line: &str, rest: &[&str]) -> bool {
    const FROM: [&str; 10] = ["from", "von", "de", "da", "van", "från", "fra", "差出人", "送信者", "发件人"];
    const NEXT: [&str; 19] = [
        "sent",
        "date",
        "gesendet",
        "datum",
        "enviado",
        "fecha",
        "envoyé",
        "inviato",
        "data",
        "verzonden",
        "skickat",
        "sendt",
        "送信日時",
        "日付",
        "发送时间",
        "subject",
        "betreff",
        "asunto",
        "件名",
    ];
    let field = |text: &str, names: &[&str]| {
        let text = text.trim().trim_start_matches('*');
        let Some((name, _)) = text.split_once([':', '：']) else { return false };
        let name = name.trim().trim_end_matches('*').trim().to_lowercase();
        names.contains(&name.as_str())
    };
    field(line, &FROM) && rest.iter().take(4).any(|l| field(l, &NEXT))
}

/// "Sent from my iPhone" and its kin: the program's line, not the sender's.
pub fn is_device_signature(line: &str) -> bool {
    const SIGNATURES: [&str; 8] = [
        "Sent from my ",
        "Sent from Outlook",
        "Get Outlook for ",
        "Von meinem iPhone gesendet",
        "Von meinem iPad gesendet",
        "Enviado desde mi ",
        "iPhoneから送信",
        "Envoyé de mon ",
    ];
    SIGNATURES.iter().any(|s| line.starts_with(s))
}
