import Fastify from "fastify";

// The baseline: a bare Fastify app on the same machine in the same run. Pulse's numbers are read as a
// ratio to it, which holds on noisy or slower machines where absolute numbers do not.
const app = Fastify({ logger: false });
app.get("/", async () => ({ hello: "world" }));
await app.listen({ host: "127.0.0.1", port: Number(process.argv[2] ?? 0) });
process.once("SIGTERM", () => void app.close().then(() => process.exit(0)));
