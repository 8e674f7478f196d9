import { expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import { NOW, reason, summary } from "../test/fixtures";
import AccountTable from "./AccountTable.svelte";

const accounts = [
  summary({ name: "Maison Vérité", tier: "strategic", last_touch_at: "2026-11-22T09:00:00Z", touch: "within" }),
  summary({ name: "Fjordlys Shipping AS", last_touch_at: "2026-10-01T09:00:00Z", touch: "well_past" }),
  summary({ name: "Bluegill Software Inc.", tier: "standard", last_touch_at: null, touch: "never" }),
];

function rowNames(container: HTMLElement): string[] {
  return [...container.querySelectorAll("tbody tr a")].map((a) => a.textContent ?? "");
}

test("lists accounts by name with how long since the last touch", async () => {
  const screen = await render(AccountTable, { accounts, now: NOW });
  expect(rowNames(screen.container)).toEqual(["Bluegill Software Inc.", "Fjordlys Shipping AS", "Maison Vérité"]);
  await expect.element(screen.getByText("53 days ago")).toBeVisible();
  await expect.element(screen.getByText("Overdue")).toBeVisible();
  await expect.element(screen.getByText("Never touched")).toBeVisible();
});

test("sorting by last touch puts the longest-silent account first, and again reverses it", async () => {
  const screen = await render(AccountTable, { accounts, now: NOW });
  await screen.getByRole("button", { name: "Last touch" }).click();
  expect(rowNames(screen.container)).toEqual(["Bluegill Software Inc.", "Fjordlys Shipping AS", "Maison Vérité"]);
  await screen.getByRole("button", { name: "Last touch" }).click();
  expect(rowNames(screen.container)).toEqual(["Maison Vérité", "Fjordlys Shipping AS", "Bluegill Software Inc."]);
});

test("each account links to its page", async () => {
  const screen = await render(AccountTable, { accounts: [accounts[0]!], now: NOW });
  await expect
    .element(screen.getByRole("link", { name: "Maison Vérité" }))
    .toHaveAttribute("href", `#/accounts/${accounts[0]!.id}`);
});

test("each account shows its health band and its next action; sorting by health puts the riskiest first", async () => {
  const rows = [
    summary({ name: "Calm Co", band: "healthy", score: 88 }),
    summary({ name: "New Co", band: "unknown", score: null }),
    summary({
      name: "Hoshizora Pharma K.K.",
      band: "at_risk",
      score: 38,
      next_action: { contact: "Kenji Sato", reason: reason("unanswered_request", "Kenji Sato has waited 30 h for an answer.") },
    }),
    summary({ name: "Watch Co", band: "watch", score: 61 }),
  ];
  const screen = await render(AccountTable, { accounts: rows, now: NOW });
  const risky = screen.getByRole("row", { name: /Hoshizora/ });
  await expect.element(risky).toHaveTextContent("At risk 38");
  // The person is named once: the reason already says who.
  await expect.element(risky).toHaveTextContent("Request waiting Kenji Sato has waited 30 h for an answer.");
  await expect.element(risky).not.toHaveTextContent("Kenji Sato: Kenji Sato");
  await expect.element(screen.getByRole("row", { name: /New Co/ })).toHaveTextContent("Too early to judge");
  await screen.getByRole("button", { name: "Health" }).click();
  expect(rowNames(screen.container)).toEqual(["Hoshizora Pharma K.K.", "Watch Co", "Calm Co", "New Co"]);
});
