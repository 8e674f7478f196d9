// The desktop app opens no network socket: the real binary, with every process it starts (the
// WebKit web and network processes too), runs under strace on the demo portfolio in a real
// window until it has shown Today and kept its daily backup. Only local sockets (AF_UNIX, for
// the window system and WebKit's own processes; AF_NETLINK, the kernel's) may appear.
// WebDriver is not used here: its automation link to the window is itself a TCP connection.
import assert from "node:assert/strict";
import { test } from "node:test";
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appBinary, artifacts, demoDatabase } from "./harness.js";

/** The network calls in an strace log: sockets and addresses of the Internet families. */
function networkCalls(log) {
  return log.split("\n").filter((line) => /AF_INET6?\b/.test(line));
}

/** Runs `command` under strace, following every process; resolves to the log once it exits. */
function traced(command, args, env, { until, settle = 0, beforeEnd = () => {} } = {}) {
  const log = join(mkdtempSync(join(tmpdir(), "rapport-strace-")), "trace.log");
  const strace = spawn(
    "strace",
    ["-f", "-qq", "-e", "trace=socket,connect,bind,sendto,sendmsg,execve", "-o", log, "--", command, ...args],
    { env, stdio: "ignore" },
  );
  return new Promise((done, fail) => {
    strace.once("error", fail);
    strace.once("exit", () => done(readFileSync(log, "utf8")));
    if (!until) return;
    const started = Date.now();
    const timer = setInterval(() => {
      if (!until() && Date.now() - started < 60_000) return;
      clearInterval(timer);
      setTimeout(() => {
        beforeEnd();
        // strace's own child is the app: ending it ends the trace.
        const child = execFileSync("pgrep", ["-P", String(strace.pid)], { encoding: "utf8" }).trim();
        for (const pid of child.split("\n").filter(Boolean)) process.kill(Number(pid), "SIGTERM");
      }, settle);
    }, 250);
  });
}

test("the checker itself sees a network connection", async () => {
  const log = await traced(process.execPath, ["-e", "require('net').connect(9, '127.0.0.1').on('error', () => {})"], process.env);
  assert.ok(networkCalls(log).length > 0, "a TCP connect to the loopback address was caught");
});

test("the desktop app opens no network socket while it shows Today and keeps its backup", async () => {
  const db = demoDatabase();
  const backups = join(db, "..", "backups");
  const display = `:${80 + Math.floor(Math.random() * 9)}`;
  const xvfb = spawn("Xvfb", [display, "-screen", "0", "1440x900x24", "-nolisten", "tcp"], { stdio: "ignore" });
  try {
    await new Promise((r) => setTimeout(r, 500));
    const env = { ...process.env, DISPLAY: display, RAPPORT_DB: db, WEBKIT_DISABLE_DMABUF_RENDERER: "1", NO_AT_BRIDGE: "1" };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    const kept = () => existsSync(backups) && readdirSync(backups).some((f) => f.endsWith("-scheduled.db"));
    // Once the backup is kept, a few seconds more for the window to load and show Today.
    const screenshot = () => {
      try {
        mkdirSync(artifacts, { recursive: true });
        execFileSync("import", ["-display", display, "-window", "root", join(artifacts, "no-network.png")]);
      } catch {
        // the screenshot is a courtesy; the log is the evidence
      }
    };
    const log = await traced(appBinary, [], env, { until: kept, settle: 5_000, beforeEnd: screenshot });
    assert.ok(kept(), "the app ran far enough to keep its daily backup");
    assert.match(log, /execve\([^)]*WebKitWebProcess/, "the web content process was traced too");
    assert.match(log, /execve\([^)]*WebKitNetworkProcess/, "and WebKit's network process");
    assert.deepEqual(networkCalls(log), [], "no Internet socket, connection or datagram");
  } finally {
    xvfb.kill("SIGTERM");
  }
});
