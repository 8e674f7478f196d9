-- The history: every touch with an account, and who took part in it.

CREATE TABLE interactions (
    id            TEXT PRIMARY KEY NOT NULL,
    account_id    TEXT NOT NULL REFERENCES accounts (id),
    occurred_at   TEXT NOT NULL,
    channel       TEXT NOT NULL
                  CHECK (channel IN ('email', 'call', 'video', 'meeting', 'visit', 'chat', 'message', 'other')),
    initiated_by  TEXT NOT NULL CHECK (initiated_by IN ('us', 'them')),
    summary       TEXT NOT NULL,
    sentiment     INTEGER CHECK (sentiment BETWEEN -2 AND 2),
    strategic     INTEGER NOT NULL DEFAULT 0 CHECK (strategic IN (0, 1)),
    created_at    TEXT NOT NULL,
    archived_at   TEXT
) STRICT;

-- The timeline and "last touch" read an account's history newest first.
CREATE INDEX interactions_by_account_time ON interactions (account_id, occurred_at DESC);

CREATE TABLE interaction_contacts (
    interaction_id  TEXT NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
    contact_id      TEXT NOT NULL REFERENCES contacts (id),
    PRIMARY KEY (interaction_id, contact_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX interaction_contacts_by_contact ON interaction_contacts (contact_id);
