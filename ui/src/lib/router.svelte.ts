// Where the user is: Today (the home), the accounts list, one account (on one of its tabs), the
// archive, or the settings. Kept in the URL hash so the back button and reloads work.
import type { RecordKind } from "../bindings";

export const accountTabs = ["overview", "people", "culture", "goals", "promises", "history", "requests", "meetings"] as const;

export type AccountTab = (typeof accountTabs)[number];

export type Route =
  | { name: "today" }
  | { name: "accounts" }
  | { name: "archive" }
  | { name: "settings" }
  | { name: "account"; id: string; tab?: AccountTab };

/** The views with an address of their own and no parameters. */
const fixed = new Map<string, Route>([
  ["#/accounts", { name: "accounts" }],
  ["#/archive", { name: "archive" }],
  ["#/settings", { name: "settings" }],
]);

function isTab(value: string | null): value is AccountTab {
  return (accountTabs as readonly string[]).includes(value ?? "");
}

export function parse(hash: string): Route {
  const known = fixed.get(hash);
  if (known) return known;
  const match = /^#\/accounts\/([^/?]+)(?:\?(.*))?$/.exec(hash);
  if (match?.[1]) {
    const tab = /(?:^|&)tab=([^&]*)/.exec(match[2] ?? "")?.[1] ?? null;
    return isTab(tab) ? { name: "account", id: decodeURIComponent(match[1]), tab } : { name: "account", id: decodeURIComponent(match[1]) };
  }
  return { name: "today" };
}

export const router = $state({ route: parse(window.location.hash) });

window.addEventListener("hashchange", () => {
  router.route = parse(window.location.hash);
});

export function href(route: Route): string {
  if (route.name === "today") return "#/";
  if (route.name !== "account") return `#/${route.name}`;
  const path = `#/accounts/${encodeURIComponent(route.id)}`;
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
