// The desktop app as installed from the .deb (scripts/package-test.sh starts this with
// RAPPORT_APP=/usr/bin/rapport-desktop): it opens in a real window on the demo that the
// installed `rapport demo` put in the user's data folder, shows Today, and its About panel names
// the same release and data format as the installed CLI.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, test } from "node:test";
import { appBinary, cliBinary, startDesktop } from "../e2e/harness.js";

const db = process.env.RAPPORT_INSTALLED_DB;

let desktop;
before(async () => {
  assert.ok(db, "RAPPORT_INSTALLED_DB names the user's database");
  assert.ok(appBinary.startsWith("/usr/"), `the installed app is tested, not ${appBinary}`);
  desktop = await startDesktop(db);
});

after(async () => {
  await desktop?.stop();
});

test("the installed app opens on the user's data, shows Today, and names its release", async () => {
  const line = execFileSync(cliBinary, ["--version"], { encoding: "utf8" });
  const [, version, format] = line.match(/^rapport (\S+) \(data format (\d+)\)/);
  await desktop.withApp("installed", async (app) => {
    await (await app.$("h1=Today")).waitForDisplayed({ timeout: 30_000 });
    await app.waitUntil(async () => (await app.$$("article.checkin")).length > 0, {
      timeout: 20_000,
      timeoutMsg: "Today listed no check-in on the demo",
    });
    await desktop.screenshot("installed-today");
    const nav = await app.$('nav[aria-label="Main"]');
    await (await nav.$("a=Settings")).click();
    const about = await app.$("#about");
    await about.waitForDisplayed({ timeout: 20_000 });
    await app.waitUntil(async () => /Version/.test(await about.getText()), { timeout: 20_000 });
    const said = await about.getText();
    assert.match(said, new RegExp(`Version\\s+${version.replaceAll(".", "\\.")}`));
    assert.match(said, new RegExp(`Data format\\s+${format}`));
    assert.ok(said.includes(db), `the About panel names the file open: ${said}`);
  });
});
