// Long operations the user waits for — an import, an export, a restore, reading a mail folder,
// the first health review — are tracked here, so that one place (components/WorkProgress.svelte)
// shows how far the core has come and offers to stop it where stopping loses nothing.

import { untrack } from "svelte";

export const work = $state({ pending: 0 });

/**
 * Waits for `operation`, with its progress shown while it runs. Often called from a view's
 * effect: the count is changed untracked, so that the effect does not come to depend on it and
 * start the operation again.
 */
export async function track<T>(operation: Promise<T>): Promise<T> {
  untrack(() => (work.pending += 1));
  try {
    return await operation;
  } finally {
    untrack(() => (work.pending -= 1));
  }
}
