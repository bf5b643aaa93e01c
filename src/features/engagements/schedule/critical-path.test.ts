import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../kernel/app-error.js";
import {
  criticalPath,
  DEPENDENCY_TYPES,
  type Schedule,
  type ScheduleDependency,
  type ScheduleTask,
  startGap,
} from "./critical-path.js";

const task = (key: string, durationDays: number): ScheduleTask => ({ key, name: `Task ${key}`, durationDays });
const dep = (from: string, to: string, type: ScheduleDependency["type"], lagDays = 0): ScheduleDependency => ({
  from,
  to,
  type,
  lagDays,
});

const row = (schedule: Schedule, key: string) => {
  const found = schedule.tasks.find((t) => t.key === key);
  if (!found) throw new Error(`no task ${key}`);
  return found;
};

/** The AppError a call throws, for its message and fields. */
function failure(call: () => unknown): AppError {
  try {
    call();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("the critical path of a worked example", () => {
  // Worked by hand. Gaps between starts: A→B FS 3, A→C SS+1 1, B→D FS+2 6, C→E FF+1 (2+1-2) 1,
  // C→F FS 2, D→G FS 5, E→G SF+2 (2-1) 1, F→G FF (3-1) 2.
  // Forward: A 0–3, B 3–7, C 1–3, D 9–14, E 2–4, F 3–6, G max(14, 3, 5) = 14–15; the end is 15.
  // Backward: G 14, D min(10, 9) = 9, E min(13, 13) = 13, F min(12, 12) = 12, B min(11, 3) = 3,
  // C min(13, 12, 10) = 10, A min(12, 0, 9) = 0.
  const tasks = [task("A", 3), task("B", 4), task("C", 2), task("D", 5), task("E", 2), task("F", 3), task("G", 1)];
  const dependencies = [
    dep("A", "B", "FS"),
    dep("A", "C", "SS", 1),
    dep("B", "D", "FS", 2),
    dep("C", "E", "FF", 1),
    dep("C", "F", "FS"),
    dep("D", "G", "FS"),
    dep("E", "G", "SF", 2),
    dep("F", "G", "FF"),
  ];
  const schedule = criticalPath(tasks, dependencies);

  it("lasts 15 working days along A → B → D → G", () => {
    expect(schedule.durationDays).toBe(15);
    expect(schedule.tasks.filter((t) => t.critical).map((t) => t.key)).toEqual(["A", "B", "D", "G"]);
  });

  it("has the early and late dates and floats worked out by hand", () => {
    const expected: Record<string, [number, number, number, number, number, number]> = {
      // earlyStart, earlyFinish, lateStart, lateFinish, totalFloat, freeFloat
      A: [0, 3, 0, 3, 0, 0],
      B: [3, 7, 3, 7, 0, 0],
      C: [1, 3, 10, 12, 9, 0],
      D: [9, 14, 9, 14, 0, 0],
      E: [2, 4, 13, 15, 11, 11],
      F: [3, 6, 12, 15, 9, 9],
      G: [14, 15, 14, 15, 0, 0],
    };
    for (const [key, [es, ef, ls, lf, tf, ff]] of Object.entries(expected)) {
      const t = row(schedule, key);
      expect([t.earlyStart, t.earlyFinish, t.lateStart, t.lateFinish, t.totalFloat, t.freeFloat], key).toEqual([
        es,
        ef,
        ls,
        lf,
        tf,
        ff,
      ]);
    }
  });

  it("keeps the tasks in the order given, with their names and durations", () => {
    expect(schedule.tasks.map((t) => [t.key, t.name, t.durationDays])).toEqual(
      tasks.map((t) => [t.key, t.name, t.durationDays]),
    );
  });

  it("starts nothing before day 0, even with a lead (negative lag)", () => {
    const led = criticalPath([task("A", 2), task("B", 3)], [dep("A", "B", "FS", -5)]);
    expect(row(led, "B").earlyStart).toBe(0);
    expect(led.durationDays).toBe(3);
    expect(row(led, "A").totalFloat).toBe(1);
  });

  it("schedules no tasks as zero days", () => {
    expect(criticalPath([], [])).toEqual({ durationDays: 0, tasks: [] });
  });
});

describe("bad schedules", () => {
  it("name the tasks of a cycle", () => {
    const error = failure(() =>
      criticalPath(
        [task("X", 1), task("A", 1), task("B", 1), task("C", 1), task("Z", 1)],
        [dep("X", "A", "FS"), dep("A", "B", "FS"), dep("B", "C", "SS"), dep("C", "A", "FF"), dep("C", "Z", "FS")],
      ),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.fields?.dependencies).toMatch(/form a cycle: /);
    const named = (error.fields?.dependencies ?? "").replace("form a cycle: ", "").split(" → ");
    expect(named[0]).toBe(named[named.length - 1]);
    expect(new Set(named)).toEqual(new Set(["A", "B", "C"]));
    expect(error.message).toContain("cycle");
  });

  it("name a task depending on itself", () => {
    expect(failure(() => criticalPath([task("A", 1)], [dep("A", "A", "FS")])).fields).toEqual({
      "dependencies[0]": "is a cycle: A → A",
    });
  });

  it("name the field of a duplicate key, an unknown key and a repeated dependency", () => {
    expect(failure(() => criticalPath([task("A", 1), task("A", 2)], [])).fields).toEqual({
      "tasks[1].key": 'duplicates the key "A"',
    });
    expect(failure(() => criticalPath([task("A", 1)], [dep("A", "Q", "FS")])).fields).toEqual({
      "dependencies[0].to": 'names no task ("Q")',
    });
    expect(failure(() => criticalPath([task("A", 1)], [dep("Q", "A", "FS")])).fields).toEqual({
      "dependencies[0].from": 'names no task ("Q")',
    });
    expect(
      failure(() => criticalPath([task("A", 1), task("B", 1)], [dep("A", "B", "FS"), dep("A", "B", "SS")])).fields,
    ).toEqual({ "dependencies[1]": "repeats the dependency of B on A" });
  });

  it("refuse negative or fractional durations and fractional lags", () => {
    expect(Object.keys(failure(() => criticalPath([task("A", -1)], [])).fields ?? {})).toEqual([
      "tasks[0].durationDays",
    ]);
    expect(Object.keys(failure(() => criticalPath([task("A", 1.5)], [])).fields ?? {})).toEqual([
      "tasks[0].durationDays",
    ]);
    expect(
      Object.keys(failure(() => criticalPath([task("A", 1), task("B", 1)], [dep("A", "B", "FS", 0.5)])).fields ?? {}),
    ).toEqual(["dependencies[0].lagDays"]);
  });
});

/** Random acyclic schedules: dependencies only run from an earlier task to a later one, then keys are shuffled. */
const acyclicSchedule = fc
  .integer({ min: 2, max: 14 })
  .chain((n) =>
    fc.record({
      durations: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n, maxLength: n }),
      // A pair (a, b) with a < b, built directly (a filter could never pass on a small n).
      edges: fc.uniqueArray(
        fc
          .integer({ min: 0, max: n - 2 })
          .chain((a) => fc.integer({ min: a + 1, max: n - 1 }).map((b) => [a, b] as const)),
        { selector: ([a, b]) => `${a}-${b}`, maxLength: Math.min(30, (n * (n - 1)) / 2) },
      ),
      types: fc.array(fc.constantFrom(...DEPENDENCY_TYPES), { minLength: 30, maxLength: 30 }),
      lags: fc.array(fc.integer({ min: -3, max: 5 }), { minLength: 30, maxLength: 30 }),
      names: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => `T${i}`),
        { minLength: n, maxLength: n },
      ),
    }),
  )
  .map(({ durations, edges, types, lags, names }) => ({
    tasks: durations.map((d, i) => task(names[i] as string, d)),
    dependencies: edges.map(([a, b], e) => dep(names[a] as string, names[b] as string, types[e] ?? "FS", lags[e] ?? 0)),
  }));

/** Each dependency's constraint between starts, for a schedule's early or late dates. */
function constraintsHold(
  tasks: ScheduleTask[],
  dependencies: ScheduleDependency[],
  starts: Map<string, number>,
): boolean {
  const duration = new Map(tasks.map((t) => [t.key, t.durationDays]));
  return dependencies.every(
    (d) =>
      (starts.get(d.to) as number) - (starts.get(d.from) as number) >=
      startGap(d.type, d.lagDays, duration.get(d.from) as number, duration.get(d.to) as number),
  );
}

describe("properties of every acyclic schedule", () => {
  it("floats are never negative, free float never exceeds total float, and critical means no float", () => {
    fc.assert(
      fc.property(acyclicSchedule, ({ tasks, dependencies }) => {
        const schedule = criticalPath(tasks, dependencies);
        for (const t of schedule.tasks) {
          expect(t.totalFloat).toBeGreaterThanOrEqual(0);
          expect(t.freeFloat).toBeGreaterThanOrEqual(0);
          expect(t.freeFloat).toBeLessThanOrEqual(t.totalFloat);
          expect(t.critical).toBe(t.totalFloat === 0);
          expect(t.earlyStart).toBeGreaterThanOrEqual(0);
          expect(t.lateFinish).toBeLessThanOrEqual(schedule.durationDays);
          expect(t.earlyFinish - t.earlyStart).toBe(t.durationDays);
          expect(t.lateFinish - t.lateStart).toBe(t.durationDays);
        }
      }),
    );
  });

  it("respects every dependency in the early and the late dates (the topological order)", () => {
    fc.assert(
      fc.property(acyclicSchedule, ({ tasks, dependencies }) => {
        const schedule = criticalPath(tasks, dependencies);
        const early = new Map(schedule.tasks.map((t) => [t.key, t.earlyStart]));
        const late = new Map(schedule.tasks.map((t) => [t.key, t.lateStart]));
        expect(constraintsHold(tasks, dependencies, early)).toBe(true);
        expect(constraintsHold(tasks, dependencies, late)).toBe(true);
      }),
    );
  });

  it("has a chain of critical tasks, each driven by the one before, from day 0 to the end", () => {
    fc.assert(
      fc.property(acyclicSchedule, ({ tasks, dependencies }) => {
        const schedule = criticalPath(tasks, dependencies);
        const byKey = new Map(schedule.tasks.map((t) => [t.key, t]));
        // Walk back from a critical task that finishes at the end, along dependencies that bind its early start.
        let at = schedule.tasks.find((t) => t.critical && t.earlyFinish === schedule.durationDays);
        expect(at).toBeDefined();
        const chain: string[] = [];
        while (at && at.earlyStart > 0) {
          chain.push(at.key);
          const current = at;
          const driver = dependencies
            .filter((d) => d.to === current.key)
            .map((d) => byKey.get(d.from) as (typeof schedule.tasks)[number] & { gap?: number })
            .find((from) => {
              const d = dependencies.find((x) => x.from === from.key && x.to === current.key) as ScheduleDependency;
              const gap = startGap(d.type, d.lagDays, from.durationDays, current.durationDays);
              return from.critical && from.earlyStart + gap === current.earlyStart;
            });
          expect(driver, `a critical task drives ${current.key}`).toBeDefined();
          at = driver;
          expect(chain.length).toBeLessThanOrEqual(tasks.length);
        }
        expect(at?.critical).toBe(true);
        expect(at?.earlyStart).toBe(0);
      }),
    );
  });

  it("keeps the end when a non-critical task grows by no more than its total float", () => {
    fc.assert(
      fc.property(acyclicSchedule, fc.nat(), fc.nat(), ({ tasks, dependencies }, pick, grow) => {
        const schedule = criticalPath(tasks, dependencies);
        const slack = schedule.tasks.filter((t) => !t.critical);
        if (slack.length === 0) return;
        const chosen = slack[pick % slack.length] as (typeof slack)[number];
        const delta = 1 + (grow % chosen.totalFloat);
        const longer = tasks.map((t) => (t.key === chosen.key ? { ...t, durationDays: t.durationDays + delta } : t));
        expect(criticalPath(longer, dependencies).durationDays).toBe(schedule.durationDays);
      }),
    );
  });

  it("refuses any schedule once a dependency closes a cycle", () => {
    fc.assert(
      fc.property(acyclicSchedule, ({ tasks, dependencies }) => {
        if (dependencies.length === 0) return;
        // Close a cycle: a dependency back from the target of an existing one to its source.
        const first = dependencies[0] as ScheduleDependency;
        const back = dep(first.to, first.from, "FS");
        const error = failure(() => criticalPath(tasks, [...dependencies.slice(1), first, back]));
        expect(error.fields?.dependencies).toContain(first.from);
        expect(error.fields?.dependencies).toContain(first.to);
      }),
    );
  });
});
