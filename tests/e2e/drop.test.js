// A message dragged out of a mail program and dropped onto the window (issue 19): the shell
// reads it as the core reads mail, and the window says what it brought, with the way to what
// Rapport noticed. The system's drag and drop cannot be driven over WebDriver, so the file is
// named in advance (RAPPORT_TEST_DROP) and dropped once the page has loaded; everything after
// the drop is real.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { cliBinary, demoDatabase, pinnedAt, startDesktop } from "./harness.js";

const db = demoDatabase();
const accounts = JSON.parse(execFileSync(cliBinary, ["--db", db, "--json", "account", "list"], { encoding: "utf8" }));
const account = accounts[1];
const page = JSON.parse(execFileSync(cliBinary, ["--db", db, "--json", "account", "show", account.id], { encoding: "utf8" }));
const client = page.contacts.find((c) => c.email);
const work = mkdtempSync(join(tmpdir(), "rapport-drop-"));
const eml = join(work, "Rate card.eml");
const sent = new Date(new Date(pinnedAt).getTime() - 5 * 3_600_000).toUTCString().replace("GMT", "+0000");
writeFileSync(
  eml,
  [
    `From: ${client.name} <${client.email}>`,
    "To: Anna Berg <anna@ours.example>",
    `Date: ${sent}`,
    "Message-ID: <dropped-1@client.example>",
    "Subject: Rate card",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Hello Anna,",
    "",
    "Could you send us the signed rate card?",
    "",
  ].join("\r\n"),
);

let desktop;
before(async () => {
  desktop = await startDesktop(db, { extraEnv: { RAPPORT_TEST_DROP: eml } });
});

after(async () => {
  await desktop?.stop();
});

test("a message dropped onto the window becomes history, and says what Rapport noticed in it", async () => {
  await desktop.withApp("drop", async (app) => {
    const notice = await app.$('[aria-label="What the dropped mail brought"]');
    await notice.waitForDisplayed({ timeout: 20_000 });
    assert.match(await notice.getText(), /added 1 touch/);
    assert.match(await notice.getText(), /Rapport noticed 1 thing to confirm/);
    await desktop.screenshot("drop-notice");
    await (await app.$("a=See what Rapport noticed")).click();
    const item = await app.$("li*=A request of theirs");
    await item.waitForDisplayed({ timeout: 20_000 });
    assert.match(await item.getText(), /Could you send us the signed rate card\?/);
  });
  const after = JSON.parse(execFileSync(cliBinary, ["--db", db, "--json", "account", "show", account.id], { encoding: "utf8" }));
  assert.ok(after.interactions.some((i) => i.source === "mail" && i.message_id === "dropped-1@client.example"));
});
