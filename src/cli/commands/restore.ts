import type { Config } from "../../config.js";
import { describeDatabase, withDatabase } from "../cli-database.js";
import { restoreDatabase } from "../restore.js";
import { printTableCounts } from "./table-counts.js";

/** `pulse restore <file> [--force]` */
export async function restoreCommand(config: Config, file: string, options: { force?: boolean }): Promise<void> {
  console.log(`Database: ${describeDatabase(config)}`);
  const summary = await withDatabase(config, (database) => restoreDatabase(database, file, options));
  const { header } = summary;
  console.log(
    `Backup of ${header.createdAt}${header.source ? ` from ${header.source.engine}, Pulse ${header.source.pulseVersion}` : ""}.`,
  );
  if (summary.replaced.length > 0) console.log(`Replaced the rows that were in: ${summary.replaced.join(", ")}.`);
  printTableCounts(summary.tables);
  console.log(`Restored ${summary.tables.length} tables.`);
}
