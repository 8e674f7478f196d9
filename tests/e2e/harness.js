// Runs the real desktop binary in a real (virtual) window and drives it over WebDriver:
// Xvfb for the screen, tauri-driver in front of WebKitWebDriver, WebdriverIO as the client.
// Every process started here is stopped by `stop()`, whatever happened in between.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { remote } from "webdriverio";

export const root = resolve(import.meta.dirname, "../..");
export const appBinary = process.env.RAPPORT_APP ?? join(root, "target/debug/rapport-desktop");
export const cliBinary = process.env.RAPPORT_CLI ?? join(root, "target/debug/rapport");
export const artifacts = join(root, "tests/e2e/artifacts");

/**
 * The moment every end-to-end test runs as of, whatever the hour: `RAPPORT_TEST_AT`, or a
 * Wednesday morning. The demo is built for it and the app and every CLI call answer as of it,
 * through `RAPPORT_AT`, which the children of this process inherit. scripts/pinned-moments.sh
 * runs the suite at several hard moments (a weekend night, a daylight-saving change, New Year).
 */
export const pinnedAt = process.env.RAPPORT_TEST_AT || "2026-12-02T10:00:00Z";
process.env.RAPPORT_AT = pinnedAt;

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function waitForPort(port, child, what) {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited early with status ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start listening on port ${port}`);
}

function tauriDriver() {
  const home = process.env.CARGO_HOME ?? join(process.env.HOME ?? "", ".cargo");
  const candidate = join(home, "bin/tauri-driver");
  return existsSync(candidate) ? candidate : "tauri-driver";
}

/** A fresh folder holding a database filled with the demo portfolio, as of `pinnedAt`. */
export function demoDatabase() {
  const dir = mkdtempSync(join(tmpdir(), "rapport-e2e-"));
  const db = join(dir, "rapport.db");
  execFileSync(cliBinary, ["--db", db, "demo"], { stdio: "pipe" });
  return db;
}

/** A private D-Bus session bus, as a desktop session has; resolves to its address and process. */
async function sessionBus() {
  const daemon = spawn("dbus-daemon", ["--session", "--nofork", "--print-address=1"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const address = await new Promise((done, fail) => {
    daemon.once("error", fail);
    daemon.stdout.once("data", (chunk) => done(String(chunk).trim()));
  });
  return { address, daemon };
}

/**
 * Starts a virtual screen and tauri-driver; `open()` then launches the app in a new session.
 * With `withSessionBus`, the app also finds a D-Bus session bus, which is how a second start
 * finds the first on Linux. Without one it runs alone, as each of the other tests wants.
 */
export async function startDesktop(db, { withSessionBus = false, extraEnv = {}, screen = "1440x900" } = {}) {
  const display = `:${90 + Math.floor(Math.random() * 9)}`;
  const xvfb = spawn("Xvfb", [display, "-screen", "0", `${screen}x24`, "-nolisten", "tcp"], { stdio: "ignore" });
  const bus = withSessionBus ? await sessionBus() : null;
  await new Promise((r) => setTimeout(r, 500));
  const port = await freePort();
  const nativePort = await freePort();
  const env = {
    ...process.env,
    DISPLAY: display,
    RAPPORT_DB: db,
    WEBKIT_DISABLE_DMABUF_RENDERER: "1",
    NO_AT_BRIDGE: "1",
    ...extraEnv,
  };
  if (bus) env.DBUS_SESSION_BUS_ADDRESS = bus.address;
  else delete env.DBUS_SESSION_BUS_ADDRESS;
  // In a process group of its own, so that stopping it also stops everything it started: the
  // app and WebKit's processes, one of which once outlived its app and held the test runner's
  // output open.
  const driver = spawn(tauriDriver(), ["--port", String(port), "--native-port", String(nativePort)], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  await waitForPort(port, driver, "tauri-driver");

  const sessions = [];
  return {
    display,
    /** What the app's environment holds, for starting it by hand. */
    env,
    async open(application = appBinary) {
      const browser = await remote({
        hostname: "127.0.0.1",
        port,
        logLevel: "warn",
        connectionRetryCount: 0,
        capabilities: {
          browserName: "wry",
          "tauri:options": { application },
          "wdio:enforceWebDriverClassic": true,
        },
      });
      sessions.push(browser);
      return browser;
    },
    /** Runs `steps` in a fresh launch of the app, keeping a screenshot if they fail. */
    async withApp(name, steps) {
      const app = await this.open();
      try {
        await steps(app);
      } catch (error) {
        await this.screenshot(`failed-${name}`);
        throw error;
      } finally {
        await app.deleteSession().catch(() => {});
        sessions.splice(sessions.indexOf(app), 1);
      }
    },
    async screenshot(name) {
      mkdirSync(artifacts, { recursive: true });
      try {
        execFileSync("import", ["-window", "root", join(artifacts, `${name}.png`)], { env });
      } catch {
        // a missing screenshot must not hide the test's own result
      }
    },
    async stop() {
      for (const s of sessions) await s.deleteSession().catch(() => {});
      driver.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
      try {
        process.kill(-driver.pid, "SIGKILL");
      } catch {
        // the group has already ended
      }
      xvfb.kill("SIGTERM");
      bus?.daemon.kill("SIGTERM");
    },
  };
}
