import type { AppContext } from "../../../../platform/context.js";
import { getHealthSettings } from "../../settings/store.js";
import { slackMessage } from "../alert-messages.js";
import type { AlertRaisedPayload } from "../events.js";
import * as store from "../store.js";
import { SIGNATURE_HEADER, signWebhookBody } from "../webhook-signature.js";
import { loadRiskFacts } from "./risk-facts.js";

const TIMEOUT_MS = 10_000;

/**
 * Handles alert.raised: when the organization set a webhook, POSTs a Slack-compatible message signed
 * with its secret. A failure throws so the job is retried; `X-Pulse-Delivery` carries the alert id, so
 * a receiver can drop a repeat if a retry follows a delivery whose answer was lost.
 */
export async function postAlertWebhook(
  ctx: AppContext,
  event: AlertRaisedPayload,
  fetchFn: typeof fetch = fetch,
): Promise<"sent" | "skipped"> {
  const db = ctx.database.db;
  const settings = await getHealthSettings(db, event.orgId);
  if (!settings.webhookUrl) return "skipped";
  const alert = await store.findAlert(db, event.orgId, event.alertId);
  if (!alert) return "skipped";
  const subject = await loadRiskFacts(ctx, event.orgId, alert.clientId, alert.pulseEntryId);
  if (!subject) return "skipped";

  const body = JSON.stringify(slackMessage(subject.facts, ctx.appUrl));
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Pulse-Webhooks/1",
    "x-pulse-delivery": alert.id,
  };
  if (settings.webhookSecret) headers[SIGNATURE_HEADER] = signWebhookBody(body, settings.webhookSecret);
  const response = await fetchFn(settings.webhookUrl, {
    method: "POST",
    headers,
    body,
    redirect: "error",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`The alert webhook answered ${response.status}; the job will retry.`);
  return "sent";
}
