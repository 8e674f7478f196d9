// Today's first page is asked for as soon as the scripts run, before the window is built, so
// that the core works on it while the page is being put together rather than after.
import { commands } from "../bindings";

/**
 * Check-ins under "More" shown at a time. A heavy portfolio can have thousands at once; the day's
 * list is the user's budget, and what waits is asked for only once "More" is opened.
 */
export const TODAY_PAGE = 10;

type Pending = ReturnType<typeof commands.todayPage>;

let early: Pending | null = null;

/** Asks for Today's first page now; called once, as the app starts. */
export function askEarly(): void {
  early = commands.todayPage(0);
}

/** The first page asked for early, once, when it is the one wanted (none of "More" yet);
 * otherwise a fresh request for the day's list and the first `more` of the rest. */
export function todayPage(more: number): Pending {
  const asked = early;
  early = null;
  return asked && more === 0 ? asked : commands.todayPage(more);
}
