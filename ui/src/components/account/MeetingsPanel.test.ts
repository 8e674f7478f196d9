import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { render } from "vitest-browser-svelte";
import { NOW, contact, meeting } from "../../test/fixtures";
import MeetingsPanel from "./MeetingsPanel.svelte";

afterEach(() => clearMocks());

const annika = contact({ name: "Annika Vogt" });

test("meetings coming up are listed apart from past ones, with who attends", async () => {
  const screen = await render(MeetingsPanel, {
    accountId: "account-1",
    contacts: [annika],
    now: NOW,
    timezone: "Europe/Berlin",
    onchange: () => {},
    meetings: [
      meeting({ title: "Pilot kickoff", attendee_ids: [annika.id] }),
      meeting({ title: "Last review", starts_at: "2026-11-02T10:00:00Z", ends_at: "2026-11-02T11:00:00Z" }),
    ],
  });
  const upcoming = screen.getByRole("region", { name: "Coming up" });
  await expect.element(upcoming.getByText("Pilot kickoff")).toBeVisible();
  await expect.element(upcoming.getByText("With Annika Vogt", { exact: false })).toBeVisible();
  await expect.element(screen.getByRole("region", { name: "Past meetings" }).getByText("Last review")).toBeVisible();
  // Issue 24: a meeting's time says its zone, their time beside yours.
  await expect.element(upcoming.getByText("their time (Europe/Berlin)", { exact: false })).toBeVisible();
});

test("each meeting coming up has its brief one click away; past ones do not", async () => {
  const kickoff = meeting({ id: "kickoff", title: "Pilot kickoff" });
  const screen = await render(MeetingsPanel, {
    accountId: "account-1",
    contacts: [annika],
    now: NOW,
    timezone: "Europe/Berlin",
    onchange: () => {},
    meetings: [kickoff, meeting({ title: "Last review", starts_at: "2026-11-02T10:00:00Z", ends_at: "2026-11-02T11:00:00Z" })],
  });
  await expect
    .element(screen.getByRole("region", { name: "Coming up" }).getByRole("link", { name: "Brief" }))
    .toHaveAttribute("href", "#/brief/account-1?meeting=kickoff");
  await expect.element(screen.getByRole("region", { name: "Past meetings" }).getByRole("link", { name: "Brief" })).not.toBeInTheDocument();
});

test("a meeting is scheduled with its attendees, and a missing start is explained beside it", async () => {
  const drafts: Record<string, unknown>[] = [];
  mockIPC((command, args) => {
    expect(command).toBe("add_meeting");
    const draft = (args as { draft: Record<string, unknown> }).draft;
    drafts.push(draft);
    if (!draft.starts_at) throw { code: "validation", field: "starts_at", message: "A meeting needs a start time. Say when it starts." };
    return meeting();
  });
  const onchange = vi.fn();
  const screen = await render(MeetingsPanel, { accountId: "account-1", contacts: [annika], now: NOW, timezone: "Europe/Berlin", onchange, meetings: [] });
  await expect.element(screen.getByText("Nothing scheduled.", { exact: false })).toBeVisible();
  await screen.getByRole("button", { name: "Schedule a meeting" }).click();
  await screen.getByLabelText("What is it?").fill("Steering committee");
  await screen.getByLabelText("Annika Vogt").click();
  await screen.getByRole("button", { name: "Add meeting" }).click();
  await expect.element(screen.getByRole("alert")).toHaveTextContent("A meeting needs a start time.");
  await expect.element(screen.getByLabelText("Starts")).toHaveAttribute("aria-invalid", "true");

  await screen.getByLabelText("Starts").fill("2026-12-02T10:00");
  await screen.getByRole("button", { name: "Add meeting" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(1);
  expect(drafts[1]).toMatchObject({ title: "Steering committee", attendee_ids: [annika.id], ends_at: null });
  expect(String(drafts[1]!.starts_at)).toMatch(/^2026-12-02T10:00:00[+-]\d{2}:\d{2}$/);
});

test("people the calendar invited who are not yet among yours are shown on the meeting, the sender said", async () => {
  const screen = await render(MeetingsPanel, {
    accountId: "account-1",
    contacts: [annika],
    now: NOW,
    timezone: "Europe/Berlin",
    onchange: () => {},
    meetings: [
      meeting({
        title: "Pilot kickoff",
        guests: [
          { email: "dana@acme.com", name: "Dana <b>Ruiz</b>", role: "organizer" },
          { email: "lee@acme.com", name: null, role: "attendee" },
        ],
      }),
    ],
  });
  await expect
    .element(screen.getByText("Also invited, not yet among your people:", { exact: false }))
    .toHaveTextContent("Dana <b>Ruiz</b> (dana@acme.com), who sent the invitation; lee@acme.com");
});

test("a repeating meeting is one row with how it repeats, and its other occurrences unfold under it", async () => {
  const series = { series_id: "series-1", repeats: "weekly on Monday", changed: false };
  const weekly = (day: number, changed = false) =>
    meeting({
      title: "Steering call",
      starts_at: `2026-12-${String(day).padStart(2, "0")}T14:30:00Z`,
      ends_at: `2026-12-${String(day).padStart(2, "0")}T15:00:00Z`,
      series: { ...series, changed },
    });
  const screen = await render(MeetingsPanel, {
    accountId: "account-1",
    contacts: [annika],
    now: NOW,
    timezone: "America/New_York",
    onchange: () => {},
    meetings: [weekly(7), weekly(14, true), weekly(21), meeting({ title: "Pilot kickoff" })],
  });
  const upcoming = screen.getByRole("region", { name: "Coming up" });
  await expect.element(upcoming.getByText("Steering call")).toBeVisible();
  await expect.element(upcoming.getByText("Repeats weekly on Monday")).toBeVisible();
  const more = upcoming.getByRole("button", { name: "2 more coming up" });
  await expect.element(more).toHaveAttribute("aria-expanded", "false");
  await more.click();
  const others = upcoming.getByRole("list", { name: "Other meetings of “Steering call”" });
  await expect.element(others.getByRole("listitem").nth(1)).toBeVisible();
  await expect.element(others.getByText("Changed from the series")).toBeVisible();
  await upcoming.getByRole("button", { name: "Hide the others" }).click();
  await expect.element(others).not.toBeInTheDocument();
});

test("editing one meeting of a series says the others stay as they are", async () => {
  const screen = await render(MeetingsPanel, {
    accountId: "account-1",
    contacts: [annika],
    now: NOW,
    timezone: "Europe/Berlin",
    onchange: () => {},
    meetings: [meeting({ title: "Steering call", series: { series_id: "s", repeats: "weekly on Monday", changed: false } })],
  });
  await screen.getByRole("button", { name: "Edit" }).click();
  await expect
    .element(screen.getByText("This changes this meeting only. The others of the series (it repeats weekly on Monday) stay as they are."))
    .toBeVisible();
});
