import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { userEvent } from "vitest/browser";
import { render } from "vitest-browser-svelte";
import { discardDraft } from "../../lib/drafts.svelte";
import { contact, interaction, page, summary } from "../../test/fixtures";
import QuickCapture from "./QuickCapture.svelte";

const kestrel = summary({ id: "kestrel", name: "Kestrel Logistik GmbH" });
const sao = summary({ id: "sao", name: "São Paulo Seguros" });
const andino = summary({ id: "andino", name: "Banco Andino de Fomento" });

afterEach(() => {
  clearMocks();
  for (const a of [kestrel, sao, andino]) discardDraft(a.id);
});

function core() {
  const captured: { interaction: { account_id: string; summary: string } }[] = [];
  mockIPC((command, args) => {
    if (command === "list_accounts") return [kestrel, sao, andino];
    if (command === "account_page") return page({ contacts: [contact({ name: "Annika Vogt" })] });
    if (command === "capture") {
      captured.push((args as { draft: (typeof captured)[number] }).draft);
      return { interaction: interaction(), promises: [], request: null, goal: null };
    }
    throw new Error(`unexpected ${command}`);
  });
  return captured;
}

test("L opens capture from any view; the account is chosen by typing, accents and all", async () => {
  const captured = core();
  const screen = await render(QuickCapture);
  await userEvent.keyboard("l");
  const dialog = screen.getByRole("dialog", { name: "Log a conversation" });
  await expect.element(dialog).toBeVisible();
  await expect.element(screen.getByRole("combobox", { name: "Which account?" })).toHaveFocus();
  await userEvent.keyboard("sao");
  await expect.element(screen.getByRole("option", { name: /São Paulo Seguros/ })).toHaveAttribute("aria-selected", "true");
  await expect.element(screen.getByRole("option", { name: /Kestrel/ })).not.toBeInTheDocument();
  await userEvent.keyboard("{Enter}");
  await expect.element(screen.getByRole("form", { name: "Log a conversation with São Paulo Seguros" })).toBeVisible();
  await expect.element(screen.getByLabelText("What was it about?")).toHaveFocus();
  await userEvent.keyboard("Renewal terms");
  await screen.getByRole("button", { name: "Save to history" }).click();
  await expect.element(dialog).not.toBeInTheDocument();
  await expect.element(screen.getByRole("status")).toHaveTextContent("Logged the conversation with São Paulo Seguros.");
  expect(captured.map((c) => [c.interaction.account_id, c.interaction.summary])).toEqual([["sao", "Renewal terms"]]);
});

test("Escape keeps the half-typed note as a draft; L brings it back, and Discard draft throws it away", async () => {
  const captured = core();
  const screen = await render(QuickCapture);
  await userEvent.keyboard("l");
  await userEvent.keyboard("kes{Enter}");
  await expect.element(screen.getByLabelText("What was it about?")).toHaveFocus();
  await userEvent.keyboard("Half a thought about the pilot");
  await userEvent.keyboard("{Escape}");
  await expect.element(screen.getByRole("dialog")).not.toBeInTheDocument();
  await expect.element(screen.getByRole("status")).toHaveTextContent("Your draft for Kestrel Logistik GmbH is kept.");

  await userEvent.keyboard("l");
  await expect.element(screen.getByText("Your draft, as you left it.")).toBeVisible();
  await expect.element(screen.getByLabelText("What was it about?")).toHaveValue("Half a thought about the pilot");
  await screen.getByRole("button", { name: "Discard draft" }).click();
  await expect.element(screen.getByRole("dialog")).not.toBeInTheDocument();

  await userEvent.keyboard("l");
  await expect.element(screen.getByRole("combobox", { name: "Which account?" })).toBeVisible();
  await userEvent.keyboard("kes{Enter}");
  await expect.element(screen.getByLabelText("What was it about?")).toHaveValue("");
  expect(captured).toEqual([]);
});

test("L typed into a field is a letter, not a shortcut", async () => {
  core();
  const screen = await render(QuickCapture);
  const field = document.createElement("input");
  document.body.append(field);
  field.focus();
  await userEvent.keyboard("l");
  expect(field.value).toBe("l");
  await expect.element(screen.getByRole("dialog")).not.toBeInTheDocument();
  field.remove();
});

test("an account nobody has is said plainly", async () => {
  core();
  const screen = await render(QuickCapture);
  await userEvent.keyboard("l");
  await userEvent.keyboard("zz");
  await expect.element(screen.getByText("No account is called “zz”.")).toBeVisible();
});
