-- The user's mail becomes history (issue 19).
--
-- A touch knows where it came from: typed by the user (every touch before this version), read
-- from mail, or from a calendar. A touch from mail keeps its message's Message-ID, once per
-- account (a message to two clients is a touch in each; reading it again adds nothing), and a
-- short snippet of what the sender wrote. Nothing else of a message is kept.
ALTER TABLE interactions ADD COLUMN source TEXT NOT NULL DEFAULT 'typed'
    CHECK (source IN ('typed', 'mail', 'calendar'));
ALTER TABLE interactions ADD COLUMN message_id TEXT;
ALTER TABLE interactions ADD COLUMN snippet TEXT;

-- By Message-ID first: threads are followed by it across accounts, and it is unique per account.
-- Archived touches keep their place here, so a touch deleted by the user is not read back in.
CREATE UNIQUE INDEX interactions_by_message_id ON interactions (message_id, account_id)
    WHERE message_id IS NOT NULL;

-- The mail files and folders read, so that reading them again reads only what is new. For an
-- mbox: its size and modification time when read (`stamp`), and where its last message read
-- starts, with a check of the bytes there, to resume from. For a Maildir: its folders'
-- modification times. And a check of the client's people's addresses then: when they change,
-- the source is read again from its start, so mail with a newly added person is found.
-- Never a message's content.
CREATE TABLE mail_sources (
    id             INTEGER PRIMARY KEY,
    path           TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL CHECK (kind IN ('eml', 'emlx', 'mbox', 'maildir', 'folder')),
    stamp          TEXT,
    resume_offset  INTEGER,
    resume_check   INTEGER,
    resume_whole   INTEGER NOT NULL DEFAULT 0 CHECK (resume_whole IN (0, 1)),
    people_check   INTEGER,
    read_at        TEXT NOT NULL
) STRICT;

-- The message files of a Maildir or a folder already read, each by a 64-bit hash of its name
-- (a Maildir's unique part, without the flags a mail program changes), never by its content.
CREATE TABLE mail_source_files (
    source_id  INTEGER NOT NULL REFERENCES mail_sources (id) ON DELETE CASCADE,
    name_key   INTEGER NOT NULL,
    PRIMARY KEY (source_id, name_key)
) STRICT, WITHOUT ROWID;
