import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization } from "../../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../../test-support/test-db.js";
import { fixedClock } from "../../../../kernel/clock.js";

type Person = { cookie: string; userId: string; email: string };
const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
const csvOf = (rows: string[][]) => rows.map((r) => r.map(cell).join(",")).join("\n");
const HEADER = ["External ID", "Company", "Segment", "CSM email", "ARR", "Next renewal", "Tags"];

describe.each(TEST_ENGINES)("client CSV import on %s", (engine) => {
  const clock = fixedClock(new Date("2026-11-23T10:00:00Z"));
  let t: TestApp;
  let orgId: string;
  let csm: Person;
  const api = (method: "GET" | "POST" | "PATCH", url: string, body?: object) =>
    t.app.inject({ method, url: `/api/organizations/${orgId}${url}`, payload: body, headers: { cookie: csm.cookie } });
  const upload = (path: string, csv: string, query: Record<string, string> = {}, cookie = csm.cookie, org = orgId) =>
    t.app.inject({
      method: "POST",
      url: `/api/organizations/${org}${path}?${new URLSearchParams(query)}`,
      payload: csv,
      headers: { cookie, "content-type": "text/csv" },
    });
  const clients = async () =>
    (await api("GET", "/clients?includeArchived=true&limit=500")).json().clients as {
      id: string;
      name: string;
      externalId: string | null;
      arrMinor: number;
      tags: string[];
      clientType: string;
      assignedCsmId: string | null;
      nextRenewalDate: string | null;
    }[];
  const byExternalId = async (externalId: string) => (await clients()).find((c) => c.externalId === externalId);

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 400 });
    const org = await buildOrganization(t.ctx, "Import Co");
    orgId = org.orgId;
    csm = await buildMember(t.ctx, orgId, "member");
    const saved = await api("POST", "/clients", { name: "Already here", externalId: "K-0", arrMinor: 7_00 });
    expect(saved.statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  it("dry-runs a file: maps columns by header, reports what would happen, writes nothing", async () => {
    const csv = csvOf([HEADER, ["C-1", "Initech", "Enterprise", csm.email, "12,500.00", "2027-02-15", "emea;beta"]]);
    const before = await clients();
    const res = await upload("/clients/import", csv, { dryRun: "true" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      outcome: "dry_run",
      totalRows: 1,
      validRows: 1,
      created: 1,
      updated: 0,
      errors: [],
      columns: [
        { column: "External ID", field: "externalId" },
        { column: "Company", field: "name" },
        { column: "Segment", field: "clientType" },
        { column: "CSM email", field: "csmEmail" },
        { column: "ARR", field: "arr" },
        { column: "Next renewal", field: "nextRenewalDate" },
        { column: "Tags", field: "tags" },
      ],
    });
    expect(await clients()).toEqual(before);
  });

  it("all_or_nothing: reports every bad row by row, column and reason, and saves nothing", async () => {
    const csv = csvOf([
      HEADER,
      ["N-1", "Good One", "Enterprise", csm.email, "1000", "2027-01-01", ""],
      ["N-2", "Bad Money", "SMB", "", "lots", "2027-01-01", ""],
      ["N-3", "", "SMB", "stranger@example.test", "5", "someday", ""],
      ["N-1", "Dup", "SMB", "", "5", "", ""],
    ]);
    const before = await clients();
    const res = await upload("/clients/import", csv, { mode: "all_or_nothing" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: "rejected", totalRows: 4, validRows: 1, invalidRows: 3, created: 0 });
    expect(res.json().errors).toEqual([
      { row: 3, column: "ARR", reason: '"lots" is not an amount (e.g. 12500.00)' },
      { row: 4, column: "CSM email", reason: '"stranger@example.test" is not a member of this organization' },
      { row: 4, column: "Next renewal", reason: '"someday" is not a date (use YYYY-MM-DD)' },
      { row: 4, column: "Company", reason: "is required to create a client" },
      { row: 5, column: "External ID", reason: '"N-1" appears again (first in row 2)' },
    ]);
    expect(await clients()).toEqual(before);
  });

  it("valid_rows_only: saves the valid rows, reports the rest, and keeps what was already saved", async () => {
    const csv = csvOf([
      HEADER,
      ["V-1", "Valid One", "Enterprise", csm.email, "1,000.50", "Jan 31, 2027", "emea; apac"],
      ["V-2", "Negative ARR", "SMB", "", "-5", "", ""],
      ["V-3", "Valid Two", "", "", "", "", ""],
    ]);
    const res = await upload("/clients/import", csv, { mode: "valid_rows_only" });
    expect(res.json()).toMatchObject({ outcome: "imported", validRows: 2, invalidRows: 1, created: 2 });
    expect(res.json().errors).toEqual([{ row: 3, column: "ARR", reason: "cannot be negative" }]);
    expect(await byExternalId("V-1")).toMatchObject({
      name: "Valid One",
      arrMinor: 100_050,
      assignedCsmId: csm.userId,
      nextRenewalDate: "2027-01-31",
      tags: ["emea", "apac"],
    });
    expect(await byExternalId("V-2")).toBeUndefined();
    expect(await byExternalId("K-0")).toMatchObject({ name: "Already here", arrMinor: 7_00 });
  });

  it("re-imports by external id: updates instead of duplicating and dates a new version when ARR changes", async () => {
    const first = csvOf([HEADER, ["R-1", "Re Corp", "Enterprise", csm.email, "10000", "2027-03-01", "vip"]]);
    expect((await upload("/clients/import", first)).json()).toMatchObject({ outcome: "imported", created: 1 });
    const id = (await byExternalId("R-1"))?.id as string;

    clock.advance(86_400_000);
    // Only two columns: the fields the file does not carry keep their values.
    const second = "external id;ARR\nR-1;15000\n";
    const res = await upload("/clients/import", second);
    expect(res.json()).toMatchObject({ outcome: "imported", created: 0, updated: 1 });
    expect(await byExternalId("R-1")).toMatchObject({
      name: "Re Corp",
      arrMinor: 1_500_000,
      clientType: "Enterprise",
      assignedCsmId: csm.userId,
      nextRenewalDate: "2027-03-01",
      tags: ["vip"],
    });
    expect((await clients()).filter((c) => c.externalId === "R-1")).toHaveLength(1);
    const history = (await api("GET", `/clients/${id}/history`)).json().versions;
    expect(history.map((v: { validFrom: string; arrMinor: number }) => [v.validFrom, v.arrMinor])).toEqual([
      ["2026-11-23", 1_000_000],
      ["2026-11-24", 1_500_000],
    ]);

    const again = await upload("/clients/import", second);
    expect(again.json()).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await api("GET", `/clients/${id}/history`)).json().versions).toHaveLength(2);
  });

  it("follows an explicit mapping, and refuses one that does not fit the file", async () => {
    const csv = "Ref,Title,Money\nM-1,Mapped Ltd,250\n";
    const mapping = JSON.stringify({ Ref: "externalId", Title: "name", Money: "mrr" });
    const res = await upload("/clients/import", csv, { mapping });
    expect(res.json()).toMatchObject({ outcome: "imported", created: 1 });
    expect(await byExternalId("M-1")).toMatchObject({ name: "Mapped Ltd" });
    const wrong = await upload("/clients/import", csv, { mapping: JSON.stringify({ Nope: "name" }) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ "mapping.Nope": "is not a column of the file" });
    const unusable = await upload("/clients/import", "Colour\nred\n");
    expect(unusable.statusCode).toBe(400);
    expect(unusable.json().error.fields).toEqual({ mapping: "needs a name or externalId column" });
    const notCsv = await t.app.inject({
      method: "POST",
      url: `/api/organizations/${orgId}/clients/import`,
      payload: { csv: "x" },
      headers: { cookie: csm.cookie },
    });
    expect(notCsv.statusCode).toBe(400);
  });

  it("accepts files above the app's 1 MiB default; more rows than one file may hold are refused", async () => {
    // A column the import does not know ("Notes") is ignored, like any unmapped column.
    const notes = "n".repeat(6000);
    const rows = Array.from({ length: 200 }, (_, i) => [`B-${i}`, `Bulk ${i}`, "SMB", "", "1", "", "", notes]);
    const big = csvOf([[...HEADER, "Notes"], ...rows]);
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const res = await upload("/clients/import", big, { dryRun: "true" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ totalRows: 200, created: 200 });
    const tooMany = `name\n${"x\n".repeat(100_001)}`;
    const refused = await upload("/clients/import", tooMany, { dryRun: "true" });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toEqual({ file: "has more than 100000 rows" });
  });

  it("imports usage figures by client external id and week, replacing a figure given again", async () => {
    const weeks = Array.from({ length: 12 }, (_, i) =>
      new Date(Date.UTC(2026, 8, 7 + 7 * i)).toISOString().slice(0, 10),
    );
    const rows = weeks.map((w, i) => ["R-1", "weekly_active_users", w, String(i < 8 ? 100 : 150)]);
    const csv = csvOf([
      ["client external id", "metric", "week start", "value"],
      ...rows,
      ["NOPE", "x", "2026-01-05", "1"],
    ]);
    const res = await upload("/usage-figures/import", csv, { mode: "valid_rows_only" });
    expect(res.json()).toMatchObject({ outcome: "imported", created: 12, invalidRows: 1 });
    expect(res.json().errors).toEqual([
      { row: 14, column: "client external id", reason: 'no client has the external id "NOPE"' },
    ]);
    const again = await upload(
      "/usage-figures/import",
      csvOf([
        ["externalId", "metric", "week", "value"],
        ["R-1", "weekly_active_users", weeks[11] as string, "300"],
      ]),
    );
    expect(again.json()).toMatchObject({ updated: 1, created: 0 });
    // The score was refreshed with the usage trend, so the segment filter by usage finds the client.
    const growing = await api("POST", "/segments/preview", { filter: { usageTrends: ["growing"] } });
    expect(growing.json().clients.map((c: { name: string }) => c.name)).toEqual(["Re Corp"]);
  });

  it("imports only into the caller's organization", async () => {
    const other = await buildOrganization(t.ctx, "Other Co");
    const csv = csvOf([HEADER, ["K-0", "Overwrite attempt", "", "", "99", "", ""]]);
    expect((await upload("/clients/import", csv, {}, other.owner.cookie)).statusCode).toBe(404);
    const theirs = await upload("/clients/import", csv, {}, other.owner.cookie, other.orgId);
    expect(theirs.json()).toMatchObject({ created: 1, updated: 0 });
    expect(await byExternalId("K-0")).toMatchObject({ name: "Already here", arrMinor: 7_00 });
    const usage = await upload(
      "/usage-figures/import",
      "externalId,metric,week,value\nR-1,wau,2026-11-16,5\n",
      {},
      other.owner.cookie,
      other.orgId,
    );
    expect(usage.json().errors[0].reason).toBe('no client has the external id "R-1"');
  });
});
