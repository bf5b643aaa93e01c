// Pulses: reason codes, the append-only pulse history, and the SuccessScore.

export { compareFormulas } from "./service/compare-formulas.js";
export { getPulseEntry, pulseHistory } from "./service/history.js";
export {
  createReasonCode,
  ensureReasonCodes,
  listReasonCodes,
  removeReasonCode,
  updateReasonCode,
} from "./service/reason-codes.js";
export { recordPulse } from "./service/record-pulse.js";
export { getFormula, refreshAllScores, refreshScore, saveFormula, successScoreView } from "./service/success-score.js";
