import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../test-support/factories.js";
import { buildTestApp, type TestApp } from "../test-support/test-app.js";
import { TEST_ENGINES } from "../test-support/test-db.js";
import { latestDate } from "./kernel/calendar-date.js";

/** Items 5 and 6 of issue 9: characters, dates and ranges no contract may let through, on both engines. */
describe.each(TEST_ENGINES)("bad input gets field errors, never a 500, on %s", (engine) => {
  let t: TestApp;
  let orgId: string;
  let cookie: string;
  let clientId: string;
  const api = (method: "POST" | "PATCH" | "PUT" | "GET", url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/organizations/${orgId}${url}`, payload, headers: { cookie } });
  const fieldsOf = (res: { statusCode: number; json: () => { error: { fields?: Record<string, string> } } }) => {
    expect(res.statusCode).toBe(400);
    return res.json().error.fields ?? {};
  };
  const upload = (csv: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/organizations/${orgId}/clients/import`,
      payload: csv,
      headers: { cookie, "content-type": "text/csv" },
    });

  beforeAll(async () => {
    t = await buildTestApp({ engine });
    const org = await buildOrganization(t.ctx, "Bad Input Org");
    orgId = org.orgId;
    cookie = org.owner.cookie;
    clientId = (await api("POST", "/clients", { name: "Acme" })).json().id;
  });
  afterAll(async () => t?.close());

  describe("text", () => {
    it("refuses NUL and other control characters in text fields, naming each field", async () => {
      const res = await api("POST", "/clients", {
        name: "Ac\u0000me",
        clientType: "SMB\u001b",
        contacts: [{ name: "Ada", title: "\u0007VP" }],
        tags: ["ok", "b\u0000ad"],
      });
      expect(fieldsOf(res)).toEqual({
        name: "must not contain control characters",
        clientType: "must not contain control characters",
        "contacts.0.title": "must not contain control characters",
        "tags.1": "must not contain control characters",
      });
      const note = await api("POST", `/clients/${clientId}/pulses`, { level: "satisfied", note: "fine\u0000" });
      expect(fieldsOf(note)).toEqual({ note: "must not contain control characters" });
      const org = await t.app.inject({ method: "POST", url: "/api/organizations", payload: { name: "Org\u0000" } });
      expect(org.statusCode).toBe(401); // signed out: the guard answers before the body is read
      const named = await t.app.inject({
        method: "POST",
        url: "/api/organizations",
        payload: { name: "Org\u0000" },
        headers: { cookie },
      });
      expect(fieldsOf(named)).toEqual({ name: "must not contain control characters" });
    });

    it("refuses lone surrogates, and keeps tabs, new lines and paired surrogates (emoji)", async () => {
      expect(fieldsOf(await api("PATCH", `/clients/${clientId}`, { name: "Acme \uD800" }))).toEqual({
        name: "must be valid Unicode text",
      });
      expect(fieldsOf(await api("PATCH", `/clients/${clientId}`, { name: "\uDC00Acme" }))).toEqual({
        name: "must be valid Unicode text",
      });
      const ok = await api("POST", `/clients/${clientId}/pulses`, { level: "satisfied", note: "a\tb\r\nc 🎉" });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().note).toBe("a\tb\r\nc 🎉");
    });

    it("refuses NUL in query strings and record keys", async () => {
      expect(fieldsOf(await api("GET", "/clients?q=a%00b"))).toEqual({ q: "must not contain control characters" });
      const formula = await api("PUT", "/success-score/formula", {
        weights: { pulse: 50, usage: 50, metrics: { "nps\u0000": 10 } },
      });
      expect(Object.keys(fieldsOf(formula))).toEqual([expect.stringMatching(/^weights\.metrics/)]);
    });

    it("reports a NUL in a CSV cell as that row's error and imports nothing", async () => {
      const res = await upload("External ID,Name\nx-1,Good\nx-2,Ba\u0000d\n");
      expect(res.statusCode).toBeLessThan(500);
      const report = res.json();
      expect(report.outcome).toBe("rejected");
      expect(report.errors).toContainEqual({ row: 3, column: "Name", reason: "must not contain control characters" });
      const list = await api("GET", "/clients?q=Good");
      expect(list.json().total).toBe(0);
      // Cells read as ids, emails and amounts too, in both modes.
      for (const mode of ["all_or_nothing", "valid_rows_only"]) {
        const cells = await t.app.inject({
          method: "POST",
          url: `/api/organizations/${orgId}/clients/import?mode=${mode}`,
          payload: "External ID,Name,CSM email,ARR\nz\u0000-1,Zed,a\u0000@b.test,12\u0000\n",
          headers: { cookie, "content-type": "text/csv" },
        });
        expect(cells.statusCode, cells.body).toBeLessThan(500);
        const reasons = cells.json().errors.map((e: { column: string; reason: string }) => `${e.column}: ${e.reason}`);
        for (const column of ["External ID", "CSM email", "ARR"]) {
          expect(reasons).toContain(`${column}: must not contain control characters`);
        }
      }
    });
  });

  describe("dates", () => {
    const latest = () => latestDate();
    it("refuses client dates before 2000 or more than ten years ahead, with the allowed range", async () => {
      const range = `must be between 2000-01-01 and ${latest()}`;
      for (const clientSince of ["0000-01-01", "0001-01-01", "1900-01-01"]) {
        expect(fieldsOf(await api("POST", "/clients", { name: "Old", clientSince }))).toEqual({ clientSince: range });
      }
      expect(fieldsOf(await api("PATCH", `/clients/${clientId}`, { nextRenewalDate: "2099-12-31" }))).toEqual({
        nextRenewalDate: range,
      });
      expect(fieldsOf(await api("PATCH", `/clients/${clientId}`, { effectiveDate: "1999-12-31" }))).toEqual({
        effectiveDate: range,
      });
      const ok = await api("PATCH", `/clients/${clientId}`, { clientSince: "2000-01-01", nextRenewalDate: latest() });
      expect(ok.statusCode).toBe(200);
    });

    it("refuses CSV dates outside the range as row errors", async () => {
      const res = await upload("External ID,Name,Client since\ny-1,Old Co,1900-01-01\n");
      expect(res.json().errors).toEqual([
        { row: 2, column: "Client since", reason: `must be between 2000-01-01 and ${latest()}` },
      ]);
    });

    it("refuses a pulse effective in year 1 or before 2000; the future stays the service's rule", async () => {
      for (const effectiveAt of ["0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1999-12-31T23:59:59Z"]) {
        const res = await api("POST", `/clients/${clientId}/pulses`, { level: "satisfied", effectiveAt });
        expect(fieldsOf(res)).toEqual({ effectiveAt: "must be between 2000-01-01 and now" });
      }
      const future = new Date(Date.now() + 86_400_000).toISOString();
      const res = await api("POST", `/clients/${clientId}/pulses`, { level: "satisfied", effectiveAt: future });
      expect(Object.keys(fieldsOf(res))).toEqual(["effectiveAt"]);
    });
  });

  describe("ranges", () => {
    it("refuses a segment whose ARR, score or date range is upside down", async () => {
      const res = await api("POST", "/segments", {
        name: "Upside down",
        filter: {
          arrMin: 500_000,
          arrMax: 100,
          scoreMin: 80,
          scoreMax: 20,
          renewalFrom: "2027-06-01",
          renewalTo: "2027-01-01",
        },
      });
      expect(fieldsOf(res)).toEqual({
        "filter.arrMax": "must be at least arrMin (500000)",
        "filter.scoreMax": "must be at least scoreMin (80)",
        "filter.renewalTo": "must be at least renewalFrom (2027-06-01)",
      });
      const preview = await api("POST", "/segments/preview", { filter: { arrMin: 2, arrMax: 1 } });
      expect(fieldsOf(preview)).toEqual({ "filter.arrMax": "must be at least arrMin (2)" });
      const equal = await api("POST", "/segments/preview", { filter: { arrMin: 5, arrMax: 5 } });
      expect(equal.statusCode).toBe(200);
    });

    it("refuses a formula whose weights are all 0, and a metric range with min >= max", async () => {
      const zero = await api("PUT", "/success-score/formula", { weights: { pulse: 0, usage: 0, metrics: { nps: 0 } } });
      expect(fieldsOf(zero)).toEqual({ weights: "at least one weight must be above 0 (each 0-100)" });
      for (const range of [
        { min: 10, max: 10 },
        { min: 10, max: 2 },
      ]) {
        const res = await api("PUT", "/success-score/formula", {
          weights: { pulse: 50, usage: 50, metrics: { nps: 10 } },
          metricRanges: { nps: range },
        });
        expect(fieldsOf(res)).toEqual({ "metricRanges.nps.max": `must be greater than min (${range.min})` });
      }
      const ok = await api("PUT", "/success-score/formula", {
        weights: { pulse: 0, usage: 0, metrics: { nps: 10 } },
        metricRanges: { nps: { min: -100, max: 100 } },
      });
      expect(ok.statusCode).toBe(200);
    });

    it("refuses report filters whose date range is upside down", async () => {
      const res = await api("GET", "/reports/pulse-health?renewalFrom=2027-06-01&renewalTo=2027-01-01");
      expect(fieldsOf(res)).toEqual({ renewalTo: "must be at least renewalFrom (2027-06-01)" });
      expect(fieldsOf(await api("GET", "/reports/pulse-health?asOf=0000-01-01"))).toEqual({
        asOf: `must be between 2000-01-01 and ${latestDate()}`,
      });
    });
  });
});
