-- The whole client profile: important dates, culture, goals, promises, requests, issues,
-- meetings, and the search index over all of it.

ALTER TABLE contacts ADD COLUMN dates TEXT NOT NULL DEFAULT '[]';

CREATE TABLE culture_notes (
    id          TEXT PRIMARY KEY NOT NULL,
    account_id  TEXT NOT NULL REFERENCES accounts (id),
    contact_id  TEXT REFERENCES contacts (id),
    category    TEXT NOT NULL CHECK (category IN ('communication', 'decision_making', 'etiquette', 'dress',
                                                  'travel_expense', 'calendar', 'language', 'other')),
    text        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived_at TEXT
) STRICT;
CREATE INDEX culture_notes_by_account ON culture_notes (account_id);

CREATE TABLE goals (
    id           TEXT PRIMARY KEY NOT NULL,
    account_id   TEXT NOT NULL REFERENCES accounts (id),
    kind         TEXT NOT NULL CHECK (kind IN ('company', 'personal', 'ours', 'our_company')),
    contact_id   TEXT REFERENCES contacts (id),
    title        TEXT NOT NULL,
    detail       TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('open', 'on_track', 'at_risk', 'achieved', 'dropped')),
    target_date  TEXT,
    stated       INTEGER NOT NULL DEFAULT 1 CHECK (stated IN (0, 1)),
    progress     TEXT NOT NULL DEFAULT '[]',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    archived_at  TEXT
) STRICT;
CREATE INDEX goals_by_account ON goals (account_id);

CREATE TABLE promises (
    id              TEXT PRIMARY KEY NOT NULL,
    account_id      TEXT NOT NULL REFERENCES accounts (id),
    direction       TEXT NOT NULL CHECK (direction IN ('ours', 'theirs')),
    contact_id      TEXT REFERENCES contacts (id),
    text            TEXT NOT NULL,
    made_at         TEXT NOT NULL,
    due_at          TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('open', 'kept', 'broken', 'renegotiated')),
    completed_at    TEXT,
    extra           TEXT,
    interaction_id  TEXT REFERENCES interactions (id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    archived_at     TEXT,
    CHECK (due_at >= made_at)
) STRICT;
CREATE INDEX promises_by_account_due ON promises (account_id, due_at);

CREATE TABLE requests (
    id               TEXT PRIMARY KEY NOT NULL,
    account_id       TEXT NOT NULL REFERENCES accounts (id),
    contact_id       TEXT REFERENCES contacts (id),
    received_at      TEXT NOT NULL,
    text             TEXT NOT NULL,
    acknowledged_at  TEXT,
    answered_at      TEXT,
    resolved_at      TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    archived_at      TEXT
) STRICT;
CREATE INDEX requests_by_account ON requests (account_id, received_at);

CREATE TABLE issues (
    id               TEXT PRIMARY KEY NOT NULL,
    account_id       TEXT NOT NULL REFERENCES accounts (id),
    title            TEXT NOT NULL,
    severity         TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    opened_at        TEXT NOT NULL,
    acknowledged_at  TEXT,
    resolved_at      TEXT,
    followed_up_at   TEXT,
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    archived_at      TEXT
) STRICT;
CREATE INDEX issues_by_account ON issues (account_id, opened_at);

CREATE TABLE meetings (
    id          TEXT PRIMARY KEY NOT NULL,
    account_id  TEXT NOT NULL REFERENCES accounts (id),
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NOT NULL,
    title       TEXT NOT NULL,
    location    TEXT,
    agenda      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived_at TEXT,
    CHECK (ends_at > starts_at)
) STRICT;
CREATE INDEX meetings_by_account_start ON meetings (account_id, starts_at);

CREATE TABLE meeting_attendees (
    meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    contact_id  TEXT NOT NULL REFERENCES contacts (id),
    PRIMARY KEY (meeting_id, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX meeting_attendees_by_contact ON meeting_attendees (contact_id);
