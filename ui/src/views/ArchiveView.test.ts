import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import { archivedRecord, summary } from "../test/fixtures";
import ArchiveView from "./ArchiveView.svelte";

afterEach(() => clearMocks());

test("an empty archive explains what it is for", async () => {
  mockIPC((command) => (command === "archived" ? [] : []));
  const screen = await render(ArchiveView);
  await expect.element(screen.getByRole("heading", { name: "Nothing archived" })).toBeVisible();
  await expect.element(screen.getByText("it waits here", { exact: false })).toBeVisible();
});

test("archived records are listed with their account, and Restore brings one back", async () => {
  const kestrel = summary({ id: "kestrel", name: "Kestrel Logistik GmbH" });
  const promise = archivedRecord({ kind: "promise", label: "Send the rollout plan", account_id: "kestrel" });
  const person = archivedRecord({ kind: "contact", label: "Mira Schulz", account_id: "fjordlys" });
  const fjordlys = archivedRecord({ kind: "account", id: "fjordlys", account_id: "fjordlys", label: "Fjordlys Shipping AS" });
  let archive = [promise, person, fjordlys];
  const restored: unknown[] = [];
  mockIPC((command, args) => {
    if (command === "archived") return archive;
    if (command === "list_accounts") return [kestrel];
    if (command === "restore") {
      restored.push(args);
      archive = archive.filter((r) => r.id !== (args as { id: string }).id);
      return null;
    }
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(ArchiveView);
  const rows = screen.getByRole("row");
  await expect.element(rows.nth(1)).toHaveTextContent(/Promise.*Send the rollout plan.*Kestrel Logistik GmbH/);
  await expect.element(screen.getByRole("link", { name: "Kestrel Logistik GmbH" })).toHaveAttribute("href", "#/accounts/kestrel");
  // A record of an archived account is still shown under that account's name.
  await expect.element(rows.nth(2)).toHaveTextContent(/Person.*Mira Schulz.*Fjordlys Shipping AS/);

  await screen.getByRole("button", { name: "Restore Send the rollout plan" }).click();
  await expect.element(screen.getByRole("status")).toHaveTextContent("Brought back “Send the rollout plan”.");
  await expect.element(screen.getByRole("button", { name: "Restore Send the rollout plan" })).not.toBeInTheDocument();
  expect(screen.getByRole("row").elements()).toHaveLength(3);
  expect(restored).toEqual([{ kind: "promise", id: promise.id }]);
});
