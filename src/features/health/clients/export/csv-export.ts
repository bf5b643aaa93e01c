import { Readable } from "node:stream";
import { csvCells, EXPORT_COLUMNS, type ExportRow } from "./export-columns.js";

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;
export const csvField = (cell: string): string => (NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** One CSV record (its cells already formula-escaped by `csvCells`), ending in "\n". */
export const csvLine = (cells: readonly string[]): string => `${cells.map(csvField).join(",")}\n`;

/** Bytes gathered before a chunk is handed on: few, large writes instead of one per row. */
const CHUNK_CHARS = 64 * 1024;

async function* chunks(rows: AsyncIterable<ExportRow>): AsyncGenerator<Buffer> {
  let text = `\uFEFF${csvLine(EXPORT_COLUMNS.map((c) => c.header))}`;
  for await (const row of rows) {
    text += csvLine(csvCells(row));
    if (text.length >= CHUNK_CHARS) {
      yield Buffer.from(text, "utf8");
      text = "";
    }
  }
  yield Buffer.from(text, "utf8");
}

/**
 * Clients as a CSV stream: rows are pulled from `rows` only as fast as the reader takes them (one chunk
 * of about 64 KB at a time), so memory stays flat whatever the number of clients. A BOM lets Excel read
 * the file as UTF-8. Errors destroy the stream, which ends the response (the error handler cannot answer
 * mid-file).
 */
export function csvExport(rows: AsyncIterable<ExportRow>): Readable {
  return Readable.from(chunks(rows), { objectMode: false });
}
