import { expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import { NOW, contact, entry } from "../test/fixtures";
import Timeline from "./Timeline.svelte";

test("a summary containing HTML is shown as text, never run", async () => {
  const hostile = `<img src=x onerror="document.title='pwned'"> **bold**`;
  const title = document.title;
  const screen = await render(Timeline, { entries: [entry({ text: hostile })], contacts: [], now: NOW });
  await expect.element(screen.getByText(hostile)).toBeVisible();
  expect(screen.container.querySelector("img")).toBeNull();
  expect(document.title).toBe(title);
});

test("each interaction says who reached out, with whom, and how it felt", async () => {
  const annika = contact({ name: "Annika Vogt" });
  const screen = await render(Timeline, {
    entries: [entry({ initiated_by: "them", contact_ids: [annika.id], sentiment: -1, strategic: true })],
    contacts: [annika],
    now: NOW,
  });
  await expect.element(screen.getByText("They reached out")).toBeVisible();
  await expect.element(screen.getByText("With Annika Vogt")).toBeVisible();
  await expect.element(screen.getByText("felt negative", { exact: false })).toBeVisible();
  await expect.element(screen.getByText("Strategic")).toBeVisible();
  await expect.element(screen.getByText("3 days ago")).toBeVisible();
});

test("promises, requests, issues and meetings each read as what happened, newest first as given", async () => {
  const annika = contact({ name: "Annika Vogt" });
  const plain = { channel: null, initiated_by: null };
  const screen = await render(Timeline, {
    entries: [
      entry({ ...plain, kind: "promise_kept", direction: "ours", text: "Rollout plan", contact_ids: [annika.id] }),
      entry({ ...plain, kind: "promise_made", direction: "theirs", text: "Site list", contact_ids: [annika.id] }),
      entry({ ...plain, kind: "promise_broken", direction: "ours", text: "Pricing sheet" }),
      entry({ ...plain, kind: "request_received", text: "Quote for two sites", contact_ids: [annika.id] }),
      entry({ ...plain, kind: "request_answered", text: "Quote for two sites" }),
      entry({ ...plain, kind: "issue_opened", text: "Wrong invoice address" }),
      entry({ ...plain, kind: "issue_resolved", text: "Wrong invoice address" }),
      entry({ ...plain, kind: "meeting", text: "Quarterly review", contact_ids: [annika.id] }),
    ],
    contacts: [annika],
    now: NOW,
  });
  const items = [...screen.container.querySelectorAll('ol[aria-label="History"] > li')].map((li) => li.textContent ?? "");
  expect(items).toHaveLength(8);
  expect(items[0]).toMatch(/We kept a promise.*Rollout plan.*To Annika Vogt/s);
  expect(items[1]).toMatch(/They promised.*Site list.*From Annika Vogt/s);
  expect(items[2]).toMatch(/We broke a promise.*Pricing sheet/s);
  expect(items[3]).toMatch(/They asked.*Quote for two sites.*From Annika Vogt/s);
  expect(items[4]).toMatch(/We answered/);
  expect(items[5]).toMatch(/Issue opened.*Wrong invoice address/s);
  expect(items[6]).toMatch(/Issue resolved/);
  expect(items[7]).toMatch(/Meeting.*Quarterly review.*With Annika Vogt/s);
  expect(items[3]).not.toMatch(/reached out/);
});

test("an empty history says how to start it", async () => {
  const screen = await render(Timeline, { entries: [], contacts: [], now: NOW });
  await expect.element(screen.getByText("Log the last call or email", { exact: false })).toBeVisible();
});

test("a touch Rapport read from the user's mail says so, with the first words of the message", async () => {
  const screen = await render(Timeline, {
    entries: [entry({ text: "Re: rollout plan", channel: "email", from_mail: true, snippet: "Thanks, the dates work for us." })],
    contacts: [],
    now: NOW,
  });
  await expect.element(screen.getByText("From mail")).toBeVisible();
  await expect.element(screen.getByText("Thanks, the dates work for us.")).toBeVisible();
});
