import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { finished } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";

export type LineWriter = {
  write: (line: string) => Promise<void>;
  /** Finishes the file and moves it into place. */
  close: () => Promise<number>;
  /** Drops the partial file. */
  abort: () => Promise<void>;
};

/** Writes gzipped lines to `<path>.partial`, renamed to path on close, so a failed run leaves no valid-looking file. */
export function openGzipLineWriter(path: string): LineWriter {
  const partial = `${path}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial);
  gzip.pipe(out);
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
  };
  gzip.on("error", fail);
  // A failed file (disk full) also fails the gzip stream, so a writer waiting for "drain" wakes up.
  out.on("error", (error) => {
    fail(error);
    gzip.destroy(error);
  });
  return {
    write: async (line) => {
      if (failure) throw failure;
      // Respect back-pressure so memory stays flat however large the database.
      if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
      if (failure) throw failure;
    },
    close: async () => {
      gzip.end();
      await finished(out);
      if (failure) throw failure;
      await rename(partial, path);
      return out.bytesWritten;
    },
    abort: async () => {
      gzip.destroy();
      out.destroy();
      await rm(partial, { force: true });
    },
  };
}

/** Yields the lines of a gzipped file; read and decompression errors surface from the iteration. */
export async function* readGzipLines(path: string): AsyncGenerator<string> {
  const file = createReadStream(path);
  const gunzip = createGunzip();
  file.on("error", (error) => gunzip.destroy(error));
  file.pipe(gunzip);
  gunzip.setEncoding("utf8");
  let pending = "";
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      pending += chunk;
      let newline = pending.indexOf("\n");
      while (newline >= 0) {
        yield pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        newline = pending.indexOf("\n");
      }
    }
    if (pending.length > 0) yield pending;
  } finally {
    file.destroy();
    gunzip.destroy();
  }
}
