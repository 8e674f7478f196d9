// Moments of the first start, read by scripts/measure-app.mjs to tell where the time to the
// first view goes: the core's answer, building the page, drawing it. Each is marked once.
import { tick } from "svelte";

const marked = new Set<string>();

export function markOnce(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(name);
}

/** Marks `name` once the page has been built, and `name`-frame once it is about to be drawn. */
export function markShown(name: string): void {
  if (marked.has(name)) return;
  void tick().then(() => {
    markOnce(name);
    requestAnimationFrame(() => markOnce(`${name}-frame`));
  });
}
