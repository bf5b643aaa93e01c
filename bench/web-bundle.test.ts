import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BUDGETS_KB,
  buildWeb,
  describeWeight,
  HEALTH_REPORT_PAGE,
  kb,
  LOGIN_PAGE,
  measurePage,
  pageChunks,
  readManifest,
  TARGETS_KB,
} from "./web-bundle.js";

// Builds the web app into a temporary folder (npm run test:unit runs before test:e2e builds web/dist)
// and sums what a browser downloads for a page: the bytes of each script's .br file.
describe("web bundle budget", () => {
  let dir: string;
  let output: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pulse-web-build-"));
    output = await buildWeb(dir);
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("builds without warnings (no chunk over Vite's 500 kB limit)", () => {
    expect(output).not.toMatch(/larger than|chunkSizeWarningLimit|\(!\)/);
  });

  it(`downloads at most ${BUDGETS_KB.login} KB of brotli-compressed JavaScript for /login`, () => {
    const login = measurePage(dir, LOGIN_PAGE);
    console.log(describeWeight(login, BUDGETS_KB.login));
    expect(kb(login.brotliBytes)).toBeLessThanOrEqual(BUDGETS_KB.login);
  });

  it(`downloads at most ${BUDGETS_KB.report} KB for the Current Pulse Health report, ECharts included (target ${TARGETS_KB.report} KB)`, () => {
    const report = measurePage(dir, HEALTH_REPORT_PAGE);
    console.log(describeWeight(report, BUDGETS_KB.report));
    expect(kb(report.brotliBytes)).toBeLessThanOrEqual(BUDGETS_KB.report);
  });

  it("keeps ECharts, the Markdown renderer and admin pages out of /login, and the password list out of every file", () => {
    const manifest = readManifest(dir);
    const keys = pageChunks(manifest, LOGIN_PAGE);
    const sources = keys.map((key) => `${key} ${manifest[key]?.file}`).join("\n");
    expect(sources).not.toMatch(/echarts|zrender|Markdown|react-markdown|Admin|pages[\\/](?!LoginPage)/);
    // What /login loads ends with the page's own chunk: it is lazy, not part of the entry.
    const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry)!;
    expect(manifest[entry]?.imports ?? []).not.toContain(LOGIN_PAGE.routeModules[0]);
    // The report page does load ECharts (its chart), so the walk above is not blind to dynamic imports.
    expect(pageChunks(manifest, HEALTH_REPORT_PAGE).join("\n")).toMatch(/echarts-core/);

    // The zxcvbn-ts common-password list (server-side policy) starts with these words, as it is stored.
    const passwordList = "A123456ApasswordA12345678";
    const scripts = readdirSync(join(dir, "assets")).filter((f) => f.endsWith(".js"));
    for (const file of scripts) expect(readFileSync(join(dir, "assets", file), "utf8")).not.toContain(passwordList);
  });

  it("writes a smaller .br and .gz beside each large text file", () => {
    const manifest = readManifest(dir);
    const entry = Object.values(manifest).find((c) => c.isEntry)!;
    const files = readdirSync(join(dir, "assets"));
    expect(files).toContain(`${entry.file.replace("assets/", "")}.br`);
    expect(files).toContain(`${entry.file.replace("assets/", "")}.gz`);
  });
});
