// Every keyboard shortcut of the app, in one list: the overlay that `?` opens shows it whole,
// Today's hint line shows its own group, and Today's keys are matched against it, so what is
// listed is what works. The keys themselves are handled where they act (search, forms, Today).

/** What a key does on Today, to the check-in in focus. */
export type TodayAction = "next" | "previous" | "open" | "done" | "snooze" | "dismiss";

export type Shortcut<A extends string = string> = {
  action: A;
  /** The ways to press it, as `KeyboardEvent.key` values; "Mod+" is Ctrl, or ⌘ on a Mac. */
  keys: string[];
  /** What it does, said to the user. */
  does: string;
  /** The word beside its keys in a short hint line. */
  hint: string;
};

export type ShortcutGroup = { name: string; shortcuts: Shortcut[] };

export const anywhereShortcuts: Shortcut<"search" | "log" | "present" | "help">[] = [
  { action: "search", keys: ["Mod+k", "/"], does: "Search everything", hint: "search" },
  { action: "log", keys: ["l"], does: "Log a conversation", hint: "log" },
  {
    action: "present",
    keys: ["p"],
    does: "Presenting mode: hide personal and internal notes while you share your screen, or show them again",
    hint: "present",
  },
  { action: "help", keys: ["?"], does: "Show this list of shortcuts", hint: "all shortcuts" },
];

export const todayShortcuts: Shortcut<TodayAction>[] = [
  { action: "next", keys: ["j", "ArrowDown"], does: "Next check-in", hint: "next" },
  { action: "previous", keys: ["k", "ArrowUp"], does: "Previous check-in", hint: "previous" },
  { action: "open", keys: ["Enter", "o"], does: "Open the check-in's account", hint: "open" },
  { action: "done", keys: ["d"], does: "Done: log the conversation", hint: "done" },
  { action: "snooze", keys: ["s"], does: "Snooze it until later", hint: "snooze" },
  { action: "dismiss", keys: ["x"], does: "Dismiss it until something new happens", hint: "dismiss" },
];

/** What a key does in "Rapport noticed", to the suggestion in focus. */
export type NoticedAction = "next" | "previous" | "accept" | "edit" | "ignore";

export const noticedShortcuts: Shortcut<NoticedAction>[] = [
  { action: "next", keys: ["j", "ArrowDown"], does: "Next suggestion", hint: "next" },
  { action: "previous", keys: ["k", "ArrowUp"], does: "Previous suggestion", hint: "previous" },
  { action: "accept", keys: ["a"], does: "Accept it as it is", hint: "accept" },
  { action: "edit", keys: ["e"], does: "Edit it before accepting", hint: "edit" },
  { action: "ignore", keys: ["x"], does: "Ignore it: it is not suggested again", hint: "ignore" },
];

export const formShortcuts: Shortcut<"save" | "close">[] = [
  { action: "save", keys: ["Mod+Enter"], does: "Save", hint: "save" },
  { action: "close", keys: ["Escape"], does: "Close the form (it asks first if you typed something)", hint: "close" },
];

/** The groups the shortcuts overlay lists, in order. */
export const shortcutGroups: ShortcutGroup[] = [
  { name: "Anywhere", shortcuts: anywhereShortcuts },
  { name: "Today", shortcuts: todayShortcuts },
  { name: "Rapport noticed", shortcuts: noticedShortcuts },
  { name: "Forms", shortcuts: formShortcuts },
];

const capNames: Record<string, string> = { ArrowDown: "↓", ArrowUp: "↑", Escape: "Esc" };

/** The key caps of one way to press a shortcut: "Mod+k" is ["Ctrl/⌘", "K"], "ArrowDown" is ["↓"].
 * A letter alone stays small: "j", not "J", which would read as Shift+J. */
export function keyCaps(key: string): string[] {
  if (!key.startsWith("Mod+")) return [capNames[key] ?? key];
  const rest = key.slice(4);
  return ["Ctrl/⌘", capNames[rest] ?? (rest.length === 1 ? rest.toUpperCase() : rest)];
}

/** Whether a key pressed where `target` is belongs to what is there rather than to the app:
 * typing in a field, filling in a form, or reading a dialog. */
export function keptByTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("input, textarea, select, [contenteditable], form, dialog") !== null;
}

/** Whether `event` presses `key` ("j", "ArrowDown", "Mod+k") and nothing else. */
export function presses(event: KeyboardEvent, key: string): boolean {
  const mod = key.startsWith("Mod+");
  if (event.altKey || (event.ctrlKey || event.metaKey) !== mod) return false;
  const wanted = mod ? key.slice(4) : key;
  return mod ? event.key.toLowerCase() === wanted.toLowerCase() : event.key === wanted;
}

/** The shortcut of `shortcuts` that `event` presses, if any. */
export function shortcutOf<A extends string>(event: KeyboardEvent, shortcuts: Shortcut<A>[]): A | null {
  return shortcuts.find((shortcut) => shortcut.keys.some((key) => presses(event, key)))?.action ?? null;
}

/** The name of the event that opens the shortcuts overlay from a button. */
export const SHOW_SHORTCUTS = "rapport:show-shortcuts";

/** Opens the list of shortcuts, as `?` does. */
export function showShortcuts(): void {
  window.dispatchEvent(new Event(SHOW_SHORTCUTS));
}
