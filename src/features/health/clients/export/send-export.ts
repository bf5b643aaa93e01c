import type { FastifyReply } from "fastify";
import { csvExport } from "./csv-export.js";
import type { ExportRow } from "./export-columns.js";
import { xlsxExport } from "./xlsx-export.js";

export type ExportFormat = "csv" | "xlsx";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** "Severe Risk, Q1" on 2026-11-23 -> severe-risk-q1-2026-11-23 (ASCII for old clients; filename* keeps the rest). */
export function exportFileName(title: string, day: string, format: ExportFormat) {
  const ascii = title
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[\s_]+/g, "-")
    .toLowerCase()
    .slice(0, 60);
  return `${ascii || "clients"}-${day}.${format}`;
}

/** Streams clients as a download; `title` names the file and the sheet. */
export function sendExport(
  reply: FastifyReply,
  format: ExportFormat,
  title: string,
  day: string,
  rows: AsyncIterable<ExportRow>,
) {
  const file = exportFileName(title, day, format);
  const utf8 = encodeURIComponent(`${title}-${day}.${format}`).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  reply
    .header("content-type", CONTENT_TYPES[format])
    .header("content-disposition", `attachment; filename="${file}"; filename*=UTF-8''${utf8}`)
    .header("cache-control", "no-store");
  return reply.send(format === "csv" ? csvExport(rows) : xlsxExport(rows, title));
}
