// The window holds at the sizes Rapport is used at: a small 900×600, the default 1240×820 and a
// wide 1920×1080. Each test opens the whole window (sidebar and all) at one size, with the app's
// own styles, and measures what a user would see: nothing cut, nothing overlapping, no label
// broken over two lines.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { page as browser } from "vitest/browser";
import { render } from "vitest-browser-svelte";
import App from "./App.svelte";
import "./styles/app.css";
import { account, accountReview, page, promise, request, summary } from "./test/fixtures";

afterEach(() => {
  clearMocks();
  history.replaceState(history.state, "", "#/");
});

const longName = "Kestrel Logistik und Spedition GmbH & Co. KG, Niederlassung Süddeutschland";

const kestrel = page({
  account: account({ name: longName, industry: "Contract logistics, warehousing and cross-docking" }),
  promises: [promise(), promise({ text: "Send the revised rates" })],
  requests: [request(30), request(40, { text: "Can you check the invoice?" })],
});

const accounts = [
  summary({ name: "Kestrel Logistik GmbH", timezone: "America/Argentina/Buenos_Aires", touch: "never", last_touch_at: null }),
  summary({ name: "Maison Vérité", industry: "Luxury goods and fashion retail", status: "prospect", touch: "well_past" }),
  summary({ name: "Fjordlys Shipping AS", tier: "strategic", timezone: "Europe/Oslo", touch: "past" }),
];

function serving(accountPage = kestrel) {
  mockIPC((command) => {
    if (command === "about") return { version: "0.1.0", data_format: 19, database: "/home/anna/.local/share/rapport/rapport.db", demo: false };
    if (command === "today_page") return { budget: 8, suggestions: [], over_budget: [], more: [], more_count: 0, counts: [] };
    if (command === "put_aside") return [];
    if (command === "account_page") return accountPage;
    if (command === "list_accounts") return accounts;
    if (command === "health_review") return { reviewed_at: null, accounts: [accountReview(), accountReview({ account: "Osprey Bank", account_id: "osprey" })] };
    throw new Error(`unexpected ${command}`);
  });
}

/** Opens the window at `width`×`height` on `hash`, once what `ready` names is shown. */
async function open(width: number, height: number, hash: string, ready: string, accountPage = kestrel) {
  await browser.viewport(width, height);
  serving(accountPage);
  const screen = await render(App);
  window.location.hash = hash;
  await expect.element(screen.getByRole("heading", { level: 1, name: ready })).toBeVisible();
  return screen;
}

const box = (element: Element) => element.getBoundingClientRect();

test("at 900×600 the account's name, its facts and its buttons take under 140 px, each on one line", async () => {
  const screen = await open(900, 600, "#/accounts/account-1", longName);
  const name = screen.getByRole("heading", { level: 1 }).element();
  const header = name.closest("header")!;

  expect(box(header).height).toBeLessThan(140);
  // The name is cut short on one line, and the whole of it shows on hover.
  expect(box(name).height).toBeLessThan(2 * parseFloat(getComputedStyle(name).fontSize));
  expect(name.getAttribute("title")).toBe(longName);
  const facts = header.querySelector("p")!;
  expect(box(facts).height).toBeLessThan(2 * parseFloat(getComputedStyle(facts).lineHeight));

  // No label broken in two: every button is as tall as a one-line one.
  const oneLine = box(screen.getByRole("link", { name: "Brief" }).element()).height;
  for (const label of ["Archive account", "Brief", "Edit account", "Log interaction"]) {
    const action = [...header.querySelectorAll("a, button")].find((element) => element.textContent?.includes(label));
    expect(action, label).toBeTruthy();
    expect(box(action!).height, label).toBeLessThanOrEqual(oneLine);
    expect(box(action!).right, label).toBeLessThanOrEqual(box(header).right);
  }
});

test("at the default 1240×820 a name that fits beside the buttons keeps them on its row", async () => {
  const screen = await open(1240, 820, "#/accounts/account-1", "Kestrel Logistik GmbH", page({ account: account() }));
  const name = screen.getByRole("heading", { level: 1 }).element();
  const log = screen.getByRole("button", { name: "Log interaction" }).element();
  expect(box(log).top).toBeLessThan(box(name).bottom);
  expect(name.scrollWidth).toBeLessThanOrEqual(name.clientWidth);
});

test("at the default 1240×820 the account's tabs are one row, counts and all, with none hidden", async () => {
  const screen = await open(1240, 820, "#/accounts/account-1", longName);
  const tabs = screen.getByRole("tab").elements();
  await expect.element(screen.getByRole("tab", { name: "Promises" })).toHaveTextContent("2");
  expect(tabs).toHaveLength(9);
  expect(new Set(tabs.map((tab) => box(tab).top)).size).toBe(1);
  const strip = screen.getByRole("tablist").element();
  for (const tab of tabs) expect(box(tab).right, tab.textContent ?? "").toBeLessThanOrEqual(box(strip).right);
});

test("at 900×600 the tabs stay one row that scrolls, and the open tab is brought into sight", async () => {
  const screen = await open(900, 600, "#/accounts/account-1?tab=meetings", longName);
  const tabs = screen.getByRole("tab").elements();
  expect(new Set(tabs.map((tab) => box(tab).top)).size).toBe(1);
  const strip = screen.getByRole("tablist").element();
  const meetings = screen.getByRole("tab", { name: "Meetings" }).element();
  await expect.element(meetings).toHaveAttribute("aria-selected", "true");
  await expect.poll(() => box(meetings).right).toBeLessThanOrEqual(box(strip).right + 0.5);
  expect(box(meetings).left).toBeGreaterThanOrEqual(box(strip).left);
  // The strip takes no more height for a scroll bar than a row of tabs needs.
  expect(box(strip).height).toBeLessThanOrEqual(box(meetings).height + 1);
});

for (const [width, height] of [
  [900, 600],
  [1240, 820],
  [1920, 1080],
] as const) {
  test(`at ${width}×${height} every account in the list stays inside its card`, async () => {
    const screen = await open(width, height, "#/accounts", "Accounts");
    await expect.element(screen.getByRole("link", { name: "Maison Vérité" })).toBeVisible();
    const card = screen.getByRole("table").element().closest(".card")!;
    const rows = screen.getByRole("row").elements();
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(box(row).right, row.textContent ?? "").toBeLessThanOrEqual(box(card).right);
    // What matters most is always there, to read and to sort by: the name, the tier and the last touch.
    for (const column of ["Account", "Tier", "Last touch"]) {
      await expect.element(screen.getByRole("table").getByRole("button", { name: column })).toBeVisible();
    }
  });
}

test("at 1920×1080 Health keeps one column: Mark reviewed lines up with the list below it", async () => {
  const screen = await open(1920, 1080, "#/health", "Relationship health");
  const mark = screen.getByRole("button", { name: "Mark reviewed" }).element();
  const list = screen.getByRole("list", { name: "Accounts, riskiest first" }).element();
  await expect.element(mark).toBeVisible();
  expect(Math.abs(box(mark).right - box(list).right)).toBeLessThanOrEqual(1);
  // Not stretched across the whole window either.
  expect(box(list).width).toBeLessThan(1200);
});

test("in the search box the shortcut and the × to clear it never overlap, and typed words never run under either", async () => {
  const screen = await open(1240, 820, "#/accounts", "Accounts");
  mockIPC((command) => {
    if (command === "about") return { version: "0.1.0", data_format: 19, database: "/home/anna/.local/share/rapport/rapport.db", demo: false };
    if (command === "search") return { query: "", groups: [] };
    throw new Error(`unexpected ${command}`);
  });
  const input = screen.getByLabelText("Search everything");
  const shortcut = screen.getByText("Ctrl K");
  await expect.element(shortcut).toBeVisible();
  const padding = (element: Element) => parseFloat(getComputedStyle(element).paddingRight);
  expect(box(input.element()).right - padding(input.element())).toBeLessThanOrEqual(box(shortcut.element()).left);

  await input.fill("a long search for the pilot plan");
  const clear = screen.getByRole("button", { name: "Clear search" });
  await expect.element(clear).toBeVisible();
  await expect.element(shortcut).not.toBeInTheDocument();
  expect(box(input.element()).right - padding(input.element())).toBeLessThanOrEqual(box(clear.element()).left);
  expect(box(clear.element()).right).toBeLessThanOrEqual(box(input.element()).right);
});
