/** Prints one line per table holding rows, then how many tables were empty and the total. */
export function printTableCounts(tables: { name: string; rows: number }[]): void {
  const filled = tables.filter((t) => t.rows > 0);
  const width = Math.max(5, ...filled.map((t) => t.name.length));
  for (const t of filled) console.log(`  ${t.name.padEnd(width)}  ${String(t.rows).padStart(9)}`);
  const total = tables.reduce((sum, t) => sum + t.rows, 0);
  const empty = tables.length - filled.length;
  console.log(
    `  ${"total".padEnd(width)}  ${String(total).padStart(9)} rows${empty > 0 ? ` (${empty} empty tables)` : ""}`,
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
