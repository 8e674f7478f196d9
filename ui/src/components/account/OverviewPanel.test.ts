import { expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import { NOW, contact, entry, meeting, page, promise, request } from "../../test/fixtures";
import OverviewPanel from "./OverviewPanel.svelte";

const annika = contact({ name: "Annika Vogt" });

test("open requests show their 24 hour answer clock, overdue or not", async () => {
  const screen = await render(OverviewPanel, {
    page: page({
      contacts: [annika],
      requests: [
        request(27, { text: "Quote for two more sites", contact_id: annika.id, acknowledged_at: NOW.toISOString() }),
        request(19, { text: "Copy of the SLA", acknowledged_at: NOW.toISOString() }),
        request(50, { text: "Old question", answered_at: NOW.toISOString() }),
      ],
    }),
    now: NOW,
  });
  const requests = screen.getByRole("region", { name: "Open requests" });
  await expect.element(requests.getByText("answer overdue by 3 h")).toBeVisible();
  await expect.element(requests.getByText("answer due in 5 h")).toBeVisible();
  await expect.element(requests.getByText("From Annika Vogt", { exact: false })).toBeVisible();
  // Answered requests are no longer waiting on anyone.
  await expect.element(requests.getByText("Old question")).not.toBeInTheDocument();
});

test("open promises are shown both ways with their due dates, and settled ones are left out", async () => {
  const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();
  const screen = await render(OverviewPanel, {
    page: page({
      promises: [
        promise({ text: "Send the rollout plan", due_at: inDays(-2) }),
        promise({ text: "Share the site list", direction: "theirs", due_at: inDays(6) }),
        promise({ text: "Kept already", status: "kept", completed_at: inDays(-5) }),
      ],
    }),
    now: NOW,
  });
  const ours = screen.getByRole("list", { name: "We owe" });
  const theirs = screen.getByRole("list", { name: "They owe" });
  await expect.element(ours.getByText("Send the rollout plan")).toBeVisible();
  await expect.element(ours.getByText("overdue by 2 days")).toBeVisible();
  await expect.element(theirs.getByText("Share the site list")).toBeVisible();
  await expect.element(theirs.getByText("due in 6 days")).toBeVisible();
  await expect.element(screen.getByText("Kept already")).not.toBeInTheDocument();
  // Read-only here: acting on promises is the Promises tab's job.
  await expect.element(screen.getByRole("button", { name: "Kept" })).not.toBeInTheDocument();
});

test("the overview gives tier, status, the client's clock, renewal and the next meeting", async () => {
  const screen = await render(OverviewPanel, {
    page: page({
      contacts: [annika],
      meetings: [
        meeting({ title: "Last week's review", starts_at: "2026-11-16T10:00:00Z", ends_at: "2026-11-16T11:00:00Z" }),
        meeting({ title: "Steering committee", starts_at: "2026-12-02T10:00:00Z", ends_at: "2026-12-02T11:00:00Z" }),
        meeting({ title: "Pilot kickoff", starts_at: "2026-11-25T13:00:00Z", attendee_ids: [annika.id] }),
      ],
    }),
    now: NOW,
  });
  const glance = screen.getByRole("region", { name: "At a glance" });
  await expect.element(glance.getByText("Strategic")).toBeVisible();
  await expect.element(glance.getByText("Active")).toBeVisible();
  await expect.element(glance.getByText("Europe/Berlin")).toBeVisible();
  await expect.element(glance.getByText(/11:00/)).toBeVisible();
  await expect.element(glance.getByText("Pilot kickoff")).toBeVisible();
  await expect.element(glance.getByText("with Annika Vogt", { exact: false })).toBeVisible();
  await expect.element(glance.getByText("Steering committee")).not.toBeInTheDocument();
  await expect.element(glance.getByText("in 128 days")).toBeVisible();
});

test("the people and the newest history are visible from the overview", async () => {
  const screen = await render(OverviewPanel, {
    page: page({
      contacts: [annika],
      timeline: [entry({ text: "Newest call", contact_ids: [annika.id] }), entry({ text: "Older call", at: "2026-11-01T10:00:00Z" })],
    }),
    now: NOW,
  });
  await expect.element(screen.getByRole("tree")).toHaveTextContent("Annika Vogt");
  const first = screen.container.querySelector('ol[aria-label="History"] li');
  expect(first?.textContent).toContain("Newest call");
  expect(first?.textContent).toContain("With Annika Vogt");
});

test("with nothing open, the overview says how to fill it", async () => {
  const screen = await render(OverviewPanel, { page: page(), now: NOW });
  await expect.element(screen.getByText("Nothing owed either way", { exact: false })).toBeVisible();
  await expect.element(screen.getByText("Nothing waiting for an answer", { exact: false })).toBeVisible();
  await expect.element(screen.getByRole("link", { name: "Schedule a meeting" })).toBeVisible();
});
