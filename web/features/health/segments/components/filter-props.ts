import type { SegmentFilter } from "../../../../../src/features/health/segments/contract";

/** What every part of the filter form receives: the filter and a way to change some of its parts. */
export type FilterPartProps = {
  filter: SegmentFilter;
  /** Parts set to undefined (or an empty list) are removed. */
  onChange: (patch: Partial<SegmentFilter>) => void;
};

/** A list input's value as a filter part: an empty list means "no condition". */
export const listOrUndefined = <T extends string>(values: T[]): T[] | undefined => (values.length ? values : undefined);

/** A number input's value (number | string) as a filter part. */
export function numberOrUndefined(value: number | string): number | undefined {
  if (value === "" || value === null) return undefined;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Major units typed by a person as minor units (cents) for the API. */
export const toMinor = (major: number | undefined) => (major === undefined ? undefined : Math.round(major * 100));
export const toMajor = (minor: number | undefined) => (minor === undefined ? "" : minor / 100);
