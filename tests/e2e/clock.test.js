// The window pinned at a moment (RAPPORT_AT, as the tests pin it) answers as of that moment and
// keeps no chore on it: looking at health as of 2031 leaves no snapshot "taken" in 2031.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { execFileSync } from "node:child_process";
import { cliBinary, demoDatabase, startDesktop } from "./harness.js";

const future = "2031-05-05T09:00:00Z";
let desktop;
const db = demoDatabase();

before(async () => {
  desktop = await startDesktop(db, { extraEnv: { RAPPORT_AT: future } });
});

after(async () => {
  await desktop?.stop();
});

test("health looked at as of a future moment leaves no snapshot taken on that day", async () => {
  await desktop.withApp("pinned-health", async (app) => {
    const nav = await (await app.$('nav[aria-label="Main"]')).$("a=Health");
    await nav.waitForDisplayed({ timeout: 20_000 });
    await nav.click();
    const list = await app.$('ol[aria-label="Accounts, riskiest first"]');
    await list.waitForDisplayed({ timeout: 20_000 });
    const first = (await list.$$("li[data-account-id]"))[0];
    await (await first.$("a")).click();
    const panel = await app.$("#panel-health");
    await panel.waitForDisplayed({ timeout: 10_000 });
    await app.waitUntil(async () => (await panel.$$("canvas")).length > 0, {
      timeout: 10_000,
      timeoutMsg: "the health chart never appeared",
    });
  });
  // As of the next day, the pinned day is one rebuilt from the records, never one "taken".
  const review = JSON.parse(
    execFileSync(cliBinary, ["--db", db, "--at", "2031-05-06T09:00:00Z", "health", "--json"], { encoding: "utf8" }),
  );
  for (const account of review) {
    const day = account.trend.points.find((p) => p.day === "2031-05-05");
    assert.ok(day, `${account.account} has a point for the pinned day`);
    assert.equal(day.reconstructed, true, `${account.account}: a snapshot was taken at the pinned moment`);
  }
});
