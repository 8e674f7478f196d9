-- Capture without typing (issue 19).
--
-- What Rapport noticed in the user's mail and calendars and proposes instead of the user typing
-- it: a request a client made, a promise made either way, a new person at an account, a meeting.
-- Each waits in the review queue until the user accepts it (then `record_id` is what it made),
-- or ignores it. `key` says what makes two proposals the same (for a new person, their address
-- at that account; otherwise the message and the words), so that reading the same mail or
-- calendar again proposes nothing twice, and what was ignored stays ignored.
CREATE TABLE noticed (
    id               TEXT PRIMARY KEY NOT NULL,
    kind             TEXT NOT NULL
                     CHECK (kind IN ('request', 'our_promise', 'their_promise', 'new_person', 'meeting')),
    account_id       TEXT NOT NULL REFERENCES accounts (id),
    contact_id       TEXT REFERENCES contacts (id),
    key              TEXT NOT NULL,
    text             TEXT NOT NULL,
    due_at           TEXT,
    email            TEXT,
    name             TEXT,
    acknowledged_at  TEXT,
    answered_at      TEXT,
    message_id       TEXT,
    subject          TEXT NOT NULL,
    sent_at          TEXT NOT NULL,
    state            TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'ignored')),
    record_id        TEXT,
    created_at       TEXT NOT NULL,
    decided_at       TEXT
) STRICT;
CREATE UNIQUE INDEX noticed_once ON noticed (kind, account_id, key);
CREATE INDEX noticed_open ON noticed (sent_at) WHERE state = 'open';
