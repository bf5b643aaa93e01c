import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { Logger } from "drizzle-orm/logger";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";

/** The Drizzle handle every store receives; the same type on PGlite and on a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle is also a Db: stores do not care which. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type SqlResult = { rows: Record<string, unknown>[]; rowCount?: number | null };
/** Runs raw SQL with $1-style parameters; used by pg-boss and the CLI. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<SqlResult>;

export type DatabaseKind = "pglite" | "postgres";

export type Database = {
  kind: DatabaseKind;
  db: Db;
  executeSql: ExecuteSql;
  /** Runs fn while holding an exclusive lock on the whole database (PGlite is one connection already). */
  withExclusiveClient: <T>(fn: (executeSql: ExecuteSql, db: Db) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
  /** Calls listener with every statement sent from now on (Drizzle and executeSql) and its parameters; returns the stop. */
  observeQueries: (listener: QueryListener) => () => void;
};

export type QueryListener = (text: string, params: readonly unknown[]) => void;
export type DatabaseOptions = { databaseUrl?: string; dataDir?: string; poolSize?: number };

/** The seam observeQueries reads: tests count the statements a request sends (none on a cached session). */
function queryObservers() {
  const listeners = new Set<QueryListener>();
  const notify = (text: string, params: readonly unknown[] = []) => {
    for (const listener of listeners) listener(text, params);
  };
  const logger: Logger = { logQuery: (text, params) => notify(text, params) };
  const observe = (listener: QueryListener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return { notify, logger, observe };
}

/** DATABASE_POOL_SIZE's default (config.ts): connections per process. */
const DEFAULT_POOL_SIZE = 10;

/** Opens PGlite (data in dataDir, or in memory for "memory://") or a PostgreSQL server when databaseUrl is set. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? DEFAULT_POOL_SIZE);
  return openPglite(options.dataDir ?? "./data");
}

async function openPglite(dataDir: string): Promise<Database> {
  if (dataDir !== "memory://") mkdirSync(dataDir, { recursive: true });
  // Extensions the migrations create (PGlite bundles them; a PostgreSQL server ships them in contrib).
  const client = await PGlite.create(dataDir === "memory://" ? undefined : dataDir, {
    extensions: { btree_gist, pg_trgm },
  });
  const observers = queryObservers();
  const db = drizzlePglite(client, { logger: observers.logger }) as unknown as Db;
  const executeSql: ExecuteSql = async (text, values) => {
    observers.notify(text, values);
    if (values && values.length > 0) {
      const r = await client.query(text, values);
      return { rows: r.rows as Record<string, unknown>[], rowCount: r.affectedRows ?? null };
    }
    // Without parameters the text may hold several statements (pg-boss migrations do).
    const results = await client.exec(text);
    const last = results[results.length - 1];
    return { rows: (last?.rows ?? []) as Record<string, unknown>[], rowCount: last?.affectedRows ?? null };
  };
  return {
    kind: "pglite",
    db,
    executeSql,
    withExclusiveClient: (fn) => fn(executeSql, db),
    close: () => client.close(),
    observeQueries: observers.observe,
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  await pool.query("select 1");
  const observers = queryObservers();
  const db = drizzleNodePg(pool, { logger: observers.logger }) as unknown as Db;
  const executeSql: ExecuteSql = async (text, values) => {
    observers.notify(text, values);
    const r = await pool.query(text, values as unknown[] | undefined);
    return { rows: r.rows, rowCount: r.rowCount };
  };
  return {
    kind: "postgres",
    db,
    executeSql,
    withExclusiveClient: async (fn) => {
      const client = await pool.connect();
      try {
        const exec: ExecuteSql = async (text, values) => {
          observers.notify(text, values);
          const r = await client.query(text, values as unknown[] | undefined);
          return { rows: r.rows, rowCount: r.rowCount };
        };
        return await fn(exec, drizzleNodePg(client, { logger: observers.logger }) as unknown as Db);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    observeQueries: observers.observe,
  };
}
