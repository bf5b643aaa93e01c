import type { BenchRow } from "./me-vs-baseline.js";

const COLUMNS = ["engine", "target", "req/s", "p50 ms", "p99 ms", "requests", "failed", "vs baseline"] as const;

/** The results as a plain-text table; the ratio is what to compare between runs and machines. */
export function formatReport(rows: BenchRow[]): string {
  const cells = rows.map((r) => [
    r.engine,
    r.target,
    Math.round(r.result.requestsPerSecond).toLocaleString("en-US"),
    r.result.p50Ms.toFixed(1),
    r.result.p99Ms.toFixed(1),
    r.result.requests.toLocaleString("en-US"),
    String(r.result.failed),
    r.ratio === undefined ? "" : `${(r.ratio * 100).toFixed(1)}%`,
  ]);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: readonly string[]) =>
    values.map((v, i) => (i < 2 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join("  ");
  return [line(COLUMNS), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}
