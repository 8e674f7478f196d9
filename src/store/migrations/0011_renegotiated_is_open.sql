-- A renegotiated promise is still to be kept, by its new date (issue 18: it was never raised
-- again once renegotiated). Every read of open promises now says `status IN ('open',
-- 'renegotiated')`, the SQL of `PromiseStatus::is_open`; the partial index follows, so those
-- reads stay on a small index of the promises still to keep.
CREATE INDEX promises_to_keep ON promises (account_id)
    WHERE status IN ('open', 'renegotiated') AND archived_at IS NULL;
DROP INDEX promises_open;
