-- One search index over everything a user writes, kept current by triggers.
-- unicode61 with remove_diacritics 2 makes "Helene" find "Hélène" and ignores case.
-- search_keys maps each record to its row in the index, so a change touches one row.

CREATE VIRTUAL TABLE search USING fts5 (
    kind UNINDEXED,
    record_id UNINDEXED,
    account_id UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TABLE search_keys (
    record_id  TEXT PRIMARY KEY NOT NULL,
    fts_rowid  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- accounts
CREATE TRIGGER accounts_search_insert AFTER INSERT ON accounts WHEN NEW.archived_at IS NULL BEGIN
    INSERT INTO search (kind, record_id, account_id, title, body)
        VALUES ('account', NEW.id, NEW.id, NEW.name, coalesce(NEW.industry, '') || ' ' || NEW.notes);
    INSERT INTO search_keys (record_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;
CREATE TRIGGER accounts_search_update AFTER UPDATE ON accounts BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
    INSERT INTO search (kind, record_id, account_id, title, body)
        SELECT 'account', NEW.id, NEW.id, NEW.name, coalesce(NEW.industry, '') || ' ' || NEW.notes WHERE NEW.archived_at IS NULL;
    INSERT INTO search_keys (record_id, fts_rowid) SELECT NEW.id, last_insert_rowid() WHERE NEW.archived_at IS NULL;
END;
CREATE TRIGGER accounts_search_delete AFTER DELETE ON accounts BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
END;

-- contacts
CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts WHEN NEW.archived_at IS NULL BEGIN
    INSERT INTO search (kind, record_id, account_id, title, body)
        VALUES ('contact', NEW.id, NEW.account_id, NEW.name, coalesce(NEW.title, '') || ' ' || coalesce(NEW.email, '') || ' ' || NEW.notes);
    INSERT INTO search_keys (record_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;
CREATE TRIGGER contacts_search_update AFTER UPDATE ON contacts BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
    INSERT INTO search (kind, record_id, account_id, title, body)
        SELECT 'contact', NEW.id, NEW.account_id, NEW.name, coalesce(NEW.title, '') || ' ' || coalesce(NEW.email, '') || ' ' || NEW.notes WHERE NEW.archived_at IS NULL;
    INSERT INTO search_keys (record_id, fts_rowid) SELECT NEW.id, last_insert_rowid() WHERE NEW.archived_at IS NULL;
END;
CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
END;

-- culture_notes
CREATE TRIGGER culture_notes_search_insert AFTER INSERT ON culture_notes WHEN NEW.archived_at IS NULL BEGIN
    INSERT INTO search (kind, record_id, account_id, title, body)
        VALUES ('culture_note', NEW.id, NEW.account_id, replace(NEW.category, '_', ' '), NEW.text);
    INSERT INTO search_keys (record_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;
CREATE TRIGGER culture_notes_search_update AFTER UPDATE ON culture_notes BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
    INSERT INTO search (kind, record_id, account_id, title, body)
        SELECT 'culture_note', NEW.id, NEW.account_id, replace(NEW.category, '_', ' '), NEW.text WHERE NEW.archived_at IS NULL;
    INSERT INTO search_keys (record_id, fts_rowid) SELECT NEW.id, last_insert_rowid() WHERE NEW.archived_at IS NULL;
END;
CREATE TRIGGER culture_notes_search_delete AFTER DELETE ON culture_notes BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
END;

-- goals
CREATE TRIGGER goals_search_insert AFTER INSERT ON goals WHEN NEW.archived_at IS NULL BEGIN
    INSERT INTO search (kind, record_id, account_id, title, body)
        VALUES ('goal', NEW.id, NEW.account_id, NEW.title, NEW.detail || ' ' || coalesce((SELECT group_concat(json_extract(value, '$.text'), ' ') FROM json_each(NEW.progress)), ''));
    INSERT INTO search_keys (record_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;
CREATE TRIGGER goals_search_update AFTER UPDATE ON goals BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
    INSERT INTO search (kind, record_id, account_id, title, body)
        SELECT 'goal', NEW.id, NEW.account_id, NEW.title, NEW.detail || ' ' || coalesce((SELECT group_concat(json_extract(value, '$.text'), ' ') FROM json_each(NEW.progress)), '') WHERE NEW.archived_at IS NULL;
    INSERT INTO search_keys (record_id, fts_rowid) SELECT NEW.id, last_insert_rowid() WHERE NEW.archived_at IS NULL;
END;
CREATE TRIGGER goals_search_delete AFTER DELETE ON goals BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
END;

-- promises
CREATE TRIGGER promises_search_insert AFTER INSERT ON promises WHEN NEW.archived_at IS NULL BEGIN
    INSERT INTO search (kind, record_id, account_id, title, body)
        VALUES ('promise', NEW.id, NEW.account_id, NEW.text, coalesce(NEW.extra, ''));
    INSERT INTO search_keys (record_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;
CREATE TRIGGER promises_search_update AFTER UPDATE ON promises BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
    INSERT INTO search (kind, record_id, account_id, title, body)
        SELECT 'promise', NEW.id, NEW.account_id, NEW.text, coalesce(NEW.extra, '') WHERE NEW.archived_at IS NULL;
    INSERT INTO search_keys (record_id, fts_rowid) SELECT NEW.id, last_insert_rowid() WHERE NEW.archived_at IS NULL;
END;
CREATE TRIGGER promises_search_delete AFTER DELETE ON promises BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
END;

-- interactions
CREATE TRIGGER interactions_search_insert AFTER INSERT ON interactions WHEN NEW.archived_at IS NULL BEGIN
    INSERT INTO search (kind, record_id, account_id, title, body)
        VALUES ('interaction', NEW.id, NEW.account_id, '', NEW.summary);
    INSERT INTO search_keys (record_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;
CREATE TRIGGER interactions_search_update AFTER UPDATE ON interactions BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
    INSERT INTO search (kind, record_id, account_id, title, body)
        SELECT 'interaction', NEW.id, NEW.account_id, '', NEW.summary WHERE NEW.archived_at IS NULL;
    INSERT INTO search_keys (record_id, fts_rowid) SELECT NEW.id, last_insert_rowid() WHERE NEW.archived_at IS NULL;
END;
CREATE TRIGGER interactions_search_delete AFTER DELETE ON interactions BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
END;

-- requests
CREATE TRIGGER requests_search_insert AFTER INSERT ON requests WHEN NEW.archived_at IS NULL BEGIN
    INSERT INTO search (kind, record_id, account_id, title, body)
        VALUES ('request', NEW.id, NEW.account_id, '', NEW.text);
    INSERT INTO search_keys (record_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;
CREATE TRIGGER requests_search_update AFTER UPDATE ON requests BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
    INSERT INTO search (kind, record_id, account_id, title, body)
        SELECT 'request', NEW.id, NEW.account_id, '', NEW.text WHERE NEW.archived_at IS NULL;
    INSERT INTO search_keys (record_id, fts_rowid) SELECT NEW.id, last_insert_rowid() WHERE NEW.archived_at IS NULL;
END;
CREATE TRIGGER requests_search_delete AFTER DELETE ON requests BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
END;

-- issues
CREATE TRIGGER issues_search_insert AFTER INSERT ON issues WHEN NEW.archived_at IS NULL BEGIN
    INSERT INTO search (kind, record_id, account_id, title, body)
        VALUES ('issue', NEW.id, NEW.account_id, NEW.title, NEW.notes);
    INSERT INTO search_keys (record_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;
CREATE TRIGGER issues_search_update AFTER UPDATE ON issues BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
    INSERT INTO search (kind, record_id, account_id, title, body)
        SELECT 'issue', NEW.id, NEW.account_id, NEW.title, NEW.notes WHERE NEW.archived_at IS NULL;
    INSERT INTO search_keys (record_id, fts_rowid) SELECT NEW.id, last_insert_rowid() WHERE NEW.archived_at IS NULL;
END;
CREATE TRIGGER issues_search_delete AFTER DELETE ON issues BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
END;

-- meetings
CREATE TRIGGER meetings_search_insert AFTER INSERT ON meetings WHEN NEW.archived_at IS NULL BEGIN
    INSERT INTO search (kind, record_id, account_id, title, body)
        VALUES ('meeting', NEW.id, NEW.account_id, NEW.title, coalesce(NEW.location, '') || ' ' || NEW.agenda);
    INSERT INTO search_keys (record_id, fts_rowid) VALUES (NEW.id, last_insert_rowid());
END;
CREATE TRIGGER meetings_search_update AFTER UPDATE ON meetings BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
    INSERT INTO search (kind, record_id, account_id, title, body)
        SELECT 'meeting', NEW.id, NEW.account_id, NEW.title, coalesce(NEW.location, '') || ' ' || NEW.agenda WHERE NEW.archived_at IS NULL;
    INSERT INTO search_keys (record_id, fts_rowid) SELECT NEW.id, last_insert_rowid() WHERE NEW.archived_at IS NULL;
END;
CREATE TRIGGER meetings_search_delete AFTER DELETE ON meetings BEGIN
    DELETE FROM search WHERE rowid = (SELECT fts_rowid FROM search_keys WHERE record_id = OLD.id);
    DELETE FROM search_keys WHERE record_id = OLD.id;
END;

-- Index what an older database already holds.
INSERT INTO search (kind, record_id, account_id, title, body)
    SELECT 'account', t.id, t.id, t.name, coalesce(t.industry, '') || ' ' || t.notes FROM accounts t WHERE t.archived_at IS NULL;
INSERT INTO search (kind, record_id, account_id, title, body)
    SELECT 'contact', t.id, t.account_id, t.name, coalesce(t.title, '') || ' ' || coalesce(t.email, '') || ' ' || t.notes FROM contacts t WHERE t.archived_at IS NULL;
INSERT INTO search (kind, record_id, account_id, title, body)
    SELECT 'culture_note', t.id, t.account_id, replace(t.category, '_', ' '), t.text FROM culture_notes t WHERE t.archived_at IS NULL;
INSERT INTO search (kind, record_id, account_id, title, body)
    SELECT 'goal', t.id, t.account_id, t.title, t.detail || ' ' || coalesce((SELECT group_concat(json_extract(value, '$.text'), ' ') FROM json_each(t.progress)), '') FROM goals t WHERE t.archived_at IS NULL;
INSERT INTO search (kind, record_id, account_id, title, body)
    SELECT 'promise', t.id, t.account_id, t.text, coalesce(t.extra, '') FROM promises t WHERE t.archived_at IS NULL;
INSERT INTO search (kind, record_id, account_id, title, body)
    SELECT 'interaction', t.id, t.account_id, '', t.summary FROM interactions t WHERE t.archived_at IS NULL;
INSERT INTO search (kind, record_id, account_id, title, body)
    SELECT 'request', t.id, t.account_id, '', t.text FROM requests t WHERE t.archived_at IS NULL;
INSERT INTO search (kind, record_id, account_id, title, body)
    SELECT 'issue', t.id, t.account_id, t.title, t.notes FROM issues t WHERE t.archived_at IS NULL;
INSERT INTO search (kind, record_id, account_id, title, body)
    SELECT 'meeting', t.id, t.account_id, t.title, coalesce(t.location, '') || ' ' || t.agenda FROM meetings t WHERE t.archived_at IS NULL;
INSERT INTO search_keys (record_id, fts_rowid) SELECT record_id, rowid FROM search;
