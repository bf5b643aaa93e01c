import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bitIsSet, decodeStatusList, encodeStatusList, STATUS_LIST_SIZE, statusPosition } from "./status-list.js";

describe("bitstring status list", () => {
  it("sets exactly the given bits, most significant bit first", () => {
    const bits = decodeStatusList(encodeStatusList([0, 9, STATUS_LIST_SIZE - 1]));
    expect(bits.length).toBe(STATUS_LIST_SIZE / 8);
    expect(bits[0]).toBe(0b1000_0000);
    expect(bits[1]).toBe(0b0100_0000);
    expect(bits[bits.length - 1]).toBe(0b0000_0001);
    expect(bitIsSet(bits, 0)).toBe(true);
    expect(bitIsSet(bits, 1)).toBe(false);
    expect(bitIsSet(bits, 9)).toBe(true);
  });

  it("is multibase base64url (prefix u, no padding) of gzip", () => {
    const encoded = encodeStatusList([]);
    expect(encoded.startsWith("u")).toBe(true);
    expect(encoded).not.toMatch(/[+/=]/);
    // An empty 16 KB list compresses to a few dozen bytes.
    expect(encoded.length).toBeLessThan(200);
    expect(decodeStatusList(encoded).every((b) => b === 0)).toBe(true);
  });

  it("round-trips any set of bits (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 4095 }), { maxLength: 200 }), (set) => {
        const bits = decodeStatusList(encodeStatusList(set, 4096));
        const wanted = new Set(set);
        for (let i = 0; i < 4096; i++) expect(bitIsSet(bits, i)).toBe(wanted.has(i));
      }),
      { numRuns: 50 },
    );
  });

  it("refuses bits outside the list and malformed encodings", () => {
    expect(() => encodeStatusList([STATUS_LIST_SIZE])).toThrow(/outside/);
    expect(() => encodeStatusList([-1])).toThrow(/outside/);
    expect(() => decodeStatusList("zabc")).toThrow(/multibase/);
  });

  it("spreads status indexes over lists of 131,072 entries", () => {
    expect(statusPosition(0)).toEqual({ list: 0, index: 0 });
    expect(statusPosition(STATUS_LIST_SIZE + 5)).toEqual({ list: 1, index: 5 });
  });
});
