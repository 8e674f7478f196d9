import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { render } from "vitest-browser-svelte";
import AddAccountForm from "./AddAccountForm.svelte";

afterEach(() => clearMocks());

test("an empty name gets the core's sentence beside the name field", async () => {
  mockIPC(() => {
    throw { code: "validation", field: "name", message: "An account needs a name. Type one and save again." };
  });
  const onadded = vi.fn();
  const screen = await render(AddAccountForm, { onadded, oncancel: () => {} });
  await screen.getByRole("button", { name: "Add account" }).click();
  await expect.element(screen.getByLabelText("Client name")).toHaveAttribute("aria-invalid", "true");
  await expect.element(screen.getByRole("alert")).toHaveTextContent("An account needs a name. Type one and save again.");
  expect(onadded).not.toHaveBeenCalled();
});

test("a new account is sent with its tier and zone and handed back", async () => {
  let sent: Record<string, unknown> | undefined;
  mockIPC((command, args) => {
    expect(command).toBe("add_account");
    sent = (args as { draft: Record<string, unknown> }).draft;
    return { id: "new-id", name: "Fjordlys Shipping AS" };
  });
  const onadded = vi.fn();
  const screen = await render(AddAccountForm, { onadded, oncancel: () => {} });
  await screen.getByLabelText("Client name").fill("Fjordlys Shipping AS");
  await screen.getByLabelText("Tier").selectOptions("Strategic");
  await screen.getByLabelText("Their time zone").fill("Europe/Oslo");
  await screen.getByRole("button", { name: "Add account" }).click();
  await expect.poll(() => onadded.mock.calls.length).toBe(1);
  expect(sent).toMatchObject({ name: "Fjordlys Shipping AS", tier: "strategic", timezone: "Europe/Oslo" });
});
