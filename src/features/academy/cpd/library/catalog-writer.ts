import { stringify as stringifyCsv } from "csv-stringify/sync";
import { stringify as stringifyYaml } from "yaml";
import { CATALOG_FORMAT, CSV_COLUMNS, type LoadedCatalog } from "./catalog-format.js";

/** A catalog as the two files a publisher would write: catalog.yaml (paths) naming items.csv (items). */
export function catalogFiles(catalog: LoadedCatalog, itemsCsv = "library.csv"): { yaml: string; csv: string } {
  const yaml = stringifyYaml(
    { format: CATALOG_FORMAT, demo: catalog.demo, itemsCsv, paths: catalog.paths },
    { lineWidth: 0 },
  );
  const rows = catalog.items.map((item) => CSV_COLUMNS.map((c) => (item[c] === undefined ? "" : String(item[c]))));
  const csv = stringifyCsv([[...CSV_COLUMNS], ...rows]);
  return { yaml, csv };
}
