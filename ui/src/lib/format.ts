// How times read in the UI: relative for recency, and the client's own clock for timing.
import type { ChannelKind, TouchState } from "../bindings";
import { appNow } from "./clock";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Every time of day the app shows, on the locale's own clock — "9:00 AM" in the US, "09:00" in
 * Germany — so that a card, its detail, a snooze and a date never mix two styles.
 */
export const CLOCK: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date formatter in the user's language, made once per set of options: making one costs far
 * more than using it, and Today's first view alone shows eighty times.
 */
export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, options);
    formats.set(key, format);
  }
  return format;
}

/** "today", "yesterday", "12 days ago", "3 months ago". */
export function ago(iso: string, now: Date = appNow()): string {
  const days = Math.floor((now.getTime() - new Date(iso).getTime()) / DAY);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 60) return `${days} days ago`;
  return `${Math.floor(days / 30)} months ago`;
}

/** The time it is for the client now, e.g. "Tue 14:05". */
export function theirTime(timezone: string, now: Date = appNow()): string {
  try {
    return dateFormat({
      weekday: "short",
      ...CLOCK,
      timeZone: timezone,
    }).format(now);
  } catch {
    return "";
  }
}

/** A full date and time in the user's own zone. */
export function when(iso: string): string {
  return dateFormat({ dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** A calendar date ("2027-01-26") as the user reads dates. */
export function day(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return dateFormat({ dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

export const touchLabel: Record<TouchState, string> = {
  within: "On time",
  past: "Due",
  well_past: "Overdue",
  never: "Never touched",
};

export const channelLabel: Record<ChannelKind, string> = {
  email: "Email",
  call: "Call",
  video: "Video call",
  meeting: "Meeting",
  visit: "Visit",
  chat: "Chat",
  message: "Message",
  other: "Other",
};

/** The value of a datetime-local input, as RFC 3339 with the user's offset. */
export function localInputToRfc3339(value: string): string {
  const date = new Date(value);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  return `${value.length === 16 ? `${value}:00` : value}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** Now, as a datetime-local input value in the user's zone. */
export function nowForInput(now: Date = appNow()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** An instant as a datetime-local input value, in the user's zone. */
export function instantForInput(iso: string): string {
  return nowForInput(new Date(iso));
}

/** The user's calendar day of an instant, as a date input value ("2026-11-23"). */
export function dayOfInstant(iso: string): string {
  return nowForInput(new Date(iso)).slice(0, 10);
}

/** A due date ("2026-11-30") as the end of that day in the user's zone, in RFC 3339. */
export function endOfDay(date: string): string {
  return localInputToRfc3339(`${date}T23:59`);
}

/** The user's calendar day of an instant, as they read dates ("30 Nov 2026"). */
export function dayOf(iso: string): string {
  return dateFormat({ dateStyle: "medium" }).format(new Date(iso));
}

/** A datetime-local value as RFC 3339, or null when left blank. */
export function optionalInstant(value: string): string | null {
  return value ? localInputToRfc3339(value) : null;
}

/** How long something lasts, from its start to its end: "45 min", "1 h", "1 h 30 min". */
export function duration(from: string, to: string): string {
  const minutes = Math.max(0, Math.round((new Date(to).getTime() - new Date(from).getTime()) / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** The values typed in one box, one per comma or line: "a@x.de, b@x.de" → ["a@x.de", "b@x.de"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((value) => value.trim())
    .filter((value) => value !== "");
}

/** A file's size as people read it: "640 KB", "4.2 MB", "1.3 GB"; a dash when it is not known. */
export function fileSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return "—";
  const kb = bytes / 1024;
  if (kb < 1000) return `${bytes > 0 ? Math.max(1, Math.round(kb)) : 0} KB`;
  const one = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
  const mb = kb / 1024;
  if (mb < 1000) return `${one.format(mb)} MB`;
  return `${one.format(mb / 1024)} GB`;
}

const WEEK = 7 * DAY;

/** "Tue 09:00" in `timeZone` (the user's own when left out), with the date when it is a week or more away. */
function clock(instant: Date, now: Date, timeZone?: string): string {
  const far = Math.abs(instant.getTime() - now.getTime()) >= WEEK - DAY;
  return dateFormat({
    weekday: "short",
    ...(far ? { day: "numeric", month: "short" } : {}),
    ...CLOCK,
    timeZone,
  }).format(instant);
}

/**
 * A moment in the client's time and in the user's, e.g.
 * "Tue 09:00 their time (Europe/Berlin) · Tue 08:00 yours". `yourZone` is for tests.
 */
export function bothTimes(iso: string, theirZone: string, now: Date = appNow(), yourZone?: string): string {
  const instant = new Date(iso);
  const yours = clock(instant, now, yourZone);
  let theirs: string;
  try {
    theirs = clock(instant, now, theirZone);
  } catch {
    return `${yours} your time`;
  }
  const sameZone = theirZone === (yourZone ?? dateFormat({}).resolvedOptions().timeZone);
  if (sameZone || theirs === yours) return `${theirs} their time and yours (${theirZone})`;
  return `${theirs} their time (${theirZone}) · ${yours} yours`;
}
