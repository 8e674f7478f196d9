// Settings typed and not saved are never dropped on the way to another page: going elsewhere by
// the sidebar, a search result or the back button, and coming back, shows them as they were.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import App from "./App.svelte";
import { forgetUnsaved } from "./components/settings/unsaved.svelte";
import { backupList, checkinSettings, healthWeights, page, searchHit, summary } from "./test/fixtures";

afterEach(() => {
  clearMocks();
  forgetUnsaved();
  history.replaceState(history.state, "", "#/");
});

function serving() {
  const saved: unknown[] = [];
  mockIPC((command, args) => {
    if (command === "about") return { version: "0.1.0", data_format: 19, database: "/home/anna/.local/share/rapport/rapport.db", demo: false };
    if (command === "checkin_settings") return checkinSettings({ request_answer_hours: 8 });
    if (command === "health_weights") return healthWeights();
    if (command === "backups") return backupList();
    if (command === "feed_settings") return { path: null };
    if (command === "mail_kept_current" || command === "calendars_kept_current") return [];
    if (command === "list_accounts") return [summary({ name: "Kestrel Logistik GmbH" })];
    if (command === "today_page") return { budget: 8, suggestions: [], over_budget: [], more: [], more_count: 0, counts: [] };
    if (command === "put_aside") return [];
    if (command === "search") return { query: "pilot", groups: [{ kind: "account", hits: [searchHit("", "Kestrel", " Logistik GmbH", { kind: "account" })] }] };
    if (command === "account_page") return page();
    if (command.startsWith("save_")) {
      saved.push(args);
      return null;
    }
    throw new Error(`unexpected ${command}`);
  });
  return saved;
}

test("edits not saved in Settings are there again after going to Today by the sidebar and coming back with the back button", async () => {
  const saved = serving();
  const screen = await render(App);
  const nav = screen.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Settings" }).click();
  await screen.getByLabelText("Answer within (hours)").fill("12");
  await screen.getByLabelText("Reliability").fill("40");

  await nav.getByRole("link", { name: "Today" }).click();
  await expect.element(screen.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  history.back();
  await expect.element(screen.getByLabelText("Answer within (hours)")).toHaveValue(12);
  await expect.element(screen.getByLabelText("Reliability")).toHaveValue(40);
  await expect.element(screen.getByText("Unsaved changes — Save or Discard.")).toBeVisible();

  // A search result is one more way out.
  await screen.getByLabelText("Search everything").fill("pilot");
  await screen.getByRole("region", { name: "Search results" }).getByRole("link").first().click();
  await expect.element(screen.getByRole("heading", { level: 1, name: "Kestrel Logistik GmbH" })).toBeVisible();
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect.element(screen.getByLabelText("Answer within (hours)")).toHaveValue(12);
  expect(saved).toEqual([]);
});
