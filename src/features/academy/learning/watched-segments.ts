/**
 * Video watching as the union of played segments, in seconds of the video. Pure: the server merges every
 * report into what it already holds, so reports in any order, repeated, or from two tabs at once give the
 * same result, and nothing ever counts beyond the video's duration.
 */

export type Segment = readonly [number, number];

/** Watched when at most this many seconds are missing (the last frame rarely fires a timeupdate). */
export const FULLY_WATCHED_TOLERANCE_SECONDS = 1;

/** Clamps a segment to [0, duration]; undefined when nothing is left or a bound is not a number. */
export function clampSegment(segment: Segment, duration: number): Segment | undefined {
  const [a, b] = segment;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(duration)) return undefined;
  const start = Math.max(0, Math.min(a, b));
  const end = Math.min(duration, Math.max(a, b));
  return end > start ? [start, end] : undefined;
}

/** The union of segments clamped to the duration: sorted, disjoint, touching segments joined. */
export function mergeSegments(segments: readonly Segment[], duration: number): Segment[] {
  const clamped = segments
    .map((s) => clampSegment(s, duration))
    .filter((s): s is Segment => s !== undefined)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: [number, number][] = [];
  for (const [start, end] of clamped) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** Seconds covered by already merged (disjoint) segments. */
export function coveredSeconds(merged: readonly Segment[]): number {
  return merged.reduce((sum, [a, b]) => sum + (b - a), 0);
}

/** Share of the video watched, 0..1. */
export function watchedShare(segments: readonly Segment[], duration: number): number {
  if (!(duration > 0)) return 0;
  return Math.min(1, coveredSeconds(mergeSegments(segments, duration)) / duration);
}

/** Whole percent watched, floored, except that a fully watched video is 100. */
export function watchedPercent(segments: readonly Segment[], duration: number): number {
  if (isFullyWatched(segments, duration)) return 100;
  return Math.min(99, Math.floor(watchedShare(segments, duration) * 100));
}

export function isFullyWatched(segments: readonly Segment[], duration: number): boolean {
  if (!(duration > 0)) return false;
  const covered = coveredSeconds(mergeSegments(segments, duration));
  return covered >= duration - Math.min(FULLY_WATCHED_TOLERANCE_SECONDS, duration / 2);
}

/**
 * Keeps no more playback than could have happened: at most `budgetSeconds` of the report's (merged)
 * segments count, taken in order and the last one cut short. A forged or scrubbed "played [0, end]" sent
 * a second after the previous report thus adds about a second, not the whole video.
 */
export function trimToBudget(segments: readonly Segment[], duration: number, budgetSeconds: number): Segment[] {
  let left = Math.max(0, budgetSeconds);
  const out: Segment[] = [];
  for (const [a, b] of mergeSegments(segments, duration)) {
    if (left <= 0) break;
    const end = Math.min(b, a + left);
    out.push([a, end]);
    left -= end - a;
  }
  return out;
}

export type PlaybackSample = { wallSeconds: number; position: number };

/**
 * Turns playhead samples (wall-clock time, video position) into played segments, the way the player does
 * with `timeupdate`: a step counts only when the position moved forward by no more than the wall-clock
 * time passed times `maxRate` (plus a little jitter); a seek (any other jump) starts a new segment and
 * adds nothing.
 */
export function segmentsFromSamples(samples: readonly PlaybackSample[], maxRate = 2, jitterSeconds = 0.5): Segment[] {
  const out: [number, number][] = [];
  let previous: PlaybackSample | undefined;
  let open: [number, number] | undefined;
  for (const sample of samples) {
    if (previous) {
      const moved = sample.position - previous.position;
      const elapsed = Math.max(0, sample.wallSeconds - previous.wallSeconds);
      if (moved > 0 && moved <= elapsed * maxRate + jitterSeconds) {
        if (open && open[1] === previous.position) open[1] = sample.position;
        else {
          open = [previous.position, sample.position];
          out.push(open);
        }
      } else open = undefined;
    }
    previous = sample;
  }
  return out;
}
