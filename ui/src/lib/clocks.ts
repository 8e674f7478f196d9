// The clocks an account manager works against: the acknowledgement and answer of a request (the
// user's settings, sent by the core), a promise's due date, a renewal. Pure functions of
// (record, now), like the engine's.
import type { ClientRequest, PromiseRecord, RequestClocks } from "../bindings";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Whether the user should relax, keep an eye on it, or act now. */
export type Tone = "ok" | "warn" | "bad" | "neutral";

export type Clock = { text: string; tone: Tone };

/** A length of time as a person says it: "40 min", "5 h", "3 days". */
export function span(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < HOUR) return `${Math.max(1, Math.round(abs / MINUTE))} min`;
  if (abs < 2 * DAY) return `${Math.round(abs / HOUR)} h`;
  return `${Math.round(abs / DAY)} days`;
}

/** A request is open until it is answered or resolved. */
export function requestOpen(request: ClientRequest): boolean {
  return !request.answered_at && !request.resolved_at;
}

/** An open request's answer clock, counting down to `dueAt`, then up once it has passed; amber
 * within the user's warning hours. */
export function answerDue(dueAt: string, now: Date, warningHours = 4): Clock {
  const left = new Date(dueAt).getTime() - now.getTime();
  if (left <= 0) return { text: `answer overdue by ${span(left)}`, tone: "bad" };
  return { text: `answer due in ${span(left)}`, tone: left <= warningHours * HOUR ? "warn" : "neutral" };
}

/** The answer clock (the user's setting, 24 h unless changed), from when the request was received. */
export function answerClock(request: ClientRequest, now: Date, clocks: RequestClocks): Clock {
  if (request.resolved_at) return { text: "resolved", tone: "ok" };
  if (request.answered_at) return { text: "answered", tone: "ok" };
  const due = new Date(new Date(request.received_at).getTime() + clocks.answer_hours * HOUR);
  return answerDue(due.toISOString(), now, clocks.warning_hours);
}

/** The acknowledgement clock (the user's setting, 1 h unless changed); null once acknowledged (or answered). */
export function acknowledgeClock(request: ClientRequest, now: Date, clocks: RequestClocks): Clock | null {
  if (request.acknowledged_at || !requestOpen(request)) return null;
  const left = new Date(request.received_at).getTime() + clocks.ack_hours * HOUR - now.getTime();
  if (left <= 0) return { text: `not acknowledged for ${span(now.getTime() - new Date(request.received_at).getTime())}`, tone: "bad" };
  return { text: `acknowledge within ${span(left)}`, tone: "warn" };
}

/** Open and renegotiated promises are still to be delivered. */
export function promiseOpen(promise: PromiseRecord): boolean {
  return promise.status === "open" || promise.status === "renegotiated";
}

/** The local calendar day of an instant, to compare due dates by day. */
function dayNumber(date: Date): number {
  return Math.floor((date.getTime() - date.getTimezoneOffset() * MINUTE) / DAY);
}

/** Where a promise stands against its due date. */
export function promiseClock(promise: PromiseRecord, now: Date): Clock {
  const due = new Date(promise.due_at);
  if (promise.status === "kept") {
    const late = promise.completed_at && new Date(promise.completed_at) > due;
    return late ? { text: "kept late", tone: "warn" } : { text: "kept on time", tone: "ok" };
  }
  if (promise.status === "broken") return { text: "broken", tone: "bad" };
  const days = dayNumber(due) - dayNumber(now);
  if (due.getTime() < now.getTime()) {
    return { text: days === 0 ? "overdue since earlier today" : `overdue by ${-days} ${-days === 1 ? "day" : "days"}`, tone: "bad" };
  }
  if (days === 0) return { text: "due today", tone: "warn" };
  if (days === 1) return { text: "due tomorrow", tone: "warn" };
  return { text: `due in ${days} days`, tone: days <= 3 ? "warn" : "neutral" };
}

/** Days from today to a calendar date ("2027-01-26"), negative when it has passed. */
export function daysUntil(date: string, now: Date): number {
  const [y, m, d] = date.split("-").map(Number);
  const target = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY;
  return target - dayNumber(now);
}
