import { expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import { NOW, contact, interaction } from "../test/fixtures";
import Timeline from "./Timeline.svelte";

test("a summary containing HTML is shown as text, never run", async () => {
  const hostile = `<img src=x onerror="document.title='pwned'"> **bold**`;
  const title = document.title;
  const screen = await render(Timeline, { entries: [interaction({ summary: hostile })], contacts: [], now: NOW });
  await expect.element(screen.getByText(hostile)).toBeVisible();
  expect(screen.container.querySelector("img")).toBeNull();
  expect(document.title).toBe(title);
});

test("each entry says who reached out, with whom, and how it felt", async () => {
  const annika = contact({ name: "Annika Vogt" });
  const screen = await render(Timeline, {
    entries: [interaction({ initiated_by: "them", contact_ids: [annika.id], sentiment: -1, strategic: true })],
    contacts: [annika],
    now: NOW,
  });
  await expect.element(screen.getByText("They reached out")).toBeVisible();
  await expect.element(screen.getByText("With Annika Vogt")).toBeVisible();
  await expect.element(screen.getByText("felt negative", { exact: false })).toBeVisible();
  await expect.element(screen.getByText("Strategic")).toBeVisible();
  await expect.element(screen.getByText("3 days ago")).toBeVisible();
});

test("an empty history says how to start it", async () => {
  const screen = await render(Timeline, { entries: [], contacts: [], now: NOW });
  await expect.element(screen.getByText("Log the last call or email", { exact: false })).toBeVisible();
});
