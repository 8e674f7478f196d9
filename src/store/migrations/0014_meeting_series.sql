-- The files people actually have (issue 23).
--
-- A repeating meeting is one series, as its calendar has it: the rule, kept in the calendar's
-- own words (`rule`: a small iCalendar text holding the event's start, length, RRULE, RDATE and
-- EXDATE, with the description of any zone it names that is not a standard one), so that it
-- goes back out whole and can be followed further as time passes. Its occurrences stay
-- ordinary meetings, which every part of Rapport already judges: each knows its series, and
-- whether it differs from what the rule says (moved, renamed, noted on), which makes it an
-- override of its own when the calendar is exported. A deleted occurrence is an exception.
CREATE TABLE meeting_series (
    id          TEXT PRIMARY KEY NOT NULL,
    account_id  TEXT NOT NULL REFERENCES accounts (id),
    ical_uid    TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    repeats     TEXT NOT NULL,
    rule        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX meeting_series_by_account ON meeting_series (account_id);

ALTER TABLE meetings ADD COLUMN series_id TEXT REFERENCES meeting_series (id);
-- Which of the meeting's people sent the invitation, when a calendar said: it goes back out as
-- the ORGANIZER, not one more ATTENDEE. (Someone not among the user's people is a guest with
-- that role, in meeting_guests.)
ALTER TABLE meetings ADD COLUMN organizer_id TEXT REFERENCES contacts (id);
ALTER TABLE meetings ADD COLUMN changed INTEGER NOT NULL DEFAULT 0 CHECK (changed IN (0, 1));
CREATE INDEX meetings_by_series ON meetings (series_id) WHERE series_id IS NOT NULL;
