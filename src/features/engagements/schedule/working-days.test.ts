import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstWorkingDay, isWorkingDay, taskDates, workingDayDate, workingDayOffset } from "./working-days.js";

// 2026-03-02 is a Monday.
describe("the working-day calendar", () => {
  it("counts Monday to Friday and skips the weekend", () => {
    expect([0, 1, 4, 5, 6, 9, 10].map((offset) => workingDayDate("2026-03-02", offset))).toEqual([
      "2026-03-02",
      "2026-03-03",
      "2026-03-06",
      "2026-03-09",
      "2026-03-10",
      "2026-03-13",
      "2026-03-16",
    ]);
  });

  it("starts a schedule given a Saturday or Sunday on the Monday after", () => {
    expect(firstWorkingDay("2026-03-07")).toBe("2026-03-09");
    expect(firstWorkingDay("2026-03-08")).toBe("2026-03-09");
    expect(workingDayDate("2026-03-08", 0)).toBe("2026-03-09");
    expect(workingDayDate("2026-03-07", 1)).toBe("2026-03-10");
  });

  it("starts mid-week and crosses weekends, months and leap days", () => {
    expect(workingDayDate("2026-03-05", 2)).toBe("2026-03-09"); // Thursday + 2 → Monday
    expect(workingDayDate("2028-02-25", 2)).toBe("2028-02-29"); // Friday + 2 → Tuesday 29 February
    expect(workingDayDate("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("dates a task by its first and last working days, a milestone on one day", () => {
    // Days 3–8 (finish exclusive) from Monday: Thursday to the Wednesday after (day 7), the weekend skipped.
    expect(taskDates("2026-03-02", 3, 8)).toEqual({ startOn: "2026-03-05", finishOn: "2026-03-11" });
    expect(taskDates("2026-03-02", 4, 4)).toEqual({ startOn: "2026-03-06", finishOn: "2026-03-06" });
  });

  it("refuses a negative or fractional offset", () => {
    expect(() => workingDayDate("2026-03-02", -1)).toThrow(RangeError);
    expect(() => workingDayDate("2026-03-02", 0.5)).toThrow(RangeError);
  });

  it("always lands on a working day, one working day apart, and counts back to the offset", () => {
    const start = fc
      .integer({ min: 0, max: 3650 })
      .map((days) => new Date(Date.UTC(2020, 0, 1) + days * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 800 }), (startOn, offset) => {
        const date = workingDayDate(startOn, offset);
        const next = workingDayDate(startOn, offset + 1);
        expect(isWorkingDay(date)).toBe(true);
        expect(next > date).toBe(true);
        // Between two consecutive working days lie only weekend days.
        const gap = (Date.parse(next) - Date.parse(date)) / 86_400_000;
        expect(gap === 1 || (gap === 3 && new Date(date).getUTCDay() === 5)).toBe(true);
        expect(workingDayOffset(startOn, date)).toBe(offset);
      }),
    );
  });
});
