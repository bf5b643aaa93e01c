import { eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { healthSettings } from "../pulses/schema.js";

export type HealthSettings = Omit<typeof healthSettings.$inferSelect, "updatedAt">;

export const defaultSettings = (orgId: string): HealthSettings => ({
  orgId,
  primaryMetric: "arr",
  currency: "USD",
  alertThresholdRank: 3,
  reminderDays: 30,
  escalateAfterHours: 48,
  fiscalStartMonth: 1,
  webhookUrl: null,
  webhookSecret: null,
});

/** The organization's health settings, or the defaults when it never changed them. */
export async function getHealthSettings(db: Db, orgId: string): Promise<HealthSettings> {
  const [row] = await db.select().from(healthSettings).where(eq(healthSettings.orgId, orgId));
  return row ?? defaultSettings(orgId);
}

export async function saveHealthSettings(db: Db, values: HealthSettings, now: Date) {
  await db
    .insert(healthSettings)
    .values({ ...values, updatedAt: now })
    .onConflictDoUpdate({ target: healthSettings.orgId, set: { ...values, updatedAt: now } });
}
