// The Settings view's forms of number boxes save alike: what the page can tell is wrong stops the
// save before it reaches the core, and every problem, ours or the core's, is shown beside its box,
// which takes the focus.
import { fieldOf, problemsOf, type Problems } from "./outcome";

type Options<K extends string> = {
  /** The boxes checked in the page, in the order they are shown: the first problem takes the focus. */
  keys: readonly K[];
  /** Every field the core may name; a refusal about any other is shown for the whole form. */
  fields?: readonly string[];
  /** What is wrong before sending, by box. */
  check: () => Partial<Record<K, string>>;
  /** Sends the values; resolves to the sentence that confirms the save. */
  send: () => Promise<string>;
};

export class NumberForm<K extends string> {
  readonly #options: Options<K>;
  /** Problems found in the page before sending. */
  checked = $state<Partial<Record<K, string>>>({});
  /** The core's refusal. */
  error = $state<unknown>(null);
  saving = $state(false);
  /** The confirmation of the last save, until the next edit. */
  saved = $state<string | null>(null);
  readonly problems: Problems = $derived.by(() => problemsOf(this.error, this.#options.fields ?? this.#options.keys));

  constructor(options: Options<K>) {
    this.#options = options;
  }

  /** The sentence beside a box: ours first, then the core's. */
  problemAt = (key: K): string | null => this.checked[key] ?? this.problems.at(key);

  edited = () => {
    this.saved = null;
  };

  save = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    // Taken now: the event has no current target any more once the save has been awaited.
    const form = event.currentTarget;
    const focus = (field: string) => form.querySelector<HTMLInputElement>(`input[name="${field}"]`)?.focus();
    this.saved = null;
    this.error = null;
    this.checked = this.#options.check();
    const first = this.#options.keys.find((key) => this.checked[key]);
    if (first) {
      focus(first);
      return;
    }
    this.saving = true;
    try {
      this.saved = await this.#options.send();
    } catch (caught) {
      this.error = caught;
      const field = fieldOf(caught);
      if (field) focus(field);
    } finally {
      this.saving = false;
    }
  };
}
