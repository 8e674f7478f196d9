import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { render } from "vitest-browser-svelte";
import type { Brief } from "../bindings";
import {
  brief,
  briefGoal,
  briefIssue,
  briefMeeting,
  briefNote,
  briefPerson,
  briefPromise,
  briefRequest,
  briefTouch,
  NOW,
} from "../test/fixtures";
import BriefView from "./BriefView.svelte";

afterEach(() => {
  clearMocks();
  vi.restoreAllMocks();
});

type Call = { command: string; args: Record<string, unknown> };

/** Answers `brief` with `data` and `save_brief` with `saved` (a path, null, or an error to throw). */
function serving(data: Brief, saved: unknown = null) {
  const calls: Call[] = [];
  mockIPC((command, args) => {
    calls.push({ command, args: (args ?? {}) as Record<string, unknown> });
    if (command === "brief") return data;
    if (command === "save_brief") {
      if (saved instanceof Error) throw { code: "storage", message: saved.message, field: null };
      return saved;
    }
    throw new Error(`unexpected ${command}`);
  });
  return calls;
}

const full = brief({
  meeting: briefMeeting(),
  attendees: [
    briefPerson({ reports_to: "Dieter Brandt", personal_goals: [] }),
    briefPerson({
      name: "Jonas Keller",
      title: "Head of Warehousing",
      level: "manager",
      reports_to: "Annika Vogt",
      preferred_channel: "email",
      personal_goals: ["Lead the rollout to the southern sites"],
      last_touch_at: null,
      last_touch_about: null,
    }),
  ],
  also_matter: [
    briefPerson({
      name: "Dieter Brandt",
      title: "CEO",
      reports_to: null,
      why: "Annika Vogt reports to them; they sign the renewal.",
    }),
  ],
  culture: [briefNote(), briefNote({ category: "etiquette", about: "Dieter Brandt", text: "Use his title" })],
  goals: [
    briefGoal(),
    briefGoal({ kind: "personal", title: "Become VP Operations", whose: "Annika Vogt", status: "open", stated: false, target_date: null }),
    briefGoal({
      kind: "ours",
      title: "Renew for three years",
      status: "at_risk",
      last_progress: "Procurement asked for a discount",
      last_progress_at: "2026-11-10T10:00:00Z",
    }),
  ],
  open_promises: [
    briefPromise({ text: "Send the pilot numbers", due_at: "2026-11-21T22:59:00Z", at_risk: true }),
    briefPromise({ text: "Book the site visit", due_at: "2026-11-24T22:59:00Z", at_risk: true, who: "Annika Vogt" }),
    briefPromise({ direction: "theirs", text: "Share the volumes forecast", due_at: "2026-12-10T22:59:00Z" }),
  ],
  settled_promises: [
    briefPromise({ text: "Fix the label printer", status: "kept", completed_at: "2026-11-01T10:00:00Z" }),
    briefPromise({ text: "Send the draft contract", status: "kept", kept_late: true, completed_at: "2026-11-05T10:00:00Z" }),
    briefPromise({ text: "Call back the same day", status: "broken" }),
  ],
  recent: [briefTouch(), briefTouch({ channel: "email", with: [], summary: "Sent the agenda" })],
  open_requests: [briefRequest()],
  issues: [briefIssue({ acknowledged: false, notes: "Finance is chasing it" })],
  health: "Reliability is the weakest part: two promises late this quarter.",
  talking_points: ["The pilot cut cross-dock time by 12%"],
  questions: ["What would make the rollout a success for you personally?"],
});

const sections = [
  "The meeting",
  "Who attends",
  "Not in the room, but they matter",
  "Culture reminders",
  "Goals",
  "Promises",
  "Recent history",
  "Open requests",
  "Issues",
  "Relationship health",
  "Talking points",
  "Questions worth asking",
];

test("a meeting's brief reads as one page: every section in order, the meeting in their time and the user's", async () => {
  const calls = serving(full);
  const screen = await render(BriefView, { accountId: "account-1", meetingId: "meeting-qbr", now: NOW, zone: "Europe/London" });
  await expect.element(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Brief: Kestrel Logistik GmbH — Quarterly business review");
  expect(screen.getByRole("heading", { level: 2 }).elements().map((h) => h.textContent)).toEqual(sections);
  expect(calls[0]).toEqual({ command: "brief", args: { accountId: "account-1", meetingId: "meeting-qbr" } });

  const meeting = screen.getByRole("region", { name: "The meeting" });
  await expect.element(meeting).toHaveTextContent("Wed 14:00 their time (Europe/Berlin) · Wed 13:00 yours");
  await expect.element(meeting).toHaveTextContent("1 h");
  await expect.element(meeting).toHaveTextContent("Hamburg office");
  await expect.element(meeting).toHaveTextContent("Pilot results; rollout to two more sites");

  const who = screen.getByRole("region", { name: "Who attends" });
  const annika = who.getByRole("listitem").filter({ hasText: "Annika Vogt — Chief Operating Officer" });
  await expect.element(annika).toHaveTextContent("Executive · reports to Dieter Brandt · prefers call");
  await expect.element(annika).toHaveTextContent("Their own goals: not known yet — ask.");
  await expect.element(annika).toHaveTextContent("Last touch: 3 days ago");
  await expect.element(annika).toHaveTextContent(/ago \(.+\) — Walked Annika through the pilot/);
  const jonas = who.getByRole("listitem").filter({ hasText: "Jonas Keller" });
  await expect.element(jonas).toHaveTextContent("Manager · reports to Annika Vogt · prefers email");
  await expect.element(jonas).toHaveTextContent("Their own goals: Lead the rollout to the southern sites");
  await expect.element(jonas).toHaveTextContent("Last touch: never");
  await expect
    .element(screen.getByRole("region", { name: "Not in the room, but they matter" }))
    .toHaveTextContent("Annika Vogt reports to them; they sign the renewal.");

  const culture = screen.getByRole("region", { name: "Culture reminders" });
  await expect.element(culture).toHaveTextContent("How they communicate: Short emails, decisions by phone");
  await expect.element(culture).toHaveTextContent("Etiquette (about Dieter Brandt): Use his title");

  const goals = screen.getByRole("region", { name: "Goals" });
  expect(goals.getByRole("heading", { level: 3 }).elements().map((h) => h.textContent)).toEqual([
    "Their company's goals",
    "Their people's own goals",
    "Our goals for this account",
    "Our company's goals",
  ]);
  await expect.element(goals).toHaveTextContent("Become VP Operations Open Annika Vogt · our inference");
  await expect.element(goals).toHaveTextContent("Renew for three years At risk");
  await expect.element(goals).toHaveTextContent("Procurement asked for a discount");
  await expect.element(goals).toHaveTextContent("None recorded — note what your own company needs");

  const promises = screen.getByRole("region", { name: "Promises" });
  await expect.element(promises.getByRole("listitem").filter({ hasText: "Send the pilot numbers" })).toHaveTextContent("overdue");
  await expect.element(promises.getByRole("listitem").filter({ hasText: "Book the site visit" })).toHaveTextContent("We promised (Annika Vogt):");
  await expect.element(promises.getByRole("listitem").filter({ hasText: "Book the site visit" })).toHaveTextContent("at risk");
  await expect.element(promises.getByRole("listitem").filter({ hasText: "Share the volumes forecast" })).toHaveTextContent("They promised:");
  await expect.element(promises.getByRole("listitem").filter({ hasText: "Share the volumes forecast" })).not.toHaveTextContent(/overdue|at risk/);
  await expect.element(promises.getByRole("heading", { name: "Kept or broken in the last 90 days" })).toBeVisible();
  await expect.element(promises.getByRole("listitem").filter({ hasText: "Fix the label printer" })).toHaveTextContent("kept on time");
  await expect.element(promises.getByRole("listitem").filter({ hasText: "Send the draft contract" })).toHaveTextContent("kept late");
  await expect.element(promises.getByRole("listitem").filter({ hasText: "Call back the same day" })).toHaveTextContent("broken");
  await expect.element(promises).toHaveTextContent("We kept 1 of our 3 on time.");

  await expect.element(screen.getByRole("region", { name: "Recent history" })).toHaveTextContent("Call with Annika Vogt: Walked Annika through the pilot");
  const request = screen.getByRole("region", { name: "Open requests" });
  await expect.element(request).toHaveTextContent("A quote for two more sites");
  await expect.element(request).toHaveTextContent("not acknowledged");
  await expect.element(request).toHaveTextContent("answer due in 4 h");
  await expect.element(request).toHaveTextContent("Received from Annika Vogt 20 h ago; answer due by Mon 15:00 their time (Europe/Berlin) · Mon 14:00 yours");
  await expect.element(screen.getByRole("region", { name: "Issues" })).toHaveTextContent("open, not acknowledged");
  await expect.element(screen.getByRole("region", { name: "Relationship health" })).toHaveTextContent("Reliability is the weakest part");
  await expect.element(screen.getByRole("region", { name: "Talking points" })).toHaveTextContent("The pilot cut cross-dock time by 12%");
  await expect.element(screen.getByRole("region", { name: "Questions worth asking" })).toHaveTextContent("for you personally?");
});

test("without a meeting the brief is about the account and its executives, and each empty part says what to do", async () => {
  serving(brief());
  const screen = await render(BriefView, { accountId: "account-1", now: NOW });
  await expect.element(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Brief: Kestrel Logistik GmbH");
  expect(screen.getByRole("heading", { level: 1 }).element().textContent).toBe("Brief: Kestrel Logistik GmbH");
  const headings = screen.getByRole("heading", { level: 2 }).elements().map((h) => h.textContent);
  expect(headings).toEqual(["Their executives", ...sections.slice(3)]);
  await expect.element(screen.getByRole("region", { name: "Their executives" })).toHaveTextContent("Add the people who decide");
  await expect.element(screen.getByRole("region", { name: "Culture reminders" })).toHaveTextContent("No culture notes yet.");
  await expect.element(screen.getByRole("region", { name: "Promises" })).toHaveTextContent("Nothing open either way.");
  await expect.element(screen.getByRole("region", { name: "Recent history" })).toHaveTextContent("Nothing logged yet.");
  await expect.element(screen.getByRole("region", { name: "Open requests" })).toHaveTextContent("None waiting");
  await expect.element(screen.getByRole("region", { name: "Questions worth asking" })).toHaveTextContent("Ask what has changed for them");
});

test("text the user typed is shown as written, never run as HTML or Markdown", async () => {
  const hostile = `<img src=x onerror="document.title='pwned'"> **bold**`;
  const title = document.title;
  serving(
    brief({
      meeting: briefMeeting({ title: hostile, agenda: hostile }),
      attendees: [briefPerson({ name: hostile, last_touch_about: hostile })],
      culture: [briefNote({ text: hostile })],
      talking_points: [hostile],
    }),
  );
  const screen = await render(BriefView, { accountId: "account-1", meetingId: "meeting-qbr", now: NOW });
  const culture = screen.getByRole("region", { name: "Culture reminders" });
  await expect.element(culture.getByText(hostile, { exact: true })).toBeVisible();
  await expect.element(screen.getByRole("heading", { level: 1 })).toHaveTextContent(`Brief: Kestrel Logistik GmbH — ${hostile}`);
  await expect.element(screen.getByRole("region", { name: "Talking points" }).getByText(hostile, { exact: true })).toBeVisible();
  // Give a broken image the time it would need to fire its handler.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(screen.container.querySelector("img")).toBeNull();
  expect([...screen.container.querySelectorAll("strong, b, em")].map((e) => e.textContent)).not.toContain("bold");
  expect(document.title).toBe(title);
});

test("Save as Markdown asks the core to save the brief, and says where it went", async () => {
  const calls = serving(full, "/home/sam/Documents/Kestrel brief.md");
  const screen = await render(BriefView, { accountId: "account-1", meetingId: "meeting-qbr", now: NOW });
  await screen.getByRole("button", { name: "Save as Markdown" }).click();
  await expect.element(screen.getByRole("status")).toHaveTextContent("Saved to /home/sam/Documents/Kestrel brief.md.");
  expect(calls.filter((c) => c.command === "save_brief").map((c) => c.args)).toEqual([
    { accountId: "account-1", meetingId: "meeting-qbr", format: "markdown" },
  ]);
});

test("Save as HTML shows the core's sentence when it fails, and nothing when the user cancels", async () => {
  const calls = serving(brief(), new Error("Rapport could not write the file. Choose another folder."));
  const screen = await render(BriefView, { accountId: "account-1", now: NOW });
  await screen.getByRole("button", { name: "Save as HTML" }).click();
  await expect.element(screen.getByRole("alert")).toHaveTextContent("Rapport could not write the file. Choose another folder.");
  expect(calls.at(-1)).toEqual({ command: "save_brief", args: { accountId: "account-1", meetingId: null, format: "html" } });

  const cancelled = serving(brief(), null);
  await screen.getByRole("button", { name: "Save as HTML" }).click();
  await expect.poll(() => cancelled.length).toBe(1);
  await expect.element(screen.getByRole("alert")).not.toBeInTheDocument();
  expect(screen.container.querySelector('[role="status"]')?.textContent).toBe("");
});

test("Print opens the system's print dialog, and a link leads back to the account", async () => {
  const print = vi.spyOn(window, "print").mockImplementation(() => {});
  serving(brief());
  const screen = await render(BriefView, { accountId: "account-1", now: NOW });
  await screen.getByRole("button", { name: "Print" }).click();
  expect(print).toHaveBeenCalledOnce();
  await expect.element(screen.getByRole("link", { name: "← Kestrel Logistik GmbH" })).toHaveAttribute("href", "#/accounts/account-1");
});

test("a brief that cannot be made says why", async () => {
  mockIPC(() => {
    throw { code: "not_found", message: "That account no longer exists. It may have been archived.", field: null };
  });
  const screen = await render(BriefView, { accountId: "gone", now: NOW });
  await expect.element(screen.getByRole("alert")).toHaveTextContent("That account no longer exists.");
  await expect.element(screen.getByRole("link", { name: "← Back to the account" })).toHaveAttribute("href", "#/accounts/gone");
});
