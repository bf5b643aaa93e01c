import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../cycles/local-date.js";
import { evidenceDeleteAfter, evidenceProblem, selfCertProblems } from "./rules.js";

const ok = { hours: 1, minutes: 30, completedOn: "2026-02-01", consent: true };
const today = "2026-03-02";

describe("self-certification rules", () => {
  it("accepts a valid declaration", () => {
    expect(selfCertProblems(ok, today)).toEqual({});
    expect(selfCertProblems({ ...ok, completedOn: today }, today)).toEqual({});
    expect(selfCertProblems({ ...ok, completedOn: "2025-03-02" }, today)).toEqual({});
  });
  it("names each broken rule on its field", () => {
    expect(selfCertProblems({ ...ok, hours: 0, minutes: 0 }, today)).toEqual({
      minutes: "the duration must be above zero",
    });
    expect(selfCertProblems({ ...ok, completedOn: "2026-03-03" }, today)).toEqual({
      completedOn: "must not be in the future",
    });
    expect(selfCertProblems({ ...ok, completedOn: "2025-03-01" }, today).completedOn).toMatch(/on or after 2025-03-02/);
    expect(selfCertProblems({ ...ok, consent: false }, today).consent).toMatch(/must be confirmed/);
  });
  it("a date is accepted exactly inside the 12-month evidence window", () => {
    fc.assert(
      fc.property(fc.integer({ min: -800, max: 400 }), (offset) => {
        const date = addDays(today, offset);
        const problems = selfCertProblems({ ...ok, completedOn: date }, today);
        expect("completedOn" in problems).toBe(date > today || date < "2025-03-02");
      }),
    );
  });
  it("evidence is deleted 12 months after the completion date; its bytes must match its type", () => {
    expect(evidenceDeleteAfter("2024-02-29")).toBe("2025-02-28");
    expect(evidenceProblem("application/pdf", Buffer.from("%PDF-1.7 ..."), 1000)).toBeNull();
    expect(evidenceProblem("application/pdf", Buffer.from("MZ\x90\x00"), 1000)).toMatch(/not a PDF/);
    expect(evidenceProblem("image/png", Buffer.from("%PDF-1.7"), 1000)).toMatch(/not a valid image/);
    expect(evidenceProblem("application/pdf", Buffer.alloc(2000, 0x25), 1000)).toMatch(/at most/);
    expect(evidenceProblem("image/jpeg", Buffer.from([]), 1000)).toBe("is empty");
  });
});
