import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import CalendarsKeptPanel from "./CalendarsKeptPanel.svelte";

afterEach(() => clearMocks());

test("a calendar chosen is kept current and read at once, in the core's sentences, until the user stops it", async () => {
  let kept: string[] = [];
  const calls: [string, unknown][] = [];
  mockIPC((command, args) => {
    calls.push([command, args]);
    if (command === "calendars_kept_current") return kept;
    if (command === "pick_calendar") return "/home/anna/.calendars/work";
    if (command === "keep_calendar_current") {
      const { path, keep } = args as { path: string; keep: boolean };
      kept = keep ? [path] : [];
      return kept;
    }
    if (command === "read_calendars_now")
      return kept.map((path) => ({
        path,
        unchanged: false,
        added: 2,
        changed: 0,
        touches: 1,
        problem: null,
        said: `${path}: 2 meetings with clients added, 1 meeting that has ended now in its account's history.`,
      }));
    if (command === "noticed_waiting") return 0;
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(CalendarsKeptPanel);
  await screen.getByRole("button", { name: "Keep a calendar folder current…" }).click();
  await expect
    .element(screen.getByRole("status"))
    .toHaveTextContent("/home/anna/.calendars/work: 2 meetings with clients added, 1 meeting that has ended now in its account's history.");
  expect(calls.find(([c]) => c === "pick_calendar")?.[1]).toEqual({ folder: true });
  await expect.element(screen.getByRole("list", { name: "Calendars kept current" })).toHaveTextContent("/home/anna/.calendars/work");

  await screen.getByRole("button", { name: "Stop reading it" }).click();
  await expect.element(screen.getByRole("list", { name: "Calendars kept current" })).not.toBeInTheDocument();
  expect(calls.filter(([c]) => c === "keep_calendar_current").map(([, a]) => (a as { keep: boolean }).keep)).toEqual([true, false]);
});

test("a calendar that is not one is refused in a sentence, and nothing is kept", async () => {
  mockIPC((command) => {
    if (command === "calendars_kept_current") return [];
    if (command === "pick_calendar") return "/home/anna/notes.txt";
    if (command === "keep_calendar_current")
      throw { code: "validation", field: "path", message: "/home/anna/notes.txt is not a calendar Rapport can read." };
    throw new Error(`unexpected command ${command}`);
  });
  const screen = await render(CalendarsKeptPanel);
  await screen.getByRole("button", { name: "Keep a calendar file current…" }).click();
  await expect.element(screen.getByRole("alert")).toHaveTextContent("is not a calendar Rapport can read");
  await expect.element(screen.getByRole("list", { name: "Calendars kept current" })).not.toBeInTheDocument();
});
