import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, buildOrganization } from "../../../../../test-support/factories.js";
import { TEST_APP_URL } from "../../../../../test-support/test-app.js";
import { createTestDatabase } from "../../../../../test-support/test-db.js";
import type { Db } from "../../../../platform/db/database.js";
import { startRuntime } from "../../../../runtime.js";
import { startImport } from "./import-jobs.js";

/**
 * kill -9 in the middle of writing a large import, on PostgreSQL: the server process (src/main.ts) dies
 * with batches committed; its job's heartbeat stops, so a new process picks the job up within a minute
 * (not after pg-boss's 15-minute expiry) and resumes after the last committed batch.
 */
const ROWS = 4000;
const quietLog = { info: () => {}, error: () => {} };

const freePort = async () => {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  return port;
};

function startServer(databaseUrl: string, port: number): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PULSE_DEMO: "false",
      JOBS: "true",
      LOG_LEVEL: "error",
      CONTENT_DIR: "src/features/academy/catalog/fixtures",
    },
  });
  return child;
}

async function jobState(db: Db, id: string) {
  const { rows } = (await db.execute(
    sql`select status, written_to_row, report from import_jobs where id = ${id}`,
  )) as unknown as { rows: { status: string; written_to_row: number; report: Record<string, unknown> | null }[] };
  return rows[0] as { status: string; written_to_row: number; report: Record<string, unknown> | null };
}

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("a large import across kill -9 (postgres)", () => {
  it("is picked up again within a minute and finishes with every row exactly once", async () => {
    const testDb = await createTestDatabase("postgres");
    const runtime = await startRuntime({
      database: testDb.database,
      log: quietLog,
      transport: null,
      config: {
        appUrl: TEST_APP_URL,
        mailFrom: "Pulse <no-reply@pulse.test>",
        dataDir: "memory://",
        sessionTtlHours: 24,
        loginMaxFailuresPerEmail: 5,
        loginFailureWindowMinutes: 15,
      },
    });
    const children: ChildProcess[] = [];
    try {
      const { ctx } = runtime;
      const { db } = ctx.database;
      const org = await buildOrganization(ctx, "Restart Co");
      const csm = await buildMember(ctx, org.orgId, "member");
      const lines = ["External ID,Company,Segment,ARR"];
      for (let i = 0; i < ROWS; i++) lines.push(`K-${i},Kill ${i},SMB,${100 + i}.00`);
      lines.splice(5, 0, ",Kill without external id,SMB,1.00"); // matched by nothing: only the checkpoint keeps it single
      const started = await startImport(ctx, csm.userId, org.orgId, "clients", lines.join("\n"), {
        mode: "all_or_nothing",
        dryRun: false,
        dateOrder: "mdy",
      });
      if (!("job" in started)) throw new Error("expected a job");
      const id = started.job.id;

      const first = startServer(testDb.url as string, await freePort());
      children.push(first);
      const cut = await waitFor(
        "a committed batch",
        () => jobState(db, id),
        (s) => s.written_to_row > 300,
        180_000,
      );
      first.kill("SIGKILL");
      await once(first, "exit");
      const killedAt = Date.now();
      const atKill = await jobState(db, id);
      expect(atKill.status).toBe("writing");
      expect(atKill.written_to_row).toBeGreaterThanOrEqual(cut.written_to_row);
      expect(atKill.written_to_row).toBeLessThan(ROWS + 2);

      const second = startServer(testDb.url as string, await freePort());
      children.push(second);
      await waitFor(
        "the import to resume",
        () => jobState(db, id),
        (s) => s.written_to_row > atKill.written_to_row,
        90_000,
      );
      const resumedAfterMs = Date.now() - killedAt;
      console.info(`import resumed ${resumedAfterMs} ms after kill -9 (committed up to row ${atKill.written_to_row})`);
      expect(resumedAfterMs).toBeLessThan(60_000);
      const done = await waitFor(
        "the import to finish",
        () => jobState(db, id),
        (s) => s.status === "done",
        300_000,
      );
      expect(done.report).toMatchObject({ outcome: "imported", created: ROWS + 1, updated: 0, unchanged: 0 });

      const { rows } = (await db.execute(sql`
        select count(*)::int as clients, count(distinct name)::int as names,
          (select count(*)::int from client_versions v where v.org_id = ${org.orgId}) as versions
        from clients where org_id = ${org.orgId}`)) as unknown as {
        rows: { clients: number; names: number; versions: number }[];
      };
      expect(rows[0]).toEqual({ clients: ROWS + 1, names: ROWS + 1, versions: ROWS + 1 });
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
      await runtime.close();
      await testDb.drop();
    }
  }, 600_000);
});
