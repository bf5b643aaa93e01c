import { z } from "zod";

type Bound = number | string | undefined | null;

/**
 * A check for objects holding ranges as pairs of fields (`arrMin`/`arrMax`, `from`/`to`): where both are
 * set, the upper may not be below the lower (`strict`: must be above it). The field error is on the upper
 * field and names the lower value.
 */
export function orderedRanges<T extends Record<string, unknown>>(
  pairs: readonly (readonly [keyof T & string, keyof T & string])[],
  options: { strict?: boolean } = {},
) {
  return z.superRefine((value: T, ctx) => {
    for (const [low, high] of pairs) {
      const a = value[low] as Bound;
      const b = value[high] as Bound;
      if (a === undefined || a === null || b === undefined || b === null) continue;
      if (options.strict ? b > a : b >= a) continue;
      const message = options.strict ? `must be greater than ${low} (${a})` : `must be at least ${low} (${a})`;
      ctx.addIssue({ code: "custom", path: [high], message, input: b });
    }
  });
}
