#!/usr/bin/env node
// How calm Today is (issue 18): for the demo portfolio at twelve moments across a fortnight —
// weekday mornings and evenings, a weekend, a holiday of one client (Brazil on Fri 20 Nov, Japan
// on Mon 23 Nov) — and for the heavy portfolio (500 accounts), each generated fresh as of its
// moment: how many check-ins fall in each urgency, how many the day's list shows within the
// default budget, how many breaches it shows (all of them, by design), the oldest due time shown,
// and how many wait under More. Uses the release CLI when built, else the debug one.
//
//   node scripts/today-report.mjs [--no-heavy]
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bin = ["target/release/rapport", "target/debug/rapport"].find(existsSync);
if (!bin) throw new Error("Build the CLI first: cargo build --release -p rapport");

const moments = [
  ["Mon morning", "2026-11-16T08:00:00Z"],
  ["Mon evening", "2026-11-16T18:00:00Z"],
  ["Tue morning", "2026-11-17T09:00:00Z"],
  ["Wed evening", "2026-11-18T17:30:00Z"],
  ["Thu morning", "2026-11-19T09:00:00Z"],
  ["Fri, Brazil's holiday", "2026-11-20T09:00:00Z"],
  ["Sat morning", "2026-11-21T10:00:00Z"],
  ["Sun evening", "2026-11-22T20:00:00Z"],
  ["Mon, Japan's holiday", "2026-11-23T08:00:00Z"],
  ["Tue evening", "2026-11-24T19:00:00Z"],
  ["Thu morning", "2026-11-26T09:00:00Z"],
  ["Fri evening", "2026-11-27T17:00:00Z"],
];

function run(db, at, args) {
  return execFileSync(bin, ["--at", at, ...args], { env: { ...process.env, RAPPORT_DB: db }, maxBuffer: 1 << 30 }).toString();
}

function measure(label, at, scale) {
  const dir = mkdtempSync(join(tmpdir(), "rapport-today-"));
  try {
    const db = join(dir, "rapport.db");
    run(db, at, ["demo", "--scale", scale]);
    const page = JSON.parse(run(db, at, ["today", "--json", "--page"]));
    const count = (u) => page.counts.find((c) => c.urgency === u)?.count ?? 0;
    const oldest = page.suggestions.map((s) => s.due_at).sort()[0] ?? "—";
    const breaches = page.suggestions.filter((s) => s.urgency === "now").length;
    return {
      moment: `${label} (${at.slice(5, 16).replace("T", " ")})`,
      now: count("now"),
      today: count("today"),
      week: count("this_week"),
      later: count("later"),
      shown: page.suggestions.length,
      breaches,
      beyond: page.over_budget.length,
      more: page.more_count,
      oldest: oldest === "—" ? oldest : `${oldest.slice(5, 16).replace("T", " ")} (${Math.round((Date.parse(oldest) - Date.parse(at)) / 3_600_000)} h)`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = moments.map(([label, at]) => measure(label, at, "demo"));
if (!process.argv.includes("--no-heavy")) rows.push(measure("Heavy, Wed morning", "2026-11-18T09:00:00Z", "heavy"));
const columns = ["moment", "now", "today", "week", "later", "shown", "breaches", "beyond", "more", "oldest"];
console.log(`| ${columns.join(" | ")} |\n|${columns.map(() => "---").join("|")}|`);
for (const row of rows) console.log(`| ${columns.map((c) => row[c]).join(" | ")} |`);
