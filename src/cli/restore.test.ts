import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-db.js";
import { migrateDatabase } from "../platform/db/migrate.js";
import { backupDatabase } from "./backup.js";
import { BackupFileError } from "./backup-format.js";
import { RestoreRefusedError, restoreDatabase } from "./restore.js";

async function organizationSlugs(target: TestDatabase): Promise<string[]> {
  const result = await target.database.executeSql("select slug from organizations order by slug", []);
  return result.rows.map((r) => String(r.slug));
}

describe("pulse restore refuses what it cannot restore safely", () => {
  let dir: string;
  let good: string;
  let goodLines: string[];
  const targets: TestDatabase[] = [];

  const freshTarget = async () => {
    const target = await createTestDatabase("pglite");
    targets.push(target);
    await migrateDatabase(target.database);
    return target;
  };
  /** Writes a variant of the good backup, its lines changed by edit. */
  const variant = (name: string, edit: (lines: string[]) => string[]) => {
    const file = join(dir, name);
    writeFileSync(file, gzipSync(`${edit([...goodLines]).join("\n")}\n`));
    return file;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pulse-restore-"));
    const source = await createTestDatabase("pglite");
    await migrateDatabase(source.database);
    await source.database.executeSql(
      "insert into organizations (name, slug) values ('Backed Up', 'backed-up'), ('Also', 'also')",
      [],
    );
    good = join(dir, "good.backup.gz");
    await backupDatabase(source.database, good);
    await source.drop();
    goodLines = gunzipSync(readFileSync(good)).toString("utf8").trimEnd().split("\n");
  });

  afterEach(async () => {
    for (const t of targets.splice(0)) await t.drop();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a target that already holds rows, and leaves it untouched", async () => {
    const target = await freshTarget();
    await target.database.executeSql("insert into organizations (name, slug) values ('Live', 'live')", []);
    await expect(restoreDatabase(target.database, good)).rejects.toThrow(RestoreRefusedError);
    await expect(restoreDatabase(target.database, good)).rejects.toThrow(
      /already holds data \(in organizations\).*--force/,
    );
    expect(await organizationSlugs(target)).toEqual(["live"]);
  });

  it("replaces the target's rows with --force", async () => {
    const target = await freshTarget();
    await target.database.executeSql("insert into organizations (name, slug) values ('Live', 'live')", []);
    const summary = await restoreDatabase(target.database, good, { force: true });
    expect(summary.replaced).toEqual(["organizations"]);
    expect(await organizationSlugs(target)).toEqual(["also", "backed-up"]);
  });

  it("refuses a backup made by a newer Pulse (unknown migrations)", async () => {
    const file = variant("newer.gz", (lines) => {
      const header = JSON.parse(lines[0]!);
      header.migrations.push({ hash: "f".repeat(64), createdAt: 4102444800000, tag: "9999_from_the_future" });
      return [JSON.stringify(header), ...lines.slice(1)];
    });
    const target = await freshTarget();
    await expect(restoreDatabase(target.database, file)).rejects.toThrow(
      /newer or different Pulse.*9999_from_the_future/,
    );
  });

  const damaged: [string, () => string, RegExp][] = [
    ["a file that is not gzip", () => writeRaw("plain.gz", "just text\n"), /not a Pulse backup \(not gzip data\)/],
    ["a gzip file that is not JSON", () => writeRaw("text.gz", gzipSync("hello\n")), /first line is not JSON/],
    [
      "another format",
      () => writeRaw("other.gz", gzipSync('{"format":"pg_dump"}\n')),
      /not a Pulse backup \(format is not "pulse-backup"\)/,
    ],
    [
      "a newer format version",
      () => variant("v2.gz", (l) => [JSON.stringify({ ...JSON.parse(l[0]!), version: 2 }), ...l.slice(1)]),
      /format version 2; this Pulse reads version 1/,
    ],
    [
      "a file cut short",
      () => writeRaw("cut.gz", readFileSync(good).subarray(0, readFileSync(good).length - 30)),
      /incomplete: it was cut short/,
    ],
    ["a file without its end marker", () => variant("noend.gz", (l) => l.slice(0, -1)), /incomplete/],
    [
      "a row of the wrong width",
      () => variant("width.gz", (l) => l.map((x) => (x.includes("backed-up") ? '["only one"]' : x))),
      /line \d+: a row of organizations must be an array of 4 values/,
    ],
    [
      "row counts that disagree with the end marker",
      () => variant("count.gz", (l) => l.filter((x) => !x.includes('"also"'))),
      /organizations has 1 rows, the end marker says 2/,
    ],
  ];
  function writeRaw(name: string, content: string | Buffer): string {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  }

  describe("damaged or foreign files", () => {
    // One empty target serves every case: each must leave it empty.
    let target: TestDatabase;
    beforeAll(async () => {
      target = await createTestDatabase("pglite");
      await migrateDatabase(target.database);
    });
    afterAll(async () => target.drop());

    for (const [what, make, message] of damaged) {
      it(`rejects ${what} with a clear error and restores nothing`, async () => {
        const error = await restoreDatabase(target.database, make()).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BackupFileError);
        expect((error as Error).message).toMatch(message);
        expect(await organizationSlugs(target)).toEqual([]);
      });
    }
  });
});
