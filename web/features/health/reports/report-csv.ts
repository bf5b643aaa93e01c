import type { ReportClient } from "../../../../src/features/health/reports/contract";
import { CLIENT_STATUS_LABELS, type ClientStatusValue } from "../clients/client-status-display";
import { currencyDigits } from "../clients/money";
import { PULSE_LEVEL_LABELS } from "../pulses/pulse-level-display";
import type { MoneyMetric } from "./report-measure";
import { MEASURE_LABELS } from "./report-measure";

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula:
 * prefix those with an apostrophe so an exported client name can never execute (OWASP CSV injection).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (cells: (string | number | null)[]) => cells.map(csvCell).join(",");

/** The client list of a report as CSV (RFC 4180, CRLF line ends), money in major units. */
export function reportClientsCsv(clients: ReportClient[], moneyColumn: MoneyMetric): string {
  const header = row([
    "Client",
    "Client type",
    "Assigned CSM",
    "Status",
    MEASURE_LABELS[moneyColumn],
    "Currency",
    "Next renewal",
    "Pulse",
    "Pulse updated",
  ]);
  const lines = clients.map((client) =>
    row([
      client.name,
      client.clientType,
      client.assignedCsmName ?? "",
      CLIENT_STATUS_LABELS[client.status as ClientStatusValue] ?? client.status,
      (client.value / 10 ** currencyDigits(client.currency)).toFixed(currencyDigits(client.currency)),
      client.currency,
      client.nextRenewalDate,
      client.level ? PULSE_LEVEL_LABELS[client.level] : "No pulse yet",
      client.pulseUpdatedAt,
    ]),
  );
  return `${[header, ...lines].join("\r\n")}\r\n`;
}

/** Hands a text file to the browser's download. */
export function downloadText(fileName: string, text: string, type = "text/csv;charset=utf-8"): void {
  // A byte-order mark lets Excel read UTF-8 names correctly.
  const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
