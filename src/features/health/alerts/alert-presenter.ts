import { levelOfRank } from "../pulses/pulse-levels.js";
import type { Alert, Notification, NotificationKind } from "./contract.js";
import type { AlertListRow, NotificationRow } from "./store.js";

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? "Former member" } : null);

export function presentAlert(row: AlertListRow): Alert {
  return {
    id: row.id,
    clientId: row.clientId,
    clientName: row.clientName,
    assignedCsm: person(row.csmId, row.csmName),
    level: levelOfRank(row.rank),
    currentLevel: row.currentRank === null ? null : levelOfRank(row.currentRank),
    superseded: row.superseded,
    raisedAt: row.raisedAt.toISOString(),
    claimedBy: person(row.claimedById, row.claimedByName),
    claimedAt: row.claimedAt?.toISOString() ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    status: row.resolvedAt ? "recovered" : row.claimedAt ? "claimed" : "open",
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedByEntryId: row.resolvedByEntryId,
  };
}

const ABOUT_AN_ALERT: ReadonlySet<string> = new Set<NotificationKind>(["risk_alert", "alert_escalated"]);

export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    link: row.link,
    alertId: ABOUT_AN_ALERT.has(row.kind) ? row.subjectKey : null,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
