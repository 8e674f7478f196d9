-- The advisor's view (issue 20).
--
-- Each person can carry the buying roles they play (a JSON array of role words, in the order
-- the domain lists them), how much their word weighs, the stance the user set over the one the
-- evidence gives, and who introduced them to us. A touch can say whose goal it served — the
-- client's or ours — which the trust ledger reads as self-orientation, and can be marked
-- private: it never reaches a document made for the client.
ALTER TABLE contacts ADD COLUMN roles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(roles));
ALTER TABLE contacts ADD COLUMN influence TEXT CHECK (influence IN ('high', 'medium', 'low'));
ALTER TABLE contacts ADD COLUMN stance TEXT CHECK (stance IN ('supportive', 'neutral', 'resistant'));
ALTER TABLE contacts ADD COLUMN introduced_by TEXT REFERENCES contacts (id);
ALTER TABLE interactions ADD COLUMN serves TEXT CHECK (serves IN ('theirs', 'ours'));
ALTER TABLE interactions ADD COLUMN private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1));

-- A reply read later finds the requests suggested from the message it answers by that message:
-- without this index each reply read the whole review queue (a 100,000-message mailbox took
-- 43 s instead of 7).
CREATE INDEX noticed_by_message ON noticed (message_id) WHERE message_id IS NOT NULL;
