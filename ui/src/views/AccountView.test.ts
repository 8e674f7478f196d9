import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { userEvent } from "vitest/browser";
import { render } from "vitest-browser-svelte";
import type { AccountPage } from "../bindings";
import { account, accountHealth, contact, entry, goal, meeting, page, promise, trustLedger } from "../test/fixtures";
import AccountView from "./AccountView.svelte";

afterEach(() => {
  clearMocks();
  history.replaceState(history.state, "", "#/");
});

const annika = contact({ name: "Dr. Annika Vogt" });

function serving(data: AccountPage) {
  const calls: string[] = [];
  mockIPC((command) => {
    calls.push(command);
    if (command === "account_page") return data;
    if (command === "account_health") return accountHealth();
    if (command === "trust") return trustLedger();
    if (command === "stakeholders") return { account: "Kestrel Logistik GmbH", account_id: "account-1", people: [], gaps: [] };
    if (command === "capture") return { interaction: {}, promises: [], request: null, goal: null };
    throw new Error(`unexpected ${command}`);
  });
  return calls;
}

const kestrel = page({
  account: account({ name: "Kestrel Logistik GmbH" }),
  contacts: [annika],
  goals: [goal({ title: "Cut cross-dock time" })],
  promises: [promise({ text: "Send the plan" })],
  timeline: [entry({ text: "Walked Annika through the pilot", contact_ids: [annika.id] })],
});

test("the account opens on its overview, with the people and the history the desktop tests look for", async () => {
  serving(kestrel);
  const screen = await render(AccountView, { accountId: "account-1" });
  await expect.element(screen.getByRole("heading", { level: 1, name: "Kestrel Logistik GmbH" })).toBeVisible();
  await expect.element(screen.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
  await expect.element(screen.getByRole("tree")).toHaveTextContent("Dr. Annika Vogt");
  await expect.element(screen.getByRole("list", { name: "History" })).toHaveTextContent("With Dr. Annika Vogt");
  await expect.element(screen.getByRole("tab", { name: "Promises" })).toHaveTextContent("1");
  await expect.element(screen.getByRole("link", { name: "← Accounts" })).toHaveAttribute("href", "#/accounts");
});

test("tabs switch the profile, by click or arrow key, and the address remembers the tab", async () => {
  serving(kestrel);
  const screen = await render(AccountView, { accountId: "account-1" });
  await screen.getByRole("tab", { name: "Goals" }).click();
  await expect.element(screen.getByRole("tabpanel")).toHaveTextContent("Cut cross-dock time");
  expect(window.location.hash).toBe("#/accounts/account-1?tab=goals");
  await userEvent.keyboard("{ArrowRight}");
  await expect.element(screen.getByRole("tab", { name: "Promises" })).toHaveAttribute("aria-selected", "true");
  await expect.element(screen.getByRole("tab", { name: "Promises" })).toHaveFocus();
  await expect.element(screen.getByRole("region", { name: "We promised" })).toHaveTextContent("Send the plan");
});

test("an address naming a tab opens the account on it", async () => {
  serving(kestrel);
  const screen = await render(AccountView, { accountId: "account-1", tab: "history" });
  await expect.element(screen.getByRole("tab", { name: "History" })).toHaveAttribute("aria-selected", "true");
  await expect.element(screen.getByRole("button", { name: "Edit", exact: true })).toBeVisible();
});

test("the Health tab scores the account, and scores it again when something is saved on the page", async () => {
  const calls = serving(kestrel);
  const screen = await render(AccountView, { accountId: "account-1", tab: "health" });
  await expect.element(screen.getByRole("tab", { name: "Health" })).toHaveAttribute("aria-selected", "true");
  await expect.element(screen.getByRole("tabpanel").getByRole("region", { name: "Advisor ladder" })).toHaveTextContent("Reliable partner");
  await userEvent.keyboard("l");
  await userEvent.keyboard("Quick call");
  await screen.getByRole("button", { name: "Save to history" }).click();
  await expect.element(screen.getByRole("form", { name: "Log an interaction" })).not.toBeInTheDocument();
  await expect.element(screen.getByRole("region", { name: "Advisor ladder" })).toBeVisible();
  await expect.element(screen.getByRole("region", { name: "Trust" })).toHaveTextContent("Next: Tell Ana today when the plan will come.");
  expect(calls.filter((c) => c !== "trust")).toEqual(["account_page", "account_health", "capture", "account_page", "account_health"]);
});

test("L opens quick capture; saving reloads the page; Escape closes it", async () => {
  const calls = serving(kestrel);
  const screen = await render(AccountView, { accountId: "account-1" });
  await expect.element(screen.getByRole("heading", { level: 1 })).toBeVisible();
  await userEvent.keyboard("l");
  await expect.element(screen.getByRole("form", { name: "Log an interaction" })).toBeVisible();
  await expect.element(screen.getByLabelText("What was it about?")).toHaveFocus();
  await userEvent.keyboard("Quick call");
  await screen.getByRole("checkbox", { name: "Dr. Annika Vogt" }).click();
  await screen.getByRole("button", { name: "Save to history" }).click();
  await expect.element(screen.getByRole("form", { name: "Log an interaction" })).not.toBeInTheDocument();
  expect(calls).toEqual(["account_page", "capture", "account_page"]);

  await screen.getByRole("button", { name: "Log interaction" }).click();
  await userEvent.keyboard("{Escape}");
  await expect.element(screen.getByRole("form", { name: "Log an interaction" })).not.toBeInTheDocument();
});

test("an account that cannot be loaded says why", async () => {
  mockIPC(() => {
    throw { code: "not_found", field: null, message: "That account is not in this database. Go back to Accounts and choose another." };
  });
  const screen = await render(AccountView, { accountId: "gone" });
  await expect.element(screen.getByRole("alert")).toHaveTextContent("Go back to Accounts");
});

test("Brief opens the account's brief, and the core picks the meeting it prepares, as the CLI's brief does", async () => {
  const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();
  const next = meeting({ id: "next", starts_at: hours(20), ends_at: hours(21) });
  serving({ ...kestrel, meetings: [next] });
  const screen = await render(AccountView, { accountId: "account-1" });
  const link = screen.getByRole("link", { name: "Brief", exact: true });
  await expect.element(link).toHaveAttribute("href", "#/brief/account-1");
  expect(link.element().getAttribute("title")).toContain("for the next meeting when one is within a week");
});
