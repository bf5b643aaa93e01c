// The production build, each half only when its sources changed since the last one:
//   web:    web/ (+ every source file the last build bundled, e.g. src/**/contract.ts and src/kernel/),
//           vite.config.ts, package-lock.json  ->  vite build into web/dist
//   server: src/**/*.ts (tests excluded), tsconfig.build.json, package-lock.json  ->  dist/ (esbuild, ESM)
// dist/ mirrors src/ at the same depth, so paths built from import.meta.url (../web/dist, ../../../migrations,
// ../package.json) resolve as they do under tsx. `tsc -p tsconfig.build.json` emits the same layout (slower,
// type-checked). The hash of what was built is kept beside it (web/dist/.build-hash, dist/.build-hash).
// Usage: node scripts/production-build.mjs [web|server] (both when omitted).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WEB_DIST = join(ROOT, "web/dist");
const SERVER_DIST = join(ROOT, "dist");
const HASH_FILE = ".build-hash";
/** Written by vite.config.ts: every file of this repository the web build bundled. */
export const WEB_SOURCES_FILE = ".vite/sources.json";

/** Files under `dir` (relative to the root) whose path passes `keep`, skipping node_modules and build output. */
function filesUnder(dir, keep) {
  const out = [];
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "dist") walk(full);
      } else if (keep(relative(ROOT, full))) out.push(relative(ROOT, full));
    }
  };
  walk(join(ROOT, dir));
  return out;
}

/** One sha256 over the names and contents of `files` (sorted, deduplicated); a missing file counts as changed. */
function hashFiles(files) {
  const hash = createHash("sha256");
  for (const file of [...new Set(files)].sort()) {
    hash.update(`${file}\0`);
    hash.update(existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file)) : "missing");
    hash.update("\0");
  }
  return hash.digest("hex");
}

const readHash = (dir) => (existsSync(join(dir, HASH_FILE)) ? readFileSync(join(dir, HASH_FILE), "utf8") : null);

const serverSources = () =>
  filesUnder("src", (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.includes("/fixtures/"));

export function serverHash() {
  return hashFiles([...serverSources(), "tsconfig.build.json", "package-lock.json"]);
}

export function webHash() {
  let bundled = [];
  const list = join(WEB_DIST, WEB_SOURCES_FILE);
  if (existsSync(list)) bundled = JSON.parse(readFileSync(list, "utf8"));
  const web = filesUnder("web", () => true);
  const contracts = filesUnder("src", (f) => f.endsWith("/contract.ts"));
  return hashFiles([...web, ...contracts, ...bundled, "vite.config.ts", "package-lock.json"]);
}

/** Whether dist/ holds a build of today's server sources (bin/pulse.js asks before running it). */
export function serverBuildIsCurrent() {
  return existsSync(join(SERVER_DIST, "main.js")) && readHash(SERVER_DIST) === serverHash();
}

/** Builds the web app unless web/dist was built from the same sources. Returns whether it built. */
export function ensureWebBuild() {
  if (existsSync(join(WEB_DIST, "index.html")) && readHash(WEB_DIST) === webHash()) return false;
  const vite = join(ROOT, "node_modules/vite/bin/vite.js");
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
  // Hashed after the build, which wrote the list of the files it bundled.
  writeFileSync(join(WEB_DIST, HASH_FILE), webHash());
  return true;
}

/** Compiles src/ into dist/ (ESM, Node 20) unless dist/ was built from the same sources. Returns whether it built. */
export async function ensureServerBuild() {
  if (serverBuildIsCurrent()) return false;
  const hash = serverHash();
  const { build } = await import("esbuild");
  rmSync(SERVER_DIST, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: serverSources(),
    outbase: "src",
    outdir: "dist",
    bundle: false,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: true,
    tsconfig: "tsconfig.build.json",
    logLevel: "warning",
  });
  writeFileSync(join(SERVER_DIST, HASH_FILE), hash);
  return true;
}

const isMain =
  process.argv[1] && statSync(process.argv[1]).isFile() && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const which = process.argv[2];
  if (which !== "server") console.log(ensureWebBuild() ? "web: built" : "web: up to date");
  if (which !== "web") console.log((await ensureServerBuild()) ? "server: built into dist/" : "server: up to date");
}
