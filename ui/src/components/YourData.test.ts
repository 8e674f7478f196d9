import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import { dataVersion } from "../lib/refresh.svelte";
import YourData from "./YourData.svelte";

afterEach(() => clearMocks());

test("an import reports what it did and refreshes every view", async () => {
  mockIPC((command) => {
    expect(command).toBe("import_archive");
    return { accounts: 3, created: 40, updated: 2, backup: "/data/backups/rapport-before-import.db", dry_run: false };
  });
  const before = dataVersion.n;
  const screen = await render(YourData);
  await screen.getByRole("button", { name: "Import archive…" }).click();
  await expect
    .element(screen.getByRole("status"))
    .toHaveTextContent("Imported 3 accounts: 40 records added, 2 replaced. A copy from before is in /data/backups/rapport-before-import.db.");
  expect(dataVersion.n).toBe(before + 1);
});

test("every problem in a refused archive is shown, and nothing is refreshed", async () => {
  mockIPC(() => {
    throw {
      code: "invalid_archive",
      field: null,
      message: "Nothing was imported: the archive has 1 problem. Correct the file and import it again.\n$.accounts[0].name: An account needs a name.",
    };
  });
  const before = dataVersion.n;
  const screen = await render(YourData);
  await screen.getByRole("button", { name: "Import archive…" }).click();
  await expect.element(screen.getByRole("alert")).toHaveTextContent("$.accounts[0].name: An account needs a name.");
  expect(dataVersion.n).toBe(before);
});

test("cancelling the file dialog says nothing", async () => {
  mockIPC(() => null);
  const screen = await render(YourData);
  await screen.getByRole("button", { name: "Export archive…" }).click();
  await new Promise((r) => setTimeout(r, 50));
  expect(screen.container.querySelector("p")).toBeNull();
});
