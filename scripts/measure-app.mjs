// Start-up time and memory of the release app on a heavy portfolio, each beside the same
// figures for an empty Tauri window built the same way (tools/empty-window). Public tools only:
// Xvfb, tauri-driver and WebKitWebDriver to launch and watch the window, /proc for memory.
//
//   cargo build --release -p rapport-desktop -p rapport-empty-window
//   target/release/rapport --db /tmp/heavy.db demo --scale heavy
//   RAPPORT_MEASURE_DB=/tmp/heavy.db node scripts/measure-app.mjs
//
// Time: from asking WebDriver for a new session (which launches the binary) to the first view
// showing its content — Today with its check-ins for Rapport, the heading for the empty window.
// Memory: the proportional set size (PSS) and the resident set size (RSS) of the app and every
// process it started (WebKit's web and network processes), once the view is shown.
// RAPPORT_MEASURE_COLD=1 (as root) empties the page cache before every launch of either app, so
// each starts as after a reboot: its binary, WebKit's libraries and (for Rapport) the database
// all come from disk.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { startDesktop } from "../tests/e2e/harness.js";

// Measured as a user starts it, on the machine's clock: the harness pins the moment for tests only.
delete process.env.RAPPORT_AT;

const root = resolve(import.meta.dirname, "..");
const runs = Number(process.env.RAPPORT_MEASURE_RUNS ?? 9);
const db = process.env.RAPPORT_MEASURE_DB;
if (!db) throw new Error("Set RAPPORT_MEASURE_DB to a database filled by `rapport demo --scale heavy`.");

function children() {
  const parents = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  return parents;
}

function pidsOf(name) {
  const found = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === name.slice(0, 15)) found.push(Number(entry));
    } catch {
      // gone
    }
  }
  return found;
}

/** The app's process and all its descendants. */
function family(pid) {
  const parents = children();
  const all = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, parent] of parents) {
      if (all.has(parent) && !all.has(child)) {
        all.add(child);
        grew = true;
      }
    }
  }
  return [...all];
}

function memory(pids) {
  let pss = 0;
  let rss = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return { pss: pss / 1024, rss: rss / 1024 };
}

const cold = process.env.RAPPORT_MEASURE_COLD === "1";

function dropPageCache() {
  execFileSync("sync");
  writeFileSync("/proc/sys/vm/drop_caches", "3\n");
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once(desktop, binary, ready) {
  if (cold) dropPageCache();
  const started = performance.now();
  const launched = Date.now();
  const app = await desktop.open(binary);
  try {
    // Asked every 10 ms, so that the moment is caught within a few milliseconds for both apps.
    await (await app.$(ready)).waitForDisplayed({ timeout: 60_000, interval: 10 });
    const ms = performance.now() - started;
    const shown = Date.now();
    // Where the time went, from the page's own clock: until the page began loading (the
    // process, WebKit and the window), until its scripts ran, and until the view showed.
    const page = await app.execute(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const calls = performance.getEntriesByType("mark").map((m) => ({ name: m.name, at: m.startTime }));
      return { origin: performance.timeOrigin, loaded: nav ? nav.domContentLoadedEventEnd : 0, calls };
    });
    const phases = {
      toPage: page.origin - launched,
      toScripts: page.loaded,
      toView: shown - page.origin - page.loaded,
      calls: page.calls,
    };
    await new Promise((r) => setTimeout(r, 1500));
    const pid = pidsOf(binary.split("/").pop()).at(-1);
    return { ms, phases, ...memory(family(pid)) };
  } finally {
    await app.deleteSession().catch(() => {});
  }
}

const summary = (samples) => ({
  toPage: median(samples.map((s) => s.phases.toPage)),
  toScripts: median(samples.map((s) => s.phases.toScripts)),
  toView: median(samples.map((s) => s.phases.toView)),
  ms: median(samples.map((s) => s.ms)),
  pss: median(samples.map((s) => s.pss)),
  rss: median(samples.map((s) => s.rss)),
});

const desktop = await startDesktop(db);
try {
  // Alternating launches, so that whatever else the machine does weighs on both alike.
  const emptySamples = [];
  const rapportSamples = [];
  for (let i = 0; i < runs; i++) {
    emptySamples.push(await once(desktop, join(root, "target/release/rapport-empty-window"), "#ready"));
    rapportSamples.push(await once(desktop, join(root, "target/release/rapport-desktop"), "article[aria-label^='Check-in: ']"));
  }
  const empty = summary(emptySamples);
  const rapport = summary(rapportSamples);
  console.log(cold ? "page cache emptied before every launch" : "warm page cache");
  const row = (what, r) =>
    console.log(`${what.padEnd(34)} ${r.ms.toFixed(0).padStart(6)} ms  PSS ${r.pss.toFixed(0).padStart(5)} MiB  RSS ${r.rss.toFixed(0).padStart(5)} MiB`);
  row("empty Tauri window (release)", empty);
  row("Rapport, heavy portfolio (release)", rapport);
  const phases = (what, r) =>
    console.log(
      `${what.padEnd(34)} until the page loads ${r.toPage.toFixed(0)} ms, its scripts ${r.toScripts.toFixed(0)} ms, then the view ${r.toView.toFixed(0)} ms`,
    );
  phases("  empty window", empty);
  phases("  Rapport", rapport);
  const each = (samples) => samples.map((s) => s.ms.toFixed(0)).join(", ");
  console.log(`  each launch, empty window: ${each(emptySamples)} ms`);
  console.log(`  each launch, Rapport:      ${each(rapportSamples)} ms`);
  for (const s of rapportSamples) {
    console.log(`  Rapport's marks: ${s.phases.calls.map((c) => `${c.name} at ${c.at.toFixed(0)} ms`).join(", ")}, shown at ${(s.phases.toScripts + s.phases.toView).toFixed(0)} ms`);
  }
  console.log(
    `ratio: time ${(rapport.ms / empty.ms).toFixed(2)}x (target 1.5x), PSS ${(rapport.pss / empty.pss).toFixed(2)}x, RSS ${(rapport.rss / empty.rss).toFixed(2)}x (target 1.25x)`,
  );
} finally {
  await desktop.stop();
}
