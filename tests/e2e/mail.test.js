// The user's mail in the real window (issue 19): a mail file chosen in Settings → Your mail is
// previewed and imported in the core's sentences; what the client asked waits in "Rapport
// noticed" with its count in the sidebar, and `a` accepts it as a request with the clocks its
// thread shows. Only the file dialog is answered in advance (RAPPORT_TEST_OPEN); the messages are
// dated relative to the pinned moment.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { cliBinary, demoDatabase, pinnedAt, startDesktop } from "./harness.js";

const db = demoDatabase();
const accounts = JSON.parse(execFileSync(cliBinary, ["--db", db, "--json", "account", "list"], { encoding: "utf8" }));
const account = accounts[0];
const page = JSON.parse(execFileSync(cliBinary, ["--db", db, "--json", "account", "show", account.id], { encoding: "utf8" }));
const client = page.contacts.find((c) => c.email);

const work = mkdtempSync(join(tmpdir(), "rapport-mail-"));
const mbox = join(work, "Inbox.mbox");
const hoursBefore = (h) => new Date(new Date(pinnedAt).getTime() - h * 3_600_000).toUTCString().replace("GMT", "+0000");
const asked = "Could you send us the updated rate card for the spring events?";
writeFileSync(
  mbox,
  [
    "From MAILER-DAEMON Thu Jan  1 00:00:00 1970",
    `From: ${client.name} <${client.email}>`,
    "To: Anna Berg <anna@ours.example>",
    `Date: ${hoursBefore(30)}`,
    "Message-ID: <ask-1@client.example>",
    "Subject: Rate card",
    "",
    `Hello Anna,\n\n${asked}\n\nBest regards`,
    "",
    "From MAILER-DAEMON Thu Jan  1 00:00:00 1970",
    "From: Anna Berg <anna@ours.example>",
    `To: ${client.name} <${client.email}>`,
    `Date: ${hoursBefore(28)}`,
    "Message-ID: <reply-1@ours.example>",
    "In-Reply-To: <ask-1@client.example>",
    "References: <ask-1@client.example>",
    "Subject: Re: Rate card",
    "",
    "Thanks, we're looking into it.",
    "",
    "From MAILER-DAEMON Thu Jan  1 00:00:00 1970",
    "From: Lena <lena@gmail.com>",
    "To: Anna Berg <anna@ours.example>",
    `Date: ${hoursBefore(20)}`,
    "Message-ID: <private-1@gmail.com>",
    "Subject: Dinner on Saturday?",
    "",
    "Could you bring the wine?",
    "",
  ].join("\n"),
);

let desktop;
before(async () => {
  desktop = await startDesktop(db, { extraEnv: { RAPPORT_TEST_OPEN: mbox } });
});

after(async () => {
  await desktop?.stop();
});

test("a mail file becomes history, and what the client asked waits in Rapport noticed until accepted", async () => {
  await desktop.withApp("mail", async (app) => {
    const nav = await app.$('nav[aria-label="Main"]');
    const settings = await nav.$("a=Settings");
    await settings.waitForDisplayed({ timeout: 20_000 });
    await settings.click();
    const read = await app.$("button=Read a mail file…");
    await read.waitForDisplayed({ timeout: 20_000 });
    await read.click();
    const preview = await app.$("p*=would add 2 touches");
    await preview.waitForDisplayed({ timeout: 20_000 });
    assert.match(await (await app.$("p*=Left out, and kept nowhere")).getText(), /1 had none of your clients' people on it/);
    await desktop.screenshot("mail-preview");
    await (await app.$("button=Import")).click();
    await (await app.$("p*=added 2 touches")).waitForDisplayed({ timeout: 20_000 });

    const noticed = await nav.$('a[href="#/noticed"]');
    await app.waitUntil(async () => /Noticed\s*1/.test(await noticed.getText()), {
      timeout: 20_000,
      timeoutMsg: "the sidebar never counted the suggestion",
    });
    await noticed.click();
    const item = await app.$("li*=A request of theirs");
    await item.waitForDisplayed({ timeout: 20_000 });
    assert.match(await item.getText(), new RegExp(asked.replace(/[?.]/g, "\\$&")));
    assert.doesNotMatch(await (await app.$("main")).getText(), /wine/, "personal mail suggests nothing");
    await desktop.screenshot("mail-noticed");
    await app.keys("a");
    await (await app.$("p*=Accepted: a request of theirs")).waitForDisplayed({ timeout: 20_000 });
  });
  const after = JSON.parse(execFileSync(cliBinary, ["--db", db, "--json", "account", "show", account.id], { encoding: "utf8" }));
  const request = after.requests.find((r) => r.text === asked);
  assert.ok(request, "the request is recorded");
  assert.ok(request.acknowledged_at, "acknowledged by our reply, as the thread shows");
  assert.equal(request.answered_at, null, "'looking into it' does not answer it");
  const touches = after.interactions.filter((i) => i.source === "mail");
  assert.equal(touches.length, 2);
});
