import { writeFileSync } from "node:fs";
import type { Config } from "../../config.js";
import { checkContent, exportProgramBundle, importContent } from "../../features/academy/catalog/service.js";
import { catalogSourceIn, importCatalogFrom } from "../../features/academy/cpd/library/catalog-sync.js";
import { AppError } from "../../kernel/app-error.js";
import { startRuntime } from "../../runtime.js";
import { describeDatabase } from "../cli-database.js";
import { CliError, EXIT_USAGE } from "../cli-error.js";
import { quietLog } from "./quiet-log.js";

/** `pulse content check <dir>`: validates every program under the folder; needs no database. */
export async function contentCheckCommand(dir: string): Promise<void> {
  for (const summary of checkContent(dir)) console.log(`ok  ${summary}`);
}

/** `pulse content import <dir>`: loads every program, idempotently, keyed by stable keys. */
export async function contentImportCommand(config: Config, dir: string): Promise<void> {
  console.log(`Database: ${describeDatabase(config)}`);
  const runtime = await startRuntime({ config, log: quietLog });
  try {
    // A CPD catalog (catalog.yaml, a CSV of items, or a folder's cpd/catalog.yaml) replaces the library's.
    const catalog = catalogSourceIn(dir);
    if (catalog) {
      const r = await importCatalogFrom(runtime.ctx, catalog);
      console.log(
        `CPD catalog: ${r.items} items, ${r.paths} paths (${r.steps} steps); archived ${r.archived}${r.demo ? " (demo)" : ""}`,
      );
      if (catalog === dir) return;
    }
    for (const result of await importContent(runtime.ctx, dir)) {
      const counts = Object.entries(result.counts)
        .map(([what, n]) => `${n} ${what}`)
        .join(", ");
      console.log(`${result.programKey}: ${counts}; archived ${result.archived}`);
      if (result.overwroteAppEdits)
        console.log(`  note: ${result.programKey} had edits made in the app since its last import; they were replaced`);
    }
  } finally {
    await runtime.close();
  }
}

/** `pulse content export <programKey> <file>`: the program as it stands in the database, as one YAML bundle. */
export async function contentExportCommand(config: Config, programKey: string, file: string): Promise<void> {
  const runtime = await startRuntime({ config, log: quietLog });
  try {
    const yaml = await exportProgramBundle(runtime.ctx, programKey).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") {
        throw new CliError(`pulse: no program "${programKey}" in the database (import it first)`, EXIT_USAGE);
      }
      throw error;
    });
    writeFileSync(file, yaml);
    console.log(`${programKey} written to ${file} (import it with: pulse content import ${file})`);
  } finally {
    await runtime.close();
  }
}
