import { pipeline, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { csvCells, EXPORT_COLUMNS, type ExportRow } from "./export-columns.js";

async function* cells(rows: AsyncIterable<ExportRow>) {
  for await (const row of rows) yield csvCells(row);
}

/**
 * Clients as a CSV stream: rows are pulled from `rows` only as fast as the reader takes them, so memory
 * stays flat whatever the number of clients. A BOM lets Excel read the file as UTF-8.
 */
export function csvExport(rows: AsyncIterable<ExportRow>): Readable {
  const stringifier = stringify({ header: true, columns: EXPORT_COLUMNS.map((c) => c.header), bom: true });
  return pipeline(Readable.from(cells(rows)), stringifier, () => {
    // Errors destroy the stream, which ends the response; the error handler cannot answer mid-file.
  });
}
