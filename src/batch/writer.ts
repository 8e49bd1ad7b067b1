import type { StoredArticle } from '../store/rows.js';
import type { KijiStore } from '../store/store.js';

/**
 * The write side of a run: finished articles wait here and are written in batched transactions —
 * when `batchSize` are waiting, and at least every `flushMs` — from the thread that owns the
 * database connection. A failed write keeps its batch (the transaction rolled back) and is kept as
 * `error` for the run to stop on.
 */
export interface BatchWriter {
  add(article: StoredArticle): void;
  /** Writes what is waiting now; throws when the database fails. */
  flush(): void;
  /** The first write that failed from the timer. */
  readonly error: unknown;
  readonly writeMs: number;
  stop(): void;
}

export function createBatchWriter(store: Pick<KijiStore, 'writeArticles'>, options: { batchSize: number; flushMs: number }): BatchWriter {
  let pending: StoredArticle[] = [];
  let error: unknown;
  let writeMs = 0;
  const flush = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const t = performance.now();
    try {
      store.writeArticles(batch);
    } catch (failure) {
      pending = batch.concat(pending); // nothing of the batch was written: the transaction rolled back
      throw failure;
    }
    writeMs += performance.now() - t;
  };
  const timer = setInterval(() => {
    try {
      flush();
    } catch (failure) {
      error ??= failure; // surfaces in the main flow, which stops the run
    }
  }, options.flushMs);
  timer.unref();
  return {
    add(article) {
      pending.push(article);
      if (pending.length >= options.batchSize) flush();
    },
    flush,
    get error() {
      return error;
    },
    get writeMs() {
      return writeMs;
    },
    stop: () => clearInterval(timer),
  };
}
