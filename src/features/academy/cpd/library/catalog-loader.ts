import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { ContentError, type ContentProblem } from "../../catalog/content-loader.js";
import { CatalogFile, CatalogItem, CatalogPath, CSV_COLUMNS, type LoadedCatalog } from "./catalog-format.js";

/** Where a content folder keeps its CPD catalog: `<content folder>/cpd/catalog.yaml`. */
export const catalogFileIn = (contentDir: string) => join(contentDir, "cpd", "catalog.yaml");

/**
 * Reads a CPD catalog from a `catalog.yaml`, a folder holding one, or a CSV of items (a catalog without
 * paths), and checks it whole: every problem of every row is reported together (file, path, message).
 */
export function loadCatalog(source: string): LoadedCatalog {
  const file = existsSync(source) && statSync(source).isDirectory() ? join(source, "catalog.yaml") : source;
  if (!existsSync(file)) throw new ContentError([{ file, path: "", message: "no CPD catalog here" }]);
  const problems: ContentProblem[] = [];
  const catalog = file.endsWith(".csv") ? fromCsv(file, problems) : fromYaml(file, problems);
  if (catalog) checkReferences(catalog, basename(file), problems);
  if (problems.length > 0 || !catalog) throw new ContentError(problems);
  return catalog;
}

function issues(problems: ContentProblem[], file: string, prefix: string, error: z.ZodError) {
  for (const issue of error.issues) {
    problems.push({
      file,
      path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
      message: issue.message,
    });
  }
}

function parseEach<S extends z.ZodType>(
  schema: S,
  rows: unknown[],
  file: string,
  label: (i: number) => string,
  problems: ContentProblem[],
) {
  const out: z.infer<S>[] = [];
  rows.forEach((row, i) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) out.push(parsed.data);
    else issues(problems, file, label(i), parsed.error);
  });
  return out;
}

function fromYaml(file: string, problems: ContentProblem[]): LoadedCatalog | undefined {
  const name = basename(file);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    problems.push({ file: name, path: "", message: (error as Error).message.split("\n")[0] ?? "unreadable" });
    return undefined;
  }
  const top = CatalogFile.safeParse(raw);
  if (!top.success) {
    issues(problems, name, "", top.error);
    return undefined;
  }
  const items = parseEach(CatalogItem, top.data.items, name, (i) => `items.${i}`, problems);
  if (top.data.itemsCsv) {
    const csv = fromCsv(join(dirname(file), top.data.itemsCsv), problems);
    if (csv) items.push(...csv.items);
  }
  const paths = parseEach(CatalogPath, top.data.paths, name, (i) => `paths.${i}`, problems);
  return { demo: top.data.demo, items, paths };
}

function fromCsv(file: string, problems: ContentProblem[]): LoadedCatalog | undefined {
  const name = basename(file);
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true, bom: true });
  } catch (error) {
    problems.push({ file: name, path: "", message: (error as Error).message.split("\n")[0] ?? "unreadable" });
    return undefined;
  }
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const missing = ["key", "title", "summary", "format", "category", "durationMinutes", "publishedOn"].filter(
    (c) => !header.includes(c),
  );
  const unknown = header.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (rows.length > 0 && missing.length > 0)
    problems.push({ file: name, path: "header", message: `missing columns: ${missing.join(", ")}` });
  if (unknown.length > 0)
    problems.push({ file: name, path: "header", message: `unknown columns: ${unknown.join(", ")}` });
  // Row numbers as a spreadsheet shows them: the header is row 1.
  const items = parseEach(CatalogItem, rows, name, (i) => `row ${i + 2}`, problems);
  return { demo: false, items, paths: [] };
}

function checkReferences(catalog: LoadedCatalog, file: string, problems: ContentProblem[]) {
  const duplicates = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);
  for (const key of new Set(duplicates(catalog.items.map((i) => i.key))))
    problems.push({ file, path: `items.${key}`, message: `item key "${key}" is there more than once` });
  for (const key of new Set(duplicates(catalog.paths.map((p) => p.key))))
    problems.push({ file, path: `paths.${key}`, message: `path key "${key}" is there more than once` });
  const itemKeys = new Set(catalog.items.map((i) => i.key));
  for (const path of catalog.paths) {
    for (const step of path.steps)
      if (!itemKeys.has(step))
        problems.push({ file, path: `paths.${path.key}.steps`, message: `no item "${step}" in the catalog` });
    for (const step of new Set(duplicates(path.steps)))
      problems.push({ file, path: `paths.${path.key}.steps`, message: `item "${step}" is a step twice` });
  }
}
