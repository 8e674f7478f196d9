import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import type { AccountHealth_Serialize } from "../../bindings";
import { accountHealth, accountReview, daysBefore, healthChanges, snapshot } from "../../test/fixtures";
import HealthPanel from "./HealthPanel.svelte";

afterEach(() => clearMocks());

function serving(health: AccountHealth_Serialize) {
  mockIPC((command, args) => {
    expect(command).toBe("account_health");
    expect(args).toEqual({ accountId: "account-1" });
    return health;
  });
}

const REBUILT = "Days before Rapport was run are rebuilt from the dated history; goal status and preferred channels are taken as they are today.";

test("the health tab shows the score, every component with its weight and evidence, the penalties and the next steps", async () => {
  serving(
    accountHealth({
      review: accountReview({
        score: 48,
        band: "at_risk",
        penalties: [{ points: 10, reason: 'Open issue "Invoices sent to the wrong address" (high).' }],
        changes: healthChanges({
          score_before: 60,
          band_before: "watch",
          components: [{ name: "responsiveness", before: 70, after: 40, was: "4 of 5 requests answered within 24 hours.", now: "2 of 5 requests answered within 24 hours." }],
        }),
      }),
    }),
  );
  const screen = await render(HealthPanel, { accountId: "account-1" });

  const now = screen.getByRole("region", { name: "Health now" });
  await expect.element(now).toHaveTextContent("48");
  await expect.element(now.getByText("At risk")).toBeVisible();
  await expect.element(now).toHaveTextContent("−4 in 30 days");
  await expect.element(now).toHaveTextContent("Weakest: responsiveness 40");

  const parts = screen.getByRole("region", { name: "What the score is made of" });
  const reliability = parts.getByRole("row", { name: /Reliability/ });
  await expect.element(reliability).toHaveTextContent("80");
  await expect.element(reliability).toHaveTextContent("25");
  await expect.element(reliability).toHaveTextContent("8 of 10 promises kept on time in the last 180 days.");
  const intimacy = parts.getByRole("row", { name: /Intimacy/ });
  await expect.element(intimacy).toHaveTextContent("unknown");
  await expect.element(intimacy).toHaveTextContent("No key person has personal goals or preferences recorded yet.");
  expect(parts.getByRole("row").elements()).toHaveLength(8);
  await expect.element(parts.getByRole("list", { name: "Taken off the score" })).toHaveTextContent('−10 Open issue "Invoices sent to the wrong address" (high).');

  const ladder = screen.getByRole("region", { name: "Advisor ladder" });
  await expect.element(ladder).toHaveTextContent("Level 2 · Reliable partner");
  await expect.element(ladder.getByRole("list", { name: "Why this level" })).toHaveTextContent("Reliability 80: promises are kept on time.");
  expect(ladder.getByRole("list", { name: "Next steps" }).getByRole("listitem").elements().map((li) => li.textContent)).toEqual([
    "Reach out first: you have initiated 2 of the last 8 touches.",
    "Learn and record their company's goals for the year.",
  ]);

  const changed = screen.getByRole("region", { name: "What changed" });
  await expect.element(changed).toHaveTextContent("Score 60 → 48");
  await expect.element(changed).toHaveTextContent("Watch → At risk");
  await expect.element(changed).toHaveTextContent("responsiveness 70 → 40");
  await expect.element(changed).toHaveTextContent("Then: 4 of 5 requests answered within 24 hours.");

  const history = screen.getByRole("region", { name: "Over the last year" });
  await expect.element(history).toBeVisible();
  expect(history.element().querySelector("canvas")).not.toBeNull();
  // The legend names the score and the seven components.
  await expect.element(history).toHaveTextContent(/Score.*Reliability.*Responsiveness.*Engagement.*Proactivity.*Breadth.*Intimacy.*Goals/);
  await expect.element(history.getByText(REBUILT)).not.toBeInTheDocument();
});

test("when some days were rebuilt afterwards, a note under the chart says how", async () => {
  serving(
    accountHealth({
      history: [snapshot(daysBefore(2), 55, { reconstructed: true }), snapshot(daysBefore(1), 57, { reconstructed: true }), snapshot(daysBefore(0), 58)],
    }),
  );
  const screen = await render(HealthPanel, { accountId: "account-1" });
  await expect.element(screen.getByText(REBUILT)).toBeVisible();
});

test("a health tab that cannot be loaded says why", async () => {
  mockIPC(() => {
    throw { code: "not_found", field: null, message: "That account is not in this database. Go back to Accounts and choose another." };
  });
  const screen = await render(HealthPanel, { accountId: "account-1" });
  await expect.element(screen.getByRole("alert")).toHaveTextContent("Go back to Accounts and choose another.");
});
