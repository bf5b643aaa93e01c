import Fastify from "fastify";
import * as clientStore from "../src/features/health/clients/store.js";
import { currentFormula } from "../src/features/health/pulses/service/success-score.js";
import { openDatabase } from "../src/platform/db/database.js";

// The clients page's baseline: a bare Fastify route that sends the very statements Pulse's clients page
// of 25 sends (captured once at start from the app's own store calls, with their parameters) straight to
// the driver: node-postgres `pool.query` (DATABASE_URL, pool of DATABASE_POOL_SIZE, default 10) or
// PGlite's `query` (DATA_DIR), and answers the rows as JSON. No auth, no validation, no presentation.
// Usage: tsx bench/clients-sql-server.ts <port> <orgId>
const [port, orgId] = process.argv.slice(2);
if (!orgId) throw new Error("usage: clients-sql-server.ts <port> <orgId>");
const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR,
  poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});

const statements: { text: string; params: unknown[] }[] = [];
const stop = database.observeQueries((text, params) => statements.push({ text, params: [...params] }));
// What clients/service.ts listClients reads for GET .../clients?limit=25 (the page, its total, the formula).
await clientStore.listClients(database.db, orgId, { limit: 25, offset: 0, sort: "name" });
await currentFormula(database.db, orgId);
stop();
process.stdout.write(`${JSON.stringify({ statements: statements.map((s) => s.text) })}\n`);

const app = Fastify({ logger: false });
app.get("/", async () => {
  const results = [];
  for (const s of statements) results.push((await database.executeSql(s.text, s.params)).rows);
  return { rows: results[0], total: results[1], formula: results[2] };
});
await app.listen({ host: "127.0.0.1", port: Number(port ?? 0) });
process.once("SIGTERM", () => void app.close().then(() => database.close().then(() => process.exit(0))));
