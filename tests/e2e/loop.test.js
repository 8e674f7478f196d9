// The daily loop in the real window (issue 24): capture from any view with a draft that survives
// Escape, a due date typed in words, a person's own page from search, and a saved brief named
// for its meeting. The demo is pinned at a Wednesday morning (harness.js), so "in 2 days" is Friday.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { cliBinary, demoDatabase, pinnedAt, startDesktop } from "./harness.js";

let desktop;
const db = demoDatabase();
const briefs = mkdtempSync(join(tmpdir(), "rapport-briefs-"));

before(async () => {
  // The save dialog is answered with a folder: the brief goes there under the name Rapport proposed.
  desktop = await startDesktop(db, { extraEnv: { RAPPORT_TEST_SAVE_AS: briefs, TZ: "UTC" } });
});

after(async () => {
  await desktop?.stop();
});

const account = (name) => JSON.parse(execFileSync(cliBinary, ["--db", db, "--json", "account", "show", name], { encoding: "utf8" }));

/** The calendar day two days after the pinned moment, in UTC (the window's zone in this file). */
const inTwoDays = () => new Date(Date.parse(pinnedAt) + 2 * 86_400_000).toISOString().slice(0, 10);

/** Presses keys on the page itself, as a user who has not clicked into any field. */
async function press(app, ...keys) {
  await app.execute(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await app.keys(keys);
}

test("L on Today logs a conversation for an account chosen by typing; Escape keeps the draft; a due date typed in words", async () => {
  const note = `Agreed the pilot scope ${Date.now()}`;
  const promise = `Send the revised rollout plan ${Date.now()}`;
  await desktop.withApp("capture-anywhere", async (app) => {
    await (await app.$("h1=Today")).waitForDisplayed({ timeout: 20_000 });
    await press(app, "l");
    const chooser = await app.$("input[name='capture_account']");
    await chooser.waitForDisplayed({ timeout: 10_000 });
    await chooser.setValue("kestr");
    await app.keys("Enter");
    const form = await app.$("form[aria-label='Log a conversation with Kestrel Logistik GmbH']");
    await form.waitForDisplayed({ timeout: 10_000 });
    const summary = await form.$("textarea[name='summary']");
    await summary.setValue(note);

    // Escape closes the capture, and what was typed is kept.
    await app.keys("Escape");
    await form.waitForDisplayed({ reverse: true, timeout: 10_000 });
    const status = await app.$("div.notice-region[role='status'] .notice");
    await status.waitForDisplayed({ timeout: 10_000 });
    assert.match(await status.getText(), /Your draft for Kestrel Logistik GmbH is kept/);

    await press(app, "l");
    await form.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await (await form.$("textarea[name='summary']")).getValue(), note, "the draft came back whole");

    await (await form.$("button*=Add a promise made in this conversation")).click();
    const focused = await app.execute(() => document.activeElement?.getAttribute("aria-label"));
    assert.equal(focused, "What was promised (promise 1)", "the typing goes to the promise just added");
    await (await form.$("input[aria-label='What was promised (promise 1)']")).setValue(promise);
    const due = await form.$("input[aria-label='Due date (promise 1)']");
    await due.setValue("in 2 days");
    // Two days after the pinned moment (on the window's clock, UTC here), said beside the field.
    const meant = inTwoDays();
    const said = ["en-US", "en-GB"].map((locale) =>
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${meant}T12:00:00Z`)),
    );
    await app.waitUntil(async () => {
      const text = await form.getText();
      return said.some((day) => text.includes(day));
    }, {
      timeout: 10_000,
      timeoutMsg: "the day meant by 'in 2 days' was never shown",
    });
    await desktop.screenshot("capture-anywhere");
    await (await form.$("button=Save to history")).click();
    await form.waitForDisplayed({ reverse: true, timeout: 10_000 });
  });

  const kestrel = account("Kestrel");
  assert.ok(kestrel.interactions.some((i) => i.summary === note), "the conversation is in the history");
  const kept = kestrel.promises.find((p) => p.text === promise);
  assert.ok(kept, `the promise was saved with the conversation: ${JSON.stringify(kestrel.promises.map((p) => [p.text, p.due_at]))}`);
  assert.equal(kept.due_at, `${inTwoDays()}T23:59:00Z`, "due at the end of that day, the window's zone being UTC");
});

test("a person found by search opens their own page", async () => {
  await desktop.withApp("person-page", async (app) => {
    const search = await app.$("#search-everything");
    await search.waitForDisplayed({ timeout: 20_000 });
    await search.setValue("Annika");
    const hit = await app.$("a.hit*=Annika Vogt");
    await hit.waitForDisplayed({ timeout: 10_000 });
    await hit.click();
    const profile = await app.$("article.person");
    await profile.waitForDisplayed({ timeout: 10_000 });
    const text = await profile.getText();
    assert.match(text, /Dr\. Annika Vogt/);
    for (const part of ["Their goals", "Promises between us", "Working with them", "Recent conversations"]) {
      assert.ok(text.includes(part), `the page shows ${part}`);
    }
    await desktop.screenshot("person-page");
  });
});

test("a saved brief is named by day, account and meeting, and a second never overwrites the first", async () => {
  await desktop.withApp("brief-saved", async (app) => {
    const kestrel = account("Kestrel");
    await (await app.$("h1=Today")).waitForDisplayed({ timeout: 20_000 });
    await app.execute((id) => (window.location.hash = `#/brief/${id}`), kestrel.account.id);
    const title = await app.$("h1*=Brief:");
    await title.waitForDisplayed({ timeout: 20_000 });
    await (await app.$("button=Save as Markdown")).click();
    const saved = await app.$("p.save-note*=Saved to");
    await saved.waitForDisplayed({ timeout: 10_000 });
    assert.ok(await (await app.$("button=Open it")).isDisplayed(), "the brief can be opened from here");
    await (await app.$("button=Save as HTML")).click();
    await app.waitUntil(async () => readdirSync(briefs).length === 2, { timeout: 10_000, timeoutMsg: "the second brief was not saved beside the first" });
  });
  const names = readdirSync(briefs).sort();
  assert.equal(names.length, 2, names.join(", "));
  for (const name of names) assert.match(name, /^\d{4}-\d\d-\d\d Kestrel Logistik GmbH — .+\.(md|html)$/, name);
});

test("three check-ins triaged from the keyboard: dismissed, snoozed and done, the focus staying in the list", async () => {
  const summary = `Called from the keyboard ${Date.now()}`;
  const rows = "article[aria-label^='Check-in: ']";
  let third;
  await desktop.withApp("keyboard-triage", async (app) => {
    await (await app.$(rows)).waitForDisplayed({ timeout: 20_000 });
    // One call for the whole list: tauri-driver serves one request at a time.
    const labels = () => app.execute((css) => [...document.querySelectorAll(css)].map((r) => r.getAttribute("aria-label")), rows);
    const selected = async () => (await app.$(`${rows}[aria-current='true']`)).getAttribute("aria-label");
    const [first, second, thirdLabel] = await labels();
    third = thirdLabel;
    assert.equal(await selected(), first, "the first check-in is selected when Today opens");

    await press(app, "x");
    await app.waitUntil(async () => !(await labels()).includes(first), { timeout: 10_000, timeoutMsg: "x did not dismiss" });
    assert.equal(await selected(), second, "the one now in its place is selected");

    await app.keys("s");
    const choice = await (await selectedDetail(app)).$(".snooze button");
    await choice.waitForDisplayed({ timeout: 10_000 });
    await app.keys("Enter");
    await app.waitUntil(async () => !(await labels()).includes(second), { timeout: 10_000, timeoutMsg: "s then Enter did not snooze" });
    assert.equal(await selected(), third);

    await app.keys("d");
    const box = await app.$("textarea[name='summary']");
    await box.waitForDisplayed({ timeout: 10_000 });
    await box.setValue(summary);
    await app.keys(["Control", "Enter"]);
    await box.waitForDisplayed({ reverse: true, timeout: 10_000 });
    const focusedRow = await app.execute(() => document.activeElement?.closest("article")?.getAttribute("aria-label") ?? null);
    assert.ok(focusedRow?.startsWith("Check-in: "), `the focus stays in the list (${focusedRow})`);

    // The last notice is closed first, as a user would, so that it covers nothing.
    const close = await app.$("div.notice-region button[aria-label='Close']");
    if (await close.isExisting()) await close.click();
    const aside = await app.$("summary*=Snoozed and dismissed");
    await aside.scrollIntoView({ block: "center" });
    await aside.click();
    const list = await (await app.$("ul[aria-label='Snoozed and dismissed']")).getText();
    for (const label of [first, second]) assert.ok(list.includes(label.replace("Check-in: ", "")), `${label} is listed to bring back`);
    await desktop.screenshot("keyboard-triage");
  });
  const accountName = third.replace("Check-in: ", "").split(" — ")[0];
  const done = account(accountName);
  assert.ok(done.interactions.some((i) => i.summary === summary), "the touch logged with Ctrl+Enter is in the history");
});

/** The selected check-in's detail: the pane beside the list on a wide window, or under its row. */
async function selectedDetail(app) {
  const pane = await app.$("aside[aria-label='Selected check-in']");
  return (await pane.isExisting()) ? pane : app.$("article[aria-current='true']");
}

/** Selects the first check-in on Today ranked by one of `labels`; resolves to its row's label. */
async function selectByReason(app, labels) {
  const rows = "article[aria-label^='Check-in: ']";
  await (await app.$(rows)).waitForDisplayed({ timeout: 20_000 });
  const found = await app.execute(
    (css, wanted) =>
      [...document.querySelectorAll(css)]
        .find((row) => [...row.querySelectorAll(".why .tone")].some((tone) => wanted.includes(tone.textContent.trim())))
        ?.getAttribute("aria-label") ?? null,
    rows,
    labels,
  );
  assert.ok(found, `the demo has a check-in ranked by ${labels.join(" or ")} today`);
  const row = await app.$(`article[aria-label="${found}"]`);
  await row.scrollIntoView({ block: "center" });
  await (await row.$("h3")).click();
  await app.waitUntil(async () => (await row.getAttribute("aria-current")) === "true", { timeout: 10_000, timeoutMsg: "the row was not selected" });
  return found;
}

test("Done on a late promise keeps it, and only what was ticked is settled", async () => {
  const summary = `Sent the proposal and said sorry ${Date.now()}`;
  let promiseText;
  await desktop.withApp("done-promise", async (app) => {
    const label = await selectByReason(app, ["Promise late", "Promise due soon"]);
    const detail = await selectedDetail(app);
    const reason = await (await detail.$("ul.reasons li .user-text")).getText();
    promiseText = reason.match(/"([^"]+)"/)?.[1];
    assert.ok(promiseText, `the reason quotes the promise: ${reason}`);
    await (await app.$(`button[aria-label="Done: ${label.replace("Check-in: ", "")}"]`)).click();
    const keep = await app.$("label*=Mark the promise kept");
    await keep.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await (await keep.$("input")).isSelected(), true, "keeping the promise is offered, ticked");
    await (await app.$("textarea[name='summary']")).setValue(summary);
    await (await app.$("button=Save to history")).click();
    await app.waitUntil(async () => !(await (await app.$("main")).getText()).includes(reason), {
      timeout: 10_000,
      timeoutMsg: "the kept promise stayed on Today",
    });
  });
  const account = JSON.parse(execFileSync(cliBinary, ["--db", db, "--json", "search", promiseText], { encoding: "utf8" }));
  const hit = account.groups.flatMap((g) => g.hits).find((h) => h.kind === "promise");
  assert.ok(hit, "the promise is found");
  const page = JSON.parse(execFileSync(cliBinary, ["--db", db, "--json", "account", "show", hit.account_id], { encoding: "utf8" }));
  assert.equal(page.promises.find((p) => p.text === promiseText)?.status, "kept", "Done kept the promise");
});

test("an issue left unticked in Done stays on Today, not acknowledged", async () => {
  const summary = `Spoke about the renewal only ${Date.now()}`;
  let issueText;
  let label;
  await desktop.withApp("done-unticked", async (app) => {
    label = await selectByReason(app, ["Open issue"]);
    const detail = await selectedDetail(app);
    const reason = await (await detail.$("ul.reasons li .user-text")).getText();
    issueText = reason.match(/"([^"]+)"/)?.[1];
    await (await app.$(`button[aria-label="Done: ${label.replace("Check-in: ", "")}"]`)).click();
    const ack = await app.$("label*=Mark the issue acknowledged");
    await ack.waitForDisplayed({ timeout: 10_000 });
    await (await ack.$("input")).click();
    assert.equal(await (await ack.$("input")).isSelected(), false);
    await (await app.$("textarea[name='summary']")).setValue(summary);
    await (await app.$("button=Save to history")).click();
    await (await app.$("textarea[name='summary']")).waitForDisplayed({ reverse: true, timeout: 10_000 });
    // The touch is logged, and the issue it did not settle is still there to be acknowledged.
    await app.waitUntil(async () => (await (await app.$("main")).getText()).includes(issueText), {
      timeout: 10_000,
      timeoutMsg: "the unacknowledged issue left Today",
    });
  });
  const today = JSON.parse(execFileSync(cliBinary, ["--db", db, "today", "--json"], { encoding: "utf8" }));
  assert.ok(
    today.some((s) => s.reasons.some((r) => r.code === "issue_open" && r.text.includes(issueText))),
    "the core still has the issue waiting",
  );
});
