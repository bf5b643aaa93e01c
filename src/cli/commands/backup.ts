import { resolve } from "node:path";
import type { Config } from "../../config.js";
import { backupDatabase } from "../backup.js";
import { describeDatabase, withDatabase } from "../cli-database.js";
import { formatBytes, printTableCounts } from "./table-counts.js";

/** `pulse backup <file>` */
export async function backupCommand(config: Config, file: string): Promise<void> {
  console.log(`Database: ${describeDatabase(config)}`);
  const summary = await withDatabase(config, (database) => backupDatabase(database, file));
  printTableCounts(summary.tables);
  console.log(`Backed up ${summary.tables.length} tables to ${resolve(file)} (${formatBytes(summary.bytes)}).`);
}
