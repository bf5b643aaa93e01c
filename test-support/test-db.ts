import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, type DatabaseKind, openDatabase } from "../src/platform/db/database.js";

/** Integration tests run on PGlite always, and on a PostgreSQL server too when TEST_DATABASE_URL is set. */
export const TEST_ENGINES: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export type TestDatabase = { database: Database; url?: string; drop: () => Promise<void> };

/** A fresh, empty database: in-memory PGlite, or a new database on the test server dropped afterwards. */
export async function createTestDatabase(engine: DatabaseKind, dataDir = "memory://"): Promise<TestDatabase> {
  if (engine === "pglite") {
    const database = await openDatabase({ dataDir });
    return { database, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `pulse_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** A second handle (its own pool) on a database createTestDatabase made; closing it leaves the database. */
export async function joinTestDatabase(url: string): Promise<TestDatabase> {
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
  return { database, url, drop: () => database.close() };
}
