import { addMonthsToDate } from "../cycles/local-date.js";

/** The evidence window: a self-certification may be dated no earlier than this many months back. */
export const EVIDENCE_WINDOW_MONTHS = 12;

/**
 * The rules the contract cannot check alone (pure): the total above zero, the date not in the learner's
 * future nor earlier than 12 months back, the consent given. One field error per broken rule.
 */
export function selfCertProblems(
  input: { hours: number; minutes: number; completedOn: string; consent: boolean },
  today: string,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (input.hours * 60 + input.minutes <= 0) problems.minutes = "the duration must be above zero";
  if (input.completedOn > today) problems.completedOn = "must not be in the future";
  const earliest = addMonthsToDate(today, -EVIDENCE_WINDOW_MONTHS);
  if (input.completedOn < earliest) problems.completedOn = `must be on or after ${earliest} (12 months back)`;
  if (input.consent !== true) problems.consent = "must be confirmed to add the hours and keep evidence for 12 months";
  return problems;
}

/** When uploaded evidence is deleted: 12 months after the completion date. */
export const evidenceDeleteAfter = (completedOn: string) => addMonthsToDate(completedOn, EVIDENCE_WINDOW_MONTHS);

const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  "application/pdf": (b) => b.subarray(0, 5).toString("latin1") === "%PDF-",
  "image/png": (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/webp": (b) =>
    b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
};

/** Whether the file's bytes are what its type says (a renamed executable is refused). */
export function evidenceProblem(mediaType: string, bytes: Buffer, maxBytes: number): string | null {
  if (bytes.length === 0) return "is empty";
  if (bytes.length > maxBytes) return `must be at most ${maxBytes / 1024 / 1024} MB`;
  const check = SIGNATURES[mediaType];
  if (!check?.(bytes)) return `is not a ${mediaType === "application/pdf" ? "PDF" : "valid image"} file`;
  return null;
}
