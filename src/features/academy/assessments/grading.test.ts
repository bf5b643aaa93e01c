import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeAttempt, isAnswerCorrect } from "./grading.js";

const q = (id: string, ...correct: string[]) => ({ id, correct });

describe("grading", () => {
  it("counts exact matches; unanswered and partial answers are wrong", () => {
    const questions = [q("1", "a"), q("2", "b", "c"), q("3", "d"), q("4", "a")];
    const grade = gradeAttempt(questions, { "1": ["a"], "2": ["c", "b"], "3": ["d", "a"] }, 50);
    expect(grade).toMatchObject({ correctCount: 2, total: 4, scorePercent: 50, passed: true });
    expect(grade.perQuestion).toEqual({ "1": true, "2": true, "3": false, "4": false });
  });
  it("Exam B: 5 of 8 is 62.5% and passes 62%; 4 of 8 fails", () => {
    const questions = Array.from({ length: 8 }, (_, i) => q(String(i), "a"));
    const five = Object.fromEntries([0, 1, 2, 3, 4].map((i) => [String(i), ["a"]]));
    expect(gradeAttempt(questions, five, 62)).toMatchObject({ scorePercent: 62, passed: true });
    const four = Object.fromEntries([0, 1, 2, 3].map((i) => [String(i), ["a"]]));
    expect(gradeAttempt(questions, four, 62)).toMatchObject({ scorePercent: 50, passed: false });
  });
  it("Exam A: 37 of 50 (74%) fails 75%, 38 (76%) passes", () => {
    const questions = Array.from({ length: 50 }, (_, i) => q(String(i), "b"));
    const first = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), ["b"]]));
    expect(gradeAttempt(questions, first(37), 75).passed).toBe(false);
    expect(gradeAttempt(questions, first(38), 75)).toMatchObject({ scorePercent: 76, passed: true });
  });
  it("ignores answers to questions not in the attempt", () => {
    expect(gradeAttempt([q("1", "a")], { x: ["a"] }, 100).correctCount).toBe(0);
  });
});

describe("grading properties", () => {
  const setup = fc
    .array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 60 })
    .chain((flags) => fc.tuple(fc.constant(flags), fc.integer({ min: 1, max: 100 })));
  it("the score is the share right (rounded down) and passing agrees with it", () => {
    fc.assert(
      fc.property(setup, ([flags, pass]) => {
        const questions = flags.map((_, i) => q(String(i), "a"));
        const answers = Object.fromEntries(
          flags.flatMap(([answered, right], i) => (answered ? [[String(i), [right ? "a" : "b"]]] : [])),
        );
        const grade = gradeAttempt(questions, answers, pass);
        const right = flags.filter(([answered, r]) => answered && r).length;
        expect(grade.correctCount).toBe(right);
        expect(grade.scorePercent).toBe(Math.floor((right * 100) / flags.length));
        expect(grade.passed).toBe(grade.scorePercent >= pass);
      }),
    );
  });
  it("answer order and repeats do not matter", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom("a", "b", "c", "d"), { minLength: 1 }), (keys) => {
        expect(isAnswerCorrect(keys, [...keys].reverse().concat(keys))).toBe(true);
      }),
    );
  });
});
