/** Seed 001: the six-point health scale, worst to best. */
export const PULSE_LEVELS = [
  "severe_risk",
  "high_risk",
  "some_risk",
  "satisfied",
  "very_satisfied",
  "extremely_satisfied",
] as const;
export type PulseLevel = (typeof PULSE_LEVELS)[number];

export const PULSE_LABELS: Record<PulseLevel, string> = {
  severe_risk: "Severe Risk",
  high_risk: "High Risk",
  some_risk: "Some Risk",
  satisfied: "Satisfied",
  very_satisfied: "Very Satisfied",
  extremely_satisfied: "Extremely Satisfied",
};

/** 1 (Severe Risk) … 6 (Extremely Satisfied); stored as this number so SQL can compare levels. */
export const pulseRank = (level: PulseLevel): number => PULSE_LEVELS.indexOf(level) + 1;
export const levelOfRank = (rank: number): PulseLevel => {
  const level = PULSE_LEVELS[rank - 1];
  if (!level) throw new Error(`No pulse level of rank ${rank}`);
  return level;
};

/** Seed 001 groups the scale into "Risk" (the lower three) and "Satisfied" (the upper three). */
export const isRiskLevel = (level: PulseLevel): boolean => pulseRank(level) <= 3;

/** The sentiment a level expresses on 0-100, evenly spaced; 50 is neutral. */
export const pulseSentiment = (level: PulseLevel): number => ((pulseRank(level) - 1) / 5) * 100;

/** Seed 001: executives should hear when a client drops to Some Risk or below (the default threshold). */
export const isAtOrBelow = (level: PulseLevel, threshold: PulseLevel): boolean =>
  pulseRank(level) <= pulseRank(threshold);
