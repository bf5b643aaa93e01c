// Alerts: risk alerts raised on pulse.set, the inbox, e-mail choices, escalation, reminders and digests.

export { getAlertSettings, saveAlertSettings } from "./service/alert-settings.js";
export { claimAlert, getAlert, listAlerts } from "./service/alerts.js";
export { escalateDueAlerts } from "./service/escalate-alerts.js";
export {
  getMyPreferences,
  listMyNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  saveMyPreferences,
} from "./service/inbox.js";
export { postAlertWebhook } from "./service/post-alert-webhook.js";
export { raiseAlert } from "./service/raise-alert.js";
export { remindCsms } from "./service/remind-csms.js";
export { resolveRecoveredAlerts } from "./service/resolve-alerts.js";
export { sendDigests } from "./service/send-digests.js";
