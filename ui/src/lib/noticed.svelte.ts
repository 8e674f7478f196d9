// The review queue's count for the sidebar, and its words. The count is asked again
// whenever something may have changed it: the app's start, an import, a yes or a no.
import { commands, type NoticedKind } from "../bindings";

export const waiting = $state({ n: 0 });

/** Asks the core how many suggestions wait; a failure leaves the count as it was. */
export async function countWaiting(): Promise<void> {
  try {
    const answer = await commands.noticedWaiting();
    if (answer.status === "ok") waiting.n = answer.data;
  } catch {
    // The count is a pointer to the queue; the queue itself says what went wrong.
  }
}

/** What each kind of suggestion would become, as the queue labels it. */
export const noticedLabel: Record<NoticedKind, string> = {
  request: "A request of theirs",
  our_promise: "A promise of ours",
  their_promise: "A promise of theirs",
  new_person: "A new person",
  meeting: "A meeting",
};
