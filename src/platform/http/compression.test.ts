import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../test-support/test-db.js";
import { COMPRESS_THRESHOLD_BYTES } from "./compression.js";

describe.each(TEST_ENGINES)("response compression on %s", (engine) => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof buildOrganization>>;
  const get = (url: string, acceptEncoding?: string) =>
    t.app.inject({
      method: "GET",
      url: `/api/organizations/${org.orgId}${url}`,
      headers: { cookie: org.owner.cookie, ...(acceptEncoding ? { "accept-encoding": acceptEncoding } : {}) },
    });

  beforeAll(async () => {
    t = await buildTestApp({ engine });
    org = await buildOrganization(t.ctx, "Compressed Co");
    const values = Array.from({ length: 1200 }, (_, i) => `('${org.orgId}', 'Client ${String(i).padStart(5, "0")}')`);
    await t.ctx.database.executeSql(`insert into clients (org_id, name) values ${values.join(",")}`);
  });
  afterAll(async () => t?.close());

  it("sends JSON above the threshold with brotli or gzip, as accepted, and small JSON as it is", async () => {
    const plain = await get("/clients?limit=100");
    expect(plain.statusCode).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES);

    const br = await get("/clients?limit=100", "br, gzip");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toContain("accept-encoding");
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());

    const gz = await get("/clients?limit=100", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());

    const small = await t.app.inject({ method: "GET", url: "/api/health", headers: { "accept-encoding": "br" } });
    expect(small.rawPayload.length).toBeLessThan(COMPRESS_THRESHOLD_BYTES);
    expect(small.headers["content-encoding"]).toBeUndefined();
  });

  it("streams a CSV export compressed as it flows, and an XLSX (already a zip) as it is", async () => {
    const plain = await get("/clients/export.csv");
    const csv = await get("/clients/export.csv", "br, gzip, deflate");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-encoding"]).toBe("br");
    // A stream has no length up front: the body went out chunked, as the rows were read.
    expect(csv.headers["content-length"]).toBeUndefined();
    expect(csv.headers["transfer-encoding"]).toBe("chunked");
    const body = brotliDecompressSync(csv.rawPayload).toString();
    expect(body).toBe(plain.body);
    const rows = body.trim().split("\n").slice(1);
    expect(rows).toHaveLength(1200);
    expect(rows[1199]?.startsWith("Client 01199,")).toBe(true);

    const xlsx = await get("/clients/export.xlsx", "br, gzip");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-encoding"]).toBeUndefined();
    expect(xlsx.headers["transfer-encoding"]).toBe("chunked");
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});
