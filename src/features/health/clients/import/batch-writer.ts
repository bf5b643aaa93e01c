import { AppError } from "../../../../kernel/app-error.js";
import type { Db, Tx } from "../../../../platform/db/database.js";
import type { ImportRowError } from "./contract.js";

/** What a checked row does when written (unchanged rows are counted, not written). */
export type RowKind = "create" | "update" | "unchanged";
export type WriteItem = { row: number; kind: RowKind };

/** What the committed batches did so far. */
export type WriteTally = { created: number; updated: number; unchanged: number; errors: ImportRowError[] };
export const EMPTY_TALLY: WriteTally = { created: 0, updated: 0, unchanged: 0, errors: [] };

/** Where writing stands: every row up to `row` (spreadsheet numbering; 0 = none) is committed, with its tally. */
export type Checkpoint = { row: number; tally: WriteTally };
export const START: Checkpoint = { row: 0, tally: EMPTY_TALLY };

/**
 * How rows are cut into transactions. A job writes bounded batches (at most `rows`, closed early after
 * `budgetMs`) and pauses `pauseMs` between them so other requests get the database (PGlite is one
 * connection); a request's small import is one transaction (Infinity), all or nothing.
 */
export type Batching = { rows: number; budgetMs: number; pauseMs: number };
export const ONE_TRANSACTION: Batching = {
  rows: Number.POSITIVE_INFINITY,
  budgetMs: Number.POSITIVE_INFINITY,
  pauseMs: 0,
};

/** A row the service refused while writing; `committed` is what earlier batches had saved. */
export class RowRefused extends Error {
  constructor(
    readonly rowError: ImportRowError,
    readonly committed: Checkpoint,
  ) {
    super("import row refused");
  }
}

export type BatchWriterOptions<I extends WriteItem> = {
  batching: Batching;
  /** Where a resumed run starts: rows up to `from.row` are skipped, their tally kept. */
  from: Checkpoint;
  /** Writes one row; an AppError refuses the row. */
  applyRow: (tx: Tx, item: I) => Promise<void>;
  /** "skip": a refused row is undone alone (a savepoint) and listed; "stop": it stops the import. */
  onRefused: "skip" | "stop";
  refusal: (item: I, error: AppError) => ImportRowError;
  /** Work once per batch after its rows (e.g. refreshing the scores they touched). */
  afterBatch?: (tx: Tx, items: I[]) => Promise<void>;
  /**
   * Called first in each batch's transaction with the checkpoint it starts from (to lock the import and
   * check no other run moved it on), and last with the checkpoint it reached (`last` for the final batch),
   * so the rows and the import's record of them commit together.
   */
  begin?: (tx: Tx, from: Checkpoint) => Promise<void>;
  commit: (tx: Tx, reached: Checkpoint, last: boolean) => Promise<void>;
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function add(tally: WriteTally, kind: RowKind): WriteTally {
  if (kind === "create") return { ...tally, created: tally.created + 1 };
  if (kind === "update") return { ...tally, updated: tally.updated + 1 };
  return { ...tally, unchanged: tally.unchanged + 1 };
}

/**
 * Writes the checked rows (sorted by row) in batches, each its own transaction, from a checkpoint on.
 * Returns the final checkpoint. A row refused with onRefused "stop" rolls its batch back and throws
 * RowRefused with what was committed before it.
 */
export async function writeInBatches<I extends WriteItem>(
  db: Db,
  items: I[],
  options: BatchWriterOptions<I>,
): Promise<Checkpoint> {
  const pending = items.filter((item) => item.row > options.from.row);
  let committed = options.from;
  let next = 0;
  do {
    const started = Date.now();
    const from = committed;
    committed = await db.transaction(async (tx) => {
      await options.begin?.(tx, from);
      let reached = from;
      const batch: I[] = [];
      while (
        next < pending.length &&
        batch.length < options.batching.rows &&
        (batch.length === 0 || Date.now() - started < options.batching.budgetMs)
      ) {
        const item = pending[next++] as I;
        batch.push(item);
        let tally = reached.tally;
        try {
          if (item.kind !== "unchanged") {
            if (options.onRefused === "skip") await tx.transaction((row) => options.applyRow(row, item));
            else await options.applyRow(tx, item);
          }
          tally = add(tally, item.kind);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const refused = options.refusal(item, error);
          if (options.onRefused === "stop") throw new RowRefused(refused, from);
          tally = { ...tally, errors: [...tally.errors, refused] };
        }
        reached = { row: item.row, tally };
      }
      if (batch.length) await options.afterBatch?.(tx, batch);
      await options.commit(tx, reached, next >= pending.length);
      return reached;
    });
    if (next < pending.length && options.batching.pauseMs > 0) await pause(options.batching.pauseMs);
  } while (next < pending.length);
  return committed;
}
