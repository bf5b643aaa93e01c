import { describe, expect, it } from "vitest";
import { parseImportDate } from "./parse-date.js";

describe("parseImportDate", () => {
  it.each([
    ["2027-01-31", "2027-01-31"],
    ["2027-1-5", "2027-01-05"],
    ["2027/01/31", "2027-01-31"],
    ["2027-01-31T00:00:00Z", "2027-01-31"],
    ["31.01.2027", "2027-01-31"],
    ["1/31/2027", "2027-01-31"],
    ["31/1/2027", "2027-01-31"],
    ["3/4/27", "2027-03-04"],
    ["31 Jan 2027", "2027-01-31"],
    ["31-Jan-2027", "2027-01-31"],
    ["Jan 31, 2027", "2027-01-31"],
    ["January 31 2027", "2027-01-31"],
  ])("reads %s", (text, iso) => {
    expect(parseImportDate(text)).toBe(iso);
  });

  it("reads ambiguous day/month by the chosen order", () => {
    expect(parseImportDate("03/04/2027", "mdy")).toBe("2027-03-04");
    expect(parseImportDate("03/04/2027", "dmy")).toBe("2027-04-03");
  });

  it.each(["2027-02-30", "13/13/2027", "soon", "31 Foo 2027", "", "2027-01-31 garbage"])("refuses %s", (text) => {
    expect(parseImportDate(text)).toBeNull();
  });
});
