import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { render } from "vitest-browser-svelte";
import { contact, interaction } from "../../test/fixtures";
import CaptureForm from "../capture/CaptureForm.svelte";

afterEach(() => clearMocks());

/** The core as the window meets it: it reads a few days in words, and keeps what is captured. */
function core() {
  const asked: string[] = [];
  const captured: { promises: { due_at: string }[] }[] = [];
  mockIPC((command, args) => {
    const a = args as { text?: string; draft?: { promises: { due_at: string }[] } };
    if (command === "read_day") {
      asked.push(a.text ?? "");
      const days: Record<string, string> = { "in 2 days": "2026-12-05", friday: "2026-12-04" };
      const day = days[(a.text ?? "").toLowerCase()];
      if (day) return day;
      throw { code: "validation", field: "day", message: `"${a.text}" is not a day Rapport can read. Try Friday, in 2 days, end of month, 24 Dec or 2026-12-31.` };
    }
    if (command === "capture") {
      captured.push(a.draft!);
      return { interaction: interaction(), promises: [], request: null, goal: null };
    }
    throw new Error(`unexpected ${command}`);
  });
  return { asked, captured };
}

async function promiseForm() {
  const onlogged = vi.fn();
  const view = await render(CaptureForm, { accountId: "account-1", contacts: [contact({ name: "Annika Vogt" })], onlogged, oncancel: () => {} });
  await view.getByLabelText("What was it about?").fill("Call about the pilot");
  await view.getByRole("button", { name: "Add a promise made in this conversation" }).click();
  await view.getByLabelText("What was promised (promise 1)").fill("Send the plan");
  return { view, onlogged };
}

test("a due date typed in words shows the day it means, and the promise is due at the end of that day", async () => {
  const { asked, captured } = core();
  const { view, onlogged } = await promiseForm();
  await view.getByLabelText("Due date (promise 1)").fill("in 2 days");
  await expect.element(view.getByText(/Dec 5, 2026|5 Dec 2026/)).toBeVisible();
  await view.getByRole("button", { name: "Save to history" }).click();
  await expect.poll(() => onlogged.mock.calls.length).toBe(1);
  expect(asked).toContain("in 2 days");
  expect(captured[0]!.promises[0]!.due_at).toMatch(/^2026-12-05T23:59:00[+-]\d{2}:\d{2}$/);
});

test("a day Rapport cannot read is said at once, beside the field", async () => {
  core();
  const { view } = await promiseForm();
  const due = view.getByLabelText("Due date (promise 1)");
  await due.fill("blue moon");
  await expect.element(view.getByText(/"blue moon" is not a day Rapport can read/)).toBeVisible();
  await expect.element(due).toHaveAttribute("aria-invalid", "true");
});

test("a written date is taken as it is, without asking the core", async () => {
  const { asked } = core();
  const { view } = await promiseForm();
  await view.getByLabelText("Due date (promise 1)").fill("2026-12-24");
  await view.getByLabelText("Due date (promise 1)").fill("Friday");
  await expect.element(view.getByText(/Dec 4, 2026|4 Dec 2026/)).toBeVisible();
  expect(asked).toEqual(["Friday"]);
});

test("after '+ Add a promise', the typing goes to what was promised", async () => {
  core();
  const onlogged = vi.fn();
  const view = await render(CaptureForm, { accountId: "account-1", contacts: [], onlogged, oncancel: () => {} });
  await view.getByRole("button", { name: "Add a promise made in this conversation" }).click();
  await expect.element(view.getByLabelText("What was promised (promise 1)")).toHaveFocus();
  await view.getByRole("button", { name: "They asked for something" }).click();
  await expect.element(view.getByLabelText("What did they ask for?")).toHaveFocus();
});
