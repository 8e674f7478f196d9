import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import App from "./App.svelte";
import {
  accountReview,
  backupFile,
  backupList,
  briefOutline,
  checkinSettings,
  exchangeReport,
  healthWeights,
  importSource,
  plannedRecord,
  summary,
} from "./test/fixtures";

afterEach(() => {
  clearMocks();
  history.replaceState(history.state, "", "#/");
});

test("Rapport opens on Today; Accounts, Noticed, Health, Archive and Settings are one click away", async () => {
  history.replaceState(history.state, "", "#/");
  mockIPC((command) => {
    if (command === "about") return { version: "0.1.0", data_format: 19, database: "/home/anna/.local/share/rapport/rapport.db", demo: false };
    if (command === "today_page") return { budget: 8, suggestions: [], over_budget: [], more: [], more_count: 0, counts: [] };
    if (command === "put_aside") return [];
    if (command === "list_accounts") return [summary({ name: "Kestrel Logistik GmbH" })];
    if (command === "health_review") return { reviewed_at: null, accounts: [accountReview()] };
    if (command === "noticed_waiting") return 3;
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(App);
  const nav = screen.getByRole("navigation", { name: "Main" });
  await expect.element(screen.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  // What Rapport noticed says how many wait.
  await expect.element(nav.getByRole("link", { name: "Noticed 3 waiting" })).toBeVisible();
  expect(nav.getByRole("link").elements().map((a) => a.textContent?.replace(/\s+/g, " ").trim())).toEqual([
    "Today",
    "Accounts",
    "Noticed 3",
    "Health",
    "Archive",
    "Settings",
  ]);
  await expect.element(nav.getByRole("link", { name: "Today" })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: "Accounts" }).click();
  await expect.element(screen.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  expect(window.location.hash).toBe("#/accounts");
  await expect.element(nav.getByRole("link", { name: "Accounts" })).toHaveAttribute("aria-current", "page");
  await expect.element(screen.getByRole("link", { name: "Kestrel Logistik GmbH" })).toBeVisible();

  await nav.getByRole("link", { name: "Health" }).click();
  await expect.element(screen.getByRole("heading", { level: 1, name: "Relationship health" })).toBeVisible();
  expect(window.location.hash).toBe("#/health");
  await expect.element(nav.getByRole("link", { name: "Health" })).toHaveAttribute("aria-current", "page");
  await expect.element(screen.getByRole("link", { name: "Kestrel Logistik GmbH" })).toHaveAttribute("href", "#/accounts/account-1?tab=health");
});

test("a brief has its own address, and Accounts stays marked as where the user is", async () => {
  mockIPC((command, args) => {
    if (command === "about") return { version: "0.1.0", data_format: 19, database: "/home/anna/.local/share/rapport/rapport.db", demo: false };
    if (command === "noticed_waiting") return 0;
    if (command === "brief") {
      expect(args).toEqual({ accountId: "account-1", meetingId: "meeting-qbr" });
      return briefOutline({ title: "Brief: Kestrel Logistik GmbH — Quarterly business review" });
    }
    if (command === "today_page") return { budget: 8, suggestions: [], over_budget: [], more: [], more_count: 0, counts: [] };
    if (command === "put_aside") return [];
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(App);
  window.location.hash = "#/brief/account-1?meeting=meeting-qbr";
  await expect.element(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Brief: Kestrel Logistik GmbH — Quarterly business review");
  await expect.element(screen.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" })).toHaveAttribute("aria-current", "location");
});

test("with a damaged database, Today leads to the backups, and a restore brings every view back", async () => {
  history.replaceState(history.state, "", "#/");
  const damaged = {
    code: "damaged",
    field: null,
    message: "Rapport found its database damaged and has not changed it. The newest backup is from 23 Nov 2026, 03:00. Restore it from Settings, under Backups.",
  };
  const newest = backupFile({ reason: "scheduled" });
  const safety = "/home/anna/.local/share/rapport/backups/rapport-2026-11-23-before_restore.db";
  let restored = false;
  mockIPC((command, args) => {
    if (command === "about") return { version: "0.1.0", data_format: 19, database: "/home/anna/.local/share/rapport/rapport.db", demo: false };
    if (command === "noticed_waiting") return 0;
    if (command === "backups") return backupList([newest]);
    if (command === "restore_backup") {
      restored = true;
      return { from: (args as { path: string }).path, safety_copy: safety };
    }
    if (!restored) throw damaged;
    if (command === "checkin_settings") return checkinSettings();
    if (command === "health_weights") return healthWeights();
    if (command === "list_accounts") return [];
    if (command === "feed_settings") return { path: null };
    if (command === "mail_kept_current" || command === "calendars_kept_current") return [];
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(App);
  await expect.element(screen.getByRole("alert")).toHaveTextContent(damaged.message);
  await screen.getByRole("link", { name: "Open Backups" }).click();

  await expect.element(screen.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  expect(window.location.hash).toBe("#/settings");
  const backups = screen.getByRole("region", { name: "Backups" });
  const row = backups.getByRole("row").filter({ hasText: "Daily" });
  await row.getByRole("button", { name: "Restore" }).click();
  await row.getByRole("button", { name: "Yes" }).click();

  // The refresh shows Settings afresh: the sentence is still there, and the settings now load.
  await expect
    .element(screen.getByRole("region", { name: "Backups" }).getByRole("status").first())
    .toHaveTextContent(`Restored from ${newest.path}. Your data as it was is kept in ${safety}.`);
  await expect.element(screen.getByRole("form", { name: "Check-ins and health" })).toBeVisible();
  expect(screen.getByRole("alert").elements()).toHaveLength(0);
});

test("an import from Settings shows every view afresh, and its sentence stays on the new Settings", async () => {
  history.replaceState(history.state, "", "#/settings");
  let accounts = [summary({ name: "Kestrel Logistik GmbH" })];
  mockIPC((command) => {
    if (command === "about") return { version: "0.1.0", data_format: 19, database: "/home/anna/.local/share/rapport/rapport.db", demo: false };
    if (command === "noticed_waiting") return 0;
    if (command === "checkin_settings") return checkinSettings();
    if (command === "health_weights") return healthWeights();
    if (command === "backups") return backupList();
    if (command === "feed_settings") return { path: null };
    if (command === "mail_kept_current" || command === "calendars_kept_current") return [];
    if (command === "list_accounts") return accounts;
    if (command === "inspect_import") return importSource();
    if (command === "preview_import") return exchangeReport({ records: [plannedRecord({ account: "Halden Foods" })], created: 2 });
    if (command === "import_file") {
      accounts = [...accounts, summary({ name: "Halden Foods" })];
      return exchangeReport({ records: [plannedRecord({ account: "Halden Foods" })], created: 2, dry_run: false });
    }
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(App);
  const exchange = () => screen.getByRole("region", { name: "Import and export" });
  await exchange().getByRole("button", { name: "Import contacts, companies or a calendar…" }).click();
  await exchange().getByRole("button", { name: "Preview" }).click();
  await exchange().getByRole("button", { name: "Import", exact: true }).click();

  await expect.element(exchange().getByRole("status").first()).toHaveTextContent("Imported people.csv: 2 added.");
  await expect.element(exchange().getByLabelText("From")).toHaveTextContent("Halden Foods");
  expect(screen.getByRole("alert").elements()).toHaveLength(0);
});
