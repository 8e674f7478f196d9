// Where the user is: Today (the home), the accounts list, the health review, one account (on one
// of its tabs), an account's brief (for one of its meetings, or for the account as a whole) or
// its value review, the archive, or the settings. Kept in the URL hash so the back button and
// reloads work.
import type { RecordKind } from "../bindings";

export const accountTabs = ["overview", "health", "people", "culture", "goals", "promises", "history", "requests", "meetings"] as const;

export type AccountTab = (typeof accountTabs)[number];

export type Route =
  | { name: "today" }
  | { name: "accounts" }
  | { name: "health" }
  | { name: "archive" }
  | { name: "noticed" }
  | { name: "settings"; section?: string }
  | { name: "account"; id: string; tab?: AccountTab; person?: string }
  | { name: "brief"; id: string; meeting?: string }
  | { name: "review"; id: string };

/** The views with an address of their own and no parameters. */
const fixed = new Map<string, Route>([
  ["#/accounts", { name: "accounts" }],
  ["#/health", { name: "health" }],
  ["#/archive", { name: "archive" }],
  ["#/noticed", { name: "noticed" }],
  ["#/settings", { name: "settings" }],
]);

function isTab(value: string | null): value is AccountTab {
  return (accountTabs as readonly string[]).includes(value ?? "");
}

/** The value of `key` in a query string ("tab=goals&x=1"), decoded; null when absent or empty. */
function param(query: string | undefined, key: string): string | null {
  const value = new RegExp(`(?:^|&)${key}=([^&]*)`).exec(query ?? "")?.[1];
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

export function parse(hash: string): Route {
  const known = fixed.get(hash);
  if (known) return known;
  // One part of Settings, brought into view: "#/settings?section=import-export".
  const settings = /^#\/settings\?(.*)$/.exec(hash);
  if (settings) {
    const section = param(settings[1], "section");
    return section ? { name: "settings", section } : { name: "settings" };
  }
  const match = /^#\/accounts\/([^/?]+)(?:\?(.*))?$/.exec(hash);
  if (match?.[1]) {
    const tab = param(match[2], "tab");
    const id = decodeURIComponent(match[1]);
    // One person's page lives on the People tab.
    const person = param(match[2], "person");
    if (person) return { name: "account", id, tab: "people", person };
    return isTab(tab) ? { name: "account", id, tab } : { name: "account", id };
  }
  const review = /^#\/review\/([^/?]+)$/.exec(hash);
  if (review?.[1]) return { name: "review", id: decodeURIComponent(review[1]) };
  const brief = /^#\/brief\/([^/?]+)(?:\?(.*))?$/.exec(hash);
  if (brief?.[1]) {
    const meeting = param(brief[2], "meeting");
    const id = decodeURIComponent(brief[1]);
    return meeting ? { name: "brief", id, meeting } : { name: "brief", id };
  }
  return { name: "today" };
}

export const router = $state({ route: parse(window.location.hash) });

window.addEventListener("hashchange", () => {
  router.route = parse(window.location.hash);
});

export function href(route: Route): string {
  if (route.name === "today") return "#/";
  if (route.name === "brief") {
    const path = `#/brief/${encodeURIComponent(route.id)}`;
    return route.meeting ? `${path}?meeting=${encodeURIComponent(route.meeting)}` : path;
  }
  if (route.name === "review") return `#/review/${encodeURIComponent(route.id)}`;
  if (route.name === "settings" && route.section) return `#/settings?section=${encodeURIComponent(route.section)}`;
  if (route.name !== "account") return `#/${route.name}`;
  const path = `#/accounts/${encodeURIComponent(route.id)}`;
  if (route.person) return `${path}?tab=people&person=${encodeURIComponent(route.person)}`;
  return route.tab ? `${path}?tab=${route.tab}` : path;
}

/** Goes to `route`, as a link would. */
export function go(route: Route): void {
  window.location.hash = href(route);
}

/** Shows `route` without adding a step to the back button's history (switching tabs). */
export function replace(route: Route): void {
  history.replaceState(history.state, "", href(route));
  router.route = route;
}

/** The tab of the account page where a record of `kind` lives. */
export const tabOf: Record<RecordKind, AccountTab> = {
  account: "overview",
  contact: "people",
  culture_note: "culture",
  goal: "goals",
  promise: "promises",
  interaction: "history",
  request: "requests",
  issue: "requests",
  meeting: "meetings",
};
