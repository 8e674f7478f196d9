//! The relationship health review, as user actions: read the review (which keeps the daily
//! snapshots), read one account's health over time, mark the review read, set the weights.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;
use specta::Type;

use super::Rapport;
use super::progress::{Progress, Unit};
use crate::domain::Bundle;
use crate::domain::Id;
use crate::engine::health::history::{
    Baseline, Changes, Snapshot, Trend, TrendPoint, backfill, changes, end_of, missing_days, snapshot_near,
    trend,
};
use crate::engine::health::{Health, Weights, judge, review, review_judged};
use crate::error::{Error, Result};

/// One account in the review: its health now, its trend, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AccountReview {
    #[serde(flatten)]
    pub health: Health,
    pub trend: Trend,
    /// Absent when there is nothing to compare with yet.
    pub changes: Option<Changes>,
}

/// The whole portfolio, riskiest first.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Review {
    /// When the user last marked the review read.
    pub reviewed_at: Option<DateTime<Utc>>,
    pub accounts: Vec<AccountReview>,
}

/// One account's health tab: the review line and a year of daily snapshots.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AccountHealth {
    pub review: AccountReview,
    /// Oldest first, today's included.
    pub history: Vec<Snapshot>,
}

/// Each account's daily scores, oldest first.
type DailyScores = HashMap<Id, Vec<TrendPoint>>;

/// How far back the trend reads.
const TREND_DAYS: i64 = 91;

/// Each account's review baseline and when it was set.
pub(super) type Baselines = HashMap<Id, (DateTime<Utc>, Baseline)>;

impl Rapport {
    /// The health of every live account, riskiest first, with trends and what changed. Takes
    /// today's snapshot on the way.
    pub fn health_review(&mut self, now: DateTime<Utc>) -> Result<Review> {
        let weights = self.store.health_weights()?;
        let (portfolio, stored, healths) = self.judge_portfolio(now, &weights)?;
        let rows = snapshot_rows(&portfolio, &healths, &stored, now, &weights, &self.progress());
        let today = now.date_naive();
        if !self.pinned {
            // Most reviews find today's snapshots as they were kept: only a change is written.
            let kept = self.store.snapshots_between(today, today)?;
            let changed: Vec<(Id, Snapshot)> = rows
                .iter()
                .filter(|(id, s)| kept.get(id).and_then(|k| k.first()) != Some(s))
                .cloned()
                .collect();
            if !changed.is_empty() {
                self.store.save_snapshots(&changed)?;
            }
        }
        let month_ago = today - Duration::days(30);
        // The trend is the daily scores already read to judge, with today's and the days just
        // rebuilt: the same as reading them again, at half the cost (issue 17).
        let mut points = stored;
        for list in points.values_mut() {
            list.retain(|p| p.day < today);
        }
        for (id, snapshot) in &rows {
            points.entry(id.clone()).or_default().push(TrendPoint::from(snapshot));
        }
        for list in points.values_mut() {
            list.sort_by_key(|p| p.day);
        }
        // Whole snapshots only around 30 days ago, the baseline of accounts never reviewed.
        let mut near = self.store.snapshots_between(month_ago - Duration::days(7), month_ago)?;
        if self.pinned {
            // As if it were then: the days are judged, and kept nowhere but in this answer.
            for (id, snapshot) in rows {
                if snapshot.day >= month_ago - Duration::days(7) && snapshot.day <= month_ago {
                    near.entry(id).or_default().push(snapshot);
                }
            }
            for list in near.values_mut() {
                list.sort_by_key(|s| s.day);
            }
        }
        let baselines = self.store.baselines()?;
        let reviewed_at = baselines.values().map(|(at, _)| *at).max();
        let accounts = healths
            .into_iter()
            .map(|h| {
                let past = points.remove(&h.account_id).unwrap_or_default();
                let around = near.remove(&h.account_id).unwrap_or_default();
                let baseline = baselines.get(&h.account_id);
                account_review(h, &past, snapshot_near(&around, month_ago), baseline, today)
            })
            .collect();
        Ok(Review { reviewed_at, accounts })
    }

    /// The health review reduced to its accounts' current health, riskiest first.
    pub fn health_now(&self, now: DateTime<Utc>) -> Result<Vec<Health>> {
        let portfolio = self.store.recent_bundles(super::judging(now), None)?;
        let figures = self.store.touch_figures(now, None)?;
        Ok(review_judged(&portfolio, &figures, now, &self.store.health_weights()?))
    }

    /// One account's health with a year of history.
    pub fn account_health(&mut self, account_id: &str, now: DateTime<Utc>) -> Result<AccountHealth> {
        self.keep_health_snapshots(now)?;
        let weights = self.store.health_weights()?;
        let bundle = self.store.recent_bundles(super::judging(now), Some(account_id))?.pop();
        let Some(bundle) = bundle else {
            // Says which account is missing, in the store's own words.
            return Err(self.store.account(account_id).err().unwrap_or_else(|| {
                crate::error::Error::not_found("That account is archived. Restore it to see its health.")
            }));
        };
        let figures = self.store.account_touch_figures(now, account_id)?;
        let mut h = judge(&bundle, &figures, now, &weights);
        // The ladder's steps include the trust ledger's weak spot (the level is the ladder's own).
        self.with_trust_step(&mut h, now)?;
        let today = now.date_naive();
        let taken = Snapshot::of(&h, today, false);
        let mut history = if self.pinned {
            // As if it were then: the missing days are rebuilt for this answer and kept nowhere.
            let mut history = self.store.account_snapshots(account_id, today - Duration::days(365))?;
            history.retain(|s| s.day < today);
            let have: Vec<NaiveDate> = history.iter().map(|s| s.day).collect();
            if !missing_days(&have, today).is_empty()
                && let Some(b) = self.store.recent_bundles(super::rebuilding(now), Some(account_id))?.pop()
            {
                history.extend(backfill(&b, &have, today, &weights));
            }
            history.push(taken);
            history.sort_by_key(|s| s.day);
            history
        } else {
            self.store.save_snapshots(&[(h.account_id.clone(), taken)])?;
            self.store.account_snapshots(account_id, today - Duration::days(365))?
        };
        history.retain(|s| s.day <= today);
        let past: Vec<TrendPoint> = history.iter().filter(|s| s.day < today).map(TrendPoint::from).collect();
        let baselines = self.store.baselines()?;
        let month_ago = snapshot_near(&history, today - Duration::days(30));
        let review = account_review(h, &past, month_ago, baselines.get(account_id), today);
        Ok(AccountHealth { review, history })
    }

    /// Marks the review read: what changes next is measured from here. Returns the moment.
    pub fn mark_reviewed(&mut self, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
        let healths = self.health_now(now)?;
        let baselines: Vec<(Id, Baseline)> =
            healths.iter().map(|h| (h.account_id.clone(), Baseline::of(h))).collect();
        let before = self.store.baselines()?;
        self.store.save_baselines(&baselines, now)?;
        self.before_review = Some(before);
        Ok(now)
    }

    /// Takes back the last "Mark reviewed" made here: the review is measured from the baselines
    /// it had before. Refused when there is none to take back.
    pub fn undo_mark_reviewed(&mut self) -> Result<()> {
        let Some(before) = self.before_review.take() else {
            return Err(Error::not_found(
                "There is no review to take back: it was already undone, or made in another window.",
            ));
        };
        self.store.restore_baselines(&before)
    }

    /// Makes sure today has a snapshot for every account and the last 90 days have no gaps;
    /// cheap when that is already so. Run by the app at start and by the CLI on each command.
    /// Under a pinned clock it keeps nothing: a snapshot taken at a pretend time would later be
    /// read as taken on that day.
    pub fn keep_health_snapshots(&mut self, now: DateTime<Utc>) -> Result<()> {
        if self.pinned {
            return Ok(());
        }
        let live = self.store.account_count()? as usize;
        if live == 0 || self.store.snapshot_count(now.date_naive())? >= live {
            return Ok(());
        }
        let weights = self.store.health_weights()?;
        let (portfolio, stored, healths) = self.judge_portfolio(now, &weights)?;
        self.store.save_snapshots(&snapshot_rows(
            &portfolio,
            &healths,
            &stored,
            now,
            &weights,
            &self.progress(),
        ))
    }

    /// The whole portfolio judged at `now`, as read to keep the snapshots, with the daily
    /// scores already stored for the last 90 days. Most days none of those is missing, and the
    /// touches are counted by the store; only when a day is missing is the longer history read,
    /// each touch with its people, that rebuilding the day needs.
    pub(super) fn judge_portfolio(
        &self,
        now: DateTime<Utc>,
        weights: &Weights,
    ) -> Result<(Vec<Bundle>, DailyScores, Vec<Health>)> {
        let today = now.date_naive();
        // The trend's 91 days: the 90 that may need rebuilding, and the one before.
        let stored = self.store.trend_points_since(today - Duration::days(TREND_DAYS))?;
        let portfolio = self.store.recent_bundles(super::judging(now), None)?;
        let complete = portfolio.iter().all(|b| {
            let have: Vec<NaiveDate> =
                stored.get(&b.account.id).map(|s| s.iter().map(|s| s.day).collect()).unwrap_or_default();
            missing_days(&have, today).is_empty()
        });
        if complete {
            let healths = review_judged(&portfolio, &self.store.touch_figures(now, None)?, now, weights);
            return Ok((portfolio, stored, healths));
        }
        let portfolio = self.store.recent_bundles(super::rebuilding(now), None)?;
        let healths = review(&portfolio, now, weights);
        Ok((portfolio, stored, healths))
    }

    pub fn health_weights(&self) -> Result<Weights> {
        self.store.health_weights()
    }

    pub fn save_health_weights(&mut self, weights: &Weights) -> Result<()> {
        weights.check()?;
        self.store.save_health_weights(weights)
    }
}

/// Today's snapshot of every account, and the missing days of the last 90 rebuilt (saved in one
/// transaction by the caller).
fn snapshot_rows(
    portfolio: &[Bundle],
    healths: &[Health],
    stored: &DailyScores,
    now: DateTime<Utc>,
    weights: &Weights,
    progress: &Progress,
) -> Vec<(Id, Snapshot)> {
    let today = now.date_naive();
    let mut rows: Vec<(Id, Snapshot)> =
        healths.iter().map(|h| (h.account_id.clone(), Snapshot::of(h, today, false))).collect();
    // The first review of a portfolio rebuilds 90 days of every account: seconds on a heavy one.
    progress.step(
        "Rebuilding the last 90 days of each account's health",
        Unit::Accounts,
        Some(portfolio.len() as u64),
    );
    // Judged in memory, then saved whole: there is no point at which stopping would save time.
    progress.cannot_stop();
    for b in portfolio {
        progress.add(1);
        let have: Vec<NaiveDate> =
            stored.get(&b.account.id).map(|s| s.iter().map(|s| s.day).collect()).unwrap_or_default();
        rows.extend(backfill(b, &have, today, weights).into_iter().map(|s| (b.account.id.clone(), s)));
    }
    rows
}

/// The review line of one account: `past` holds its daily scores (today's is replaced by the
/// live one), `month_ago` its snapshot of about 30 days ago, for an account never reviewed.
fn account_review(
    h: Health,
    past: &[TrendPoint],
    month_ago: Option<&Snapshot>,
    baseline: Option<&(DateTime<Utc>, Baseline)>,
    today: NaiveDate,
) -> AccountReview {
    let trend = trend(past, today, h.score);
    let changes = match baseline {
        Some((at, base)) => Some(changes(base, *at, true, &h)),
        None => month_ago.map(|s| changes(&Baseline::from_snapshot(s), end_of(s.day), false, &h)),
    };
    AccountReview { health: h, trend, changes }
}
