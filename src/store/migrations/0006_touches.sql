-- The last touch of every account and every person, kept current by triggers, so the check-ins
-- never scan the whole history: adding a touch raises the maximum; archiving, restoring,
-- editing or deleting one recomputes it from the indexed history of that account or person.
-- The summary of that last touch is copied here too, for the talking points.

CREATE TABLE account_touch (
    account_id        TEXT PRIMARY KEY NOT NULL,
    last_at           TEXT,
    last_id           TEXT,
    last_summary      TEXT,
    last_strategic_at TEXT
) STRICT, WITHOUT ROWID;

CREATE TABLE contact_touch (
    contact_id    TEXT PRIMARY KEY NOT NULL,
    last_at       TEXT,
    last_id       TEXT,
    last_summary  TEXT
) STRICT, WITHOUT ROWID;

CREATE INDEX interactions_strategic_by_account ON interactions (account_id, occurred_at) WHERE strategic = 1;

-- What the check-ins read besides the touches: only what can still call for action.
CREATE INDEX promises_open ON promises (account_id) WHERE status = 'open' AND archived_at IS NULL;
CREATE INDEX requests_waiting ON requests (account_id)
    WHERE answered_at IS NULL AND resolved_at IS NULL AND archived_at IS NULL;
CREATE INDEX issues_needing_care ON issues (account_id)
    WHERE (resolved_at IS NULL OR followed_up_at IS NULL) AND archived_at IS NULL;
CREATE INDEX meetings_by_end ON meetings (ends_at);

-- Recomputing one account or one person: a few index seeks.
CREATE VIEW account_touch_now AS
SELECT x.account_id, i.occurred_at AS last_at, x.last_id, i.summary AS last_summary, x.last_strategic_at
FROM (SELECT a.id AS account_id,
             (SELECT id FROM interactions WHERE account_id = a.id AND archived_at IS NULL
               ORDER BY occurred_at DESC, id DESC LIMIT 1) AS last_id,
             (SELECT max(occurred_at) FROM interactions
               WHERE account_id = a.id AND strategic = 1 AND archived_at IS NULL) AS last_strategic_at
      FROM accounts a) x
LEFT JOIN interactions i ON i.id = x.last_id;

CREATE VIEW contact_touch_now AS
SELECT x.contact_id, i.occurred_at AS last_at, x.last_id, i.summary AS last_summary
FROM (SELECT c.id AS contact_id,
             (SELECT i.id FROM interaction_contacts ic JOIN interactions i ON i.id = ic.interaction_id
               WHERE ic.contact_id = c.id AND i.archived_at IS NULL
               ORDER BY i.occurred_at DESC, i.id DESC LIMIT 1) AS last_id
      FROM contacts c) x
LEFT JOIN interactions i ON i.id = x.last_id;

-- A new live touch can only raise the maximum.
CREATE TRIGGER interactions_touch_insert AFTER INSERT ON interactions WHEN NEW.archived_at IS NULL BEGIN
    INSERT INTO account_touch (account_id, last_at, last_id, last_summary, last_strategic_at)
        VALUES (NEW.account_id, NEW.occurred_at, NEW.id, NEW.summary, CASE WHEN NEW.strategic = 1 THEN NEW.occurred_at END)
    ON CONFLICT (account_id) DO UPDATE SET
        last_id = CASE WHEN last_at IS NULL OR excluded.last_at > last_at
                            OR (excluded.last_at = last_at AND excluded.last_id > last_id)
                       THEN excluded.last_id ELSE last_id END,
        last_summary = CASE WHEN last_at IS NULL OR excluded.last_at > last_at
                                 OR (excluded.last_at = last_at AND excluded.last_id > last_id)
                            THEN excluded.last_summary ELSE last_summary END,
        last_at = max(coalesce(last_at, ''), excluded.last_at),
        last_strategic_at = CASE WHEN excluded.last_strategic_at IS NULL THEN last_strategic_at
                                 ELSE max(coalesce(last_strategic_at, ''), excluded.last_strategic_at) END;
END;

-- Anything else that changes a touch recomputes its account, and the people it names.
CREATE TRIGGER interactions_touch_update AFTER UPDATE ON interactions BEGIN
    INSERT INTO account_touch SELECT account_id, last_at, last_id, last_summary, last_strategic_at
        FROM account_touch_now WHERE account_id IN (OLD.account_id, NEW.account_id)
        ON CONFLICT (account_id) DO UPDATE SET last_at = excluded.last_at, last_id = excluded.last_id,
            last_summary = excluded.last_summary, last_strategic_at = excluded.last_strategic_at;
    INSERT INTO contact_touch SELECT contact_id, last_at, last_id, last_summary FROM contact_touch_now
        WHERE contact_id IN (SELECT contact_id FROM interaction_contacts WHERE interaction_id = NEW.id)
        ON CONFLICT (contact_id) DO UPDATE SET last_at = excluded.last_at, last_id = excluded.last_id,
            last_summary = excluded.last_summary;
END;

CREATE TRIGGER interactions_touch_delete AFTER DELETE ON interactions BEGIN
    INSERT INTO account_touch SELECT account_id, last_at, last_id, last_summary, last_strategic_at
        FROM account_touch_now WHERE account_id = OLD.account_id
        ON CONFLICT (account_id) DO UPDATE SET last_at = excluded.last_at, last_id = excluded.last_id,
            last_summary = excluded.last_summary, last_strategic_at = excluded.last_strategic_at;
END;

CREATE TRIGGER interaction_contacts_touch_insert AFTER INSERT ON interaction_contacts BEGIN
    INSERT INTO contact_touch (contact_id, last_at, last_id, last_summary)
        SELECT NEW.contact_id, i.occurred_at, i.id, i.summary FROM interactions i
        WHERE i.id = NEW.interaction_id AND i.archived_at IS NULL
    ON CONFLICT (contact_id) DO UPDATE SET
        last_id = CASE WHEN last_at IS NULL OR excluded.last_at > last_at
                            OR (excluded.last_at = last_at AND excluded.last_id > last_id)
                       THEN excluded.last_id ELSE last_id END,
        last_summary = CASE WHEN last_at IS NULL OR excluded.last_at > last_at
                                 OR (excluded.last_at = last_at AND excluded.last_id > last_id)
                            THEN excluded.last_summary ELSE last_summary END,
        last_at = max(coalesce(last_at, ''), excluded.last_at);
END;

CREATE TRIGGER interaction_contacts_touch_delete AFTER DELETE ON interaction_contacts BEGIN
    INSERT INTO contact_touch SELECT contact_id, last_at, last_id, last_summary FROM contact_touch_now
        WHERE contact_id = OLD.contact_id
        ON CONFLICT (contact_id) DO UPDATE SET last_at = excluded.last_at, last_id = excluded.last_id,
            last_summary = excluded.last_summary;
END;

-- What an older database already holds.
INSERT INTO account_touch SELECT account_id, last_at, last_id, last_summary, last_strategic_at FROM account_touch_now WHERE true;
INSERT INTO contact_touch SELECT contact_id, last_at, last_id, last_summary FROM contact_touch_now WHERE true;
