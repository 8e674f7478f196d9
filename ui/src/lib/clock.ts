// The window's "now". Normally the machine's; when a test starts Rapport at a pinned moment
// (`RAPPORT_AT`), the shell hands that moment to the page before its scripts run, so that "in 2
// hours" and "3 days ago" are said as of the same moment as the core's answers.

declare global {
  interface Window {
    __RAPPORT_PINNED_AT__?: string;
  }
}

function pinnedMoment(): number | null {
  const given = typeof window === "undefined" ? undefined : window.__RAPPORT_PINNED_AT__;
  if (!given) return null;
  const at = Date.parse(given);
  return Number.isNaN(at) ? null : at;
}

/** The moment the window shows the portfolio as of: a fresh `Date` each call. */
export function appNow(): Date {
  return new Date(pinnedMoment() ?? Date.now());
}
