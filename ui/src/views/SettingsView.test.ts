import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import { forgetUnsaved } from "../components/settings/unsaved.svelte";
import { backupFile, backupList, checkinSettings, healthWeights, summary } from "../test/fixtures";
import SettingsView from "./SettingsView.svelte";

afterEach(() => {
  clearMocks();
  // As closing Rapport does: each test opens Settings with nothing left unsaved by the one before.
  forgetUnsaved();
});

/** Serves the settings and the health weights, and keeps what was saved. */
function serving(answerSave: () => unknown = () => null) {
  const saved: Record<string, unknown>[] = [];
  mockIPC((command, args) => {
    if (command === "about") return { version: "0.1.0", data_format: 19, database: "/home/anna/.local/share/rapport/rapport.db", demo: false };
    if (command === "checkin_settings") return checkinSettings({ request_answer_hours: 8 });
    if (command === "health_weights") return healthWeights({ intimacy: 5 });
    if (command === "backups") return backupList();
    if (command === "list_accounts") return [summary({ id: "account-kestrel", name: "Kestrel Logistik GmbH" })];
    if (command === "feed_settings") return { path: null };
    if (command === "mail_kept_current" || command === "calendars_kept_current") return [];
    if (command === "save_checkin_settings") {
      saved.push((args as { settings: Record<string, unknown> }).settings);
      return answerSave();
    }
    if (command === "save_health_weights") {
      saved.push((args as { weights: Record<string, unknown> }).weights);
      return answerSave();
    }
    throw new Error(`unexpected ${command}`);
  });
  return saved;
}

test("the thresholds load grouped by what they watch, and a change is saved with a confirmation", async () => {
  const saved = serving();
  const screen = await render(SettingsView);
  const requests = screen.getByRole("region", { name: "Requests" });
  await expect.element(requests.getByLabelText("Answer within (hours)")).toHaveValue(8);
  for (const group of ["Promises", "Meetings", "Issues", "Goals", "Renewals", "People and rhythm"]) {
    await expect.element(screen.getByRole("region", { name: group })).toBeVisible();
  }
  await expect.element(screen.getByLabelText("Desktop reminders for check-ins that become urgent")).toBeChecked();

  await requests.getByLabelText("Answer within (hours)").fill("12");
  await screen.getByLabelText("Prepare renewals coming within (days)").fill("120");
  await screen.getByLabelText("Desktop reminders for check-ins that become urgent").click();
  await screen.getByRole("button", { name: "Save settings" }).click();

  await expect.element(screen.getByRole("form", { name: "Check-ins and health" }).getByRole("status")).toHaveTextContent("Saved.");
  expect(saved).toEqual([checkinSettings({ request_answer_hours: 12, renewal_days: 120, reminders: false })]);
});

test("a box left empty is refused beside the field, and nothing is sent", async () => {
  const saved = serving();
  const screen = await render(SettingsView);
  const field = screen.getByLabelText("Acknowledge within (hours)");
  await field.fill("");
  await screen.getByRole("button", { name: "Save settings" }).click();
  await expect.element(field).toHaveAttribute("aria-invalid", "true");
  await expect.element(field).toHaveAccessibleDescription("Type a whole number of days, hours or people.");
  await expect.element(field).toHaveFocus();
  expect(saved).toEqual([]);
});

test("the core's refusal of a threshold is shown beside that field, which takes the focus", async () => {
  serving(() => {
    throw {
      code: "validation",
      field: "issue_follow_up_until_days",
      message: "The follow-up window must end after it opens. Make this larger than the day it opens.",
    };
  });
  const screen = await render(SettingsView);
  await screen.getByLabelText("Check a fix held, from (days)").fill("20");
  await screen.getByRole("button", { name: "Save settings" }).click();
  const until = screen.getByLabelText("Check a fix held, until (days)");
  await expect.element(until).toHaveAccessibleDescription("The follow-up window must end after it opens. Make this larger than the day it opens.");
  await expect.element(until).toHaveFocus();
});

test("the core's refusal is shown as its sentence", async () => {
  serving(() => {
    throw { code: "storage", field: null, message: "Rapport could not read or write its database (disk full)." };
  });
  const screen = await render(SettingsView);
  await screen.getByLabelText("Answer within (hours)").fill("12");
  await screen.getByRole("button", { name: "Save settings" }).click();
  await expect.element(screen.getByRole("alert")).toHaveTextContent("disk full");
  await expect.element(screen.getByRole("form", { name: "Check-ins and health" }).getByRole("status")).toHaveTextContent("");
  await expect.element(screen.getByLabelText("Answer within (hours)")).toHaveValue(12);
  await expect.element(screen.getByText("Unsaved changes — Save or Discard.")).toBeVisible();
});

test("the health weights load beside the check-in settings, and are saved as numbers", async () => {
  const saved = serving();
  const screen = await render(SettingsView);
  const weights = screen.getByRole("region", { name: "Health weights" });
  await expect.element(weights.getByLabelText("Intimacy")).toHaveValue(5);
  await expect.element(weights.getByLabelText("Reliability")).toHaveValue(25);
  await weights.getByLabelText("Reliability").fill("40");
  await weights.getByLabelText("Goals").fill("0");
  await screen.getByRole("button", { name: "Save settings" }).click();
  await expect
    .element(screen.getByRole("form", { name: "Check-ins and health" }).getByRole("status"))
    .toHaveTextContent("Saved. Health scores now use these weights.");
  expect(saved).toEqual([healthWeights({ reliability: 40, intimacy: 5, goals: 0 })]);
});

test("a weight that cannot be sent is refused beside its field, and nothing is sent", async () => {
  const saved = serving();
  const screen = await render(SettingsView);
  const weights = screen.getByRole("region", { name: "Health weights" });
  const breadth = weights.getByLabelText("Breadth");
  await breadth.fill("2.5");
  await weights.getByLabelText("Engagement").fill("");
  await screen.getByRole("button", { name: "Save settings" }).click();
  const engagement = weights.getByLabelText("Engagement");
  await expect.element(engagement).toHaveAttribute("aria-invalid", "true");
  await expect.element(engagement).toHaveFocus();
  await expect.element(breadth).toHaveAccessibleDescription("Type a whole number, such as 10. Type 0 to leave this out of the score.");
  await weights.getByLabelText("Engagement").fill("-5");
  await weights.getByLabelText("Breadth").fill("10");
  await screen.getByRole("button", { name: "Save settings" }).click();
  await expect.element(engagement).toHaveAccessibleDescription("A weight cannot be below 0. Type 0 to leave this out of the score.");
  expect(saved).toEqual([]);
});

test("the core's refusal of a weight is shown beside the component it names, which takes the focus", async () => {
  serving(() => {
    throw { code: "validation", field: "proactivity", message: "The weight of proactivity must be between 0 and 100." };
  });
  const screen = await render(SettingsView);
  const weights = screen.getByRole("region", { name: "Health weights" });
  await weights.getByLabelText("Proactivity").fill("150");
  await screen.getByRole("button", { name: "Save settings" }).click();
  const proactivity = weights.getByLabelText("Proactivity");
  await expect.element(proactivity).toHaveAccessibleDescription("The weight of proactivity must be between 0 and 100.");
  await expect.element(proactivity).toHaveFocus();
  await expect.element(weights.getByLabelText("Reliability")).toHaveAttribute("aria-invalid", "false");
  await expect.element(screen.getByRole("form", { name: "Check-ins and health" }).getByRole("status")).toHaveTextContent("");
});

test("importing and exporting come last, with the accounts to choose from and the calendar file", async () => {
  serving();
  const screen = await render(SettingsView);
  const exchange = screen.getByRole("region", { name: "Import and export" });
  await expect.element(exchange.getByRole("button", { name: "Import contacts, companies or a calendar…" })).toBeVisible();
  await expect.element(exchange.getByLabelText("From")).toHaveTextContent("Kestrel Logistik GmbH");
  await expect.element(exchange.getByRole("region", { name: "Calendar file" }).getByRole("status")).toHaveTextContent("Off.");
});

test("the backups are below the other settings, and still work when the database is damaged", async () => {
  const damaged = "Rapport found its database damaged and has not changed it. Restore it from Settings, under Backups.";
  const fresh = backupFile({ taken_at: "2026-11-23T10:00:00Z", reason: "manual" });
  mockIPC((command) => {
    if (command === "about") return { version: "0.1.0", data_format: 19, database: "/home/anna/.local/share/rapport/rapport.db", demo: false };
    if (command === "backups") return backupList([backupFile()]);
    if (command === "back_up_now") return fresh;
    throw { code: "damaged", field: null, message: damaged };
  });
  const screen = await render(SettingsView);
  const backups = screen.getByRole("region", { name: "Backups" });
  await expect.element(backups.getByRole("cell", { name: "Daily", exact: true })).toBeVisible();
  expect(screen.getByRole("alert").elements().map((alert) => alert.textContent)).toEqual([damaged, damaged]);
  await expect.element(backups.getByRole("form", { name: "Keep" })).toBeVisible();

  await backups.getByRole("button", { name: "Back up now" }).click();
  await expect.element(backups.getByRole("status").first()).toHaveTextContent(`Backed up to ${fresh.path}.`);
  expect(screen.getByRole("region", { name: "Import and export" }).elements()).toHaveLength(0);
});

const unsavedNote = "Unsaved changes — Save or Discard.";

test("the check-ins and the health weights have one Save: what changed in both is saved with one click", async () => {
  const saved = serving();
  const screen = await render(SettingsView);
  const form = screen.getByRole("form", { name: "Check-ins and health" });
  await expect.element(form.getByLabelText("Answer within (hours)")).toHaveValue(8);
  await expect.element(screen.getByRole("region", { name: "Backups" }).getByRole("button", { name: "Save what to keep" })).toBeVisible();
  // The only other Save on the page is the backups' own, which works even when the database cannot be read.
  expect(screen.getByRole("button", { name: /^Save/ }).elements().map((button) => button.textContent?.trim())).toEqual([
    "Save settings",
    "Save what to keep",
  ]);
  await expect.element(form.getByRole("button", { name: "Save settings" })).toBeDisabled();
  expect(form.getByRole("button", { name: "Discard" }).elements()).toHaveLength(0);

  await form.getByLabelText("Answer within (hours)").fill("12");
  await form.getByLabelText("Reliability").fill("40");
  await expect.element(form.getByText(unsavedNote)).toBeVisible();
  await form.getByRole("button", { name: "Save settings" }).click();

  await expect
    .element(form.getByRole("status"))
    .toHaveTextContent("Saved. Today’s list now follows these thresholds, and health scores now use these weights.");
  expect(saved).toEqual([checkinSettings({ request_answer_hours: 12 }), healthWeights({ intimacy: 5, reliability: 40 })]);
  await expect.element(form.getByText(unsavedNote)).not.toBeInTheDocument();
  await expect.element(form.getByRole("button", { name: "Save settings" })).toBeDisabled();
});

test("edits not saved yet are still there after going elsewhere and coming back, marked as unsaved", async () => {
  const saved = serving();
  const first = await render(SettingsView);
  await first.getByLabelText("Answer within (hours)").fill("12");
  await first.getByLabelText("Reliability").fill("40");
  await first.getByLabelText("Desktop reminders for check-ins that become urgent").click();
  await expect.element(first.getByText(unsavedNote)).toBeVisible();
  await first.unmount();

  const again = await render(SettingsView);
  await expect.element(again.getByLabelText("Answer within (hours)")).toHaveValue(12);
  await expect.element(again.getByLabelText("Reliability")).toHaveValue(40);
  await expect.element(again.getByLabelText("Desktop reminders for check-ins that become urgent")).not.toBeChecked();
  await expect.element(again.getByLabelText("Acknowledge within (hours)")).toHaveValue(1);
  await expect.element(again.getByText(unsavedNote)).toBeVisible();
  expect(saved).toEqual([]);

  await again.getByRole("button", { name: "Save settings" }).click();
  await expect.element(again.getByText(unsavedNote)).not.toBeInTheDocument();
  expect(saved).toEqual([checkinSettings({ request_answer_hours: 12, reminders: false }), healthWeights({ intimacy: 5, reliability: 40 })]);
});

test("Discard puts the saved values back, and nothing is kept for the next visit", async () => {
  const saved = serving();
  const first = await render(SettingsView);
  await first.getByLabelText("Answer within (hours)").fill("12");
  await first.getByLabelText("Engagement").fill("");
  await first.getByRole("button", { name: "Save settings" }).click();
  await expect.element(first.getByLabelText("Engagement")).toHaveAttribute("aria-invalid", "true");

  await first.getByRole("form", { name: "Check-ins and health" }).getByRole("button", { name: "Discard" }).click();
  await expect.element(first.getByLabelText("Answer within (hours)")).toHaveValue(8);
  await expect.element(first.getByLabelText("Engagement")).toHaveValue(15);
  await expect.element(first.getByLabelText("Engagement")).toHaveAttribute("aria-invalid", "false");
  await expect.element(first.getByText(unsavedNote)).not.toBeInTheDocument();
  await expect.element(first.getByRole("form", { name: "Check-ins and health" }).getByRole("status")).toHaveTextContent("Discarded.");
  await expect.element(first.getByRole("button", { name: "Save settings" })).toBeDisabled();
  await first.unmount();

  const again = await render(SettingsView);
  await expect.element(again.getByLabelText("Answer within (hours)")).toHaveValue(8);
  await expect.element(again.getByText(unsavedNote)).not.toBeInTheDocument();
  expect(saved).toEqual([]);
});

test("typing a value back to what is saved leaves nothing unsaved", async () => {
  serving();
  const screen = await render(SettingsView);
  await screen.getByLabelText("Answer within (hours)").fill("12");
  await expect.element(screen.getByText(unsavedNote)).toBeVisible();
  await screen.getByLabelText("Answer within (hours)").fill("8");
  await expect.element(screen.getByText(unsavedNote)).not.toBeInTheDocument();
  await expect.element(screen.getByRole("button", { name: "Save settings" })).toBeDisabled();
});
