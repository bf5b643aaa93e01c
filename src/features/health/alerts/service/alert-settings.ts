import { AppError } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import { roleAtLeast } from "../../../../kernel/roles.js";
import type { AppContext } from "../../../../platform/context.js";
import { levelOfRank, pulseRank } from "../../pulses/pulse-levels.js";
import { getHealthSettings, type HealthSettings, saveHealthSettings } from "../../settings/store.js";
import { type AlertSettings, AlertSettingsBody } from "../contract.js";
import { type ResolveHost, resolveHost, webhookUrlProblem } from "../webhook-target.js";

function present(settings: HealthSettings, actor: Actor): AlertSettings {
  const role = actor.memberships.get(settings.orgId);
  const admin = role !== undefined && roleAtLeast(role, "admin");
  return {
    alertThreshold: levelOfRank(settings.alertThresholdRank),
    escalateAfterHours: settings.escalateAfterHours,
    reminderDays: settings.reminderDays,
    webhookUrl: admin ? settings.webhookUrl : null,
    webhookConfigured: settings.webhookUrl !== null,
    webhookSecretSet: settings.webhookSecret !== null,
    primaryMetric: settings.primaryMetric,
    currency: settings.currency,
    fiscalStartMonth: settings.fiscalStartMonth,
  };
}

/** The alert part of the health settings; the webhook URL is shown to admins and owners only, the secret never. */
export async function getAlertSettings(ctx: AppContext, actor: Actor, orgId: string): Promise<AlertSettings> {
  return present(await getHealthSettings(ctx.database.db, orgId), actor);
}

/** Saves the alert settings and, when given, primary metric, currency and fiscal start month, keeping the rest and, unless replaced, the webhook secret. */
export async function saveAlertSettings(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: AlertSettingsBody,
  resolve: ResolveHost = resolveHost,
): Promise<AlertSettings> {
  const body = AlertSettingsBody.parse(input);
  const db = ctx.database.db;
  const problem = body.webhookUrl === null ? null : await webhookUrlProblem(body.webhookUrl, resolve);
  if (problem) {
    throw new AppError("invalid_input", `The webhook URL ${problem}.`, { fields: { webhookUrl: problem } });
  }
  const current = await getHealthSettings(db, orgId);
  const secret =
    body.webhookUrl === null ? null : body.webhookSecret === undefined ? current.webhookSecret : body.webhookSecret;
  if (body.webhookUrl !== null && !secret) {
    throw new AppError("invalid_input", "A webhook needs a signing secret.", {
      fields: { webhookSecret: "is required when a webhook URL is set" },
    });
  }
  const next: HealthSettings = {
    ...current,
    alertThresholdRank: pulseRank(body.alertThreshold),
    escalateAfterHours: body.escalateAfterHours,
    reminderDays: body.reminderDays,
    webhookUrl: body.webhookUrl,
    webhookSecret: secret,
    primaryMetric: body.primaryMetric ?? current.primaryMetric,
    currency: body.currency ?? current.currency,
    fiscalStartMonth: body.fiscalStartMonth ?? current.fiscalStartMonth,
  };
  await saveHealthSettings(db, next, ctx.clock.now());
  return present(next, actor);
}
