-- The first schema: client accounts and the people in them.
-- Instants are RFC 3339 text in UTC ("2026-11-23T09:30:00Z"), which sorts as time does.
-- Dates are "YYYY-MM-DD". Lists of words or dates are JSON arrays.

CREATE TABLE accounts (
    id            TEXT PRIMARY KEY NOT NULL,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    tier          TEXT NOT NULL CHECK (tier IN ('strategic', 'core', 'standard')),
    status        TEXT NOT NULL CHECK (status IN ('active', 'prospect', 'paused', 'former')),
    industry      TEXT,
    timezone      TEXT NOT NULL,
    working_days  TEXT NOT NULL DEFAULT '["mon","tue","wed","thu","fri"]',
    work_start    TEXT NOT NULL DEFAULT '09:00',
    work_end      TEXT NOT NULL DEFAULT '17:30',
    holidays      TEXT NOT NULL DEFAULT '[]',
    renewal_date  TEXT,
    cadence_days  INTEGER CHECK (cadence_days BETWEEN 1 AND 365),
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    archived_at   TEXT
) STRICT;

CREATE INDEX accounts_by_name ON accounts (name COLLATE NOCASE);

CREATE TABLE contacts (
    id                 TEXT PRIMARY KEY NOT NULL,
    account_id         TEXT NOT NULL REFERENCES accounts (id),
    name               TEXT NOT NULL CHECK (length(trim(name)) > 0),
    title              TEXT,
    level              TEXT NOT NULL CHECK (level IN ('executive', 'manager', 'staff')),
    reports_to         TEXT REFERENCES contacts (id),
    email              TEXT,
    phone              TEXT,
    preferred_channel  TEXT,
    timezone           TEXT,
    cadence_days       INTEGER CHECK (cadence_days BETWEEN 1 AND 365),
    notes              TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    archived_at        TEXT
) STRICT;

CREATE INDEX contacts_by_account ON contacts (account_id);
CREATE INDEX contacts_by_manager ON contacts (reports_to);
