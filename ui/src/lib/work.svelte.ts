// Long operations the user waits for — an import, an export, a restore, reading a mail folder,
// the first health review — are tracked here, so that one place (components/WorkProgress.svelte)
// shows how far the core has come and offers to stop it where stopping loses nothing.

export const work = $state({ pending: 0 });

/** Waits for `operation`, with its progress shown while it runs. */
export async function track<T>(operation: Promise<T>): Promise<T> {
  work.pending += 1;
  try {
    return await operation;
  } finally {
    work.pending -= 1;
  }
}
