import { once } from "node:events";
import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import { EXPORT_COLUMNS, type ExportRow } from "./export-columns.js";

const MONEY_FORMAT = "#,##0.00";

type ZipInput = NodeJS.EventEmitter & { writableNeedDrain?: boolean; _writableState?: { needDrain?: boolean } };

/**
 * Whether the stream the sheet's XML is piped into on its way to the zip is over its limit. exceljs 4.4
 * writes to it without waiting, so rows pile up in memory while deflate lags behind (exceljs #2916);
 * waiting for it to drain keeps memory flat. Internal API (archiver's readable-stream PassThrough),
 * hence the guarded lookup: if it changes, exports still work, only without this limit.
 */
function backedUpZipInput(sheet: ExcelJS.Worksheet): ZipInput | undefined {
  const stream = (sheet as unknown as { stream?: { pipes?: ZipInput[] } }).stream;
  const pipe = stream?.pipes?.[0];
  const full = pipe?.writableNeedDrain ?? pipe?._writableState?.needDrain;
  return full && typeof pipe?.once === "function" ? pipe : undefined;
}

/** Excel allows 31 characters and none of []:*?/\ in a sheet name. */
export const sheetName = (name: string) =>
  name
    .replace(/[[\]:*?/\\]/g, " ")
    .trim()
    .slice(0, 31) || "Clients";

/**
 * Clients as an .xlsx stream through exceljs's streaming WorkbookWriter: each row is committed (written
 * out) as soon as it is added, and reading pauses while the response is not drained. Cells are typed
 * (text stays text), so nothing in them runs as a formula.
 */
export function xlsxExport(rows: AsyncIterable<ExportRow>, title: string): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(title), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    style: c.kind === "money" ? { numFmt: MONEY_FORMAT } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  const write = async () => {
    for await (const row of rows) {
      sheet.addRow(EXPORT_COLUMNS.map((c) => c.value(row))).commit();
      const zipInput = backedUpZipInput(sheet);
      if (zipInput) await once(zipInput, "drain");
      if (out.writableNeedDrain) await once(out, "drain");
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
