import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { render } from "vitest-browser-svelte";
import { NOW, archivedRecord, contact, entry, interaction } from "../../test/fixtures";
import ArchiveNotice from "../ArchiveNotice.svelte";
import HistoryPanel from "./HistoryPanel.svelte";

afterEach(() => clearMocks());

const annika = contact({ name: "Annika Vogt" });
const call = interaction({ summary: "Pilot scope agreed", contact_ids: [annika.id], channel: "video" });

function renderPanel(onchange = vi.fn()) {
  return render(HistoryPanel, {
    accountId: "account-1",
    timeline: [
      entry({ record_id: call.id, text: call.summary, contact_ids: [annika.id], channel: "video" }),
      entry({ kind: "promise_made", record_id: "p1", text: "Send the plan", channel: null, initiated_by: null, direction: "ours" }),
    ],
    interactions: [call],
    contacts: [annika],
    now: NOW,
    onchange,
  });
}

test("an interaction in the history can be corrected, and the change is sent for that interaction", async () => {
  let sent: Record<string, unknown> | undefined;
  mockIPC((command, args) => {
    expect(command).toBe("update_interaction");
    sent = args as Record<string, unknown>;
    return call;
  });
  const onchange = vi.fn();
  const screen = await renderPanel(onchange);
  await screen.getByRole("button", { name: "Edit" }).click();
  await expect.element(screen.getByLabelText("What was it about?")).toHaveValue("Pilot scope agreed");
  await expect.element(screen.getByLabelText("Channel")).toHaveValue("video");
  await screen.getByLabelText("What was it about?").fill("Pilot scope agreed: two sites");
  await screen.getByRole("button", { name: "Save changes" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(1);
  expect(sent).toMatchObject({
    interactionId: call.id,
    draft: { account_id: "account-1", summary: "Pilot scope agreed: two sites", channel: "video", contact_ids: [annika.id] },
  });
});

test("archiving an entry offers Undo", async () => {
  mockIPC((command) => (command === "archive" ? archivedRecord({ kind: "interaction", id: call.id, label: call.summary }) : null));
  const notice = await render(ArchiveNotice);
  const screen = await renderPanel();
  await screen.getByRole("button", { name: "Archive" }).click();
  await expect.element(notice.getByText("Archived history entry “Pilot scope agreed”.")).toBeVisible();
  await expect.element(notice.getByRole("button", { name: "Undo" })).toBeVisible();
  await notice.getByRole("button", { name: "Dismiss" }).click();
});

test("other entries lead to the tab where they can be acted on", async () => {
  const screen = await renderPanel();
  await expect.element(screen.getByRole("link", { name: "Go to promises" })).toHaveAttribute("href", "#/accounts/account-1?tab=promises");
});
