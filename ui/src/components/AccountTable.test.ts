import { expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import { NOW, summary } from "../test/fixtures";
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
