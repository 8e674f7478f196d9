// The demo portfolio a new user can look around in, from the welcome: made-up clients in a file
// of their own, shown in place of the user's data until they go back to it. The shell keeps the
// two apart (src-tauri/src/demo.rs); the page only says which one it shows.

import { commands } from "../bindings";
import { unwrap } from "./outcome";
import { refreshAll } from "./refresh.svelte";
import { go } from "./router.svelte";

export const demo = $state({ shown: false });

/** Asks the shell which data the window shows (after a reload, the demo may still be open). */
export async function learnWhichData(): Promise<void> {
  demo.shown = (await commands.about()).demo;
}

/** Opens the demo, made afresh as of now, and shows Today on it. */
export async function lookAtDemo(): Promise<void> {
  await unwrap(commands.lookAtDemo());
  demo.shown = true;
  go({ name: "today" });
  refreshAll();
}

/** Closes the demo and shows the user's own data again. */
export async function leaveDemo(): Promise<void> {
  await unwrap(commands.leaveDemo());
  demo.shown = false;
  go({ name: "today" });
  refreshAll();
}
