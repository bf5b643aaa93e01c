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

/** Red (Severe Risk) to green (Extremely Satisfied): a Mantine color for badges, the same as hex for charts. */
export const PULSE_LEVEL_COLORS: Record<PulseLevelValue, { mantine: string; hex: string }> = {
  severe_risk: { mantine: "red.9", hex: "#c92a2a" },
  high_risk: { mantine: "orange.8", hex: "#e8590c" },
  some_risk: { mantine: "yellow.5", hex: "#fcc419" },
  satisfied: { mantine: "lime.6", hex: "#82c91e" },
  very_satisfied: { mantine: "green.6", hex: "#40c057" },
  extremely_satisfied: { mantine: "green.9", hex: "#2b8a3e" },
};

/** 1 (Severe Risk) … 6 (Extremely Satisfied), as the API's `rank`. */
export const rankOf = (level: PulseLevelValue): number => PULSE_LEVELS.indexOf(level) + 1;

/** Seed 001 groups the lower three levels as "Risk" and the upper three as "Satisfied". */
export const isRiskLevel = (level: PulseLevelValue): boolean => rankOf(level) <= 3;

export const levelOfRank = (rank: number): PulseLevelValue | undefined => PULSE_LEVELS[rank - 1];

/** Narrows a level the API sends as a plain string (the client's pulse summary). */
export const asPulseLevel = (value: string): PulseLevelValue | undefined =>
  PULSE_LEVELS.find((level) => level === value);
