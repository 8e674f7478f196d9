//! Adding, editing, archiving and restoring every kind of record. Each method is one user
//! action and one transaction; an edit keeps the record's id, creation time and history.

use chrono::{DateTime, Utc};

use super::{Rapport, new_id, stored_precision};
use crate::domain::{
    Account, AccountDraft, Contact, ContactDraft, CultureNote, CultureNoteDraft, Goal, GoalDraft,
    GoalProgress, GoalStatus, Interaction, InteractionDraft, Issue, IssueDraft, IssueStep, Meeting,
    MeetingDraft, Promise, PromiseDraft, PromiseOutcome, Request, RequestDraft, RequestStep, validate,
};
use crate::error::{Error, Result};
use crate::store::{self, ArchivedRecord, RecordKind};

/// When a step happened: the given RFC 3339 time, or now.
fn step_time(at: Option<&str>, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    Ok(validate::opt_instant("at", at)?.map(stored_precision).unwrap_or(now))
}

impl Rapport {
    pub fn update_account(&mut self, id: &str, draft: AccountDraft, now: DateTime<Utc>) -> Result<Account> {
        let now = stored_precision(now);
        self.store.write(|tx| {
            let old = store::accounts::require(tx, id)?;
            let account = Account { created_at: old.created_at, ..draft.into_account(old.id, now)? };
            store::accounts::save(tx, &account)?;
            Ok(account)
        })
    }

    pub fn update_contact(&mut self, id: &str, draft: ContactDraft, now: DateTime<Utc>) -> Result<Contact> {
        let now = stored_precision(now);
        self.store.write(|tx| {
            let old = store::contacts::get_live(tx, id)?;
            // A form that does not show the name's parts keeps them while the name is the same.
            let name_parts = match draft.name_parts {
                None if draft.name.trim() == old.name => old.name_parts.clone(),
                parts => parts,
            };
            let draft = ContactDraft { account_id: old.account_id.clone(), name_parts, ..draft };
            let contact = Contact { created_at: old.created_at, ..draft.into_contact(old.id, now)? };
            store::contacts::save(tx, &contact)?;
            Ok(contact)
        })
    }

    pub fn update_interaction(
        &mut self,
        id: &str,
        draft: InteractionDraft,
        now: DateTime<Utc>,
    ) -> Result<Interaction> {
        let now = stored_precision(now);
        self.store.write(|tx| {
            let old = store::interactions::get(tx, id)?;
            let draft = InteractionDraft { account_id: old.account_id.clone(), ..draft };
            // A touch read from mail stays one, with its message, whatever else is edited.
            let interaction = Interaction {
                created_at: old.created_at,
                source: old.source,
                message_id: old.message_id,
                snippet: old.snippet,
                ..draft.into_interaction(old.id, now)?
            };
            store::interactions::save(tx, &interaction)?;
            Ok(interaction)
        })
    }

    pub fn add_culture_note(&mut self, draft: CultureNoteDraft, now: DateTime<Utc>) -> Result<CultureNote> {
        let now = stored_precision(now);
        let note = draft.into_note(new_id(now), now)?;
        self.store.write(|tx| store::culture::save(tx, &note))?;
        Ok(note)
    }

    pub fn update_culture_note(
        &mut self,
        id: &str,
        draft: CultureNoteDraft,
        now: DateTime<Utc>,
    ) -> Result<CultureNote> {
        let now = stored_precision(now);
        self.store.write(|tx| {
            let old = store::culture::get(tx, id)?;
            let draft = CultureNoteDraft { account_id: old.account_id.clone(), ..draft };
            let note = CultureNote { created_at: old.created_at, ..draft.into_note(old.id, now)? };
            store::culture::save(tx, &note)?;
            Ok(note)
        })
    }

    pub fn add_goal(&mut self, draft: GoalDraft, now: DateTime<Utc>) -> Result<Goal> {
        let now = stored_precision(now);
        let goal = draft.into_goal(new_id(now), now)?;
        self.store.write(|tx| store::goals::save(tx, &goal))?;
        Ok(goal)
    }

    pub fn update_goal(&mut self, id: &str, draft: GoalDraft, now: DateTime<Utc>) -> Result<Goal> {
        let now = stored_precision(now);
        self.store.write(|tx| {
            let old = store::goals::get(tx, id)?;
            let draft = GoalDraft { account_id: old.account_id.clone(), ..draft };
            let goal =
                Goal { created_at: old.created_at, progress: old.progress, ..draft.into_goal(old.id, now)? };
            store::goals::save(tx, &goal)?;
            Ok(goal)
        })
    }

    /// Notes progress on a goal, optionally moving its status in the same step.
    pub fn add_goal_progress(
        &mut self,
        id: &str,
        text: &str,
        status: Option<GoalStatus>,
        at: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Goal> {
        let now = stored_precision(now);
        let at = step_time(at, now)?;
        let text = validate::long_text("text", "The progress note", text)?;
        self.store.write(|tx| {
            let mut goal = store::goals::get(tx, id)?;
            if text.is_empty() && status.is_none() {
                return Err(Error::validation("text", "Say what moved on this goal, then save again."));
            }
            if !text.is_empty() {
                goal.progress.push(GoalProgress { at, text: text.clone() });
                goal.progress.sort_by_key(|p| p.at);
            }
            if let Some(status) = status {
                goal.status = status;
            }
            goal.updated_at = now;
            store::goals::save(tx, &goal)?;
            Ok(goal)
        })
    }

    pub fn add_promise(&mut self, draft: PromiseDraft, now: DateTime<Utc>) -> Result<Promise> {
        let now = stored_precision(now);
        let promise = draft.into_promise(new_id(now), now)?;
        self.store.write(|tx| store::promises::save(tx, &promise))?;
        Ok(promise)
    }

    pub fn update_promise(&mut self, id: &str, draft: PromiseDraft, now: DateTime<Utc>) -> Result<Promise> {
        let now = stored_precision(now);
        self.store.write(|tx| {
            let old = store::promises::get(tx, id)?;
            let draft = PromiseDraft { account_id: old.account_id.clone(), ..draft };
            let promise = Promise {
                created_at: old.created_at,
                status: old.status,
                completed_at: old.completed_at,
                extra: old.extra,
                ..draft.into_promise(old.id, now)?
            };
            store::promises::save(tx, &promise)?;
            Ok(promise)
        })
    }

    /// Records how a promise ended: kept (on time or late, perhaps with something extra),
    /// broken, renegotiated to a new date, or reopened.
    pub fn settle_promise(
        &mut self,
        id: &str,
        outcome: PromiseOutcome,
        now: DateTime<Utc>,
    ) -> Result<Promise> {
        let now = stored_precision(now);
        self.store.write(|tx| {
            let mut promise = store::promises::get(tx, id)?;
            outcome.apply(&mut promise, now)?;
            store::promises::save(tx, &promise)?;
            Ok(promise)
        })
    }

    pub fn add_request(&mut self, draft: RequestDraft, now: DateTime<Utc>) -> Result<Request> {
        let now = stored_precision(now);
        let request = draft.into_request(new_id(now), now)?;
        self.store.write(|tx| store::requests::save(tx, &request))?;
        Ok(request)
    }

    pub fn update_request(&mut self, id: &str, draft: RequestDraft, now: DateTime<Utc>) -> Result<Request> {
        let now = stored_precision(now);
        self.store.write(|tx| {
            let old = store::requests::get(tx, id)?;
            let draft = RequestDraft { account_id: old.account_id.clone(), ..draft };
            let request = Request {
                created_at: old.created_at,
                acknowledged_at: old.acknowledged_at,
                answered_at: old.answered_at,
                resolved_at: old.resolved_at,
                ..draft.into_request(old.id, now)?
            };
            store::requests::save(tx, &request)?;
            Ok(request)
        })
    }

    pub fn mark_request(
        &mut self,
        id: &str,
        step: RequestStep,
        at: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Request> {
        let now = stored_precision(now);
        let at = step_time(at, now)?;
        self.store.write(|tx| {
            let mut request = store::requests::get(tx, id)?;
            request.mark(step, at, now)?;
            store::requests::save(tx, &request)?;
            Ok(request)
        })
    }

    pub fn open_issue(&mut self, draft: IssueDraft, now: DateTime<Utc>) -> Result<Issue> {
        let now = stored_precision(now);
        let issue = draft.into_issue(new_id(now), now)?;
        self.store.write(|tx| store::issues::save(tx, &issue))?;
        Ok(issue)
    }

    pub fn update_issue(&mut self, id: &str, draft: IssueDraft, now: DateTime<Utc>) -> Result<Issue> {
        let now = stored_precision(now);
        self.store.write(|tx| {
            let old = store::issues::get(tx, id)?;
            let draft = IssueDraft { account_id: old.account_id.clone(), ..draft };
            let issue = Issue {
                created_at: old.created_at,
                acknowledged_at: old.acknowledged_at,
                resolved_at: old.resolved_at,
                followed_up_at: old.followed_up_at,
                ..draft.into_issue(old.id, now)?
            };
            store::issues::save(tx, &issue)?;
            Ok(issue)
        })
    }

    pub fn mark_issue(
        &mut self,
        id: &str,
        step: IssueStep,
        at: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Issue> {
        let now = stored_precision(now);
        let at = step_time(at, now)?;
        self.store.write(|tx| {
            let mut issue = store::issues::get(tx, id)?;
            issue.mark(step, at, now)?;
            store::issues::save(tx, &issue)?;
            Ok(issue)
        })
    }

    pub fn add_meeting(&mut self, draft: MeetingDraft, now: DateTime<Utc>) -> Result<Meeting> {
        let now = stored_precision(now);
        let meeting = draft.into_meeting(new_id(now), now)?;
        self.store.write(|tx| store::meetings::save(tx, &meeting))?;
        Ok(meeting)
    }

    pub fn update_meeting(&mut self, id: &str, draft: MeetingDraft, now: DateTime<Utc>) -> Result<Meeting> {
        let now = stored_precision(now);
        self.store.write(|tx| {
            let old = store::meetings::get(tx, id)?;
            // The guests are not in the app's form: a draft without them keeps the meeting's.
            let guests = draft.guests.clone().or_else(|| Some(old.guests.clone()));
            let draft = MeetingDraft { account_id: old.account_id.clone(), guests, ..draft };
            // The calendar's id and zone are not in the form: an edit keeps them.
            let mut meeting = Meeting {
                created_at: old.created_at,
                ical_uid: old.ical_uid.clone(),
                timezone: old.timezone.clone(),
                series: old.series.clone(),
                organizer_id: old.organizer_id.clone(),
                ..draft.into_meeting(old.id.clone(), now)?
            };
            // An occurrence of a repeating meeting edited here is no longer what its series
            // says: it goes back out to calendars as a change of its own.
            let edited = Meeting { updated_at: old.updated_at, ..meeting.clone() } != old;
            if let Some(occurrence) = &mut meeting.series {
                occurrence.changed |= edited;
            }
            store::meetings::save(tx, &meeting)?;
            Ok(meeting)
        })
    }

    /// Moves a record to the archive; [`Rapport::restore`] undoes it.
    pub fn archive(&mut self, kind: RecordKind, id: &str, now: DateTime<Utc>) -> Result<ArchivedRecord> {
        self.store.archive(kind, id, stored_precision(now))
    }

    pub fn restore(&mut self, kind: RecordKind, id: &str) -> Result<()> {
        self.store.restore(kind, id)
    }

    pub fn archived(&self) -> Result<Vec<ArchivedRecord>> {
        self.store.archived()
    }
}
