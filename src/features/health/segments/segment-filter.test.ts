import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SegmentFilter, SegmentFilterQuery, segmentFilterToQuery } from "./contract.js";
import { type FilterableClient, matchesSegment, resolveSegmentFilter } from "./segment-filter.js";

const client = (overrides: Partial<FilterableClient> = {}): FilterableClient => ({
  name: "Globex",
  externalId: "G-1",
  clientType: "Enterprise",
  assignedCsmId: null,
  status: "active",
  tags: [],
  clientSince: null,
  arrMinor: 0,
  rank: null,
  pulseSetAt: null,
  reasonCodeIds: [],
  successScore: null,
  usage: null,
  nextRenewalDate: null,
  archived: false,
  ...overrides,
});
const TODAY = "2026-11-23";
const resolve = (filter: SegmentFilter, today = TODAY, fiscalStartMonth = 1) =>
  resolveSegmentFilter(filter, today, fiscalStartMonth);
const matches = (c: FilterableClient, filter: SegmentFilter) => matchesSegment(c, resolve(filter));

describe("resolveSegmentFilter", () => {
  it("reads 'renewing in Q1' in November as next year's first quarter", () => {
    expect(resolve({ renewalQuarter: "Q1" })).toMatchObject({
      renewalFrom: "2027-01-01",
      renewalToExclusive: "2027-04-01",
    });
    expect(resolve({ renewalQuarter: "Q4" })).toMatchObject({ renewalFrom: "2026-10-01" });
  });

  it("uses the organization's fiscal year for quarter shortcuts", () => {
    // Fiscal year from April: 23 Nov is in Q3 (Oct-Dec), so next quarter is Jan-Mar.
    expect(resolve({ renewalQuarter: "next_quarter" }, TODAY, 4)).toMatchObject({
      renewalFrom: "2027-01-01",
      renewalToExclusive: "2027-04-01",
    });
    expect(resolve({ renewalQuarter: "Q1" }, TODAY, 4)).toMatchObject({ renewalFrom: "2027-04-01" });
  });

  it("turns 'within N days' into today up to and including today + N", () => {
    expect(resolve({ renewalWithinDays: 60 })).toMatchObject({
      renewalFrom: "2026-11-23",
      renewalToExclusive: "2027-01-23",
    });
  });

  it("intersects several renewal parts", () => {
    expect(resolve({ renewalQuarter: "next_quarter", renewalWithinDays: 60, renewalTo: "2027-06-30" })).toMatchObject({
      renewalFrom: "2027-01-01",
      renewalToExclusive: "2027-01-23",
    });
  });

  it("defaults to leaving archived clients out", () => {
    expect(resolve({}).archived).toBe("exclude");
  });

  it("never sets a renewal bound the filter did not ask for", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 1, max: 12 }), (days, month) => {
        const r = resolveSegmentFilter({ pulseNotSetDays: days }, TODAY, month);
        return r.renewalFrom === undefined && r.renewalToExclusive === undefined && r.pulseSetBefore !== undefined;
      }),
    );
  });

  it("resolves every quarter shortcut to a three-month range containing or after today", () => {
    const day = fc
      .date({ min: new Date("2000-01-01"), max: new Date("2090-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 12 }), fc.constantFrom("Q1", "Q2", "Q3", "Q4"), (today, m, q) => {
        const r = resolveSegmentFilter({ renewalQuarter: q as "Q1" }, today, m);
        const from = r.renewalFrom as string;
        const to = r.renewalToExclusive as string;
        const months =
          (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
        return months === 3 && to > today && from.endsWith("-01");
      }),
    );
  });
});

describe("segment semantics", () => {
  it("counts never-set pulses as 'not set in more than 30 days'", () => {
    const filter = { pulseNotSetDays: 30 };
    expect(matches(client({ pulseSetAt: null }), filter)).toBe(true);
    expect(matches(client({ pulseSetAt: new Date("2026-10-23T12:00:00Z") }), filter)).toBe(true); // 31 days
    expect(matches(client({ pulseSetAt: new Date("2026-10-24T00:00:00Z") }), filter)).toBe(false); // 30 days
    expect(matches(client({ pulseSetAt: new Date("2026-11-20T00:00:00Z") }), filter)).toBe(false);
  });

  it("keeps every non-archived client for an empty filter", () => {
    expect(matches(client(), {})).toBe(true);
    expect(matches(client({ archived: true }), {})).toBe(false);
    expect(matches(client({ archived: true }), { archived: "only" })).toBe(true);
    expect(matches(client(), { archived: "only" })).toBe(false);
    expect(matches(client({ archived: true }), { archived: "include" })).toBe(true);
  });

  it("ANDs across fields and ORs within one", () => {
    const severe = client({ rank: 1, nextRenewalDate: "2027-02-10" });
    expect(matches(severe, { levels: ["severe_risk", "high_risk"] })).toBe(true);
    expect(matches(severe, { levels: ["severe_risk"], renewalQuarter: "next_quarter" })).toBe(true);
    expect(matches(severe, { levels: ["severe_risk"], renewalQuarter: "this_quarter" })).toBe(false);
    expect(matches(severe, { levels: ["satisfied", "none"] })).toBe(false);
    expect(matches(client(), { levels: ["satisfied", "none"] })).toBe(true);
    expect(matches(client({ assignedCsmId: null }), { assignedTo: ["unassigned"] })).toBe(true);
    expect(matches(client({ tags: ["emea", "beta"] }), { tags: ["apac", "beta"] })).toBe(true);
  });

  it("leaves clients without a score or usage out of a score range, and sorts usage into trends", () => {
    expect(matches(client({ successScore: null }), { scoreMax: 40 })).toBe(false);
    expect(matches(client({ successScore: 40 }), { scoreMax: 40 })).toBe(true);
    expect(matches(client({ usage: 30 }), { usageTrends: ["declining"] })).toBe(true);
    expect(matches(client({ usage: 50 }), { usageTrends: ["declining", "growing"] })).toBe(false);
    expect(matches(client({ usage: null }), { usageTrends: ["no_data"] })).toBe(true);
  });

  it("treats an empty list as no condition", () => {
    expect(matches(client(), { levels: [], statuses: [], tags: [] })).toBe(true);
  });
});

describe("filter in the URL", () => {
  it("round-trips through query parameters", () => {
    const filter: SegmentFilter = {
      q: "glo",
      levels: ["severe_risk", "none"],
      assignedTo: ["unassigned"],
      arrMin: 100_000,
      renewalQuarter: "Q1",
      pulseNotSetDays: 30,
      archived: "include",
    };
    expect(SegmentFilterQuery.parse(segmentFilterToQuery(filter))).toEqual(filter);
  });

  it("accepts repeated parameters and rejects unknown values", () => {
    expect(SegmentFilterQuery.parse({ levels: ["severe_risk", "high_risk"], scoreMin: "10" })).toEqual({
      levels: ["severe_risk", "high_risk"],
      scoreMin: 10,
    });
    expect(SegmentFilterQuery.safeParse({ levels: "terrible" }).success).toBe(false);
    expect(SegmentFilterQuery.safeParse({ arrMin: "lots" }).success).toBe(false);
  });
});
