import type { PathStatus } from "./contract.js";

/**
 * A path's progress by steps completed (pure): how many, the percentage (rounded down, 100 only when all
 * are done), Not Started / In Progress / Completed, and the step the launch button continues at: the
 * first one not completed, in order.
 */
export function pathProgress<S extends { itemId: string; completed: boolean }>(steps: S[]) {
  const stepsCompleted = steps.filter((s) => s.completed).length;
  const percent = steps.length === 0 ? 0 : Math.floor((stepsCompleted * 100) / steps.length);
  const status: PathStatus =
    steps.length > 0 && stepsCompleted === steps.length
      ? "completed"
      : stepsCompleted === 0
        ? "not_started"
        : "in_progress";
  const next = steps.find((s) => !s.completed) ?? null;
  return { stepsCompleted, percent, status, nextItemId: next?.itemId ?? null };
}
