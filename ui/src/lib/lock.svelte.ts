// A database locked with a passphrase: opening it from the window, and the note left behind when
// the passphrase could not be kept on this computer (the database is open all the same).
import { commands } from "../bindings";
import { codeOf, sentence, unwrap } from "./outcome";
import { refreshAll } from "./refresh.svelte";

/** Shown above the views once the database is open, when keeping the passphrase failed. */
export const unlockNote = $state<{ current: string | null }>({ current: null });

export function dismissUnlockNote(): void {
  unlockNote.current = null;
}

/**
 * Opens the database with `passphrase` (kept in the system's keyring with `remember`), then shows
 * every view afresh. A wrong passphrase is thrown as the core's sentence and changes nothing.
 */
export async function unlock(passphrase: string, remember: boolean): Promise<void> {
  unlockNote.current = null;
  try {
    await unwrap(commands.unlock(passphrase, remember));
  } catch (caught) {
    // Only keeping the passphrase failed: the database is open, so say why and carry on.
    if (!(remember && codeOf(caught) === "conflict")) throw caught;
    unlockNote.current = sentence(caught);
  }
  refreshAll();
}
