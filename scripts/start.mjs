// npm start: the web app and the server are built when their sources changed (scripts/production-build.mjs),
// then the compiled server (dist/main.js) runs in this process. npm run dev runs src/ through tsx instead.
import { ensureServerBuild, ensureWebBuild } from "./production-build.mjs";

const started = performance.now();
const web = ensureWebBuild();
const server = await ensureServerBuild();
const took = Math.round(performance.now() - started);
console.log(
  `pulse: ${web ? "web app built" : "web app up to date"}, ${server ? "server compiled" : "server up to date"} (${took} ms)`,
);
await import("../dist/main.js");
