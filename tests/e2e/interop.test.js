// Importing from and exporting to other tools, as a user does it in the real window: a CRM's
// CSV is mapped, previewed and imported (and a second import changes nothing), and the calendar
// is exported and kept as a file for the user's calendar. Only the system's file dialog is
// answered in advance (RAPPORT_TEST_OPEN / RAPPORT_TEST_SAVE_AS); everything after it is real.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { demoDatabase, root, startDesktop } from "./harness.js";

const work = mkdtempSync(join(tmpdir(), "rapport-interop-"));
const csv = join(work, "hubspot.csv");
const ics = join(work, "rapport.ics");
copyFileSync(join(root, "tests/fixtures/interop/hubspot-bom.csv"), csv);

let desktop;
before(async () => {
  desktop = await startDesktop(demoDatabase(), { extraEnv: { RAPPORT_TEST_OPEN: csv, RAPPORT_TEST_SAVE_AS: ics } });
});

after(async () => {
  await desktop?.stop();
});

async function go(app, label) {
  const link = await (await app.$('nav[aria-label="Main"]')).$(`a=${label}`);
  await link.waitForDisplayed({ timeout: 20_000 });
  await link.click();
}

async function importPanel(app) {
  await go(app, "Settings");
  const choose = await app.$("button=Import contacts, companies or a calendar…");
  await choose.waitForDisplayed({ timeout: 20_000 });
  return choose;
}

async function previewText(app) {
  await (await app.$("button=Preview")).click();
  const table = await app.$('//table[caption[contains(., "What the import would do")]]');
  await table.waitForDisplayed({ timeout: 20_000 });
  return table.getText();
}

async function statusText(app, pattern) {
  let text = "";
  await app.waitUntil(
    async () => {
      text = "";
      for (const status of await app.$$("#import-export [role=status]")) text += `${await status.getText()}\n`;
      return pattern.test(text);
    },
    { timeout: 20_000, timeoutMsg: `no status matched ${pattern}` },
  );
  return text;
}

test("a CRM export is mapped, previewed and imported, and importing it again changes nothing", async () => {
  await desktop.withApp("import", async (app) => {
    await (await importPanel(app)).click();
    const email2 = await app.$('select[aria-label="What \\"Email 2\\" holds"]');
    await email2.waitForDisplayed({ timeout: 20_000 });
    assert.equal(await email2.getValue(), "other_email", "a second email column is suggested as another address");
    const mobile = await app.$('select[aria-label="What \\"Mobile Phone Number\\" holds"]');
    assert.equal(await mobile.getValue(), "phone");

    const preview = await previewText(app);
    assert.match(preview, /Sam Okafor/);
    assert.match(preview, /Lagos Logistics/);
    await desktop.screenshot("import-preview");
    await (await app.$("button=Import")).click();
    const done = await statusText(app, /Imported hubspot\.csv/);
    assert.match(done, /A copy from before is in/, done);

    await go(app, "Accounts");
    const lagos = await app.$("a=Lagos Logistics");
    await lagos.waitForDisplayed({ timeout: 20_000 });

    await (await importPanel(app)).click();
    const again = await previewText(app);
    assert.doesNotMatch(again, /\bAdd\b/, "nothing would be added twice");
    assert.match(again, /Unchanged/);
  });
});

test("the calendar is exported, and kept as a file the user's calendar can subscribe to", async () => {
  await desktop.withApp("calendar", async (app) => {
    await go(app, "Settings");
    const label = await app.$("label=What to export");
    await label.waitForDisplayed({ timeout: 20_000 });
    const format = await app.$(`#${await label.getAttribute("for")}`);
    await format.selectByAttribute("value", "ics");
    await (await app.$("button=Export…")).click();
    await statusText(app, /rapport\.ics/);
    const text = readFileSync(ics, "utf8");
    assert.match(text, /^BEGIN:VCALENDAR/);
    assert.match(text, /BEGIN:VTIMEZONE/, "meetings keep their clients' zones");
    assert.match(text, /SUMMARY:Check in with/, "today's check-ins are in it");

    await (await app.$("button=Choose where to keep it…")).click();
    const kept = await app.$("p*=Kept up to date at");
    await kept.waitForDisplayed({ timeout: 20_000 });
    assert.match(await kept.getText(), /rapport\.ics/);
    assert.ok(existsSync(ics));
    await desktop.screenshot("import-export-settings");

    // The app keeps the file itself: gone, it is written again on the app's own schedule
    // (30 seconds after launch, every 15 minutes, and within a minute when it is missing).
    unlinkSync(ics);
    await app.waitUntil(async () => existsSync(ics), {
      timeout: 90_000,
      interval: 1_000,
      timeoutMsg: "the app never rewrote the calendar file",
    });
    assert.match(readFileSync(ics, "utf8"), /^BEGIN:VCALENDAR/);
  });
});
