// Where the typing goes next: a part of a form the user has just opened takes the focus, so that
// "+ They asked for something" is followed by what they asked, not by a second click.

/** A Svelte action: focuses the element as it appears. */
export function focusOnShow(node: HTMLElement): void {
  queueMicrotask(() => node.focus());
}
