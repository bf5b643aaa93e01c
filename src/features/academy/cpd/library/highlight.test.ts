import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HIGHLIGHT_STOP as E, HIGHLIGHT_START as S } from "./catalog-format.js";
import { splitHighlight } from "./highlight.js";

describe("splitHighlight", () => {
  it("turns ts_headline markers into runs", () => {
    expect(splitHighlight(`Scaling ${S}customer${E} success for ${S}customers${E}`)).toEqual([
      { text: "Scaling ", match: false },
      { text: "customer", match: true },
      { text: " success for ", match: false },
      { text: "customers", match: true },
    ]);
    expect(splitHighlight("<b>no markers</b>")).toEqual([{ text: "<b>no markers</b>", match: false }]);
    expect(splitHighlight("")).toEqual([]);
  });

  it("keeps every character but the markers, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constant(S), fc.constant(E))), (parts) => {
        const headline = parts.join("");
        const runs = splitHighlight(headline);
        expect(runs.map((r) => r.text).join("")).toBe(headline.replaceAll(S, "").replaceAll(E, ""));
        expect(runs.every((r) => r.text.length > 0)).toBe(true);
      }),
    );
  });
});
