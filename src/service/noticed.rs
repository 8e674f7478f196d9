//! The review queue, "Rapport noticed": what the user's mail and calendars suggest, waiting for
//! a yes. Accepting makes the record the user would have typed — a request with the clocks its
//! thread shows, a promise with its due day, a person with their address — in one transaction
//! with the decision; ignoring keeps the proposal from coming back. Both can be taken back.

use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use super::{Rapport, new_id, stored_precision};
use crate::domain::{
    ContactDraft, Direction, Id, Noticed, NoticedEdit, NoticedKind, NoticedState, PromiseDraft, RecordKind,
    RequestDraft, validate,
};
use crate::error::{Error, Result};
use crate::store::{self, contacts, meetings, noticed, promises, requests};

/// What accepting a proposal made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Accepted {
    pub noticed_id: Id,
    pub kind: RecordKind,
    pub record_id: Id,
    pub account_id: Id,
}

impl Rapport {
    /// The proposals waiting for the user, newest first.
    pub fn noticed(&self) -> Result<Vec<Noticed>> {
        noticed::open(self.store.conn())
    }

    /// How many proposals wait.
    pub fn noticed_waiting(&self) -> Result<u32> {
        noticed::waiting(self.store.conn())
    }

    /// Accepts each proposal, all or none: each becomes its record. `edit` changes the words,
    /// the due day or a person's name first, and takes one proposal only.
    pub fn accept_noticed(
        &mut self,
        ids: &[Id],
        edit: Option<NoticedEdit>,
        now: DateTime<Utc>,
    ) -> Result<Vec<Accepted>> {
        let now = stored_precision(now);
        if edit.is_some() && ids.len() != 1 {
            return Err(Error::validation("ids", "Edit one suggestion at a time, then accept it."));
        }
        let before = self.store.version();
        let accepted = self.store.write(|tx| {
            let mut made = Vec::new();
            for id in ids {
                let proposal = noticed::get(tx, id)?;
                if proposal.state != NoticedState::Open {
                    return Err(Error::Conflict {
                        message: format!(
                            "\"{}\" was already {}. Reload the list to see what is waiting.",
                            proposal.text,
                            if proposal.state == NoticedState::Accepted { "accepted" } else { "ignored" }
                        ),
                    });
                }
                let (kind, record_id) = make(tx, &proposal, edit.clone().unwrap_or_default(), now)?;
                noticed::decide(tx, id, NoticedState::Accepted, Some(&record_id), now)?;
                made.push(Accepted {
                    noticed_id: id.clone(),
                    kind,
                    record_id,
                    account_id: proposal.account_id,
                });
            }
            Ok(made)
        })?;
        for account in
            accepted.iter().map(|a| a.account_id.clone()).collect::<std::collections::BTreeSet<_>>()
        {
            self.today_touched(&account, before, now);
        }
        Ok(accepted)
    }

    /// Ignores each proposal: it leaves the queue, and the same one is not proposed again.
    pub fn ignore_noticed(&mut self, ids: &[Id], now: DateTime<Utc>) -> Result<u32> {
        let now = stored_precision(now);
        self.store.write(|tx| {
            for id in ids {
                let proposal = noticed::get(tx, id)?;
                if proposal.state == NoticedState::Accepted {
                    return Err(Error::Conflict {
                        message: format!(
                            "\"{}\" was already accepted. Reload the list to see what is waiting.",
                            proposal.text
                        ),
                    });
                }
                noticed::decide(tx, id, NoticedState::Ignored, None, now)?;
            }
            Ok(u32::try_from(ids.len()).unwrap_or(u32::MAX))
        })
    }

    /// Puts ignored proposals back in the queue (the undo of ignoring). An accepted one is taken
    /// back by archiving what it made.
    pub fn reopen_noticed(&mut self, ids: &[Id], now: DateTime<Utc>) -> Result<()> {
        let now = stored_precision(now);
        self.store.write(|tx| {
            for id in ids {
                if noticed::get(tx, id)?.state == NoticedState::Ignored {
                    noticed::decide(tx, id, NoticedState::Open, None, now)?;
                }
            }
            Ok(())
        })
    }
}

/// The record a proposal becomes.
fn make(
    tx: &rusqlite::Transaction<'_>,
    n: &Noticed,
    edit: NoticedEdit,
    now: DateTime<Utc>,
) -> Result<(RecordKind, Id)> {
    if n.kind == NoticedKind::Meeting && (edit.text.is_some() || edit.due_at.is_some()) {
        return Err(Error::validation(
            "text",
            "A meeting is added as its invitation says. Accept it, then change it on the account.",
        ));
    }
    let text = edit.text.unwrap_or_else(|| n.text.clone());
    let sent_at = Some(n.source.sent_at.to_rfc3339());
    match n.kind {
        NoticedKind::Request => {
            let mut request = RequestDraft {
                account_id: n.account_id.clone(),
                contact_id: n.contact_id.clone(),
                received_at: sent_at,
                text,
            }
            .into_request(new_id(now), now)?;
            request.acknowledged_at = n.acknowledged_at.filter(|at| *at >= request.received_at);
            request.answered_at = n.answered_at.filter(|at| *at >= request.received_at);
            requests::save(tx, &request)?;
            Ok((RecordKind::Request, request.id))
        }
        NoticedKind::OurPromise | NoticedKind::TheirPromise => {
            let due_at = match edit.due_at.filter(|d| !d.trim().is_empty()) {
                Some(due) => due,
                None => n.due_at.map(|d| d.to_rfc3339()).unwrap_or_default(),
            };
            let direction =
                if n.kind == NoticedKind::OurPromise { Direction::Ours } else { Direction::Theirs };
            let promise = PromiseDraft {
                account_id: n.account_id.clone(),
                direction: Some(direction),
                contact_id: n.contact_id.clone(),
                text,
                made_at: sent_at,
                due_at,
                interaction_id: None,
            }
            .into_promise(new_id(now), now)?;
            promises::save(tx, &promise)?;
            Ok((RecordKind::Promise, promise.id))
        }
        NoticedKind::NewPerson => {
            let email = n
                .email
                .clone()
                .ok_or_else(|| Error::validation("email", "This suggestion has no address."))?;
            // Added by hand since, or suggested at two accounts: the person there is the one.
            if let Some(existing) = contacts::live_with_email(tx, &email)? {
                meetings::guest_becomes_attendee(tx, &n.account_id, &email, &existing)?;
                return Ok((RecordKind::Contact, existing));
            }
            let name = edit.name.or_else(|| n.name.clone()).unwrap_or_else(|| email.clone());
            let contact = ContactDraft {
                account_id: n.account_id.clone(),
                name: validate::name("name", "A person", &name)?,
                email: Some(email.clone()),
                ..Default::default()
            }
            .into_contact(new_id(now), now)?;
            contacts::save(tx, &contact)?;
            // The meetings they were invited to have them as an attendee now, not a guest.
            meetings::guest_becomes_attendee(tx, &contact.account_id, &email, &contact.id)?;
            Ok((RecordKind::Contact, contact.id))
        }
        NoticedKind::Meeting => {
            let calendar = n.calendar.as_deref().ok_or_else(|| {
                Error::validation("calendar", "This suggestion no longer holds its invitation. Ignore it.")
            })?;
            let from = n.due_at.unwrap_or(n.source.sent_at);
            let id = crate::service::exchange::accept_invitation(tx, calendar, &n.account_id, from, now)?;
            Ok((RecordKind::Meeting, id))
        }
    }
}

/// Offers the people invited to a meeting who are not among the user's people, when their
/// address is at a domain where the account already has people (never a public mail
/// provider's), as new people of that account. Returns how many were offered.
pub(crate) fn offer_guests(
    tx: &rusqlite::Transaction<'_>,
    meeting: &crate::domain::Meeting,
    now: DateTime<Utc>,
) -> Result<u32> {
    if meeting.guests.is_empty() {
        return Ok(0);
    }
    let domains = store::contacts::domains_of_account(tx, &meeting.account_id)?;
    let mut offered = 0;
    for guest in &meeting.guests {
        let Some(domain) = crate::domain::domain_of(&guest.email) else { continue };
        if crate::domain::is_public_mail(&domain) || !domains.contains(&domain) {
            continue;
        }
        let proposal = Noticed {
            id: new_id(now),
            kind: NoticedKind::NewPerson,
            account_id: meeting.account_id.clone(),
            account: String::new(),
            contact_id: None,
            contact: None,
            text: format!("{} was invited to \u{201c}{}\u{201d}.", guest.label(), meeting.title),
            due_at: None,
            email: Some(guest.email.clone()),
            name: guest.name.clone(),
            acknowledged_at: None,
            answered_at: None,
            source: crate::domain::NoticedSource {
                message_id: None,
                subject: meeting.title.clone(),
                sent_at: meeting.starts_at,
            },
            state: NoticedState::Open,
            created_at: now,
            calendar: None,
        };
        offered += u32::from(noticed::propose(tx, &proposal)?);
    }
    Ok(offered)
}

/// What an import's preview says of the people a meeting's invitation offers as new people.
pub(crate) fn offered(count: u32) -> Option<String> {
    match count {
        0 => None,
        1 => Some("offers 1 invited person as a new person, in Rapport noticed".to_string()),
        n => Some(format!("offers {n} invited people as new people, in Rapport noticed")),
    }
}
