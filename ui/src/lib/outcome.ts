// Turns a command's result into its value, or throws the user's sentence as an ActionError
// that forms show beside the field it names.
import type { UserError } from "../bindings";

export class ActionError extends Error {
  readonly detail: UserError;

  constructor(detail: UserError) {
    super(detail.message);
    this.detail = detail;
  }
}

type Outcome<T> = { status: "ok"; data: T } | { status: "error"; error: UserError };

export async function unwrap<T>(pending: Promise<Outcome<T>>): Promise<T> {
  const outcome = await pending;
  if (outcome.status === "ok") return outcome.data;
  // A refusal by the window's permissions arrives as a bare string, not as Rapport's error.
  const error: UserError =
    typeof outcome.error === "string"
      ? { code: "storage", message: outcome.error, field: null }
      : outcome.error;
  throw new ActionError(error);
}

/** The sentence to show for anything thrown while doing an action. */
export function sentence(error: unknown): string {
  if (error instanceof ActionError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The field an error is about, when it names one. */
export function fieldOf(error: unknown): string | null {
  return error instanceof ActionError ? (error.detail.field ?? null) : null;
}
