import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import type { Review_Serialize } from "../bindings";
import { accountReview, healthChanges, trendPoints } from "../test/fixtures";
import HealthView from "./HealthView.svelte";

afterEach(() => clearMocks());

const osprey = accountReview({
  account: "Osprey Bank",
  account_id: "osprey",
  score: 38,
  band: "at_risk",
  weakest: "reliability",
  components: accountReview().components.map((c) => (c.name === "reliability" ? { ...c, score: 20 } : c)),
  advisor_level: { level: 1, name: "implementer", evidence: [], next_steps: ["Deliver the overdue migration plan and say when."] },
  trend: { points: trendPoints([50, 45, 38]), change_30: -12, change_90: null },
});
const kestrel = accountReview({ trend: { points: trendPoints([54, 58]), change_30: 4, change_90: null } });
const heron = accountReview({
  account: "Heron Foods",
  account_id: "heron",
  score: 82,
  band: "healthy",
  weakest: null,
  advisor_level: { level: 3, name: "proactive partner", evidence: [], next_steps: ["Learn what Lena Park wants for herself this year."] },
  trend: { points: trendPoints([82]), change_30: null, change_90: null },
});
const wren = accountReview({
  account: "Wren Studios",
  account_id: "wren",
  score: null,
  band: "unknown",
  weakest: null,
  trend: { points: trendPoints([null, null]), change_30: null, change_90: null },
});

/** Answers `health_review` with each review in turn (the last one from then on), and keeps every call. */
function serving(...reviews: Review_Serialize[]) {
  const calls: string[] = [];
  let served = 0;
  mockIPC((command) => {
    calls.push(command);
    if (command === "health_review") return reviews[Math.min(served++, reviews.length - 1)];
    if (command === "mark_reviewed") return "2026-11-23T10:00:00Z";
    if (command === "undo_mark_reviewed") return null;
    throw new Error(`unexpected ${command}`);
  });
  return calls;
}

const rows = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>("li[data-account-id]")];

test("the review lists the accounts in the order given, each with its band in words, score, trend and next step", async () => {
  serving({ reviewed_at: null, accounts: [osprey, kestrel, heron, wren] });
  const screen = await render(HealthView);
  await expect.element(screen.getByRole("heading", { level: 1, name: "Relationship health" })).toBeVisible();
  await expect.element(screen.getByText("Not reviewed yet — changes are shown over the last 30 days.")).toBeVisible();
  await expect.element(screen.getByRole("listitem", { name: "Osprey Bank" })).toBeVisible();

  expect(rows(screen.container).map((row) => row.dataset.accountId)).toEqual(["osprey", "account-1", "heron", "wren"]);
  const [first, second, third, fourth] = rows(screen.container);
  expect(first?.textContent).toContain("At risk");
  expect(first?.textContent).toContain("38");
  expect(first?.textContent).toContain("−12 in 30 days");
  expect(first?.textContent).toContain("Weakest: reliability 20");
  expect(first?.textContent).toContain("Level 1 · Implementer");
  expect(first?.textContent).toContain("Next step to reliable partner: Deliver the overdue migration plan and say when.");
  expect(second?.textContent).toContain("Watch");
  expect(second?.textContent).toContain("+4 in 30 days");
  expect(second?.textContent).toContain("Next step to proactive partner: Reach out first: you have initiated 2 of the last 8 touches.");
  expect(second?.textContent).not.toContain("Learn and record their company's goals");
  expect(third?.textContent).toContain("Healthy");
  expect(third?.textContent).not.toContain("in 30 days");
  expect(fourth?.textContent).toContain("Unknown");
  expect(fourth?.textContent).toContain("—");

  const name = screen.getByRole("link", { name: "Osprey Bank" });
  await expect.element(name).toHaveAttribute("href", "#/accounts/osprey?tab=health");
  // One small chart per account, described in words.
  expect(rows(screen.container).every((row) => row.querySelector("canvas"))).toBe(true);
  await expect.element(screen.getByRole("img", { name: "Score over the last 90 days: 50 then, 38 now." })).toBeVisible();

  const counts = screen.getByRole("list", { name: "Accounts by health" });
  expect(counts.getByRole("listitem").elements().map((li) => li.textContent?.replace(/\s+/g, " ").trim())).toEqual([
    "1 At risk",
    "1 Watch",
    "1 Healthy",
    "1 Unknown",
  ]);
});

test("a review that cannot be made says why, in the core's sentence", async () => {
  mockIPC(() => {
    throw { code: "storage", field: null, message: "Rapport could not read or write its database (disk full). Free some space and try again." };
  });
  const screen = await render(HealthView);
  await expect.element(screen.getByRole("alert")).toHaveTextContent("Rapport could not read or write its database (disk full). Free some space and try again.");
  await expect.element(screen.getByRole("button", { name: "Try again" })).toBeVisible();
});

test("Mark reviewed marks the review read, shows the review again from then, and says so", async () => {
  const calls = serving({ reviewed_at: null, accounts: [kestrel] }, { reviewed_at: "2026-11-23T10:00:00Z", accounts: [kestrel] });
  const screen = await render(HealthView);
  await expect.element(screen.getByText("Not reviewed yet", { exact: false })).toBeVisible();
  await screen.getByRole("button", { name: "Mark reviewed" }).click();
  await expect.element(screen.getByRole("status")).toHaveTextContent("Marked reviewed. The next review shows what changes from now on.");
  await expect.element(screen.getByText("Last reviewed", { exact: false })).toBeVisible();
  await expect.element(screen.getByText("Not reviewed yet", { exact: false })).not.toBeInTheDocument();
  expect(calls).toEqual(["health_review", "mark_reviewed", "health_review"]);
});

test("Mark reviewed can be taken back at once", async () => {
  const calls = serving(
    { reviewed_at: null, accounts: [kestrel] },
    { reviewed_at: "2026-11-23T10:00:00Z", accounts: [kestrel] },
    { reviewed_at: null, accounts: [kestrel] },
  );
  const screen = await render(HealthView);
  await screen.getByRole("button", { name: "Mark reviewed" }).click();
  await screen.getByRole("status").getByRole("button", { name: "Undo" }).click();
  await expect.element(screen.getByRole("status")).toHaveTextContent("Review taken back");
  await expect.element(screen.getByText("Not reviewed yet", { exact: false })).toBeVisible();
  expect(calls).toEqual(["health_review", "mark_reviewed", "health_review", "undo_mark_reviewed", "health_review"]);
});

test("a row opens on what changed: each part before and after with its evidence then and now, and the penalties", async () => {
  const moved = accountReview({
    score: 52,
    changes: healthChanges({
      score_before: 66,
      components: [
        {
          name: "reliability",
          before: 80,
          after: 62,
          was: "8 of 10 promises kept on time in the last 180 days.",
          now: "5 of 8 promises kept on time in the last 180 days.",
        },
      ],
      new_penalties: ['Open issue "Invoices sent to the wrong address" (high).'],
      gone_penalties: ["Two sour conversations in the last 30 days."],
    }),
  });
  const calm = accountReview({ account: "Heron Foods", account_id: "heron", changes: healthChanges() });
  serving({ reviewed_at: "2026-11-16T09:00:00Z", accounts: [moved, calm] });
  const screen = await render(HealthView);

  const kestrelRow = screen.getByRole("listitem", { name: "Kestrel Logistik GmbH" });
  await kestrelRow.getByText("What changed").click();
  const changed = kestrelRow.getByRole("list", { name: "What changed" });
  await expect.element(changed).toBeVisible();
  await expect.element(kestrelRow.getByText("Score 66 → 52")).toBeVisible();
  await expect.element(changed).toHaveTextContent("reliability 80 → 62");
  await expect.element(changed).toHaveTextContent("Then: 8 of 10 promises kept on time in the last 180 days.");
  await expect.element(changed).toHaveTextContent("Now: 5 of 8 promises kept on time in the last 180 days.");
  await expect.element(changed).toHaveTextContent('New Open issue "Invoices sent to the wrong address" (high).');
  await expect.element(changed).toHaveTextContent("Gone Two sour conversations in the last 30 days.");
  await expect.element(kestrelRow.getByText("Since your last review on", { exact: false })).toBeVisible();

  const heronRow = screen.getByRole("listitem", { name: "Heron Foods" });
  await heronRow.getByText("What changed").click();
  await expect.element(heronRow.getByText("Nothing changed.")).toBeVisible();
});

test("paused accounts are reviewed apart, below the others, and left out of the band counts", async () => {
  const paused = { ...osprey, account: "Paused Partners", account_id: "paused", paused: true };
  serving({ reviewed_at: null, accounts: [kestrel, heron, paused] });
  const screen = await render(HealthView);
  const apart = screen.getByRole("list", { name: "Paused accounts" });
  await expect.element(apart.getByRole("listitem", { name: "Paused Partners" })).toBeVisible();
  await expect.element(screen.getByRole("heading", { level: 2, name: "Paused" })).toBeVisible();
  const main = screen.getByRole("list", { name: "Accounts, riskiest first" });
  expect(main.getByRole("listitem").elements().map((li) => li.dataset.accountId)).toEqual(["account-1", "heron"]);
  expect(screen.container.querySelector('li[data-band="at_risk"] strong')?.textContent).toBe("0");
});
