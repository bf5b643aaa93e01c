import { setImmediate as yieldToEvents } from "node:timers/promises";
import { CsvError, parse as parseStream } from "csv-parse";
import { parse } from "csv-parse/sync";
import { AppError } from "../../../../kernel/app-error.js";
import { MAX_IMPORT_ROWS } from "./contract.js";

export type CsvRecord = { row: number; cells: string[] };
export type CsvTable = { header: string[]; records: CsvRecord[] };

/** Comma, semicolon (Excel in much of Europe) or tab: whichever the header line uses most, outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? "").replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ",";
}

const parseOptions = (text: string) => ({
  bom: true,
  delimiter: detectDelimiter(text.replace(/^\uFEFF/, "")),
  relax_column_count: true,
  skip_empty_lines: true,
});

function csvError(error: unknown): unknown {
  if (!(error instanceof CsvError)) return error;
  const line = (error as CsvError & { lines?: number }).lines;
  return new AppError("invalid_input", `The file is not valid CSV${line ? ` (near line ${line})` : ""}.`, {
    fields: { file: error.message },
  });
}

function toTable(table: string[][]): CsvTable {
  const [header, ...rest] = table;
  if (!header || header.every((h) => h.trim() === "")) {
    throw new AppError("invalid_input", "The file is empty: it needs a header line naming its columns.", {
      fields: { file: "has no header line" },
    });
  }
  if (rest.length > MAX_IMPORT_ROWS) {
    throw new AppError(
      "rule_broken",
      `The file has ${rest.length.toLocaleString("en-US")} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString("en-US")} at a time by splitting it.`,
      { fields: { file: `has more than ${MAX_IMPORT_ROWS} rows` } },
    );
  }
  const records = rest.map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== ""));
  return { header: header.map((h) => h.trim()), records };
}

/**
 * Parses a CSV file with a header line. Rows are numbered as a spreadsheet shows them (header = 1),
 * blank lines are skipped, and more than MAX_IMPORT_ROWS data rows are refused.
 */
export function readCsv(text: string): CsvTable {
  let table: string[][];
  try {
    table = parse(text, parseOptions(text)) as string[][];
  } catch (error) {
    throw csvError(error);
  }
  return toTable(table);
}

const SLICE = 32 * 1024;

/** readCsv for a job: the file is parsed a slice at a time, letting the process serve requests in between. */
export async function readCsvInSlices(text: string): Promise<CsvTable> {
  const table: string[][] = [];
  const parser = parseStream(parseOptions(text));
  let failure: unknown;
  parser.on("readable", () => {
    for (let record = parser.read(); record !== null; record = parser.read()) table.push(record as string[]);
  });
  parser.on("error", (error) => {
    failure = error;
  });
  const ended = new Promise<void>((resolve) => parser.on("close", resolve));
  for (let at = 0; at < text.length && failure === undefined; at += SLICE) {
    parser.write(text.slice(at, at + SLICE));
    await yieldToEvents();
  }
  if (failure === undefined) parser.end();
  await ended;
  if (failure !== undefined) throw csvError(failure);
  return toTable(table);
}
