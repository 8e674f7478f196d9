// Presenting mode (issue 20): while the user shares their screen in a meeting with the client,
// every personal and internal note is hidden — roles, stances, trust and health, culture notes,
// a person's notes, personal and inferred goals, private touches, sentiment. Marked `internal`
// where they are shown; one class on the page hides them all. It stays on until turned off,
// across views and restarts, and the page says so the whole time.

const KEY = "rapport.presenting";

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === "on";
  } catch {
    return false;
  }
}

export const presenting = $state({ on: stored() });

function apply(): void {
  document.documentElement.classList.toggle("presenting", presenting.on);
}

apply();

/** Turns presenting mode on or off (the opposite of what it is when `on` is left out). */
export function present(on: boolean = !presenting.on): void {
  presenting.on = on;
  try {
    if (on) localStorage.setItem(KEY, "on");
    else localStorage.removeItem(KEY);
  } catch {
    // Without storage it still holds for as long as the window is open.
  }
  apply();
}
