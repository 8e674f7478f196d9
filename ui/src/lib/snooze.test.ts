import { expect, test } from "vitest";
import { laterToday, localRfc3339, nextWeek, tomorrowMorning } from "./snooze";

// A Wednesday afternoon, on the user's own clock.
const wednesday = new Date(2026, 10, 25, 14, 20);

test("later today is three hours on, tomorrow morning is 09:00 the next day", () => {
  expect(laterToday(wednesday)).toEqual(new Date(2026, 10, 25, 17, 20));
  expect(tomorrowMorning(wednesday)).toEqual(new Date(2026, 10, 26, 9, 0));
  expect(tomorrowMorning(new Date(2026, 11, 31, 23, 0))).toEqual(new Date(2027, 0, 1, 9, 0));
});

test("next week is the coming Monday at 09:00, a full week ahead on a Monday", () => {
  expect(nextWeek(wednesday)).toEqual(new Date(2026, 10, 30, 9, 0));
  expect(nextWeek(new Date(2026, 10, 29, 20, 0))).toEqual(new Date(2026, 10, 30, 9, 0));
  expect(nextWeek(new Date(2026, 10, 30, 8, 0))).toEqual(new Date(2026, 11, 7, 9, 0));
});

test("a snooze time is sent as RFC 3339 with the user's offset", () => {
  const sent = localRfc3339(tomorrowMorning(wednesday));
  expect(sent).toMatch(/^2026-11-26T09:00:00[+-]\d{2}:\d{2}$/);
  expect(new Date(sent)).toEqual(new Date(2026, 10, 26, 9, 0));
});
