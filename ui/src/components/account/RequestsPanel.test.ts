import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { render } from "vitest-browser-svelte";
import { NOW, contact, issue, request } from "../../test/fixtures";
import RequestsPanel from "./RequestsPanel.svelte";

afterEach(() => clearMocks());

const jonas = contact({ name: "Jonas Keller" });

function renderPanel(requests = [request(3)], issues = [issue()], onchange = vi.fn()) {
  return render(RequestsPanel, { accountId: "account-1", requests, clocks: { ack_hours: 1, answer_hours: 24, warning_hours: 4 }, issues, contacts: [jonas], now: NOW, onchange });
}

test("each request shows both clocks, and the steps still to take", async () => {
  const screen = await renderPanel([request(27, { text: "Quote for two sites", contact_id: jonas.id })], []);
  const requests = screen.getByRole("region", { name: "Requests" });
  await expect.element(requests.getByText("not acknowledged for 27 h")).toBeVisible();
  await expect.element(requests.getByText("answer overdue by 3 h")).toBeVisible();
  await expect.element(requests.getByText("From Jonas Keller", { exact: false })).toBeVisible();
  await expect.element(requests.getByRole("button", { name: "Mark acknowledged" })).toBeVisible();
  await expect.element(requests.getByRole("button", { name: "Mark answered" })).toBeVisible();
});

test("acknowledging and answering a request are sent as its steps", async () => {
  const steps: unknown[] = [];
  mockIPC((command, args) => {
    expect(command).toBe("mark_request");
    steps.push(args);
    return request(3);
  });
  const target = request(3);
  const onchange = vi.fn();
  const screen = await renderPanel([target], [], onchange);
  await screen.getByRole("button", { name: "Mark acknowledged" }).click();
  await screen.getByRole("button", { name: "Mark answered" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(2);
  expect(steps).toEqual([
    { requestId: target.id, step: "acknowledged" },
    { requestId: target.id, step: "answered" },
  ]);
});

test("an answered request has nothing left but resolving", async () => {
  const screen = await renderPanel([request(30, { acknowledged_at: NOW.toISOString(), answered_at: NOW.toISOString() })], []);
  await expect.element(screen.getByText("answered", { exact: true })).toBeVisible();
  await expect.element(screen.getByRole("button", { name: "Mark answered" })).not.toBeInTheDocument();
  await expect.element(screen.getByRole("button", { name: "Mark resolved" })).toBeVisible();
});

test("issues show their severity and the next step, from acknowledgement to follow-up", async () => {
  const steps: unknown[] = [];
  mockIPC((_command, args) => {
    steps.push(args);
    return issue();
  });
  const fixed = issue({ title: "Truck late at Bremen", severity: "high", acknowledged_at: NOW.toISOString(), resolved_at: NOW.toISOString() });
  const onchange = vi.fn();
  const screen = await renderPanel([], [issue({ title: "Wrong invoice address", severity: "critical" }), fixed], onchange);
  const issues = screen.getByRole("region", { name: "Issues" });
  await expect.element(issues.getByText("Critical")).toBeVisible();
  await expect.element(issues.getByText("Not acknowledged yet — tell them you are on it")).toBeVisible();
  await expect.element(issues.getByText("Resolved — check with them that the fix held")).toBeVisible();
  await issues.getByRole("button", { name: "Mark followed up" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(1);
  expect(steps).toEqual([{ issueId: fixed.id, step: "followed_up" }]);
});

test("a step the core refuses is explained on the request", async () => {
  mockIPC(() => {
    throw { code: "not_found", field: null, message: "That request is not in this database, or is already archived. Reload to see what is there." };
  });
  const screen = await renderPanel([request(2)], []);
  await screen.getByRole("button", { name: "Mark resolved" }).click();
  await expect.element(screen.getByRole("alert")).toHaveTextContent("Reload to see what is there.");
});

test("a new request is sent with who asked and when, and an issue with its severity", async () => {
  const sent: [string, Record<string, unknown>][] = [];
  mockIPC((command, args) => {
    sent.push([command, (args as { draft: Record<string, unknown> }).draft]);
    return null;
  });
  const onchange = vi.fn();
  const screen = await renderPanel([], [], onchange);
  await expect.element(screen.getByText("No requests yet.", { exact: false })).toBeVisible();
  await expect.element(screen.getByText("Nothing has gone wrong.", { exact: false })).toBeVisible();

  await screen.getByRole("button", { name: "Add a request" }).click();
  await screen.getByLabelText("What did they ask for?").fill("A copy of the SLA");
  await screen.getByLabelText("Asked by").selectOptions(jonas.id);
  await screen.getByLabelText("Received").fill("2026-11-23T08:15");
  await screen.getByRole("button", { name: "Add request" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(1);

  await screen.getByRole("button", { name: "Record an issue" }).click();
  await screen.getByLabelText("What went wrong?").fill("Invoices to the wrong address");
  await screen.getByLabelText("How serious").selectOptions("High");
  await screen.getByRole("button", { name: "Open issue" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(2);

  expect(sent[0]![0]).toBe("add_request");
  expect(sent[0]![1]).toMatchObject({ account_id: "account-1", text: "A copy of the SLA", contact_id: jonas.id });
  expect(String(sent[0]![1].received_at)).toMatch(/^2026-11-23T08:15:00[+-]\d{2}:\d{2}$/);
  expect(sent[1]).toEqual(["open_issue", expect.objectContaining({ title: "Invoices to the wrong address", severity: "high" })]);
});
