//! A person of the archive as the app would take them: every word checked, each problem at its
//! JSON path.

use super::Reader;
use crate::archive::format::ContactDoc;
use crate::domain::{BuyingRole, Channel, ContactDraft, DateKind, ImportantDate, Influence, Level, Stance};

/// The draft of the person `c` at the account `account_id`, found at `at`.
pub(super) fn draft(r: &mut Reader, c: &ContactDoc, account_id: &str, at: &str) -> ContactDraft {
    let dates = c
        .dates
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let kind = r.word::<DateKind>(
                &d.kind,
                format!("{at}.dates[{i}].kind"),
                "kind of date",
                DateKind::choices(),
            )?;
            Some(ImportantDate { kind, date: d.date.clone(), label: d.label.clone() })
        })
        .collect();
    ContactDraft {
        account_id: account_id.to_string(),
        name: c.name.clone(),
        name_parts: c.name_parts.clone(),
        title: c.title.clone(),
        level: r.word(&c.level, format!("{at}.level"), "level", Level::choices()),
        reports_to: c.reports_to.clone(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        other_emails: c.other_emails.clone(),
        other_phones: c.other_phones.clone(),
        preferred_channel: c
            .preferred_channel
            .as_ref()
            .and_then(|p| r.word(p, format!("{at}.preferred_channel"), "channel", Channel::choices())),
        timezone: c.timezone.clone(),
        cadence_days: c.cadence_days.map(|d| d.min(i32::MAX as u32) as i32),
        dates,
        notes: Some(c.notes.clone()),
        roles: c
            .roles
            .iter()
            .enumerate()
            .filter_map(|(i, role)| {
                r.word(role, format!("{at}.roles[{i}]"), "buying role", BuyingRole::choices())
            })
            .collect(),
        influence: c
            .influence
            .as_ref()
            .and_then(|w| r.word(w, format!("{at}.influence"), "influence", Influence::choices())),
        stance: c
            .stance
            .as_ref()
            .and_then(|w| r.word(w, format!("{at}.stance"), "stance", Stance::choices())),
        introduced_by: c.introduced_by.clone(),
    }
}
