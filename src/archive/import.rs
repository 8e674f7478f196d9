//! Reading the portable archive. The whole document is checked before anything is written:
//! every record is read and validated by the same rules as the app and the CLI, every id and
//! reference is checked, and every problem is reported with its JSON path. Only a document
//! with no problem becomes a [`Bundle`] list for the store to write.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;

use super::format::*;
use crate::domain::{
    AccountDraft, CultureNoteDraft, GoalDraft, GoalProgress, Guest, GuestRole, Interaction, InteractionDraft,
    InteractionSource, IssueDraft, Meeting, MeetingDraft, Occurrence, PromiseDraft, RequestDraft, Weekday,
    WorkingHours, validate,
};
use crate::domain::{Bundle, Problem};
use crate::error::Error;

mod contact;

/// Ids longer than this are not ids but pasted text.
const ID_MAX: usize = 100;

struct Reader {
    problems: Vec<Problem>,
    /// Every id seen so far, with where.
    ids: HashMap<String, String>,
    now: DateTime<Utc>,
    /// Every repeating meeting of the archive, by id, with how it repeats: an occurrence may sit
    /// at another account than its series (its people placed it there).
    series: HashMap<String, String>,
}

impl Reader {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem { path: path.into(), message: message.into() });
    }

    /// Deserializes one record, reporting the exact key that is wrong.
    fn record<T: DeserializeOwned>(&mut self, value: &serde_json::Value, path: &str) -> Option<T> {
        match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(v) => Some(v),
            Err(err) => {
                let inner = err.path().to_string();
                let at = if inner == "." || inner.is_empty() {
                    path.to_string()
                } else {
                    format!("{path}.{inner}")
                };
                let message = plain_serde_message(&err.inner().to_string());
                self.problem(at, message);
                None
            }
        }
    }

    /// Records a domain validation error at `path` plus the field it names.
    fn invalid(&mut self, path: &str, err: Error) {
        match err {
            Error::Validation { field, message } => self.problem(format!("{path}.{field}"), message),
            other => self.problem(path, other.to_string()),
        }
    }

    fn id(&mut self, id: &str, path: &str) -> bool {
        let path = format!("{path}.id");
        if id.trim().is_empty() || id.chars().count() > ID_MAX {
            self.problem(path, format!("Every record needs an id of 1 to {ID_MAX} characters."));
            return false;
        }
        if let Some(first) = self.ids.get(id) {
            let first = first.clone();
            self.problem(path, format!("The id \"{id}\" is used twice; it was first used at {first}. Give each record its own id."));
            return false;
        }
        self.ids.insert(id.to_string(), path);
        true
    }

    fn instant(&mut self, value: &str, path: String) -> Option<DateTime<Utc>> {
        match validate::instant("at", value) {
            Ok(t) => Some(t),
            Err(e) => {
                self.problem(path, e.to_string());
                None
            }
        }
    }

    fn opt_instant(&mut self, value: &Option<String>, path: String) -> Option<Option<DateTime<Utc>>> {
        match value {
            None => Some(None),
            Some(v) => self.instant(v, path).map(Some),
        }
    }

    fn word<T: std::str::FromStr>(
        &mut self,
        value: &str,
        path: String,
        what: &str,
        choices: String,
    ) -> Option<T> {
        match validate::word::<T>("x", what, value, choices) {
            Ok(v) => Some(v),
            Err(e) => {
                self.problem(path, e.to_string());
                None
            }
        }
    }
}

/// serde's wording, made readable: "missing field `name`" → "The key \"name\" is missing."
fn plain_serde_message(message: &str) -> String {
    let message = message.split(" at line ").next().unwrap_or(message);
    if let Some(field) = message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`')) {
        return format!("The key \"{field}\" is missing. Add it, then import again.");
    }
    format!("This value is not what Rapport expects here ({message}). Correct it, then import again.")
}

/// Checks the whole document and returns what it holds, or every problem found.
pub fn read(text: &str, now: DateTime<Utc>) -> Result<Vec<Bundle>, Vec<Problem>> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        vec![Problem {
            path: "$".into(),
            message: format!(
                "This file is not valid JSON (line {}, column {}). Export the archive again, or correct the file.",
                e.line(),
                e.column()
            ),
        }]
    })?;
    let mut r = Reader { problems: Vec::new(), ids: HashMap::new(), now, series: HashMap::new() };

    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        _ => {
            r.problem("$.format", format!("This is not a Rapport archive: its \"format\" is not \"{FORMAT}\". Choose a file exported by Rapport."));
            return Err(r.problems);
        }
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v <= u64::from(VERSION) && v >= 1 => {}
        Some(v) if v > u64::from(VERSION) => {
            r.problem("$.version", format!("This archive was written by a newer Rapport (archive version {v}; this one reads up to {VERSION}). Update Rapport, then import it."));
            return Err(r.problems);
        }
        _ => {
            r.problem(
                "$.version",
                "The archive version is missing or not a number. Choose a file exported by Rapport.",
            );
            return Err(r.problems);
        }
    }
    let Some(accounts) = value.get("accounts").and_then(|a| a.as_array()) else {
        r.problem("$.accounts", "The archive has no list of accounts. Choose a file exported by Rapport.");
        return Err(r.problems);
    };

    // Every text is measured before any record is read from the document: an id of 20 MB was
    // once copied into each of 3,000 children before its length was checked.
    oversized(&mut r, &value["accounts"]);
    if !r.problems.is_empty() {
        return Err(r.problems);
    }

    for raw in accounts {
        for s in raw.get("meeting_series").and_then(|s| s.as_array()).into_iter().flatten() {
            if let (Some(id), Some(repeats)) =
                (s.get("id").and_then(|v| v.as_str()), s.get("repeats").and_then(|v| v.as_str()))
            {
                r.series.insert(id.to_string(), repeats.to_string());
            }
        }
    }
    let mut bundles = Vec::new();
    for (n, raw) in accounts.iter().enumerate() {
        let path = format!("$.accounts[{n}]");
        if let Some(doc) = r.record::<AccountDoc>(raw, &path)
            && let Some(bundle) = account(&mut r, doc, &path)
        {
            bundles.push(bundle);
        }
    }
    if r.problems.is_empty() { Ok(bundles) } else { Err(r.problems) }
}

fn account(r: &mut Reader, doc: AccountDoc, path: &str) -> Option<Bundle> {
    let now = r.now;
    let id_ok = r.id(&doc.id, path);
    let mut archived = std::collections::BTreeMap::new();
    let mut mark = |r: &mut Reader, id: &str, at: &Option<String>, path: String| {
        if let Some(Some(t)) = at.as_ref().map(|a| r.instant(a, path)) {
            archived.insert(id.to_string(), t);
        }
    };
    mark(r, &doc.id, &doc.archived_at, format!("{path}.archived_at"));
    let working_days = doc
        .working_days
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            r.word::<Weekday>(d, format!("{path}.working_days[{i}]"), "day", Weekday::choices())
        })
        .collect::<Vec<_>>();
    let draft = AccountDraft {
        name: doc.name.clone(),
        tier: none_if_blank(&doc.tier)
            .and_then(|t| r.word(t, format!("{path}.tier"), "tier", crate::domain::Tier::choices())),
        status: none_if_blank(&doc.status).and_then(|s| {
            r.word(s, format!("{path}.status"), "status", crate::domain::AccountStatus::choices())
        }),
        industry: doc.industry.clone(),
        timezone: Some(doc.timezone.clone()),
        renewal_date: doc.renewal_date.clone(),
        cadence_days: doc.cadence_days.map(|c| c.min(i32::MAX as u32) as i32),
        notes: Some(doc.notes.clone()),
        working_days: (!working_days.is_empty()).then_some(working_days),
        working_hours: Some(WorkingHours {
            start: doc.working_hours.start.clone(),
            end: doc.working_hours.end.clone(),
        }),
        holidays: Some(doc.holidays.clone()),
    };
    let account = match draft.into_account(doc.id.clone(), now) {
        Ok(a) => Some(a),
        Err(e) => {
            r.invalid(path, e);
            None
        }
    };

    // People first: every other record refers to them.
    let contact_ids: HashSet<String> = doc.contacts.iter().map(|c| c.id.clone()).collect();
    let interaction_ids: HashSet<String> = doc.interactions.iter().map(|i| i.id.clone()).collect();
    let check_contact = |r: &mut Reader, id: &Option<String>, at: String| {
        if let Some(id) = id
            && !contact_ids.contains(id)
        {
            r.problem(at, format!("No person with the id \"{id}\" is in this account. Point it at one of the account's contacts, or remove it."));
        }
    };

    let mut contacts = Vec::new();
    for (n, c) in doc.contacts.iter().enumerate() {
        let at = format!("{path}.contacts[{n}]");
        r.id(&c.id, &at);
        mark(r, &c.id, &c.archived_at, format!("{at}.archived_at"));
        check_contact(r, &c.reports_to, format!("{at}.reports_to"));
        check_contact(r, &c.introduced_by, format!("{at}.introduced_by"));
        let draft = contact::draft(r, c, &doc.id, &at);
        match draft.into_contact(c.id.clone(), now) {
            Ok(contact) => contacts.push(contact),
            Err(e) => r.invalid(&at, e),
        }
    }
    if let Some(looped) = reports_to_loop(&doc.contacts) {
        r.problem(
            format!("{path}.contacts"),
            format!("{looped} reports, through others, to themselves. Break the loop in reports_to."),
        );
    }

    let mut culture_notes = Vec::new();
    for (n, c) in doc.culture_notes.iter().enumerate() {
        let at = format!("{path}.culture_notes[{n}]");
        r.id(&c.id, &at);
        mark(r, &c.id, &c.archived_at, format!("{at}.archived_at"));
        check_contact(r, &c.contact_id, format!("{at}.contact_id"));
        let category = r.word(
            &c.category,
            format!("{at}.category"),
            "category",
            crate::domain::CultureCategory::choices(),
        );
        let draft = CultureNoteDraft {
            account_id: doc.id.clone(),
            contact_id: c.contact_id.clone(),
            category,
            text: c.text.clone(),
        };
        match draft.into_note(c.id.clone(), now) {
            Ok(note) => culture_notes.push(note),
            Err(e) => r.invalid(&at, e),
        }
    }

    let mut goals = Vec::new();
    for (n, g) in doc.goals.iter().enumerate() {
        let at = format!("{path}.goals[{n}]");
        r.id(&g.id, &at);
        mark(r, &g.id, &g.archived_at, format!("{at}.archived_at"));
        check_contact(r, &g.contact_id, format!("{at}.contact_id"));
        let progress: Vec<GoalProgress> = g
            .progress
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                Some(GoalProgress {
                    at: r.instant(&p.at, format!("{at}.progress[{i}].at"))?,
                    text: p.text.clone(),
                })
            })
            .collect();
        let draft = GoalDraft {
            account_id: doc.id.clone(),
            kind: r.word(&g.kind, format!("{at}.kind"), "kind of goal", crate::domain::GoalKind::choices()),
            contact_id: g.contact_id.clone(),
            title: g.title.clone(),
            detail: Some(g.detail.clone()),
            status: r.word(
                &g.status,
                format!("{at}.status"),
                "goal status",
                crate::domain::GoalStatus::choices(),
            ),
            target_date: g.target_date.clone(),
            stated: Some(g.stated),
        };
        match draft.into_goal(g.id.clone(), now) {
            Ok(goal) => goals.push(crate::domain::Goal { progress, ..goal }),
            Err(e) => r.invalid(&at, e),
        }
    }

    let mut interactions = Vec::new();
    for (n, i) in doc.interactions.iter().enumerate() {
        let at = format!("{path}.interactions[{n}]");
        r.id(&i.id, &at);
        mark(r, &i.id, &i.archived_at, format!("{at}.archived_at"));
        for (k, c) in i.contact_ids.iter().enumerate() {
            check_contact(r, &Some(c.clone()), format!("{at}.contact_ids[{k}]"));
        }
        let draft = InteractionDraft {
            account_id: doc.id.clone(),
            occurred_at: Some(i.occurred_at.clone()),
            channel: r.word(
                &i.channel,
                format!("{at}.channel"),
                "channel",
                crate::domain::Channel::choices(),
            ),
            initiated_by: r.word(
                &i.initiated_by,
                format!("{at}.initiated_by"),
                "side",
                crate::domain::Initiator::choices(),
            ),
            contact_ids: i.contact_ids.clone(),
            summary: i.summary.clone(),
            sentiment: i.sentiment.map(i32::from),
            strategic: i.strategic,
            serves: i
                .serves
                .as_ref()
                .and_then(|w| r.word(w, format!("{at}.serves"), "side", crate::domain::Serves::choices())),
            private: i.private,
        };
        let source = match &i.source {
            Some(s) => r.word(s, format!("{at}.source"), "source", InteractionSource::choices()),
            None => Some(InteractionSource::Typed),
        };
        match (draft.into_interaction(i.id.clone(), now), source) {
            (Ok(interaction), Some(source)) => interactions.push(Interaction {
                source,
                message_id: i.message_id.clone(),
                snippet: i.snippet.clone(),
                ..interaction
            }),
            (Err(e), _) => r.invalid(&at, e),
            (Ok(_), None) => {}
        }
    }

    let mut promises = Vec::new();
    for (n, p) in doc.promises.iter().enumerate() {
        let at = format!("{path}.promises[{n}]");
        r.id(&p.id, &at);
        mark(r, &p.id, &p.archived_at, format!("{at}.archived_at"));
        check_contact(r, &p.contact_id, format!("{at}.contact_id"));
        if let Some(i) = &p.interaction_id
            && !interaction_ids.contains(i)
        {
            r.problem(format!("{at}.interaction_id"), format!("No interaction with the id \"{i}\" is in this account. Point it at one of the account's interactions, or remove it."));
        }
        let status = r.word(
            &p.status,
            format!("{at}.status"),
            "promise status",
            crate::domain::PromiseStatus::choices(),
        );
        let completed_at = r.opt_instant(&p.completed_at, format!("{at}.completed_at"));
        let draft = PromiseDraft {
            account_id: doc.id.clone(),
            direction: r.word(
                &p.direction,
                format!("{at}.direction"),
                "direction",
                crate::domain::Direction::choices(),
            ),
            contact_id: p.contact_id.clone(),
            text: p.text.clone(),
            made_at: Some(p.made_at.clone()),
            due_at: p.due_at.clone(),
            interaction_id: p.interaction_id.clone(),
        };
        match draft.into_promise(p.id.clone(), now) {
            Ok(promise) => {
                if let (Some(status), Some(completed_at)) = (status, completed_at) {
                    promises.push(crate::domain::Promise {
                        status,
                        completed_at,
                        extra: p.extra.clone(),
                        ..promise
                    });
                }
            }
            Err(e) => r.invalid(&at, e),
        }
    }

    let mut requests = Vec::new();
    for (n, q) in doc.requests.iter().enumerate() {
        let at = format!("{path}.requests[{n}]");
        r.id(&q.id, &at);
        mark(r, &q.id, &q.archived_at, format!("{at}.archived_at"));
        check_contact(r, &q.contact_id, format!("{at}.contact_id"));
        let steps = (
            r.opt_instant(&q.acknowledged_at, format!("{at}.acknowledged_at")),
            r.opt_instant(&q.answered_at, format!("{at}.answered_at")),
            r.opt_instant(&q.resolved_at, format!("{at}.resolved_at")),
        );
        let draft = RequestDraft {
            account_id: doc.id.clone(),
            contact_id: q.contact_id.clone(),
            received_at: Some(q.received_at.clone()),
            text: q.text.clone(),
        };
        match (draft.into_request(q.id.clone(), now), steps) {
            (Ok(request), (Some(acknowledged_at), Some(answered_at), Some(resolved_at))) => {
                requests.push(crate::domain::Request { acknowledged_at, answered_at, resolved_at, ..request })
            }
            (Err(e), _) => r.invalid(&at, e),
            _ => {}
        }
    }

    let mut issues = Vec::new();
    for (n, i) in doc.issues.iter().enumerate() {
        let at = format!("{path}.issues[{n}]");
        r.id(&i.id, &at);
        mark(r, &i.id, &i.archived_at, format!("{at}.archived_at"));
        let steps = (
            r.opt_instant(&i.acknowledged_at, format!("{at}.acknowledged_at")),
            r.opt_instant(&i.resolved_at, format!("{at}.resolved_at")),
            r.opt_instant(&i.followed_up_at, format!("{at}.followed_up_at")),
        );
        let draft = IssueDraft {
            account_id: doc.id.clone(),
            title: i.title.clone(),
            severity: r.word(
                &i.severity,
                format!("{at}.severity"),
                "severity",
                crate::domain::Severity::choices(),
            ),
            opened_at: Some(i.opened_at.clone()),
            notes: Some(i.notes.clone()),
        };
        match (draft.into_issue(i.id.clone(), now), steps) {
            (Ok(issue), (Some(acknowledged_at), Some(resolved_at), Some(followed_up_at))) => {
                issues.push(crate::domain::Issue { acknowledged_at, resolved_at, followed_up_at, ..issue })
            }
            (Err(e), _) => r.invalid(&at, e),
            _ => {}
        }
    }

    let mut meeting_series = Vec::new();
    for (n, s) in doc.meeting_series.iter().enumerate() {
        let at = format!("{path}.meeting_series[{n}]");
        r.id(&s.id, &at);
        match super::series::checked(s, &doc.id, r.now) {
            Ok(series) => meeting_series.push(series),
            Err(e) => r.invalid(&at, e),
        }
    }

    let mut meetings = Vec::new();
    for (n, m) in doc.meetings.iter().enumerate() {
        let at = format!("{path}.meetings[{n}]");
        r.id(&m.id, &at);
        mark(r, &m.id, &m.archived_at, format!("{at}.archived_at"));
        for (k, c) in m.attendee_ids.iter().enumerate() {
            check_contact(r, &Some(c.clone()), format!("{at}.attendee_ids[{k}]"));
        }
        let draft = MeetingDraft {
            account_id: doc.id.clone(),
            starts_at: m.starts_at.clone(),
            ends_at: Some(m.ends_at.clone()),
            title: m.title.clone(),
            location: m.location.clone(),
            attendee_ids: m.attendee_ids.clone(),
            agenda: Some(m.agenda.clone()),
            guests: Some(
                m.guests
                    .iter()
                    .enumerate()
                    .filter_map(|(k, g)| {
                        let role = r.word::<GuestRole>(
                            &g.role,
                            format!("{at}.guests[{k}].role"),
                            "guest's role",
                            GuestRole::choices(),
                        )?;
                        Some(Guest { email: g.email.clone(), name: g.name.clone(), role })
                    })
                    .collect(),
            ),
        };
        let occurrence = match &m.series_id {
            Some(id) => match r.series.get(id).cloned() {
                Some(repeats) => Some(Occurrence { series_id: id.clone(), repeats, changed: m.changed }),
                None => {
                    r.problem(
                        format!("{at}.series_id"),
                        format!("No repeating meeting with the id \"{id}\" is in this archive. Point it at one of the accounts' meeting_series, or remove it."),
                    );
                    None
                }
            },
            None => None,
        };
        match draft
            .into_meeting(m.id.clone(), now)
            .and_then(|meeting| meeting.from_calendar(m.ical_uid.as_deref(), m.timezone.as_deref()))
        {
            Ok(meeting) => meetings.push(Meeting {
                series: occurrence,
                organizer_id: m.organizer_id.clone().filter(|o| meeting.attendee_ids.contains(o)),
                ..meeting
            }),
            Err(e) => r.invalid(&at, e),
        }
    }

    let account = account.filter(|_| id_ok)?;
    Some(Bundle {
        account,
        contacts: managers_first(contacts),
        culture_notes,
        goals,
        promises,
        interactions,
        requests,
        issues,
        meetings,
        meeting_series,
        archived,
    })
}

/// Reports every text longer than any field may be: ids and references to ids past `ID_MAX`
/// characters, any other text past `validate::TEXT_MAX`. Stops looking after a hundred. The
/// path of a text is written out only when it is reported.
fn oversized(r: &mut Reader, accounts: &serde_json::Value) {
    use serde_json::Value;
    enum Step<'a> {
        Key(&'a str),
        Index(usize),
    }
    fn is_reference(key: &str) -> bool {
        key == "id" || key.ends_with("_id") || key.ends_with("_ids") || key == "reports_to"
    }
    fn walk<'a>(r: &mut Reader, value: &'a Value, steps: &mut Vec<Step<'a>>, limit: usize) {
        if r.problems.len() >= 100 {
            return;
        }
        match value {
            // Bytes first: a quick answer for the common case, characters only when needed.
            Value::String(text) if text.len() > limit && text.chars().count() > limit => {
                let mut path = String::from("$.accounts");
                for step in steps.iter() {
                    match step {
                        Step::Key(k) => path.push_str(&format!(".{k}")),
                        Step::Index(n) => path.push_str(&format!("[{n}]")),
                    }
                }
                let what = if limit == ID_MAX { "An id" } else { "This text" };
                let count = text.chars().count();
                r.problem(
                    path,
                    format!("{what} is {count} characters long; the limit is {limit}. Export the archive again from Rapport."),
                );
            }
            Value::Array(items) => {
                for (n, item) in items.iter().enumerate() {
                    steps.push(Step::Index(n));
                    walk(r, item, steps, limit);
                    steps.pop();
                }
            }
            Value::Object(fields) => {
                for (key, item) in fields {
                    let limit = if is_reference(key) { ID_MAX } else { validate::TEXT_MAX };
                    steps.push(Step::Key(key));
                    walk(r, item, steps, limit);
                    steps.pop();
                }
            }
            _ => {}
        }
    }
    walk(r, accounts, &mut Vec::new(), validate::TEXT_MAX);
}

fn none_if_blank(s: &str) -> Option<&str> {
    Some(s.trim()).filter(|s| !s.is_empty())
}

/// The name of someone whose chain of managers comes back to them, if anyone's does.
fn reports_to_loop(contacts: &[ContactDoc]) -> Option<String> {
    let manager: HashMap<&str, &str> =
        contacts.iter().filter_map(|c| c.reports_to.as_deref().map(|m| (c.id.as_str(), m))).collect();
    for c in contacts {
        let mut seen = HashSet::new();
        let mut at = c.id.as_str();
        while let Some(next) = manager.get(at) {
            if !seen.insert(at) {
                return Some(c.name.clone());
            }
            at = next;
        }
    }
    None
}

/// Orders contacts so that everyone's manager comes before them.
fn managers_first(mut contacts: Vec<crate::domain::Contact>) -> Vec<crate::domain::Contact> {
    let mut ordered = Vec::with_capacity(contacts.len());
    let mut placed: HashSet<String> = HashSet::new();
    let ids: HashSet<String> = contacts.iter().map(|c| c.id.clone()).collect();
    while !contacts.is_empty() {
        let before = contacts.len();
        let (ready, waiting): (Vec<_>, Vec<_>) = contacts
            .into_iter()
            .partition(|c| c.reports_to.as_ref().is_none_or(|m| placed.contains(m) || !ids.contains(m)));
        for c in ready {
            placed.insert(c.id.clone());
            ordered.push(c);
        }
        contacts = waiting;
        if contacts.len() == before {
            // A loop (already reported); keep the rest in their order.
            ordered.append(&mut contacts);
        }
    }
    ordered
}
