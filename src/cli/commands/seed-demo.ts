import type { Config } from "../../config.js";
import {
  DEMO_ACCOUNTS,
  DEMO_ORGANIZATION,
  DEMO_PASSWORD,
  DEMO_PLATFORM_ADMIN,
} from "../../features/demo/demo-accounts.js";
import { seedDemo } from "../../features/demo/seed.js";
import { startRuntime } from "../../runtime.js";
import { describeDatabase } from "../cli-database.js";
import { quietLog } from "./quiet-log.js";

/** `pulse seed-demo` */
export async function seedDemoCommand(config: Config): Promise<void> {
  console.log(`Database: ${describeDatabase(config)}`);
  const runtime = await startRuntime({ config, log: quietLog });
  try {
    const result = await seedDemo(runtime.ctx);
    const made = Object.entries(result)
      .filter(([, count]) => count > 0)
      .map(([what, count]) => `${count.toLocaleString("en-US")} ${what === "created" ? "accounts" : what}`);
    console.log(
      made.length === 0
        ? "Demo data was already there; nothing changed."
        : `Created ${made.join(", ")} in the organization "${DEMO_ORGANIZATION.name}" (${DEMO_ORGANIZATION.slug}).`,
    );
    console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(24)} ${a.role}`);
    console.log(`  ${DEMO_PLATFORM_ADMIN.email.padEnd(24)} platform admin`);
  } finally {
    await runtime.close();
  }
}
