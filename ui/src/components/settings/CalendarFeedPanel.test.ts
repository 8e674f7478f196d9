import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import CalendarFeedPanel from "./CalendarFeedPanel.svelte";

afterEach(() => clearMocks());

type Call = { command: string; args: Record<string, unknown> };

const FEED = "/home/anna/Calendars/rapport.ics";

/** Serves the calendar file's settings, starting at `path`; `save` answers each save. */
function serving(path: string | null, save: (args: Record<string, unknown>) => unknown = () => ({ path: null })) {
  const calls: Call[] = [];
  mockIPC((command, args) => {
    const given = (args ?? {}) as Record<string, unknown>;
    calls.push({ command, args: given });
    if (command === "feed_settings") return { path };
    if (command === "save_feed_settings") return save(given);
    throw new Error(`unexpected ${command}`);
  });
  return calls;
}

const saves = (calls: Call[]) => calls.filter((c) => c.command === "save_feed_settings").map((c) => c.args);

test("when off, the panel says so and offers only to choose where to keep the file", async () => {
  serving(null);
  const screen = await render(CalendarFeedPanel);
  await expect.element(screen.getByRole("status")).toHaveTextContent("Off.");
  await expect.element(screen.getByText("meetings, check-ins, promises falling due and birthdays", { exact: false })).toBeVisible();
  await expect.element(screen.getByRole("button", { name: "Choose where to keep it…" })).toBeVisible();
  expect(screen.getByRole("button", { name: "Turn off" }).elements()).toHaveLength(0);
});

test("choosing a place turns the file on and says how to subscribe to it", async () => {
  const calls = serving(null, () => ({ path: FEED }));
  const screen = await render(CalendarFeedPanel);
  await screen.getByRole("button", { name: "Choose where to keep it…" }).click();
  await expect
    .element(screen.getByRole("status"))
    .toHaveTextContent(`Kept up to date at ${FEED}. Subscribe to it in your calendar: file://${FEED}`);
  expect(saves(calls)).toEqual([{ settings: { path: null }, choose: true }]);
  await expect.element(screen.getByRole("button", { name: "Turn off" })).toBeVisible();
});

test("closing the save dialog leaves the file as it was", async () => {
  const calls = serving(FEED, () => null);
  const screen = await render(CalendarFeedPanel);
  await expect.element(screen.getByRole("status")).toHaveTextContent(`Kept up to date at ${FEED}.`);
  await screen.getByRole("button", { name: "Choose where to keep it…" }).click();
  await expect.poll(() => saves(calls)).toEqual([{ settings: { path: null }, choose: true }]);
  await expect.element(screen.getByRole("button", { name: "Choose where to keep it…" })).toBeEnabled();
  await expect.element(screen.getByRole("status")).toHaveTextContent(`Kept up to date at ${FEED}.`);
});

test("Turn off stops the file", async () => {
  const calls = serving(FEED);
  const screen = await render(CalendarFeedPanel);
  await screen.getByRole("button", { name: "Turn off" }).click();
  await expect.element(screen.getByRole("status")).toHaveTextContent("Off.");
  expect(saves(calls)).toEqual([{ settings: { path: null }, choose: false }]);
  expect(screen.getByRole("button", { name: "Turn off" }).elements()).toHaveLength(0);
});

test("a place that cannot be written is said as its sentence", async () => {
  const refusal = "Rapport could not write /mnt/usb/rapport.ics. Choose another place.";
  serving(null, () => {
    throw { code: "file", field: null, message: refusal };
  });
  const screen = await render(CalendarFeedPanel);
  await screen.getByRole("button", { name: "Choose where to keep it…" }).click();
  await expect.element(screen.getByRole("alert")).toHaveTextContent(refusal);
  await expect.element(screen.getByRole("status")).toHaveTextContent("Off.");
});
