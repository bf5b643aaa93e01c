import { z } from "zod";
import { storableText, text } from "../../../kernel/text.js";
import { OrgParams } from "../../accounts/organizations/contract.js";
import { PulseLevel } from "../pulses/contract.js";

// ---- alerts ----

export const ALERT_STATUSES = ["open", "claimed", "recovered", "all"] as const;
export const AlertListQuery = z.object({
  /** open = nobody claimed it and the pulse has not recovered; claimed = someone did; recovered = the pulse rose back above the threshold; all = every alert. */
  status: z.enum(ALERT_STATUSES).default("open"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AlertListQuery = z.input<typeof AlertListQuery>;

export const AlertParams = OrgParams.extend({ alertId: z.uuid("is not a valid alert id") });

const Person = z.object({ id: z.uuid(), name: z.string() });

export const Alert = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  assignedCsm: Person.nullable(),
  /** The level the pulse was set to when the alert was raised. */
  level: PulseLevel,
  /** The client's pulse now (null when it has none); differs from `level` once someone sets it again. */
  currentLevel: PulseLevel.nullable(),
  /** A newer pulse replaced the one that raised this alert; a superseded alert no longer escalates. */
  superseded: z.boolean(),
  raisedAt: z.iso.datetime(),
  claimedBy: Person.nullable(),
  claimedAt: z.iso.datetime().nullable(),
  escalatedAt: z.iso.datetime().nullable(),
  /** open, claimed, or recovered once a pulse above the threshold resolved it. */
  status: z.enum(["open", "claimed", "recovered"]),
  /** When the pulse rose back above the threshold, and the pulse entry that did it. */
  resolvedAt: z.iso.datetime().nullable(),
  resolvedByEntryId: z.uuid().nullable(),
});
export type Alert = z.infer<typeof Alert>;
export const AlertList = z.object({ alerts: z.array(Alert), total: z.number().int() });
export type AlertList = z.infer<typeof AlertList>;

// ---- notifications (the signed-in person's inbox in one organization) ----

export const NOTIFICATION_KINDS = ["risk_alert", "alert_escalated", "pulse_reminder"] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NotificationListQuery = z.object({
  unread: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type NotificationListQuery = z.input<typeof NotificationListQuery>;

export const NotificationParams = OrgParams.extend({ notificationId: z.uuid("is not a valid notification id") });

export const Notification = z.object({
  id: z.uuid(),
  kind: NotificationKind,
  title: z.string(),
  body: z.string(),
  /** An app path (e.g. /pulse/alerts) to open from the inbox. */
  link: z.string().nullable(),
  /** The alert this is about, for risk_alert and alert_escalated. */
  alertId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof Notification>;
export const NotificationList = z.object({ notifications: z.array(Notification), unreadCount: z.number().int() });
export type NotificationList = z.infer<typeof NotificationList>;

export const EMAIL_MODES = ["realtime", "digest", "off"] as const;
export const EmailMode = z.enum(EMAIL_MODES);
export type EmailMode = z.infer<typeof EmailMode>;
export const NotificationPreferences = z.object({ emailMode: EmailMode });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

// ---- alert settings (part of the organization's health settings) ----

/** Alerts are raised at this level or below; only the risk half of the scale may be chosen. */
export const AlertThreshold = z.enum(["severe_risk", "high_risk", "some_risk"], "must be a risk level");

export const PRIMARY_METRICS = ["arr", "mrr", "acv"] as const;
const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export const AlertSettings = z.object({
  alertThreshold: PulseLevel,
  escalateAfterHours: z.number().int(),
  reminderDays: z.number().int(),
  /** Shown to admins and owners only: anyone holding a webhook URL can post to it. */
  webhookUrl: z.string().nullable(),
  webhookConfigured: z.boolean(),
  webhookSecretSet: z.boolean(),
  /** The money figure lists and reports show first. */
  primaryMetric: z.enum(PRIMARY_METRICS),
  /** The currency of the organization's totals (ISO 4217). */
  currency: z.string(),
  /** 1 (January) to 12: where "renewing in Q1" starts. */
  fiscalStartMonth: z.number().int(),
});
export type AlertSettings = z.infer<typeof AlertSettings>;

const WebhookUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .max(2000, "must be at most 2000 characters")
  .check(storableText);

export const AlertSettingsBody = z.object({
  alertThreshold: AlertThreshold,
  escalateAfterHours: z
    .number("must be a number")
    .int("must be a whole number of hours")
    .min(1, "must be at least 1 hour")
    .max(720, "must be at most 720 hours (30 days)"),
  reminderDays: z
    .number("must be a number")
    .int("must be a whole number of days")
    .min(1, "must be at least 1 day")
    .max(365, "must be at most 365 days"),
  webhookUrl: z.preprocess((v) => (v === "" ? null : v), WebhookUrl.nullable()),
  /** Omit to keep the stored secret; null clears it. Required once a webhook URL is set. */
  webhookSecret: z.preprocess(
    (v) => (v === "" ? undefined : v),
    text().min(16, "must be at least 16 characters").max(200, "must be at most 200 characters").nullable().optional(),
  ),
  /** Omit any of these three to keep what is stored. */
  primaryMetric: z.enum(PRIMARY_METRICS, "must be one of arr, mrr, acv").optional(),
  currency: text("must be a currency code")
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "must be a 3-letter currency code (e.g. USD)")
    .refine((code) => KNOWN_CURRENCIES.has(code), "is not a known currency code")
    .optional(),
  fiscalStartMonth: z
    .number("must be a number")
    .int("must be a whole month number")
    .min(1, "must be 1 (January) to 12 (December)")
    .max(12, "must be 1 (January) to 12 (December)")
    .optional(),
});
export type AlertSettingsBody = z.input<typeof AlertSettingsBody>;
