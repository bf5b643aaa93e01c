import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from "../../test-support/test-db.js";
import { seedDemo } from "../features/demo/seed.js";
import type { Database } from "../platform/db/database.js";
import { migrateDatabase } from "../platform/db/migrate.js";
import { startRuntime } from "../runtime.js";
import { backupDatabase } from "./backup.js";
import { restoreDatabase } from "./restore.js";
import { listTables, qualifiedTable } from "./table-catalog.js";

const quietLog = { info: () => {}, error: () => {} };
// The demo data is some 150,000 rows (3,000 clients with two years of pulses): seeding, backing up and
// restoring it takes tens of seconds, more on a busy machine.
const SLOW_MS = 300_000;

// Not a Pulse table: it exercises what Pulse's tables do not have yet (types, rows referring forward to
// rows of the same table, a table without primary key), created on both sides like a migration would.
const EXTRA_TABLES = `
  create table public.cli_test_tree (
    id integer primary key generated always as identity,
    parent_id integer references public.cli_test_tree (id),
    data bytea, tags text[], meta jsonb, amount numeric(20, 4), big bigint, day date, at timestamp,
    doubled integer generated always as (id * 2) stored
  );
  create table public.cli_test_log (message text, n serial);
`;

async function seedSource(database: Database): Promise<void> {
  const runtime = await startRuntime({
    database,
    log: quietLog,
    transport: null,
    config: {
      appUrl: "http://pulse.test",
      mailFrom: "Pulse <no-reply@pulse.test>",
      dataDir: "memory://",
      sessionTtlHours: 24,
      loginMaxFailuresPerEmail: 5,
      loginFailureWindowMinutes: 15,
    },
  });
  // A small demo organization keeps the test quick; the format is the same at any size.
  await seedDemo(runtime.ctx, { clients: 150 });
  await runtime.close();
  await database.executeSql(EXTRA_TABLES);
  // More rows than one batch, so paging and staging run several rounds.
  await database.executeSql(
    "insert into login_failures (email, ip, at) select 'x' || g || '@demo.pulse', null, now() - g * interval '1 minute' from generate_series(1, 2600) g",
  );
  await database.executeSql(`
    insert into public.cli_test_tree (id, parent_id, data, tags, meta, amount, big, day, at) overriding system value values
      (1, 3, '\\x00ff10'::bytea, array['a', 'b "quoted"', null], '{"k": [1, 2.5, null, "é"]}', 12345678901234.5678, 9007199254740993, '2024-02-29', '2024-01-01 10:00:00.123456'),
      (2, null, null, '{}', 'null', -0.0001, null, null, null),
      (3, 2, '', null, '"text"', null, -9223372036854775808, '0001-01-01', 'infinity');
    insert into public.cli_test_log (message) select 'line ' || g from generate_series(1, 1500) g;
  `);
}

async function prepareTarget(engine: Database["kind"]): Promise<TestDatabase> {
  const target = await createTestDatabase(engine);
  await migrateDatabase(target.database);
  await target.database.executeSql(EXTRA_TABLES);
  return target;
}

/**
 * Each table's row count and a digest of its rows as sorted JSON texts, computed by the server (the demo
 * data is large); read in UTC and sorted by bytes so both engines produce the same text.
 */
async function contents(database: Database): Promise<Record<string, string>> {
  return database.withExclusiveClient(async (executeSql) => {
    await executeSql("set timezone to 'UTC'");
    const result: Record<string, string> = {};
    for (const table of await listTables(executeSql)) {
      const rows = await executeSql(
        `select count(*)::int as n, md5(coalesce(string_agg(r, E'\\n' order by r collate "C"), '')) as digest
           from (select to_jsonb(t)::text as r from ${qualifiedTable(table.name)} t) x`,
        [],
      );
      result[table.name] = `${rows.rows[0]?.n} rows, md5 ${rows.rows[0]?.digest}`;
    }
    return result;
  });
}

describe("pulse backup and restore", () => {
  let dir: string;
  let source: TestDatabase;
  let file: string;
  let expected: Record<string, string>;
  let backedUp: Record<string, number>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pulse-cli-"));
    file = join(dir, "pulse.backup.gz");
    source = await createTestDatabase("pglite");
    await migrateDatabase(source.database);
    await seedSource(source.database);
    expected = await contents(source.database);
    const summary = await backupDatabase(source.database, file, { batchSize: 1000 });
    backedUp = Object.fromEntries(summary.tables.map((t) => [t.name, t.rows]));
  }, SLOW_MS);

  afterAll(async () => {
    await source?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("backs up every row of every data table", () => {
    expect(backedUp).toEqual(
      Object.fromEntries(Object.entries(expected).map(([name, digest]) => [name, Number.parseInt(digest, 10)])),
    );
    expect(backedUp.users).toBeGreaterThan(0);
    expect(backedUp.login_failures).toBe(2600);
    expect(backedUp.cli_test_tree).toBe(3);
  });

  /** Restores into a fresh database of that engine, checks rows and sequences; returns it for more checks. */
  async function restoreAndCheck(engine: Database["kind"], backup: string): Promise<TestDatabase> {
    const target = await prepareTarget(engine);
    try {
      const summary = await restoreDatabase(target.database, backup, { batchSize: 700 });
      expect(summary.replaced).toEqual([]);
      expect(await contents(target.database)).toEqual(expected);
      return target;
    } catch (error) {
      await target.drop();
      throw error;
    }
  }

  /** Sequences moved past the restored ids: the next row gets a fresh one. */
  async function expectFreshIds(database: Database): Promise<void> {
    const next = await database.executeSql(
      "insert into login_failures (email, at) values ('new@demo.pulse', now()) returning id",
      [],
    );
    expect(Number(next.rows[0]?.id)).toBe(2601);
    const tree = await database.executeSql(
      "insert into cli_test_tree (parent_id) values (1) returning id, doubled",
      [],
    );
    expect(tree.rows[0]).toMatchObject({ id: 4, doubled: 8 });
  }

  it(
    "restores a PGlite backup into a fresh PGlite database with identical rows",
    async () => {
      const target = await restoreAndCheck("pglite", file);
      try {
        await expectFreshIds(target.database);
      } finally {
        await target.drop();
      }
    },
    SLOW_MS,
  );

  it.runIf(TEST_ENGINES.includes("postgres"))(
    "restores it into PostgreSQL with identical rows, and PostgreSQL's backup back into PGlite",
    async () => {
      const server = await restoreAndCheck("postgres", file);
      try {
        const second = join(dir, "from-postgres.backup.gz");
        await backupDatabase(server.database, second, { batchSize: 500 });
        await expectFreshIds(server.database);
        const last = await restoreAndCheck("pglite", second);
        await last.drop();
      } finally {
        await server.drop();
      }
    },
    SLOW_MS,
  );
});
