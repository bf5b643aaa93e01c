import type { StatementInput, StatementsResponse } from "../../../../src/features/academy/learning/contract";
import { sendStatements, sendStatementsOnExit } from "./queries";

type Collector = () => StatementInput[];

/**
 * What a lesson page has to tell the server: statements queued by items (opened, completed) and collectors
 * that hand over what players recorded since the last save. Saved every 10 s while something plays, when
 * the tab is hidden, and on `pagehide` with a keepalive request, so closing the tab loses nothing.
 */
export class LessonSession {
  private queue: StatementInput[] = [];
  private collectors = new Set<Collector>();
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(private readonly onSaved: (response: StatementsResponse) => void) {}

  add(statement: StatementInput): void {
    this.queue.push(statement);
  }

  collect(collector: Collector): () => void {
    this.collectors.add(collector);
    return () => this.collectors.delete(collector);
  }

  private drain(): StatementInput[] {
    // Played segments first, then what items queued.
    const collected = [...this.collectors].flatMap((c) => c());
    const queued = this.queue;
    this.queue = [];
    return [...collected, ...queued];
  }

  /** Saves now (one request at a time, in order); statements of a failed save are kept for the next one. */
  flush(): Promise<void> {
    const run = async () => {
      const batch = this.drain();
      for (let i = 0; i < batch.length; i += 50) {
        const part = batch.slice(i, i + 50);
        try {
          this.onSaved(await sendStatements(part));
        } catch {
          this.queue.unshift(...part);
          return;
        }
      }
    };
    const next = this.inFlight.then(run);
    this.inFlight = next.catch(() => undefined);
    return next;
  }

  /** The page is going away: send what is left with keepalive. */
  flushOnExit(): void {
    sendStatementsOnExit(this.drain().slice(0, 50));
  }
}
