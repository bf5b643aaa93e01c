import type { AppContext } from "../../platform/context.js";
import { refreshStatistics } from "../../platform/db/statistics.js";
import { ensurePlan } from "../academy/catalog/service.js";
import { createConfirmedUser, ensurePlatformAdmin } from "../accounts/identity/service.js";
import { addMember, ensureOrganization } from "../accounts/organizations/service.js";
import { listClients } from "../health/clients/service.js";
import { generateHealthData } from "../health/demo-data/service.js";
import {
  DEMO_ACCOUNTS,
  DEMO_HEALTH,
  DEMO_ORGANIZATION,
  DEMO_PASSWORD,
  DEMO_PLANS,
  DEMO_PLATFORM_ADMIN,
} from "./demo-accounts.js";

/** Creates the demo organization, its accounts and its clients; running it again changes nothing. */
export async function seedDemo(
  ctx: AppContext,
  options: { clients?: number } = {},
): Promise<{ created: number; clients: number; pulses: number }> {
  const { db } = ctx.database;
  const org = await ensureOrganization(db, DEMO_ORGANIZATION);
  let created = 0;
  const ids = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await createConfirmedUser(ctx, { ...account, password: DEMO_PASSWORD });
    ids.set(account.email, user.userId);
    if (user.created) created++;
  }
  const manager = ids.get("manager@demo.pulse");
  for (const account of DEMO_ACCOUNTS) {
    const userId = ids.get(account.email) as string;
    if (created > 0) await addMember(db, org.id, userId, account.role, account.csm ? manager : undefined);
  }
  for (const [email, plan] of Object.entries(DEMO_PLANS)) {
    const userId = ids.get(email);
    if (userId) await ensurePlan(ctx, userId, plan);
  }
  const staff = await createConfirmedUser(ctx, { ...DEMO_PLATFORM_ADMIN, password: DEMO_PASSWORD });
  if (staff.created) {
    created++;
    await ensurePlatformAdmin(ctx, { email: DEMO_PLATFORM_ADMIN.email, password: DEMO_PASSWORD });
  }
  const existing = await listClients(ctx, org.id, { limit: 1, offset: 0, sort: "name", includeArchived: "true" });
  if (existing.total > 0) return { created, clients: 0, pulses: 0 };
  const csmIds = DEMO_ACCOUNTS.filter((a) => a.csm).map((a) => ids.get(a.email) as string);
  const generated = await generateHealthData(db, {
    orgId: org.id,
    csmIds,
    today: ctx.clock.now().toISOString().slice(0, 10),
    ...DEMO_HEALTH,
    clients: options.clients ?? DEMO_HEALTH.clients,
  });
  // Thousands of rows just arrived: PGlite has no autovacuum to gather the planner's statistics.
  await refreshStatistics(ctx.database);
  return { created, clients: generated.clients, pulses: generated.entries };
}
