import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { render } from "vitest-browser-svelte";
import { contact, cultureNote } from "../../test/fixtures";
import CulturePanel from "./CulturePanel.svelte";

afterEach(() => clearMocks());

const annika = contact({ name: "Annika Vogt" });

test("notes are grouped by topic, each saying whom it is about", async () => {
  const screen = await render(CulturePanel, {
    accountId: "account-1",
    contacts: [annika],
    onchange: () => {},
    notes: [
      cultureNote({ category: "decision_making", text: "The board decides on the first Monday" }),
      cultureNote({ category: "communication", text: "Prefers a call to a long email", contact_id: annika.id }),
      cultureNote({ category: "communication", text: "Short emails, in German" }),
    ],
  });
  const communication = screen.getByRole("region", { name: "How they communicate" });
  await expect.element(communication.getByText("Prefers a call to a long email")).toBeVisible();
  await expect.element(communication.getByText("About Annika Vogt")).toBeVisible();
  await expect.element(communication.getByText("Short emails, in German")).toBeVisible();
  await expect.element(communication.getByText("Whole account")).toBeVisible();
  const decisions = screen.getByRole("region", { name: "How decisions are made" });
  await expect.element(decisions.getByText("The board decides on the first Monday")).toBeVisible();
  // The topics with nothing yet are offered, so the gaps are visible.
  await expect.element(screen.getByRole("button", { name: "Travel and expenses" })).toBeVisible();
});

test("an empty culture tab says what is worth noting", async () => {
  const screen = await render(CulturePanel, { accountId: "account-1", contacts: [], onchange: () => {}, notes: [] });
  await expect.element(screen.getByText("Nothing noted yet.", { exact: false })).toBeVisible();
});

test("a note about one person is sent with its topic, and an edit keeps its id", async () => {
  const sent: [string, unknown][] = [];
  mockIPC((command, args) => {
    sent.push([command, args]);
    return cultureNote();
  });
  const existing = cultureNote({ category: "dress", text: "Suits at HQ" });
  const onchange = vi.fn();
  const screen = await render(CulturePanel, { accountId: "account-1", contacts: [annika], onchange, notes: [existing] });
  await screen.getByRole("button", { name: "Add a culture note" }).click();
  await screen.getByLabelText("What should you remember?").fill("Never before 9 am");
  await screen.getByLabelText("Topic").selectOptions("Calendar and holidays");
  await screen.getByLabelText("About").selectOptions(annika.id);
  await screen.getByRole("button", { name: "Add note" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(1);

  await screen.getByRole("button", { name: "Edit" }).click();
  await screen.getByLabelText("What should you remember?").fill("Suits at HQ, casual on site");
  await screen.getByRole("button", { name: "Save changes" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(2);

  expect(sent[0]).toEqual([
    "add_culture_note",
    { draft: { account_id: "account-1", category: "calendar", contact_id: annika.id, text: "Never before 9 am" } },
  ]);
  expect(sent[1]).toEqual([
    "update_culture_note",
    { noteId: existing.id, draft: { account_id: "account-1", category: "dress", contact_id: null, text: "Suits at HQ, casual on site" } },
  ]);
});
