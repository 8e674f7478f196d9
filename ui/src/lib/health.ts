// The words of relationship health (DESIGN §5): what each band and component is called, how a
// move in the score reads, and the weights as the Settings view shows and checks them.
import type { AccountReview_Serialize, Band, Weights_Serialize } from "../bindings";
import type { Tone } from "./clocks";
import { TOO_LARGE, unsendable } from "./numbers";

/** Words as well as colour, so the band reads the same to everyone and on paper. */
export const bandLabel: Record<Band, string> = {
  at_risk: "At risk",
  watch: "Watch",
  healthy: "Healthy",
  unknown: "Unknown",
};

export const bandTone: Record<Band, Tone> = { at_risk: "bad", watch: "warn", healthy: "ok", unknown: "neutral" };

/** The bands in the order the review lists them, riskiest first. */
export const bands: Band[] = ["at_risk", "watch", "healthy", "unknown"];

export type ComponentName = keyof Weights_Serialize;

/** The seven components, in the core's order, with what each measures. */
export const components: { key: ComponentName; label: string; hint: string }[] = [
  { key: "reliability", label: "Reliability", hint: "Our promises kept on time, the recent ones weighing more." },
  { key: "responsiveness", label: "Responsiveness", hint: "Requests acknowledged within an hour and answered within a day." },
  { key: "engagement", label: "Engagement", hint: "The last touch against the rhythm, and whether touches are thinning." },
  { key: "proactivity", label: "Proactivity", hint: "How many of the touches we started." },
  { key: "breadth", label: "Breadth", hint: "How many people, at how many levels, we are in touch with." },
  { key: "intimacy", label: "Intimacy", hint: "Personal goals, culture and preferences known for the key people." },
  { key: "goals", label: "Goals", hint: "Their goals on track or achieved." },
];

export const componentKeys: ComponentName[] = components.map((c) => c.key);

/** "Level 2 · Reliable partner". */
export function levelText(level: { level: number; name: string }): string {
  return `Level ${level.level} · ${level.name.charAt(0).toUpperCase()}${level.name.slice(1)}`;
}

/** A move in points as an account manager writes it: "+4", "−12", "±0". */
export function signed(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${-points}`;
  return "±0";
}

/** A score, or a dash when too little is known to give one. */
export function scoreText(score: number | null | undefined): string {
  return score === null || score === undefined ? "—" : String(score);
}

/** A component's score, or "unknown" when it has too little data and is left out of the score. */
export function componentScore(score: number | null | undefined): string {
  return score === null || score === undefined ? "unknown" : String(score);
}

/** The weakest known component with its score, e.g. "responsiveness 40". */
export function weakestText(health: Pick<AccountReview_Serialize, "weakest" | "components">): string | null {
  if (!health.weakest) return null;
  const component = health.components.find((c) => c.name === health.weakest);
  return `${health.weakest} ${componentScore(component?.score)}`;
}

/** How many accounts are in each band. */
export function bandCounts(accounts: Pick<AccountReview_Serialize, "band">[]): Record<Band, number> {
  const counts: Record<Band, number> = { at_risk: 0, watch: 0, healthy: 0, unknown: 0 };
  for (const account of accounts) counts[account.band] += 1;
  return counts;
}

/**
 * Weights that cannot even be sent (an empty box, a decimal, a negative or enormous number).
 * Every other rule — 0 to 100, at least one above 0 — is the core's, which names the field.
 */
export function weightProblems(values: Weights_Serialize): Partial<Record<ComponentName, string>> {
  const sentences = {
    not_whole: "Type a whole number, such as 10. Type 0 to leave this out of the score.",
    negative: "A weight cannot be below 0. Type 0 to leave this out of the score.",
    too_large: TOO_LARGE,
  };
  const problems: Partial<Record<ComponentName, string>> = {};
  for (const key of componentKeys) {
    const why = unsendable(values[key]);
    if (why) problems[key] = sentences[why];
  }
  return problems;
}

/** A component's name as a heading ("Reliability"), for names the core sends. */
export function componentLabel(name: string): string {
  return components.find((c) => c.key === name)?.label ?? name;
}
