-- Working with address books and calendars (issue 9).
--
-- A person can have several email addresses and phone numbers, as an address book keeps them:
-- the main one stays in `email`/`phone`, the others are JSON arrays of text.
ALTER TABLE contacts ADD COLUMN other_emails TEXT NOT NULL DEFAULT '[]';
ALTER TABLE contacts ADD COLUMN other_phones TEXT NOT NULL DEFAULT '[]';

-- Importing contacts matches people by email address, in any case.
CREATE INDEX contacts_by_email ON contacts (lower(email)) WHERE email IS NOT NULL;

-- A meeting from a calendar keeps the calendar's UID, so importing the same file again updates
-- it instead of adding it twice, and the zone it was scheduled in, so exports keep it.
ALTER TABLE meetings ADD COLUMN ical_uid TEXT;
ALTER TABLE meetings ADD COLUMN timezone TEXT;
CREATE UNIQUE INDEX meetings_by_ical_uid ON meetings (ical_uid) WHERE ical_uid IS NOT NULL;
