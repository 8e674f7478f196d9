// Where the user is: the accounts list, one account (on one of its tabs), or the archive. Kept
// in the URL hash so the back button and reloads work.
import type { RecordKind } from "../bindings";

export const accountTabs = ["overview", "people", "culture", "goals", "promises", "history", "requests", "meetings"] as const;

export type AccountTab = (typeof accountTabs)[number];

export type Route = { name: "accounts" } | { name: "archive" } | { name: "account"; id: string; tab?: AccountTab };

function isTab(value: string | null): value is AccountTab {
  return (accountTabs as readonly string[]).includes(value ?? "");
}

export function parse(hash: string): Route {
  if (hash === "#/archive") return { name: "archive" };
  const match = /^#\/accounts\/([^/?]+)(?:\?(.*))?$/.exec(hash);
  if (match?.[1]) {
    const tab = /(?:^|&)tab=([^&]*)/.exec(match[2] ?? "")?.[1] ?? null;
    return isTab(tab) ? { name: "account", id: decodeURIComponent(match[1]), tab } : { name: "account", id: decodeURIComponent(match[1]) };
  }
  return { name: "accounts" };
}

export const router = $state({ route: parse(window.location.hash) });

window.addEventListener("hashchange", () => {
  router.route = parse(window.location.hash);
});

export function href(route: Route): string {
  if (route.name === "archive") return "#/archive";
  if (route.name === "accounts") return "#/";
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
