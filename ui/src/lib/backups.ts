// The backup policy as the Settings view shows it: what each box keeps, what cannot even be
// sent, and the policy said back in words once it is saved.
import type { BackupPolicy } from "../bindings";
import { TOO_LARGE, unsendable } from "./numbers";

export type PolicyKey = keyof BackupPolicy;

export const policyFields: { key: PolicyKey; label: string; hint: string }[] = [
  { key: "daily", label: "Daily copies for the last (days)", hint: "The newest copy of each day." },
  { key: "weekly", label: "Weekly copies for the last (weeks)", hint: "The newest copy of each week." },
  { key: "monthly", label: "Monthly copies for the last (months)", hint: "The newest copy of each month." },
];

export const policyKeys: PolicyKey[] = policyFields.map((f) => f.key);

/**
 * Numbers that cannot even be sent (an empty box, a decimal, a negative or enormous number).
 * Every other rule — at most 1000 — is the core's, which names the field it refuses.
 */
export function policyProblems(values: BackupPolicy): Partial<Record<PolicyKey, string>> {
  const sentences = {
    not_whole: "Type a whole number, such as 7. Type 0 to keep none of these.",
    negative: "The number of copies cannot be below 0. Type 0 to keep none of these.",
    too_large: TOO_LARGE,
  };
  const problems: Partial<Record<PolicyKey, string>> = {};
  for (const key of policyKeys) {
    const why = unsendable(values[key]);
    if (why) problems[key] = sentences[why];
  }
  return problems;
}

const plural = (n: number, unit: string) => (n === 1 ? `1 ${unit}` : `${n} ${unit}s`);

/** What Rapport keeps: "one copy a day for 7 days, one a week for 4 weeks and one a month for 12 months". */
export function keeps(policy: BackupPolicy): string {
  const parts = (
    [
      ["day", policy.daily],
      ["week", policy.weekly],
      ["month", policy.monthly],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([unit, n], i) => `one ${i === 0 ? "copy " : ""}a ${unit} for ${plural(n, unit)}`);
  if (parts.length === 0) return "only the newest copy";
  if (parts.length === 1) return parts[0] as string;
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
