import { expect, test } from "vitest";
import { anywhereShortcuts, formShortcuts, keptByTarget, keyCaps, noticedShortcuts, shortcutGroups, shortcutOf, todayShortcuts } from "./shortcuts";

const press = (key: string, held: KeyboardEventInit = {}) => new KeyboardEvent("keydown", { key, ...held });

test("the list holds every shortcut once, in four groups", () => {
  expect(shortcutGroups.map((group) => group.name)).toEqual(["Anywhere", "Today", "Rapport noticed", "Forms"]);
  expect(shortcutGroups.flatMap((group) => group.shortcuts)).toEqual([
    ...anywhereShortcuts,
    ...todayShortcuts,
    ...noticedShortcuts,
    ...formShortcuts,
  ]);
  for (const group of [todayShortcuts, noticedShortcuts]) {
    const keys = group.flatMap((shortcut) => shortcut.keys);
    expect(new Set(keys).size).toBe(keys.length);
  }
});

test("keys are written as a user reads them on the keyboard", () => {
  expect(keyCaps("Mod+k")).toEqual(["Ctrl/⌘", "K"]);
  expect(keyCaps("Mod+Enter")).toEqual(["Ctrl/⌘", "Enter"]);
  expect(keyCaps("ArrowDown")).toEqual(["↓"]);
  expect(keyCaps("Escape")).toEqual(["Esc"]);
  expect(keyCaps("j")).toEqual(["j"]);
});

test("Today's keys are found from what is pressed, and a letter held with a modifier is none of them", () => {
  expect(shortcutOf(press("j"), todayShortcuts)).toBe("next");
  expect(shortcutOf(press("ArrowDown"), todayShortcuts)).toBe("next");
  expect(shortcutOf(press("ArrowUp"), todayShortcuts)).toBe("previous");
  expect(shortcutOf(press("o"), todayShortcuts)).toBe("open");
  expect(shortcutOf(press("x"), todayShortcuts)).toBe("dismiss");
  expect(shortcutOf(press("x", { ctrlKey: true }), todayShortcuts)).toBeNull();
  expect(shortcutOf(press("x", { metaKey: true }), todayShortcuts)).toBeNull();
  expect(shortcutOf(press("x", { altKey: true }), todayShortcuts)).toBeNull();
  expect(shortcutOf(press("J", { shiftKey: true }), todayShortcuts)).toBeNull();
  expect(shortcutOf(press("q"), todayShortcuts)).toBeNull();
  expect(shortcutOf(press("K", { ctrlKey: true }), anywhereShortcuts)).toBe("search");
  expect(shortcutOf(press("Enter", { metaKey: true }), formShortcuts)).toBe("save");
});

test("a key typed in a field, a form or a dialog belongs to it", () => {
  const form = document.createElement("form");
  const button = document.createElement("button");
  form.append(button);
  expect(keptByTarget(document.createElement("input"))).toBe(true);
  expect(keptByTarget(document.createElement("textarea"))).toBe(true);
  expect(keptByTarget(button)).toBe(true);
  expect(keptByTarget(document.createElement("dialog"))).toBe(true);
  expect(keptByTarget(document.body)).toBe(false);
  expect(keptByTarget(document.createElement("article"))).toBe(false);
});
