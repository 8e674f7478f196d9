-- The user's settings (as JSON documents by key), and what they did with each suggestion.

CREATE TABLE settings (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
) STRICT;

-- One row per account-and-person suggestion: done or dismissed for a given set of evidence
-- (`fingerprint`), or snoozed until a time.
CREATE TABLE suggestion_states (
    key          TEXT PRIMARY KEY NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('done', 'snoozed', 'dismissed')),
    until        TEXT,
    fingerprint  TEXT NOT NULL,
    at           TEXT NOT NULL
) STRICT;
