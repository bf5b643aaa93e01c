import type { AppContext } from "../../../../platform/context.js";
import { getHealthSettings } from "../../settings/store.js";
import { slackMessage } from "../alert-messages.js";
import type { AlertRaisedPayload } from "../events.js";
import * as store from "../store.js";
import { sendWebhook, type WebhookSender } from "../webhook-sender.js";
import { SIGNATURE_HEADER, signWebhookBody } from "../webhook-signature.js";
import { loadRiskFacts } from "./risk-facts.js";

export type WebhookOutcome = "sent" | "skipped" | "already_sent" | "blocked";

/**
 * Handles alert.raised: when the organization set a webhook, POSTs a Slack-compatible message signed
 * with its secret. Delivery is at least once: a failure or a non-2xx answer throws so the job is
 * retried, and an accepted delivery is recorded so a job that runs again sends nothing. Every attempt
 * carries the alert id as `Idempotency-Key` (and `X-Pulse-Delivery`), so a receiver can drop the one
 * repeat left possible: an answer lost after the receiver took the alert. A URL whose host resolves to a
 * private, loopback or link-local address is not called ("blocked"; retrying would not change that).
 */
export async function postAlertWebhook(
  ctx: AppContext,
  event: AlertRaisedPayload,
  send: WebhookSender = sendWebhook,
): Promise<WebhookOutcome> {
  const db = ctx.database.db;
  const settings = await getHealthSettings(db, event.orgId);
  if (!settings.webhookUrl) return "skipped";
  const alert = await store.findAlert(db, event.orgId, event.alertId);
  if (!alert) return "skipped";
  if (alert.webhookDeliveredAt) return "already_sent";
  const subject = await loadRiskFacts(ctx, event.orgId, alert.clientId, alert.pulseEntryId);
  if (!subject) return "skipped";

  const body = JSON.stringify(slackMessage(subject.facts, ctx.appUrl));
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Pulse-Webhooks/1",
    "idempotency-key": alert.id,
    "x-pulse-delivery": alert.id,
  };
  if (settings.webhookSecret) headers[SIGNATURE_HEADER] = signWebhookBody(body, settings.webhookSecret);
  const result = await send({ url: settings.webhookUrl, headers, body });
  if (result.outcome === "blocked") return "blocked";
  if (result.status < 200 || result.status > 299) {
    throw new Error(`The alert webhook answered ${result.status}; the job will retry.`);
  }
  await store.markWebhookDelivered(db, event.orgId, alert.id, ctx.clock.now());
  return "sent";
}
