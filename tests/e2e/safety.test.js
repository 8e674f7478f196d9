// The desktop app keeps the user's data safe: a second start hands over to the window already
// open, and every command the window can call refuses malformed, oversized and hostile input
// without writing, answering Rapport's own sentence whenever the input reached the core.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { appBinary, cliBinary, demoDatabase, startDesktop } from "./harness.js";

let desktop;
const db = demoDatabase();

before(async () => {
  desktop = await startDesktop(db, { withSessionBus: true });
});

after(async () => {
  await desktop?.stop();
});

/** Everything the user has, as the portable archive (the health history aside, which the app adds to on its own). */
function everything() {
  return execFileSync(cliBinary, ["--db", db, "export", "--at", "2026-11-23T10:00:00Z"], { encoding: "utf8" });
}

async function firstView(app) {
  const heading = await app.$("main h1");
  await heading.waitForDisplayed({ timeout: 20_000 });
}

test("a second start of the app hands over to the window already open and ends", async () => {
  await desktop.withApp("single-instance", async (app) => {
    await firstView(app);
    const second = spawn(appBinary, [], { env: desktop.env, stdio: "ignore" });
    const code = await new Promise((done) => {
      const timer = setTimeout(() => {
        second.kill("SIGKILL");
        done("still running after 20 s");
      }, 20_000);
      second.on("exit", (status) => {
        clearTimeout(timer);
        done(status);
      });
    });
    assert.equal(code, 0, "the second start handed over and ended");
    const accounts = await app.execute(() => window.__TAURI_INTERNALS__.invoke("list_accounts"));
    assert.equal(accounts.length, 15, "the first window still answers");
  });
});

test("every command refuses malformed, oversized and hostile input, and nothing is written", async () => {
  const before = everything();
  const accountId = JSON.parse(
    execFileSync(cliBinary, ["--db", db, "--json", "account", "list"], { encoding: "utf8" }),
  )[0].id;
  const big = "x".repeat(1_000_000);
  const hostile = "'; DROP TABLE accounts; --";
  const a = accountId;
  // [command, arguments, reaches the core?]: a call the core sees must answer its sentence;
  // one whose arguments do not even have the right shape is turned away at the door.
  const cases = [
    ["account_page", {}, false],
    ["account_page", { accountId: 42 }, false],
    ["account_page", { accountId: hostile }, true],
    ["add_account", {}, false],
    ["add_account", { draft: null }, false],
    ["add_account", { draft: "Acme" }, false],
    ["add_account", { draft: { name: 7 } }, false],
    ["add_account", { draft: { name: "" } }, true],
    ["add_account", { draft: { name: big } }, true],
    ["add_account", { draft: { name: "Fine", timezone: "Mars/Olympus_Mons" } }, true],
    ["add_account", { draft: { name: "Fine", cadence_days: -3 } }, false],
    ["add_account", { draft: { name: "Fine", cadence_days: 100000 } }, true],
    ["add_account", { draft: { name: "Fine", working_hours: { start: "25:00", end: "26:00" } } }, true],
    ["update_account", { accountId: hostile, draft: { name: "X" } }, true],
    ["update_account", { accountId: a, draft: { name: "" } }, true],
    ["add_contact", { draft: { account_id: a, name: "Ana", email: "not an address" } }, true],
    ["add_contact", { draft: { account_id: hostile, name: "Ana" } }, true],
    ["add_contact", { draft: { account_id: a, name: "" } }, true],
    ["update_contact", { contactId: hostile, draft: { account_id: a, name: "Ana" } }, true],
    ["log_interaction", { draft: { account_id: a, summary: "", contact_ids: [], strategic: false } }, true],
    ["log_interaction", { draft: { account_id: a, summary: big, contact_ids: [], strategic: false } }, true],
    ["log_interaction", { draft: { account_id: a, summary: "Call", contact_ids: [hostile], strategic: false } }, true],
    ["log_interaction", { draft: { account_id: a, summary: "Call", contact_ids: "all", strategic: false } }, false],
    ["capture", { draft: { interaction: null } }, false],
    ["update_interaction", { interactionId: hostile, draft: { account_id: a, summary: "x", contact_ids: [], strategic: false } }, true],
    ["add_culture_note", { draft: { account_id: a, text: "" } }, true],
    ["update_culture_note", { noteId: hostile, draft: { account_id: a, text: "x" } }, true],
    ["add_goal", { draft: { account_id: a, title: "" } }, true],
    ["update_goal", { goalId: hostile, draft: { account_id: a, title: "x" } }, true],
    ["add_goal_progress", { goalId: hostile, text: "Moved", status: null }, true],
    ["add_promise", { draft: { account_id: a, text: "Send it", due_at: "tomorrow" } }, true],
    ["update_promise", { promiseId: hostile, draft: { account_id: a, text: "x", due_at: "2026-12-01T00:00:00Z" } }, true],
    ["settle_promise", { promiseId: hostile, outcome: "kept" }, false],
    ["add_request", { draft: { account_id: a, text: "" } }, true],
    ["update_request", { requestId: hostile, draft: { account_id: a, text: "x" } }, true],
    ["mark_request", { requestId: hostile, step: "dance" }, false],
    ["open_issue", { draft: { account_id: a, title: "Outage", opened_at: "earlier" } }, true],
    ["update_issue", { issueId: hostile, draft: { account_id: a, title: "x" } }, true],
    ["mark_issue", { issueId: hostile, step: "dance" }, false],
    ["add_meeting", { draft: { account_id: a, title: "Review", starts_at: "after lunch", attendee_ids: [] } }, true],
    ["update_meeting", { meetingId: hostile, draft: { account_id: a, title: "x", starts_at: "2026-12-01T10:00:00Z", attendee_ids: [] } }, true],
    ["archive", { kind: "dragon", id: "x" }, false],
    ["archive", { kind: "account", id: hostile }, true],
    ["restore", { kind: "account", id: hostile }, true],
    ["today_page", { more: -1 }, false],
    ["today_page", { more: "many" }, false],
    ["complete_checkin", { key: hostile, draft: { interaction: { account_id: a, summary: "", contact_ids: [], strategic: false } }, settle: [] }, true],
    ["complete_checkin", { key: hostile, draft: { interaction: { account_id: a, summary: "Call", contact_ids: [], strategic: false } }, settle: [{ settle: "burn_it", record_id: "x" }] }, false],
    ["capture", { draft: { interaction: { account_id: a, summary: "Call", contact_ids: [], strategic: false }, promises: [{ account_id: a, text: "", due_at: "soon" }] } }, true],
    ["snooze_checkin", { key: hostile, fingerprint: "x", until: "never" }, true],
    ["dismiss_checkin", { key: hostile, fingerprint: "x" }, true],
    ["undo_put_aside", { undo: { key: hostile, previous: { key: "someone-else", action: "done", until: null, fingerprint: "", at: "2026-12-01T10:00:00Z" } } }, true],
    ["undo_put_aside", { undo: { key: 42 } }, false],
    ["bring_back", { key: hostile }, true],
    ["undo_mark_reviewed", {}, true],
    ["save_checkin_settings", { settings: null }, false],
    ["account_health", { accountId: hostile }, true],
    ["save_health_weights", { weights: { reliability: 500 } }, true],
    ["save_health_weights", { weights: { reliability: -1 } }, false],
    ["brief", { accountId: hostile, meetingId: null }, true],
    ["save_backup_policy", { policy: { daily: 5000, weekly: 5, monthly: 12 } }, true],
    ["save_backup_policy", { policy: { daily: -1, weekly: 5, monthly: 12 } }, false],
    ["restore_backup", { path: "/etc/passwd" }, true],
    ["restore_backup", { path: "/nonexistent/backup.db" }, true],
    ["inspect_import", { path: "/nonexistent/people.csv" }, true],
    ["inspect_import", { path: "/etc" }, true],
    ["preview_import", { path: "/etc/passwd", options: {} }, true],
    ["preview_import", { path: "/nonexistent/people.vcf", options: {} }, true],
    ["preview_import", { path: "/etc/hostname", options: { mapping: ["wizard"] } }, false],
    ["preview_import", { path: "/etc/hostname", options: { account_id: hostile } }, true],
    ["import_file", { path: "/etc/passwd", options: { mapping: ["name", "name"] } }, true],
    ["export_file", { format: "docx", accountId: null, path: "/tmp/x.docx" }, false],
    ["export_file", { format: "csv", accountId: null, path: "/nonexistent/folder/people.csv" }, true],
    ["export_file", { format: "vcard", accountId: hostile, path: "/tmp/rapport-e2e-people.vcf" }, true],
    // Onto the open database, its log, its lock or its backups: refused, the file untouched.
    ["export_file", { format: "archive", accountId: null, path: db }, true],
    ["export_file", { format: "csv", accountId: null, path: `${db}-wal` }, true],
    ["export_file", { format: "ics", accountId: null, path: `${db}-lock` }, true],
    ["export_file", { format: "archive", accountId: null, path: join(dirname(db), "backups", "rapport.json") }, true],
    ["save_feed_settings", { settings: { path: join(dirname(db), "backups", "rapport.ics") }, choose: false }, true],
    ["save_feed_settings", { settings: { path: "/nonexistent/folder/rapport.ics" }, choose: false }, true],
    ["save_feed_settings", { settings: { path: "/tmp/rapport.txt" }, choose: false }, true],
    ["no_such_command", {}, false],
  ];

  await desktop.withApp("bad-input", async (app) => {
    await firstView(app);
    for (const [command, args, reachesCore] of cases) {
      const answer = await app.executeAsync(
        (cmd, a, done) => {
          window.__TAURI_INTERNALS__.invoke(cmd, a).then(
            (value) => done({ ok: true, value: typeof value }),
            // Not named "error": WebdriverIO would take the answer for a failure of its own.
            (reason) => done({ ok: false, reason }),
          );
        },
        command,
        args,
      );
      const shown = `${command} ${JSON.stringify(args).slice(0, 80)}`;
      assert.equal(answer.ok, false, `${shown} was accepted`);
      if (reachesCore) {
        assert.equal(typeof answer.reason, "object", `${shown}: ${JSON.stringify(answer.reason).slice(0, 200)}`);
        assert.match(answer.reason.code, /^[a-z_]+$/, shown);
        assert.match(answer.reason.message, /\.$/, `${shown}: a sentence: ${answer.reason.message}`);
        assert.ok(answer.reason.message.length < 600, `${shown}: a sentence, not a dump`);
      } else {
        assert.ok(answer.reason, `${shown}: refused with a reason`);
      }
    }
    const accounts = await app.execute(() => window.__TAURI_INTERNALS__.invoke("list_accounts"));
    assert.equal(accounts.length, 15, "the app still answers, with every account");
  });
  assert.equal(everything(), before, "nothing was written by any refused call");
  // Each refusal the core gave is in the shell's log by command and kind, and nothing typed is.
  const log = readFileSync(join(dirname(db), "rapport.log"), "utf8");
  assert.match(log, /add_account failed: Validation/);
  assert.match(log, /account_page failed: NotFound/);
  assert.match(log, /restore_backup failed: /);
  for (const typed of ["DROP TABLE", "Olympus", "xxxxxxxx", "not an address", "/etc/passwd"]) {
    assert.ok(!log.includes(typed), `the log holds what was typed: ${typed}`);
  }
});

test("a database locked with a passphrase opens only once the window is given it", async () => {
  const locked = demoDatabase();
  const passphrase = "tea before talks, always";
  execFileSync(cliBinary, ["--db", locked, "encrypt"], {
    env: { ...process.env, RAPPORT_NEW_PASSPHRASE: passphrase },
    stdio: "pipe",
  });
  // No session bus here, so no keyring: the window has to ask.
  const alone = await startDesktop(locked);
  try {
    await alone.withApp("unlock", async (app) => {
      const heading = await app.$("h2=Rapport is locked");
      await heading.waitForDisplayed({ timeout: 20_000 });
      const field = await app.$('input[type="password"]');
      await field.setValue("not the passphrase");
      await (await app.$("button=Unlock")).click();
      await app.waitUntil(async () => (await app.$("main").getText()).includes("That passphrase does not open"), {
        timeout: 20_000,
        timeoutMsg: "a wrong passphrase was not refused in a sentence",
      });
      await alone.screenshot("unlock-refused");
      await field.setValue(passphrase);
      await (await app.$("button=Unlock")).click();
      const today = await app.$("h1=Today");
      await today.waitForDisplayed({ timeout: 20_000 });
      await app.waitUntil(async () => (await app.$("main").getText()).includes("check-ins for today"), {
        timeout: 20_000,
        timeoutMsg: "Today did not show the check-ins once unlocked",
      });
      await alone.screenshot("unlocked-today");
    });
  } finally {
    await alone.stop();
  }
});
