import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { render } from "vitest-browser-svelte";
import { contact, goal } from "../../test/fixtures";
import GoalsPanel from "./GoalsPanel.svelte";

afterEach(() => clearMocks());

const annika = contact({ name: "Annika Vogt" });

test("goals are grouped under the four kinds a lasting relationship serves", async () => {
  const screen = await render(GoalsPanel, {
    accountId: "account-1",
    contacts: [annika],
    onchange: () => {},
    goals: [
      goal({ kind: "company", title: "Cut cross-dock time by a fifth" }),
      goal({ kind: "personal", title: "Become group COO", contact_id: annika.id, status: "on_track", target_date: "2027-06-30" }),
      goal({ kind: "ours", title: "Renew for three years", stated: false }),
      goal({ kind: "our_company", title: "A logistics reference customer" }),
    ],
  });
  const headings = [...screen.container.querySelectorAll("h2")].map((h) => h.textContent);
  expect(headings).toEqual(["Their company's goals", "Their people's own goals", "Our goals for this account", "Our company's goals"]);

  const personal = screen.getByRole("region", { name: "Their people's own goals" });
  await expect.element(personal.getByText("Become group COO")).toBeVisible();
  await expect.element(personal.getByText("On track")).toBeVisible();
  await expect.element(personal.getByText(/Annika Vogt · they said it · by/)).toBeVisible();
  await expect.element(personal.getByText("Cut cross-dock time by a fifth")).not.toBeInTheDocument();
  const ours = screen.getByRole("region", { name: "Our goals for this account" });
  await expect.element(ours.getByText("our inference", { exact: false })).toBeVisible();
});

test("an empty kind says what belongs in it", async () => {
  const screen = await render(GoalsPanel, { accountId: "account-1", contacts: [], onchange: () => {}, goals: [goal({ kind: "company" })] });
  const ourCompany = screen.getByRole("region", { name: "Our company's goals" });
  await expect.element(ourCompany.getByText("What our own company needs this year", { exact: false })).toBeVisible();
});

test("progress is added to a goal with its new status", async () => {
  const sent: unknown[] = [];
  mockIPC((command, args) => {
    expect(command).toBe("add_goal_progress");
    sent.push(args);
    return goal();
  });
  const target = goal({ title: "Cut cross-dock time by a fifth" });
  const onchange = vi.fn();
  const screen = await render(GoalsPanel, { accountId: "account-1", contacts: [], onchange, goals: [target] });
  await screen.getByRole("button", { name: "Add progress" }).click();
  await screen.getByLabelText("What moved?").fill("Pilot site 15% faster");
  await screen.getByLabelText("Status now").selectOptions("On track");
  await screen.getByRole("button", { name: "Save progress" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(1);
  expect(sent).toEqual([{ goalId: target.id, text: "Pilot site 15% faster", status: "on_track" }]);
});

test("a goal added from a group is of that kind, and a refused title is explained beside it", async () => {
  const drafts: Record<string, unknown>[] = [];
  mockIPC((command, args) => {
    expect(command).toBe("add_goal");
    drafts.push((args as { draft: Record<string, unknown> }).draft);
    throw { code: "validation", field: "title", message: "A goal needs a name. Type one and save again." };
  });
  const screen = await render(GoalsPanel, { accountId: "account-1", contacts: [], onchange: () => {}, goals: [] });
  await expect.element(screen.getByText("No goals recorded.", { exact: false })).toBeVisible();
  await screen.getByRole("button", { name: "Add to Our goals for this account" }).click();
  await screen.getByRole("button", { name: "Add goal" }).click();
  await expect.element(screen.getByLabelText("The goal")).toHaveAttribute("aria-invalid", "true");
  await expect.element(screen.getByRole("alert")).toHaveTextContent("A goal needs a name.");
  expect(drafts[0]).toMatchObject({ account_id: "account-1", kind: "ours", stated: true, status: "open" });
});
