// What was typed into a capture and not yet saved, kept until it is saved or discarded: Escape,
// another view, or a check-in opened meanwhile never throw it away. One draft per account.
//
// Drafts live in the window's memory only, never in the browser's storage: a client note must not
// sit in a file outside the database, which may be encrypted. Quitting Rapport ends them.
import type { GoalValues } from "../components/capture/GoalPart.svelte";
import type { InteractionValues } from "../components/capture/InteractionFields.svelte";
import type { PromiseLine } from "../components/capture/PromiseLines.svelte";
import type { RequestValues } from "../components/capture/RequestPart.svelte";

export type CaptureDraft = {
  interaction: InteractionValues;
  promises: PromiseLine[];
  request: RequestValues;
  goal: GoalValues;
};

const kept = $state<Record<string, CaptureDraft>>({});

/** The draft kept for an account, if any (a copy: editing it changes nothing until kept). */
export function draftFor(accountId: string): CaptureDraft | null {
  const draft = kept[accountId];
  return draft ? structuredClone($state.snapshot(draft)) : null;
}

/** Keeps what is typed for an account; a capture with nothing typed in it keeps nothing. */
export function keepDraft(accountId: string, draft: CaptureDraft): void {
  if (isEmpty(draft)) delete kept[accountId];
  else kept[accountId] = structuredClone(draft);
}

export function discardDraft(accountId: string): void {
  delete kept[accountId];
}

/** The accounts with a draft waiting. */
export function accountsWithDrafts(): string[] {
  return Object.keys(kept);
}

function isEmpty(d: CaptureDraft): boolean {
  return (
    d.interaction.summary.trim() === "" &&
    d.promises.every((p) => p.text.trim() === "" && p.due === "") &&
    (!d.request.open || d.request.text.trim() === "") &&
    (!d.goal.open || d.goal.title.trim() === "")
  );
}
