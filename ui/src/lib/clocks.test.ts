import { expect, test } from "vitest";
import { NOW, promise, request } from "../test/fixtures";
import { acknowledgeClock, answerClock, daysUntil, promiseClock, span } from "./clocks";

test("lengths of time read as a person says them", () => {
  expect(span(40 * 60_000)).toBe("40 min");
  expect(span(5 * 3_600_000)).toBe("5 h");
  expect(span(30 * 3_600_000)).toBe("30 h");
  expect(span(3 * 86_400_000)).toBe("3 days");
});

const CLOCKS = { ack_hours: 1, answer_hours: 24, warning_hours: 4 };

test("a request's 24 hour answer clock counts down from when it was received, then up once overdue", () => {
  expect(answerClock(request(19), NOW, CLOCKS)).toEqual({ text: "answer due in 5 h", tone: "neutral" });
  expect(answerClock(request(21), NOW, CLOCKS)).toEqual({ text: "answer due in 3 h", tone: "warn" });
  expect(answerClock(request(27), NOW, CLOCKS)).toEqual({ text: "answer overdue by 3 h", tone: "bad" });
  expect(answerClock(request(27, { answered_at: NOW.toISOString() }), NOW, CLOCKS).text).toBe("answered");
});

test("the request clocks are the user's settings, not fixed hours", () => {
  const relaxed = { ack_hours: 4, answer_hours: 48, warning_hours: 8 };
  expect(answerClock(request(27), NOW, relaxed)).toEqual({ text: "answer due in 21 h", tone: "neutral" });
  expect(answerClock(request(41), NOW, relaxed)).toEqual({ text: "answer due in 7 h", tone: "warn" });
  expect(acknowledgeClock(request(3), NOW, relaxed)).toEqual({ text: "acknowledge within 1 h", tone: "warn" });
  expect(acknowledgeClock(request(5), NOW, relaxed)?.tone).toBe("bad");
});

test("a request not acknowledged within the hour says for how long it has waited", () => {
  expect(acknowledgeClock(request(0.5), NOW, CLOCKS)?.text).toBe("acknowledge within 30 min");
  expect(acknowledgeClock(request(3), NOW, CLOCKS)).toEqual({ text: "not acknowledged for 3 h", tone: "bad" });
  expect(acknowledgeClock(request(3, { acknowledged_at: NOW.toISOString() }), NOW, CLOCKS)).toBeNull();
});

test("a promise reads against its due day: due soon, overdue, or how it ended", () => {
  const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();
  expect(promiseClock(promise({ due_at: inDays(6) }), NOW)).toEqual({ text: "due in 6 days", tone: "neutral" });
  expect(promiseClock(promise({ due_at: inDays(2) }), NOW).tone).toBe("warn");
  expect(promiseClock(promise({ due_at: inDays(-3) }), NOW)).toEqual({ text: "overdue by 3 days", tone: "bad" });
  expect(promiseClock(promise({ status: "kept", due_at: inDays(-3), completed_at: inDays(-4) }), NOW).text).toBe("kept on time");
  expect(promiseClock(promise({ status: "kept", due_at: inDays(-3), completed_at: inDays(-1) }), NOW).text).toBe("kept late");
  expect(promiseClock(promise({ status: "broken" }), NOW).text).toBe("broken");
});

test("days until a calendar date", () => {
  const today = new Date(NOW.getTime() - NOW.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  expect(daysUntil(today, NOW)).toBe(0);
  expect(daysUntil("2026-12-23", new Date(2026, 10, 23, 12))).toBe(30);
});
