import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalendarDate, EARLIEST_DATE, instant, latestDate } from "./calendar-date.js";
import { Text, textProblem } from "./text.js";

const C0_REFUSED = Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)).filter((c) => !"\t\n\r".includes(c));

describe("the text rule", () => {
  it("accepts any well-formed text without C0 controls (tabs, new lines and emoji included)", () => {
    const clean = fc.string({ unit: "grapheme" }).map((s) => [...s].filter((c) => !C0_REFUSED.includes(c)).join(""));
    fc.assert(fc.property(clean, (s) => textProblem(s) === null));
    expect(textProblem("a\tb\r\nc 🎉 é 中")).toBeNull();
  });

  it("refuses every C0 control but tab, CR and LF, anywhere in the string", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...C0_REFUSED), fc.string(), (a, c, b) => {
        return textProblem(`${a}${c}${b}`) !== null;
      }),
    );
  });

  it("refuses lone surrogates, high or low, and keeps pairs", () => {
    expect(textProblem("\uD800")).toBe("must be valid Unicode text");
    expect(textProblem("a\uD800b")).toBe("must be valid Unicode text");
    expect(textProblem("\uDFFFa")).toBe("must be valid Unicode text");
    expect(textProblem("\uDBFF\uDFFF")).toBeNull();
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => (textProblem(s) === null) === isClean(s)));
  });

  it("is a zod check that keeps chaining", () => {
    const name = Text.trim().min(1, "is required");
    expect(name.safeParse("  Ada ").data).toBe("Ada");
    expect(name.safeParse("A\u0000").error?.issues[0]?.message).toBe("must not contain control characters");
  });
});

/** The same rule written with the platform's own primitives, to check the hand-written loop against. */
function isClean(s: string): boolean {
  // String.prototype.isWellFormed is Node 20's, newer than the ES2023 library this project compiles against.
  return (s as string & { isWellFormed(): boolean }).isWellFormed() && !C0_REFUSED.some((c) => s.includes(c));
}

describe("the date rules", () => {
  it("accept 2000-01-01 to ten years ahead and name the range otherwise", () => {
    const latest = latestDate();
    expect(CalendarDate.safeParse(EARLIEST_DATE).success).toBe(true);
    expect(CalendarDate.safeParse(latest).success).toBe(true);
    for (const date of ["0000-01-01", "1999-12-31", "2099-01-01"]) {
      expect(CalendarDate.safeParse(date).error?.issues[0]?.message).toBe(`must be between 2000-01-01 and ${latest}`);
    }
    expect(latestDate(new Date("2024-02-29T12:00:00Z"))).toBe("2034-03-01");
  });

  it("instants: from 2000, up to now for facts", () => {
    const past = instant({ upTo: "now" });
    expect(past.safeParse("2000-01-01T00:00:00Z").success).toBe(true);
    expect(past.safeParse("2026-01-01T10:00:00+02:00").success).toBe(true);
    expect(past.safeParse("1999-12-31T23:59:59+00:00").error?.issues[0]?.message).toBe(
      "must be between 2000-01-01 and now",
    );
    expect(instant().safeParse("2199-01-01T00:00:00Z").success).toBe(false);
  });
});
