import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { syncContentAtStart } from "./features/academy/catalog/service.js";
import { syncCatalogAtStart } from "./features/academy/cpd/library/catalog-sync.js";
import { ensurePlatformAdmin } from "./features/accounts/identity/service.js";
import { seedDemo } from "./features/demo/seed.js";
import { refreshStatistics } from "./platform/db/statistics.js";
import { startRuntime } from "./runtime.js";

async function main() {
  const config = loadConfig();
  const app = await (async () => {
    // The app's logger is created first so start-up lines share its format.
    const { default: pino } = await import("pino");
    const log = pino({ level: config.logLevel });
    const runtime = await startRuntime({ config, log });
    const { ctx } = runtime;
    if (config.admin) {
      const result = await ensurePlatformAdmin(ctx, config.admin);
      log.info({ email: config.admin.email }, result.created ? "platform admin created" : "platform admin updated");
    }
    await syncContentAtStart(ctx, config.contentDirs, log);
    await syncCatalogAtStart(ctx, config.contentDirs, log);
    let seededClients = 0;
    if (config.demo) {
      const { created, clients } = await seedDemo(ctx);
      seededClients = clients;
      if (created > 0) log.info({ created }, "demo data created (see README for the demo accounts)");
    }
    // PGlite has no autovacuum: gather the planner's statistics once per start, unless the demo seed just did.
    if (seededClients === 0) await refreshStatistics(runtime.database);
    const app = await buildApp({
      ctx,
      logLevel: config.logLevel,
      bodyLimitBytes: config.bodyLimitBytes,
      trustProxy: config.trustProxy,
      loginPerIpPerMinute: config.loginMaxPerIpPerMinute,
      contentDirs: config.contentDirs,
      billing: config.billing,
    });
    app.addHook("onClose", async () => runtime.close());
    if (config.jobs) await ctx.jobs.work();
    log.info(
      { database: runtime.database.kind, mail: config.smtpUrl ? "smtp" : "outbox" },
      config.smtpUrl ? "mail goes out over SMTP" : "no SMTP_URL: mail is kept in the outbox (Admin > Outbox)",
    );
    return app;
  })();
  await app.listen({ host: config.host, port: config.port });
  // Every mailed link, QR code and evidence URL starts with APP_URL: say which one this start uses.
  app.log.info(
    { appUrl: config.appUrl, issuerUrl: config.issuerUrl },
    `Pulse is running at ${config.appUrl} (links use APP_URL; credential issuer id from ${config.issuerUrl})`,
  );
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, "shutting down");
    await app.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
