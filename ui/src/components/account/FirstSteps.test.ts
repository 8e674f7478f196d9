import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { render } from "vitest-browser-svelte";
import { account, contact, interaction, page } from "../../test/fixtures";
import { beginFirstSteps, firstSteps } from "../../lib/firstSteps.svelte";
import FirstSteps from "./FirstSteps.svelte";

afterEach(() => clearMocks());

const nordwind = account({ name: "Nordwind Freight" });

test("a first account with nobody in it asks for its people, with the form in place", async () => {
  let sent: Record<string, unknown> | undefined;
  mockIPC((command, args) => {
    expect(command).toBe("add_contact");
    sent = (args as { draft: Record<string, unknown> }).draft;
    return contact({ name: "Greta Lind" });
  });
  const onchange = vi.fn();
  const screen = await render(FirstSteps, { page: page({ account: nordwind, contacts: [], interactions: [] }), onchange, onlog: vi.fn() });
  await expect.element(screen.getByRole("heading", { name: "Next: the people you work with at Nordwind Freight" })).toBeVisible();
  await expect.element(screen.getByText("Step 2 of 3")).toBeVisible();
  await screen.getByRole("button", { name: "Add a person" }).click();
  await screen.getByLabelText("Name").fill("Greta Lind");
  await screen.getByRole("button", { name: "Add person" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(1);
  expect(sent?.name).toBe("Greta Lind");
  expect(sent?.account_id).toBe(nordwind.id);
});

test("with someone there, it asks for the last conversation with them", async () => {
  const onlog = vi.fn();
  const screen = await render(FirstSteps, {
    page: page({ account: nordwind, contacts: [contact({ name: "Greta Lind" })], interactions: [] }),
    onchange: vi.fn(),
    onlog,
  });
  await expect.element(screen.getByRole("heading", { name: "Next: your last conversation with Greta" })).toBeVisible();
  await screen.getByRole("button", { name: "Log your last conversation" }).click();
  expect(onlog).toHaveBeenCalledTimes(1);
});

test("once both are there, it leads to Today and is done", async () => {
  beginFirstSteps(nordwind.id);
  const screen = await render(FirstSteps, {
    page: page({ account: nordwind, contacts: [contact()], interactions: [interaction()] }),
    onchange: vi.fn(),
    onlog: vi.fn(),
  });
  await expect.element(screen.getByRole("heading", { name: "Nordwind Freight is set up" })).toBeVisible();
  await screen.getByRole("button", { name: "Go to Today" }).click();
  expect(firstSteps.account).toBeNull();
  expect(window.location.hash).toBe("#/");
});
