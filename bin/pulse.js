#!/usr/bin/env node
// `npx pulse`: runs the compiled CLI (dist/, built by `npm start` or `npm run build:server`) when dist/ was
// built from today's sources; otherwise the TypeScript CLI through tsx (a runtime dependency), so no build
// step is needed and a stale dist/ never runs.
import { serverBuildIsCurrent } from "../scripts/production-build.mjs";

if (serverBuildIsCurrent()) {
  await import("../dist/cli/main.js");
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
