import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization } from "../../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../../test-support/test-db.js";
import { fixedClock } from "../../../../kernel/clock.js";
import { START } from "./batch-writer.js";
import { runImportJob } from "./import-jobs.js";
import { readCsv } from "./read-csv.js";
import { importClients } from "./service.js";

type Person = { cookie: string; userId: string; email: string };
const csvOf = (rows: string[][]) => rows.map((r) => r.join(",")).join("\n");
const HEADER = ["External ID", "Company", "Segment", "ARR"];
const rowsOf = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => [`${prefix}-${i}`, `${prefix} client ${i}`, "SMB", "100"]);

describe.each(TEST_ENGINES)("large CSV imports as jobs on %s", (engine) => {
  const clock = fixedClock(new Date("2026-11-23T10:00:00Z"));
  let t: TestApp;
  let orgId: string;
  let csm: Person;
  const get = (url: string, cookie = csm.cookie, org = orgId) =>
    t.app.inject({ method: "GET", url: `/api/organizations/${org}${url}`, headers: { cookie } });
  const upload = (path: string, csv: string, query: Record<string, string> = {}) =>
    t.app.inject({
      method: "POST",
      url: `/api/organizations/${orgId}${path}?${new URLSearchParams(query)}`,
      payload: csv,
      headers: { cookie: csm.cookie, "content-type": "text/csv" },
    });
  const clientCount = async () =>
    (
      await t.app.inject({
        method: "POST",
        url: `/api/organizations/${orgId}/segments/preview`,
        payload: { filter: {} },
        headers: { cookie: csm.cookie },
      })
    ).json().count as number;

  const clientsOf = async (prefix: string) =>
    (
      (await t.ctx.database.db.execute(
        sql`select name, external_id from clients where org_id = ${orgId} and name like ${`${prefix} %`}`,
      )) as unknown as { rows: { name: string; external_id: string | null }[] }
    ).rows;

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 400 });
    const org = await buildOrganization(t.ctx, "Big Import Co");
    orgId = org.orgId;
    csm = await buildMember(t.ctx, orgId, "member");
  });
  afterAll(async () => t?.close());

  it("answers 202 with a queued job; the job checks every row, writes nothing on a dry run, and reports", async () => {
    const res = await upload("/clients/import", csvOf([HEADER, ...rowsOf("D", 1500)]), { dryRun: "true" });
    expect(res.statusCode).toBe(202);
    const job = res.json();
    expect(job).toMatchObject({ status: "queued", totalRows: 1500, processedRows: 0, percent: 0, report: null });
    expect(await t.ctx.jobs.drain()).toBeGreaterThan(0);
    const done = (await get(`/imports/${job.id}`)).json();
    expect(done).toMatchObject({ status: "done", percent: 100, processedRows: 1500, failure: null });
    expect(done.report).toMatchObject({ outcome: "dry_run", totalRows: 1500, created: 1500, invalidRows: 0 });
    expect(await clientCount()).toBe(0);
  });

  it("all_or_nothing: one bad row near the end of a large file rejects it all and saves nothing", async () => {
    const rows = rowsOf("A", 1400);
    rows[1390] = ["A-1390", "Bad money", "SMB", "lots"];
    const res = await upload("/clients/import", csvOf([HEADER, ...rows]), { mode: "all_or_nothing" });
    expect(res.statusCode).toBe(202);
    await t.ctx.jobs.drain();
    const done = (await get(`/imports/${res.json().id}`)).json();
    expect(done.report).toMatchObject({ outcome: "rejected", invalidRows: 1, created: 0 });
    expect(done.report.errors).toEqual([
      { row: 1392, column: "ARR", reason: '"lots" is not an amount (e.g. 12500.00)' },
    ]);
    expect(await clientCount()).toBe(0);
  });

  it("imports a large file once: a second run of the same job finds it done and writes nothing twice", async () => {
    const res = await upload("/clients/import", csvOf([HEADER, ...rowsOf("I", 1200)]));
    expect(res.statusCode).toBe(202);
    await t.ctx.jobs.drain();
    const done = (await get(`/imports/${res.json().id}`)).json();
    expect(done).toMatchObject({ status: "done", percent: 100 });
    expect(done.report).toMatchObject({ outcome: "imported", created: 1200 });
    expect(await clientCount()).toBe(1200);
    await runImportJob(t.ctx, res.json().id, 0);
    expect(await clientCount()).toBe(1200);
    expect((await get(`/imports/${res.json().id}`)).json().report).toEqual(done.report);
  });

  it("checks every row first, then writes batches, each committing its checkpoint (the report with the last)", async () => {
    const seen: string[] = [];
    const table = readCsv(csvOf([HEADER, ...rowsOf("P", 2100)]));
    const report = await importClients(
      t.ctx,
      orgId,
      table,
      { mode: "valid_rows_only", dryRun: false, dateOrder: "mdy" },
      {
        phase: async (status, processed) => void seen.push(`${status} ${processed}`),
        batching: { rows: 500, budgetMs: Number.POSITIVE_INFINITY, pauseMs: 0 },
        from: START,
        checkpoint: async (_tx, reached, processed, r) =>
          void seen.push(
            `batch to row ${reached.row}: ${processed} rows, ${reached.tally.created} created${r ? `, report ${r.outcome} ${r.created}` : ""}`,
          ),
        finish: async () => void seen.push("finish"),
      },
    );
    expect(report).toMatchObject({ outcome: "imported", created: 2100 });
    expect(seen).toEqual([
      "validating 1000",
      "validating 2000",
      "validating 2100",
      "batch to row 501: 500 rows, 500 created",
      "batch to row 1001: 1000 rows, 1000 created",
      "batch to row 1501: 1500 rows, 1500 created",
      "batch to row 2001: 2000 rows, 2000 created",
      "batch to row 2101: 2100 rows, 2100 created, report imported 2100",
    ]);
  });

  it("a run that dies while writing keeps its committed batches; the next run resumes and writes each row once", async () => {
    const rows = rowsOf("R", 1500);
    rows[10] = ["", "R no external id", "SMB", "100"]; // matched by nothing: only the checkpoint keeps it single
    const res = await upload("/clients/import", csvOf([HEADER, ...rows]));
    const id = res.json().id as string;
    // The database refuses the batch that would pass row 701, as a crash in the middle of writing would end it.
    await t.ctx.database.db.execute(
      sql.raw(`create function pulse_test_die() returns trigger language plpgsql as $$
        begin if new.written_to_row > 701 then raise exception 'worker died'; end if; return new; end $$`),
    );
    await t.ctx.database.db.execute(
      sql.raw(
        "create trigger pulse_test_die before update on import_jobs for each row execute function pulse_test_die()",
      ),
    );
    const died = await runImportJob(t.ctx, id, 0).then(
      () => "finished",
      (error: Error) => String(error.cause ?? error),
    );
    expect(died).toMatch(/worker died/);
    const cut = (await get(`/imports/${id}`)).json();
    expect(cut).toMatchObject({ status: "writing", report: null, failure: null });
    expect(cut.percent).toBeGreaterThan(50);
    expect(cut.percent).toBeLessThan(100);
    const committed = await clientsOf("R");
    expect(committed.length).toBe(cut.processedRows);
    expect(committed.length).toBeGreaterThan(0);

    await t.ctx.database.db.execute(sql.raw("drop trigger pulse_test_die on import_jobs"));
    await runImportJob(t.ctx, id, 1);
    const done = (await get(`/imports/${id}`)).json();
    expect(done).toMatchObject({ status: "done", percent: 100, processedRows: 1500 });
    expect(done.report).toMatchObject({ outcome: "imported", created: 1500, updated: 0, unchanged: 0, errors: [] });
    const all = await clientsOf("R");
    expect(all.length).toBe(1500);
    expect(new Set(all.map((c) => c.name)).size).toBe(1500);
  });

  it("a file the job cannot read fails with the reason and saves nothing; others never see the import", async () => {
    // Valid when queued; the stored file is then made unreadable to show a failure is reported, not retried forever.
    const res = await upload("/clients/import", csvOf([HEADER, ...rowsOf("F", 1100)]));
    const id = res.json().id as string;
    await t.ctx.database.db.execute(sql`update import_jobs set csv = '' where id = ${id}`);
    await t.ctx.jobs.drain();
    const failed = (await get(`/imports/${id}`)).json();
    expect(failed).toMatchObject({ status: "failed", report: null });
    expect(failed.failure).toMatch(/empty/);
    expect(await clientCount()).toBe(4800);

    const other = await buildOrganization(t.ctx, "Other Co");
    expect((await get(`/imports/${id}`, other.owner.cookie)).statusCode).toBe(404);
    expect((await get(`/imports/${id}`, other.owner.cookie, other.orgId)).statusCode).toBe(404);
  });
});
