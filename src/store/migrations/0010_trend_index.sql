-- The health review reads 91 days of daily scores across every account (issue 17: 58% of
-- `rapport health --json` went there). The index by day grows the two columns the trend needs,
-- so SQLite reads them from the index alone instead of looking up each of the 45,500 rows of a
-- heavy portfolio by its key; it serves every read of the index before it, which it replaces.
DROP INDEX health_snapshots_by_day;
CREATE INDEX health_snapshots_trend ON health_snapshots (day, score, reconstructed);
