import type { Config } from "../../config.js";
import { migrateDatabase } from "../../platform/db/migrate.js";
import { listAppliedMigrations } from "../applied-migrations.js";
import { describeDatabase, withDatabase } from "../cli-database.js";

/** `pulse migrate` */
export async function migrateCommand(config: Config): Promise<void> {
  console.log(`Database: ${describeDatabase(config)}`);
  await withDatabase(config, async (database) => {
    const before = await listAppliedMigrations(database.executeSql);
    await migrateDatabase(database);
    const after = await listAppliedMigrations(database.executeSql);
    const fresh = after.filter((m) => !before.some((b) => b.hash === m.hash));
    for (const m of fresh) console.log(`  applied ${m.tag ?? m.hash}`);
    const latest = after[after.length - 1];
    console.log(
      fresh.length === 0
        ? `Up to date: ${after.length} migrations applied (latest ${latest?.tag ?? latest?.hash ?? "none"}).`
        : `Applied ${fresh.length} migration(s); ${after.length} in total.`,
    );
  });
}
