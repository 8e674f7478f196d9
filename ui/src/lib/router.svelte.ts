// Where the user is: the accounts list or one account. Kept in the URL hash so the back
// button and reloads work.

export type Route = { name: "accounts" } | { name: "account"; id: string };

function parse(hash: string): Route {
  const match = /^#\/accounts\/([^/]+)$/.exec(hash);
  if (match?.[1]) return { name: "account", id: decodeURIComponent(match[1]) };
  return { name: "accounts" };
}

export const router = $state({ route: parse(window.location.hash) });

window.addEventListener("hashchange", () => {
  router.route = parse(window.location.hash);
});

export function href(route: Route): string {
  return route.name === "account" ? `#/accounts/${encodeURIComponent(route.id)}` : "#/";
}
