// The moments a check-in can be snoozed until, computed on the user's own calendar.
import { CLOCK, dateFormat, localInputToRfc3339, nowForInput } from "./format";

const HOUR = 60 * 60 * 1000;

export type SnoozeChoice = { id: "later" | "tomorrow" | "next_week"; label: string; until: Date };

/** Three hours from now. */
export function laterToday(now: Date): Date {
  return new Date(now.getTime() + 3 * HOUR);
}

/** 09:00 tomorrow, the user's time. */
export function tomorrowMorning(now: Date): Date {
  const at = new Date(now);
  at.setDate(at.getDate() + 1);
  at.setHours(9, 0, 0, 0);
  return at;
}

/** 09:00 next Monday, the user's time (a week ahead when today is Monday). */
export function nextWeek(now: Date): Date {
  const at = new Date(now);
  at.setDate(at.getDate() + ((8 - at.getDay()) % 7 || 7));
  at.setHours(9, 0, 0, 0);
  return at;
}

/** An instant as RFC 3339 with the user's offset, to the minute ("2026-11-24T09:00:00+01:00"). */
export function localRfc3339(at: Date): string {
  return localInputToRfc3339(nowForInput(at));
}

function short(at: Date, withDay: boolean): string {
  return dateFormat({
    ...(withDay ? { weekday: "short" } : {}),
    ...CLOCK,
  }).format(at);
}

/** The ready-made choices, each labelled with the moment it means. */
export function snoozeChoices(now: Date): SnoozeChoice[] {
  const later = laterToday(now);
  const sameDay = later.toDateString() === now.toDateString();
  return [
    { id: "later", label: `${sameDay ? "Later today" : "In 3 hours"} (${short(later, !sameDay)})`, until: later },
    { id: "tomorrow", label: `Tomorrow morning (${short(tomorrowMorning(now), true)})`, until: tomorrowMorning(now) },
    { id: "next_week", label: `Next week (${short(nextWeek(now), true)})`, until: nextWeek(now) },
  ];
}
