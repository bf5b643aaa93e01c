import type { AssessmentSummary } from "../../../../src/features/academy/assessments/contract";

const days = (hours: number) => (hours % 24 === 0 ? `${hours / 24} day${hours === 24 ? "" : "s"}` : `${hours} hours`);

/** "Unlimited attempts" or "After a failed attempt: wait 2 days, then 2 days, then 14 days before each further try". */
export function describeRetakePolicy(
  policy: AssessmentSummary["retakePolicy"],
  kind: AssessmentSummary["kind"],
): string {
  if (!policy) return kind === "exam" ? "Unlimited attempts, no waiting" : "Multiple attempts";
  const waits = policy.waitsAfterFailureHours.map((h, i) => `${days(h)} after failure ${i + 1}`);
  const then = `then ${days(policy.thenEveryFailureHours)} before each further try`;
  return `Retakes: ${[...waits, then].join(", ")}`;
}

export const describeTimeLimit = (minutes: number | null) => (minutes ? `${minutes} minutes` : "No time limit");
