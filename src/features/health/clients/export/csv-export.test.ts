import type { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvExport, csvField } from "./csv-export.js";
import { csvCells, EXPORT_COLUMNS, type ExportRow } from "./export-columns.js";

/** The bytes as UTF-8, the BOM kept (TextDecoder would drop it). */
const text = async (stream: Readable) => (await buffer(stream)).toString("utf8");

async function* from<T>(items: T[]) {
  yield* items;
}

// Text as people type it, with the characters that matter to CSV and spreadsheets over-represented.
const tricky = fc.constantFrom(
  ",",
  '"',
  "\n",
  "\r",
  "\r\n",
  "=",
  "+",
  "-",
  "@",
  "\t",
  "'",
  " ",
  "＝",
  "＋",
  "－",
  "＠",
  ";",
);
const cellText = fc
  .array(fc.oneof(tricky, fc.string({ unit: "grapheme", maxLength: 4 })), { maxLength: 6 })
  .map((parts) => parts.join(""));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const day = fc.date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true });

const exportRow: fc.Arbitrary<ExportRow> = fc.record({
  name: cellText,
  external_id: maybe(cellText),
  client_type: cellText,
  status: fc.constantFrom("onboarding", "active", "at_risk", "inactive"),
  csm_name: maybe(cellText),
  csm_email: maybe(cellText),
  arr_minor: fc.integer({ min: -1e12, max: 1e12 }),
  mrr_minor: fc.integer({ min: 0, max: 1e10 }),
  acv_minor: fc.integer({ min: 0, max: 1e10 }),
  currency: fc.constantFrom("USD", "EUR"),
  next_renewal_date: maybe(day.map((d) => d.toISOString().slice(0, 10))),
  client_since: maybe(day.map((d) => d.toISOString().slice(0, 10))),
  rank: maybe(fc.integer({ min: 1, max: 6 })),
  pulse_at: maybe(day.map((d) => d.toISOString())),
  reasons: maybe(cellText),
  score: maybe(fc.integer({ min: 0, max: 100 })),
  usage: maybe(fc.double({ min: 0, max: 100, noNaN: true })),
  tags: fc.array(cellText, { maxLength: 3 }),
  archived: fc.boolean(),
});

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

describe("client CSV export", () => {
  it("parses back (csv-parse) to the header and every row's cells, whatever the text holds", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(exportRow, { maxLength: 30 }), async (rows) => {
        const csv = await text(csvExport(from(rows)));
        expect(csv.startsWith("\uFEFF")).toBe(true);
        const records = parse(csv, { bom: true, relax_column_count: false }) as string[][];
        expect(records).toEqual([EXPORT_COLUMNS.map((c) => c.header), ...rows.map(csvCells)]);
      }),
      { numRuns: 300 },
    );
  });

  it("no text cell a spreadsheet reads starts a formula: each such cell starts with an apostrophe", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(exportRow, { minLength: 1, maxLength: 10 }), async (rows) => {
        const records = parse(await text(csvExport(from(rows))), { bom: true }) as string[][];
        EXPORT_COLUMNS.forEach((column, i) => {
          if (column.kind !== "text") return;
          for (const record of records.slice(1)) expect(record[i]).not.toMatch(FORMULA_START);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("quotes only fields with a comma, a quote or a line break", () => {
    expect(csvField("plain text")).toBe("plain text");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\r")).toBe('"cr\r"');
  });

  it("streams a large export in chunks of about 64 KB, not one per row", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      ...fc.sample(exportRow, { numRuns: 1, seed: i })[0],
      name: `Client ${i}`,
    })) as ExportRow[];
    const sizes: number[] = [];
    for await (const chunk of csvExport(from(rows))) sizes.push((chunk as Buffer).length);
    expect(sizes.length).toBeLessThan(rows.length / 50);
    expect(Math.max(...sizes)).toBeLessThan(256 * 1024);
  });
});
