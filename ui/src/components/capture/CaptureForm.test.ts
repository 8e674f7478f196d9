import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { userEvent } from "vitest/browser";
import { render } from "vitest-browser-svelte";
import { contact, interaction } from "../../test/fixtures";
import CaptureForm from "./CaptureForm.svelte";

afterEach(() => clearMocks());

const annika = contact({ name: "Annika Vogt" });
const jonas = contact({ name: "Jonas Keller", level: "manager", reports_to: annika.id });

type Sent = { interaction: Record<string, unknown>; promises: Record<string, unknown>[]; request: unknown; goal: unknown };

/** Answers `capture` with `answer` (or throws it), and keeps what was sent. */
function captureReturning(answer: unknown, fails = false) {
  const calls: Sent[] = [];
  mockIPC((command, args) => {
    expect(command).toBe("capture");
    calls.push((args as { draft: Sent }).draft);
    if (fails) throw answer;
    return answer;
  });
  return calls;
}

function renderForm(contacts = [annika, jonas]) {
  const onlogged = vi.fn();
  return { onlogged, screen: render(CaptureForm, { accountId: "account-1", contacts, onlogged, oncancel: () => {} }) };
}

test("the core's validation sentence appears next to the summary, under the id the desktop tests look for", async () => {
  captureReturning({ code: "validation", field: "summary", message: "Say in a few words what the interaction was about, then save again." }, true);
  const { onlogged, screen } = renderForm();
  const view = await screen;
  await view.getByRole("button", { name: "Save to history" }).click();
  await expect.element(view.getByLabelText("What was it about?")).toHaveAttribute("aria-invalid", "true");
  await expect.element(view.getByRole("alert")).toHaveTextContent("Say in a few words what the interaction was about");
  expect(document.getElementById("summary-error")?.textContent).toContain("Say in a few words");
  expect(onlogged).not.toHaveBeenCalled();
});

test("the summary takes the keyboard when the form opens", async () => {
  const { screen } = renderForm();
  const view = await screen;
  await expect.element(view.getByLabelText("What was it about?")).toHaveFocus();
});

test("the interaction, two promises and a request are sent in one capture call", async () => {
  const calls = captureReturning({ interaction: interaction({ summary: "Pilot scope agreed" }), promises: [], request: null, goal: null });
  const { onlogged, screen } = renderForm();
  const view = await screen;
  await view.getByLabelText("What was it about?").fill("Pilot scope agreed");
  await view.getByLabelText("Channel").selectOptions("Video call");
  await view.getByLabelText("They did").click();
  await view.getByLabelText("Jonas Keller").click();
  await view.getByLabelText("How did it feel?").selectOptions("Positive");

  await view.getByRole("button", { name: "Add a promise made in this conversation" }).click();
  await view.getByLabelText("What was promised (promise 1)").fill("Send the revised rollout plan");
  await view.getByLabelText("To whom (promise 1)").selectOptions("Jonas Keller");
  await view.getByLabelText("Due date (promise 1)").fill("2026-11-30");
  await view.getByRole("button", { name: "Add another promise" }).click();
  await view.getByLabelText("Who promised (promise 2)").selectOptions("They promised");
  await view.getByLabelText("What was promised (promise 2)").fill("Share the site list");
  await view.getByLabelText("Due date (promise 2)").fill("2026-11-26");

  await view.getByRole("button", { name: "They asked for something" }).click();
  await view.getByLabelText("What did they ask for?").fill("A quote for two more sites");
  await view.getByLabelText("Asked by").selectOptions("Annika Vogt — Chief Operating Officer");

  await view.getByRole("button", { name: "Save to history" }).click();
  await expect.poll(() => onlogged.mock.calls.length).toBe(1);

  expect(calls).toHaveLength(1);
  const sent = calls[0]!;
  expect(sent.interaction).toMatchObject({
    account_id: "account-1",
    summary: "Pilot scope agreed",
    channel: "video",
    initiated_by: "them",
    contact_ids: [jonas.id],
    sentiment: 1,
    strategic: false,
  });
  expect(sent.promises).toHaveLength(2);
  expect(sent.promises[0]).toMatchObject({ direction: "ours", text: "Send the revised rollout plan", contact_id: jonas.id });
  expect(sent.promises[1]).toMatchObject({ direction: "theirs", text: "Share the site list", contact_id: null });
  // A due date is the end of that day, in the user's zone.
  expect(String(sent.promises[0]!.due_at)).toMatch(/^2026-11-30T23:59:00[+-]\d{2}:\d{2}$/);
  expect(sent.request).toMatchObject({ account_id: "account-1", text: "A quote for two more sites", contact_id: annika.id });
  expect(sent.goal).toBeNull();
});

test("a goal mentioned goes with the interaction, with its kind and whose it is", async () => {
  const calls = captureReturning({ interaction: interaction(), promises: [], request: null, goal: null });
  const { onlogged, screen } = renderForm();
  const view = await screen;
  await view.getByLabelText("What was it about?").fill("Coffee with Annika");
  await view.getByRole("button", { name: "A goal came up" }).click();
  await view.getByLabelText("Which goal came up?").fill("Become COO of the group");
  await view.getByLabelText("Kind of goal").selectOptions("Their people's own goals");
  await view.getByLabelText("Whose goal").selectOptions("Annika Vogt — Chief Operating Officer");
  await view.getByRole("button", { name: "Save to history" }).click();
  await expect.poll(() => onlogged.mock.calls.length).toBe(1);
  expect(calls[0]!.goal).toMatchObject({ kind: "personal", title: "Become COO of the group", contact_id: annika.id, stated: true });
  expect(calls[0]!.promises).toEqual([]);
  expect(calls[0]!.request).toBeNull();
});

test("a problem with a promise is shown beside the promises, not the summary", async () => {
  captureReturning({ code: "validation", field: "promises", message: "Promise 1: A promise needs a due date. Say when it is due, then save again." }, true);
  const { screen } = renderForm();
  const view = await screen;
  await view.getByLabelText("What was it about?").fill("Call");
  await view.getByRole("button", { name: "Add a promise made in this conversation" }).click();
  await view.getByLabelText("What was promised (promise 1)").fill("Send the plan");
  await view.getByRole("button", { name: "Save to history" }).click();

  const promises = view.getByRole("group", { name: "Promises made" });
  await expect.element(promises.getByRole("alert")).toHaveTextContent("Promise 1: A promise needs a due date.");
  await expect.element(view.getByLabelText("What was it about?")).toHaveAttribute("aria-invalid", "false");
});

test("a problem with the request is shown beside the request", async () => {
  captureReturning({ code: "validation", field: "request", message: "The request: The request is empty. Write it in a few words, then save again." }, true);
  const { screen } = renderForm();
  const view = await screen;
  await view.getByLabelText("What was it about?").fill("Call");
  await view.getByRole("button", { name: "They asked for something" }).click();
  await view.getByRole("button", { name: "Save to history" }).click();
  const part = view.getByRole("group", { name: "A request received" });
  await expect.element(part.getByRole("alert")).toHaveTextContent("The request is empty.");
  await expect.element(view.getByLabelText("What did they ask for?")).toHaveAttribute("aria-invalid", "true");
});

test("an error that names no field is shown above the buttons", async () => {
  captureReturning({ code: "storage", field: null, message: "Rapport could not read or write its database (disk full)." }, true);
  const { screen } = renderForm([]);
  const view = await screen;
  await view.getByLabelText("What was it about?").fill("Call");
  await view.getByRole("button", { name: "Save to history" }).click();
  await expect.element(view.getByRole("alert")).toHaveTextContent("disk full");
});

test("blank promise lines are left out rather than refused", async () => {
  const calls = captureReturning({ interaction: interaction(), promises: [], request: null, goal: null });
  const { onlogged, screen } = renderForm();
  const view = await screen;
  await view.getByLabelText("What was it about?").fill("Call");
  await view.getByRole("button", { name: "Add a promise made in this conversation" }).click();
  await view.getByRole("button", { name: "Save to history" }).click();
  await expect.poll(() => onlogged.mock.calls.length).toBe(1);
  expect(calls[0]!.promises).toEqual([]);
});

test("a caller can open the form filled in and save it its own way", async () => {
  mockIPC(() => {
    throw new Error("quick capture should not be called");
  });
  const send = vi.fn(async () => ({ interaction: interaction(), promises: [], request: null, goal: null }));
  const onlogged = vi.fn();
  const initial = { summary: "Status update on our promise", contactIds: [annika.id], strategic: true };
  const view = await render(CaptureForm, { accountId: "account-1", contacts: [annika, jonas], initial, send, onlogged, oncancel: () => {} });
  await expect.element(view.getByLabelText("What was it about?")).toHaveValue("Status update on our promise");
  await expect.element(view.getByRole("checkbox", { name: "Annika Vogt" })).toBeChecked();
  await view.getByRole("button", { name: "Save to history" }).click();
  await expect.poll(() => onlogged.mock.calls.length).toBe(1);
  expect(send).toHaveBeenCalledWith(
    expect.objectContaining({ interaction: expect.objectContaining({ summary: "Status update on our promise", contact_ids: [annika.id], strategic: true }) }),
  );
});

test("a personal goal is taken to be the goal of the person the conversation was with", async () => {
  const { screen } = renderForm();
  const view = await screen;
  await view.getByLabelText("Annika Vogt").click();
  await view.getByRole("button", { name: "+ A goal came up" }).click();
  await expect.element(view.getByLabelText("Whose goal")).toHaveValue("");
  await view.getByLabelText("Kind of goal").selectOptions("personal");
  await expect.element(view.getByLabelText("Whose goal")).toHaveValue(annika.id);
});

test("Ctrl+Enter saves from any field", async () => {
  const calls = captureReturning({ interaction: interaction({ summary: "Quick call" }), promises: [], request: null, goal: null });
  const { onlogged, screen } = renderForm();
  const view = await screen;
  await view.getByLabelText("What was it about?").fill("Quick call");
  await userEvent.keyboard("{Control>}{Enter}{/Control}");
  await expect.poll(() => calls.length).toBe(1);
  await expect.poll(() => onlogged.mock.calls.length).toBe(1);
});

test("Escape asks before throwing away what was typed, and closes an untouched form at once", async () => {
  const oncancel = vi.fn();
  await render(CaptureForm, { accountId: "account-1", contacts: [annika], onlogged: () => {}, oncancel });
  await userEvent.keyboard("{Escape}");
  expect(oncancel).toHaveBeenCalledTimes(1);

  const typed = vi.fn();
  const again = await render(CaptureForm, { accountId: "account-1", contacts: [annika], onlogged: () => {}, oncancel: typed });
  const summary = again.getByLabelText("What was it about?").last();
  await summary.fill("Half a thought about the pilot");
  await summary.click();
  await userEvent.keyboard("{Escape}");
  expect(typed).not.toHaveBeenCalled();
  const ask = again.getByRole("alertdialog", { name: "Discard what you typed?" });
  await expect.element(ask).toBeVisible();
  await ask.getByRole("button", { name: "Keep editing" }).click();
  await expect.element(summary).toHaveValue("Half a thought about the pilot");
  await summary.click();
  await userEvent.keyboard("{Escape}");
  await userEvent.keyboard("{Escape}");
  expect(typed).toHaveBeenCalledTimes(1);
});
