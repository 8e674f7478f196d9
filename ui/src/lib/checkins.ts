// The words of the Today list: what each reason is called, how the list is grouped, and the
// first line of the history entry that marks a check-in done.
import type { ChannelKind, ReasonCode, Settle, Settlement, Suggestion, Urgency } from "../bindings";
import { CLOCK, dateFormat } from "./format";

/** A short label per reason, shown beside the core's sentence. */
export const reasonLabel: Record<ReasonCode, string> = {
  unanswered_request: "Request waiting",
  promise_overdue: "Promise late",
  promise_due_soon: "Promise due soon",
  awaiting_their_promise: "Their promise late",
  meeting_prep: "Meeting ahead",
  meeting_follow_up: "Meeting recap",
  issue_open: "Open issue",
  issue_follow_up: "Issue follow-up",
  goal_check: "Goal check",
  renewal_approaching: "Renewal",
  personal_date: "Personal date",
  cadence_due: "Rhythm",
  stakeholder_neglected: "Person neglected",
  single_threaded: "Single-threaded",
  role_gap: "Gap among the deciders",
};

/** How each label is coloured: a broken commitment is red, a coming one amber. */
export const reasonTone: Partial<Record<ReasonCode, "bad" | "warn" | "accent">> = {
  unanswered_request: "bad",
  promise_overdue: "bad",
  issue_open: "bad",
  promise_due_soon: "warn",
  awaiting_their_promise: "warn",
  meeting_prep: "warn",
  renewal_approaching: "warn",
  personal_date: "accent",
  goal_check: "accent",
};

/** The groups of the Today list, in the order they are shown. */
export const urgencyGroups: { urgency: Urgency; heading: string }[] = [
  { urgency: "now", heading: "Now" },
  { urgency: "today", heading: "Today" },
  { urgency: "this_week", heading: "This week" },
  { urgency: "later", heading: "Later" },
];

/** The line under Today's heading: the day's check-ins against the user's budget. */
export function budgetLine(shown: number, budget: number, overBudget: number): string {
  const checkins = shown === 1 ? "One check-in" : `${shown.toLocaleString("en-US")} check-ins`;
  if (overBudget === 0) return `${checkins} for today, within your budget of ${budget} a day. The most pressing first.`;
  const beyond = overBudget === 1 ? "one is" : `${overBudget.toLocaleString("en-US")} are`;
  return `${checkins} for today: ${beyond} beyond your budget of ${budget} a day, because each is owed to a client today.`;
}

/** The suggestions of each group, keeping the core's order; empty groups are left out. */
export function grouped(suggestions: Suggestion[]): { urgency: Urgency; heading: string; items: Suggestion[] }[] {
  return urgencyGroups
    .map((group) => ({ ...group, items: suggestions.filter((s) => s.urgency === group.urgency) }))
    .filter((group) => group.items.length > 0);
}

/** What the touch usually was, per reason: the start of a summary the user can edit. */
const doneLine: Record<ReasonCode, string> = {
  unanswered_request: "Answered their request",
  promise_overdue: "Update on our late promise",
  promise_due_soon: "Status update on our promise",
  awaiting_their_promise: "Asked after their promise",
  meeting_prep: "Confirmed the agenda",
  meeting_follow_up: "Sent the recap and next steps",
  issue_open: "Update on the issue",
  issue_follow_up: "Checked the fix held",
  goal_check: "Asked how the goal stands",
  renewal_approaching: "Talked about their goals for next year",
  personal_date: "Sent a personal note",
  cadence_due: "Caught up",
  stakeholder_neglected: "Caught up",
  single_threaded: "Talked to someone new at the account",
  role_gap: "Spoke with someone who decides",
};

/** Reasons whose touch is about their goals rather than a task. */
const strategicReasons: ReasonCode[] = ["goal_check", "renewal_approaching"];

/** How the capture form opens when a check-in is marked done. */
export function doneDraft(s: Suggestion): { summary: string; contactIds: string[]; channel: ChannelKind; strategic: boolean } {
  const first = s.reasons[0];
  // The thing the reason is about, when the core quotes it: a promise, a meeting, an issue.
  const about = first ? /["“]([^"”]+)["”]/.exec(first.text)?.[1] : undefined;
  const lead = first ? doneLine[first.code] : "";
  return {
    summary: about && lead ? `${lead}: ${about}` : lead,
    contactIds: s.contact_id ? [s.contact_id] : [],
    channel: "call",
    strategic: s.reasons.some((r) => strategicReasons.includes(r.code)),
  };
}

/** When to reach them, on their own clock and short enough for a row of the list: "Tue 09:00 their
 * time", with the date when it is a week or more away. The full line, in both zones, is `bothTimes`. */
export function theirTimeShort(s: Suggestion, now: Date): string {
  const at = new Date(s.suggested_at);
  const far = Math.abs(at.getTime() - now.getTime()) >= 6 * 24 * 60 * 60 * 1000;
  const options: Intl.DateTimeFormatOptions = {
    weekday: "short",
    ...(far ? { day: "numeric", month: "short" } : {}),
    ...CLOCK,
  };
  try {
    return `${dateFormat({ ...options, timeZone: s.timezone }).format(at)} their time`;
  } catch {
    return `${dateFormat(options).format(at)} your time`;
  }
}

/** Who the check-in is with, as its row and its buttons name it. */
export function checkinName(s: Suggestion): string {
  return s.contact ? `${s.account} — ${s.contact}` : s.account;
}

/** The change of state each reason can wait on, as the Done capture offers it. */
export const settleLabel: Record<Settle, string> = {
  acknowledge_request: "Mark the request acknowledged",
  answer_request: "Mark the request answered",
  keep_promise: "Mark the promise kept",
  acknowledge_issue: "Mark the issue acknowledged",
};

/** The changes a Done can make with its touch, one per reason that waits on one. The first is
 * ticked when it is the reason the prefilled summary speaks of. */
export function settlements(suggestion: Suggestion): { settlement: Settlement; label: string; ticked: boolean }[] {
  return suggestion.reasons.flatMap((reason, i) =>
    reason.settles && reason.evidence
      ? [{ settlement: { settle: reason.settles, record_id: reason.evidence.id }, label: settleLabel[reason.settles], ticked: i === 0 }]
      : [],
  );
}
