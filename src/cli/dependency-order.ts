/** A foreign key from one table to another: `from` holds the reference, `to` is referenced. */
export type TableEdge = { from: string; to: string };

/**
 * Orders tables so every table comes after the tables it references (Kahn's algorithm; ties by name,
 * so the order is stable). Self-references are ignored: a table's rows are inserted in one statement,
 * and PostgreSQL checks non-deferrable foreign keys at the end of each statement. Tables caught in a
 * cycle are appended by name; restoring them needs the cycle broken by hand.
 */
export function dependencyOrder(tables: readonly string[], edges: readonly TableEdge[]): string[] {
  const known = new Set(tables);
  const waitingOn = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const { from, to } of edges) {
    if (from === to || !known.has(from) || !known.has(to)) continue;
    waitingOn.get(from)?.add(to);
  }
  const ordered: string[] = [];
  const remaining = new Set([...tables].sort());
  while (remaining.size > 0) {
    const ready = [...remaining].find((t) => [...(waitingOn.get(t) ?? [])].every((d) => !remaining.has(d)));
    if (ready === undefined) break;
    ordered.push(ready);
    remaining.delete(ready);
  }
  return [...ordered, ...remaining];
}
