// Turns a command's result into its value, or throws the user's sentence as an ActionError
// that forms show beside the field it names.
import type { ErrorCode, UserError } from "../bindings";

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

/** What kind of error it is, when it is one of Rapport's own. */
export function codeOf(error: unknown): ErrorCode | null {
  return error instanceof ActionError ? error.detail.code : null;
}

/** Where a form shows an error: beside one of its fields, or above its buttons. */
export type Problems = {
  /** The sentence for `field`, when the error is about it. */
  at(field: string): string | null;
  /** The sentence for an error about none of the form's fields. */
  general: string | null;
};

/** Places `error` in a form whose inputs are `fields`; anything else is shown for the whole form. */
export function problemsOf(error: unknown, fields: readonly string[]): Problems {
  if (error === null || error === undefined) return { at: () => null, general: null };
  const field = fieldOf(error);
  const placed = field !== null && fields.includes(field);
  return {
    at: (name) => (placed && name === field ? sentence(error) : null),
    general: placed ? null : sentence(error),
  };
}
