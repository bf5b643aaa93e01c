import { PulseLevel } from "../../../../src/features/health/pulses/contract";

export type PulseLevelValue = (typeof PulseLevel)["options"][number];

/** Seed 001's six-point scale, worst to best. */
export const PULSE_LEVELS: readonly PulseLevelValue[] = PulseLevel.options;

export const PULSE_LEVEL_LABELS: Record<PulseLevelValue, string> = {
  severe_risk: "Severe Risk",
  high_risk: "High Risk",
  some_risk: "Some Risk",
  satisfied: "Satisfied",
  very_satisfied: "Very Satisfied",
  extremely_satisfied: "Extremely Satisfied",
};

/**
 * Red (Severe Risk) to green (Extremely Satisfied). `hex` fills badges, dots and chart points, `text` is
 * the badge text on it and `ink` is the level's color as text on white; both pass WCAG AA (4.5:1).
 */
export const PULSE_LEVEL_COLORS: Record<PulseLevelValue, { hex: string; text: string; ink: string }> = {
  severe_risk: { hex: "#c92a2a", text: "#fff", ink: "#c92a2a" },
  high_risk: { hex: "#c2410c", text: "#fff", ink: "#c2410c" },
  some_risk: { hex: "#fcc419", text: "#212529", ink: "#9c6500" },
  satisfied: { hex: "#82c91e", text: "#212529", ink: "#4f7f0f" },
  very_satisfied: { hex: "#40c057", text: "#212529", ink: "#26803a" },
  extremely_satisfied: { hex: "#1f6f32", text: "#fff", ink: "#1f6f32" },
};

/** 1 (Severe Risk) … 6 (Extremely Satisfied), as the API's `rank`. */
export const rankOf = (level: PulseLevelValue): number => PULSE_LEVELS.indexOf(level) + 1;

/** Seed 001 groups the lower three levels as "Risk" and the upper three as "Satisfied". */
export const isRiskLevel = (level: PulseLevelValue): boolean => rankOf(level) <= 3;

export const levelOfRank = (rank: number): PulseLevelValue | undefined => PULSE_LEVELS[rank - 1];

/** Narrows a level the API sends as a plain string (the client's pulse summary). */
export const asPulseLevel = (value: string): PulseLevelValue | undefined =>
  PULSE_LEVELS.find((level) => level === value);
