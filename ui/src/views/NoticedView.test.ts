import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { userEvent } from "vitest/browser";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import type { Noticed } from "../bindings";
import NoticedView from "./NoticedView.svelte";

afterEach(() => clearMocks());

function suggestion(overrides: Partial<Noticed> = {}): Noticed {
  return {
    id: crypto.randomUUID(),
    kind: "new_person",
    account_id: "kestrel",
    account: "Kestrel Logistik GmbH",
    contact_id: null,
    contact: null,
    text: "Dana Ruiz (dana@kestrel.example) was invited to “Steering committee”.",
    due_at: null,
    email: "dana@kestrel.example",
    name: "Dana Ruiz",
    acknowledged_at: null,
    answered_at: null,
    source: { message_id: null, subject: "Steering committee", sent_at: "2026-12-09T13:00:00Z" },
    state: "open",
    created_at: "2026-12-02T10:00:00Z",
    ...overrides,
  };
}

test("with nothing waiting, the queue says what will come to it", async () => {
  mockIPC((command) => (command === "noticed" || command === "likely_duplicates" ? [] : 0));
  const screen = await render(NoticedView);
  await expect.element(screen.getByRole("heading", { name: "Nothing waits for you" })).toBeVisible();
});

test("each suggestion says what it would become, where, and where it was seen; a accepts it and Undo takes it back", async () => {
  const dana = suggestion();
  const promise = suggestion({
    kind: "our_promise",
    text: "I'll send the revised plan by Friday.",
    email: null,
    name: null,
    contact: "Mira Schulz",
    due_at: "2026-12-04T22:59:00Z",
    source: { message_id: "m1@kestrel.example", subject: "Re: rollout plan", sent_at: "2026-12-01T09:00:00Z" },
  });
  let waiting = [dana, promise];
  const calls: [string, unknown][] = [];
  mockIPC((command, args) => {
    if (command === "likely_duplicates") return [];
    calls.push([command, args]);
    if (command === "noticed") return waiting;
    if (command === "noticed_waiting") return waiting.length;
    if (command === "accept_noticed") {
      const ids = (args as { ids: string[] }).ids;
      waiting = waiting.filter((w) => !ids.includes(w.id));
      return ids.map((id) => ({ noticed_id: id, kind: "contact", record_id: "person-1", account_id: "kestrel" }));
    }
    if (command === "archive") return { kind: "contact", id: "person-1", account_id: "kestrel", label: "Dana Ruiz", archived_at: "2026-12-02T10:00:00Z" };
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(NoticedView);
  const items = screen.getByRole("list", { name: "Suggestions" }).getByRole("listitem");
  await expect.element(items.nth(0)).toHaveTextContent(/A new person.*Kestrel Logistik GmbH.*Dana Ruiz \(dana@kestrel\.example\) was invited/);
  await expect.element(items.nth(0)).toHaveTextContent(/Seen in “Steering committee”/);
  await expect.element(items.nth(1)).toHaveTextContent(/A promise of ours.*— Mira Schulz.*I'll send the revised plan by Friday\..*Due/);

  await userEvent.keyboard("a");
  await expect.element(screen.getByRole("status")).toHaveTextContent("Accepted: a new person at Kestrel Logistik GmbH.");
  expect(calls.find(([c]) => c === "accept_noticed")?.[1]).toEqual({ ids: [dana.id], edit: null });
  await expect.element(screen.getByRole("list", { name: "Suggestions" }).getByRole("listitem")).toHaveLength(1);

  await screen.getByRole("button", { name: "Undo" }).click();
  await expect.element(screen.getByRole("status")).toHaveTextContent("Taken back: it is in the archive.");
  expect(calls.find(([c]) => c === "archive")?.[1]).toEqual({ kind: "contact", id: "person-1" });
});

test("x ignores the chosen suggestion, Undo puts it back; e edits the words and the due day before accepting", async () => {
  const promise = suggestion({
    kind: "our_promise",
    text: "I'll send the revised plan by Friday.",
    email: null,
    name: null,
    due_at: "2026-12-04T22:59:00Z",
  });
  let waiting = [promise];
  const calls: [string, unknown][] = [];
  mockIPC((command, args) => {
    if (command === "likely_duplicates") return [];
    calls.push([command, args]);
    if (command === "noticed") return waiting;
    if (command === "noticed_waiting") return waiting.length;
    if (command === "ignore_noticed") {
      waiting = [];
      return 1;
    }
    if (command === "reopen_noticed") {
      waiting = [promise];
      return null;
    }
    if (command === "accept_noticed") return [{ noticed_id: promise.id, kind: "promise", record_id: "p1", account_id: "kestrel" }];
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(NoticedView);
  await expect.element(screen.getByText("I'll send the revised plan by Friday.")).toBeVisible();
  await userEvent.keyboard("x");
  await expect.element(screen.getByRole("status")).toHaveTextContent("Ignored: it will not be suggested again.");
  await expect.element(screen.getByRole("heading", { name: "Nothing waits for you" })).toBeVisible();
  await screen.getByRole("button", { name: "Undo" }).click();
  await expect.element(screen.getByText("I'll send the revised plan by Friday.")).toBeVisible();

  await userEvent.keyboard("e");
  await screen.getByLabelText("In their words").fill("Send the revised rollout plan");
  await screen.getByLabelText("Due").fill("2026-12-11");
  await screen.getByRole("button", { name: "Accept", exact: true }).click();
  const accepted = calls.find(([c]) => c === "accept_noticed")?.[1] as { ids: string[]; edit: { text: string; due_at: string } };
  expect(accepted.ids).toEqual([promise.id]);
  expect(accepted.edit.text).toBe("Send the revised rollout plan");
  expect(accepted.edit.due_at).toMatch(/^2026-12-11T23:59:00/);
});

test("a meeting from an invitation says when it is, and is accepted as the invitation says, never edited here", async () => {
  const meeting = suggestion({
    kind: "meeting",
    text: "Roadmap review",
    email: null,
    name: null,
    due_at: "2026-12-10T10:00:00Z",
    source: { message_id: "inv-3@northwind.example", subject: "Invitation: Roadmap review", sent_at: "2026-12-02T09:00:00Z" },
  });
  const calls: string[] = [];
  mockIPC((command) => {
    if (command === "likely_duplicates") return [];
    calls.push(command);
    if (command === "noticed") return [meeting];
    if (command === "noticed_waiting") return 1;
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(NoticedView);
  await expect.element(screen.getByText("A meeting")).toBeVisible();
  await expect.element(screen.getByText(/^On .*2026/)).toBeVisible();
  expect(screen.getByRole("button", { name: "Edit" }).elements()).toHaveLength(0);
  await userEvent.keyboard("e");
  await expect.element(screen.getByRole("status")).toHaveTextContent("A meeting is added as its invitation says.");
  expect(calls).not.toContain("accept_noticed");
});
