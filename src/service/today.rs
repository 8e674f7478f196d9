//! The Today list: the engine's suggestions minus what the user has already done, dismissed
//! (for the same evidence) or snoozed (until its time) — and the actions on them. Done settles
//! what it claims: the reason the touch was for, and each change of state made with it.

use chrono::{DateTime, Duration, Utc};

use super::capture::{self, CaptureDraft, Captured};
use super::{Rapport, stored_precision};
use crate::domain::{IssueStep, PromiseOutcome, PromiseStatus, RequestStep, validate};
use crate::engine::checkins::{
    Aside, Choice, Mark, Reason, Reminder, Settings, Settle, Suggestion, Urgency, choose, items, needs,
    recently_checked, reminders, replace_account, suggest_aside,
};
use crate::error::{Error, Result};
use crate::store::{self, SuggestionAction, SuggestionState, checkins};

/// What the user has done with each check-in, as the engine reads it (`engine::checkins::aside`).
fn aside(states: &[SuggestionState]) -> Aside {
    let items = |st: &SuggestionState| st.fingerprint.split(',').map(str::to_string).collect();
    let by_key = states
        .iter()
        .map(|st| {
            let mark = match st.action {
                SuggestionAction::Snoozed => Mark::Snoozed { until: st.until.unwrap_or(st.at) },
                SuggestionAction::Dismissed => Mark::Dismissed { seen: items(st), at: st.at },
                SuggestionAction::Done => Mark::Done { settled: items(st), at: st.at },
            };
            (st.key.clone(), mark)
        })
        .collect();
    Aside { by_key }
}

/// What puts a check-in back as it was before it was snoozed, dismissed or brought back.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, specta::Type)]
pub struct PutAsideUndo {
    pub key: String,
    pub previous: Option<SuggestionState>,
}

/// A check-in put aside, as the list of them shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct PutAside {
    pub key: String,
    pub account: String,
    pub contact: Option<String>,
    pub action: SuggestionAction,
    /// For a snooze: until when.
    pub until: Option<DateTime<Utc>>,
    /// When it was put aside.
    pub at: DateTime<Utc>,
}

/// A change of state made with the touch that marks a check-in done: the record (a reason's
/// evidence) and what changes.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, specta::Type)]
pub struct Settlement {
    pub settle: Settle,
    pub record_id: String,
}

/// The Today list as the window shows it: the day's check-ins within the user's budget (and
/// every breach, even beyond it), then the first of the rest, under "More".
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct TodayPage {
    /// How many check-ins a day the user makes (their setting, or the limit asked for).
    pub budget: u32,
    /// The day's check-ins by group (now, today, this week, later), each most urgent first.
    pub suggestions: Vec<Suggestion>,
    /// How many of them are beyond the budget: breaches, shown anyway. They are the keys listed.
    pub over_budget: Vec<String>,
    /// The first of the rest, most urgent first.
    pub more: Vec<Suggestion>,
    /// How many wait under "More", listed or not.
    pub more_count: u32,
    /// Every group that has check-ins, in the order shown, with how many it holds in all.
    pub counts: Vec<UrgencyCount>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct UrgencyCount {
    pub urgency: Urgency,
    pub count: u32,
}

/// How long a Today list stays current when nothing is written. A touch logged through
/// Rapport updates it for that one account; any other write sets it aside.
const FRESH: Duration = Duration::seconds(60);

/// The last Today list, the moment it was judged, and the store's version then.
pub(super) struct TodayCache {
    version: Option<u64>,
    judged_at: DateTime<Utc>,
    list: Vec<Suggestion>,
}

impl TodayCache {
    fn current(&self, version: Option<u64>, now: DateTime<Utc>) -> bool {
        self.version.is_some()
            && self.version == version
            && now >= self.judged_at
            && now - self.judged_at < FRESH
    }
}

impl Rapport {
    /// Whom to contact, most urgent first. Judged afresh at most once a minute while nothing
    /// is written; a touch logged in between updates only its own account.
    pub fn today(&self, now: DateTime<Utc>) -> Result<Vec<Suggestion>> {
        self.keep_today(now)?;
        Ok(self.today_cache.borrow().as_ref().map(|c| c.list.clone()).unwrap_or_default())
    }

    /// Makes the kept Today list current at `now`, judging every account only when it is not.
    fn keep_today(&self, now: DateTime<Utc>) -> Result<()> {
        if self.today_cache.borrow().as_ref().is_some_and(|c| c.current(self.store.version(), now)) {
            return Ok(());
        }
        // Read before judging, so a write by another process meanwhile is seen next time.
        let version = self.store.version();
        let list = self.judge_today(now, None)?;
        *self.today_cache.borrow_mut() = Some(TodayCache { version, judged_at: now, list });
        Ok(())
    }

    /// The day's check-ins within the budget (`limit`, or the user's setting), every breach
    /// however many, and the first `more` of the rest: a heavy portfolio can have thousands at
    /// once, and only what is shown is copied.
    pub fn today_page(&self, now: DateTime<Utc>, limit: Option<u32>, more: u32) -> Result<TodayPage> {
        let budget = match limit {
            Some(0) => return Err(Error::validation("limit", "Show at least one check-in a day.")),
            Some(n) => n,
            None => self.store.checkin_settings()?.daily_budget,
        };
        self.keep_today(now)?;
        let cache = self.today_cache.borrow();
        let all = cache.as_ref().map(|c| c.list.as_slice()).unwrap_or_default();
        let Choice { chosen, over_budget } = choose(all, budget as usize);
        let mut counts: Vec<UrgencyCount> = Vec::new();
        for s in all {
            match counts.iter_mut().find(|c| c.urgency == s.urgency) {
                Some(c) => c.count += 1,
                None => counts.push(UrgencyCount { urgency: s.urgency, count: 1 }),
            }
        }
        counts.sort_by_key(|c| c.urgency);
        // Grouped as they are shown — now, today, this week, later — each group most urgent first.
        let mut suggestions: Vec<Suggestion> = chosen.iter().map(|&i| all[i].clone()).collect();
        suggestions.sort_by_key(|s| s.urgency);
        let breaches: Vec<&Suggestion> = suggestions.iter().filter(|s| s.urgency == Urgency::Now).collect();
        let over_budget = breaches[breaches.len() - over_budget..].iter().map(|s| s.key.clone()).collect();
        let mut on_list = vec![false; all.len()];
        chosen.iter().for_each(|&i| on_list[i] = true);
        let more_count = (all.len() - chosen.len()) as u32;
        let more = all
            .iter()
            .zip(&on_list)
            .filter(|(_, on)| !**on)
            .take(more as usize)
            .map(|(s, _)| s.clone())
            .collect();
        Ok(TodayPage { budget, suggestions, over_budget, more, more_count, counts })
    }

    /// Every account judged again, whatever is on screen: for benchmarks and comparisons.
    pub fn today_afresh(&self, now: DateTime<Utc>) -> Result<Vec<Suggestion>> {
        self.judge_today(now, None)
    }

    fn judge_today(&self, now: DateTime<Utc>, account_id: Option<&str>) -> Result<Vec<Suggestion>> {
        let settings = self.store.checkin_settings()?;
        let mut accounts = self.store.checkin_accounts_of(&needs(now, &settings), account_id)?;
        let states = self.store.suggestion_states()?;
        let acted = states
            .iter()
            .filter(|st| st.action != SuggestionAction::Snoozed)
            .map(|st| (st.fingerprint.as_str(), st.at));
        let quiet = recently_checked(acted, now, &settings);
        for a in &mut accounts {
            a.bundle.goals.retain(|g| !quiet.contains(&g.id));
        }
        Ok(suggest_aside(&accounts, now, &settings, &aside(&states)))
    }

    /// After a write that changed only `account_id` (a touch, a capture, a check-in done): a
    /// current Today list is judged again for that account alone. `writes_before` is the
    /// store's version just before that write, so any other write in between — here or in
    /// another process — sets the list aside.
    pub(super) fn today_touched(&self, account_id: &str, version_before: Option<u64>, now: DateTime<Utc>) {
        let mut cache = self.today_cache.borrow_mut();
        let Some(c) = cache.as_mut().filter(|c| c.current(version_before, now)) else {
            *cache = None;
            return;
        };
        // If that one account cannot be judged now, the next look judges them all.
        match self.judge_today(now, Some(account_id)) {
            Ok(fresh) => {
                replace_account(&mut c.list, account_id, fresh);
                c.version = self.store.version();
            }
            Err(_) => *cache = None,
        }
    }

    /// Notifications due now that are not among `sent` already.
    pub fn reminders(
        &self,
        now: DateTime<Utc>,
        sent: &std::collections::HashSet<String>,
    ) -> Result<Vec<Reminder>> {
        let settings = self.store.checkin_settings()?;
        let due = reminders(&self.today(now)?, now, &settings);
        Ok(due.into_iter().filter(|r| !sent.contains(&r.id)).collect())
    }

    pub fn settings(&self) -> Result<Settings> {
        self.store.checkin_settings()
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<()> {
        settings.check()?;
        self.store.save_checkin_settings(settings)
    }

    /// Acting on a check-in that is not on today's list (done meanwhile, or never there) is
    /// refused, so no stray state is ever written.
    fn on_today(&self, key: &str, now: DateTime<Utc>) -> Result<()> {
        self.keep_today(now)?;
        let listed = self.today_cache.borrow().as_ref().is_some_and(|c| c.list.iter().any(|s| s.key == key));
        if listed {
            Ok(())
        } else {
            Err(Error::not_found(
                "That check-in is no longer on today's list: it was done, put aside or answered meanwhile. Look at Today again.",
            ))
        }
    }

    /// Hides a suggestion until `until` (RFC 3339), which must be in the future. What it returns
    /// puts it back as it was ([`Rapport::undo_put_aside`]).
    pub fn snooze(
        &mut self,
        key: &str,
        fingerprint: &str,
        until: &str,
        now: DateTime<Utc>,
    ) -> Result<PutAsideUndo> {
        self.on_today(key, now)?;
        let until = validate::instant("until", until)?;
        if until <= now {
            return Err(Error::validation(
                "until",
                "Snooze until a time that is still ahead, such as tomorrow morning.",
            ));
        }
        let undo = self.undo_for(key)?;
        self.store.set_suggestion_state(
            key,
            SuggestionAction::Snoozed,
            Some(until),
            fingerprint,
            stored_precision(now),
        )?;
        Ok(undo)
    }

    /// Hides a suggestion until its evidence changes (a new request, a new promise…). What it
    /// returns puts it back as it was ([`Rapport::undo_put_aside`]).
    pub fn dismiss(&mut self, key: &str, fingerprint: &str, now: DateTime<Utc>) -> Result<PutAsideUndo> {
        self.on_today(key, now)?;
        let undo = self.undo_for(key)?;
        self.store.set_suggestion_state(
            key,
            SuggestionAction::Dismissed,
            None,
            fingerprint,
            stored_precision(now),
        )?;
        Ok(undo)
    }

    fn undo_for(&self, key: &str) -> Result<PutAsideUndo> {
        let previous = self.store.suggestion_states()?.into_iter().find(|st| st.key == key);
        Ok(PutAsideUndo { key: key.to_string(), previous })
    }

    /// Puts a snoozed or dismissed check-in back as it was before.
    pub fn undo_put_aside(&mut self, undo: &PutAsideUndo) -> Result<()> {
        if undo.previous.as_ref().is_some_and(|previous| previous.key != undo.key) {
            return Err(Error::validation(
                "undo",
                "That undo belongs to another check-in. Look at Today again.",
            ));
        }
        self.store.put_back_suggestion_state(&undo.key, undo.previous.as_ref())
    }

    /// The check-ins put aside: dismissed, or snoozed until later than `now`, newest first.
    pub fn put_aside(&self, now: DateTime<Utc>) -> Result<Vec<PutAside>> {
        let mut list = Vec::new();
        for st in self.store.suggestion_states()? {
            let aside = match st.action {
                SuggestionAction::Dismissed => true,
                SuggestionAction::Snoozed => st.until.is_some_and(|until| until > now),
                SuggestionAction::Done => false,
            };
            if !aside {
                continue;
            }
            let (account_id, contact_id) = st.key.split_once(':').unwrap_or((st.key.as_str(), ""));
            // A check-in whose account is gone is no longer anyone's to bring back.
            let Ok(account) = self.store.account(account_id) else { continue };
            let contact = match contact_id {
                "" => None,
                id => self.store.contacts(account_id)?.into_iter().find(|c| c.id == id).map(|c| c.name),
            };
            list.push(PutAside {
                key: st.key.clone(),
                account: account.name,
                contact,
                action: st.action,
                until: st.until,
                at: st.at,
            });
        }
        list.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.key.cmp(&b.key)));
        Ok(list)
    }

    /// Brings a snoozed or dismissed check-in back to Today; what it returns undoes that too.
    pub fn bring_back(&mut self, key: &str, now: DateTime<Utc>) -> Result<PutAsideUndo> {
        if !self.put_aside(now)?.iter().any(|p| p.key == key) {
            return Err(Error::not_found(
                "That check-in is not put aside any more: it was brought back or has come due. Look at Today again.",
            ));
        }
        let undo = self.undo_for(key)?;
        self.store.put_back_suggestion_state(key, None)?;
        Ok(undo)
    }

    /// Logs the touch that answers a check-in and makes the changes of state chosen with it,
    /// in one transaction. The touch settles the reason it was made for (unless that reason waits
    /// on a change of state not made) and every reason whose change was made; the others stay.
    pub fn complete_checkin(
        &mut self,
        key: &str,
        draft: CaptureDraft,
        settle: &[Settlement],
        now: DateTime<Utc>,
    ) -> Result<Captured> {
        self.on_today(key, now)?;
        let suggestion = self
            .today_cache
            .borrow()
            .as_ref()
            .and_then(|c| c.list.iter().find(|s| s.key == key).cloned())
            .ok_or_else(|| {
                Error::not_found("That check-in is no longer on today's list. Look at Today again.")
            })?;
        let chosen = |r: &Reason| {
            let id = r.evidence.as_ref().map(|e| e.id.as_str());
            settle.iter().any(|c| Some(c.settle) == r.settles && Some(c.record_id.as_str()) == id)
        };
        let offered = |c: &Settlement| {
            suggestion.reasons.iter().any(|r| {
                r.settles == Some(c.settle) && r.evidence.as_ref().is_some_and(|e| e.id == c.record_id)
            })
        };
        if !settle.iter().all(offered) {
            return Err(Error::validation(
                "settle",
                "One of the changes you ticked is no longer one this check-in waits on: it was made meanwhile. Look at Today again.",
            ));
        }
        let mut settled: Vec<String> = suggestion
            .reasons
            .iter()
            .enumerate()
            .filter(|(i, r)| (*i == 0 && r.settles.is_none()) || chosen(r))
            .flat_map(|(_, r)| items(r))
            .collect();
        // What an earlier Done settled still counts.
        let earlier = self.store.suggestion_states()?.into_iter().find(|st| st.key == key);
        if let Some(before) = earlier.filter(|st| st.action == SuggestionAction::Done) {
            settled.extend(before.fingerprint.split(',').map(str::to_string));
        }
        settled.sort();
        settled.dedup();
        let now = stored_precision(now);
        let captured = capture::prepare(draft, now)?;
        let before = self.store.version();
        self.store.write(|tx| {
            capture::save(tx, &captured)?;
            for change in settle {
                apply(tx, change, now)?;
            }
            checkins::set_state(tx, key, SuggestionAction::Done, None, &settled.join(","), now)
        })?;
        self.today_touched(&captured.interaction.account_id, before, now);
        Ok(captured)
    }
}

/// Makes one change of state chosen with a Done, inside its transaction.
fn apply(tx: &rusqlite::Transaction<'_>, change: &Settlement, now: DateTime<Utc>) -> Result<()> {
    let id = change.record_id.as_str();
    match change.settle {
        Settle::AcknowledgeRequest | Settle::AnswerRequest => {
            let mut request = store::requests::get(tx, id)?;
            let step = if change.settle == Settle::AnswerRequest {
                RequestStep::Answered
            } else {
                RequestStep::Acknowledged
            };
            request.mark(step, now, now)?;
            store::requests::save(tx, &request)
        }
        Settle::KeepPromise => {
            let mut promise = store::promises::get(tx, id)?;
            let kept = PromiseOutcome {
                status: PromiseStatus::Kept,
                completed_at: None,
                new_due_at: None,
                extra: None,
            };
            kept.apply(&mut promise, now)?;
            store::promises::save(tx, &promise)
        }
        Settle::AcknowledgeIssue => {
            let mut issue = store::issues::get(tx, id)?;
            issue.mark(IssueStep::Acknowledged, now, now)?;
            store::issues::save(tx, &issue)
        }
    }
}
