// Today's first page is asked for as soon as the scripts run, before the window is built, so
// that the core works on it while the page is being put together rather than after.
import { commands } from "../bindings";

/**
 * Check-ins shown per group before "Show more". A heavy portfolio can have thousands at once;
 * ten a group fill a screen, and 25 took the first view of the heavy portfolio 90 ms longer.
 */
export const TODAY_PAGE = 10;

type Pending = ReturnType<typeof commands.todayPage>;

let early: Pending | null = null;

/** Asks for Today's first page now; called once, as the app starts. */
export function askEarly(): void {
  early = commands.todayPage(TODAY_PAGE);
}

/** The first page asked for early, once, when it is the one wanted; otherwise a fresh request. */
export function todayPage(perGroup: number): Pending {
  const asked = early;
  early = null;
  return asked && perGroup === TODAY_PAGE ? asked : commands.todayPage(perGroup);
}
