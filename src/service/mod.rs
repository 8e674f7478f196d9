//! The operations a user can perform, each one call: the CLI and the desktop shell both go
//! through here, so a rule is enforced once whichever door the user came in by.
//!
//! Each write is one transaction in the store. `now` is always an argument: the callers own
//! the clock (the shell reads it, the CLI reads it or takes `--at`).

mod backups;
mod briefs;
mod calendars;
mod capture;
mod chores;
mod exchange;
mod files;
mod health;
mod lock;
mod mail;
mod merge;
mod noticed;
mod outward;
mod portable;
mod portfolio;
mod progress;
mod records;
mod review;
mod series;
mod stakeholders;
pub(crate) mod today;
mod trust;

use std::path::Path;

use chrono::{DateTime, SubsecRound, Utc};
use uuid::{NoContext, Timestamp, Uuid};

pub use backups::{Backups, Restored, backups_at, keep_backups_at, restore, restore_over};
pub use briefs::BriefFormat;
pub use calendars::CalendarReading;
pub use capture::{CaptureDraft, Captured};
pub use chores::{Chores, ChoresDue};
pub use exchange::{
    ExchangeReport, FileFormat, ImportOptions, ImportSource, LISTED, Outcome, PlannedRecord, format_of,
    other_tools_extensions,
};
pub use health::{AccountHealth, AccountReview, Review};
pub use lock::{Unlocked, decrypt, decrypt_needs_passphrase, encrypt, unlock};
pub use mail::{MAIL_PROBLEMS_LISTED, MailAccountTouches, MailReport, MailSkipped, is_mail};
pub use merge::{MergeReport, MergeUndone, Moved};
pub use noticed::Accepted;
pub use outward::{ExportFormat, FeedSettings};
pub use portable::ImportReport;
pub use portfolio::{AccountRow, NextAction};
pub use progress::{Progress, ProgressNow, Unit};
pub use today::{PutAside, PutAsideUndo, Settlement, TodayPage, UrgencyCount};

// What the desktop shell speaks in, from the floors below: the shell uses the service alone.
pub use crate::engine::brief::Brief;
pub use crate::engine::duplicates::LikelyPair;
pub use crate::engine::review::{Period, ValueReview};
pub use crate::engine::stakeholders::{Gap, GapCode, Orphan, Stakeholder, Stakeholders, Warmth, Without};
pub use crate::engine::trust::{
    PersonTrust, Reciprocity, ReciprocityLedger, TrustLedger, TrustPart, TrustParts, TrustPoint, WeakSpot,
};
pub use crate::keychain::{remember as remember_passphrase, remembered as remembered_passphrase};
pub use crate::render::BriefOutline;
pub use crate::store::backup::check as check_backup;
pub use crate::store::{
    ArchivedRecord, BackupFile, BackupPolicy, Lock, Passphrase, SCHEMA_VERSION, SearchResults, Upgrade,
    check_file, lock_of, pending_upgrade,
};

use crate::demo;
use crate::domain::{
    Account, AccountDraft, AccountPage, AccountSummary, Contact, ContactDraft, Id, Interaction,
    InteractionDraft,
};
use crate::engine::cadence::touch_state;
use crate::engine::timeline::{History, timeline};
pub use crate::engine::windows::{briefing, judging, rebuilding};
use crate::error::{Error, Result};
use crate::store::Store;

/// The timeline shows this many entries at first; older history comes with paging later.
pub const TIMELINE_PAGE: u32 = 200;

/// Damage a read met (SQLite's "malformed") reaches the user named with the database at `db`
/// and its newest backup to restore, whichever door it came through; other errors pass as
/// they are.
pub fn name_damage(db: &Path, err: Error) -> Error {
    match err {
        Error::Damaged { path, .. } if path.is_empty() => crate::store::damaged(db),
        other => other,
    }
}

/// Search shows at most this many results.
pub const SEARCH_LIMIT: u32 = 60;

pub struct Rapport {
    store: Store,
    /// The last Today list, kept current account by account as touches are logged.
    today_cache: std::cell::RefCell<Option<today::TodayCache>>,
    /// The review baselines as they were before the last "Mark reviewed" here, for its Undo.
    before_review: Option<health::Baselines>,
    /// Whether the moments this core is handed are pinned (`--at`, `RAPPORT_AT`) rather than
    /// the machine's: then no chore is written on them (see [`crate::clock`]).
    pinned: bool,
    /// Where the operation under way says how far it has come, when someone watches it.
    progress: Option<std::sync::Arc<Progress>>,
}

/// A new UUIDv7 whose time part is `now`, so ids sort by when the record was made.
pub fn new_id(now: DateTime<Utc>) -> Id {
    let secs = u64::try_from(now.timestamp()).unwrap_or(0);
    Uuid::new_v7(Timestamp::from_unix(NoContext, secs, now.timestamp_subsec_nanos())).to_string()
}

/// The file keeps whole seconds; records are made at that precision so what is returned is
/// exactly what is stored.
pub(crate) fn stored_precision(now: DateTime<Utc>) -> DateTime<Utc> {
    now.trunc_subsecs(0)
}

/// The database used when neither `--db` nor `RAPPORT_DB` says otherwise.
pub fn default_db_path() -> std::path::PathBuf {
    directories::ProjectDirs::from("", "", "Rapport")
        .map(|dirs| dirs.data_dir().join("rapport.db"))
        .unwrap_or_else(|| std::path::PathBuf::from("rapport.db"))
}

/// Where the demo a new user looks around in is kept, beside their database at `beside`.
pub fn demo_path_beside(beside: &Path) -> std::path::PathBuf {
    beside.parent().unwrap_or(Path::new(".")).join("demo").join("rapport-demo.db")
}

impl Rapport {
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<Rapport> {
        Ok(Rapport {
            store: Store::open(path, now)?,
            today_cache: Default::default(),
            before_review: None,
            pinned: false,
            progress: None,
        })
    }

    /// Opens without the damage check, which the caller runs with [`crate::store::check_file`].
    pub fn open_unchecked(path: &Path, now: DateTime<Utc>) -> Result<Rapport> {
        Ok(Rapport {
            store: Store::open_unchecked(path, now)?,
            today_cache: Default::default(),
            before_review: None,
            pinned: false,
            progress: None,
        })
    }

    /// Opens a database that may be locked, running the damage check only when it can find
    /// something (see [`crate::store::Check::WhenUnclean`]): each command of the CLI.
    pub fn open_for_command(path: &Path, now: DateTime<Utc>, key: Option<Passphrase>) -> Result<Rapport> {
        let store = Store::open_checked_when_unclean(path, now, key)?;
        Ok(Rapport {
            store,
            today_cache: Default::default(),
            before_review: None,
            pinned: false,
            progress: None,
        })
    }

    /// Opens a database that may be locked with a passphrase; `check` runs the damage check
    /// now (the app runs it beside the window instead).
    pub fn open_keyed(
        path: &Path,
        now: DateTime<Utc>,
        key: Option<Passphrase>,
        check: bool,
    ) -> Result<Rapport> {
        Ok(Rapport {
            store: Store::open_keyed(path, now, key, check)?,
            today_cache: Default::default(),
            before_review: None,
            pinned: false,
            progress: None,
        })
    }

    /// Opens like [`Rapport::open_keyed`] without the damage check, telling `observe` each
    /// stage of an upgrade as it starts (the app's window shows them).
    pub fn open_observed(
        path: &Path,
        now: DateTime<Utc>,
        key: Option<Passphrase>,
        observe: &mut dyn FnMut(Upgrade),
    ) -> Result<Rapport> {
        Ok(Rapport {
            store: Store::open_observed(path, now, key, observe)?,
            today_cache: Default::default(),
            before_review: None,
            pinned: false,
            progress: None,
        })
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// Lets the next operations say how far they have come in `progress` (and hear a wish to
    /// stop there); `None` when nobody watches any more.
    pub fn watch(&mut self, progress: Option<std::sync::Arc<Progress>>) {
        self.progress = progress;
    }

    /// Where an operation says how far it has come: the watched progress, or one nobody reads.
    pub(crate) fn progress(&self) -> std::sync::Arc<Progress> {
        self.progress.clone().unwrap_or_else(progress::unwatched)
    }

    /// Says where the moments handed to this core come from. Under a pinned clock, questions
    /// are answered and writes dated as of the moment given, but chores (health snapshots,
    /// backups and their thinning) never run on it: snapshots are not kept, and backups are
    /// named and thinned by the machine's clock.
    pub fn set_clock(&mut self, clock: crate::clock::Clock) {
        self.pinned = clock.is_pinned();
    }

    /// The moment a chore runs at: `now` when it is the machine's, the machine's clock when
    /// `now` is pinned.
    pub(crate) fn chore_time(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        if self.pinned { crate::clock::machine_now() } else { now }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn accounts(&self, now: DateTime<Utc>) -> Result<Vec<AccountSummary>> {
        Ok(self
            .store
            .account_facts()?
            .into_iter()
            .map(|facts| {
                let a = facts.account;
                let cadence_days = a.effective_cadence_days();
                AccountSummary {
                    touch: touch_state(facts.last_touch_at, cadence_days, now),
                    id: a.id,
                    name: a.name,
                    tier: a.tier,
                    status: a.status,
                    industry: a.industry,
                    timezone: a.timezone,
                    contact_count: facts.contact_count,
                    last_touch_at: facts.last_touch_at,
                    cadence_days,
                }
            })
            .collect())
    }

    pub fn account_page(&self, account_id: &str, now: DateTime<Utc>) -> Result<AccountPage> {
        let account = self.store.account(account_id)?;
        let last_touch_at = self.store.last_touch(account_id)?;
        let cadence_days = account.effective_cadence_days();
        let interactions = self.store.timeline(account_id, TIMELINE_PAGE)?;
        let promises = self.store.promises(account_id)?;
        let requests = self.store.requests(account_id)?;
        let issues = self.store.issues(account_id)?;
        let meetings = self.store.meetings(account_id)?;
        let history = History {
            interactions: &interactions,
            promises: &promises,
            requests: &requests,
            issues: &issues,
            meetings: &meetings,
        };
        Ok(AccountPage {
            request_clocks: self.store.checkin_settings()?.request_clocks(),
            timeline: timeline(&history, now, TIMELINE_PAGE as usize),
            touch: touch_state(last_touch_at, cadence_days, now),
            cadence_days,
            contacts: self.store.contacts(account_id)?,
            culture_notes: self.store.culture_notes(account_id)?,
            goals: self.store.goals(account_id)?,
            last_touch_at,
            account,
            interactions,
            promises,
            requests,
            issues,
            meetings,
        })
    }

    /// Searches everything written about every live account.
    pub fn search(&self, query: &str) -> Result<SearchResults> {
        self.store.search(query, SEARCH_LIMIT)
    }

    pub fn find_account(&self, query: &str) -> Result<Account> {
        self.store.find_account(query)
    }

    pub fn find_contact(&self, account_id: &str, query: &str) -> Result<Contact> {
        self.store.find_contact(account_id, query)
    }

    pub fn contacts(&self, account_id: &str) -> Result<Vec<Contact>> {
        self.store.account(account_id)?;
        self.store.contacts(account_id)
    }

    pub fn add_account(&mut self, draft: AccountDraft, now: DateTime<Utc>) -> Result<Account> {
        let now = stored_precision(now);
        let account = draft.into_account(new_id(now), now)?;
        self.store.insert_account(&account)?;
        Ok(account)
    }

    pub fn add_contact(&mut self, draft: ContactDraft, now: DateTime<Utc>) -> Result<Contact> {
        let now = stored_precision(now);
        let contact = draft.into_contact(new_id(now), now)?;
        self.store.insert_contact(&contact)?;
        Ok(contact)
    }

    pub fn log_interaction(&mut self, draft: InteractionDraft, now: DateTime<Utc>) -> Result<Interaction> {
        let now = stored_precision(now);
        let interaction = draft.into_interaction(new_id(now), now)?;
        let before = self.store.version();
        self.store.insert_interaction(&interaction)?;
        self.today_touched(&interaction.account_id, before, now);
        Ok(interaction)
    }

    /// Fills an empty database with the demo portfolio, dated relative to `now`.
    pub fn fill_demo(&mut self, seed: u64, now: DateTime<Utc>) -> Result<demo::DemoReport> {
        self.fill_demo_with(seed, now, None)
    }

    /// The demo, or with `targets` a heavy-user portfolio of that size, for benchmarks.
    pub fn fill_demo_with(
        &mut self,
        seed: u64,
        now: DateTime<Utc>,
        targets: Option<demo::Targets>,
    ) -> Result<demo::DemoReport> {
        let existing = self.store.account_count()?;
        if existing > 0 {
            return Err(Error::conflict(format!(
                "This database already holds {existing} accounts, and the demo portfolio only goes into an empty one. Choose a new file with --db."
            )));
        }
        let portfolio = match targets {
            None => demo::generate(seed, now),
            Some(t) => demo::generate_scaled(seed, now, t),
        };
        self.store.replace_bundles(&portfolio.bundles, false)?;
        Ok(portfolio.report())
    }

    /// The demo portfolio in a file of its own beside the user's database at `beside` — in a
    /// `demo` folder, so that neither it nor its copies ever mix with the user's data — made
    /// afresh as of `now` each time it is asked for: a look around, not a place to keep work.
    pub fn demo_beside(beside: &Path, now: DateTime<Utc>) -> Result<Rapport> {
        let path = demo_path_beside(beside);
        let folder = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        for stale in [path.clone(), folder.join("rapport-demo.db-wal"), folder.join("rapport-demo.db-shm")] {
            match std::fs::remove_file(&stale) {
                Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
                    return Err(Error::file(&stale, err));
                }
                _ => {}
            }
        }
        let mut rapport = Rapport::open(&path, now)?;
        rapport.fill_demo(demo::DEFAULT_SEED, now)?;
        Ok(rapport)
    }
}
