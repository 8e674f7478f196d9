import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { render } from "vitest-browser-svelte";
import { NOW, archivedRecord, contact, promise } from "../../test/fixtures";
import ArchiveNotice from "../ArchiveNotice.svelte";
import PromisesPanel from "./PromisesPanel.svelte";

afterEach(() => clearMocks());

const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();
const jonas = contact({ name: "Jonas Keller" });

function renderPanel(promises = [promise()], onchange = vi.fn()) {
  return render(PromisesPanel, { accountId: "account-1", promises, contacts: [jonas], now: NOW, onchange });
}

test("ours and theirs are listed apart, open ones first by due date, with overdue flagged", async () => {
  const screen = await renderPanel([
    promise({ text: "Kept one", status: "kept", completed_at: inDays(-9), due_at: inDays(-8), updated_at: inDays(-9) }),
    promise({ text: "Later one", due_at: inDays(10) }),
    promise({ text: "Late one", due_at: inDays(-2), contact_id: jonas.id }),
    promise({ text: "Their list", direction: "theirs", due_at: inDays(1) }),
  ]);
  const ours = screen.getByRole("region", { name: "We promised" });
  const texts = [...ours.element().querySelectorAll("li .text")].map((e) => e.textContent);
  expect(texts).toEqual(["Late one", "Later one", "Kept one"]);
  await expect.element(ours.getByText("overdue by 2 days")).toBeVisible();
  await expect.element(ours.getByText("To Jonas Keller", { exact: false })).toBeVisible();
  await expect.element(ours.getByText("kept on time")).toBeVisible();
  const theirs = screen.getByRole("region", { name: "They promised" });
  await expect.element(theirs.getByText("Their list")).toBeVisible();
  await expect.element(theirs.getByText("due tomorrow")).toBeVisible();
});

test("a promise kept with something extra says so to the core", async () => {
  const calls: unknown[] = [];
  mockIPC((command, args) => {
    expect(command).toBe("settle_promise");
    calls.push(args);
    return promise();
  });
  const target = promise();
  const onchange = vi.fn();
  const screen = await renderPanel([target], onchange);
  await screen.getByRole("button", { name: "Mark kept" }).click();
  await screen.getByLabelText("Anything extra delivered? (optional)").fill("A one-page summary for the board");
  await screen.getByRole("button", { name: "Save as kept" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(1);
  expect(calls).toEqual([
    { promiseId: target.id, outcome: { status: "kept", completed_at: null, new_due_at: null, extra: "A one-page summary for the board" } },
  ]);
});

test("a promise can be broken, or moved to a new date agreed with them", async () => {
  const outcomes: Record<string, unknown>[] = [];
  mockIPC((_command, args) => {
    outcomes.push((args as { outcome: Record<string, unknown> }).outcome);
    return promise();
  });
  const onchange = vi.fn();
  const screen = await renderPanel([promise()], onchange);
  await screen.getByRole("button", { name: "Mark broken" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(1);
  await screen.getByRole("button", { name: "Agree a new date" }).click();
  await screen.getByLabelText("New due date").fill("2026-12-04");
  await screen.getByRole("button", { name: "Save the new date" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(2);
  expect(outcomes[0]).toMatchObject({ status: "broken" });
  expect(outcomes[1]).toMatchObject({ status: "renegotiated" });
  expect(String(outcomes[1]!.new_due_at)).toMatch(/^2026-12-04T23:59:00[+-]\d{2}:\d{2}$/);
});

test("a refused new date is explained beside the date", async () => {
  mockIPC(() => {
    throw { code: "validation", field: "new_due_at", message: "The new due date is before the promise was made. Choose a later date." };
  });
  const screen = await renderPanel();
  await screen.getByRole("button", { name: "Agree a new date" }).click();
  await screen.getByRole("button", { name: "Save the new date" }).click();
  await expect.element(screen.getByLabelText("New due date")).toHaveAttribute("aria-invalid", "true");
  await expect.element(screen.getByRole("alert")).toHaveTextContent("Choose a later date.");
});

test("a new promise's due date problem shows beside the due date", async () => {
  const drafts: Record<string, unknown>[] = [];
  mockIPC((command, args) => {
    expect(command).toBe("add_promise");
    drafts.push((args as { draft: Record<string, unknown> }).draft);
    throw { code: "validation", field: "due_at", message: "A promise needs a due date. Say when it is due, then save again." };
  });
  const screen = await renderPanel([]);
  await expect.element(screen.getByText("No promises of ours yet.", { exact: false })).toBeVisible();
  const theirs = screen.getByRole("region", { name: "They promised" });
  await theirs.getByRole("button", { name: "Add a promise" }).click();
  await screen.getByLabelText("What was promised?").fill("Share the site list");
  await screen.getByRole("button", { name: "Add promise" }).click();
  await expect.element(screen.getByLabelText("Due")).toHaveAttribute("aria-invalid", "true");
  await expect.element(screen.getByRole("alert")).toHaveTextContent("A promise needs a due date.");
  await expect.element(screen.getByLabelText("What was promised?")).toHaveAttribute("aria-invalid", "false");
  expect(drafts[0]).toMatchObject({ direction: "theirs", text: "Share the site list", due_at: "" });
});

test("archiving a promise offers Undo, and Undo brings it back", async () => {
  const target = promise({ text: "Send the revised rollout plan" });
  const calls: [string, unknown][] = [];
  mockIPC((command, args) => {
    calls.push([command, args]);
    if (command === "archive") return archivedRecord({ kind: "promise", id: target.id, label: target.text });
    return null;
  });
  const onchange = vi.fn();
  const notice = await render(ArchiveNotice);
  const screen = await renderPanel([target], onchange);
  await screen.getByRole("button", { name: "Archive" }).click();
  await expect.element(notice.getByText("Archived promise “Send the revised rollout plan”.")).toBeVisible();
  expect(onchange).toHaveBeenCalledTimes(1);

  await notice.getByRole("button", { name: "Undo" }).click();
  await expect.element(notice.getByText("Brought back “Send the revised rollout plan”.")).toBeVisible();
  expect(calls).toEqual([
    ["archive", { kind: "promise", id: target.id }],
    ["restore", { kind: "promise", id: target.id }],
  ]);
  expect(onchange).toHaveBeenCalledTimes(2);
  await notice.getByRole("button", { name: "Dismiss" }).click();
});
