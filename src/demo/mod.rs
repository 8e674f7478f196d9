//! The demo portfolio: a deterministic function of (seed, now) that builds a believable book of
//! clients with 18 months of history, dated relative to `now` so it always looks current.
//!
//! The same seed and `now` always give the same records, ids included. Nothing here writes;
//! the service stores what this returns in one transaction.

mod catalogue;
mod phrases;
mod profile;
mod roles;
mod scale;

pub use scale::{Targets, generate as generate_scaled};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use uuid::Builder;

use crate::domain::Bundle;
use crate::domain::{
    Account, BuyingRole, Channel, Contact, Id, Initiator, Interaction, InteractionSource, Level, Serves,
    Weekday, WorkingHours, check_working_hours,
};
use catalogue::{CLIENTS, Client};

/// The seed `rapport demo` uses unless told otherwise.
pub const DEFAULT_SEED: u64 = 2026;

/// How far back the history goes.
const HISTORY_DAYS: i64 = 548;

/// The demo as the archive shapes it: one bundle per account, people managers first.
pub struct Portfolio {
    pub bundles: Vec<Bundle>,
}

/// What `rapport demo` says it made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DemoReport {
    pub accounts: usize,
    pub contacts: usize,
    pub interactions: usize,
    pub countries: usize,
    pub timezones: usize,
}

impl Portfolio {
    pub fn accounts(&self) -> impl Iterator<Item = &Account> {
        self.bundles.iter().map(|b| &b.account)
    }

    pub fn contacts(&self) -> impl Iterator<Item = &Contact> {
        self.bundles.iter().flat_map(|b| &b.contacts)
    }

    pub fn interactions(&self) -> impl Iterator<Item = &Interaction> {
        self.bundles.iter().flat_map(|b| &b.interactions)
    }

    pub fn report(&self) -> DemoReport {
        let mut countries: Vec<&str> = CLIENTS.iter().map(|c| c.country).collect();
        countries.sort();
        countries.dedup();
        let mut zones: Vec<&str> = self.accounts().map(|a| a.timezone.as_str()).collect();
        zones.sort();
        zones.dedup();
        DemoReport {
            accounts: self.bundles.len(),
            contacts: self.contacts().count(),
            interactions: self.interactions().count(),
            countries: countries.len(),
            timezones: zones.len(),
        }
    }
}

/// Ids that are valid UUIDv7 (time-ordered) yet drawn from the seeded generator.
pub(crate) fn id(rng: &mut ChaCha8Rng, at: DateTime<Utc>) -> Id {
    let bytes: [u8; 10] = rng.random();
    let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
    Builder::from_unix_timestamp_millis(millis, &bytes).into_uuid().to_string()
}

pub fn generate(seed: u64, now: DateTime<Utc>) -> Portfolio {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut bundles = Vec::new();
    let opened = now - Duration::days(HISTORY_DAYS + 30);
    for (index, client) in CLIENTS.iter().enumerate() {
        let account = account(&mut rng, client, opened, now);
        let mut people = people(&mut rng, client, &account, opened);
        profile::dates(&mut rng, &mut people, now, index);
        let interactions = history(&mut rng, client, &account, &people, now);
        let p = profile::generate(&mut rng, client, &account, &people, &interactions, now, index);
        bundles.push(Bundle {
            account,
            contacts: people,
            culture_notes: p.culture_notes,
            goals: p.goals,
            promises: p.promises,
            interactions,
            requests: p.requests,
            issues: p.issues,
            meetings: p.meetings,
            meeting_series: Vec::new(),
            archived: Default::default(),
        });
    }
    Portfolio { bundles }
}

fn account(rng: &mut ChaCha8Rng, client: &Client, opened: DateTime<Utc>, now: DateTime<Utc>) -> Account {
    let tz: Tz = client.timezone.parse().unwrap_or(Tz::UTC);
    let today = now.with_timezone(&tz).date_naive();
    let holidays = [today.year(), today.year() + 1]
        .iter()
        .flat_map(|year| {
            client
                .holidays
                .iter()
                .filter_map(move |md| NaiveDate::parse_from_str(&format!("{year}-{md}"), "%Y-%m-%d").ok())
        })
        .collect();
    let working_hours = WorkingHours { start: client.hours.0.into(), end: client.hours.1.into() };
    debug_assert!(check_working_hours(&working_hours).is_ok(), "{} has valid hours", client.name);
    Account {
        id: id(rng, opened),
        name: client.name.into(),
        tier: client.tier,
        status: client.status,
        industry: Some(client.industry.into()),
        timezone: tz.name().into(),
        // In calendar order, as every other door stores them.
        working_days: Weekday::ALL
            .iter()
            .copied()
            .filter(|d| client.working_days.contains(&d.as_str()))
            .collect(),
        working_hours,
        holidays,
        renewal_date: client.renewal_in_days.map(|days| today + Duration::days(days)),
        cadence_days: None,
        notes: client.notes.into(),
        created_at: opened,
        updated_at: opened,
    }
}

fn people(rng: &mut ChaCha8Rng, client: &Client, account: &Account, opened: DateTime<Utc>) -> Vec<Contact> {
    let mut made: Vec<Contact> = Vec::with_capacity(client.people.len());
    for (i, person) in client.people.iter().enumerate() {
        let joined = opened + Duration::hours(i as i64);
        let email = format!("{}@{}", email_local_part(person.name), client.domain);
        let preferred = match person.level {
            Level::Executive => [Channel::Meeting, Channel::Call, Channel::Email][rng.random_range(0..3)],
            Level::Manager => [Channel::Email, Channel::Video, Channel::Call][rng.random_range(0..3)],
            Level::Staff => [Channel::Chat, Channel::Email, Channel::Message][rng.random_range(0..3)],
        };
        made.push(Contact {
            id: id(rng, joined),
            account_id: account.id.clone(),
            name: person.name.into(),
            name_parts: None,
            title: Some(person.title.into()),
            level: person.level,
            reports_to: person.reports_to.and_then(|m| made.get(m)).map(|m| m.id.clone()),
            email: Some(email),
            phone: Some(format!(
                "+{} {:03} {:04}",
                10 + rng.random_range(0..89),
                rng.random_range(100..999),
                rng.random_range(0..9999)
            )),
            other_emails: Vec::new(),
            other_phones: Vec::new(),
            preferred_channel: Some(preferred),
            timezone: None,
            // Executives are seen less often but must not be forgotten.
            cadence_days: (person.level == Level::Executive && rng.random_bool(0.5)).then_some(45),
            dates: Vec::new(),
            notes: String::new(),
            roles: roles::of(client, i, person).0,
            influence: roles::of(client, i, person).1,
            stance: None,
            // The champion brought the next person in.
            introduced_by: (i == 2
                && roles::of(client, 1, &client.people[1]).0.contains(&BuyingRole::Champion))
            .then(|| made.get(1).map(|m| m.id.clone()))
            .flatten(),
            created_at: joined,
            updated_at: joined,
        });
    }
    made
}

/// "Dr. Annika Vogt" → "annika.vogt"; accents are dropped the way mail systems do.
fn email_local_part(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().filter(|w| !w.ends_with('.')).collect();
    let ascii: String = words
        .join(".")
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'É' => 'e',
            'í' | 'î' => 'i',
            'ó' | 'ô' | 'õ' => 'o',
            'ú' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .collect();
    ascii.to_lowercase()
}

fn history(
    rng: &mut ChaCha8Rng,
    client: &Client,
    account: &Account,
    people: &[Contact],
    now: DateTime<Utc>,
) -> Vec<Interaction> {
    let tz: Tz = account.timezone.parse().unwrap_or(Tz::UTC);
    let rhythm = &client.rhythm;
    let mut touches = Vec::new();
    let mut days_ago = HISTORY_DAYS as f64;
    while days_ago > rhythm.quiet_days as f64 {
        let Some(at) = working_moment(rng, account, tz, now - Duration::hours((days_ago * 24.0) as i64))
        else {
            break;
        };
        if at <= now - Duration::days(rhythm.quiet_days) {
            let recent = now - at < Duration::days(90);
            touches.push(touch(rng, client, account, people, at, recent));
        }
        // Gaps vary around the mean: between a third of it and twice it.
        days_ago -= rhythm.mean_gap_days * rng.random_range(0.35..2.0);
    }
    touches
}

/// The nearest working moment at or before `around`, inside the account's hours and week.
fn working_moment(
    rng: &mut ChaCha8Rng,
    account: &Account,
    tz: Tz,
    around: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let start = NaiveTime::parse_from_str(&account.working_hours.start, "%H:%M").ok()?;
    let end = NaiveTime::parse_from_str(&account.working_hours.end, "%H:%M").ok()?;
    let mut day = around.with_timezone(&tz).date_naive();
    for _ in 0..14 {
        let weekday = day.format("%a").to_string().to_lowercase();
        let works =
            account.working_days.iter().any(|d| d.as_str() == weekday) && !account.holidays.contains(&day);
        if works {
            let minutes = (end - start).num_minutes().max(1);
            let time = start + Duration::minutes(rng.random_range(0..minutes));
            return tz.from_local_datetime(&day.and_time(time)).earliest().map(|t| t.with_timezone(&Utc));
        }
        day = day.pred_opt()?;
    }
    None
}

fn touch(
    rng: &mut ChaCha8Rng,
    client: &Client,
    account: &Account,
    people: &[Contact],
    at: DateTime<Utc>,
    recent: bool,
) -> Interaction {
    let initiated_by = if rng.random_bool(client.rhythm.ours) { Initiator::Us } else { Initiator::Them };
    let channel = [
        Channel::Email,
        Channel::Email,
        Channel::Call,
        Channel::Video,
        Channel::Meeting,
        Channel::Chat,
        Channel::Message,
        Channel::Visit,
    ][rng.random_range(0..8)];
    let contact_ids = if client.rhythm.single_threaded && recent {
        vec![people[0].id.clone()]
    } else {
        let first = rng.random_range(0..people.len());
        let mut ids = vec![people[first].id.clone()];
        if rng.random_bool(0.3) {
            let second = rng.random_range(0..people.len());
            if second != first {
                ids.push(people[second].id.clone());
            }
        }
        ids.sort();
        ids
    };
    let topic = client.topics[rng.random_range(0..client.topics.len())];
    let mood = client.rhythm.mood + rng.random_range(-1.2..1.2);
    let sentiment = rng.random_bool(0.85).then(|| mood.round().clamp(-2.0, 2.0) as i8);
    let mut touch = Interaction {
        id: id(rng, at),
        account_id: account.id.clone(),
        occurred_at: at,
        channel,
        initiated_by,
        contact_ids,
        summary: phrases::summary(rng, channel, initiated_by, topic, sentiment.unwrap_or(0)),
        sentiment,
        strategic: rng.random_bool(0.15),
        created_at: at,
        source: InteractionSource::Typed,
        message_id: None,
        snippet: None,
        serves: None,
        private: false,
    };
    // Whose goal it served, and a few kept private, from the touch itself rather than the
    // random stream, which stays as it was.
    let minute = at.timestamp() / 60;
    touch.serves = if touch.strategic {
        Some(Serves::Theirs)
    } else {
        (initiated_by == Initiator::Us && minute % 11 == 0).then_some(Serves::Ours)
    };
    touch.private = minute % 29 == 0;
    touch
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-23T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn the_same_seed_and_now_give_the_same_portfolio() {
        let (a, b) = (generate(7, now()), generate(7, now()));
        assert_eq!(a.bundles, b.bundles);
        assert_ne!(generate(8, now()).bundles, a.bundles, "another seed tells another story");
    }

    #[test]
    fn the_portfolio_is_large_and_varied_enough_to_demo() {
        let p = generate(DEFAULT_SEED, now());
        let report = p.report();
        assert!(report.accounts >= 12, "{report:?}");
        assert!(report.contacts >= 40, "{report:?}");
        assert!(report.countries >= 5 && report.timezones >= 5, "{report:?}");
        for level in Level::ALL {
            assert!(p.contacts().any(|c| c.level == *level), "someone at level {level}");
        }
        assert!(p.contacts().filter(|c| c.reports_to.is_some()).count() >= 30, "a real command structure");
        for side in Initiator::ALL {
            assert!(p.interactions().any(|i| i.initiated_by == *side), "touches started by {side}");
        }
    }

    #[test]
    fn history_spans_eighteen_months_and_never_reaches_the_future() {
        let p = generate(DEFAULT_SEED, now());
        let oldest = p.interactions().map(|i| i.occurred_at).min().unwrap();
        let newest = p.interactions().map(|i| i.occurred_at).max().unwrap();
        assert!(now() - oldest >= Duration::days(530), "oldest touch {oldest}");
        assert!(newest <= now(), "newest touch {newest}");
    }

    #[test]
    fn touches_fall_inside_each_clients_working_week() {
        let p = generate(DEFAULT_SEED, now());
        for i in p.interactions() {
            let account = p.accounts().find(|a| a.id == i.account_id).unwrap();
            let tz: Tz = account.timezone.parse().unwrap();
            let local = i.occurred_at.with_timezone(&tz);
            let weekday = local.format("%a").to_string().to_lowercase();
            assert!(
                account.working_days.iter().any(|d| d.as_str() == weekday),
                "{} on {local}",
                account.name
            );
            let time = local.format("%H:%M").to_string();
            assert!(
                time >= account.working_hours.start && time < account.working_hours.end,
                "{} at {local}",
                account.name
            );
        }
    }

    #[test]
    fn everyone_reports_to_a_colleague_at_the_same_account() {
        let p = generate(DEFAULT_SEED, now());
        for c in p.contacts() {
            if let Some(manager) = &c.reports_to {
                let m = p.contacts().find(|m| &m.id == manager).expect("manager exists");
                assert_eq!(m.account_id, c.account_id);
            }
        }
    }

    #[test]
    fn the_demo_fills_every_part_of_a_profile_with_situations_worth_acting_on() {
        use crate::domain::{DateKind, Direction, GoalKind, PromiseStatus};
        let p = generate(DEFAULT_SEED, now());
        let all = |f: &dyn Fn(&Bundle) -> usize| p.bundles.iter().map(f).sum::<usize>();
        assert!(all(&|b| b.culture_notes.len()) >= 30);
        for kind in GoalKind::ALL {
            assert!(p.bundles.iter().flat_map(|b| &b.goals).any(|g| g.kind == *kind), "a {kind} goal");
        }
        let promises: Vec<_> = p.bundles.iter().flat_map(|b| &b.promises).collect();
        for status in [PromiseStatus::Kept, PromiseStatus::Broken, PromiseStatus::Open] {
            assert!(promises.iter().any(|x| x.status == status), "a {status} promise");
        }
        assert!(promises.iter().any(|x| x.kept_late()), "a promise kept late");
        assert!(
            promises.iter().any(|x| x.status == PromiseStatus::Open
                && x.direction == Direction::Ours
                && x.due_at < now())
        );
        assert!(promises.iter().any(|x| x.status == PromiseStatus::Open
            && x.direction == Direction::Theirs
            && x.due_at < now()));
        let requests: Vec<_> = p.bundles.iter().flat_map(|b| &b.requests).collect();
        assert!(
            requests
                .iter()
                .any(|r| r.acknowledged_at.is_none() && now() - r.received_at > Duration::hours(1))
        );
        assert!(
            requests.iter().any(|r| r.answered_at.is_none() && now() - r.received_at > Duration::hours(24))
        );
        let issues: Vec<_> = p.bundles.iter().flat_map(|b| &b.issues).collect();
        assert!(issues.iter().any(|i| i.acknowledged_at.is_none()));
        assert!(issues.iter().any(|i| i.resolved_at.is_some() && i.followed_up_at.is_none()));
        let meetings: Vec<_> = p.bundles.iter().flat_map(|b| &b.meetings).collect();
        assert!(meetings.iter().any(|m| m.starts_at > now() && m.starts_at - now() < Duration::hours(48)));
        assert!(meetings.iter().any(|m| m.ends_at < now() && now() - m.ends_at < Duration::days(2)));
        let birthday_soon = p.contacts().flat_map(|c| &c.dates).any(|d| {
            d.kind == DateKind::Birthday && {
                let md = &d.date[d.date.len() - 5..];
                (0..7).any(|k| (now() + Duration::days(k)).format("%m-%d").to_string() == md)
            }
        });
        assert!(birthday_soon, "someone's birthday is this week");
    }

    #[test]
    fn email_addresses_are_plain_ascii() {
        assert_eq!(email_local_part("Dr. Annika Vogt"), "annika.vogt");
        assert_eq!(email_local_part("Hélène Marchand"), "helene.marchand");
        assert_eq!(email_local_part("Sarah O'Connell"), "sarah.oconnell");
    }
}
