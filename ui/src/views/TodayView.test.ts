import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { page as browserPage, userEvent } from "vitest/browser";
import { render } from "vitest-browser-svelte";
// The app's own styles: what is measured here is what the window shows.
import "../styles/app.css";
import type { Suggestion } from "../bindings";
import { askEarly } from "../lib/firstPage";
import { keyCaps, todayShortcuts } from "../lib/shortcuts";
import { contact, NOW, page, reason, suggestion, summary } from "../test/fixtures";
import App from "../App.svelte";
import TodayView from "./TodayView.svelte";

afterEach(async () => {
  clearMocks();
  // Back on Today, for the router too, after a test that opened an account.
  if (window.location.hash !== "#/") {
    const back = new Promise((done) => window.addEventListener("hashchange", done, { once: true }));
    window.location.hash = "#/";
    await back;
  }
  // Back to the test runner's size, after a test of how Today fits a window.
  await browserPage.viewport(414, 896);
});

const annika = contact({ id: "contact-annika", name: "Annika Vogt" });
const jonas = contact({ name: "Jonas Keller", level: "manager" });

type Call = { command: string; args: Record<string, unknown> };

const order = ["now", "today", "this_week", "later"];
const BUDGET = 8;

/** The core's page of a list (already most urgent first): every "now", then the rest while the
 * budget lasts; the first `more` of what is left; and how many each group holds. */
function pageOf(list: Suggestion[], more: number) {
  const counts = order
    .map((urgency) => ({ urgency, count: list.filter((s) => s.urgency === urgency).length }))
    .filter((c) => c.count > 0);
  const breaches = list.filter((s) => s.urgency === "now");
  const rest = list.filter((s) => s.urgency !== "now");
  const room = Math.max(0, BUDGET - breaches.length);
  const suggestions = [...breaches, ...rest.slice(0, room)];
  const waiting = rest.slice(room);
  const over_budget = breaches.slice(BUDGET).map((s) => s.key);
  return { budget: BUDGET, suggestions, over_budget, more: waiting.slice(0, more), more_count: waiting.length, counts };
}

/** Answers `today_page` with each list in turn (the last one from then on), and keeps every call. */
function serving(...lists: Suggestion[][]) {
  const calls: Call[] = [];
  let aside: unknown[] = [];
  let served = 0;
  mockIPC((command, args) => {
    calls.push({ command, args: (args ?? {}) as Record<string, unknown> });
    if (command === "today_page") {
      const more = (args as { more: number }).more;
      return pageOf(lists[Math.min(served++, lists.length - 1)] ?? [], more);
    }
    if (command === "account_page") return page({ contacts: [annika, jonas] });
    if (command === "complete_checkin") return { interaction: {}, promises: [], request: null, goal: null };
    if (command === "snooze_checkin" || command === "dismiss_checkin") {
      const key = (args as { key: string }).key;
      aside = [{ key, account: "Kestrel Logistik GmbH", contact: "Annika Vogt", action: command === "snooze_checkin" ? "snoozed" : "dismissed", until: null, at: NOW.toISOString() }];
      return { key, previous: null };
    }
    if (command === "put_aside") return aside;
    if (command === "list_accounts") return [summary()];
    if (command === "undo_put_aside" || command === "bring_back") {
      aside = [];
      return command === "bring_back" ? { key: (args as { key: string }).key, previous: null } : null;
    }
    throw new Error(`unexpected ${command}`);
  });
  return calls;
}

const sent = (calls: Call[], command: string) => calls.filter((c) => c.command === command).map((c) => c.args);

const kestrel = suggestion();
const heron = suggestion({
  account: "Heron Foods",
  account_id: "heron",
  contact: null,
  contact_id: null,
  urgency: "this_week",
  priority: 20,
  reasons: [reason("cadence_due", "No touch with Heron Foods for 40 days; the rhythm is every 30 days.")],
  talking_points: [],
});
const osprey = suggestion({
  account: "Osprey Bank",
  account_id: "osprey",
  contact: "Lena Park",
  contact_id: "lena",
  urgency: "today",
  priority: 55,
  reasons: [
    reason("meeting_prep", '"Quarterly review" starts in 20 h. Read the brief and confirm the agenda.', {
      evidence: { kind: "meeting", id: "m1" },
    }),
    reason("personal_date", "Lena Park's birthday is tomorrow. A personal note goes a long way."),
  ],
});

test("check-ins are grouped under Now, Today and This week, each a compact row: who, the reason that ranks it, and their time", async () => {
  serving([kestrel, osprey, heron]);
  const screen = await render(TodayView, { now: NOW, zone: "Europe/London" });
  const headings = screen.getByRole("heading", { level: 2 });
  await expect.element(headings.first()).toHaveTextContent("Now");
  expect(headings.elements().map((h) => h.textContent)).toEqual(["Now", "Today", "This week"]);

  const now = screen.getByRole("region", { name: "Now" });
  await expect.element(now.getByRole("article", { name: "Check-in: Kestrel Logistik GmbH — Annika Vogt" })).toBeVisible();
  await expect.element(screen.getByRole("region", { name: "Today" }).getByRole("article")).toHaveAccessibleName("Check-in: Osprey Bank — Lena Park");
  await expect.element(screen.getByRole("region", { name: "This week" }).getByRole("article")).toHaveAccessibleName("Check-in: Heron Foods");

  // Osprey is not the selected one: its row says who, why (the first reason, the one that ranks
  // it, and how many more), and when on their clock; the rest waits for it to be selected.
  const row = screen.getByRole("article", { name: "Check-in: Osprey Bank — Lena Park" });
  await expect.element(row.getByRole("heading", { level: 3 })).toHaveTextContent("Osprey Bank — Lena Park");
  await expect.element(row.getByRole("link", { name: "Osprey Bank" })).toHaveAttribute("href", "#/accounts/osprey");
  await expect.element(row).toHaveTextContent("Meeting ahead");
  await expect.element(row).toHaveTextContent("Read the brief and confirm the agenda.");
  await expect.element(row).toHaveTextContent("+1 more");
  await expect.element(row).toHaveTextContent("Tue 9:00 AM their time");
  await expect.element(row).not.toHaveTextContent("Lena Park's birthday is tomorrow.");
  await expect.element(row.getByRole("button")).not.toBeInTheDocument();
  // Short enough for a dozen to show at once.
  expect(row.element().getBoundingClientRect().height).toBeGreaterThanOrEqual(40);
  expect(row.element().getBoundingClientRect().height).toBeLessThanOrEqual(64);
});

test("the first check-in is selected as Today opens, and clicking a row opens its detail instead: every reason, the talking points, the rank, the actions", async () => {
  serving([kestrel, osprey, heron]);
  const screen = await render(TodayView, { now: NOW, zone: "Europe/London" });
  const kestrelRow = screen.getByRole("article", { name: "Check-in: Kestrel Logistik GmbH — Annika Vogt" });
  await expect.element(kestrelRow).toHaveAttribute("aria-current", "true");
  await expect.element(kestrelRow.getByRole("button", { name: "Done: Kestrel Logistik GmbH — Annika Vogt" })).toBeVisible();

  const card = screen.getByRole("article", { name: "Check-in: Osprey Bank — Lena Park" });
  await card.getByText(/ their time$/).click();
  await expect.element(card).toHaveAttribute("aria-current", "true");
  await expect.element(kestrelRow).not.toHaveAttribute("aria-current");
  await expect.element(kestrelRow.getByRole("button", { name: /^Done/ })).not.toBeInTheDocument();

  const why = card.getByRole("list", { name: "Why now" });
  await expect.element(why).toHaveTextContent("Meeting ahead");
  await expect.element(why).toHaveTextContent("Read the brief and confirm the agenda.");
  await expect.element(why).toHaveTextContent("Personal date");
  await expect.element(why).toHaveTextContent("Lena Park's birthday is tomorrow.");
  await expect.element(card.getByRole("link", { name: "Open the meeting" })).toHaveAttribute("href", "#/accounts/osprey?tab=meetings");
  // The rank is said in words, never as a number without a scale.
  await expect.element(card).not.toHaveTextContent("Priority");
  await expect.element(card).toHaveTextContent("Ranked by a late promise");
  await expect.element(card.getByRole("list", { name: "Talking points" })).toHaveTextContent("Walked Annika through the pilot");
  for (const action of ["Done", "Snooze", "Dismiss"]) {
    await expect.element(card.getByRole("button", { name: `${action}: Osprey Bank — Lena Park` })).toBeVisible();
  }
});
test("the first page, asked for as the app starts, is the one shown, without asking again", async () => {
  // Asked early it holds Kestrel alone; a fresh request would bring Heron too.
  const calls = serving([kestrel], [kestrel, heron]);
  askEarly();
  const screen = await render(TodayView, { now: NOW });
  await expect.element(screen.getByRole("article", { name: "Check-in: Kestrel Logistik GmbH — Annika Vogt" })).toBeVisible();
  await expect.element(screen.getByRole("heading", { level: 2, name: "This week" })).not.toBeInTheDocument();
  expect(sent(calls, "today_page")).toEqual([{ more: 0 }]);
});

test("an empty group is left out", async () => {
  serving([kestrel, heron]);
  const screen = await render(TodayView, { now: NOW });
  await expect.element(screen.getByRole("heading", { level: 2, name: "This week" })).toBeVisible();
  await expect.element(screen.getByRole("heading", { level: 2, name: "Today" })).not.toBeInTheDocument();
});

test("the day holds the budget, spread across accounts; the rest waits under More, ten at a time", async () => {
  const many = Array.from({ length: 25 }, (_, n) =>
    suggestion({
      key: `k${n}`,
      account: `Client ${n + 1}`,
      account_id: `a${n}`,
      contact: null,
      contact_id: null,
      urgency: "this_week",
      priority: 100 - n,
    }),
  );
  const calls = serving(many);
  const screen = await render(TodayView, { now: NOW });
  const week = screen.getByRole("region", { name: "This week" });
  await expect.element(week.getByRole("article").first()).toHaveAccessibleName("Check-in: Client 1");
  expect(week.getByRole("article").elements()).toHaveLength(8);
  await expect.element(screen.getByText("8 check-ins for today, within your budget of 8 a day.", { exact: false })).toBeVisible();
  const more = screen.getByRole("region", { name: /More/ });
  await expect.element(more.getByRole("heading")).toHaveTextContent("More (17)");
  expect(more.getByRole("article").elements()).toHaveLength(0);
  await more.getByRole("button", { name: /Show 10 more/ }).click();
  await expect.poll(() => more.getByRole("article").elements().length).toBe(10);
  await expect.element(more.getByRole("article").first()).toHaveAccessibleName("Check-in: Client 9");
  await more.getByRole("button", { name: /Show 7 more/ }).click();
  await expect.poll(() => more.getByRole("article").elements().length).toBe(17);
  await expect.element(screen.getByRole("button", { name: /more/ })).not.toBeInTheDocument();
  expect(sent(calls, "today_page")).toEqual([{ more: 0 }, { more: 10 }, { more: 20 }]);
});

test("a breach beyond the budget is shown anyway, and said to be beyond it", async () => {
  const breaches = Array.from({ length: 10 }, (_, n) =>
    suggestion({ key: `b${n}`, account: `Client ${n + 1}`, account_id: `a${n}`, contact: null, contact_id: null, priority: 100 - n }),
  );
  serving([...breaches, heron]);
  const screen = await render(TodayView, { now: NOW });
  const now = screen.getByRole("region", { name: "Now" });
  await expect.poll(() => now.getByRole("article").elements().length).toBe(10);
  await expect.element(screen.getByText("10 check-ins for today: 2 are beyond your budget of 8 a day", { exact: false })).toBeVisible();
  await expect.element(now.getByRole("article").nth(7)).not.toHaveTextContent("Beyond today's budget");
  await expect.element(now.getByRole("article").nth(8)).toHaveTextContent("Beyond today's budget");
  await expect.element(now.getByRole("article").nth(9)).toHaveTextContent("Beyond today's budget");
  // Its detail says why it is shown anyway.
  await now.getByRole("article").nth(8).getByText(/ their time$/).click();
  await expect.element(now.getByRole("article").nth(8)).toHaveTextContent("Beyond today's budget: owed to the client today");
  await expect.element(screen.getByRole("region", { name: /More/ }).getByRole("heading")).toHaveTextContent("More (1)");
});
test("a heavy portfolio's counts read with their thousands grouped", async () => {
  const many = Array.from({ length: 2097 }, (_, n) =>
    suggestion({
      key: `k${n}`,
      account: `Client ${n + 1}`,
      account_id: `a${n}`,
      contact: null,
      contact_id: null,
      urgency: "this_week",
      priority: 3000 - n,
    }),
  );
  serving(many);
  const screen = await render(TodayView, { now: NOW });
  await expect.element(screen.getByRole("heading", { name: /More/ })).toHaveTextContent("More (2,089)");
  await expect.element(screen.getByRole("button", { name: /Show 10 more/ })).toHaveTextContent("(2,089 not shown)");
});

test("a card gives the suggested time in the client's time and in the user's own", async () => {
  serving([kestrel]);
  const screen = await render(TodayView, { now: NOW, zone: "Europe/London" });
  await expect.element(screen.getByRole("article")).toHaveTextContent("Tue 9:00 AM their time (Europe/Berlin) · Tue 8:00 AM yours");
});

test("Done opens quick capture for the person, and saving logs it as the check-in and takes the card away", async () => {
  const owed = suggestion({
    reasons: [
      reason("promise_overdue", 'We promised "Send the revised rollout plan" and it is 2 days late. Tell Annika Vogt now.', {
        evidence: { kind: "promise", id: "p1" },
        settles: "keep_promise",
      }),
    ],
  });
  const calls = serving([owed], []);
  const screen = await render(TodayView, { now: NOW });
  await screen.getByRole("button", { name: "Done: Kestrel Logistik GmbH — Annika Vogt" }).click();

  const form = screen.getByRole("form", { name: "Log the check-in with Kestrel Logistik GmbH — Annika Vogt" });
  await expect.element(form).toBeVisible();
  await expect.element(form.getByLabelText("What was it about?")).toHaveValue("Update on our late promise: Send the revised rollout plan");
  await expect.element(form.getByLabelText("What was it about?")).toHaveFocus();
  await expect.element(form.getByRole("checkbox", { name: "Annika Vogt" })).toBeChecked();
  await expect.element(form.getByRole("checkbox", { name: "Jonas Keller" })).not.toBeChecked();
  await expect.element(form.getByLabelText("Channel")).toHaveValue("call");
  // The summary says the promise was delivered, so the change it waits on is ticked.
  await expect.element(screen.getByRole("checkbox", { name: "Mark the promise kept" })).toBeChecked();
  await expect.element(screen.getByRole("group", { name: "With this touch" })).toHaveTextContent("stays on Today until it is done");

  await form.getByRole("checkbox", { name: "Jonas Keller" }).click();
  await form.getByRole("button", { name: "Save to history" }).click();
  await expect.element(screen.getByRole("heading", { name: "Nothing needs you today" })).toBeVisible();
  await expect.element(screen.getByRole("article")).not.toBeInTheDocument();

  const [done] = sent(calls, "complete_checkin");
  expect(done).toMatchObject({ key: owed.key, settle: [{ settle: "keep_promise", record_id: "p1" }] });
  expect((done!.draft as { interaction: unknown }).interaction).toMatchObject({
    account_id: "account-1",
    summary: "Update on our late promise: Send the revised rollout plan",
    channel: "call",
    initiated_by: "us",
    contact_ids: [annika.id, jonas.id],
  });
  expect(calls.map((c) => c.command).filter((c) => c !== "put_aside" && c !== "list_accounts")).toEqual(["today_page", "account_page", "complete_checkin", "today_page"]);
});

test("a change left unticked is not made: Done logs the touch alone", async () => {
  const owed = suggestion({
    reasons: [
      reason("unanswered_request", "Annika Vogt's request has not been acknowledged for 2 h.", {
        evidence: { kind: "request", id: "r1" },
        settles: "acknowledge_request",
      }),
      reason("promise_due_soon", '"Send the plan" is due in 2 days.', { evidence: { kind: "promise", id: "p1" }, settles: "keep_promise" }),
    ],
  });
  const calls = serving([owed], [owed]);
  const screen = await render(TodayView, { now: NOW });
  await screen.getByRole("button", { name: "Done: Kestrel Logistik GmbH — Annika Vogt" }).click();
  const acknowledge = screen.getByRole("checkbox", { name: "Mark the request acknowledged" });
  await expect.element(acknowledge).toBeChecked();
  await expect.element(screen.getByRole("checkbox", { name: "Mark the promise kept" })).not.toBeChecked();
  await acknowledge.click();
  await screen.getByRole("button", { name: "Save to history" }).click();
  await expect.poll(() => sent(calls, "complete_checkin").length).toBe(1);
  expect(sent(calls, "complete_checkin")[0]).toMatchObject({ settle: [] });
});

test("a refused capture shows the core's sentence beside the summary, and the card stays", async () => {
  mockIPC((command) => {
    if (command === "today_page") return pageOf([kestrel], 25);
    if (command === "account_page") return page({ contacts: [annika] });
    throw { code: "validation", field: "summary", message: "Say in a few words what the interaction was about, then save again." };
  });
  const screen = await render(TodayView, { now: NOW });
  await screen.getByRole("button", { name: /^Done/ }).click();
  await screen.getByLabelText("What was it about?").fill("");
  await screen.getByRole("button", { name: "Save to history" }).click();
  await expect.element(screen.getByRole("alert")).toHaveTextContent("Say in a few words");
  expect(document.getElementById("summary-error")).not.toBeNull();
  await expect.element(screen.getByRole("article")).toBeVisible();
});

test("Snooze until tomorrow morning sends 09:00 the next day on the user's clock, then asks for the list again", async () => {
  const calls = serving([kestrel], []);
  const monday = new Date(2026, 10, 23, 15, 30);
  const screen = await render(TodayView, { now: monday });
  await screen.getByRole("button", { name: /^Snooze/ }).click();
  await screen.getByRole("button", { name: /^Tomorrow morning/ }).click();
  await expect.element(screen.getByRole("article")).not.toBeInTheDocument();

  const [snoozed] = sent(calls, "snooze_checkin");
  expect(snoozed).toMatchObject({ key: kestrel.key, fingerprint: kestrel.fingerprint });
  expect(String(snoozed!.until)).toMatch(/^2026-11-24T09:00:00[+-]\d{2}:\d{2}$/);
  expect(new Date(String(snoozed!.until))).toEqual(new Date(2026, 10, 24, 9, 0));
  expect(sent(calls, "today_page")).toHaveLength(2);
});

test("snooze offers later today, next week and a time of the user's choosing", async () => {
  const calls = serving([kestrel], []);
  const screen = await render(TodayView, { now: new Date(2026, 10, 25, 10, 0) });
  await screen.getByRole("button", { name: /^Snooze/ }).click();
  const choices = screen.getByRole("group", { name: "Snooze until" });
  await expect.element(choices.getByRole("button", { name: "Later today (1:00 PM)" })).toBeVisible();
  await expect.element(choices.getByRole("button", { name: "Next week (Mon 9:00 AM)" })).toBeVisible();
  await choices.getByLabelText("Another time").fill("2026-11-27T14:45");
  await choices.getByRole("button", { name: "Snooze until then" }).click();
  await expect.poll(() => sent(calls, "snooze_checkin").length).toBe(1);
  expect(new Date(String(sent(calls, "snooze_checkin")[0]!.until))).toEqual(new Date(2026, 10, 27, 14, 45));
});

test("Dismiss puts the check-in away until there is something new", async () => {
  const calls = serving([kestrel, heron], [heron]);
  const screen = await render(TodayView, { now: NOW });
  await screen.getByRole("button", { name: "Dismiss: Kestrel Logistik GmbH — Annika Vogt" }).click();
  await expect.element(screen.getByRole("article", { name: /Kestrel/ })).not.toBeInTheDocument();
  await expect.element(screen.getByRole("article", { name: "Check-in: Heron Foods" })).toBeVisible();
  expect(sent(calls, "dismiss_checkin")).toEqual([{ key: kestrel.key, fingerprint: kestrel.fingerprint }]);
});

test("a dismissal can be undone from its notice, and what is put aside can be brought back", async () => {
  const calls = serving([kestrel, heron], [heron], [kestrel, heron]);
  const screen = await render(TodayView, { now: NOW });
  await screen.getByRole("button", { name: "Dismiss: Kestrel Logistik GmbH — Annika Vogt" }).click();
  const notice = screen.getByRole("status");
  await expect.element(notice).toHaveTextContent("Dismissed Kestrel Logistik GmbH — Annika Vogt until something new happens.");
  await expect.element(screen.getByText("Snoozed and dismissed")).toBeVisible();
  await notice.getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => sent(calls, "undo_put_aside")).toEqual([{ undo: { key: kestrel.key, previous: null } }]);
  await expect.element(screen.getByRole("article", { name: "Check-in: Kestrel Logistik GmbH — Annika Vogt" })).toBeVisible();
  await expect.element(notice).toHaveTextContent("Put back on Today.");
});

test("the list of what is put aside brings one back", async () => {
  const calls = serving([heron], [heron, kestrel]);
  const screen = await render(TodayView, { now: NOW });
  await screen.getByRole("button", { name: "Dismiss: Heron Foods" }).click();
  await screen.getByText("Snoozed and dismissed").click();
  const list = screen.getByRole("list", { name: "Snoozed and dismissed" });
  await expect.element(list).toHaveTextContent("dismissed");
  await list.getByRole("button", { name: "Bring back" }).click();
  await expect.poll(() => sent(calls, "bring_back")).toEqual([{ key: heron.key }]);
  await expect.element(screen.getByRole("status")).toHaveTextContent("is back on Today.");
});

test("a refused action shows the core's sentence on the card", async () => {
  mockIPC((command) => {
    if (command === "today_page") return pageOf([kestrel], 25);
    throw { code: "storage", field: null, message: "Rapport could not read or write its database (disk full)." };
  });
  const screen = await render(TodayView, { now: NOW });
  await screen.getByRole("button", { name: /^Dismiss/ }).click();
  await expect.element(screen.getByRole("article").getByRole("alert")).toHaveTextContent("disk full");
});

test("the check-ins are reached with Tab: the selected one's actions follow its row, named after it", async () => {
  serving([heron]);
  const screen = await render(TodayView, { now: NOW });
  await expect.element(screen.getByRole("article")).toBeVisible();
  await userEvent.tab();
  await expect.element(screen.getByRole("button", { name: "? all shortcuts" })).toHaveFocus();
  await userEvent.tab();
  await expect.element(screen.getByRole("link", { name: "Heron Foods" })).toHaveFocus();
  await userEvent.tab();
  await expect.element(screen.getByRole("button", { name: "Done: Heron Foods" })).toHaveFocus();
  await userEvent.tab();
  await expect.element(screen.getByRole("button", { name: "Snooze: Heron Foods" })).toHaveFocus();
});

test("reaching another check-in with Tab opens its detail", async () => {
  serving([kestrel, heron]);
  const screen = await render(TodayView, { now: NOW });
  await expect.element(screen.getByRole("button", { name: "Done: Kestrel Logistik GmbH — Annika Vogt" })).toBeVisible();
  screen.getByRole("button", { name: "Done: Kestrel Logistik GmbH — Annika Vogt" }).element().focus();
  // Past Kestrel's actions and links, to the next row.
  for (let i = 0; i < 8 && !screen.getByRole("link", { name: "Heron Foods" }).element().matches(":focus"); i++) await userEvent.tab();
  await expect.element(screen.getByRole("link", { name: "Heron Foods" })).toHaveFocus();
  await expect.element(screen.getByRole("article", { name: "Check-in: Heron Foods" })).toHaveAttribute("aria-current", "true");
  await expect.element(screen.getByRole("button", { name: "Done: Heron Foods" })).toBeVisible();
});
test("a day with nothing to do says so, and what Rapport keeps watching", async () => {
  serving([]);
  const screen = await render(TodayView, { now: NOW });
  await expect.element(screen.getByRole("heading", { name: "Nothing needs you today" })).toBeVisible();
  await expect.element(screen.getByText(/requests waiting for an answer, promises coming due/)).toBeVisible();
});

test("a list that cannot be loaded says why", async () => {
  mockIPC(() => {
    throw { code: "storage", field: null, message: "Rapport could not read or write its database (disk full)." };
  });
  const screen = await render(TodayView, { now: NOW });
  await expect.element(screen.getByRole("alert")).toHaveTextContent("disk full");
  await expect.element(screen.getByRole("link", { name: "Open Backups" })).not.toBeInTheDocument();
});

test("a damaged database is said as the core's sentence, with the way to the backups", async () => {
  const damaged =
    "Rapport found its database damaged and has not changed it. The newest backup is from 23 Nov 2026, 03:00. Restore it from Settings, under Backups.";
  mockIPC(() => {
    throw { code: "damaged", field: null, message: damaged };
  });
  const screen = await render(TodayView, { now: NOW });
  await expect.element(screen.getByRole("alert")).toHaveTextContent(damaged);
  await expect.element(screen.getByRole("link", { name: "Open Backups" })).toHaveAttribute("href", "#/settings");
});

test("a check-in to prepare a meeting opens that meeting's brief", async () => {
  serving([osprey, kestrel]);
  const screen = await render(TodayView, { now: NOW });
  const card = screen.getByRole("article", { name: "Check-in: Osprey Bank — Lena Park" });
  await card.getByText(/ their time$/).click();
  await expect.element(card.getByRole("link", { name: "Open the brief" })).toHaveAttribute("href", "#/brief/osprey?meeting=m1");
  await screen.getByRole("article", { name: "Check-in: Kestrel Logistik GmbH — Annika Vogt" }).getByText(/ their time$/).click();
  await expect.element(screen.getByRole("button", { name: "Done: Kestrel Logistik GmbH — Annika Vogt" })).toBeVisible();
  await expect.element(screen.getByRole("link", { name: "Open the brief" })).not.toBeInTheDocument();
});
test("the hint under the heading lists Today's keys, and ? for all of them", async () => {
  serving([kestrel]);
  const screen = await render(TodayView, { now: NOW });
  const all = screen.getByRole("button", { name: "? all shortcuts" });
  await expect.element(all).toBeVisible();
  const hint = all.element().parentElement!.textContent!.replace(/\s+/g, " ");
  for (const shortcut of todayShortcuts) expect(hint).toContain(`${keyCaps(shortcut.keys[0]!).join("")} ${shortcut.hint}`);
  expect(hint).toContain("d done");
});

test("j and k, or the arrows, move the selection and the keyboard down and up the list, and stop at its ends", async () => {
  const osprey2 = { ...osprey, urgency: "now" as const };
  serving([kestrel, osprey2, heron]);
  const screen = await render(TodayView, { now: NOW });
  const card = (name: string) => screen.getByRole("article", { name: `Check-in: ${name}` });
  await expect.element(card("Kestrel Logistik GmbH — Annika Vogt")).toHaveAttribute("aria-current", "true");
  await userEvent.keyboard("j");
  await expect.element(card("Osprey Bank — Lena Park")).toHaveFocus();
  await expect.element(card("Osprey Bank — Lena Park")).toHaveAttribute("aria-current", "true");
  await expect.element(card("Osprey Bank — Lena Park").getByRole("button", { name: "Done: Osprey Bank — Lena Park" })).toBeVisible();
  await userEvent.keyboard("{ArrowDown}");
  await expect.element(card("Heron Foods")).toHaveFocus();
  await userEvent.keyboard("j");
  await expect.element(card("Heron Foods")).toHaveFocus();
  await userEvent.keyboard("k");
  await expect.element(card("Osprey Bank — Lena Park")).toHaveFocus();
  await userEvent.keyboard("{ArrowUp}");
  await expect.element(card("Kestrel Logistik GmbH — Annika Vogt")).toHaveFocus();
  await userEvent.keyboard("k");
  await expect.element(card("Kestrel Logistik GmbH — Annika Vogt")).toHaveAttribute("aria-current", "true");
});

test("x dismisses the selected check-in, and the focus stays in the list, on the one now in its place", async () => {
  const osprey2 = { ...osprey, urgency: "now" as const };
  const calls = serving([kestrel, osprey2, heron], [kestrel, heron]);
  const screen = await render(TodayView, { now: NOW });
  const card = (name: string) => screen.getByRole("article", { name: `Check-in: ${name}` });
  await expect.element(card("Kestrel Logistik GmbH — Annika Vogt")).toBeVisible();
  await userEvent.keyboard("j");
  await expect.element(card("Osprey Bank — Lena Park")).toHaveFocus();
  await userEvent.keyboard("x");
  await expect.poll(() => sent(calls, "dismiss_checkin")).toEqual([{ key: osprey2.key, fingerprint: osprey2.fingerprint }]);
  await expect.element(card("Heron Foods")).toHaveFocus();
  await expect.element(card("Heron Foods")).toHaveAttribute("aria-current", "true");
  await expect.element(screen.getByRole("status")).toHaveTextContent("Dismissed Osprey Bank — Lena Park until something new happens.");
});

test("s offers the snooze choices with the keyboard on the first; Enter takes it, and the focus stays in the list", async () => {
  const calls = serving([kestrel, heron], [heron]);
  const screen = await render(TodayView, { now: new Date(2026, 10, 25, 10, 0) });
  await expect.element(screen.getByRole("article", { name: /Kestrel/ })).toBeVisible();
  await userEvent.keyboard("s");
  const choices = screen.getByRole("group", { name: "Snooze until" });
  await expect.element(choices.getByRole("button", { name: "Later today (1:00 PM)" })).toHaveFocus();
  await userEvent.keyboard("{Escape}");
  await expect.element(choices).not.toBeInTheDocument();
  await expect.element(screen.getByRole("button", { name: "Snooze: Kestrel Logistik GmbH — Annika Vogt" })).toHaveFocus();
  await userEvent.keyboard("s");
  await userEvent.keyboard("{Enter}");
  await expect.poll(() => sent(calls, "snooze_checkin").length).toBe(1);
  expect(new Date(String(sent(calls, "snooze_checkin")[0]!.until))).toEqual(new Date(2026, 10, 25, 13, 0));
  await expect.element(screen.getByRole("article", { name: "Check-in: Heron Foods" })).toHaveFocus();
});

test("d opens the Done capture of the selected check-in; once saved, the focus is back in the list", async () => {
  const calls = serving([kestrel, heron], [heron]);
  const screen = await render(TodayView, { now: NOW });
  await expect.element(screen.getByRole("article", { name: /Kestrel/ })).toBeVisible();
  await userEvent.keyboard("d");
  const form = screen.getByRole("form", { name: "Log the check-in with Kestrel Logistik GmbH — Annika Vogt" });
  await expect.element(form.getByLabelText("What was it about?")).toHaveFocus();
  // Typing in the form is the form's: d, j, x write letters, they do not act on the list.
  await userEvent.keyboard(" djx");
  await expect.element(form.getByLabelText("What was it about?")).toHaveValue("Update on our late promise: Send the revised rollout plan djx");
  expect(sent(calls, "dismiss_checkin")).toEqual([]);
  await form.getByRole("button", { name: "Save to history" }).click();
  await expect.poll(() => sent(calls, "complete_checkin").length).toBe(1);
  await expect.element(screen.getByRole("article", { name: "Check-in: Heron Foods" })).toHaveFocus();
});

test("Enter or o opens the account of the selected check-in", async () => {
  serving([kestrel, osprey, heron]);
  const screen = await render(TodayView, { now: NOW });
  await expect.element(screen.getByRole("article", { name: /Kestrel/ })).toBeVisible();
  await userEvent.keyboard("j");
  await userEvent.keyboard("{Enter}");
  await expect.poll(() => window.location.hash).toBe("#/accounts/osprey");
  await userEvent.keyboard("j");
  await userEvent.keyboard("o");
  await expect.poll(() => window.location.hash).toBe("#/accounts/heron");
});

test("a key held with Ctrl, Alt or ⌘ is not a Today shortcut", async () => {
  const calls = serving([kestrel, heron]);
  const screen = await render(TodayView, { now: NOW });
  const first = screen.getByRole("article", { name: /Kestrel/ });
  await expect.element(first).toHaveAttribute("aria-current", "true");
  await userEvent.keyboard("{Control>}j{/Control}{Alt>}j{/Alt}{Meta>}x{/Meta}{Shift>}J{/Shift}");
  await expect.element(first).toHaveAttribute("aria-current", "true");
  expect(sent(calls, "dismiss_checkin")).toEqual([]);
});

/** A day of `n` check-ins, each with two reasons and three talking points, as the whole app shows it. */
async function appWith(n: number, width: number, height: number) {
  const list = Array.from({ length: n }, (_, i) =>
    suggestion({
      key: `k${i}`,
      account: `Client ${i + 1}`,
      account_id: `a${i}`,
      urgency: i < 3 ? "now" : i < 8 ? "today" : "this_week",
      reasons: [kestrel.reasons[0]!, ...osprey.reasons.slice(0, 1)],
      talking_points: ["Last time (20 Nov): Walked Annika through the pilot", "Ask about the volumes in Q3", "Their renewal is in March"],
    }),
  );
  mockIPC((command) => {
    if (command === "today_page") return { ...pageOf(list, 0), budget: n, suggestions: list };
    if (command === "put_aside") return [];
    throw new Error(`unexpected ${command}`);
  });
  await browserPage.viewport(width, height);
  const screen = await render(App);
  // As in the window: the app is the window's height, and its main area scrolls.
  screen.container.style.height = "100vh";
  await expect.element(screen.getByRole("article").first()).toBeVisible();
  return screen;
}

const box = (element: Element) => element.getBoundingClientRect();

test("on a wide window the selected check-in's detail sits in a pane beside the list, and stays in view while the list scrolls", async () => {
  const screen = await appWith(20, 1920, 1080);
  const pane = screen.getByRole("complementary", { name: "Selected check-in" });
  await expect.element(pane.getByRole("heading", { name: "Client 1 — Annika Vogt" })).toBeVisible();
  await expect.element(pane.getByRole("button", { name: "Done: Client 1 — Annika Vogt" })).toBeVisible();
  await expect.element(pane.getByRole("list", { name: "Talking points" })).toBeVisible();
  const first = screen.getByRole("article").first();
  await expect.element(first.getByRole("button")).not.toBeInTheDocument();

  // Side by side, level: the list a column of rows (28 to 36 rem), the detail most of the rest.
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  const [row, detail] = [box(first.element()), box(pane.element())];
  expect(detail.left).toBeGreaterThan(row.right);
  expect(Math.abs(detail.top - box(screen.getByRole("heading", { name: "Now" }).element()).top)).toBeLessThan(4 * rem);
  expect(row.width).toBeGreaterThanOrEqual(28 * rem - 2);
  expect(row.width).toBeLessThanOrEqual(36 * rem);
  expect(detail.width).toBeGreaterThan(row.width);
  expect(detail.right).toBeGreaterThan(0.75 * 1920);

  // j selects the next one, and the pane shows it.
  await userEvent.keyboard("j");
  await expect.element(pane.getByRole("heading", { name: "Client 2 — Annika Vogt" })).toBeVisible();

  // Scrolled to the foot of the list, the pane is still in view.
  const main = document.querySelector("main")!;
  main.scrollTop = main.scrollHeight;
  await expect.poll(() => box(first.element()).bottom).toBeLessThan(0);
  const done = pane.getByRole("button", { name: "Done: Client 2 — Annika Vogt" }).element();
  expect(box(done).top).toBeGreaterThan(0);
  expect(box(done).bottom).toBeLessThan(1080);
});

test("on a 900 × 600 window the detail opens under its row, and the first check-in's actions show without scrolling", async () => {
  const screen = await appWith(20, 900, 600);
  await expect.element(screen.getByRole("complementary", { name: "Selected check-in" })).not.toBeInTheDocument();
  const first = screen.getByRole("article").first();
  const done = first.getByRole("button", { name: "Done: Client 1 — Annika Vogt" });
  await expect.element(done).toBeVisible();
  expect(document.querySelector("main")!.scrollTop).toBe(0);
  expect(box(done.element()).bottom).toBeLessThanOrEqual(600);
  expect(box(first.getByRole("button", { name: "Dismiss: Client 1 — Annika Vogt" }).element()).bottom).toBeLessThanOrEqual(600);
  // The rows under it stay compact.
  expect(box(screen.getByRole("article").nth(1).element()).height).toBeLessThanOrEqual(64);
});

test("a database without a client yet welcomes a new user with the ways in, not with nothing to do", async () => {
  mockIPC((command) => {
    if (command === "today_page") return pageOf([], 10);
    if (command === "put_aside") return [];
    if (command === "list_accounts") return [];
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(TodayView, { now: NOW });
  await expect.element(screen.getByRole("heading", { name: "Welcome to Rapport" })).toBeVisible();
  await expect.element(screen.getByRole("heading", { name: "Nothing needs you today" })).not.toBeInTheDocument();
  await expect.element(screen.getByRole("link", { name: "Add your first account" })).toHaveAttribute("href", "#/accounts");
  await expect
    .element(screen.getByRole("link", { name: "Import from your CRM, address book or calendar" }))
    .toHaveAttribute("href", "#/settings?section=import-export");
});
