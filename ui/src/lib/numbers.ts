// What a number box may hold before it is sent to the core: Rust reads these settings as
// unsigned 32-bit whole numbers, so anything else cannot even be sent. Every tighter rule (a
// range, a window) is the core's, which names the field it refuses in a sentence.

/** The largest number the core can receive at all. */
const U32_MAX = 4_294_967_295;

/** Why a box's value cannot be sent as a whole number, or null when it can. */
export function unsendable(value: unknown): "not_whole" | "negative" | "too_large" | null {
  if (typeof value !== "number" || !Number.isInteger(value)) return "not_whole";
  if (value < 0) return "negative";
  if (value > U32_MAX) return "too_large";
  return null;
}

export const TOO_LARGE = "That number is far outside what Rapport can use. Type a smaller whole number.";
