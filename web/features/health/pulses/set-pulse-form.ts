import type { PulseEntry, SetPulseBody } from "../../../../src/features/health/pulses/contract";
import type { PulseLevelValue } from "./pulse-level-display";
import { dayInZone, zonedDayTimeToIso } from "./zoned-time";

export type SetPulseValues = {
  level: PulseLevelValue | null;
  note: string;
  reasonCodeIds: string[];
  /** The day the pulse took effect, in the person's time zone ("" or today = now). */
  effectiveDay: string;
};

export const newPulseValues = (today: string): SetPulseValues => ({
  level: null,
  note: "",
  reasonCodeIds: [],
  effectiveDay: today,
});

/** A correction starts from the entry it corrects, on the same day. */
export const correctionValues = (entry: PulseEntry, timeZone: string): SetPulseValues => ({
  level: entry.level,
  note: entry.note,
  reasonCodeIds: entry.reasons.map((reason) => reason.id),
  effectiveDay: dayInZone(entry.effectiveAt, timeZone),
});

/**
 * The API body. A pulse for today takes effect now; an earlier day takes effect at noon there. A
 * correction left on the corrected entry's day keeps that entry's exact time, so it replaces it in place;
 * a correction moved to today says now explicitly.
 */
export function setPulseBody(
  values: SetPulseValues,
  context: { today: string; timeZone: string; correcting: PulseEntry | null; now?: Date },
): SetPulseBody {
  const { correcting, timeZone, today } = context;
  const sameDayAsCorrected = correcting && values.effectiveDay === dayInZone(correcting.effectiveAt, timeZone);
  const effectiveAt = sameDayAsCorrected
    ? correcting.effectiveAt
    : values.effectiveDay && values.effectiveDay !== today
      ? zonedDayTimeToIso(values.effectiveDay, "12:00", timeZone)
      : // The server dates a correction on the corrected entry's day unless told otherwise.
        correcting
        ? (context.now ?? new Date()).toISOString()
        : undefined;
  return {
    level: values.level ?? ("" as PulseLevelValue),
    note: values.note,
    reasonCodeIds: values.reasonCodeIds,
    effectiveAt,
    correctsEntryId: correcting?.id,
  };
}

/** Server error paths ("reasonCodeIds.1", "effectiveAt") as the form's fields. */
export function toPulseFormErrors(fields: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, reason] of Object.entries(fields)) {
    const head = path.replace(/^body\./, "").split(".")[0] ?? path;
    const field = head === "effectiveAt" ? "effectiveDay" : head;
    if (!errors[field]) errors[field] = reason.charAt(0).toUpperCase() + reason.slice(1);
  }
  return errors;
}
