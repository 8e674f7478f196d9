import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { render } from "vitest-browser-svelte";
import { contact, interaction } from "../test/fixtures";
import LogInteractionForm from "./LogInteractionForm.svelte";

afterEach(() => clearMocks());

const annika = contact({ name: "Annika Vogt" });
const jonas = contact({ name: "Jonas Keller", level: "manager", reports_to: annika.id });

test("the core's validation sentence appears next to the field it is about", async () => {
  mockIPC(() => {
    throw { code: "validation", field: "summary", message: "Say in a few words what the interaction was about, then save again." };
  });
  const onlogged = vi.fn();
  const screen = await render(LogInteractionForm, { accountId: "account-1", contacts: [annika], onlogged, oncancel: () => {} });
  await screen.getByRole("button", { name: "Save to history" }).click();
  const summaryField = screen.getByLabelText("What was it about?");
  await expect.element(summaryField).toHaveAttribute("aria-invalid", "true");
  await expect
    .element(screen.getByRole("alert"))
    .toHaveTextContent("Say in a few words what the interaction was about, then save again.");
  expect(onlogged).not.toHaveBeenCalled();
});

test("saving sends what the user chose and hands back the logged interaction", async () => {
  let sent: Record<string, unknown> | undefined;
  const saved = interaction({ summary: "Pilot scope agreed" });
  mockIPC((command, args) => {
    expect(command).toBe("log_interaction");
    sent = (args as { draft: Record<string, unknown> }).draft;
    return saved;
  });
  const onlogged = vi.fn();
  const screen = await render(LogInteractionForm, {
    accountId: "account-1",
    contacts: [annika, jonas],
    onlogged,
    oncancel: () => {},
  });
  await screen.getByLabelText("What was it about?").fill("Pilot scope agreed");
  await screen.getByLabelText("Channel").selectOptions("Video call");
  await screen.getByLabelText("They did").click();
  await screen.getByLabelText("Jonas Keller").click();
  await screen.getByLabelText("How did it feel?").selectOptions("Positive");
  await screen.getByRole("button", { name: "Save to history" }).click();

  await expect.poll(() => onlogged.mock.calls.length).toBe(1);
  expect(onlogged).toHaveBeenCalledWith(saved);
  expect(sent).toMatchObject({
    account_id: "account-1",
    summary: "Pilot scope agreed",
    channel: "video",
    initiated_by: "them",
    contact_ids: [jonas.id],
    sentiment: 1,
    strategic: false,
  });
  expect(String(sent?.occurred_at)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
});

test("an error that names no field is shown above the buttons", async () => {
  mockIPC(() => {
    throw { code: "storage", field: null, message: "Rapport could not read or write its database (disk full)." };
  });
  const screen = await render(LogInteractionForm, { accountId: "a", contacts: [], onlogged: () => {}, oncancel: () => {} });
  await screen.getByLabelText("What was it about?").fill("Call");
  await screen.getByRole("button", { name: "Save to history" }).click();
  await expect.element(screen.getByRole("alert")).toHaveTextContent("disk full");
});
