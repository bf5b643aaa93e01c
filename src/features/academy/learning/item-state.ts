import { mergeSegments, type Segment } from "./watched-segments.js";

/**
 * The derived state kept per learner and item in `academy_item_progress.state` (rebuildable from the
 * statements). Read leniently: whatever is malformed counts as not done.
 */
export type ItemState = {
  /** Video: merged watched segments, seconds. */
  segments?: Segment[];
  /** Video: where to resume, seconds. */
  position?: number;
  /**
   * Video: the plausibility bucket, in seconds of video that may still be reported; it refills with
   * wall-clock time (x the fastest playback rate) up to a cap, and each counted second empties it.
   */
  budget?: { seconds: number; at: string };
  /** Knowledge check: ids of questions answered correctly at least once. */
  correct?: string[];
  /** Knowledge check: answers given per question. */
  tries?: Record<string, number>;
  /** Reading, workbook, scenario: opened (downloaded) at least once. */
  opened?: boolean;
};

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export function readItemState(raw: unknown, durationSeconds = Number.POSITIVE_INFINITY): ItemState {
  const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const segments = Array.isArray(r.segments)
    ? mergeSegments(
        r.segments.filter((s): s is [number, number] => Array.isArray(s) && isNumber(s[0]) && isNumber(s[1])),
        durationSeconds,
      )
    : [];
  const b = (r.budget && typeof r.budget === "object" ? r.budget : {}) as Record<string, unknown>;
  const budget = isNumber(b.seconds) && typeof b.at === "string" ? { seconds: b.seconds, at: b.at } : undefined;
  const tries =
    r.tries && typeof r.tries === "object"
      ? Object.fromEntries(Object.entries(r.tries as Record<string, unknown>).filter(([, v]) => isNumber(v)))
      : {};
  return {
    segments,
    position: isNumber(r.position) ? r.position : 0,
    budget,
    correct: Array.isArray(r.correct) ? r.correct.filter((q): q is string => typeof q === "string") : [],
    tries: tries as Record<string, number>,
    opened: r.opened === true,
  };
}
