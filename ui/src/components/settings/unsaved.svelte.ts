// Edits typed in Settings and not saved yet. They are kept for as long as Rapport is open, not
// only while the page is: going to Today, to a search result or back, and then to Settings again
// shows them once more, marked as unsaved, until they are saved or discarded. Nothing typed is
// dropped because the user looked elsewhere, and no dialog stands in the way of going there.

type Values = Record<string, unknown>;

/**
 * The edits waiting for the next visit, by form: only the boxes that differ from what is saved.
 * Read once when a form is set up, so nothing here needs to be reactive.
 */
const kept: Record<string, Values> = {};

/** The boxes of one part of Settings: what is saved, what they show, and whether the two differ. */
export class Unsaved<T extends Values> {
  readonly #name: string;
  /** As saved; moved on by every save. */
  saved: T = $state() as T;
  /** What the boxes show: what is saved, with the edits kept from an earlier visit on top. */
  values: T = $state() as T;
  /** Something in the boxes differs from what is saved. */
  readonly changed: boolean = $derived.by(() => Object.keys(this.values).some((key) => this.values[key] !== this.saved[key]));

  /** Made while the form is set up: from then on every edit is kept as it is typed. */
  constructor(name: string, saved: T) {
    this.#name = name;
    this.saved = { ...saved };
    this.values = { ...saved, ...kept[name] };
    $effect(() => this.#keep());
  }

  #keep() {
    const edits = Object.entries(this.values).filter(([key, value]) => value !== this.saved[key]);
    if (edits.length > 0) kept[this.#name] = Object.fromEntries(edits);
    else delete kept[this.#name];
  }

  /** These values are now saved: nothing of them is left unsaved. */
  savedAs(values: T): void {
    this.saved = { ...values };
  }

  /** Back to what is saved, and nothing kept for the next visit. */
  discard(): void {
    this.values = { ...this.saved };
  }
}

/** Forgets every kept edit, as closing Rapport does. */
export function forgetUnsaved(): void {
  for (const name of Object.keys(kept)) delete kept[name];
}
