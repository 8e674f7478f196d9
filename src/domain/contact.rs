//! Contacts: the people at an account, at every level, and whom each reports to.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{BuyingRole, Channel, Id, Influence, Stance, checked_roles, validate, word_enum};
use crate::error::{Error, Result};

word_enum!(Level { Executive = "executive", Manager = "manager", Staff = "staff" });

word_enum!(DateKind { Birthday = "birthday", WorkAnniversary = "work_anniversary", Other = "other" });

/// A date that matters to a person. `date` is "YYYY-MM-DD", or "--MM-DD" when the year is
/// not known: a calendar day, never an instant, so it never shifts with time zones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ImportantDate {
    pub kind: DateKind,
    pub date: String,
    pub label: Option<String>,
}

impl ImportantDate {
    pub fn checked(self) -> Result<ImportantDate> {
        validate::calendar_day("dates", &self.date)?;
        Ok(ImportantDate {
            kind: self.kind,
            date: self.date.trim().to_string(),
            label: validate::short_text("dates", "The label", self.label.as_deref())?,
        })
    }
}

/// A name in its parts, as address books keep it (vCard's N; a CSV's first, middle and last
/// name columns). It travels beside the name people are called by, so that a trip through an
/// address book gives back the same family and given names, titles and suffixes; each part may
/// hold several words kept apart ("Richter", "James").
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct NameParts {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub family: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub given: Vec<String>,
    /// Middle names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub additional: Vec<String>,
    /// "Mr.", "Dr."
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prefixes: Vec<String>,
    /// "Sr.", "M.Sc."
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suffixes: Vec<String>,
}

impl NameParts {
    pub fn is_empty(&self) -> bool {
        self.parts().iter().all(|part| part.is_empty())
    }

    fn parts(&self) -> [&Vec<String>; 5] {
        [&self.family, &self.given, &self.additional, &self.prefixes, &self.suffixes]
    }

    /// The name the parts make, as address books show it: "Mr. John Richter James Doe Sr.".
    pub fn full(&self) -> String {
        [&self.prefixes, &self.given, &self.additional, &self.family, &self.suffixes]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The parts Rapport gives a name that came without them: the last word is the family
    /// name, the words before it the given name.
    pub fn split(name: &str) -> NameParts {
        let words: Vec<&str> = name.split_whitespace().collect();
        let (family, given) = match words.split_last() {
            Some((last, rest)) if !rest.is_empty() => (vec![last.to_string()], vec![rest.join(" ")]),
            _ => (Vec::new(), Some(words.join(" ")).filter(|w| !w.is_empty()).into_iter().collect()),
        };
        NameParts { family, given, ..Default::default() }
    }

    /// The parts, when they say more than `name` does: parts that are just the name split at
    /// its last space are not worth keeping, since Rapport makes them again from the name.
    pub fn beyond(self, name: &str) -> Option<NameParts> {
        (!self.is_empty() && self != NameParts::split(name)).then_some(self)
    }

    /// Trimmed, without empty words, each word a short text; `None` when nothing is left.
    pub fn checked(self) -> Result<Option<NameParts>> {
        let clean = |words: Vec<String>| -> Result<Vec<String>> {
            let mut kept = Vec::new();
            for word in words {
                if let Some(word) = validate::short_text("name_parts", "A part of the name", Some(&word))? {
                    kept.push(word);
                }
            }
            if kept.len() > MAX_OTHERS {
                return Err(Error::validation(
                    "name_parts",
                    format!("A part of a name can hold at most {MAX_OTHERS} words. Shorten the name."),
                ));
            }
            Ok(kept)
        };
        let parts = NameParts {
            family: clean(self.family)?,
            given: clean(self.given)?,
            additional: clean(self.additional)?,
            prefixes: clean(self.prefixes)?,
            suffixes: clean(self.suffixes)?,
        };
        Ok((!parts.is_empty()).then_some(parts))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Contact {
    pub id: Id,
    pub account_id: Id,
    pub name: String,
    /// The name in its parts, when an address book or a CRM gave them; kept while the name
    /// they make is not changed.
    pub name_parts: Option<NameParts>,
    pub title: Option<String>,
    pub level: Level,
    /// The contact this person reports to, in the same account.
    pub reports_to: Option<Id>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Addresses beyond the main one, as an address book keeps them.
    pub other_emails: Vec<String>,
    pub other_phones: Vec<String>,
    pub preferred_channel: Option<Channel>,
    /// Only when it differs from the account's.
    pub timezone: Option<String>,
    /// Only when this person wants a rhythm of their own.
    pub cadence_days: Option<u32>,
    pub dates: Vec<ImportantDate>,
    pub notes: String,
    /// The parts they play in the client's decisions about us, each once.
    pub roles: Vec<BuyingRole>,
    pub influence: Option<Influence>,
    /// Their stance as the user set it, over the one the evidence gives; none to follow the
    /// evidence.
    pub stance: Option<Stance>,
    /// The colleague who introduced them to us, at the same account.
    pub introduced_by: Option<Id>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
pub struct ContactDraft {
    pub account_id: Id,
    pub name: String,
    /// Absent keeps the parts a person already has while their name stays the same.
    #[serde(default)]
    pub name_parts: Option<NameParts>,
    pub title: Option<String>,
    pub level: Option<Level>,
    pub reports_to: Option<Id>,
    pub email: Option<String>,
    pub phone: Option<String>,
    #[serde(default)]
    pub other_emails: Vec<String>,
    #[serde(default)]
    pub other_phones: Vec<String>,
    pub preferred_channel: Option<Channel>,
    pub timezone: Option<String>,
    pub cadence_days: Option<i32>,
    #[serde(default)]
    pub dates: Vec<ImportantDate>,
    pub notes: Option<String>,
    #[serde(default)]
    pub roles: Vec<BuyingRole>,
    #[serde(default)]
    pub influence: Option<Influence>,
    #[serde(default)]
    pub stance: Option<Stance>,
    #[serde(default)]
    pub introduced_by: Option<Id>,
}

impl From<&Contact> for ContactDraft {
    /// The person as an edit form would show them.
    fn from(c: &Contact) -> Self {
        ContactDraft {
            account_id: c.account_id.clone(),
            name: c.name.clone(),
            name_parts: c.name_parts.clone(),
            title: c.title.clone(),
            level: Some(c.level),
            reports_to: c.reports_to.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            other_emails: c.other_emails.clone(),
            other_phones: c.other_phones.clone(),
            preferred_channel: c.preferred_channel,
            timezone: c.timezone.clone(),
            cadence_days: c.cadence_days.map(|d| d as i32),
            dates: c.dates.clone(),
            notes: Some(c.notes.clone()),
            roles: c.roles.clone(),
            influence: c.influence,
            stance: c.stance,
            introduced_by: c.introduced_by.clone(),
        }
    }
}

impl ContactDraft {
    /// Checks what can be checked without the database; the store checks that `reports_to`
    /// is a colleague at the same account.
    pub fn into_contact(self, id: Id, now: DateTime<Utc>) -> Result<Contact> {
        let email = match self.email.as_deref() {
            Some(e) => email_address("email", e)?,
            None => None,
        };
        let other_emails = others("other_emails", "email addresses", self.other_emails, &email, |e| {
            email_address("other_emails", e)
        })?;
        let phone = validate::short_text("phone", "The phone number", self.phone.as_deref())?;
        let other_phones = others("other_phones", "phone numbers", self.other_phones, &phone, |p| {
            validate::short_text("other_phones", "A phone number", Some(p))
        })?;
        let timezone = match self.timezone.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(tz) => Some(validate::timezone("timezone", tz)?),
            None => None,
        };
        Ok(Contact {
            id,
            account_id: self.account_id,
            name: validate::name("name", "A contact", &self.name)?,
            name_parts: match self.name_parts {
                Some(parts) => parts.checked()?,
                None => None,
            },
            title: validate::short_text("title", "The title", self.title.as_deref())?,
            level: self.level.unwrap_or(Level::Staff),
            reports_to: self.reports_to.filter(|r| !r.trim().is_empty()),
            email,
            phone,
            other_emails,
            other_phones,
            preferred_channel: self.preferred_channel,
            timezone,
            cadence_days: validate::cadence("cadence_days", self.cadence_days.map(i64::from))?,
            dates: self.dates.into_iter().map(ImportantDate::checked).collect::<Result<_>>()?,
            notes: validate::long_text("notes", "The notes", self.notes.as_deref().unwrap_or(""))?,
            roles: checked_roles(self.roles),
            influence: self.influence,
            stance: self.stance,
            introduced_by: self.introduced_by.filter(|r| !r.trim().is_empty()),
            created_at: now,
            updated_at: now,
        })
    }
}

/// How many extra addresses or numbers one person may have: more is a mistake in a file.
pub const MAX_OTHERS: usize = 20;

/// Whether `value` can be an email address: what Rapport accepts for a person's email.
pub fn is_email_address(value: &str) -> bool {
    let value = value.trim();
    !value.is_empty()
        && value.contains('@')
        && !value.chars().any(char::is_whitespace)
        && value.chars().count() <= validate::NAME_MAX
}

/// A trimmed email address, or None for an empty one.
pub(crate) fn email_address(field: &'static str, value: &str) -> Result<Option<String>> {
    let email = validate::short_text(field, "The email address", Some(value))?;
    if let Some(email) = &email
        && (!email.contains('@') || email.chars().any(char::is_whitespace))
    {
        return Err(Error::validation(
            field,
            format!("\"{email}\" is not an email address. Write it as name@company.com, or leave it empty."),
        ));
    }
    Ok(email)
}

/// The extra values, each checked, without blanks or repeats of the main one (any case).
fn others(
    field: &'static str,
    what: &str,
    values: Vec<String>,
    main: &Option<String>,
    check: impl Fn(&str) -> Result<Option<String>>,
) -> Result<Vec<String>> {
    let mut kept: Vec<String> = Vec::new();
    for value in values {
        let Some(value) = check(&value)? else { continue };
        let seen = |v: &String| v.to_lowercase() == value.to_lowercase();
        if !main.as_ref().is_some_and(seen) && !kept.iter().any(seen) {
            kept.push(value);
        }
    }
    if kept.len() > MAX_OTHERS {
        return Err(Error::validation(
            field,
            format!(
                "A person can have at most {MAX_OTHERS} other {what}; this one has {}. Keep the ones you use.",
                kept.len()
            ),
        ));
    }
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_without_a_level_is_staff() {
        let contact =
            ContactDraft { account_id: "a".into(), name: "Aiko Tanaka".into(), ..Default::default() }
                .into_contact("c".into(), Utc::now())
                .unwrap();
        assert_eq!(contact.level, Level::Staff);
    }

    #[test]
    fn an_email_without_an_at_sign_is_refused() {
        let err = ContactDraft {
            name: "Aiko".into(),
            email: Some("aiko.example.com".into()),
            ..Default::default()
        }
        .into_contact("c".into(), Utc::now())
        .unwrap_err();
        assert!(matches!(err, Error::Validation { field: "email", .. }), "{err:?}");
    }

    #[test]
    fn other_addresses_drop_blanks_and_repeats_of_the_main_one() {
        let contact = ContactDraft {
            account_id: "a".into(),
            name: "Aiko".into(),
            email: Some("aiko@kiyomizu.jp".into()),
            other_emails: vec![
                "AIKO@kiyomizu.jp".into(),
                " ".into(),
                "a.tanaka@home.jp".into(),
                "a.tanaka@home.jp".into(),
            ],
            ..Default::default()
        }
        .into_contact("c".into(), Utc::now())
        .unwrap();
        assert_eq!(contact.other_emails, vec!["a.tanaka@home.jp".to_string()]);
        let err = ContactDraft {
            name: "Aiko".into(),
            other_emails: vec!["not an address".into()],
            ..Default::default()
        }
        .into_contact("c".into(), Utc::now())
        .unwrap_err();
        assert!(matches!(err, Error::Validation { field: "other_emails", .. }), "{err:?}");
    }
}
