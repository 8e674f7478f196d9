/**
 * A sentence handed from a panel to the one that takes its place: the refresh after an import
 * or a restore shows every view afresh, the panel that said it included, and the new panel
 * should still say it. Each kind of panel keeps one, at module level.
 */
export function carrier() {
  let carried: string | null = null;
  return {
    /** Hands `said` on to the next panel, or takes back what nobody took (null). */
    carry(said: string | null) {
      carried = said;
    },
    /** What the panel before this one handed on, taken once. */
    take(): string | null {
      const said = carried;
      carried = null;
      return said;
    },
  };
}
