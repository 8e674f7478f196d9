-- Invitations in the user's mail become meetings to accept (issue 19).
--
-- A proposal of kind 'meeting' keeps the invitation as its calendar wrote it (the iCalendar
-- text of the message's text/calendar part, at most 64 KiB): accepting it reads that text the
-- way a calendar import does, so the meeting is matched by its UID, its people by their
-- addresses, and anyone else invited is kept as a guest. Nothing else of the message is kept.
ALTER TABLE noticed ADD COLUMN calendar TEXT;
