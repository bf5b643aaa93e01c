import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError } from "../../catalog/content-loader.js";
import { catalogFileIn, loadCatalog } from "./catalog-loader.js";
import { catalogFiles } from "./catalog-writer.js";
import { demoCatalog } from "./demo-catalog.js";

const contentDir = join(import.meta.dirname, "../../../../../content");

/** The seed's figures (seed 002, Level 5, Component 1), written out here rather than read from seed-paths.ts. */
const SEED: [string, Record<string, number>, number][] = [
  ["Scaling Customer Success", { article: 2, video: 4 }, 116],
  ["CS Leadership Skills", { video: 6 }, 6 * 60 + 4],
  ["Developing, Implementing & Managing a Modern CS Service", { video: 11 }, 11 * 60 + 7],
  ["CSM Power Skills", { video: 10 }, 10 * 60 + 20],
  ["Driving Tech Startup Growth Through CS", { video: 7, download: 7 }, 2 * 60 + 23],
  ["Becoming the Best Possible CSM", { video: 12 }, 3 * 60 + 16],
  ["Basic Skills for CSMs", { video: 24 }, 6 * 60 + 44],
  ["CX Field Manual", { video: 8 }, 6 * 60 + 34],
];
const OTHER: [string, number | null, number][] = [
  ["Practical Customer Success Management Podcasts", 88, 47 * 60 + 49],
  ["Customer Success Bite-size Learning", 58, 5 * 60 + 56],
  ["Preparing for a New Customer Engagement", 7, 2 * 60 + 22],
  ["Customer Success Book Club", 18, 8 * 60 + 42],
  ["Customer Success Thought Leaders Interviews", 19, 17 * 60 + 34],
  ["Customer Success in the Digital Era", 3, 3 * 60],
  ["Practical CSM Framework", null, 5 * 60 + 54],
  ["Women Leaders in Customer Success", 12, 6 * 60 + 32],
  ["Customer Success Leadership Conversations", 8, 6 * 60 + 41],
  ["CS Debates", 4, 3 * 60 + 6],
];

describe("the demo CPD catalog in content/cpd", () => {
  const catalog = loadCatalog(catalogFileIn(contentDir));
  const byKey = new Map(catalog.items.map((i) => [i.key, i]));
  const contentsOf = (title: string) => {
    const path = catalog.paths.find((p) => p.title === title);
    if (!path) throw new Error(`no path ${title}`);
    const steps = path.steps.map((k) => byKey.get(k) ?? expect.unreachable(k));
    const formats: Record<string, number> = {};
    for (const s of steps) formats[s.format] = (formats[s.format] ?? 0) + 1;
    return { path, formats, minutes: steps.reduce((n, s) => n + s.durationMinutes, 0), count: steps.length };
  };

  it("has the seed's featured paths with their contents by format and duration", () => {
    for (const [title, formats, minutes] of SEED) {
      const got = contentsOf(title);
      expect({ title, formats: got.formats, minutes: got.minutes }).toEqual({ title, formats, minutes });
      expect(got.path.featured).toBe(true);
    }
    expect(contentsOf("Scaling Customer Success").path.category).toBe("Leadership Skills for CS");
    expect(contentsOf("Driving Tech Startup Growth Through CS").path.category).toBe("Startups");
    expect(contentsOf("CX Field Manual").path.category).toBe("Customer Experience");
  });

  it("has the ten other paths with their item counts and durations", () => {
    for (const [title, count, minutes] of OTHER) {
      const got = contentsOf(title);
      expect({ title, count: count ?? got.count, minutes: got.minutes }).toEqual({ title, count: got.count, minutes });
      expect(got.path.featured).toBe(false);
    }
    expect(catalog.paths).toHaveLength(18);
  });

  it("holds 1,000+ items and 300+ hours, every format, marked demo", () => {
    expect(catalog.demo).toBe(true);
    expect(catalog.items.length).toBeGreaterThanOrEqual(1000);
    expect(catalog.items.reduce((n, i) => n + i.durationMinutes, 0)).toBeGreaterThanOrEqual(300 * 60);
    expect(new Set(catalog.items.map((i) => i.format))).toEqual(
      new Set(["video", "article", "audio", "download", "tool"]),
    );
    expect(new Set(catalog.items.map((i) => i.title)).size).toBe(catalog.items.length);
  });

  it("is exactly what the generator writes (regenerate with write-demo-catalog.ts)", () => {
    const { yaml, csv } = catalogFiles(demoCatalog());
    expect(readFileSync(join(contentDir, "cpd/library.csv"), "utf8")).toBe(csv);
    expect(readFileSync(join(contentDir, "cpd/catalog.yaml"), "utf8")).toContain(yaml);
  });
});

describe("loading a publisher's catalog", () => {
  const dir = mkdtempSync(join(tmpdir(), "cpd-catalog-"));
  const problemsOf = (file: string) => {
    try {
      loadCatalog(file);
    } catch (error) {
      if (error instanceof ContentError) return error.problems;
      throw error;
    }
    return [];
  };

  it("reads a CSV of items (a catalog without paths)", () => {
    const file = join(dir, "items.csv");
    writeFileSync(
      file,
      "key,title,summary,format,category,durationMinutes,publishedOn\nmy-1,Renewals 101,How renewals work,article,Renewals,10,2025-01-02\n",
    );
    expect(loadCatalog(file)).toMatchObject({ demo: false, paths: [], items: [{ key: "my-1", durationMinutes: 10 }] });
  });

  it("reports every bad row and reference with file and path", () => {
    const csv = join(dir, "bad.csv");
    writeFileSync(
      csv,
      "key,title,summary,format,category,durationMinutes,publishedOn,colour\nBad Key,,x,film,C,0,2025-13-01,red\nok-1,T,S,video,C,5,2025-01-01,\nok-1,T2,S,article,C,5,2025-01-01,\n",
    );
    const problems = problemsOf(csv);
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "header",
        "row 2.key",
        "row 2.title",
        "row 2.format",
        "row 2.durationMinutes",
        "row 2.publishedOn",
        "items.ok-1",
      ]),
    );
    const yaml = join(dir, "catalog.yaml");
    writeFileSync(
      yaml,
      "format: pulse-cpd-catalog/1\nitems:\n  - { key: a, title: A, summary: S, format: tool, category: C, durationMinutes: 3, publishedOn: 2025-01-01 }\npaths:\n  - { key: p, title: P, category: C, description: D, steps: [a, a, nope] }\n",
    );
    expect(problemsOf(yaml)).toEqual([
      { file: "catalog.yaml", path: "paths.p.steps", message: 'no item "nope" in the catalog' },
      { file: "catalog.yaml", path: "paths.p.steps", message: 'item "a" is a step twice' },
    ]);
  });

  it("refuses the highlight marker characters in text", () => {
    const file = join(dir, "marker.csv");
    writeFileSync(
      file,
      "key,title,summary,format,category,durationMinutes,publishedOn\nm,Bad \uE000 title,S,video,C,5,2025-01-01\n",
    );
    expect(problemsOf(file).map((p) => p.path)).toEqual(["row 2.title"]);
  });
});
