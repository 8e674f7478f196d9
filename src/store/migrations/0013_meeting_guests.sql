-- The files people actually have (issue 23).
--
-- People invited to a meeting who are not (yet) among the user's people: a calendar's attendees
-- and organiser whose address matches nobody. The meeting keeps them by address, with the name
-- the calendar gave, instead of losing them; once such a person is added, importing the
-- calendar again moves them to the meeting's attendees.
CREATE TABLE meeting_guests (
    meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    email       TEXT NOT NULL,
    name        TEXT,
    role        TEXT NOT NULL CHECK (role IN ('organizer', 'attendee')),
    PRIMARY KEY (meeting_id, email)
) STRICT, WITHOUT ROWID;
