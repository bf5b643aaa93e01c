import { AppError } from "../../../kernel/app-error.js";

/**
 * The critical path method (lessons 7.x) on a working-day calendar, as a pure function.
 *
 * Times are offsets in working days from the engagement's start: a task that starts at 0 and lasts 3
 * days finishes at 3 (the finish is exclusive, so its last working day is day 2). Every dependency,
 * whatever its type, is a constraint between the two starts, `start(to) - start(from) >= gap`:
 *
 * | type | reads | gap |
 * |---|---|---|
 * | FS | `to` starts after `from` finishes | duration(from) + lag |
 * | SS | `to` starts after `from` starts | lag |
 * | FF | `to` finishes after `from` finishes | duration(from) + lag - duration(to) |
 * | SF | `to` finishes after `from` starts | lag - duration(to) |
 *
 * The forward pass takes the least schedule that keeps every constraint and starts no task before day 0;
 * the backward pass the greatest one that finishes every task by the project's end. Because the early
 * schedule is one of the schedules the backward pass ranges over, late dates are never before early
 * ones, so total float is never negative.
 */

export type DependencyType = "FS" | "SS" | "FF" | "SF";

export const DEPENDENCY_TYPES: readonly DependencyType[] = ["FS", "SS", "FF", "SF"];

export type ScheduleTask = { key: string; name: string; durationDays: number };

export type ScheduleDependency = { from: string; to: string; type: DependencyType; lagDays: number };

export type ScheduledTask = {
  key: string;
  name: string;
  durationDays: number;
  earlyStart: number;
  earlyFinish: number;
  lateStart: number;
  lateFinish: number;
  totalFloat: number;
  /** How far the task can slip without moving any successor's early dates (or the end). */
  freeFloat: number;
  critical: boolean;
};

export type Schedule = {
  /** Working days from the start to the last task's finish. */
  durationDays: number;
  /** In the order the tasks were given. */
  tasks: ScheduledTask[];
};

/** The gap of a dependency as a constraint between starts; see the table above. */
export function startGap(type: DependencyType, lagDays: number, fromDuration: number, toDuration: number): number {
  switch (type) {
    case "FS":
      return fromDuration + lagDays;
    case "SS":
      return lagDays;
    case "FF":
      return fromDuration + lagDays - toDuration;
    case "SF":
      return lagDays - toDuration;
  }
}

const invalid = (field: string, reason: string) =>
  new AppError("invalid_input", `${field} ${reason}`, { fields: { [field]: reason } });

type Edge = { from: number; to: number; gap: number };

/** An index known to be in range (the compiler checks indexed reads as possibly undefined). */
const at = <T>(xs: readonly T[], i: number): T => xs[i] as T;

/**
 * Schedules the tasks. Throws an `invalid_input` AppError naming the field for a duplicate task key, an
 * unknown key in a dependency, a task depending on itself or twice on the same task, and a dependency
 * cycle (naming the tasks in it, e.g. "A → B → C → A").
 */
export function criticalPath(tasks: readonly ScheduleTask[], dependencies: readonly ScheduleDependency[]): Schedule {
  const index = new Map<string, number>();
  tasks.forEach((task, i) => {
    if (index.has(task.key)) throw invalid(`tasks[${i}].key`, `duplicates the key "${task.key}"`);
    if (!Number.isInteger(task.durationDays) || task.durationDays < 0)
      throw invalid(`tasks[${i}].durationDays`, "must be a whole number of days, 0 or more");
    index.set(task.key, i);
  });

  const edges: Edge[] = [];
  const pairs = new Set<string>();
  dependencies.forEach((dependency, d) => {
    const from = index.get(dependency.from);
    const to = index.get(dependency.to);
    if (from === undefined) throw invalid(`dependencies[${d}].from`, `names no task ("${dependency.from}")`);
    if (to === undefined) throw invalid(`dependencies[${d}].to`, `names no task ("${dependency.to}")`);
    if (from === to) throw invalid(`dependencies[${d}]`, `is a cycle: ${dependency.from} → ${dependency.to}`);
    if (!Number.isInteger(dependency.lagDays)) throw invalid(`dependencies[${d}].lagDays`, "must be a whole number");
    const pair = `${from}→${to}`;
    if (pairs.has(pair))
      throw invalid(`dependencies[${d}]`, `repeats the dependency of ${dependency.to} on ${dependency.from}`);
    pairs.add(pair);
    const gap = startGap(dependency.type, dependency.lagDays, at(tasks, from).durationDays, at(tasks, to).durationDays);
    edges.push({ from, to, gap });
  });

  const successors: Edge[][] = tasks.map(() => []);
  const predecessors: Edge[][] = tasks.map(() => []);
  for (const edge of edges) {
    at(successors, edge.from).push(edge);
    at(predecessors, edge.to).push(edge);
  }
  const order = topologicalOrder(tasks, successors);

  const earlyStart = new Array<number>(tasks.length).fill(0);
  for (const i of order) {
    for (const edge of at(predecessors, i))
      earlyStart[i] = Math.max(at(earlyStart, i), at(earlyStart, edge.from) + edge.gap);
  }
  const earlyFinish = tasks.map((task, i) => at(earlyStart, i) + task.durationDays);
  const end = earlyFinish.reduce((latest, finish) => Math.max(latest, finish), 0);

  const lateStart = tasks.map((task) => end - task.durationDays);
  for (let o = order.length - 1; o >= 0; o--) {
    const i = at(order, o);
    for (const edge of at(successors, i)) lateStart[i] = Math.min(at(lateStart, i), at(lateStart, edge.to) - edge.gap);
  }

  return {
    durationDays: end,
    tasks: tasks.map((task, i) => {
      const totalFloat = at(lateStart, i) - at(earlyStart, i);
      let freeFloat = end - at(earlyFinish, i);
      for (const edge of at(successors, i))
        freeFloat = Math.min(freeFloat, at(earlyStart, edge.to) - at(earlyStart, i) - edge.gap);
      return {
        key: task.key,
        name: task.name,
        durationDays: task.durationDays,
        earlyStart: at(earlyStart, i),
        earlyFinish: at(earlyFinish, i),
        lateStart: at(lateStart, i),
        lateFinish: at(lateStart, i) + task.durationDays,
        totalFloat,
        freeFloat,
        critical: totalFloat === 0,
      };
    }),
  };
}

/** Kahn's algorithm; when tasks are left over, they hold a cycle, which is found and named. */
function topologicalOrder(tasks: readonly ScheduleTask[], successors: Edge[][]): number[] {
  const waiting = tasks.map(() => 0);
  for (const out of successors) for (const edge of out) waiting[edge.to] = at(waiting, edge.to) + 1;
  const ready: number[] = [];
  waiting.forEach((count, i) => {
    if (count === 0) ready.push(i);
  });
  const order: number[] = [];
  while (ready.length > 0) {
    const i = ready.pop() as number;
    order.push(i);
    for (const edge of at(successors, i)) {
      waiting[edge.to] = at(waiting, edge.to) - 1;
      if (at(waiting, edge.to) === 0) ready.push(edge.to);
    }
  }
  if (order.length === tasks.length) return order;

  // A left-over task still waits on a left-over predecessor, so walking predecessors among them never
  // stops: walk until a task repeats; the walk from its first visit, reversed, is a cycle.
  const predecessors: number[][] = tasks.map(() => []);
  successors.forEach((out, i) => {
    for (const edge of out) if (at(waiting, i) > 0) at(predecessors, edge.to).push(i);
  });
  const walk: number[] = [];
  const seenAt = new Map<number, number>();
  let node = waiting.findIndex((count) => count > 0);
  while (!seenAt.has(node)) {
    seenAt.set(node, walk.length);
    walk.push(node);
    node = at(predecessors, node)[0] as number;
  }
  const cycle = walk
    .slice(seenAt.get(node))
    .reverse()
    .map((i) => at(tasks, i).key);
  const named = [...cycle, at(cycle, 0)].join(" → ");
  throw new AppError("invalid_input", `The dependencies form a cycle: ${named}.`, {
    fields: { dependencies: `form a cycle: ${named}` },
  });
}
