import { afterEach, expect, test } from "vitest";
import { appNow } from "./clock";

afterEach(() => {
  delete window.__RAPPORT_PINNED_AT__;
});

test("the window's now is the machine's when no moment is pinned", () => {
  const before = Date.now();
  const now = appNow().getTime();
  expect(now).toBeGreaterThanOrEqual(before);
  expect(now).toBeLessThanOrEqual(Date.now());
});

test("a moment pinned by the shell is the window's now, every time it is asked", () => {
  window.__RAPPORT_PINNED_AT__ = "2026-12-31T23:30:00+00:00";
  expect(appNow().toISOString()).toBe("2026-12-31T23:30:00.000Z");
  const first = appNow();
  first.setFullYear(2000);
  expect(appNow().toISOString()).toBe("2026-12-31T23:30:00.000Z");
});

test("a pinned moment that cannot be read is ignored", () => {
  window.__RAPPORT_PINNED_AT__ = "yesterday";
  expect(Math.abs(appNow().getTime() - Date.now())).toBeLessThan(5_000);
});
