import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import type { Locator } from "vitest/browser";
import { render } from "vitest-browser-svelte";
import type { BackupFile, BackupPolicy } from "../../bindings";
import { when } from "../../lib/format";
import { dataVersion } from "../../lib/refresh.svelte";
import { BACKUP_FOLDER, backupFile, backupList } from "../../test/fixtures";
import BackupsPanel from "./BackupsPanel.svelte";
import { forgetUnsaved } from "./unsaved.svelte";

afterEach(() => {
  clearMocks();
  // As closing Rapport does: what one test typed and did not save is not there in the next.
  forgetUnsaved();
});

type Call = { command: string; args: Record<string, unknown> };

const daily = backupFile({ taken_at: "2026-11-23T03:00:00Z", reason: "scheduled", bytes: 655_360 });
const manual = backupFile({ taken_at: "2026-11-22T16:30:00Z", reason: "manual", bytes: 4_404_019 });
const update = backupFile({ taken_at: "2026-11-20T09:00:00Z", reason: "before_migration", bytes: 4_300_000 });
const imported = backupFile({ taken_at: "2026-11-18T11:00:00Z", reason: "before_import", bytes: null });
const restored = backupFile({ taken_at: "2026-11-02T08:00:00Z", reason: "before_restore", bytes: 1_288_490_189 });

/** Answers the backup commands: `answers` take precedence; every call is kept. */
function serving(files: BackupFile[], answers: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  const calls: Call[] = [];
  mockIPC((command, args) => {
    const given = (args ?? {}) as Record<string, unknown>;
    calls.push({ command, args: given });
    const answer = answers[command];
    if (answer) return answer(given);
    if (command === "backups") return backupList(files);
    throw new Error(`unexpected ${command}`);
  });
  return calls;
}

/** The panel's own status line, above the list (the Keep form below has its own). */
const said = (screen: { getByRole: (role: "status") => Locator }) => screen.getByRole("status").first();

const called = (calls: Call[], command: string) => calls.filter((c) => c.command === command).map((c) => c.args);

test("the backups are listed newest first, with when, why and how big each one is", async () => {
  serving([daily, manual, update, imported, restored]);
  const screen = await render(BackupsPanel);
  await expect.element(screen.getByRole("heading", { name: "Backups" })).toBeVisible();
  await expect
    .element(screen.getByText(`Rapport keeps copies of your data in ${BACKUP_FOLDER}.`, { exact: false }))
    .toHaveTextContent("It takes one every day, and before every update, import and restore.");

  const rows = screen.getByRole("row");
  await expect.element(rows.nth(1)).toHaveTextContent(when(daily.taken_at));
  expect(rows.elements().map((row) => [...row.children].slice(1, 3).map((cell) => cell.textContent?.trim()))).toEqual([
    ["Why", "Size"],
    ["Daily", "640 KB"],
    ["By hand", "4.2 MB"],
    ["Before an update", "4.1 MB"],
    ["Before an import", "—"],
    ["Before a restore", "1.2 GB"],
  ]);
  expect(screen.getByRole("button", { name: "Restore", exact: true }).elements()).toHaveLength(5);
});

test("with no backups yet, the panel says the first one comes today", async () => {
  serving([]);
  const screen = await render(BackupsPanel);
  await expect.element(screen.getByText("No backups yet. Rapport takes the first one today.")).toBeVisible();
  expect(screen.getByRole("table").elements()).toHaveLength(0);
});

test("Back up now says where the copy went, and the list shows it", async () => {
  const fresh = backupFile({ taken_at: "2026-11-23T10:00:00Z", reason: "manual", bytes: 700_000 });
  let taken = false;
  const calls = serving([daily], {
    back_up_now: () => {
      taken = true;
      return fresh;
    },
    backups: () => backupList(taken ? [fresh, daily] : [daily]),
  });
  const screen = await render(BackupsPanel);
  await expect.element(screen.getByRole("cell", { name: "Daily", exact: true })).toBeVisible();
  await screen.getByRole("button", { name: "Back up now" }).click();
  await expect.element(said(screen)).toHaveTextContent(`Backed up to ${fresh.path}.`);
  await expect.element(screen.getByRole("row").filter({ hasText: "By hand" })).toHaveTextContent(when(fresh.taken_at));
  expect(called(calls, "back_up_now")).toHaveLength(1);
});

test("Restore asks first, then replaces the data, says where the old data is kept, and refreshes every view", async () => {
  const safety = `${BACKUP_FOLDER}/rapport-2026-11-23-before_restore.db`;
  const calls = serving([daily, imported], {
    restore_backup: ({ path }) => ({ from: path, safety_copy: safety }),
  });
  const before = dataVersion.n;
  const screen = await render(BackupsPanel);
  const row = screen.getByRole("row").filter({ hasText: "Before an import" });
  await row.getByRole("button", { name: "Restore" }).click();

  await expect.element(row).toHaveTextContent("Replace my data with this copy?");
  await expect.element(row.getByRole("button", { name: "Cancel" })).toHaveFocus();
  expect(called(calls, "restore_backup")).toEqual([]);
  await row.getByRole("button", { name: "Yes" }).click();

  await expect
    .element(said(screen))
    .toHaveTextContent(`Restored from ${imported.path}. Your data as it was is kept in ${safety}.`);
  expect(called(calls, "restore_backup")).toEqual([{ path: imported.path }]);
  expect(dataVersion.n).toBe(before + 1);
  expect(called(calls, "backups")).toHaveLength(2);
  await expect.element(screen.getByText("Replace my data with this copy?")).not.toBeInTheDocument();
});

test("cancelling the confirmation restores nothing", async () => {
  const calls = serving([daily, manual]);
  const before = dataVersion.n;
  const screen = await render(BackupsPanel);
  const row = screen.getByRole("row").filter({ hasText: "By hand" });
  await row.getByRole("button", { name: "Restore" }).click();
  await row.getByRole("button", { name: "Cancel" }).click();
  await expect.element(row.getByRole("button", { name: "Restore" })).toHaveFocus();
  await expect.element(screen.getByText("Replace my data with this copy?")).not.toBeInTheDocument();
  expect(called(calls, "restore_backup")).toEqual([]);
  expect(dataVersion.n).toBe(before);
  await expect.element(said(screen)).toHaveTextContent("");
});

test("a file that is not a whole Rapport database is refused with its sentence, and nothing else changes", async () => {
  const refusal = "That file is not a complete Rapport database, so nothing was changed. Choose another backup.";
  serving([daily], {
    restore_backup: () => {
      throw { code: "bad_backup", field: null, message: refusal };
    },
  });
  const before = dataVersion.n;
  const screen = await render(BackupsPanel);
  await expect.element(screen.getByRole("cell", { name: "Daily", exact: true })).toBeVisible();
  await screen.getByRole("button", { name: "Restore from a file…" }).click();
  await expect.element(screen.getByRole("alert")).toHaveTextContent(refusal);
  await expect.element(said(screen)).toHaveTextContent("");
  await expect.element(screen.getByRole("cell", { name: "Daily", exact: true })).toBeVisible();
  expect(dataVersion.n).toBe(before);
});

test("cancelling the file dialog says nothing and refreshes nothing", async () => {
  const calls = serving([daily], { restore_backup: () => null });
  const before = dataVersion.n;
  const screen = await render(BackupsPanel);
  await screen.getByRole("button", { name: "Restore from a file…" }).click();
  await expect.poll(() => called(calls, "restore_backup")).toEqual([{ path: null }]);
  await expect.element(screen.getByRole("button", { name: "Restore from a file…" })).toBeEnabled();
  await expect.element(said(screen)).toHaveTextContent("");
  expect(screen.getByRole("alert").elements()).toHaveLength(0);
  expect(dataVersion.n).toBe(before);
});

test("how many copies to keep is saved as numbers, and the list shows what the core kept", async () => {
  const calls = serving([daily, manual, update], {
    save_backup_policy: ({ policy }) => backupList([daily, manual], policy as BackupPolicy),
  });
  const screen = await render(BackupsPanel);
  const keep = screen.getByRole("form", { name: "Keep" });
  await expect.element(keep.getByLabelText("Daily copies for the last (days)")).toHaveValue(7);
  await keep.getByLabelText("Daily copies for the last (days)").fill("10");
  await keep.getByLabelText("Weekly copies for the last (weeks)").fill("0");
  await keep.getByLabelText("Monthly copies for the last (months)").fill("24");
  await keep.getByRole("button", { name: "Save" }).click();

  await expect
    .element(keep.getByRole("status"))
    .toHaveTextContent("Saved. Rapport now keeps one copy a day for 10 days and one a month for 24 months.");
  expect(called(calls, "save_backup_policy")).toEqual([{ policy: { daily: 10, weekly: 0, monthly: 24 } }]);
  await expect.element(screen.getByRole("cell", { name: "Before an update", exact: true })).not.toBeInTheDocument();
  await expect.element(screen.getByRole("cell", { name: "By hand", exact: true })).toBeVisible();
});

test("the core's refusal of a number is shown beside that box, which takes the focus", async () => {
  const refusal = "Rapport can keep at most 1000 monthly copies. Type a smaller number.";
  serving([daily], {
    save_backup_policy: () => {
      throw { code: "validation", field: "monthly", message: refusal };
    },
  });
  const screen = await render(BackupsPanel);
  const keep = screen.getByRole("form", { name: "Keep" });
  const monthly = keep.getByLabelText("Monthly copies for the last (months)");
  await monthly.fill("5000");
  await keep.getByRole("button", { name: "Save" }).click();
  await expect.element(monthly).toHaveAccessibleDescription(refusal);
  await expect.element(monthly).toHaveFocus();
  await expect.element(keep.getByLabelText("Daily copies for the last (days)")).toHaveAttribute("aria-invalid", "false");
  await expect.element(keep.getByRole("status")).toHaveTextContent("");
});

test("a box that cannot hold a number of copies is refused beside it, and nothing is sent", async () => {
  const calls = serving([daily]);
  const screen = await render(BackupsPanel);
  const keep = screen.getByRole("form", { name: "Keep" });
  const weekly = keep.getByLabelText("Weekly copies for the last (weeks)");
  await weekly.fill("");
  await keep.getByRole("button", { name: "Save" }).click();
  await expect.element(weekly).toHaveAccessibleDescription("Type a whole number, such as 7. Type 0 to keep none of these.");
  await expect.element(weekly).toHaveFocus();
  await weekly.fill("-2");
  await keep.getByRole("button", { name: "Save" }).click();
  await expect.element(weekly).toHaveAccessibleDescription("The number of copies cannot be below 0. Type 0 to keep none of these.");
  expect(called(calls, "save_backup_policy")).toEqual([]);
});

test("a list that cannot be read is said as its sentence, and a backup can still be taken", async () => {
  const problem = "Rapport could not read its backups folder. Check that the disk is connected.";
  let failing = true;
  serving([], {
    backups: () => {
      if (failing) throw { code: "storage", field: null, message: problem };
      return backupList([manual]);
    },
    back_up_now: () => {
      failing = false;
      return manual;
    },
  });
  const screen = await render(BackupsPanel);
  await expect.element(screen.getByRole("alert")).toHaveTextContent(problem);
  await screen.getByRole("button", { name: "Back up now" }).click();
  await expect.element(said(screen)).toHaveTextContent(`Backed up to ${manual.path}.`);
  await expect.element(screen.getByRole("cell", { name: "By hand", exact: true })).toBeVisible();
  expect(screen.getByRole("alert").elements()).toHaveLength(0);
});

test("how many copies to keep, typed and not saved, is still there on the next visit until it is discarded", async () => {
  const calls = serving([daily]);
  const first = await render(BackupsPanel);
  const typed = first.getByRole("form", { name: "Keep" });
  await expect.element(typed.getByRole("button", { name: "Save what to keep" })).toBeDisabled();
  await typed.getByLabelText("Daily copies for the last (days)").fill("10");
  await expect.element(typed.getByText("Unsaved changes — Save or Discard.")).toBeVisible();
  await first.unmount();

  const again = await render(BackupsPanel);
  const keep = again.getByRole("form", { name: "Keep" });
  await expect.element(keep.getByLabelText("Daily copies for the last (days)")).toHaveValue(10);
  await expect.element(keep.getByText("Unsaved changes — Save or Discard.")).toBeVisible();
  await keep.getByRole("button", { name: "Discard" }).click();
  await expect.element(keep.getByLabelText("Daily copies for the last (days)")).toHaveValue(7);
  await expect.element(keep.getByRole("button", { name: "Save what to keep" })).toBeDisabled();
  expect(called(calls, "save_backup_policy")).toEqual([]);
});
