import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";
import type { SegmentFilter } from "./contract.js";

type Method = "GET" | "POST" | "PATCH" | "DELETE";
type Person = { cookie: string; userId: string };
const DAY = 86_400_000;

describe.each(TEST_ENGINES)("segments and exports on %s", (engine) => {
  // 23 Nov 2026: this quarter is Q4 2026, next quarter (and "Q1") is Jan-Mar 2027.
  const clock = fixedClock(new Date("2026-11-23T10:00:00Z"));
  let t: TestApp;
  let orgId: string;
  let owner: Person;
  let csm: Person;
  let colleague: Person;
  let admin: Person;
  const ids: Record<string, string> = {};
  const call = (method: Method, url: string, who: Person, body?: object, org = orgId) =>
    t.app.inject({ method, url: `/api/organizations/${org}${url}`, payload: body, headers: { cookie: who.cookie } });
  const preview = async (filter: SegmentFilter, who: Person = csm) => {
    const res = await call("POST", "/segments/preview", who, { filter, limit: 100 });
    expect(res.statusCode).toBe(200);
    return res.json() as { count: number; clients: { name: string }[]; totals: Record<string, number> };
  };
  // Sorted here: the database's collation decides where "=cmd" sorts, and order is not the point.
  const names = async (filter: SegmentFilter) => (await preview(filter)).clients.map((c) => c.name).sort();

  async function client(body: object, pulse?: { level: string; daysAgo?: number; reasons?: string[] }) {
    const created = await call("POST", "/clients", csm, body);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    if (pulse) {
      const codes = (await call("GET", "/reason-codes", csm)).json().reasonCodes as { id: string; code: string }[];
      const res = await call("POST", `/clients/${id}/pulses`, csm, {
        level: pulse.level,
        effectiveAt: new Date(clock.now().getTime() - (pulse.daysAgo ?? 0) * DAY).toISOString(),
        reasonCodeIds: (pulse.reasons ?? []).map((code) => codes.find((c) => c.code === code)?.id),
      });
      expect(res.statusCode).toBe(201);
    }
    return id;
  }

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 400 });
    const org = await buildOrganization(t.ctx, "Segment Co");
    orgId = org.orgId;
    owner = org.owner;
    csm = await buildMember(t.ctx, orgId, "member");
    colleague = await buildMember(t.ctx, orgId, "member");
    admin = await buildMember(t.ctx, orgId, "admin");
    ids.acme = await client(
      {
        name: "Acme",
        externalId: "A-1",
        clientType: "Enterprise",
        assignedCsmId: csm.userId,
        arrMinor: 100_000_00,
        mrrMinor: 8_333_33,
        nextRenewalDate: "2027-02-15",
        tags: ["emea"],
      },
      { level: "severe_risk", reasons: ["budget_cuts"] },
    );
    ids.beta = await client(
      { name: "Beta", clientType: "Enterprise", arrMinor: 50_000_00, nextRenewalDate: "2026-12-15" },
      { level: "severe_risk" },
    );
    ids.gamma = await client(
      {
        name: "Gamma",
        clientType: "Mid-market",
        assignedCsmId: csm.userId,
        arrMinor: 20_000_00,
        nextRenewalDate: "2027-03-01",
      },
      { level: "satisfied", daysAgo: 40 },
    );
    ids.delta = await client({ name: "Delta", clientType: "SMB", tags: ["beta", "apac"] });
    ids.cmd = await client(
      { name: "=cmd|' /C calc'!A0", arrMinor: 1_50, currency: "EUR", nextRenewalDate: "2027-01-10" },
      { level: "severe_risk", reasons: ["champion_left"] },
    );
    ids.archived = await client({ name: "Archived Inc", nextRenewalDate: "2027-02-01" }, { level: "severe_risk" });
    expect((await call("POST", `/clients/${ids.archived}/archive`, owner)).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  it("keeps every client that is not archived for an empty filter, with count and ARR totals", async () => {
    const all = await preview({});
    expect(all.count).toBe(5);
    expect(all.totals).toMatchObject({ currency: "USD", arrMinor: 170_000_00, mrrMinor: 8_333_33 });
    expect((await call("POST", "/segments/preview", csm, { filter: {} })).json().byCurrency).toEqual([
      { currency: "USD", count: 4, arrMinor: 170_000_00, mrrMinor: 8_333_33, acvMinor: 0 },
      { currency: "EUR", count: 1, arrMinor: 1_50, mrrMinor: 0, acvMinor: 0 },
    ]);
    expect((await preview({ archived: "only" })).clients.map((c) => c.name)).toEqual(["Archived Inc"]);
  });

  it("finds clients by pulse, renewal quarter, reasons, score, staleness and client fields", async () => {
    expect(await names({ levels: ["severe_risk"], renewalQuarter: "next_quarter" })).toEqual([
      "=cmd|' /C calc'!A0",
      "Acme",
    ]);
    // In November, "Q1" is next year's first quarter; Q4 is the current one.
    expect(await names({ levels: ["severe_risk"], renewalQuarter: "Q1" })).toEqual(["=cmd|' /C calc'!A0", "Acme"]);
    expect(await names({ renewalQuarter: "Q4" })).toEqual(["Beta"]);
    expect(await names({ renewalWithinDays: 30 })).toEqual(["Beta"]);
    expect(await names({ pulseNotSetDays: 30 })).toEqual(["Delta", "Gamma"]);
    expect(await names({ reasonCodeIds: await reasonIds(["budget_cuts", "layoffs"]) })).toEqual(["Acme"]);
    expect(await names({ scoreMin: 50 })).toEqual(["Gamma"]);
    expect(await names({ scoreMax: 10, levels: ["severe_risk", "none"] })).toEqual([
      "=cmd|' /C calc'!A0",
      "Acme",
      "Beta",
    ]);
    expect(await names({ levels: ["none"] })).toEqual(["Delta"]);
    expect(await names({ assignedTo: ["unassigned"], clientTypes: ["Enterprise", "SMB"] })).toEqual(["Beta", "Delta"]);
    expect(await names({ assignedTo: [csm.userId] })).toEqual(["Acme", "Gamma"]);
    expect(await names({ tags: ["apac", "emea"] })).toEqual(["Acme", "Delta"]);
    expect(await names({ arrMin: 20_000_00, arrMax: 50_000_00 })).toEqual(["Beta", "Gamma"]);
    expect(await names({ q: "CM" })).toEqual(["=cmd|' /C calc'!A0", "Acme"]);
    expect(await names({ q: "apac" })).toEqual(["Delta"]);
    expect(await names({ usageTrends: ["no_data"], levels: ["satisfied"] })).toEqual(["Gamma"]);
  });

  async function reasonIds(codes: string[]) {
    const all = (await call("GET", "/reason-codes", csm)).json().reasonCodes as { id: string; code: string }[];
    return codes.map((code) => all.find((c) => c.code === code)?.id as string);
  }

  it("saves 'Severe Risk, renewing next quarter', lists its clients and exports it as CSV and Excel", async () => {
    const created = await call("POST", "/segments", csm, {
      name: "Severe Risk, renewing next quarter",
      filter: { levels: ["severe_risk"], renewalQuarter: "next_quarter" },
    });
    expect(created.statusCode).toBe(201);
    const segment = created.json();
    expect(segment).toMatchObject({ shared: false, mine: true, canEdit: true, ownerId: csm.userId });

    const page = await call("GET", `/segments/${segment.id}/clients?sort=-arr&limit=1`, csm);
    expect(page.json()).toMatchObject({
      count: 2,
      totals: { arrMinor: 100_000_00 },
      resolved: { renewalFrom: "2027-01-01", renewalToExclusive: "2027-04-01" },
      clients: [{ name: "Acme", level: "severe_risk", successScore: 0, assignedCsmName: "A member" }],
    });

    const csv = await call("GET", `/segments/${segment.id}/export.csv`, csm);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain('filename="severe-risk-renewing-next-quarter-2026-11-23.csv"');
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe(
      "Name,External ID,Client type,Status,Assigned CSM,CSM email,ARR,MRR,ACV,Currency,Next renewal,Client since,Pulse,Pulse set,Pulse reasons,SuccessScore,Usage change %,Tags,Archived",
    );
    expect(lines).toHaveLength(3);
    const cmdLine = lines.find((l) => l.includes("cmd"));
    const acmeLine = lines.find((l) => l.startsWith("Acme"));
    // The formula is escaped with a leading apostrophe, so a spreadsheet shows it instead of running it.
    expect(cmdLine).toMatch(
      /^'=cmd\|' \/C calc'!A0,,,active,,,1\.50,0\.00,0\.00,EUR,2027-01-10,,Severe Risk,2026-11-23,Champion left the company,0,,,no$/,
    );
    expect(acmeLine).toContain("Acme,A-1,Enterprise,active,A member,");
    expect(acmeLine).toContain(",100000.00,8333.33,0.00,USD,2027-02-15,,Severe Risk,2026-11-23,Budget cuts,0,,emea,no");

    const xlsx = await call("GET", `/segments/${segment.id}/export.xlsx`, csm);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe("Severe Risk, renewing next quar");
    const cells = [2, 3].map((r) => [sheet?.getRow(r).getCell(1).value, sheet?.getRow(r).getCell(7).value]);
    // Typed as text in the workbook, so Excel shows it and never runs it.
    expect(cells).toEqual(
      expect.arrayContaining([
        ["=cmd|' /C calc'!A0", 1.5],
        ["Acme", 100_000],
      ]),
    );
    expect(sheet?.rowCount).toBe(3);
  });

  it("exports the client list filtered by query parameters", async () => {
    const res = await call("GET", "/clients/export.csv?levels=severe_risk,none&clientTypes=Enterprise", csm);
    const rows = res.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n")
      .slice(1);
    expect(rows.map((r) => r.split(",")[0]).sort()).toEqual(["Acme", "Beta"]);
    const bad = await call("GET", "/clients/export.csv?levels=awful", csm);
    expect(bad.statusCode).toBe(400);
    const xlsx = await call("GET", "/clients/export.xlsx?archived=only", csm);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getRow(2).getCell(1).value).toBe("Archived Inc");
  });

  it("streams exports larger than one batch in name order", async () => {
    const org = await buildOrganization(t.ctx, "Big Co");
    const values = Array.from({ length: 2500 }, (_, i) => `('${org.orgId}', 'Client ${String(i).padStart(5, "0")}')`);
    await t.ctx.database.executeSql(`insert into clients (org_id, name) values ${values.join(",")}`);
    const res = await call("GET", "/clients/export.csv", org.owner, undefined, org.orgId);
    const rows = res.body.trim().split("\n").slice(1);
    expect(rows).toHaveLength(2500);
    expect(rows[0]?.startsWith("Client 00000,")).toBe(true);
    expect(rows[2499]?.startsWith("Client 02499,")).toBe(true);
  });

  it("shares segments with the organization; only the owner or an admin changes a shared one", async () => {
    const mine = (await call("POST", "/segments", csm, { name: "Mine", filter: { levels: ["none"] } })).json();
    const shared = (await call("POST", "/segments", csm, { name: "Team", shared: true, filter: {} })).json();
    const seen = (await call("GET", "/segments", colleague)).json().segments.map((s: { name: string }) => s.name);
    expect(seen).toContain("Team");
    expect(seen).not.toContain("Mine");
    expect((await call("GET", `/segments/${mine.id}`, colleague)).statusCode).toBe(404);
    expect((await call("GET", `/segments/${mine.id}/export.csv`, colleague)).statusCode).toBe(404);
    expect((await call("GET", `/segments/${shared.id}/clients`, colleague)).json().count).toBe(5);
    expect((await call("GET", `/segments/${shared.id}`, colleague)).json()).toMatchObject({
      mine: false,
      canEdit: false,
      ownerName: "A member",
    });
    expect((await call("PATCH", `/segments/${shared.id}`, colleague, { name: "Hijacked" })).statusCode).toBe(403);
    expect((await call("DELETE", `/segments/${shared.id}`, colleague)).statusCode).toBe(403);
    expect((await call("PATCH", `/segments/${mine.id}`, admin, { name: "Peek" })).statusCode).toBe(404);
    const renamed = await call("PATCH", `/segments/${shared.id}`, admin, { name: "Whole book", filter: { arrMin: 1 } });
    expect(renamed.json()).toMatchObject({ name: "Whole book", filter: { arrMin: 1 }, canEdit: true });
    const unshared = await call("PATCH", `/segments/${shared.id}`, csm, { shared: false });
    expect(unshared.json().shared).toBe(false);
    expect((await call("GET", `/segments/${shared.id}`, colleague)).statusCode).toBe(404);
    expect((await call("DELETE", `/segments/${mine.id}`, csm)).statusCode).toBe(204);
    expect((await call("GET", `/segments/${mine.id}`, csm)).statusCode).toBe(404);
    const invalid = await call("POST", "/segments", csm, { name: "", filter: { scoreMin: 101 } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields).toMatchObject({ name: "is required", "filter.scoreMin": "must be 0-100" });
  });

  it("never shows one organization's clients or segments to another", async () => {
    const other = await buildOrganization(t.ctx, "Other Co");
    const segment = (await call("POST", "/segments", csm, { name: "Ours", shared: true, filter: {} })).json();
    for (const [method, path] of [
      ["GET", "/segments"],
      ["GET", `/segments/${segment.id}`],
      ["GET", `/segments/${segment.id}/export.csv`],
      ["POST", "/segments/preview"],
      ["GET", "/clients/export.csv"],
    ] as const) {
      expect((await call(method, path, other.owner, method === "POST" ? { filter: {} } : undefined)).statusCode).toBe(
        404,
      );
    }
    // Their own organization, our segment's id: still not found.
    for (const path of [
      `/segments/${segment.id}`,
      `/segments/${segment.id}/clients`,
      `/segments/${segment.id}/export.xlsx`,
    ]) {
      expect((await call("GET", path, other.owner, undefined, other.orgId)).statusCode).toBe(404);
    }
    expect((await call("PATCH", `/segments/${segment.id}`, other.owner, { name: "x" }, other.orgId)).statusCode).toBe(
      404,
    );
    const theirs = await call(
      "POST",
      "/segments/preview",
      other.owner,
      { filter: { assignedTo: [csm.userId] } },
      other.orgId,
    );
    expect(theirs.json().count).toBe(0);
    const csv = await call("GET", "/clients/export.csv", other.owner, undefined, other.orgId);
    expect(
      csv.body
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\n"),
    ).toHaveLength(1);
    expect((await call("GET", "/segments", other.owner, undefined, other.orgId)).json().segments).toEqual([]);
  });

  it("documents every segment route in OpenAPI", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/organizations/{orgId}/segments/preview",
        "/api/organizations/{orgId}/clients/export.csv",
        "/api/organizations/{orgId}/clients/import",
      ]),
    );
  });
});
