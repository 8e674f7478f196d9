// A calendar kept current, and an invitation dropped onto the window (issue 19), as a user meets
// them in the real window. Settings → Your calendars keeps an .ics file current and reads it at
// once: its meetings with a client's people are added, and the one that has ended joins the
// account's history. An invitation dropped onto the window waits in Rapport noticed as a meeting,
// and `a` adds it. The file dialog and the drop are answered in advance (RAPPORT_TEST_OPEN,
// RAPPORT_TEST_DROP); the files are dated relative to the pinned moment.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { cliBinary, demoDatabase, pinnedAt, startDesktop } from "./harness.js";

const db = demoDatabase();
const accounts = JSON.parse(execFileSync(cliBinary, ["--db", db, "--json", "account", "list"], { encoding: "utf8" }));
const account = accounts[2];
const show = () => JSON.parse(execFileSync(cliBinary, ["--db", db, "--json", "account", "show", account.id], { encoding: "utf8" }));
const client = show().contacts.find((c) => c.email);

const work = mkdtempSync(join(tmpdir(), "rapport-calendars-"));
const hours = (h) => new Date(new Date(pinnedAt).getTime() + h * 3_600_000);
const stamp = (at) => at.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
const event = (uid, start, title) => [
  "BEGIN:VEVENT",
  `UID:${uid}`,
  `DTSTART:${stamp(start)}`,
  `DTEND:${stamp(new Date(start.getTime() + 3_600_000))}`,
  `SUMMARY:${title}`,
  "ORGANIZER:mailto:anna@ours.example",
  `ATTENDEE;CN=${client.name}:mailto:${client.email}`,
  "END:VEVENT",
];
const ics = join(work, "work.ics");
writeFileSync(
  ics,
  ["BEGIN:VCALENDAR", "VERSION:2.0", ...event("held-e2e@ours.example", hours(-50), "Pricing workshop"), ...event("next-e2e@ours.example", hours(100), "Onboarding review"), "END:VCALENDAR", ""].join("\r\n"),
);

const invitation = join(work, "Invitation.eml");
writeFileSync(
  invitation,
  [
    `From: ${client.name} <${client.email}>`,
    "To: Anna Berg <anna@ours.example>",
    `Date: ${hours(-3).toUTCString().replace("GMT", "+0000")}`,
    "Message-ID: <invite-e2e@client.example>",
    "Subject: Invitation: Renewal planning",
    "MIME-Version: 1.0",
    'Content-Type: multipart/alternative; boundary="b"',
    "",
    "--b",
    "Content-Type: text/plain",
    "",
    "Renewal planning with our team.",
    "--b",
    "Content-Type: text/calendar; method=REQUEST",
    "",
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "METHOD:REQUEST",
    ...event("renewal-e2e@client.example", hours(72), "Renewal planning"),
    "END:VCALENDAR",
    "--b--",
    "",
  ].join("\r\n"),
);

let desktop;
before(async () => {
  desktop = await startDesktop(db, { extraEnv: { RAPPORT_TEST_OPEN: ics, RAPPORT_TEST_DROP: invitation } });
});

after(async () => {
  await desktop?.stop();
});

test("a calendar kept current brings its client meetings, and the one that ended joins the history", async () => {
  await desktop.withApp("calendars", async (app) => {
    const settings = await (await app.$('nav[aria-label="Main"]')).$("a=Settings");
    await settings.waitForDisplayed({ timeout: 20_000 });
    await settings.click();
    const keep = await app.$("button=Keep a calendar file current…");
    await keep.waitForDisplayed({ timeout: 20_000 });
    await keep.click();
    const said = await app.$("p*=2 meetings with clients added");
    await said.waitForDisplayed({ timeout: 20_000 });
    assert.match(await said.getText(), /1 meeting that has ended now in its account's history/);
    assert.match(await (await app.$('ul[aria-label="Calendars kept current"]')).getText(), /work\.ics/);
    await desktop.screenshot("calendars-kept");

    await app.execute((id) => (window.location.hash = `#/accounts/${id}?tab=meetings`), account.id);
    const coming = await app.$('section[aria-labelledby="meetings-upcoming"]');
    await coming.waitForDisplayed({ timeout: 20_000 });
    await app.waitUntil(async () => /Onboarding review/.test(await coming.getText()), {
      timeout: 20_000,
      timeoutMsg: "the meeting from the calendar never showed among those coming up",
    });
  });
  const page = show();
  const touch = page.interactions.find((i) => i.message_id === "calendar:held-e2e@ours.example");
  assert.ok(touch, "the meeting that ended is a touch");
  assert.equal(touch.source, "calendar");
  assert.equal(touch.summary, "Pricing workshop");
});

test("an invitation dropped onto the window waits as a meeting, and a yes adds it", async () => {
  await desktop.withApp("invitation", async (app) => {
    await app.execute(() => (window.location.hash = "#/noticed"));
    const item = await app.$("li*=Renewal planning");
    await item.waitForDisplayed({ timeout: 20_000 });
    assert.match(await item.getText(), /A meeting/);
    await desktop.screenshot("invitation-noticed");
    await item.click();
    await app.keys("a");
    await (await app.$("p*=Accepted: a meeting")).waitForDisplayed({ timeout: 20_000 });
  });
  const meeting = show().meetings.find((m) => m.title === "Renewal planning");
  assert.ok(meeting, "the meeting is added");
  assert.equal(new Date(meeting.starts_at).getTime(), hours(72).getTime());
  assert.ok(meeting.attendee_ids.includes(client.id));
});
