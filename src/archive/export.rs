//! Writing the portable archive: every live record, in a stable order (accounts and their
//! records by id), so the same data always gives the same bytes.

use chrono::{DateTime, SecondsFormat, Utc};

use super::format::*;
use crate::domain::{Bundle, Contact, InteractionSource};

pub fn instant(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn opt_instant(t: &Option<DateTime<Utc>>) -> Option<String> {
    t.as_ref().map(instant)
}

fn sorted<T, F: Fn(&T) -> &str>(items: &[T], key: F) -> Vec<&T> {
    let mut v: Vec<&T> = items.iter().collect();
    v.sort_by(|a, b| key(a).cmp(key(b)));
    v
}

pub fn document(bundles: &[Bundle], exported_at: DateTime<Utc>) -> Document {
    let mut accounts: Vec<AccountDoc> = bundles.iter().map(account).collect();
    accounts.sort_by(|a, b| a.id.cmp(&b.id));
    Document { format: FORMAT.into(), version: VERSION, exported_at: instant(&exported_at), accounts }
}

pub fn to_json(doc: &Document) -> String {
    let mut text = serde_json::to_string_pretty(doc).unwrap_or_default();
    text.push('\n');
    text
}

fn account(b: &Bundle) -> AccountDoc {
    let a = &b.account;
    let archived = |id: &str| b.archived.get(id).map(instant);
    AccountDoc {
        archived_at: archived(&a.id),
        id: a.id.clone(),
        name: a.name.clone(),
        tier: a.tier.as_str().into(),
        status: a.status.as_str().into(),
        industry: a.industry.clone(),
        timezone: a.timezone.clone(),
        working_days: a.working_days.iter().map(|d| d.as_str().to_string()).collect(),
        working_hours: WorkingHoursDoc {
            start: a.working_hours.start.clone(),
            end: a.working_hours.end.clone(),
        },
        holidays: a.holidays.iter().map(|d| d.to_string()).collect(),
        renewal_date: a.renewal_date.map(|d| d.to_string()),
        cadence_days: a.cadence_days,
        notes: a.notes.clone(),
        contacts: sorted(&b.contacts, |c| &c.id)
            .into_iter()
            .map(|c| ContactDoc { archived_at: archived(&c.id), ..contact(c) })
            .collect(),
        culture_notes: sorted(&b.culture_notes, |n| &n.id)
            .into_iter()
            .map(|n| CultureNoteDoc {
                archived_at: archived(&n.id),
                id: n.id.clone(),
                category: n.category.as_str().into(),
                text: n.text.clone(),
                contact_id: n.contact_id.clone(),
            })
            .collect(),
        goals: sorted(&b.goals, |g| &g.id)
            .into_iter()
            .map(|g| GoalDoc {
                archived_at: archived(&g.id),
                id: g.id.clone(),
                kind: g.kind.as_str().into(),
                contact_id: g.contact_id.clone(),
                title: g.title.clone(),
                detail: g.detail.clone(),
                status: g.status.as_str().into(),
                target_date: g.target_date.map(|d| d.to_string()),
                stated: g.stated,
                progress: g
                    .progress
                    .iter()
                    .map(|p| ProgressDoc { at: instant(&p.at), text: p.text.clone() })
                    .collect(),
            })
            .collect(),
        promises: sorted(&b.promises, |p| &p.id)
            .into_iter()
            .map(|p| PromiseDoc {
                archived_at: archived(&p.id),
                id: p.id.clone(),
                direction: p.direction.as_str().into(),
                contact_id: p.contact_id.clone(),
                text: p.text.clone(),
                made_at: instant(&p.made_at),
                due_at: instant(&p.due_at),
                status: p.status.as_str().into(),
                completed_at: opt_instant(&p.completed_at),
                extra: p.extra.clone(),
                interaction_id: p.interaction_id.clone(),
            })
            .collect(),
        interactions: sorted(&b.interactions, |i| &i.id)
            .into_iter()
            .map(|i| InteractionDoc {
                archived_at: archived(&i.id),
                id: i.id.clone(),
                occurred_at: instant(&i.occurred_at),
                channel: i.channel.as_str().into(),
                initiated_by: i.initiated_by.as_str().into(),
                contact_ids: i.contact_ids.clone(),
                summary: i.summary.clone(),
                sentiment: i.sentiment,
                strategic: i.strategic,
                source: (i.source != InteractionSource::Typed).then(|| i.source.as_str().into()),
                message_id: i.message_id.clone(),
                snippet: i.snippet.clone(),
                serves: i.serves.map(|w| w.as_str().into()),
                private: i.private,
            })
            .collect(),
        requests: sorted(&b.requests, |r| &r.id)
            .into_iter()
            .map(|r| RequestDoc {
                archived_at: archived(&r.id),
                id: r.id.clone(),
                contact_id: r.contact_id.clone(),
                received_at: instant(&r.received_at),
                text: r.text.clone(),
                acknowledged_at: opt_instant(&r.acknowledged_at),
                answered_at: opt_instant(&r.answered_at),
                resolved_at: opt_instant(&r.resolved_at),
            })
            .collect(),
        issues: sorted(&b.issues, |i| &i.id)
            .into_iter()
            .map(|i| IssueDoc {
                archived_at: archived(&i.id),
                id: i.id.clone(),
                title: i.title.clone(),
                severity: i.severity.as_str().into(),
                opened_at: instant(&i.opened_at),
                acknowledged_at: opt_instant(&i.acknowledged_at),
                resolved_at: opt_instant(&i.resolved_at),
                followed_up_at: opt_instant(&i.followed_up_at),
                notes: i.notes.clone(),
            })
            .collect(),
        meetings: sorted(&b.meetings, |m| &m.id)
            .into_iter()
            .map(|m| MeetingDoc {
                archived_at: archived(&m.id),
                id: m.id.clone(),
                starts_at: instant(&m.starts_at),
                ends_at: instant(&m.ends_at),
                title: m.title.clone(),
                location: m.location.clone(),
                attendee_ids: m.attendee_ids.clone(),
                agenda: m.agenda.clone(),
                ical_uid: m.ical_uid.clone(),
                timezone: m.timezone.clone(),
                guests: m
                    .guests
                    .iter()
                    .map(|g| GuestDoc {
                        email: g.email.clone(),
                        name: g.name.clone(),
                        role: g.role.as_str().into(),
                    })
                    .collect(),
                series_id: m.series.as_ref().map(|s| s.series_id.clone()),
                changed: m.series.as_ref().is_some_and(|s| s.changed),
                organizer_id: m.organizer_id.clone(),
            })
            .collect(),
        meeting_series: sorted(&b.meeting_series, |s| &s.id)
            .into_iter()
            .map(|s| SeriesDoc {
                id: s.id.clone(),
                ical_uid: s.ical_uid.clone(),
                title: s.title.clone(),
                repeats: s.repeats.clone(),
                rule: s.rule.clone(),
            })
            .collect(),
    }
}

fn contact(c: &Contact) -> ContactDoc {
    ContactDoc {
        archived_at: None,
        id: c.id.clone(),
        name: c.name.clone(),
        name_parts: c.name_parts.clone(),
        title: c.title.clone(),
        level: c.level.as_str().into(),
        reports_to: c.reports_to.clone(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        other_emails: c.other_emails.clone(),
        other_phones: c.other_phones.clone(),
        preferred_channel: c.preferred_channel.map(|p| p.as_str().into()),
        timezone: c.timezone.clone(),
        cadence_days: c.cadence_days,
        dates: c
            .dates
            .iter()
            .map(|d| DateDoc { kind: d.kind.as_str().into(), date: d.date.clone(), label: d.label.clone() })
            .collect(),
        notes: c.notes.clone(),
        roles: c.roles.iter().map(|r| r.as_str().into()).collect(),
        influence: c.influence.map(|w| w.as_str().into()),
        stance: c.stance.map(|w| w.as_str().into()),
        introduced_by: c.introduced_by.clone(),
    }
}
