import { writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|txt|map)$/;
/** Below this the headers outweigh the saving; such files are served as they are. */
const MIN_BYTES = 1024;

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside every text file of the build, so the
 * server sends them as they are (@fastify/static `preCompressed`) instead of compressing on each request.
 * A variant is kept only when it is smaller than the file.
 */
function precompress(): Plugin {
  return {
    name: "pulse-precompress",
    apply: "build",
    async writeBundle(options, bundle) {
      const dir = options.dir ?? "";
      await Promise.all(
        Object.values(bundle)
          .filter((item) => COMPRESSIBLE.test(item.fileName) && !item.fileName.startsWith(".vite/"))
          .map(async (item) => {
            const source = Buffer.from(item.type === "chunk" ? item.code : item.source);
            if (source.length < MIN_BYTES) return;
            const [br, gz] = await Promise.all([
              brotli(source, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: 11,
                  [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
                  [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                },
              }),
              gzipAsync(source, { level: 9 }),
            ]);
            const path = join(dir, item.fileName);
            if (br.length < source.length) await writeFile(`${path}.br`, br);
            if (gz.length < source.length) await writeFile(`${path}.gz`, gz);
          }),
      );
    },
  };
}

/**
 * Lists every file of this repository the build bundled (web/dist/.vite/sources.json), so `npm start`
 * (scripts/production-build.mjs) rebuilds when any of them changes, e.g. a contract's src/kernel import.
 */
function sourceList(): Plugin {
  const repo = dirname(fileURLToPath(import.meta.url));
  return {
    name: "pulse-source-list",
    apply: "build",
    generateBundle() {
      const files = [...this.getModuleIds()]
        .filter((id) => !id.startsWith("\0") && id.startsWith(repo + sep) && !id.includes(`${sep}node_modules${sep}`))
        .map((id) => relative(repo, id.split("?")[0]!).split(sep).join("/"))
        .sort();
      this.emitFile({ type: "asset", fileName: ".vite/sources.json", source: JSON.stringify([...new Set(files)]) });
    },
  };
}

// The SPA lives in web/; the server serves web/dist with an SPA fallback. The manifest
// (web/dist/.vite/manifest.json) lets bench/web-bundle.ts follow what each page loads.
export default defineConfig({
  root: "web",
  plugins: [react(), precompress(), sourceList()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Everything index.html's entry imports statically, in two files (React DOM alone is ~180 kB):
            // fewer requests and better compression than dozens of shared chunks, none over the 500 kB warning.
            {
              name: "react",
              tags: ["$initial"],
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 30,
            },
            { name: "shell", tags: ["$initial"], priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: false },
    },
  },
});
