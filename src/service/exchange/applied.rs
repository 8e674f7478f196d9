//! One import as it is applied inside its transaction: each record matched against what the
//! file already holds (and what this import added), then created, merged or brought back.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use rusqlite::Transaction;

use super::series::SeriesTally;
use super::{LISTED, Outcome, PlannedRecord};
use crate::domain::{
    Account, AccountDraft, Contact, ContactDraft, Guest, GuestRole, Id, MOMENT, Meeting, MeetingDraft,
    MeetingSeries, Occurrence, Tier, checked_guests, validate,
};
use crate::engine::merge;
use crate::error::{Error, Result};
use crate::interop::csv::CompanyRow;
use crate::interop::{CalendarEvent, LineProblem, PersonCard, ical};
use crate::service::new_id;
use crate::service::noticed::{offer_guests, offered};
use crate::store::known::{self, Found, Known};
use crate::store::{RecordKind, accounts, contacts, meetings};

/// The import as it goes: what is known, what was done, what could not be. Only the first
/// [`LISTED`] records and problems are kept, each counted.
pub(super) struct Applied<'t> {
    tx: &'t Transaction<'t>,
    known: Known<'t>,
    account_id: Option<Id>,
    timezone: String,
    now: DateTime<Utc>,
    /// Account names by id, for the preview.
    names: HashMap<Id, String>,
    records: Vec<PlannedRecord>,
    /// Records created, merged, brought back and unchanged, in [`Outcome`]'s order.
    counts: [u32; 4],
    pub(super) problems: Vec<LineProblem>,
    pub(super) problem_count: u32,
    /// Values left out of records that were imported all the same, and why.
    pub(super) left_out: Vec<LineProblem>,
    left_out_count: u32,
    /// Records the file held: imported, unchanged or refused.
    read: u32,
    /// Problems already reported: the occurrences of a repeating meeting share their line and
    /// their reason, and are one problem, not one per occurrence.
    reported: HashSet<(u32, String)>,
    /// The repeating meeting being read, said once it is over.
    tally: Option<SeriesTally>,
    /// Meetings that had ended, made touches ([`super::met`]).
    touches: u32,
}

/// What became of one meeting of the file.
pub(super) struct Noted {
    pub(super) outcome: Outcome,
    pub(super) label: String,
    pub(super) account_id: Id,
    pub(super) changes: Vec<String>,
}

/// What an import did, once its transaction is over.
pub(super) struct Done {
    pub records: Vec<PlannedRecord>,
    pub counts: [u32; 4],
    pub problems: Vec<LineProblem>,
    pub problem_count: u32,
    pub left_out: Vec<LineProblem>,
    pub left_out_count: u32,
    pub read: u32,
    pub touches: u32,
}

impl<'t> Applied<'t> {
    pub(super) fn new(
        tx: &'t Transaction<'t>,
        account_id: Option<Id>,
        timezone: String,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        Ok(Applied {
            known: Known::load(tx)?,
            tx,
            account_id,
            timezone,
            now,
            names: HashMap::new(),
            records: Vec::new(),
            counts: [0; 4],
            problems: Vec::new(),
            problem_count: 0,
            left_out: Vec::new(),
            left_out_count: 0,
            read: 0,
            reported: HashSet::new(),
            tally: None,
            touches: 0,
        })
    }

    /// How many records the import creates or touches.
    pub(super) fn total(&self) -> u32 {
        // The series being read counts once it has an occurrence, as it will when it is said.
        let pending = self.tally.as_ref().is_some_and(|t| t.counts.iter().sum::<u32>() > 0);
        self.counts.iter().sum::<u32>() + u32::from(pending)
    }

    pub(super) fn done(mut self) -> Result<Done> {
        self.end_series()?;
        self.known.forget()?;
        let mut left_out = self.left_out;
        left_out.sort_by_key(|p| p.line);
        Ok(Done {
            records: self.records,
            counts: self.counts,
            problems: self.problems,
            problem_count: self.problem_count,
            left_out,
            left_out_count: self.left_out_count,
            read: self.read,
            touches: self.touches,
        })
    }

    /// A line that cannot be imported: counted, and listed while the list is short.
    pub(super) fn problem(&mut self, problem: LineProblem) {
        if !self.reported.insert((problem.line, problem.message.clone())) {
            return;
        }
        self.problem_count += 1;
        self.read += 1;
        if self.problems.len() < LISTED {
            self.problems.push(problem);
        }
    }

    /// A value left out of a record that is imported all the same: counted, and listed while
    /// the list is short.
    pub(super) fn left_out(&mut self, left_out: LineProblem) {
        self.left_out_count += 1;
        if self.left_out.len() < LISTED {
            self.left_out.push(left_out);
        }
    }

    fn account_name(&mut self, id: &str) -> Result<String> {
        if let Some(name) = self.names.get(id) {
            return Ok(name.clone());
        }
        let name = known::account_name(self.tx, id)?.unwrap_or_default();
        self.names.insert(id.to_string(), name.clone());
        Ok(name)
    }

    fn note(
        &mut self,
        line: u32,
        kind: RecordKind,
        outcome: Outcome,
        label: &str,
        account_id: &str,
        changes: Vec<String>,
    ) -> Result<()> {
        self.counts[outcome as usize] += 1;
        if self.records.len() < LISTED {
            let account = self.account_name(account_id)?;
            self.records.push(PlannedRecord {
                line,
                kind,
                outcome,
                label: label.to_string(),
                account,
                changes,
            });
        }
        Ok(())
    }

    /// A problem with one record: the rest of the file goes on.
    fn refuse(&mut self, line: u32, err: Error) -> Result<()> {
        match err {
            Error::Validation { message, .. } | Error::NotFound { message } | Error::Conflict { message } => {
                self.problem(LineProblem { line, message });
                Ok(())
            }
            other => Err(other),
        }
    }

    /// Takes a matched record out of the archive first, when it is there.
    fn bring_back(&mut self, kind: RecordKind, found: &Found) -> Result<Outcome> {
        if found.archived {
            known::unarchive(self.tx, kind, &found.id)?;
            Ok(Outcome::Restore)
        } else {
            Ok(Outcome::Merge)
        }
    }

    /// The account called `name`: found (and brought back from the archive), or created.
    fn account_called(&mut self, line: u32, name: &str, timezone: Option<&str>) -> Result<Id> {
        if let Some(found) = self.known.account(name)? {
            if found.archived {
                known::unarchive(self.tx, RecordKind::Account, &found.id)?;
                self.note(line, RecordKind::Account, Outcome::Restore, name, &found.id, Vec::new())?;
            }
            return Ok(found.id);
        }
        let timezone = timezone.map(str::to_string).unwrap_or_else(|| self.timezone.clone());
        let draft = AccountDraft { name: name.to_string(), timezone: Some(timezone), ..Default::default() };
        let account = draft.into_account(new_id(self.now), self.now)?;
        accounts::save(self.tx, &account)?;
        self.known.add_account(&account)?;
        self.names.insert(account.id.clone(), account.name.clone());
        self.note(line, RecordKind::Account, Outcome::Create, &account.name, &account.id, Vec::new())?;
        Ok(account.id)
    }

    pub(super) fn person(&mut self, card: &PersonCard) -> Result<()> {
        self.read += 1;
        let result = self.keepable(card).and_then(|card| self.try_person(&card));
        result.or_else(|e| self.refuse(card.line, e))
    }

    /// The card with every value Rapport cannot keep (an address that is not one, a number too
    /// long to be one, a zone it does not know) left out and said, so that one bad value does
    /// not cost the person; only a card that names nobody is refused. Checked before anything is
    /// written for this card, so a refused one leaves no account behind.
    fn keepable(&mut self, card: &PersonCard) -> Result<PersonCard> {
        let mut card = card.clone();
        loop {
            let err = match merge::new_person(&card, String::new()).into_contact(String::new(), self.now) {
                Ok(_) => return Ok(card),
                Err(err) => err,
            };
            let Error::Validation { field, message } = &err else { return Err(err) };
            if !merge::leave_out(&mut card, field) {
                return Err(err);
            }
            self.left_out(LineProblem {
                line: card.line,
                message: format!("{message} {} was imported without it.", card.name),
            });
        }
    }

    fn try_person(&mut self, card: &PersonCard) -> Result<()> {
        let draft = merge::new_person(card, String::new());
        let company = card.company.as_deref().map(str::trim).filter(|c| !c.is_empty());
        let by_email = self.known.person(&card.emails, None, &card.name)?;
        let account_id = match (&by_email, company, &self.account_id) {
            (Some(_), _, _) => None,
            (None, Some(company), _) => Some(self.account_called(card.line, company, None)?),
            (None, None, Some(chosen)) => Some(chosen.clone()),
            (None, None, None) => {
                return Err(Error::validation(
                    "account_id",
                    format!(
                        "{} has no company in the file, so Rapport cannot tell which account they belong to. Choose the account such people go to (in the import, or --account on the command line), or add their company to the file.",
                        card.name
                    ),
                ));
            }
        };
        let found = match (by_email, account_id.as_deref()) {
            (Some(found), _) => Some(found),
            (None, Some(a)) => self.known.person(&[], Some(a), &card.name)?,
            (None, None) => None,
        };
        match found {
            Some(found) => {
                let outcome = self.bring_back(RecordKind::Contact, &found)?;
                let old = known::person(self.tx, &found.id)?;
                // A person whose account was archived comes back with it.
                if accounts::get(self.tx, &old.account_id)?.is_none() {
                    known::unarchive(self.tx, RecordKind::Account, &old.account_id)?;
                }
                let (draft, changes) = merge::person(&old, card);
                let outcome = if changes.is_empty() && outcome == Outcome::Merge {
                    Outcome::Unchanged
                } else {
                    outcome
                };
                if outcome != Outcome::Unchanged {
                    let contact = Contact {
                        created_at: old.created_at,
                        ..draft.into_contact(old.id.clone(), self.now)?
                    };
                    contacts::save(self.tx, &contact)?;
                    self.known.add_person(&contact)?;
                }
                self.note(card.line, RecordKind::Contact, outcome, &old.name, &old.account_id, changes)
            }
            None => {
                let account_id = account_id.unwrap_or_default();
                let contact = ContactDraft { account_id: account_id.clone(), ..draft }
                    .into_contact(new_id(self.now), self.now)?;
                contacts::save(self.tx, &contact)?;
                self.known.add_person(&contact)?;
                self.note(
                    card.line,
                    RecordKind::Contact,
                    Outcome::Create,
                    &contact.name,
                    &account_id,
                    Vec::new(),
                )
            }
        }
    }

    pub(super) fn company(&mut self, row: &CompanyRow) -> Result<()> {
        self.read += 1;
        let result = self.try_company(row);
        result.or_else(|e| self.refuse(row.line, e))
    }

    fn try_company(&mut self, row: &CompanyRow) -> Result<()> {
        let tier = row
            .tier
            .as_deref()
            .map(|t| {
                Tier::ALL.iter().copied().find(|w| w.as_str() == t).ok_or_else(|| {
                    Error::validation("tier", format!("\"{t}\" is not a tier. Use {}.", Tier::choices()))
                })
            })
            .transpose()?;
        let timezone = row.timezone.as_deref().map(|tz| validate::timezone("timezone", tz)).transpose()?;
        let industry = validate::short_text("industry", "The industry", row.industry.as_deref())?;
        let renewal_date = validate::opt_date("renewal_date", row.renewal_date.as_deref())?;
        let notes = row.notes.clone().unwrap_or_default();
        let Some(found) = self.known.account(&row.name)? else {
            let draft = AccountDraft {
                name: row.name.clone(),
                tier,
                industry,
                timezone: Some(timezone.unwrap_or_else(|| self.timezone.clone())),
                renewal_date: renewal_date.map(|d| d.to_string()),
                notes: Some(notes),
                ..Default::default()
            };
            let account = draft.into_account(new_id(self.now), self.now)?;
            accounts::save(self.tx, &account)?;
            self.known.add_account(&account)?;
            self.names.insert(account.id.clone(), account.name.clone());
            return self.note(
                row.line,
                RecordKind::Account,
                Outcome::Create,
                &account.name,
                &account.id,
                Vec::new(),
            );
        };
        let outcome = self.bring_back(RecordKind::Account, &found)?;
        let old = known::account(self.tx, &found.id)?;
        let mut account = Account { updated_at: self.now, ..old.clone() };
        let mut changes = Vec::new();
        if let Some(tier) = tier.filter(|t| *t != old.tier) {
            changes.push(format!("tier: {} → {}", old.tier, tier));
            account.tier = tier;
        }
        if let Some(industry) = industry.filter(|i| Some(i) != old.industry.as_ref()) {
            changes.push(format!("industry: {industry}"));
            account.industry = Some(industry);
        }
        if let Some(tz) = timezone.filter(|t| *t != old.timezone) {
            changes.push(format!("time zone: {} → {tz}", old.timezone));
            account.timezone = tz;
        }
        if let Some(date) = renewal_date.filter(|d| Some(*d) != old.renewal_date) {
            changes.push(format!("renewal date: {date}"));
            account.renewal_date = Some(date);
        }
        if let Some(notes) = merge::added_notes(&old.notes, &notes) {
            changes.push("adds notes".into());
            account.notes = validate::long_text("notes", "The notes", &notes)?;
        }
        let outcome =
            if changes.is_empty() && outcome == Outcome::Merge { Outcome::Unchanged } else { outcome };
        if outcome != Outcome::Unchanged {
            accounts::save(self.tx, &account)?;
        }
        self.note(row.line, RecordKind::Account, outcome, &old.name, &old.id, changes)
    }

    /// A meeting, or one occurrence of a repeating one: a series is one record of the file,
    /// said once, with how many occurrences it brings.
    pub(super) fn meeting(&mut self, event: &CalendarEvent) -> Result<()> {
        let Some(rule) = &event.series else {
            self.end_series()?;
            self.read += 1;
            return match self.try_meeting(event) {
                Ok(Some(noted)) => self.note(
                    event.line,
                    RecordKind::Meeting,
                    noted.outcome,
                    &noted.label,
                    &noted.account_id,
                    noted.changes,
                ),
                Ok(None) => Ok(()),
                Err(e) => self.refuse(event.line, e),
            };
        };
        if self.tally.as_ref().is_none_or(|t| t.rule.uid != rule.uid) {
            self.end_series()?;
            self.read += 1;
            self.tally = Some(SeriesTally::new(event, rule));
        }
        // The file holds this occurrence even when it cannot be imported: it is not one the
        // calendar dropped.
        if let Some(tally) = &mut self.tally {
            tally.seen.insert(event.uid.clone());
        }
        match self.try_meeting(event) {
            Ok(Some(noted)) => {
                if let Some(tally) = &mut self.tally {
                    tally.add(event, noted);
                }
                Ok(())
            }
            Ok(None) => Ok(()),
            Err(e) => self.refuse(event.line, e),
        }
    }

    /// Says the series being read, once, as one record: what became of its occurrences.
    /// A meeting of the series still to come that the file no longer holds (the calendar moved
    /// the series to another day, or cancelled one) goes to the archive, where it can be brought
    /// back; past ones stay, as history.
    fn end_series(&mut self) -> Result<()> {
        let Some(tally) = self.tally.take() else { return Ok(()) };
        let Some((mut outcome, account_id, mut changes)) = tally.said() else { return Ok(()) };
        if let (Some(series_id), Some(until)) = (&tally.series_id, tally.covers_until()) {
            let gone = meetings::archive_missing(self.tx, series_id, self.now, until, &tally.seen, self.now)?;
            if gone > 0 {
                changes.push(match gone {
                    1 => "1 meeting to come is no longer in the calendar's series: it moves to the archive".to_string(),
                    n => format!("{n} meetings to come are no longer in the calendar's series: they move to the archive"),
                });
                if outcome == Outcome::Unchanged {
                    outcome = Outcome::Merge;
                }
            }
        }
        self.note(tally.line, RecordKind::Meeting, outcome, &tally.title, &account_id, changes)
    }

    /// The series an occurrence belongs to, saved with the calendar's rule: the one Rapport has
    /// under the event's UID, or a new one at the account its first occurrence lands in. An
    /// override whose series is not in the file belongs to the series Rapport already has.
    fn series_of(&mut self, event: &CalendarEvent, account_id: &str) -> Result<Option<Occurrence>> {
        let rule = match &event.series {
            Some(rule) => rule.clone(),
            None => {
                let Some((uid, _)) = event.uid.rsplit_once('/') else { return Ok(None) };
                return Ok(meetings::series_by_uid(self.tx, uid)?.map(|s| Occurrence {
                    series_id: s.id,
                    repeats: s.repeats,
                    changed: true,
                }));
            }
        };
        if let Some(tally) = &self.tally
            && let Some(id) = &tally.series_id
            && tally.rule.uid == rule.uid
        {
            return Ok(Some(Occurrence {
                series_id: id.clone(),
                repeats: rule.repeats.clone(),
                changed: event.changed,
            }));
        }
        let series = match meetings::series_by_uid(self.tx, &rule.uid)? {
            Some(old) => MeetingSeries {
                title: if event.changed { old.title.clone() } else { event.title.clone() },
                repeats: rule.repeats.clone(),
                rule: rule.rule.clone(),
                updated_at: self.now,
                ..old
            },
            None => MeetingSeries {
                id: new_id(self.now),
                account_id: account_id.to_string(),
                ical_uid: rule.uid.clone(),
                title: event.title.clone(),
                repeats: rule.repeats.clone(),
                rule: rule.rule.clone(),
                created_at: self.now,
                updated_at: self.now,
            },
        };
        meetings::save_series(self.tx, &series)?;
        if let Some(tally) = &mut self.tally {
            tally.series_id = Some(series.id.clone());
        }
        Ok(Some(Occurrence { series_id: series.id, repeats: series.repeats, changed: event.changed }))
    }

    fn try_meeting(&mut self, event: &CalendarEvent) -> Result<Option<Noted>> {
        // Rapport's own calendar holds check-ins beside meetings; they are not meetings.
        if event.uid.starts_with("checkin-") && event.uid.ends_with("@rapport") {
            return Ok(None);
        }
        // The people invited, as Rapport knows them, and the account most of them work at.
        let mut people: Vec<Contact> = Vec::new();
        let mut strangers: Vec<Guest> = Vec::new();
        // Which of the people Rapport knows sent the invitation.
        let mut organizer: Option<Id> = None;
        for invited in &event.attendees {
            match self.known.person(std::slice::from_ref(&invited.email), None, "")? {
                Some(found) if !found.archived => {
                    if invited.role == GuestRole::Organizer {
                        organizer = Some(found.id.clone());
                    }
                    if let Ok(c) = known::person(self.tx, &found.id)
                        && !people.iter().any(|p| p.id == c.id)
                    {
                        people.push(c);
                    }
                }
                _ => strangers.push(invited.clone()),
            }
        }
        let existing = self.known.meeting(&event.uid)?;
        let old = match &existing {
            Some(found) => {
                let outcome = self.bring_back(RecordKind::Meeting, found)?;
                Some((outcome, known::meeting(self.tx, &found.id)?))
            }
            None => None,
        };
        let account_id = match (&old, merge::most_common_account(&people), &self.account_id) {
            (Some((_, m)), _, _) => m.account_id.clone(),
            (None, Some(a), _) => a,
            (None, None, Some(chosen)) => chosen.clone(),
            (None, None, None) => {
                return Err(Error::validation(
                    "account_id",
                    format!(
                        "Nobody invited to \"{}\" is one of your contacts, so Rapport cannot tell which client it is with. Choose the account such meetings go to (in the import, or --account on the command line), or add the people first.",
                        event.title
                    ),
                ));
            }
        };
        let mut attendee_ids: Vec<Id> =
            people.iter().filter(|p| p.account_id == account_id).map(|p| p.id.clone()).collect();
        let (starts_at, ends_at, floating_zone, mut notes) = self.placed(event, &account_id)?;
        // The people invited whom Rapport does not know stay on the meeting as its guests, each
        // checked alone: one address that is not one does not cost the meeting.
        let mut guests: Vec<Guest> = Vec::new();
        for stranger in strangers {
            let email = stranger.email.clone();
            match checked_guests(vec![stranger.clone()])
                .or_else(|_| checked_guests(vec![Guest { name: None, ..stranger }]))
            {
                Ok(checked) => guests.extend(checked),
                Err(_) => notes.push(format!("\"{email}\" is not an email address, so not kept on it")),
            }
        }
        let guests = checked_guests(guests)?;
        let draft = MeetingDraft {
            account_id: account_id.clone(),
            starts_at: starts_at.to_rfc3339(),
            ends_at: Some(ends_at.to_rfc3339()),
            title: event.title.clone(),
            location: event.location.clone(),
            attendee_ids: Vec::new(),
            agenda: event.description.clone(),
            guests: None,
        };
        match old {
            None => {
                if let Some(kept) = kept_guests(&guests, &[]) {
                    notes.push(kept);
                }
                let series = self.series_of(event, &account_id)?;
                let meeting = Meeting {
                    series,
                    organizer_id: organizer.clone(),
                    ..MeetingDraft { attendee_ids, guests: Some(guests), ..draft }
                        .into_meeting(new_id(self.now), self.now)?
                        .from_calendar(
                            Some(&event.uid),
                            floating_zone.as_deref().or(event.timezone.as_deref()),
                        )?
                };
                meetings::save(self.tx, &meeting)?;
                self.touches += u32::from(super::met::touch_if_met(self.tx, &meeting, self.now)?);
                self.known.add_meeting(&meeting)?;
                notes.extend(offered(offer_guests(self.tx, &meeting, self.now)?));
                Ok(Some(Noted { outcome: Outcome::Create, label: meeting.title, account_id, changes: notes }))
            }
            Some((outcome, old)) => {
                attendee_ids.extend(old.attendee_ids.iter().cloned());
                // The guests the meeting had stay, with those the file adds, but a guest who has
                // since become one of the user's people is an attendee now, and a guest no more.
                let now_people: HashSet<String> = people
                    .iter()
                    .flat_map(|p| p.email.iter().chain(&p.other_emails))
                    .map(|e| e.to_lowercase())
                    .collect();
                let mut all_guests: Vec<Guest> =
                    old.guests.iter().filter(|g| !now_people.contains(&g.email)).cloned().collect();
                all_guests.extend(guests);
                let guests = checked_guests(all_guests)?;
                let agenda =
                    if old.agenda.is_empty() { draft.agenda.clone() } else { Some(old.agenda.clone()) };
                let series = match self.series_of(event, &account_id)? {
                    // What the user changed in Rapport stays a change.
                    Some(s) => Some(Occurrence {
                        changed: s.changed || old.series.as_ref().is_some_and(|o| o.changed),
                        ..s
                    }),
                    None => old.series.clone(),
                };
                let meeting = Meeting {
                    created_at: old.created_at,
                    series,
                    organizer_id: organizer.clone().or_else(|| old.organizer_id.clone()),
                    ..MeetingDraft { attendee_ids, agenda, guests: Some(guests), ..draft }
                        .into_meeting(old.id.clone(), self.now)?
                        .from_calendar(
                            Some(&event.uid),
                            floating_zone
                                .as_deref()
                                .or(event.timezone.as_deref())
                                .or(old.timezone.as_deref()),
                        )?
                };
                let mut changes = merge::meeting_changes(&old, &meeting, &people);
                if let Some(kept) = kept_guests(&meeting.guests, &old.guests) {
                    changes.push(kept);
                }
                let mut outcome = if changes.is_empty() && outcome == Outcome::Merge {
                    Outcome::Unchanged
                } else {
                    outcome
                };
                if meeting.series != old.series && changes.is_empty() && outcome == Outcome::Unchanged {
                    outcome = Outcome::Merge;
                    changes.push(format!(
                        "becomes part of the series: {}",
                        meeting.series.as_ref().map_or("", |s| s.repeats.as_str())
                    ));
                }
                if outcome != Outcome::Unchanged {
                    changes.extend(notes);
                    meetings::save(self.tx, &meeting)?;
                }
                self.touches += u32::from(super::met::touch_if_met(self.tx, &meeting, self.now)?);
                changes.extend(offered(offer_guests(self.tx, &meeting, self.now)?));
                Ok(Some(Noted { outcome, label: old.title, account_id, changes }))
            }
        }
    }

    /// A meeting's instants: as the calendar placed them, or for a time without a zone on the
    /// clock of the account it lands in (the user's zone when the account has none Rapport
    /// knows), with that zone to keep. A moment (no length) is kept as [`MOMENT`]. The notes
    /// say in the preview how the times were read.
    #[allow(clippy::type_complexity)]
    fn placed(
        &mut self,
        event: &CalendarEvent,
        account_id: &str,
    ) -> Result<(DateTime<Utc>, DateTime<Utc>, Option<String>, Vec<String>)> {
        let mut notes = event.notes.clone();
        let (mut starts_at, mut ends_at, mut zone) = (event.starts_at, event.ends_at, None);
        if event.floating {
            let account = known::account(self.tx, account_id)?;
            let (name, whose) = match account.timezone.parse::<chrono_tz::Tz>() {
                Ok(tz) => (tz, format!("the zone of {}", account.name)),
                Err(_) => (self.timezone.parse().unwrap_or(chrono_tz::Tz::UTC), "your zone".to_string()),
            };
            if let Some((start, end)) = ical::on_clock_of(event, name) {
                (starts_at, ends_at) = (start, end);
                zone = Some(name.name().to_string());
                notes.push(format!("time without a zone, read in {} ({whose})", name.name()));
            }
        }
        if ends_at <= starts_at {
            ends_at = starts_at + MOMENT;
        }
        Ok((starts_at, ends_at, zone, notes))
    }
}

/// What the preview says of the guests a meeting keeps that it did not have before: "keeps 2
/// invited people not among your people: a@x.com, b@y.com", or nothing when there are none.
fn kept_guests(guests: &[Guest], had: &[Guest]) -> Option<String> {
    let new: Vec<&str> =
        guests.iter().filter(|g| !had.iter().any(|h| h.email == g.email)).map(|g| g.email.as_str()).collect();
    match new.len() {
        0 => None,
        1 => Some(format!("keeps 1 invited person not among your people: {}", new[0])),
        n => Some(format!("keeps {n} invited people not among your people: {}", new.join(", "))),
    }
}
