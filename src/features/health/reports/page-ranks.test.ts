import { describe, expect, it } from "vitest";
import { pageRanks } from "./page-ranks.js";

const counts = [
  { rank: 1, count: 3 },
  { rank: 3, count: 10 },
  { rank: 4, count: 5 },
  { rank: null, count: 2 },
];

describe("pageRanks", () => {
  it("names the levels a page sorted by level reaches and the rows before them", () => {
    expect(pageRanks(counts, { sort: "level", offset: 0, limit: 2 })).toEqual({ ranks: [1], before: 0 });
    expect(pageRanks(counts, { sort: "level", offset: 2, limit: 5 })).toEqual({ ranks: [1, 3], before: 0 });
    expect(pageRanks(counts, { sort: "level", offset: 3, limit: 11 })).toEqual({ ranks: [3, 4], before: 3 });
    expect(pageRanks(counts, { sort: "-level", offset: 0, limit: 6 })).toEqual({ ranks: [4, 3], before: 0 });
    expect(pageRanks(counts, { sort: "level", offset: 40, limit: 5 })).toEqual({ ranks: [], before: 20 });
  });
  it("gives up on pages reaching clients without a pulse and on other sorts", () => {
    expect(pageRanks(counts, { sort: "level", offset: 15, limit: 5 })).toBeNull();
    expect(pageRanks(counts, { sort: "name", offset: 0, limit: 5 })).toBeNull();
  });
});
