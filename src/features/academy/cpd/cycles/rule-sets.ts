import type { CpdSource } from "../ledger/schema.js";

/**
 * How a program's certification is kept current, as data. `null` months: its certifications never
 * expire (Pulse+, seed 000), so there are no cycles. `carryOverMinutes`: how much of a cycle's surplus
 * counts toward the next; `perSourceCapMinutes`: the most a source may contribute to one cycle.
 */
export type CpdRuleSet = {
  programKey: string;
  requiredMinutes: number;
  months: number | null;
  graceDays: number;
  carryOverMinutes: number;
  perSourceCapMinutes: Partial<Record<CpdSource, number>>;
  /** Reminder mails this many days before expiry while the cycle is short. */
  reminderDays: readonly number[];
  /** Share of self-certifications an audit sample draws by default. */
  auditRatePercent: number;
};

const NEVER_EXPIRES: Omit<CpdRuleSet, "programKey"> = {
  requiredMinutes: 0,
  months: null,
  graceDays: 0,
  carryOverMinutes: 0,
  perSourceCapMinutes: {},
  reminderDays: [],
  auditRatePercent: 10,
};

export const RULE_SETS: Record<string, CpdRuleSet> = {
  ccsmp: {
    programKey: "ccsmp",
    requiredMinutes: 40 * 60,
    months: 12,
    graceDays: 0,
    carryOverMinutes: 0,
    perSourceCapMinutes: {},
    reminderDays: [90, 30, 7],
    auditRatePercent: 10,
  },
  "pulse-plus": { programKey: "pulse-plus", ...NEVER_EXPIRES },
};

/** The rule set of a program; a program without one keeps its certifications without CPD (never expire). */
export function ruleSetOf(programKey: string): CpdRuleSet {
  return RULE_SETS[programKey] ?? { programKey, ...NEVER_EXPIRES };
}
