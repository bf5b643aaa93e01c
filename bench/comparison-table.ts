/** One row of the issue-10 bench table: a measure of this project next to its baseline in the same run. */
export type ComparisonRow = {
  measure: string;
  project: string;
  baseline: string;
  /** this project / baseline (lower is better), when both are one number */
  ratio?: number;
  target: string;
  met: boolean;
};

const COLUMNS = ["measure", "this project", "baseline", "ratio", "target", "met"] as const;

/** The rows as a Markdown table (pasteable into the closing note). */
export function formatComparison(rows: ComparisonRow[]): string {
  const cells = rows.map((r) => [
    r.measure,
    r.project,
    r.baseline,
    r.ratio === undefined || !Number.isFinite(r.ratio) ? "" : `${r.ratio.toFixed(2)}x`,
    r.target,
    r.met ? "yes" : "no",
  ]);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...cells.map((row) => (row[i] as string).length)));
  const line = (values: readonly string[]) => `| ${values.map((v, i) => v.padEnd(widths[i] as number)).join(" | ")} |`;
  return [line(COLUMNS), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}
