import type { Plan } from "./content-format.js";

/** What plans open: a level lists the plans that open it; a learner holds zero or more active plans. */
export const PLAN_NAMES: Record<Plan, string> = {
  basic: "CCSMP Basic",
  scholar: "CCSMP Scholar",
  full: "CCSMP Full",
  cpd: "CCSMP CPD",
  pulse_plus: "Pulse+",
};

export type LevelLock = { open: true } | { open: false; openedBy: Plan[]; message: string };

/** Is a level open to someone holding `held` plans? Platform admins (academy staff) open everything. */
export function levelLock(levelPlans: readonly string[], held: readonly string[], isPlatformAdmin: boolean): LevelLock {
  if (isPlatformAdmin || levelPlans.some((p) => held.includes(p))) return { open: true };
  const openedBy = levelPlans.filter((p): p is Plan => p in PLAN_NAMES);
  const names = openedBy.map((p) => PLAN_NAMES[p]);
  const list = names.length <= 1 ? (names[0] ?? "a membership") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
  return { open: false, openedBy, message: `Opens with the ${list} membership.` };
}
