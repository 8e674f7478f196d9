import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { userEvent } from "vitest/browser";
import { render } from "vitest-browser-svelte";
import type { SearchResults } from "../../bindings";
import { searchHit } from "../../test/fixtures";
import SearchBox from "./SearchBox.svelte";

afterEach(() => clearMocks());

const hostile = `<img src=x onerror="document.title='pwned'">`;

function answering(results: (query: string) => SearchResults) {
  const asked: string[] = [];
  mockIPC((command, args) => {
    expect(command).toBe("search");
    const query = (args as { query: string }).query;
    asked.push(query);
    return results(query);
  });
  return asked;
}

const found = (query: string): SearchResults => ({
  query,
  groups: [
    {
      kind: "interaction",
      hits: [
        searchHit("Walked Annika through the ", "pilot", " plan", { record_id: "i1", account_id: "kestrel" }),
        searchHit(`${hostile} about the `, "pilot", "", { record_id: "i2", account_name: "Maison Vérité", account_id: "maison" }),
      ],
    },
    { kind: "promise", hits: [searchHit("Send the ", "pilot", " report", { kind: "promise", record_id: "p1", title: "Send the pilot report" })] },
  ],
});

test("results are grouped by kind with their account, the matched words marked, and HTML shown as text", async () => {
  const asked = answering(found);
  const title = document.title;
  const screen = await render(SearchBox, { delay: 0 });
  await screen.getByLabelText("Search everything").fill("pilot");
  const results = screen.getByRole("region", { name: "Search results" });
  await expect.element(results.getByRole("heading", { name: "History" })).toBeVisible();
  await expect.element(results.getByRole("heading", { name: "Promises" })).toBeVisible();
  await expect.element(results.getByText("Maison Vérité")).toBeVisible();

  const marks = [...results.element().querySelectorAll("mark")].map((m) => m.textContent);
  expect(marks).toEqual(["pilot", "pilot", "pilot"]);
  expect(results.element().querySelector("mark")?.parentElement?.textContent).toBe("Walked Annika through the pilot plan");
  await expect.element(results.getByText(hostile, { exact: false })).toBeVisible();
  expect(results.element().querySelector("img")).toBeNull();
  expect(document.title).toBe(title);
  expect(asked.at(-1)).toBe("pilot");
});

test("a result opens its account on the tab where the record lives", async () => {
  answering(found);
  const screen = await render(SearchBox, { delay: 0 });
  await screen.getByLabelText("Search everything").fill("pilot");
  const links = screen.getByRole("region", { name: "Search results" }).getByRole("link");
  await expect.element(links.first()).toHaveAttribute("href", "#/accounts/kestrel?tab=history");
  await expect.element(links.nth(2)).toHaveAttribute("href", "#/accounts/account-1?tab=promises");
});

test("Ctrl+K and / go to the search box; / while typing elsewhere is just a slash", async () => {
  answering(found);
  const screen = await render(SearchBox, { delay: 0 });
  const other = document.createElement("input");
  document.body.append(other);
  try {
    other.focus();
    await userEvent.keyboard("/");
    expect(other.value).toBe("/");
    await userEvent.keyboard("{Control>}k{/Control}");
    await expect.element(screen.getByLabelText("Search everything")).toHaveFocus();
    other.focus();
    other.blur();
    await userEvent.keyboard("/");
    await expect.element(screen.getByLabelText("Search everything")).toHaveFocus();
    await expect.element(screen.getByLabelText("Search everything")).toHaveValue("");
  } finally {
    other.remove();
  }
});

test("the arrow keys walk through the results, and Escape closes them", async () => {
  answering(found);
  const screen = await render(SearchBox, { delay: 0 });
  const box = screen.getByLabelText("Search everything");
  await box.fill("pilot");
  const links = screen.getByRole("region", { name: "Search results" }).getByRole("link");
  await expect.element(links.first()).toBeVisible();
  await userEvent.keyboard("{ArrowDown}");
  await expect.element(links.first()).toHaveFocus();
  await userEvent.keyboard("{ArrowDown}");
  await expect.element(links.nth(1)).toHaveFocus();
  await userEvent.keyboard("{ArrowUp}{ArrowUp}");
  await expect.element(box).toHaveFocus();
  await userEvent.keyboard("{Escape}");
  await expect.element(screen.getByRole("region", { name: "Search results" })).not.toBeInTheDocument();
});

test("when nothing matches, the box says what is searched", async () => {
  answering((query) => ({ query, groups: [] }));
  const screen = await render(SearchBox, { delay: 0 });
  await screen.getByLabelText("Search everything").fill("zebra");
  await expect.element(screen.getByText("Nothing matches “zebra”.", { exact: false })).toBeVisible();
});

test("the shortcut shows while the box is empty; once words are typed, a × in its place empties the box", async () => {
  answering(found);
  const screen = await render(SearchBox, { delay: 0 });
  const box = screen.getByLabelText("Search everything");
  await expect.element(screen.getByText("Ctrl K")).toBeVisible();
  await expect.element(screen.getByRole("button", { name: "Clear search" })).not.toBeInTheDocument();

  await box.fill("pilot");
  await expect.element(screen.getByRole("region", { name: "Search results" })).toBeVisible();
  await expect.element(screen.getByText("Ctrl K")).not.toBeInTheDocument();
  await screen.getByRole("button", { name: "Clear search" }).click();

  await expect.element(box).toHaveValue("");
  await expect.element(box).toHaveFocus();
  await expect.element(screen.getByRole("region", { name: "Search results" })).not.toBeInTheDocument();
  await expect.element(screen.getByText("Ctrl K")).toBeVisible();
});

test("Enter on the × clears the box rather than opening the first result", async () => {
  answering(found);
  const screen = await render(SearchBox, { delay: 0 });
  const box = screen.getByLabelText("Search everything");
  await box.fill("pilot");
  await expect.element(screen.getByRole("region", { name: "Search results" })).toBeVisible();
  const hash = window.location.hash;
  screen.getByRole("button", { name: "Clear search" }).element().focus();
  await userEvent.keyboard("{Enter}");
  await expect.element(box).toHaveValue("");
  expect(window.location.hash).toBe(hash);
});
