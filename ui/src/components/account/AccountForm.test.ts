import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { render } from "vitest-browser-svelte";
import { account } from "../../test/fixtures";
import AccountForm from "./AccountForm.svelte";

afterEach(() => clearMocks());

test("editing the account sends every part of it: days in calendar order, hours, holidays, renewal, rhythm", async () => {
  let sent: unknown;
  mockIPC((command, args) => {
    expect(command).toBe("update_account");
    sent = args;
    return account();
  });
  const onsaved = vi.fn();
  const screen = await render(AccountForm, { account: account({ holidays: ["2026-12-24"] }), onsaved, oncancel: () => {} });
  await screen.getByLabelText("Status").selectOptions("Paused");
  await screen.getByLabelText("Sat").click();
  await screen.getByLabelText("Mon").click();
  await screen.getByLabelText("Mon").click();
  await screen.getByLabelText("From").fill("08:30");
  await screen.getByLabelText("Their holidays: date to add").fill("2026-12-31");
  await screen.getByRole("button", { name: "Add", exact: true }).click();
  await screen.getByLabelText("Check in every (days)").fill("10");
  await screen.getByLabelText("Notes").fill("Family-owned");
  await screen.getByRole("button", { name: "Save changes" }).click();
  await expect.poll(() => onsaved.mock.calls.length).toBe(1);
  expect(sent).toEqual({
    accountId: "account-1",
    draft: {
      name: "Kestrel Logistik GmbH",
      tier: "strategic",
      status: "paused",
      industry: "Logistics",
      timezone: "Europe/Berlin",
      renewal_date: "2027-03-31",
      cadence_days: 10,
      notes: "Family-owned",
      working_days: ["mon", "tue", "wed", "thu", "fri", "sat"],
      working_hours: { start: "08:30", end: "17:30" },
      holidays: ["2026-12-24", "2026-12-31"],
    },
  });
});

test("refused working hours are explained beside the hours", async () => {
  mockIPC(() => {
    throw { code: "validation", field: "working_hours", message: "The working day ends before it starts. Choose an end after the start." };
  });
  const screen = await render(AccountForm, { account: account(), onsaved: () => {}, oncancel: () => {} });
  await screen.getByRole("button", { name: "Save changes" }).click();
  const hours = screen.getByRole("group", { name: "Working hours, their time" });
  await expect.element(hours.getByRole("alert")).toHaveTextContent("Choose an end after the start.");
  await expect.element(screen.getByLabelText("From")).toHaveAttribute("aria-invalid", "true");
});
