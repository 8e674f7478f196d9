// The check-in thresholds as the Settings view shows them: grouped by what they watch, each with
// its unit and what it does, and checked before they are saved.
import type { Settings_Serialize } from "../bindings";
import { TOO_LARGE, unsendable } from "./numbers";

export type Threshold = Exclude<keyof Settings_Serialize, "reminders">;

export type ThresholdField = { key: Threshold; label: string; unit: "hours" | "days" | "cadences" | "people" | "check-ins"; hint: string };

export const thresholdGroups: { heading: string; fields: ThresholdField[] }[] = [
  {
    heading: "Today",
    fields: [
      {
        key: "daily_budget",
        label: "Check-ins I can make in a day",
        unit: "check-ins",
        hint: "Today shows this many, spread across your accounts; the rest waits under More. Anything owed to a client today is shown anyway.",
      },
      {
        key: "now_window_hours",
        label: "Also under “Now”: what is owed within",
        unit: "hours",
        hint: "Whatever is owed to a client before the end of their day is under “Now”; this adds what falls due just after.",
      },
    ],
  },
  {
    heading: "Requests",
    fields: [
      { key: "request_ack_hours", label: "Acknowledge within", unit: "hours", hint: "Say you are on it within this many hours." },
      { key: "request_answer_hours", label: "Answer within", unit: "hours", hint: "The promise to answer every request." },
      { key: "request_warning_hours", label: "Warn before the answer is due", unit: "hours", hint: "How early to raise a request whose answer clock is running out." },
    ],
  },
  {
    heading: "Promises",
    fields: [
      { key: "promise_due_soon_days", label: "Status update before a promise is due", unit: "days", hint: "Tell them how it is going before they have to ask." },
    ],
  },
  {
    heading: "Meetings",
    fields: [
      { key: "meeting_prep_hours", label: "Prepare for meetings starting within", unit: "hours", hint: "Read the brief and confirm the agenda." },
      { key: "meeting_follow_up_days", label: "Recap meetings that ended within", unit: "days", hint: "Send the notes and agreed next steps." },
    ],
  },
  {
    heading: "Issues",
    fields: [
      { key: "issue_quiet_days", label: "Update an open issue after a silence of", unit: "days", hint: "They should never wonder whether you are on it." },
      { key: "issue_follow_up_after_days", label: "Check a fix held, from", unit: "days", hint: "Days after the issue was resolved." },
      { key: "issue_follow_up_until_days", label: "Check a fix held, until", unit: "days", hint: "After this, the follow-up is no longer suggested." },
    ],
  },
  {
    heading: "Goals",
    fields: [
      { key: "goal_target_days", label: "Check goals whose target date is within", unit: "days", hint: "Ask how it stands and what would help." },
      { key: "goal_stale_days", label: "Check goals with no progress for", unit: "days", hint: "An open goal nobody has mentioned lately." },
      { key: "goal_recheck_days", label: "Leave a checked goal alone for", unit: "days", hint: "Once you have asked about a goal, or put the check-in aside, it is not raised again until then." },
    ],
  },
  {
    heading: "Renewals",
    fields: [
      { key: "renewal_days", label: "Prepare renewals coming within", unit: "days", hint: "Talk about their next year before the contract." },
      { key: "renewal_strategic_touch_days", label: "No strategic conversation for", unit: "days", hint: "…and there has been no conversation about their goals in this time." },
    ],
  },
  {
    heading: "People and rhythm",
    fields: [
      { key: "personal_date_days", label: "Birthdays and anniversaries within", unit: "days", hint: "A personal note goes a long way." },
      { key: "stakeholder_cadences", label: "Flag a person untouched for", unit: "cadences", hint: "While others at the account hear from you." },
      { key: "single_threaded_days", label: "Flag a single thread over the last", unit: "days", hint: "When only one person was touched in this time…" },
      { key: "single_threaded_min_contacts", label: "Only at accounts with at least", unit: "people", hint: "…at an account with this many people or more." },
    ],
  },
];

export const thresholdKeys: Threshold[] = thresholdGroups.flatMap((g) => g.fields.map((f) => f.key));

/**
 * Thresholds that are not whole numbers at all (an empty box, a decimal): these cannot even be
 * sent. Every other rule — the range, the follow-up window — is the core's, which names the
 * field it refuses.
 */
export function thresholdProblems(values: Settings_Serialize): Partial<Record<Threshold, string>> {
  const problems: Partial<Record<Threshold, string>> = {};
  for (const key of thresholdKeys) {
    const why = unsendable(values[key]);
    if (why === "not_whole") problems[key] = "Type a whole number of days, hours or people.";
    else if (why) problems[key] = TOO_LARGE;
  }
  return problems;
}
