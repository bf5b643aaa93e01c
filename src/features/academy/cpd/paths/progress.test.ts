import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pathProgress } from "./progress.js";

const steps = (done: boolean[]) => done.map((completed, i) => ({ itemId: `item-${i}`, completed }));

describe("pathProgress", () => {
  it("names the status and the next step", () => {
    expect(pathProgress(steps([false, false]))).toEqual({
      stepsCompleted: 0,
      percent: 0,
      status: "not_started",
      nextItemId: "item-0",
    });
    expect(pathProgress(steps([true, false, false]))).toEqual({
      stepsCompleted: 1,
      percent: 33,
      status: "in_progress",
      nextItemId: "item-1",
    });
    expect(pathProgress(steps([true, true]))).toEqual({
      stepsCompleted: 2,
      percent: 100,
      status: "completed",
      nextItemId: null,
    });
    expect(pathProgress(steps([false, true])).nextItemId).toBe("item-0");
  });

  it("reaches 100% and Completed only when every step is done", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 100 }), (done) => {
        const p = pathProgress(steps(done));
        const all = done.every(Boolean);
        expect(p.percent === 100).toBe(all);
        expect(p.status === "completed").toBe(all);
        expect(p.nextItemId === null).toBe(all);
        expect(p.stepsCompleted).toBe(done.filter(Boolean).length);
      }),
    );
  });
});
