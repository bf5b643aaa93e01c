import { Command } from "commander";
import { type Config, ConfigError, loadConfig } from "../config.js";
import { ContentError } from "../features/academy/catalog/service.js";
import { VERSION } from "../version.js";
import { BackupFileError } from "./backup-format.js";
import { CliError, EXIT_USAGE } from "./cli-error.js";
import { backupCommand } from "./commands/backup.js";
import { contentCheckCommand, contentExportCommand, contentImportCommand } from "./commands/content.js";
import { createAdminCommand } from "./commands/create-admin.js";
import { migrateCommand } from "./commands/migrate.js";
import { restoreCommand } from "./commands/restore.js";
import { seedDemoCommand } from "./commands/seed-demo.js";
import { RestoreRefusedError } from "./restore.js";

// Wiring only: each command lives in commands/, the backup format in backup.ts / restore.ts.

const ENVIRONMENT_HELP = `
Database: the same environment as the server. DATABASE_URL=postgres://… selects a PostgreSQL server;
without it, PGlite keeps its data in DATA_DIR (default ./data). Stop the server before backup on
PGlite, and before restore on either engine.`;

/** Loads the configuration when a command runs, so --help works whatever the environment. */
const withConfig =
  <A extends unknown[]>(run: (config: Config, ...args: A) => Promise<void>) =>
  async (...args: A) =>
    run(loadConfig(), ...args);

function buildProgram(): Command {
  const program = new Command()
    .name("pulse")
    .description("Pulse administration: migrations, demo data, platform admins, backups.")
    .version(VERSION)
    .showHelpAfterError()
    .addHelpText("after", ENVIRONMENT_HELP);

  program.command("migrate").description("apply pending database migrations").action(withConfig(migrateCommand));

  program
    .command("seed-demo")
    .description("create the demo organization and accounts (running it again changes nothing)")
    .action(withConfig(seedDemoCommand));

  program
    .command("create-admin")
    .description("create a platform admin, or make an existing account one and set its password")
    .requiredOption("--email <address>", "the admin's email address")
    .requiredOption("--password <password>", "at least 10 characters")
    .option("--name <name>", "display name for a new account", undefined)
    .action(withConfig((config, options: Record<string, unknown>) => createAdminCommand(config, options)));

  program
    .command("backup")
    .description("write a portable backup: gzipped JSON lines that restore into PGlite or PostgreSQL")
    .argument("<file>", "where to write, e.g. pulse.backup.gz")
    .addHelpText(
      "after",
      `
Every table of the public schema, from one consistent snapshot. Not included: the job queue (the
pgboss schema); jobs still waiting when the backup is taken are not carried over.`,
    )
    .action(withConfig((config, file: string) => backupCommand(config, file)));

  program
    .command("restore")
    .description("restore a backup into an empty database (migrated first)")
    .argument("<file>", "a file written by `pulse backup`")
    .option("--force", "replace every row already in the target database")
    .addHelpText(
      "after",
      `
Runs in one transaction: on any error the target is left as it was. Refuses a backup made by a
newer Pulse (unknown migrations), and a target that already holds rows unless --force.`,
    )
    .action(withConfig((config, file: string, options: { force?: boolean }) => restoreCommand(config, file, options)));

  const content = program.command("content").description("academy programs kept as YAML + Markdown in content/");
  content
    .command("check")
    .description("validate every program under a folder (no database needed)")
    .argument("<dir>", "a content folder, e.g. content/")
    .action((dir: string) => contentCheckCommand(dir));
  content
    .command("import")
    .description("load or update every program under a folder; what disappeared is archived, progress is kept")
    .argument("<dir>", "a content folder, e.g. content/, or an exported program bundle (.yaml)")
    .action(withConfig((config, dir: string) => contentImportCommand(config, dir)));
  content
    .command("export")
    .description("write a program as it stands in the database (app edits included) as one YAML bundle")
    .argument("<programKey>", "e.g. ccsmp")
    .argument("<file>", "where to write, e.g. content/ccsmp.bundle.yaml")
    .action(withConfig((config, programKey: string, file: string) => contentExportCommand(config, programKey, file)));

  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return EXIT_USAGE;
    }
    if (error instanceof CliError) {
      console.error(error.message);
      return error.exitCode;
    }
    if (error instanceof ContentError) {
      console.error(`pulse: ${error.message}`);
      return 1;
    }
    if (error instanceof BackupFileError || error instanceof RestoreRefusedError) {
      console.error(`pulse: ${error.message}`);
      return 1;
    }
    console.error("pulse: failed:", error);
    return 1;
  }
}

// Exit explicitly: a database driver's idle timers must not keep a finished command alive.
process.exit(await main(process.argv));
