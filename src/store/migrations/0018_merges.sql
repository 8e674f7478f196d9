-- Duplicates (issue 19).
--
-- Two people (or two accounts) found to be one are merged: every record of the one merged
-- moves to the one kept, and the merged one is archived. Each merge is remembered here, with a
-- journal (JSON) of everything it changed — the rows it moved and from where, the rows it
-- dropped as duplicates or added, and the kept record's fields before and after — so that it
-- can be undone exactly, and so that a merged record is known as merged into the kept one
-- (`undone_at` is set when it was undone). The portable archive does not carry these journals:
-- a merged record goes out as any archived record does.
CREATE TABLE merges (
    id          TEXT PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'account')),
    kept_id     TEXT NOT NULL,
    merged_id   TEXT NOT NULL,
    journal     TEXT NOT NULL,
    merged_at   TEXT NOT NULL,
    undone_at   TEXT
) STRICT;
CREATE INDEX merges_by_merged ON merges (merged_id);

-- Two records the user said are not the same, so they are not proposed as likely duplicates
-- again; the pair is kept in id order, once.
CREATE TABLE not_duplicates (
    kind       TEXT NOT NULL CHECK (kind IN ('person', 'account')),
    first_id   TEXT NOT NULL,
    second_id  TEXT NOT NULL,
    said_at    TEXT NOT NULL,
    PRIMARY KEY (kind, first_id, second_id),
    CHECK (first_id < second_id)
) STRICT, WITHOUT ROWID;
