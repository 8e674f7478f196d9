//! Health over time: the weights, the daily snapshots and the review baselines.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;

use super::{Store, codec};
use crate::domain::Id;
use crate::domain::{Band, Baseline, COMPONENTS, ComponentScore, Snapshot, TrendPoint, Weights};
use crate::error::Result;

const WEIGHTS_KEY: &str = "health_weights";

fn band_word(band: Band) -> &'static str {
    match band {
        Band::Healthy => "healthy",
        Band::Watch => "watch",
        Band::AtRisk => "at_risk",
        Band::Unknown => "unknown",
    }
}

fn parse_band(text: &str) -> Band {
    match text {
        "healthy" => Band::Healthy,
        "watch" => Band::Watch,
        "at_risk" => Band::AtRisk,
        _ => Band::Unknown,
    }
}

const SNAPSHOT_COLUMNS: &str = "account_id, day, score, band, level, reliability, responsiveness, engagement, \
     proactivity, breadth, intimacy, goals, reconstructed";

fn read_snapshot(row: &rusqlite::Row<'_>) -> rusqlite::Result<(Id, Snapshot)> {
    let day: String = row.get(1)?;
    let band: String = row.get(3)?;
    let components = COMPONENTS
        .iter()
        .enumerate()
        .map(|(n, name)| Ok(ComponentScore { name: (*name).into(), score: row.get(5 + n)? }))
        .collect::<rusqlite::Result<_>>()?;
    Ok((
        row.get(0)?,
        Snapshot {
            day: codec::parse_date(1, &day)?,
            score: row.get(2)?,
            band: parse_band(&band),
            level: row.get(4)?,
            components,
            reconstructed: row.get(12)?,
        },
    ))
}

impl Store {
    pub fn health_weights(&self) -> Result<Weights> {
        self.setting(WEIGHTS_KEY)
    }

    pub fn save_health_weights(&mut self, weights: &Weights) -> Result<()> {
        self.save_setting(WEIGHTS_KEY, weights)
    }

    /// Saves snapshots in one transaction. One taken on the day replaces whatever was there;
    /// a rebuilt one never replaces one taken on the day. A snapshot equal to the one stored is
    /// not written again, so looking at the review twice in a day writes next to nothing.
    pub fn save_snapshots(&mut self, snapshots: &[(Id, Snapshot)]) -> Result<()> {
        let sql = format!(
            "INSERT INTO health_snapshots ({SNAPSHOT_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT (account_id, day) DO UPDATE SET score = excluded.score, band = excluded.band,
                 level = excluded.level, reliability = excluded.reliability,
                 responsiveness = excluded.responsiveness, engagement = excluded.engagement,
                 proactivity = excluded.proactivity, breadth = excluded.breadth,
                 intimacy = excluded.intimacy, goals = excluded.goals, reconstructed = excluded.reconstructed
             WHERE (health_snapshots.reconstructed = 1 OR excluded.reconstructed = 0)
               AND (score, band, level, reliability, responsiveness, engagement, proactivity, breadth, intimacy,
                    goals, reconstructed)
                   IS NOT (excluded.score, excluded.band, excluded.level, excluded.reliability,
                    excluded.responsiveness, excluded.engagement, excluded.proactivity, excluded.breadth,
                    excluded.intimacy, excluded.goals, excluded.reconstructed)"
        );
        self.write(|tx| {
            let mut stmt = tx.prepare_cached(&sql)?;
            for (account_id, s) in snapshots {
                let c = |n: usize| s.components.get(n).and_then(|c| c.score);
                stmt.execute(params![
                    account_id,
                    codec::date(&s.day),
                    s.score,
                    band_word(s.band),
                    s.level,
                    c(0),
                    c(1),
                    c(2),
                    c(3),
                    c(4),
                    c(5),
                    c(6),
                    s.reconstructed,
                ])?;
            }
            Ok(())
        })
    }

    /// Every account's daily scores from `from` on, oldest first: what the trend and the
    /// sparkline need, without the components.
    pub fn trend_points_since(&self, from: NaiveDate) -> Result<HashMap<Id, Vec<TrendPoint>>> {
        // Account by account (CROSS JOIN keeps accounts outside), each one's days found by the
        // primary key: the rows of one account come together, so its id is read and hashed once
        // rather than for each of its days. Nothing depends on that order: an account met again
        // is added to, and a list out of order is sorted.
        let mut stmt = self.conn().prepare_cached(
            "SELECT s.account_id, s.day, s.score, s.reconstructed FROM accounts a
             CROSS JOIN health_snapshots s ON s.account_id = a.id AND s.day >= ?1",
        )?;
        let mut rows = stmt.query([codec::date(&from)])?;
        let mut out: HashMap<Id, Vec<TrendPoint>> = HashMap::new();
        let mut current: (Vec<u8>, Vec<TrendPoint>) = (Vec::new(), Vec::new());
        let mut keep = |(id, points): (Vec<u8>, Vec<TrendPoint>)| -> Result<()> {
            if !points.is_empty() {
                out.entry(codec::text_of(0, id)?).or_default().extend(points);
            }
            Ok(())
        };
        while let Some(row) = rows.next()? {
            let id = row.get_ref(0)?.as_bytes().map_err(rusqlite::Error::from)?;
            if id != current.0.as_slice() {
                keep(std::mem::replace(&mut current, (id.to_vec(), Vec::with_capacity(92))))?;
            }
            current.1.push(TrendPoint {
                day: codec::parse_date(1, codec::text(row, 1)?)?,
                score: row.get(2)?,
                reconstructed: row.get(3)?,
            });
        }
        keep(current)?;
        for points in out.values_mut() {
            if !points.is_sorted_by_key(|p| p.day) {
                points.sort_by_key(|p| p.day);
            }
        }
        Ok(out)
    }

    /// Every account's whole snapshots from `from` to `to` (both included), oldest first.
    pub fn snapshots_between(&self, from: NaiveDate, to: NaiveDate) -> Result<HashMap<Id, Vec<Snapshot>>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {SNAPSHOT_COLUMNS} FROM health_snapshots WHERE day >= ?1 AND day <= ?2 ORDER BY day"
        ))?;
        let mut out: HashMap<Id, Vec<Snapshot>> = HashMap::new();
        for row in stmt.query_map(params![codec::date(&from), codec::date(&to)], read_snapshot)? {
            let (id, s) = row?;
            out.entry(id).or_default().push(s);
        }
        Ok(out)
    }

    /// One account's snapshots from `from` on, oldest first.
    pub fn account_snapshots(&self, account_id: &str, from: NaiveDate) -> Result<Vec<Snapshot>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {SNAPSHOT_COLUMNS} FROM health_snapshots WHERE account_id = ?1 AND day >= ?2 ORDER BY day"
        ))?;
        let rows = stmt.query_map(params![account_id, codec::date(&from)], read_snapshot)?;
        Ok(rows.map(|r| r.map(|(_, s)| s)).collect::<rusqlite::Result<_>>()?)
    }

    /// How many accounts already have a snapshot for `day`.
    pub fn snapshot_count(&self, day: NaiveDate) -> Result<usize> {
        let n: i64 = self.conn().query_row(
            "SELECT count(*) FROM health_snapshots WHERE day = ?1",
            [codec::date(&day)],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    pub fn baselines(&self) -> Result<HashMap<Id, (DateTime<Utc>, Baseline)>> {
        let mut stmt =
            self.conn().prepare_cached("SELECT account_id, reviewed_at, baseline FROM health_reviews")?;
        let rows = stmt.query_map([], |row| {
            let at: String = row.get(1)?;
            let text: String = row.get(2)?;
            Ok((row.get(0)?, (codec::parse_instant(1, &at)?, codec::parse_json(2, &text)?)))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Marks the review read: every account's health now becomes its baseline, in one step.
    /// Puts every account's review baseline back as `before` holds it, in one write.
    pub fn restore_baselines(&mut self, before: &HashMap<Id, (DateTime<Utc>, Baseline)>) -> Result<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM health_reviews", [])?;
            let mut stmt = tx.prepare_cached(
                "INSERT INTO health_reviews (account_id, reviewed_at, baseline) VALUES (?1, ?2, ?3)",
            )?;
            for (id, (at, baseline)) in before {
                stmt.execute(params![id, codec::instant(at), codec::json(baseline)])?;
            }
            Ok(())
        })
    }

    pub fn save_baselines(&mut self, baselines: &[(Id, Baseline)], at: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO health_reviews (account_id, reviewed_at, baseline) VALUES (?1, ?2, ?3)
                 ON CONFLICT (account_id) DO UPDATE SET reviewed_at = excluded.reviewed_at, baseline = excluded.baseline",
            )?;
            for (id, baseline) in baselines {
                stmt.execute(params![id, codec::instant(&at), codec::json(baseline)])?;
            }
            Ok(())
        })
    }
}
