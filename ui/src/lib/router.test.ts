import { expect, test } from "vitest";
import { href, parse } from "./router.svelte";

test("an account's address can name one of its tabs, and reads back the same", () => {
  const route = { name: "account", id: "a b/c", tab: "goals" } as const;
  expect(href(route)).toBe("#/accounts/a%20b%2Fc?tab=goals");
  expect(parse(href(route))).toEqual(route);
  expect(parse("#/accounts/xyz")).toEqual({ name: "account", id: "xyz" });
});

test("an unknown tab opens the account on its default tab, and the archive has its own address", () => {
  expect(parse("#/accounts/xyz?tab=nonsense")).toEqual({ name: "account", id: "xyz" });
  expect(parse("#/archive")).toEqual({ name: "archive" });
});

test("Today is the home; the accounts list and the settings have their own addresses", () => {
  expect(parse("")).toEqual({ name: "today" });
  expect(parse("#/")).toEqual({ name: "today" });
  expect(parse("#/nowhere")).toEqual({ name: "today" });
  expect(href({ name: "today" })).toBe("#/");
  expect(href({ name: "accounts" })).toBe("#/accounts");
  expect(parse("#/accounts")).toEqual({ name: "accounts" });
  expect(href({ name: "settings" })).toBe("#/settings");
  expect(parse("#/settings")).toEqual({ name: "settings" });
});

test("a brief's address names the account and, optionally, the meeting, and reads back the same", () => {
  const forMeeting = { name: "brief", id: "a b/c", meeting: "m 1&2" } as const;
  expect(href(forMeeting)).toBe("#/brief/a%20b%2Fc?meeting=m%201%262");
  expect(parse(href(forMeeting))).toEqual(forMeeting);
  expect(href({ name: "brief", id: "xyz" })).toBe("#/brief/xyz");
  expect(parse("#/brief/xyz")).toEqual({ name: "brief", id: "xyz" });
  expect(parse("#/brief/xyz?meeting=")).toEqual({ name: "brief", id: "xyz" });
  expect(parse("#/brief/")).toEqual({ name: "today" });
});

test("the health review has its own address, and an account can open on its health tab", () => {
  expect(href({ name: "health" })).toBe("#/health");
  expect(parse("#/health")).toEqual({ name: "health" });
  expect(parse("#/accounts/xyz?tab=health")).toEqual({ name: "account", id: "xyz", tab: "health" });
  expect(href({ name: "account", id: "xyz", tab: "health" })).toBe("#/accounts/xyz?tab=health");
});

test("a person has an address of their own, on their account's People tab, and reads back the same", () => {
  const route = { name: "account", id: "acc 1", tab: "people", person: "p/2" } as const;
  expect(href(route)).toBe("#/accounts/acc%201?tab=people&person=p%2F2");
  expect(parse(href(route))).toEqual(route);
  expect(parse("#/accounts/a?person=p1")).toEqual({ name: "account", id: "a", tab: "people", person: "p1" });
});

test("a link may ask for one part of Settings, and the address keeps it", () => {
  expect(parse("#/settings?section=import-export")).toEqual({ name: "settings", section: "import-export" });
  expect(href({ name: "settings", section: "import-export" })).toBe("#/settings?section=import-export");
  expect(parse("#/settings")).toEqual({ name: "settings" });
  expect(parse("#/settings?section=")).toEqual({ name: "settings" });
});
