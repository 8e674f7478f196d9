// A repeating meeting from a calendar, as a user meets it in the real window (issue 23): the
// import's preview says the series once, and the account's Meetings tab shows it as one row with
// how it repeats, its other occurrences folded under it. Only the file dialog is answered in
// advance (RAPPORT_TEST_OPEN); the calendar is written relative to the pinned moment.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { cliBinary, demoDatabase, pinnedAt, startDesktop } from "./harness.js";

const work = mkdtempSync(join(tmpdir(), "rapport-series-"));
const ics = join(work, "steering.ics");

// The Monday after the pinned moment, at 14:30 UTC: a weekly call with no end.
const start = new Date(pinnedAt);
start.setUTCDate(start.getUTCDate() + ((8 - start.getUTCDay()) % 7 || 7));
start.setUTCHours(14, 30, 0, 0);
const stamp = (at) => at.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
writeFileSync(
  ics,
  [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
    "BEGIN:VEVENT",
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(new Date(start.getTime() + 30 * 60_000))}`,
    "RRULE:FREQ=WEEKLY;BYDAY=MO",
    "UID:steering-e2e@google.com",
    "SUMMARY:Steering call",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n"),
);

const db = demoDatabase();
const accounts = JSON.parse(execFileSync(cliBinary, ["--db", db, "--json", "account", "list"], { encoding: "utf8" }));
const account = accounts[0];

let desktop;
before(async () => {
  desktop = await startDesktop(db, { extraEnv: { RAPPORT_TEST_OPEN: ics } });
});

after(async () => {
  await desktop?.stop();
});

test("a weekly meeting is one line of the import's preview and one row of the Meetings tab", async () => {
  await desktop.withApp("series", async (app) => {
    const settings = await (await app.$('nav[aria-label="Main"]')).$("a=Settings");
    await settings.waitForDisplayed({ timeout: 20_000 });
    await settings.click();
    const choose = await app.$("button=Import contacts, companies or a calendar…");
    await choose.waitForDisplayed({ timeout: 20_000 });
    await choose.click();
    const where = await app.$('//select[option[.="No account"]]');
    await where.waitForDisplayed({ timeout: 20_000 });
    await where.selectByAttribute("value", account.id);
    await (await app.$("button=Preview")).click();
    const table = await app.$('//table[caption[contains(., "What the import would do")]]');
    await table.waitForDisplayed({ timeout: 20_000 });
    const rows = await table.$$("tbody tr");
    assert.equal(rows.length, 1, "the series is one line, not one per occurrence");
    assert.match(await table.getText(), /repeats weekly on Monday: 52 meetings from/);
    await desktop.screenshot("series-preview");
    await (await app.$("button=Import")).click();
    await app.waitUntil(
      async () => {
        for (const status of await app.$$("#import-export [role=status]")) {
          if (/Imported steering\.ics/.test(await status.getText())) return true;
        }
        return false;
      },
      { timeout: 20_000, timeoutMsg: "the import never said it was done" },
    );

    await app.execute((id) => (window.location.hash = `#/accounts/${id}?tab=meetings`), account.id);
    const coming = await app.$('section[aria-labelledby="meetings-upcoming"]');
    await coming.waitForDisplayed({ timeout: 20_000 });
    const repeats = await app.$("span=Repeats weekly on Monday");
    await repeats.waitForDisplayed({ timeout: 20_000 });
    const more = await app.$("button=51 more coming up");
    assert.equal(await more.getAttribute("aria-expanded"), "false");
    await more.click();
    const others = await app.$('ul[aria-label="Other meetings of “Steering call”"]');
    await others.waitForDisplayed({ timeout: 20_000 });
    assert.equal((await others.$$("li")).length, 51);
    await desktop.screenshot("series-meetings-tab");
  });
});
