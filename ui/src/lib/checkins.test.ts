import { expect, test } from "vitest";
import { NOW, suggestion } from "../test/fixtures";
import { theirTimeShort } from "./checkins";

test("a row gives the time to reach them on their own clock", () => {
  // 08:00 UTC is 09:00 in Berlin, the next day.
  expect(theirTimeShort(suggestion(), NOW)).toBe("Tue 9:00 AM their time");
});

test("a time a week or more away carries its date", () => {
  expect(theirTimeShort(suggestion({ suggested_at: "2026-12-08T08:00:00Z" }), NOW)).toMatch(/^Tue,? (8 Dec|Dec 8),? 9:00 AM their time$/);
});

test("a zone the system does not know falls back to the user's own clock, and says so", () => {
  expect(theirTimeShort(suggestion({ timezone: "Mars/Olympus" }), NOW)).toMatch(/ your time$/);
});
