import { access } from "node:fs/promises";
import { BACKUP_FORMAT, BACKUP_VERSION, BackupFileError, BackupHeader } from "./backup-format.js";
import { readGzipLines } from "./gzip-lines.js";

/** The numbered lines of a backup file, with zlib and file errors turned into a BackupFileError. */
export async function* readBackupLines(file: string): AsyncGenerator<{ number: number; text: string }> {
  try {
    await access(file);
  } catch {
    throw new BackupFileError(`${file}: no such file.`);
  }
  let number = 0;
  try {
    for await (const text of readGzipLines(file)) {
      number++;
      yield { number, text };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "Z_BUF_ERROR") throw new BackupFileError(`${file} is incomplete: it was cut short.`);
    if (code === "Z_DATA_ERROR") {
      throw new BackupFileError(
        number === 0
          ? `${file} is not a Pulse backup (not gzip data).`
          : `${file} is damaged after line ${number}: ${(error as Error).message}.`,
      );
    }
    throw error;
  }
}

/** Reads and checks the first line; anything but a Pulse backup of a known version is refused. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = readBackupLines(file);
  try {
    const first = await lines.next();
    if (first.done) throw new BackupFileError(`${file} is empty.`);
    let value: unknown;
    try {
      value = JSON.parse(first.value.text);
    } catch {
      throw new BackupFileError(`${file} is not a Pulse backup (its first line is not JSON).`);
    }
    const format = (value as { format?: unknown } | null)?.format;
    if (format !== BACKUP_FORMAT)
      throw new BackupFileError(`${file} is not a Pulse backup (format is not "${BACKUP_FORMAT}").`);
    const version = (value as { version?: unknown }).version;
    if (version !== BACKUP_VERSION) {
      throw new BackupFileError(
        `${file} is a Pulse backup of format version ${String(version)}; this Pulse reads version ${BACKUP_VERSION}.`,
      );
    }
    const header = BackupHeader.safeParse(value);
    if (!header.success) {
      const problems = header.error.issues.map((i) => `${i.path.join(".") || "header"}: ${i.message}`);
      throw new BackupFileError(`${file} has a damaged header (${problems.join("; ")}).`);
    }
    return header.data;
  } finally {
    await lines.return(undefined);
  }
}
