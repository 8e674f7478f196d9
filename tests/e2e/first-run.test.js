// A new user's first run in the real window (issue 22): from the welcome they can look around the
// demo portfolio, kept in a file of its own, and come back to their own empty data untouched; the
// first account they add leads on to its people, to the last conversation, then to Today; and `?`
// lists the keyboard shortcuts. Screenshots of each step are kept in tests/e2e/artifacts/.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { cliBinary, startDesktop } from "./harness.js";

const work = mkdtempSync(join(tmpdir(), "rapport-first-run-"));
const db = join(work, "rapport.db");

/** The accounts in the user's own file, as the command line reads them. */
function ownAccounts() {
  return JSON.parse(execFileSync(cliBinary, ["--db", db, "account", "list", "--json"], { encoding: "utf8" }));
}

let desktop;
before(async () => {
  // No file yet: the app makes an empty database, as on a first start.
  desktop = await startDesktop(db);
});

after(async () => {
  await desktop?.stop();
});

test("the demo opens from the welcome in a file of its own, and going back finds the user's data untouched", async () => {
  await desktop.withApp("demo-from-welcome", async (app) => {
    await (await app.$("h2=Welcome to Rapport")).waitForDisplayed({ timeout: 20_000 });
    await (await app.$("button=Open the demo portfolio")).click();
    const banner = await app.$("p.demo-banner");
    await banner.waitForDisplayed({ timeout: 30_000 });
    assert.match(await banner.getText(), /You are looking at the demo portfolio/);
    const nav = await app.$('nav[aria-label="Main"]');
    await (await nav.$("a=Accounts")).click();
    await (await app.$("a=Kestrel Logistik GmbH")).waitForDisplayed({ timeout: 20_000 });
    await desktop.screenshot("first-run-demo");

    await (await app.$("button=Back to your data")).click();
    await (await app.$("h2=Welcome to Rapport")).waitForDisplayed({ timeout: 20_000 });
    assert.equal(await (await app.$("p.demo-banner")).isExisting(), false);
  });
  assert.deepEqual(ownAccounts(), [], "nothing of the demo reached the user's file");
  assert.ok(existsSync(join(work, "demo", "rapport-demo.db")), "the demo lives in a file of its own");
});

test("the first account leads on to its people, then the last conversation, then Today; ? lists the shortcuts", async () => {
  await desktop.withApp("first-account", async (app) => {
    await (await app.$("h2=Welcome to Rapport")).waitForDisplayed({ timeout: 20_000 });
    await desktop.screenshot("first-run-welcome");
    await (await app.$("a=Add your first account")).click();
    const form = await app.$("form[aria-label='Add an account']");
    await form.waitForDisplayed({ timeout: 20_000 });
    await (await form.$("input[name='name']")).setValue("Nordwind Freight <b>AG</b>");
    await (await form.$("input[name='timezone']")).clearValue();
    await (await form.$("input[name='timezone']")).setValue("Europe/Berlin");
    await (await form.$("button=Add account")).click();

    // The name is full of markup: it must read as typed, and the text is compared, never parsed.
    const step = async (heading) =>
      app.waitUntil(async () => (await (await app.$(".first-steps h2")).getText().catch(() => "")) === heading, {
        timeout: 20_000,
        timeoutMsg: `the first steps never said "${heading}"`,
      });
    await step("Next: the people you work with at Nordwind Freight <b>AG</b>");
    await desktop.screenshot("first-run-people");
    await (await app.$("//section[contains(@class, 'first-steps')]//button[normalize-space() = 'Add a person']")).click();
    await (await app.$(".first-steps input[name='name']")).setValue("Greta Lind");
    await (await app.$("//section[contains(@class, 'first-steps')]//button[normalize-space() = 'Add person']")).click();

    await step("Next: your last conversation with Greta");
    await (await app.$("button=Log your last conversation")).click();
    const log = await app.$("form[aria-label='Log an interaction']");
    await log.waitForDisplayed({ timeout: 20_000 });
    await (await log.$("textarea[name='summary']")).setValue("Kick-off call with Greta about the Hamburg lanes");
    await (await log.$("label*=Greta Lind")).click();
    await (await log.$("button=Save to history")).click();

    await step("Nordwind Freight <b>AG</b> is set up");
    await desktop.screenshot("first-run-set-up");
    await (await app.$("button=Go to Today")).click();
    await (await app.$("h1=Today")).waitForDisplayed({ timeout: 20_000 });
    assert.equal(await (await app.$("h2=Welcome to Rapport")).isExisting(), false, "the welcome gave way to Today");

    await (await app.$("body")).click();
    await app.keys(["?"]);
    const shortcuts = await app.$("h2=Keyboard shortcuts");
    await shortcuts.waitForDisplayed({ timeout: 10_000 });
    await desktop.screenshot("first-run-shortcuts");
    await app.keys(["Escape"]);
    await app.waitUntil(async () => !(await shortcuts.isDisplayed()), { timeout: 10_000, timeoutMsg: "Escape left the shortcuts open" });
  });
  const accounts = ownAccounts();
  assert.equal(accounts.length, 1);
  assert.equal(accounts[0].name, "Nordwind Freight <b>AG</b>", "a name full of markup is kept as typed");
  assert.equal(accounts[0].contact_count, 1);
  assert.ok(accounts[0].last_touch_at, "the conversation is in its history");
});
