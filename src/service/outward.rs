//! What Rapport gives back in formats other tools read: people as vCard or CSV, and a calendar
//! of what is coming (meetings, check-ins, promises falling due, birthdays) that the user's
//! calendar can subscribe to. The app rewrites the calendar file on a schedule.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::progress::Unit;
use super::{Rapport, stored_precision};
use crate::domain::{Account, Contact, DateKind, Direction, GuestRole};
use crate::error::{Error, Result};
use crate::interop::vcard::VcardVersion;
use crate::interop::{FeedEvent, FeedWhen, PersonCard, csv, ical, vcard};

/// How far ahead the calendar looks; meetings of the last week stay in it for reference.
const FEED_DAYS_AHEAD: i64 = 90;
const FEED_DAYS_BEHIND: i64 = 7;

const FEED_KEY: &str = "calendar_feed";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Rapport's own archive (JSON), which keeps everything.
    Archive,
    /// People as CSV, for a spreadsheet or a CRM.
    Csv,
    /// People as vCard 4.0.
    Vcard,
    /// People as vCard 3.0, for address books that do not read 4.0.
    Vcard3,
    /// The calendar of what is coming.
    Ics,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Archive => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Vcard | ExportFormat::Vcard3 => "vcf",
            ExportFormat::Ics => "ics",
        }
    }
}

/// Where the app keeps the calendar file the user's calendar subscribes to; none means off.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Type)]
pub struct FeedSettings {
    pub path: Option<String>,
}

impl Rapport {
    /// Everyone (or everyone at one account) as an address book knows them.
    pub fn people_cards(&self, account_id: Option<&str>) -> Result<Vec<PersonCard>> {
        let live = self.store.live_people()?;
        let accounts: HashMap<String, Account> =
            live.accounts.into_iter().map(|a| (a.id.clone(), a)).collect();
        if let Some(id) = account_id
            && !accounts.contains_key(id)
        {
            return Err(Error::not_found(
                "That account is not in this database. Reload to see what is there.",
            ));
        }
        let mut people = live.people;
        people.retain(|c| account_id.is_none_or(|a| a == c.account_id));
        people.sort_by(|a, b| {
            let name = |c: &Contact| accounts.get(&c.account_id).map(|a| a.name.to_lowercase());
            name(a).cmp(&name(b)).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        Ok(people.iter().map(|c| card(c, accounts.get(&c.account_id).map(|a| a.name.clone()))).collect())
    }

    /// The export as text in `format`.
    pub fn export_text(
        &self,
        format: ExportFormat,
        account_id: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<String> {
        match format {
            ExportFormat::Archive => self.export_archive(now),
            ExportFormat::Csv => Ok(csv::write_people(&self.people_cards(account_id)?)),
            ExportFormat::Vcard => Ok(vcard::write(&self.people_cards(account_id)?, VcardVersion::V4)),
            ExportFormat::Vcard3 => Ok(vcard::write(&self.people_cards(account_id)?, VcardVersion::V3)),
            ExportFormat::Ics => self.calendar_feed(account_id, now),
        }
    }

    /// Writes the export to `path` through a temporary file renamed into place, so a reader
    /// (a subscribed calendar) never sees half a file.
    pub fn export_to(
        &self,
        path: &Path,
        format: ExportFormat,
        account_id: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let progress = self.progress();
        progress.step("Reading what goes in the file", Unit::Records, None);
        let text = self.export_text(format, account_id, now)?;
        // Nothing is written yet: stopping here leaves no file behind.
        progress.go_on()?;
        progress.step("Writing the file", Unit::Bytes, Some(text.len() as u64));
        progress.writing();
        self.write_user_file(path, &text)
    }

    /// Meetings, check-ins, promises falling due and birthdays, as one calendar.
    pub fn calendar_feed(&self, account_id: Option<&str>, now: DateTime<Utc>) -> Result<String> {
        let now = stored_precision(now);
        let live = self.store.live_people()?;
        let accounts: HashMap<String, Account> =
            live.accounts.into_iter().map(|a| (a.id.clone(), a)).collect();
        let wanted = |id: &str| accounts.contains_key(id) && account_id.is_none_or(|a| a == id);
        let people: HashMap<String, Contact> =
            live.people.into_iter().filter(|c| wanted(&c.account_id)).map(|c| (c.id.clone(), c)).collect();
        let account_name = |id: &str| accounts.get(id).map_or("", |a| a.name.as_str());
        let until = now + Duration::days(FEED_DAYS_AHEAD);
        let mut events = Vec::new();

        let calendar = self.store.calendar_records(now - Duration::days(FEED_DAYS_BEHIND), until)?;
        // A repeating meeting goes out as its series (its rule, under its calendar's UID), then
        // each occurrence that differs from the rule as a change of its own; the ones the rule
        // gives are not written again.
        let mut written: HashSet<&str> = HashSet::new();
        for m in &calendar.meetings {
            if !wanted(&m.account_id) {
                continue;
            }
            let series = m.series.as_ref().and_then(|o| {
                calendar.series.iter().find(|(s, _)| s.id == o.series_id).map(|found| (o, found))
            });
            if let Some((occurrence, (series, deleted))) = series {
                if written.insert(series.id.as_str()) {
                    // The series carries what its occurrences share: taken from one the rule
                    // gives as it is, or from this one.
                    let like = calendar
                        .meetings
                        .iter()
                        .find(|o| o.series.as_ref().is_some_and(|o| o.series_id == series.id && !o.changed))
                        .unwrap_or(m);
                    let (attendees, organizer) = invited(like, &people);
                    events.push(FeedEvent {
                        uid: series.ical_uid.clone(),
                        title: series.title.clone(),
                        when: FeedWhen::Series { rule: series.rule.clone(), deleted: deleted.clone() },
                        description: (!like.agenda.is_empty()).then(|| like.agenda.clone()),
                        location: like.location.clone(),
                        attendees,
                        organizer,
                        categories: vec![account_name(&m.account_id).to_string(), "Meeting".into()],
                    });
                }
                if !occurrence.changed {
                    continue;
                }
            }
            let (attendees, organizer) = invited(m, &people);
            events.push(FeedEvent {
                uid: m.ical_uid.clone().unwrap_or_else(|| format!("{}@rapport", m.id)),
                title: m.title.clone(),
                when: FeedWhen::Timed {
                    starts_at: m.starts_at,
                    // A moment goes out as one: DTEND equal to DTSTART.
                    ends_at: if m.is_moment() { m.starts_at } else { m.ends_at },
                    timezone: m.timezone.clone(),
                },
                description: (!m.agenda.is_empty()).then(|| m.agenda.clone()),
                location: m.location.clone(),
                attendees,
                organizer,
                categories: vec![account_name(&m.account_id).to_string(), "Meeting".into()],
            });
        }

        for s in self.today(now)?.into_iter().filter(|s| wanted(&s.account_id)) {
            let who = s.contact.clone().map_or_else(|| s.account.clone(), |c| format!("{c} ({})", s.account));
            let mut description: Vec<String> = s.reasons.iter().map(|r| r.text.clone()).collect();
            description.extend(s.talking_points.iter().map(|t| format!("– {t}")));
            events.push(FeedEvent {
                uid: format!("checkin-{}-{}@rapport", s.key, s.suggested_at.format("%Y%m%d")),
                title: format!("Check in with {who}"),
                when: FeedWhen::Timed {
                    starts_at: s.suggested_at,
                    ends_at: s.suggested_at + Duration::minutes(30),
                    timezone: Some(s.timezone.clone()),
                },
                description: Some(description.join("\n")),
                location: None,
                attendees: Vec::new(),
                organizer: None,
                categories: vec![s.account.clone(), "Check-in".into()],
            });
        }

        for p in calendar.promises {
            let Some(account) = accounts.get(&p.account_id).filter(|a| wanted(&a.id)) else { continue };
            let zone: Tz = account.timezone.parse().unwrap_or(Tz::UTC);
            let title = match p.direction {
                Direction::Ours => format!("Due to {}: {}", account.name, p.text),
                Direction::Theirs => format!("Due from {}: {}", account.name, p.text),
            };
            events.push(FeedEvent {
                uid: format!("promise-{}@rapport", p.id),
                title,
                when: FeedWhen::Day { date: p.due_at.with_timezone(&zone).date_naive(), yearly: false },
                description: None,
                location: None,
                attendees: Vec::new(),
                organizer: None,
                categories: vec![account.name.clone(), "Promise".into()],
            });
        }

        let mut people: Vec<&Contact> = people.values().collect();
        people.sort_by(|a, b| a.id.cmp(&b.id));
        for c in people {
            for (n, d) in c.dates.iter().enumerate() {
                let Some(date) = first_day(&d.date) else { continue };
                let what = match d.kind {
                    DateKind::Birthday => "birthday".to_string(),
                    DateKind::WorkAnniversary => "work anniversary".to_string(),
                    DateKind::Other => d.label.clone().unwrap_or_else(|| "day".into()),
                };
                events.push(FeedEvent {
                    uid: format!("date-{}-{n}@rapport", c.id),
                    title: format!("{}'s {what} ({})", c.name, account_name(&c.account_id)),
                    when: FeedWhen::Day { date, yearly: true },
                    description: None,
                    location: None,
                    attendees: Vec::new(),
                    organizer: None,
                    categories: vec![account_name(&c.account_id).to_string(), "Birthday and dates".into()],
                });
            }
        }
        Ok(ical::write("Rapport", &events, now))
    }

    pub fn feed_settings(&self) -> Result<FeedSettings> {
        self.store.setting(FEED_KEY)
    }

    /// Turns the calendar file on (at `path`, which must be in a folder that exists) or off,
    /// and writes it at once when on.
    pub fn save_feed_settings(&mut self, settings: FeedSettings, now: DateTime<Utc>) -> Result<FeedSettings> {
        let path = settings.path.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(PathBuf::from);
        if let Some(path) = &path {
            if path.extension().is_none_or(|e| e != "ics") {
                return Err(Error::validation(
                    "path",
                    "The calendar file must end in .ics, so calendars recognise it. Choose a name such as rapport.ics.",
                ));
            }
            if path.parent().is_some_and(|dir| !dir.as_os_str().is_empty() && !dir.is_dir()) {
                return Err(Error::validation(
                    "path",
                    format!("The folder for {} does not exist. Choose a folder that does.", path.display()),
                ));
            }
            // Refused before the setting is kept, so a refused choice leaves nothing behind.
            super::files::refuse_own_files(self.store.path(), path)?;
        }
        let settings = FeedSettings { path: path.map(|p| p.display().to_string()) };
        self.store.save_setting(FEED_KEY, &settings)?;
        self.refresh_feed(now)?;
        Ok(settings)
    }

    /// Rewrites the calendar file when it is on; says where.
    pub fn refresh_feed(&self, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
        let Some(path) = self.feed_settings()?.path.map(PathBuf::from) else { return Ok(None) };
        self.export_to(&path, ExportFormat::Ics, None, now)?;
        Ok(Some(path))
    }
}

/// A person as an address book keeps them.
fn card(c: &Contact, company: Option<String>) -> PersonCard {
    PersonCard {
        line: 0,
        name: c.name.clone(),
        name_parts: c.name_parts.clone(),
        company,
        title: c.title.clone(),
        emails: c.email.iter().chain(c.other_emails.iter()).cloned().collect(),
        phones: c.phone.iter().chain(c.other_phones.iter()).cloned().collect(),
        timezone: c.timezone.clone(),
        dates: c.dates.clone(),
        notes: (!c.notes.is_empty()).then(|| c.notes.clone()),
    }
}

/// The day a yearly date is first shown: its own, or for a date without a year, that day in
/// 2000 (a leap year, so February 29 exists).
fn first_day(date: &str) -> Option<NaiveDate> {
    match date.strip_prefix("--") {
        Some(month_day) => NaiveDate::parse_from_str(&format!("2000-{month_day}"), "%Y-%m-%d").ok(),
        None => NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
    }
}

/// Who a meeting's invitation goes to, and who sent it: its people, then its guests as the
/// calendar sent them in, so calendar → Rapport → calendar keeps everyone invited.
#[allow(clippy::type_complexity)]
fn invited(
    m: &crate::domain::Meeting,
    people: &HashMap<String, Contact>,
) -> (Vec<(String, Option<String>)>, Option<(String, String)>) {
    // The person who sent the invitation goes out as its ORGANIZER, the others as ATTENDEEs.
    let mut organizer = m
        .organizer_id
        .as_ref()
        .and_then(|id| people.get(id))
        .and_then(|c| Some((c.name.clone(), c.email.clone()?)));
    let mut attendees: Vec<(String, Option<String>)> = m
        .attendee_ids
        .iter()
        .filter(|id| organizer.is_none() || m.organizer_id.as_ref() != Some(*id))
        .filter_map(|id| people.get(id))
        .map(|c| (c.name.clone(), c.email.clone()))
        .collect();
    for g in &m.guests {
        let name = g.name.clone().unwrap_or_default();
        match g.role {
            GuestRole::Organizer if organizer.is_none() => organizer = Some((name, g.email.clone())),
            _ => attendees.push((name, Some(g.email.clone()))),
        }
    }
    (attendees, organizer)
}
