import { resolve } from "node:path";
import type { Config } from "../config.js";
import { type Database, openDatabase } from "../platform/db/database.js";

type DatabaseConfig = Pick<Config, "databaseUrl" | "dataDir">;

/** Which database a command works on, for its output; a password in DATABASE_URL is never printed. */
export function describeDatabase(config: DatabaseConfig): string {
  if (!config.databaseUrl) return `PGlite in ${resolve(config.dataDir)}`;
  try {
    const url = new URL(config.databaseUrl);
    if (url.password) url.password = "***";
    return `PostgreSQL at ${url.toString()}`;
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}

/** Opens the configured database for one command and always closes it. */
export async function withDatabase<T>(config: DatabaseConfig, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
