// A new user's first account leads on to its people, then to their last conversation, then to
// Today (components/account/FirstSteps.svelte). Remembered for the window's life only: the steps
// follow the account's own data, and a user who leaves them has found their way.

export const firstSteps = $state<{ account: string | null }>({ account: null });

/** The account just added was the user's first: its page shows the steps that follow. */
export function beginFirstSteps(accountId: string) {
  firstSteps.account = accountId;
}

export function endFirstSteps() {
  firstSteps.account = null;
}
