import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import type { ProgressNow } from "../bindings";
import { track } from "../lib/work.svelte";
import WorkProgress from "./WorkProgress.svelte";

afterEach(() => clearMocks());

test("long work shows what it does and how far it has come, and Stop asks the core to stop", async () => {
  let now: ProgressNow = { step: "Reading Inbox.mbox", unit: "bytes", done: 512 * 1024 * 1024, total: 2048 * 1024 * 1024, stoppable: true, stopping: false };
  let stops = 0;
  mockIPC((command) => {
    if (command === "work_progress") return now;
    if (command === "stop_work") {
      stops += 1;
      now = { ...now, stopping: true };
      return null;
    }
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(WorkProgress);
  let finish!: () => void;
  const running = track(new Promise<void>((done) => (finish = done)));

  const status = screen.getByRole("status", { name: "Work under way" });
  await expect.element(status).toHaveTextContent("Reading Inbox.mbox…");
  await expect.element(status).toHaveTextContent(/25% \(512(\.0)? MB of 2(\.0)? GB\)/);
  await screen.getByRole("button", { name: "Stop" }).click();
  expect(stops).toBe(1);
  await expect.element(status).toHaveTextContent("Stopping…");
  await expect.element(screen.getByRole("button", { name: "Stop" })).not.toBeInTheDocument();

  finish();
  await running;
  await expect.element(status).not.toBeInTheDocument();
});

test("work that can no longer be stopped offers no Stop, and a count without a whole is shown as a count", async () => {
  mockIPC((command) => {
    if (command === "work_progress") return { step: "Reading Archive", unit: "messages", done: 1234, total: null, stoppable: false, stopping: false };
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(WorkProgress);
  let finish!: () => void;
  const running = track(new Promise<void>((done) => (finish = done)));
  const status = screen.getByRole("status", { name: "Work under way" });
  await expect.element(status).toHaveTextContent(/1[,.\u202f\u00a0 ]?234 messages/);
  expect(screen.getByRole("button", { name: "Stop" }).query()).toBeNull();
  finish();
  await running;
});

test("quick work shows nothing at all", async () => {
  let asked = 0;
  mockIPC((command) => {
    if (command === "work_progress") asked += 1;
    return null;
  });
  const screen = await render(WorkProgress);
  await track(new Promise((done) => setTimeout(done, 100)));
  await new Promise((done) => setTimeout(done, 800));
  expect(asked).toBe(0);
  expect(screen.container.textContent?.trim()).toBe("");
});
