-- Relationship health over time: one row per account and day (UTC), and the baseline each
-- account had when the user last marked the review as read.
--
-- A snapshot is either taken on the day (`reconstructed = 0`) or rebuilt later from the dated
-- history for a day Rapport was not run (`reconstructed = 1`); a taken one is never replaced
-- by a rebuilt one. Component scores are NULL when there was too little data to judge.

CREATE TABLE health_snapshots (
    account_id      TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    day             TEXT NOT NULL,
    score           INTEGER,
    band            TEXT NOT NULL CHECK (band IN ('healthy', 'watch', 'at_risk', 'unknown')),
    level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    reliability     INTEGER,
    responsiveness  INTEGER,
    engagement      INTEGER,
    proactivity     INTEGER,
    breadth         INTEGER,
    intimacy        INTEGER,
    goals           INTEGER,
    reconstructed   INTEGER NOT NULL CHECK (reconstructed IN (0, 1)),
    PRIMARY KEY (account_id, day)
) STRICT, WITHOUT ROWID;

-- The trend reads a window of days across every account.
CREATE INDEX health_snapshots_by_day ON health_snapshots (day);

CREATE TABLE health_reviews (
    account_id   TEXT PRIMARY KEY NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    reviewed_at  TEXT NOT NULL,
    -- The account's health as it was then (JSON), so "what changed" can quote both sides.
    baseline     TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The review and the brief read the last months across every account, never the whole history.
CREATE INDEX interactions_by_time ON interactions (occurred_at) WHERE archived_at IS NULL;
CREATE INDEX promises_by_due ON promises (due_at);
CREATE INDEX requests_by_received ON requests (received_at);
CREATE INDEX issues_by_resolved ON issues (resolved_at);
