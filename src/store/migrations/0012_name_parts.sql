-- The files people actually have (issue 23).
--
-- A person's name in its parts, as address books keep it (vCard's N: family, given and middle
-- names, prefixes such as "Mr." and suffixes such as "Sr."), so that a trip through an address
-- book gives the name back as it came. A JSON object of lists of words, or NULL when no file
-- gave the parts; the name people are called by stays in `name`.
ALTER TABLE contacts ADD COLUMN name_parts TEXT;
