import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { render } from "vitest-browser-svelte";
import type { Opening } from "../bindings";
import UpgradeView from "./UpgradeView.svelte";

afterEach(() => clearMocks());

/** Answers `opening` with each of `stages` in turn, then the last one for ever. */
function answering(stages: Opening[]) {
  let asked = 0;
  mockIPC((command) => {
    if (command !== "opening") throw new Error(`unexpected ${command}`);
    const answer = stages[Math.min(asked, stages.length - 1)];
    asked += 1;
    return answer;
  });
}

const backup = "/home/ana/.local/share/Rapport/backups/rapport-2026-12-03-before-migration.db";

test("an upgrade says each stage and how far it has come, then where the copy is kept, and goes on when asked", async () => {
  answering([
    { state: "upgrading", from_version: 12, to_version: 19, step: { stage: "checking" } },
    { state: "upgrading", from_version: 12, to_version: 19, step: { stage: "keeping_copy" } },
    { state: "upgrading", from_version: 12, to_version: 19, step: { stage: "migrating", done: 3, of: 7, backup } },
    { state: "upgrading", from_version: 12, to_version: 19, step: { stage: "migrating", done: 3, of: 7, backup } },
    { state: "upgrading", from_version: 12, to_version: 19, step: { stage: "migrating", done: 3, of: 7, backup } },
    { state: "upgraded", from_version: 12, to_version: 19, backup, seconds: 4.2 },
  ]);
  const ondone = vi.fn();
  const screen = await render(UpgradeView, { ondone });
  await expect.element(screen.getByRole("heading", { name: "Bringing your data up to date" })).toBeVisible();
  await expect.element(screen.getByRole("status")).toHaveTextContent("Updating how your data is stored: step 3 of 7.");
  const bar = screen.getByRole("progressbar", { name: "How far the update has come" }).element() as HTMLProgressElement;
  expect([bar.value, bar.max]).toEqual([3, 7]);
  await expect.element(screen.getByText(backup)).toBeVisible();

  await expect.element(screen.getByRole("heading", { name: "Your data is up to date" })).toBeVisible();
  await expect.element(screen.getByRole("status")).toHaveTextContent("data format 12 to 19) in 4 seconds");
  await expect.element(screen.getByText(/A copy of your data as it was is kept/)).toHaveTextContent(backup);
  expect(ondone).not.toHaveBeenCalled();
  const proceed = screen.getByRole("button", { name: "Continue to Rapport" });
  await expect.element(proceed).toHaveFocus();
  await proceed.click();
  expect(ondone).toHaveBeenCalledTimes(1);
});

test("when opening ends without an upgrade to show (it failed, and the app says why), the app follows at once", async () => {
  answering([{ state: "ready" }]);
  const ondone = vi.fn();
  await render(UpgradeView, { ondone });
  await expect.poll(() => ondone.mock.calls.length).toBe(1);
});
