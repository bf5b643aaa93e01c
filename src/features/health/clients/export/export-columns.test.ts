import { describe, expect, it } from "vitest";
import { csvCells, EXPORT_COLUMNS, type ExportRow, escapeSpreadsheetText } from "./export-columns.js";

const row: ExportRow = {
  name: '=HYPERLINK("http://evil")',
  external_id: "+1",
  client_type: "-x",
  status: "active",
  csm_name: "@sum",
  csm_email: "csm@example.test",
  arr_minor: 1_234_567,
  mrr_minor: 0,
  acv_minor: 5,
  currency: "EUR",
  next_renewal_date: "2027-02-01",
  client_since: null,
  rank: 1,
  pulse_at: "2026-11-20T10:00:00.000Z",
  reasons: "\tBudget cuts",
  score: 17,
  usage: 40,
  tags: ["emea", "beta"],
  archived: false,
};

describe("client export cells", () => {
  it("escapes text a spreadsheet would run as a formula", () => {
    for (const text of ["=1+1", "+1", "-1", "@x", "\tx", "\rx"]) expect(escapeSpreadsheetText(text)).toBe(`'${text}`);
    for (const text of ["plain", "a=b", " =x", ""]) expect(escapeSpreadsheetText(text)).toBe(text);
  });

  it("writes money as major units with the currency, the pulse label, score and usage", () => {
    const cells = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c.header, csvCells(row)[i]]));
    expect(cells).toMatchObject({
      Name: '\'=HYPERLINK("http://evil")',
      "External ID": "'+1",
      "Client type": "'-x",
      "Assigned CSM": "'@sum",
      ARR: "12345.67",
      MRR: "0.00",
      ACV: "0.05",
      Currency: "EUR",
      Pulse: "Severe Risk",
      "Pulse set": "2026-11-20",
      "Pulse reasons": "'\tBudget cuts",
      SuccessScore: "17",
      "Usage change %": "-20",
      Tags: "emea; beta",
      "Client since": "",
    });
  });
});
