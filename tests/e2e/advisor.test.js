// The advisor's view in the real window (issue 20): an account with no champion shows the gap;
// marking one of its people a champion closes it; "If they left" says what the account would be
// without them; the value review, saved as HTML, carries none of the internal markers planted in
// every internal field; and presenting mode hides a person's notes until it is turned off.
// The save dialog is answered in advance (RAPPORT_TEST_SAVE_AS); the data is the demo, pinned.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { cliBinary, demoDatabase, pinnedAt, startDesktop } from "./harness.js";

const db = demoDatabase();
const cli = (...args) => execFileSync(cliBinary, ["--db", db, "--at", pinnedAt, ...args], { encoding: "utf8" });
const json = (...args) => JSON.parse(cli("--json", ...args));

// An account the demo leaves without a champion, and a person there who is not one.
const account = json("account", "list").find((a) => json("stakeholders", a.id).gaps.some((g) => g.code === "no_champion"));
const map = json("stakeholders", account.id);
const person = map.people.find((p) => !p.roles.includes("economic_buyer") && !p.roles.includes("blocker"));

// A marker in every internal field: none may reach the document made for the client.
const markers = {
  contactNotes: "MARK-CONTACT-NOTE",
  culture: "MARK-CULTURE-NOTE",
  personalGoal: "MARK-PERSONAL-GOAL",
  ourGoal: "MARK-OUR-GOAL",
  inferred: "MARK-INFERRED-GOAL",
  privateTouch: "MARK-PRIVATE-TOUCH",
};
cli("contact", "edit", account.id, person.contact_id, "--notes", `Prefers short calls. ${markers.contactNotes}`);
cli("culture", "add", account.id, `Decisions take a week. ${markers.culture}`);
cli("goal", "add", account.id, `Get promoted ${markers.personalGoal}`, "--kind", "personal", "--contact", person.contact_id);
cli("goal", "add", account.id, `Upsell ${markers.ourGoal}`, "--kind", "ours");
cli("goal", "add", account.id, `Open a second site ${markers.inferred}`, "--kind", "company", "--inferred");
cli("log", account.id, `Internal call ${markers.privateTouch}`, "--with", person.contact_id, "--private", "--serves", "theirs");
cli("goal", "add", account.id, "Cut check-in times in half", "--kind", "company");

const work = mkdtempSync(join(tmpdir(), "rapport-advisor-"));
const saved = join(work, "review.html");

let desktop;
before(async () => {
  desktop = await startDesktop(db, { extraEnv: { RAPPORT_TEST_SAVE_AS: saved } });
});

after(async () => {
  await desktop?.stop();
});

test("marking a champion closes the gap, and 'If they left' says what the account would be without them", async () => {
  await desktop.withApp("advisor-map", async (app) => {
    await app.execute((id) => (window.location.hash = `#/accounts/${id}?tab=people`), account.id);
    const gaps = await app.$('section[aria-labelledby="gaps-heading"]');
    await gaps.waitForDisplayed({ timeout: 20_000 });
    assert.match(await gaps.getText(), /known to champion us/);
    await desktop.screenshot("advisor-gaps");

    await app.execute((id, who) => (window.location.hash = `#/accounts/${id}?tab=people&person=${who}`), account.id, person.contact_id);
    await (await app.$("button=If they left…")).click();
    const left = await app.$('section[aria-labelledby="if-left-heading"]');
    await left.waitForDisplayed({ timeout: 20_000 });
    assert.match(await left.getText(), new RegExp(`Without ${person.name}`));
    assert.match(await left.getText(), /Health would/);
    await desktop.screenshot("advisor-if-they-left");

    await (await app.$("button=Edit")).click();
    const champion = await app.$('input[name="roles"][value="champion"]');
    await champion.waitForDisplayed({ timeout: 20_000 });
    await champion.click();
    await (await app.$("button=Save changes")).click();
    await app.waitUntil(async () => /Champion/.test(await (await app.$('p[aria-label="Where they stand"]')).getText()), {
      timeout: 20_000,
      timeoutMsg: "the person's page never said they champion us",
    });
  });
  const after = json("stakeholders", account.id);
  assert.ok(!after.gaps.some((g) => g.code === "no_champion"), "the gap is closed");
  assert.ok(after.people.find((p) => p.contact_id === person.contact_id).roles.includes("champion"));
});

test("the value review is saved for the client with nothing internal in it", async () => {
  await desktop.withApp("advisor-review", async (app) => {
    await app.execute((id) => (window.location.hash = `#/review/${id}`), account.id);
    const sheet = await app.$("article.sheet");
    await sheet.waitForDisplayed({ timeout: 20_000 });
    const shown = await sheet.getText();
    assert.match(shown, /Cut check-in times in half/);
    for (const marker of Object.values(markers)) assert.ok(!shown.includes(marker), `${marker} is not on the screen`);
    await desktop.screenshot("advisor-value-review");
    await (await app.$("button=Save as HTML")).click();
    await app.waitUntil(() => existsSync(saved), { timeout: 20_000, timeoutMsg: "the review was never saved" });
  });
  const html = readFileSync(saved, "utf8");
  assert.match(html, /Cut check-in times in half/);
  for (const marker of Object.values(markers)) assert.ok(!html.includes(marker), `${marker} is not in the saved review`);
  for (const word of ["champion", "Supportive", "trust", "sentiment"]) assert.ok(!html.includes(word), `no "${word}" in it`);
});

test("presenting mode hides a person's notes until it is turned off, and says so", async () => {
  await desktop.withApp("advisor-presenting", async (app) => {
    await app.execute((id) => (window.location.hash = `#/accounts/${id}?tab=people`), account.id);
    const note = await app.$(`p*=${markers.contactNotes}`);
    await note.waitForDisplayed({ timeout: 20_000 });
    await (await app.$("h1")).click();
    await app.keys("p");
    const banner = await app.$("p.presenting-banner");
    await banner.waitForDisplayed({ timeout: 20_000 });
    assert.match(await banner.getText(), /Presenting: personal and internal notes are hidden/);
    await note.waitForDisplayed({ reverse: true, timeout: 20_000 });
    await desktop.screenshot("advisor-presenting");
    await (await app.$("button=Stop presenting")).click();
    await note.waitForDisplayed({ timeout: 20_000 });
    assert.equal(await banner.isExisting(), false);
  });
});
