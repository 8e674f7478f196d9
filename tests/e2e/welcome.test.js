// A new user's first minutes, in the real window (issues 23 and 22): an empty database opens on
// a welcome with the ways in, and importing a CRM's export from there is a perfectly good first
// step — the clients it brings are on the Accounts list, and the welcome gives way to Today.
// Only the file dialog is answered in advance (RAPPORT_TEST_OPEN).
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { root, startDesktop } from "./harness.js";

const work = mkdtempSync(join(tmpdir(), "rapport-welcome-"));
const csv = join(work, "hubspot.csv");
copyFileSync(join(root, "tests/fixtures/interop/hubspot-bom.csv"), csv);

let desktop;
before(async () => {
  // No file yet: the app makes an empty database, as on a first start.
  desktop = await startDesktop(join(work, "rapport.db"), { extraEnv: { RAPPORT_TEST_OPEN: csv } });
});

after(async () => {
  await desktop?.stop();
});

test("an empty database welcomes a new user, and a CRM export imported from there brings the clients in", async () => {
  await desktop.withApp("welcome", async (app) => {
    const welcome = await app.$("h2=Welcome to Rapport");
    await welcome.waitForDisplayed({ timeout: 20_000 });
    assert.equal(await (await app.$("h2=Nothing needs you today")).isExisting(), false);
    await desktop.screenshot("welcome");

    await (await app.$("a=Import from your CRM, address book or calendar")).click();
    const choose = await app.$("button=Import contacts, companies or a calendar…");
    await choose.waitForDisplayed({ timeout: 20_000 });
    const inView = await app.execute((button) => {
      const box = button.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }, choose);
    assert.ok(inView, "the import is brought into view");
    await choose.click();
    await (await app.$("button=Preview")).waitForDisplayed({ timeout: 20_000 });
    await (await app.$("button=Preview")).click();
    const table = await app.$('//table[caption[contains(., "What the import would do")]]');
    await table.waitForDisplayed({ timeout: 20_000 });
    await (await app.$("button=Import")).click();
    await app.waitUntil(
      async () => {
        for (const status of await app.$$("#import-export [role=status]")) {
          if (/Imported hubspot\.csv/.test(await status.getText())) return true;
        }
        return false;
      },
      { timeout: 20_000, timeoutMsg: "the import never said it was done" },
    );

    const nav = await app.$('nav[aria-label="Main"]');
    await (await nav.$("a=Accounts")).click();
    await (await app.$("a=Lagos Logistics")).waitForDisplayed({ timeout: 20_000 });
    await (await nav.$("a=Today")).click();
    await (await app.$("h1=Today")).waitForDisplayed({ timeout: 20_000 });
    await app.waitUntil(async () => !(await (await app.$("h2=Welcome to Rapport")).isExisting()), {
      timeout: 20_000,
      timeoutMsg: "the welcome stayed once there were clients",
    });
  });
});
