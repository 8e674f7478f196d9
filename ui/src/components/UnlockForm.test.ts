import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { userEvent } from "vitest/browser";
import { render } from "vitest-browser-svelte";
import App from "../App.svelte";
import { dismissUnlockNote } from "../lib/lock.svelte";
import { dataVersion } from "../lib/refresh.svelte";
import { backupFile, backupList, suggestion } from "../test/fixtures";
import TodayView from "../views/TodayView.svelte";
import SettingsView from "../views/SettingsView.svelte";
import BackupsPanel from "./settings/BackupsPanel.svelte";

afterEach(() => {
  clearMocks();
  dismissUnlockNote();
  history.replaceState(history.state, "", "#/");
});

const DB = "/home/anna/.local/share/rapport/rapport.db";
const locked = {
  code: "locked",
  field: null,
  message: `${DB} is locked with a passphrase. Type it when Rapport asks (or set RAPPORT_PASSPHRASE for the command line); nothing was changed.`,
};
const wrong = {
  code: "wrong_passphrase",
  field: null,
  message: `That passphrase does not open ${DB}. Check it and try again; nothing was changed.`,
};
const notKept = {
  code: "conflict",
  field: null,
  message:
    "Rapport could not keep the passphrase in this computer's keyring (no keyring is available), so it will ask for it each time. The database is locked all the same.",
};

const kestrel = suggestion();

type Call = { command: string; args: Record<string, unknown> };

/**
 * A locked database: every command answers `locked` until `unlock` is given `right`; then Today
 * lists one check-in. `kept` is what `unlock` answers when asked to remember (null: kept).
 */
function lockedDatabase({ right = "correct horse", kept = null as unknown, slow = null as Promise<void> | null } = {}) {
  const calls: Call[] = [];
  let open = false;
  mockIPC(async (command, args) => {
    const given = (args ?? {}) as Record<string, unknown>;
    calls.push({ command, args: given });
    if (command === "unlock") {
      if (slow) await slow;
      if (given.passphrase !== right) throw wrong;
      open = true;
      if (given.remember && kept) throw kept;
      return null;
    }
    if (command === "backups") return backupList([]);
    if (!open) throw locked;
    if (command === "put_aside") return [];
    if (command === "today_page")
      return { budget: 8, suggestions: [kestrel], over_budget: [], more: [], more_count: 0, counts: [{ urgency: kestrel.urgency, count: 1 }] };
    throw new Error(`unexpected ${command}`);
  });
  return calls;
}

const unlocks = (calls: Call[]) => calls.filter((c) => c.command === "unlock").map((c) => c.args);

test("with a locked database, Today asks for the passphrase, and Unlock opens every view afresh", async () => {
  const calls = lockedDatabase();
  const screen = await render(App);

  const form = screen.getByRole("form", { name: "Rapport is locked" });
  await expect.element(form).toBeVisible();
  await expect.element(form).toHaveTextContent("The data on this computer is locked with your passphrase.");
  const field = form.getByLabelText("Passphrase");
  await expect.element(field).toHaveFocus();
  await expect.element(field).toHaveAttribute("type", "password");
  await expect.element(field).toHaveAttribute("autocomplete", "current-password");
  await expect.element(form.getByRole("checkbox", { name: "Remember on this computer" })).not.toBeChecked();
  // The core's sentence speaks of the command line; the form says what the user needs instead.
  await expect.element(screen.getByText("RAPPORT_PASSPHRASE", { exact: false })).not.toBeInTheDocument();
  await expect.element(screen.getByRole("button", { name: "Try again" })).not.toBeInTheDocument();
  expect(screen.getByRole("alert").elements()).toHaveLength(0);

  await userEvent.type(field, "correct horse");
  await form.getByRole("button", { name: "Unlock" }).click();

  await expect.element(screen.getByRole("article", { name: "Check-in: Kestrel Logistik GmbH — Annika Vogt" })).toBeVisible();
  await expect.element(screen.getByRole("form", { name: "Rapport is locked" })).not.toBeInTheDocument();
  expect(unlocks(calls)).toEqual([{ passphrase: "correct horse", remember: false }]);
  expect(calls.filter((c) => c.command === "today_page")).toHaveLength(2);
});

test("a wrong passphrase is said beside the field, the field is cleared, and nothing else changes", async () => {
  const calls = lockedDatabase();
  const before = dataVersion.n;
  const screen = await render(TodayView);
  const form = screen.getByRole("form", { name: "Rapport is locked" });
  const field = form.getByLabelText("Passphrase");

  await userEvent.type(field, "battery staple");
  await userEvent.keyboard("{Enter}");

  await expect.element(field).toHaveAccessibleDescription(wrong.message);
  await expect.element(field).toHaveAttribute("aria-invalid", "true");
  await expect.element(field).toHaveValue("");
  await expect.element(field).toHaveFocus();
  await expect.element(form.getByRole("button", { name: "Unlock" })).toBeEnabled();
  expect(unlocks(calls)).toEqual([{ passphrase: "battery staple", remember: false }]);
  expect(dataVersion.n).toBe(before);
  expect(calls.filter((c) => c.command === "today_page")).toHaveLength(1);
});

test("an empty passphrase is not sent", async () => {
  const calls = lockedDatabase();
  const screen = await render(TodayView);
  const form = screen.getByRole("form", { name: "Rapport is locked" });
  await form.getByRole("button", { name: "Unlock" }).click();
  await expect.element(form.getByLabelText("Passphrase")).toHaveAccessibleDescription("Type your passphrase.");
  expect(unlocks(calls)).toEqual([]);
});

test("Remember on this computer asks to keep the passphrase, and the button is busy while the database opens", async () => {
  let answer = () => {};
  const calls = lockedDatabase({ slow: new Promise<void>((resolve) => (answer = resolve)) });
  const before = dataVersion.n;
  const screen = await render(TodayView);
  const form = screen.getByRole("form", { name: "Rapport is locked" });

  await userEvent.type(form.getByLabelText("Passphrase"), "correct horse");
  await form.getByRole("checkbox", { name: "Remember on this computer" }).click();
  await form.getByRole("button", { name: "Unlock" }).click();

  await expect.element(form.getByRole("button", { name: "Unlocking…" })).toBeDisabled();
  expect(dataVersion.n).toBe(before);
  answer();
  await expect.poll(() => dataVersion.n).toBe(before + 1);
  expect(unlocks(calls)).toEqual([{ passphrase: "correct horse", remember: true }]);
});

test("when the passphrase cannot be kept on this computer, that is a note, and the views open all the same", async () => {
  lockedDatabase({ kept: notKept });
  const screen = await render(App);
  const form = screen.getByRole("form", { name: "Rapport is locked" });

  await userEvent.type(form.getByLabelText("Passphrase"), "correct horse");
  await form.getByRole("checkbox", { name: "Remember on this computer" }).click();
  await form.getByRole("button", { name: "Unlock" }).click();

  await expect.element(screen.getByRole("article", { name: "Check-in: Kestrel Logistik GmbH — Annika Vogt" })).toBeVisible();
  await expect.element(screen.getByText(`Unlocked. ${notKept.message}`)).toBeVisible();
  expect(screen.getByRole("alert").elements()).toHaveLength(0);

  await screen.getByRole("button", { name: "Dismiss this note" }).click();
  await expect.element(screen.getByText(notKept.message, { exact: false })).not.toBeInTheDocument();
});

test("Settings asks for the passphrase once, and keeps Backups below it", async () => {
  lockedDatabase();
  const screen = await render(SettingsView);
  await expect.element(screen.getByRole("form", { name: "Rapport is locked" })).toBeVisible();
  expect(screen.getByRole("form", { name: "Rapport is locked" }).elements()).toHaveLength(1);
  await expect.element(screen.getByRole("region", { name: "Backups" })).toBeVisible();
  expect(screen.getByRole("alert").elements()).toHaveLength(0);
});

test("a backup taken before locking or unlocking says so", async () => {
  mockIPC((command) => {
    if (command === "about") return { version: "0.1.0", data_format: 19, database: "/home/anna/.local/share/rapport/rapport.db", demo: false };
    if (command === "backups") return backupList([backupFile({ reason: "before_lock_change" })]);
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(BackupsPanel);
  await expect.element(screen.getByRole("row").nth(1)).toHaveTextContent("Before locking or unlocking");
});
