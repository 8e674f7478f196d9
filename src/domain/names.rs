//! How two names are told to be the same person or the same company: without case, accents,
//! punctuation, extra spaces or the order of their words ("Ruiz, Ana" is "Ana Ruiz"), and for
//! a company without its legal form ("Acme GmbH" is "ACME Inc."); and the words a merge and a
//! likely pair are said with. Pure text, no judgement.

use super::word_enum;

word_enum!(
    /// What a merge or a likely pair is of: two people, or two accounts.
    MergeKind { Person = "person", Account = "account" }
);

word_enum!(
    /// Why two records look like one: an address both have, the same name (a person's at one
    /// account, a company's without its legal form), or people writing from one company domain.
    PairReason { SameAddress = "same_address", SameName = "same_name", SameDomain = "same_domain" }
);

/// The letter without its accent, for the Latin letters names are written with; any other
/// character as it is.
fn plain(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => "",
    }
}

/// The words of a name, lower case, without accents or punctuation, in the order written.
pub fn name_words(name: &str) -> Vec<String> {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match plain(c) {
            "" if c.is_alphanumeric() => folded.push(c),
            "" => folded.push(' '),
            p => folded.push_str(p),
        }
    }
    folded.split_whitespace().map(str::to_string).collect()
}

/// A person's name as it is compared: its words, folded and in alphabetical order, so that
/// "Ruiz, Ana", "ana  ruiz" and "Ana Ruíz" are one key. Empty when the name has no letters.
pub fn person_key(name: &str) -> String {
    let mut words = name_words(name);
    words.sort();
    words.join(" ")
}

/// Legal forms that say nothing about which company it is, as single words once the dots are
/// gone ("S.A." is "sa", "B.V." is "bv").
const LEGAL_FORMS: &[&str] = &[
    "ab",
    "ag",
    "as",
    "asa",
    "bhd",
    "bv",
    "co",
    "company",
    "corp",
    "corporation",
    "cv",
    "eg",
    "ev",
    "gbr",
    "gmbh",
    "inc",
    "incorporated",
    "kg",
    "kk",
    "lda",
    "limited",
    "llc",
    "llp",
    "lp",
    "ltd",
    "mbh",
    "nv",
    "oy",
    "oyj",
    "plc",
    "pte",
    "pty",
    "sa",
    "sas",
    "sarl",
    "sl",
    "spa",
    "sro",
    "srl",
];

/// A company's name as it is compared: folded, without its legal forms at the end ("Acme
/// GmbH & Co. KG" is "acme"), its words in the order written. Dots join the letters of an
/// abbreviation first, so "S.A." and "SA" are one form.
pub fn company_key(name: &str) -> String {
    let undotted: String = name.chars().filter(|c| *c != '.').collect();
    let mut words = name_words(&undotted);
    while words.len() > 1 && words.last().is_some_and(|w| LEGAL_FORMS.contains(&w.as_str())) {
        words.pop();
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_persons_name_is_the_same_in_any_case_order_spacing_or_accent() {
        let key = person_key("Ana Ruiz");
        for same in ["Ruiz, Ana", "  ana   RUIZ ", "Ána Ruíz", "ruiz ana"] {
            assert_eq!(person_key(same), key, "{same}");
        }
        assert_ne!(person_key("Ana Ruiz Soto"), key, "a word more is someone else");
        assert_eq!(person_key("Jürgen Groß"), "gross jurgen");
        assert_eq!(person_key("田中 愛子"), person_key("愛子 田中"), "letters beyond Latin are kept");
        assert_eq!(person_key("—"), "");
    }

    #[test]
    fn a_companys_legal_form_does_not_make_it_another_company() {
        let key = company_key("Acme");
        for same in
            ["ACME GmbH", "Acme, Inc.", "Acme Ltd", "Acme S.A.", "Acme LLC", "acme ag", "Acme GmbH & Co. KG"]
        {
            assert_eq!(company_key(same), key, "{same}");
        }
        assert_eq!(company_key("Société Générale S.A."), "societe generale");
        assert_eq!(company_key("Inc."), "inc", "a name that is only a form stays a name");
        assert_ne!(company_key("Acme Labs"), key);
    }
}
