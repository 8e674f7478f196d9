import { expect, test } from "vitest";
import { dayRange, dayX } from "./charts";

test("a chart of one day spans a fortnight either side of it, not years", () => {
  const day = dayX("2026-12-02");
  const [from, to] = dayRange(day, day);
  expect((to - from) / 86_400).toBe(28);
  expect(new Date(to * 1000).getUTCFullYear()).toBe(2026);
  expect(dayRange(dayX("2026-01-01"), day)).toEqual([dayX("2026-01-01"), day]);
});
