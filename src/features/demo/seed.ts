import type { AppContext } from "../../platform/context.js";
import { createConfirmedUser, ensurePlatformAdmin } from "../accounts/identity/service.js";
import { addMember, ensureOrganization } from "../accounts/organizations/service.js";
import { DEMO_ACCOUNTS, DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_PLATFORM_ADMIN } from "./demo-accounts.js";

/** Creates the demo organization and accounts; running it again changes nothing. */
export async function seedDemo(ctx: AppContext): Promise<{ created: number }> {
  const { db } = ctx.database;
  const org = await ensureOrganization(db, DEMO_ORGANIZATION);
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const user = await createConfirmedUser(ctx, { ...account, password: DEMO_PASSWORD });
    if (user.created) {
      created++;
      await addMember(db, org.id, user.userId, account.role);
    }
  }
  const staff = await createConfirmedUser(ctx, { ...DEMO_PLATFORM_ADMIN, password: DEMO_PASSWORD });
  if (staff.created) {
    created++;
    await ensurePlatformAdmin(ctx, { email: DEMO_PLATFORM_ADMIN.email, password: DEMO_PASSWORD });
  }
  return { created };
}
