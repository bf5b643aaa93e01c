import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerCompression } from "./compression.js";
import { IMMUTABLE_CACHE, REVALIDATE_CACHE, registerSpa } from "./spa.js";

/** A built web app as vite.config.ts leaves it: hashed assets with .br and .gz beside them. */
function writeDist(dir: string) {
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;
  const html = `<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div>${" ".repeat(1200)}</body></html>`;
  mkdirSync(join(dir, "assets"), { recursive: true });
  for (const [file, text] of [
    ["assets/index-abc123.js", script],
    ["index.html", html],
  ] as const) {
    writeFileSync(join(dir, file), text);
    writeFileSync(join(dir, `${file}.br`), brotliCompressSync(text));
    writeFileSync(join(dir, `${file}.gz`), gzipSync(text));
  }
  return { script, html };
}

describe("the web app's files", () => {
  let dir: string;
  let app: FastifyInstance;
  let files: ReturnType<typeof writeDist>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pulse-spa-"));
    files = writeDist(dir);
    app = Fastify();
    await registerCompression(app);
    await registerSpa(app, dir);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    app.inject({ method: "GET", url, headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });

  it("sends the build's brotli or gzip file with its Content-Encoding, never compressed twice", async () => {
    const br = await get("/assets/index-abc123.js", "gzip, deflate, br");
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toContain("javascript");
    expect(br.headers.vary).toContain("accept-encoding");
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(files.script);

    const gz = await get("/assets/index-abc123.js", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(files.script);

    const plain = await get("/assets/index-abc123.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(files.script);
  });

  it("caches hashed assets for a year (immutable) and makes index.html revalidate", async () => {
    expect((await get("/assets/index-abc123.js", "br")).headers["cache-control"]).toBe(IMMUTABLE_CACHE);
    expect((await get("/assets/index-abc123.js")).headers["cache-control"]).toBe(IMMUTABLE_CACHE);
    const page = await get("/login", "br");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.headers["content-encoding"]).toBe("br");
    expect(page.headers["cache-control"]).toBe(REVALIDATE_CACHE);
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(files.html);
    expect((await get("/index.html")).headers["cache-control"]).toBe(REVALIDATE_CACHE);
  });

  it("does not serve the compressed variants as files of their own", async () => {
    const variant = await get("/assets/index-abc123.js.br");
    expect(variant.headers["content-type"]).toContain("text/html");
    expect(variant.body).toBe(files.html);
  });
});
