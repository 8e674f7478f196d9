//! Quick capture: log an interaction and, in the same breath, the promises made in it (ours
//! and theirs), a request received and a goal mentioned. One save, one transaction: all of it
//! is recorded, or none of it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Rapport, new_id, stored_precision};
use crate::domain::{
    Goal, GoalDraft, Interaction, InteractionDraft, Promise, PromiseDraft, Request, RequestDraft,
};
use crate::error::{Error, Result};
use crate::store;

#[derive(Debug, Clone, Default, Deserialize, Type)]
pub struct CaptureDraft {
    pub interaction: InteractionDraft,
    /// Promises made in this interaction; their account and interaction are filled in.
    #[serde(default)]
    pub promises: Vec<PromiseDraft>,
    pub request: Option<RequestDraft>,
    pub goal: Option<GoalDraft>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Captured {
    pub interaction: Interaction,
    pub promises: Vec<Promise>,
    pub request: Option<Request>,
    pub goal: Option<Goal>,
}

/// Names which part of the capture a problem belongs to, so the form can show it there.
fn within(part: &'static str, label: String, err: Error) -> Error {
    match err {
        Error::Validation { message, .. } => Error::validation(part, format!("{label}: {message}")),
        other => other,
    }
}

impl Rapport {
    pub fn capture(&mut self, draft: CaptureDraft, now: DateTime<Utc>) -> Result<Captured> {
        let now = stored_precision(now);
        let captured = prepare(draft, now)?;
        let before = self.store.version();
        self.store.write(|tx| save(tx, &captured))?;
        self.today_touched(&captured.interaction.account_id, before, now);
        Ok(captured)
    }
}

/// Builds and checks every record of a capture, before anything is written.
pub(super) fn prepare(draft: CaptureDraft, now: DateTime<Utc>) -> Result<Captured> {
    let interaction = draft.interaction.into_interaction(new_id(now), now)?;
    let account_id = interaction.account_id.clone();
    let made_at = interaction.occurred_at.to_rfc3339();
    let promises = draft
        .promises
        .into_iter()
        .enumerate()
        .map(|(n, p)| {
            PromiseDraft {
                account_id: account_id.clone(),
                made_at: Some(made_at.clone()),
                interaction_id: Some(interaction.id.clone()),
                ..p
            }
            .into_promise(new_id(now), now)
            .map_err(|e| within("promises", format!("Promise {}", n + 1), e))
        })
        .collect::<Result<Vec<_>>>()?;
    let request = draft
        .request
        .map(|r| {
            RequestDraft {
                account_id: account_id.clone(),
                received_at: r.received_at.clone().or(Some(made_at.clone())),
                ..r
            }
            .into_request(new_id(now), now)
            .map_err(|e| within("request", "The request".into(), e))
        })
        .transpose()?;
    let goal = draft
        .goal
        .map(|g| {
            GoalDraft { account_id: account_id.clone(), ..g }
                .into_goal(new_id(now), now)
                .map_err(|e| within("goal", "The goal".into(), e))
        })
        .transpose()?;

    Ok(Captured { interaction, promises, request, goal })
}

/// Writes a prepared capture inside the caller's transaction.
pub(super) fn save(tx: &rusqlite::Transaction<'_>, c: &Captured) -> Result<()> {
    store::interactions::save(tx, &c.interaction)?;
    for (n, p) in c.promises.iter().enumerate() {
        store::promises::save(tx, p).map_err(|e| within("promises", format!("Promise {}", n + 1), e))?;
    }
    if let Some(r) = &c.request {
        store::requests::save(tx, r).map_err(|e| within("request", "The request".into(), e))?;
    }
    if let Some(g) = &c.goal {
        store::goals::save(tx, g).map_err(|e| within("goal", "The goal".into(), e))?;
    }
    Ok(())
}
