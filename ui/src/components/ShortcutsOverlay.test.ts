import { afterEach, expect, test } from "vitest";
import { userEvent } from "vitest/browser";
import { render } from "vitest-browser-svelte";
import { keyCaps, shortcutGroups, showShortcuts } from "../lib/shortcuts";
import ShortcutsOverlay from "./ShortcutsOverlay.svelte";

/** A button that has the keyboard before the list opens, and a field to type in. */
function page() {
  const button = document.createElement("button");
  button.textContent = "Somewhere";
  const field = document.createElement("input");
  field.setAttribute("aria-label", "Notes");
  document.body.append(button, field);
  return { button, field };
}

afterEach(() => document.querySelectorAll("body > button, body > input").forEach((node) => node.remove()));

test("? opens the list of every shortcut, grouped, and Escape closes it and gives the keyboard back", async () => {
  const { button } = page();
  const screen = await render(ShortcutsOverlay);
  button.focus();
  await userEvent.keyboard("?");
  const dialog = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect.element(dialog).toBeVisible();
  for (const group of shortcutGroups) {
    const section = dialog.getByRole("region", { name: group.name });
    await expect.element(section).toBeVisible();
    for (const shortcut of group.shortcuts) {
      await expect.element(section).toHaveTextContent(shortcut.does);
      for (const key of shortcut.keys) await expect.element(section).toHaveTextContent(keyCaps(key).join("+"));
    }
  }
  // What a user reads, in their words.
  await expect.element(dialog.getByRole("region", { name: "Anywhere" })).toHaveTextContent("Ctrl/⌘+K");
  await expect.element(dialog.getByRole("region", { name: "Today" })).toHaveTextContent("j or ↓");
  await expect.element(dialog.getByRole("region", { name: "Forms" })).toHaveTextContent("Esc");

  await userEvent.keyboard("{Escape}");
  await expect.element(dialog).not.toBeInTheDocument();
  await expect.element(button).toHaveFocus();
});

test("the list closes with its Close button too", async () => {
  const { button } = page();
  const screen = await render(ShortcutsOverlay);
  button.focus();
  showShortcuts();
  console.log("DLG2", document.querySelector("dialog")?.open, document.querySelector("dialog")?.isConnected, screen.getByRole("dialog", { name: "Keyboard shortcuts" }).elements().length);
  const dialog = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect.element(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect.element(dialog).not.toBeInTheDocument();
  await expect.element(button).toHaveFocus();
});

test("? typed in a field is a question mark, not the list", async () => {
  const { field } = page();
  const screen = await render(ShortcutsOverlay);
  field.focus();
  await userEvent.keyboard("why?");
  await expect.element(field).toHaveValue("why?");
  await expect.element(screen.getByRole("dialog", { name: "Keyboard shortcuts" })).not.toBeInTheDocument();
});
