//! How an imported record merges into the one Rapport already has: what Rapport knows is kept,
//! what the file adds is added, and every change is said in words for the preview. Pure: the
//! import (`service::exchange`) finds the records and writes the result.

use crate::domain::{
    Contact, ContactDraft, DateKind, Id, ImportantDate, MAX_OTHERS, Meeting, match_key as key, validate,
};
use crate::interop::PersonCard;

/// The account of most of these people; the first one's when it is a tie.
pub fn most_common_account(people: &[Contact]) -> Option<Id> {
    let mut counts: Vec<(Id, usize)> = Vec::new();
    for p in people {
        match counts.iter_mut().find(|(a, _)| *a == p.account_id) {
            Some((_, n)) => *n += 1,
            None => counts.push((p.account_id.clone(), 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(a, _)| a)
}

/// A new person from a card (the account is filled in by the caller).
pub fn new_person(card: &PersonCard, account_id: Id) -> ContactDraft {
    ContactDraft {
        account_id,
        name: card.name.clone(),
        name_parts: card.name_parts.clone(),
        title: card.title.clone(),
        email: card.emails.first().cloned(),
        other_emails: card.emails.iter().skip(1).cloned().collect(),
        phone: card.phones.first().cloned(),
        other_phones: card.phones.iter().skip(1).cloned().collect(),
        timezone: card.timezone.clone(),
        dates: card.dates.clone(),
        notes: card.notes.clone(),
        ..Default::default()
    }
}

/// Leaves out of the card the values that made `field` invalid, and says whether anything was
/// left out (when nothing was, the card cannot be kept by leaving a value out).
pub fn leave_out(card: &mut PersonCard, field: &str) -> bool {
    let before = card.clone();
    match field {
        "email" | "other_emails" => {
            card.emails.retain(|e| crate::domain::is_email_address(e));
            if card.emails == before.emails {
                card.emails.truncate(1 + MAX_OTHERS);
            }
        }
        "phone" | "other_phones" => {
            card.phones.retain(|p| p.trim().chars().count() <= validate::NAME_MAX);
            if card.phones == before.phones {
                card.phones.truncate(1 + MAX_OTHERS);
            }
        }
        "title" => card.title = None,
        "timezone" => card.timezone = None,
        "dates" => card.dates.retain(|d| d.clone().checked().is_ok()),
        "notes" => card.notes = None,
        "name_parts" => card.name_parts = None,
        _ => {}
    }
    *card != before
}

/// Phone numbers compare by their digits: "+33 1 23" and "+33123" are one number.
fn digits(phone: &str) -> String {
    phone.chars().filter(char::is_ascii_digit).collect()
}

/// The person with what the card adds or changes, and those changes in words. The file wins
/// for the title, the zone and a date of the same kind; addresses, numbers and notes are added.
pub fn person(old: &Contact, card: &PersonCard) -> (ContactDraft, Vec<String>) {
    let mut draft = ContactDraft::from(old);
    let mut changes = Vec::new();
    // The parts of the name Rapport knows, when the file gives them for that same name.
    if let Some(parts) = card.name_parts.as_ref().filter(|p| Some(*p) != old.name_parts.as_ref())
        && card.name.trim().to_lowercase() == old.name.to_lowercase()
    {
        changes.push(format!("name in parts: {}", parts.full()));
        draft.name_parts = Some(parts.clone());
    }
    if let Some(title) = card.title.as_ref().filter(|t| Some(*t) != old.title.as_ref()) {
        changes.push(match &old.title {
            Some(before) => format!("job title: {before} → {title}"),
            None => format!("job title: {title}"),
        });
        draft.title = Some(title.clone());
    }
    for email in &card.emails {
        let known = draft.email.iter().chain(draft.other_emails.iter()).any(|e| key(e) == key(email));
        if !known {
            changes.push(format!("adds email {email}"));
            match draft.email {
                None => draft.email = Some(email.clone()),
                Some(_) => draft.other_emails.push(email.clone()),
            }
        }
    }
    for phone in &card.phones {
        let known = draft.phone.iter().chain(draft.other_phones.iter()).any(|p| digits(p) == digits(phone));
        if !known {
            changes.push(format!("adds phone {phone}"));
            match draft.phone {
                None => draft.phone = Some(phone.clone()),
                Some(_) => draft.other_phones.push(phone.clone()),
            }
        }
    }
    if let Some(tz) = card.timezone.as_ref().filter(|t| Some(*t) != old.timezone.as_ref()) {
        changes.push(format!("time zone: {tz}"));
        draft.timezone = Some(tz.clone());
    }
    for date in &card.dates {
        let same =
            |d: &ImportantDate| d.kind == date.kind && (d.kind != DateKind::Other || d.label == date.label);
        match draft.dates.iter_mut().find(|d| same(d)) {
            Some(d) if d.date == date.date => {}
            Some(d) => {
                changes.push(format!("{}: {} → {}", date_noun(date), d.date, date.date));
                d.date = date.date.clone();
            }
            None => {
                changes.push(format!("{}: {}", date_noun(date), date.date));
                draft.dates.push(date.clone());
            }
        }
    }
    if let Some(notes) = card.notes.as_deref().and_then(|n| added_notes(&old.notes, n)) {
        changes.push("adds notes".into());
        draft.notes = Some(notes);
    }
    (draft, changes)
}

fn date_noun(date: &ImportantDate) -> String {
    match date.kind {
        DateKind::Birthday => "birthday".into(),
        DateKind::WorkAnniversary => "work anniversary".into(),
        DateKind::Other => date.label.clone().unwrap_or_else(|| "date".into()).to_lowercase(),
    }
}

/// The notes with the file's text added, unless they already hold it.
pub fn added_notes(old: &str, new: &str) -> Option<String> {
    let new = new.trim();
    if new.is_empty() || old.contains(new) {
        None
    } else if old.trim().is_empty() {
        Some(new.to_string())
    } else {
        Some(format!("{}\n\n{new}", old.trim_end()))
    }
}

pub fn meeting_changes(old: &Meeting, new: &Meeting, people: &[Contact]) -> Vec<String> {
    let mut changes = Vec::new();
    if old.title != new.title {
        changes.push(format!("title: {} → {}", old.title, new.title));
    }
    if old.starts_at != new.starts_at || old.ends_at != new.ends_at {
        changes.push(format!("moves to {}", new.starts_at.format("%Y-%m-%d %H:%M UTC")));
    }
    if old.location != new.location {
        changes.push(format!("location: {}", new.location.as_deref().unwrap_or("none")));
    }
    if old.timezone != new.timezone {
        changes.push(format!("time zone: {}", new.timezone.as_deref().unwrap_or("none")));
    }
    for id in new.attendee_ids.iter().filter(|id| !old.attendee_ids.contains(id)) {
        let name = people.iter().find(|p| &p.id == id).map_or("someone", |p| p.name.as_str());
        changes.push(format!("adds {name}"));
    }
    if old.agenda != new.agenda {
        changes.push("adds the agenda".into());
    }
    for guest in &old.guests {
        match new.guests.iter().find(|g| g.email == guest.email) {
            None => changes.push(format!("{} is among your people now, no longer a guest", guest.email)),
            Some(g) if g.name != guest.name || g.role != guest.role => {
                changes.push(format!("guest: {}", g.label()));
            }
            Some(_) => {}
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;

    #[test]
    fn a_card_adds_what_is_new_and_says_so_and_the_same_card_changes_nothing() {
        let old = ContactDraft {
            account_id: "a".into(),
            name: "Aiko Tanaka".into(),
            title: Some("COO".into()),
            email: Some("aiko@kiyomizu.jp".into()),
            phone: Some("+81 3 1234".into()),
            notes: Some("Likes baseball.".into()),
            ..Default::default()
        }
        .into_contact("c".into(), Utc::now())
        .unwrap();
        let card = PersonCard {
            name: "A. Tanaka".into(),
            title: Some("CEO".into()),
            emails: vec!["AIKO@kiyomizu.jp".into(), "aiko@tanaka.jp".into()],
            phones: vec!["+81-3-1234".into()],
            dates: vec![ImportantDate { kind: DateKind::Birthday, date: "--03-14".into(), label: None }],
            notes: Some("Likes baseball.".into()),
            ..Default::default()
        };
        let (draft, changes) = person(&old, &card);
        assert_eq!(changes, vec!["job title: COO → CEO", "adds email aiko@tanaka.jp", "birthday: --03-14"]);
        assert_eq!(draft.name, "Aiko Tanaka", "the name Rapport knows is kept");
        assert_eq!(draft.other_emails, vec!["aiko@tanaka.jp"]);
        let merged = draft.into_contact("c".into(), Utc::now()).unwrap();
        assert_eq!(person(&merged, &card).1, Vec::<String>::new());
    }
}
