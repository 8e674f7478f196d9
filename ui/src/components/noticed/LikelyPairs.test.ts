import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import type { LikelyPair } from "../../bindings";
import LikelyPairs from "./LikelyPairs.svelte";

afterEach(() => clearMocks());

const pair: LikelyPair = {
  kind: "person",
  first_id: "ana-1",
  first: "Ana Ruiz",
  second_id: "ana-2",
  second: "Ana Ruíz",
  account_id: "kestrel",
  account: "Kestrel Logistik GmbH",
  other_account_id: null,
  other_account: null,
  why: "same_address",
  reason: "Both write from ana@kestrel.example.",
};

test("a likely pair says why; merging keeps the older one, says what moved, and Undo takes it back", async () => {
  let pairs = [pair];
  const calls: [string, unknown][] = [];
  mockIPC((command, args) => {
    calls.push([command, args]);
    if (command === "likely_duplicates") return pairs;
    if (command === "merge_people") {
      pairs = [];
      return { merge_id: "m1", kind: "person", kept_id: "ana-1", kept_name: "Ana Ruiz", said: "Merged Ana Ruíz into Ana Ruiz: 3 touches and 1 promise moved." };
    }
    if (command === "undo_merge") {
      pairs = [pair];
      return { merge_id: "m1", kind: "person", kept_id: "ana-1", kept_name: "Ana Ruiz", restored_id: "ana-2", restored_name: "Ana Ruíz", backup: null, said: "Ana Ruíz is back, with what was theirs." };
    }
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(LikelyPairs);
  await expect.element(screen.getByText("Both write from ana@kestrel.example.")).toBeVisible();
  await screen.getByRole("button", { name: "Merge into Ana Ruiz" }).click();
  await expect.element(screen.getByRole("status")).toHaveTextContent("Merged Ana Ruíz into Ana Ruiz: 3 touches and 1 promise moved.");
  expect(calls.find(([c]) => c === "merge_people")?.[1]).toEqual({ keepId: "ana-1", mergeId: "ana-2" });
  await expect.element(screen.getByRole("list", { name: "Records that may be one" })).not.toBeInTheDocument();
  await screen.getByRole("button", { name: "Undo" }).click();
  await expect.element(screen.getByRole("status")).toHaveTextContent("Ana Ruíz is back");
  await expect.element(screen.getByText("Both write from ana@kestrel.example.")).toBeVisible();
});

test("saying two are not the same keeps them from coming back", async () => {
  let pairs = [pair];
  mockIPC((command) => {
    if (command === "likely_duplicates") return pairs;
    if (command === "not_duplicates") {
      pairs = [];
      return null;
    }
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(LikelyPairs);
  await screen.getByRole("button", { name: "Not the same" }).click();
  await expect.element(screen.getByRole("status")).toHaveTextContent("Ana Ruiz and Ana Ruíz will not be proposed again.");
  await expect.element(screen.getByRole("list", { name: "Records that may be one" })).not.toBeInTheDocument();
});

test("with nothing alike, nothing is shown", async () => {
  mockIPC((command) => (command === "likely_duplicates" ? [] : null));
  const screen = await render(LikelyPairs);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(screen.getByRole("heading", { name: "Maybe the same" }).elements()).toHaveLength(0);
});
