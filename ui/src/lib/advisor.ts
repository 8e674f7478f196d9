// The advisor's view in words: buying roles, influence, stance, warmth and whose goal a touch
// served, as the app labels them.
import type { BuyingRole, Influence, Serves, Stance, Warmth } from "../bindings";

export const roleLabel: Record<BuyingRole, string> = {
  economic_buyer: "Economic buyer",
  decision_maker: "Decision maker",
  champion: "Champion",
  influencer: "Influencer",
  user: "User",
  blocker: "Blocker",
  gatekeeper: "Gatekeeper",
};

export const influenceLabel: Record<Influence, string> = { high: "High influence", medium: "Medium influence", low: "Low influence" };

export const stanceLabel: Record<Stance, string> = { supportive: "Supportive", neutral: "Neutral", resistant: "Resistant" };

export const warmthLabel: Record<Warmth, string> = {
  warm: "In touch",
  cooling: "Cooling",
  cold: "Gone cold",
  never: "Never in touch",
};

export const servesLabel: Record<Serves, string> = { theirs: "Their goals", ours: "Our goals" };

export const roles = Object.keys(roleLabel) as BuyingRole[];
