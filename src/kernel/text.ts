import { z } from "zod";

/**
 * Why a string cannot be stored as text, or null when it can. Refused: C0 control characters other than
 * tab, line feed and carriage return (NUL cannot be stored by PostgreSQL at all), and lone UTF-16
 * surrogates (not Unicode text; they have no UTF-8 form).
 */
export function textProblem(value: string): string | null {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return "must not contain control characters";
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return "must be valid Unicode text";
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return "must be valid Unicode text";
  }
  return null;
}

/** The text rule as a zod check, for string formats that are not built from `text()` (URLs). */
export const storableText = z.superRefine((value: string, ctx) => {
  const problem = textProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem, input: value });
});

/**
 * The string of every contract: any string a request carries (body, query, path) is built from this, so
 * it is refused with a field error before it reaches a query. Chain as usual: `text().trim().max(120)`.
 */
export const text = (error?: string) => z.string(error).check(storableText);

export const Text = text();
