// Opening data from an older release in the real window (issue 22): the window opens at once on
// the upgrade, says how far it has come and where the copy of the file as it was is kept, then
// leads to Today on the upgraded data. The file is the schema-3 fixture the migration tests use.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { cliBinary, root, startDesktop } from "./harness.js";

const work = mkdtempSync(join(tmpdir(), "rapport-upgrade-"));
const db = join(work, "rapport.db");
copyFileSync(join(root, "tests/fixtures/schema/v3.db"), db);

let desktop;
before(async () => {
  desktop = await startDesktop(db);
});

after(async () => {
  await desktop?.stop();
});

test("a file from an older release is upgraded in view, the copy kept is named, and Today follows", async () => {
  await desktop.withApp("upgrade", async (app) => {
    const done = await app.$("h1=Your data is up to date");
    await done.waitForDisplayed({ timeout: 30_000 });
    const said = await (await app.$("main.upgrade")).getText();
    assert.match(said, /data format 3 to \d+/);
    const kept = said.match(/A copy of your data as it was is kept: (.+?)\. Settings/);
    assert.ok(kept, said);
    assert.ok(existsSync(kept[1]), `the copy named is there: ${kept[1]}`);
    await desktop.screenshot("upgrade-done");
    await (await app.$("button=Continue to Rapport")).click();
    await (await app.$("h1=Today")).waitForDisplayed({ timeout: 20_000 });
    const nav = await app.$('nav[aria-label="Main"]');
    await (await nav.$("a=Accounts")).click();
    await (await app.$("a=Kestrel Logistik GmbH")).waitForDisplayed({ timeout: 20_000 });
  });
  const version = execFileSync(cliBinary, ["--version"], { encoding: "utf8" });
  const schema = Number(version.match(/data format (\d+)/)[1]);
  const accounts = JSON.parse(execFileSync(cliBinary, ["--db", db, "account", "list", "--json"], { encoding: "utf8" }));
  assert.ok(accounts.length >= 12, "every account of the old file is there");
  assert.ok(schema > 3);
});
