//! Heavy-user portfolios for benchmarks: the demo's clients, multiplied to hundreds of accounts
//! with a realistic spread (a few large accounts, a long tail), deterministic from the seed.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::catalogue::CLIENTS;
use super::{Portfolio, account, id, touch, working_moment};
use crate::domain::Bundle;
use crate::domain::{
    Channel, Contact, Direction, Issue, Level, Meeting, Promise, PromiseStatus, Request, Severity,
};

/// A heavy user's history spans ten years, like the account manager it stands for.
const SPAN_DAYS: i64 = 3_652;

/// How much to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets {
    pub accounts: usize,
    pub contacts: usize,
    pub interactions: usize,
    pub promises: usize,
    pub requests: usize,
    pub issues: usize,
    pub meetings: usize,
}

impl Targets {
    /// A busy account manager's ten years.
    pub const HEAVY: Targets = Targets {
        accounts: 500,
        contacts: 5_000,
        interactions: 200_000,
        promises: 20_000,
        requests: 10_000,
        issues: 2_000,
        meetings: 5_000,
    };

    pub fn times(self, n: usize) -> Targets {
        Targets {
            accounts: self.accounts * n,
            contacts: self.contacts * n,
            interactions: self.interactions * n,
            promises: self.promises * n,
            requests: self.requests * n,
            issues: self.issues * n,
            meetings: self.meetings * n,
        }
    }
}

/// Splits `total` over the accounts by their weights, at least `min` each.
fn share(total: usize, weights: &[f64], min: usize) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    weights.iter().map(|w| ((total as f64 * w / sum).round() as usize).max(min)).collect()
}

pub fn generate(seed: u64, now: DateTime<Utc>, t: Targets) -> Portfolio {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    // Zipf-like: account n weighs 1/(n+1)^0.8 — a few large accounts, a long tail.
    let weights: Vec<f64> = (0..t.accounts).map(|n| 1.0 / ((n + 1) as f64).powf(0.8)).collect();
    let people = share(t.contacts, &weights, 3);
    let touches = share(t.interactions, &weights, 1);
    let promises = share(t.promises, &weights, 0);
    let requests = share(t.requests, &weights, 0);
    let issues = share(t.issues, &weights, 0);
    let meetings = share(t.meetings, &weights, 0);
    let opened = now - Duration::days(SPAN_DAYS + 30);
    let bundles = (0..t.accounts)
        .map(|n| {
            let client = &CLIENTS[n % CLIENTS.len()];
            let mut a = account(&mut rng, client, opened, now);
            a.name = format!("{} {}", client.name, n / CLIENTS.len() + 1);
            let tz: Tz = a.timezone.parse().unwrap_or(Tz::UTC);
            let contacts = staff(&mut rng, client, &a.id, people[n], opened);
            let mut interactions: Vec<_> = (0..touches[n])
                .filter_map(|_| {
                    let day = now - Duration::hours(rng.random_range(1..SPAN_DAYS * 24));
                    let at = working_moment(&mut rng, &a, tz, day)?;
                    Some(touch(&mut rng, client, &a, &contacts, at.min(now), false))
                })
                .collect();
            interactions.sort_by_key(|i| i.occurred_at);
            let mut b = Bundle {
                account: a,
                contacts,
                culture_notes: Vec::new(),
                goals: Vec::new(),
                promises: Vec::new(),
                interactions,
                requests: Vec::new(),
                issues: Vec::new(),
                meetings: Vec::new(),
                meeting_series: Vec::new(),
                archived: Default::default(),
            };
            commitments(&mut rng, &mut b, now, promises[n], requests[n], issues[n], meetings[n]);
            b
        })
        .collect();
    Portfolio { bundles }
}

/// `count` people: executives at the top, managers under them, staff under the managers.
fn staff(
    rng: &mut ChaCha8Rng,
    client: &super::catalogue::Client,
    account_id: &str,
    count: usize,
    opened: DateTime<Utc>,
) -> Vec<Contact> {
    let mut made: Vec<Contact> = Vec::with_capacity(count);
    for n in 0..count {
        let first = client.people[n % client.people.len()].name.split_whitespace().last().unwrap_or("Alex");
        let last = client.people[(n / client.people.len() + 1) % client.people.len()]
            .name
            .split_whitespace()
            .next()
            .unwrap_or("Lee");
        let level = match n {
            0 => Level::Executive,
            _ if n % 12 == 0 => Level::Executive,
            _ if n % 4 == 0 => Level::Manager,
            _ => Level::Staff,
        };
        let managers: Vec<&Contact> = made.iter().filter(|c| c.level != Level::Staff).collect();
        let reports_to =
            (n > 0 && !managers.is_empty()).then(|| managers[rng.random_range(0..managers.len())].id.clone());
        made.push(Contact {
            id: id(rng, opened),
            account_id: account_id.to_string(),
            name: format!("{first} {last} {}", n + 1),
            name_parts: None,
            title: None,
            level,
            reports_to,
            email: None,
            phone: None,
            other_emails: Vec::new(),
            other_phones: Vec::new(),
            preferred_channel: Some(Channel::Email),
            timezone: None,
            cadence_days: None,
            dates: Vec::new(),
            notes: String::new(),
            roles: Vec::new(),
            influence: None,
            stance: None,
            introduced_by: None,
            created_at: opened,
            updated_at: opened,
        });
    }
    made
}

fn commitments(
    rng: &mut ChaCha8Rng,
    b: &mut Bundle,
    now: DateTime<Utc>,
    promises: usize,
    requests: usize,
    issues: usize,
    meetings: usize,
) {
    let acc = b.account.id.clone();
    let pick_contact =
        |rng: &mut ChaCha8Rng, b: &Bundle| b.contacts[rng.random_range(0..b.contacts.len())].id.clone();
    let whole = |t: DateTime<Utc>| DateTime::from_timestamp(t.timestamp(), 0).unwrap_or(t);
    for _ in 0..promises {
        let made = whole(now - Duration::hours(rng.random_range(24..SPAN_DAYS * 24)));
        let due = made + Duration::days(rng.random_range(1..14));
        let (status, completed_at) = if due > now {
            (PromiseStatus::Open, None)
        } else if rng.random_bool(0.85) {
            (PromiseStatus::Kept, Some(due - Duration::hours(rng.random_range(-48..24))))
        } else {
            (PromiseStatus::Broken, None)
        };
        let contact = pick_contact(rng, b);
        b.promises.push(Promise {
            id: id(rng, made),
            account_id: acc.clone(),
            direction: if rng.random_bool(0.7) { Direction::Ours } else { Direction::Theirs },
            contact_id: Some(contact),
            text: "Send the updated figures".into(),
            made_at: made,
            due_at: due,
            status,
            completed_at: completed_at.map(|c| c.max(made).min(now)),
            extra: None,
            interaction_id: None,
            created_at: made,
            updated_at: made,
        });
    }
    for _ in 0..requests {
        let received = whole(now - Duration::hours(rng.random_range(2..SPAN_DAYS * 24)));
        let answered = received + Duration::hours(rng.random_range(1..30));
        let contact = pick_contact(rng, b);
        b.requests.push(Request {
            id: id(rng, received),
            account_id: acc.clone(),
            contact_id: Some(contact),
            received_at: received,
            text: "Could you send a cost estimate?".into(),
            acknowledged_at: Some((received + Duration::minutes(rng.random_range(5..120))).min(now)),
            answered_at: (answered < now).then_some(answered),
            resolved_at: None,
            created_at: received,
            updated_at: received,
        });
    }
    for _ in 0..issues {
        let opened = whole(now - Duration::hours(rng.random_range(2..SPAN_DAYS * 24)));
        let resolved = opened + Duration::hours(rng.random_range(2..200));
        b.issues.push(Issue {
            id: id(rng, opened),
            account_id: acc.clone(),
            title: "Reports show wrong totals".into(),
            severity: Severity::Medium,
            opened_at: opened,
            acknowledged_at: Some(opened + Duration::hours(1)),
            resolved_at: (resolved < now).then_some(resolved),
            followed_up_at: (resolved + Duration::days(5) < now).then_some(resolved + Duration::days(5)),
            notes: String::new(),
            created_at: opened,
            updated_at: opened,
        });
    }
    for _ in 0..meetings {
        let start = whole(now + Duration::hours(rng.random_range(-(SPAN_DAYS * 24)..24 * 60)));
        let contact = pick_contact(rng, b);
        b.meetings.push(Meeting {
            id: id(rng, start.min(now)),
            account_id: acc.clone(),
            starts_at: start,
            ends_at: start + Duration::hours(1),
            title: "Project check-in".into(),
            location: None,
            attendee_ids: vec![contact],
            guests: Vec::new(),
            agenda: String::new(),
            ical_uid: None,
            timezone: None,
            series: None,
            organizer_id: None,
            created_at: start.min(now),
            updated_at: start.min(now),
        });
    }
}
