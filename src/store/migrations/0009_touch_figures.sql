-- Judging health counts the touches of the last 180 days by account (issue 7). The index by
-- date grows the columns that count needs, so SQLite reads them from the index alone instead
-- of looking up ten thousand rows spread over the whole table; it serves every read of the
-- date index before it, which it replaces.
DROP INDEX interactions_by_time;
CREATE INDEX interactions_judged ON interactions (occurred_at, account_id, initiated_by, strategic, sentiment)
    WHERE archived_at IS NULL;
