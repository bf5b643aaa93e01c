import { describe, expect, it } from "vitest";
import { createTestDatabase, joinTestDatabase } from "../../../test-support/test-db.js";
import { migrateDatabase } from "./migrate.js";

const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

onPostgres("migrateDatabase on PostgreSQL", () => {
  it("lets three processes migrate one empty database at once: each migration is applied exactly once", async () => {
    const first = await createTestDatabase("postgres");
    const url = first.url as string;
    const others = await Promise.all([joinTestDatabase(url), joinTestDatabase(url)]);
    try {
      await Promise.all([first, ...others].map((handle) => migrateDatabase(handle.database)));
      const applied = await first.database.executeSql(
        "select count(*)::int as n, count(distinct hash)::int as distinct_hashes from drizzle.__drizzle_migrations",
      );
      const row = applied.rows[0] as { n: number; distinct_hashes: number };
      expect(row.n).toBeGreaterThan(20);
      expect(row.distinct_hashes).toBe(row.n);
      await migrateDatabase(first.database); // a later start finds nothing to do
      const again = await first.database.executeSql("select count(*)::int as n from drizzle.__drizzle_migrations");
      expect((again.rows[0] as { n: number }).n).toBe(row.n);
      // No session-level advisory lock is left behind (the lock is the row, for the transaction only).
      const locks = await first.database.executeSql(
        "select count(*)::int as n from pg_locks where locktype = 'advisory'",
      );
      expect((locks.rows[0] as { n: number }).n).toBe(0);
    } finally {
      for (const other of others) await other.drop();
      await first.drop();
    }
  }, 120_000);
});
