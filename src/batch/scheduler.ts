import PQueue from 'p-queue';
import type { KijiConfig } from '../schema/config.js';
import { createArticlePool, type ArticlePool } from './pool.js';
import type { ArticleTask, ArticleTaskResult } from './worker.js';

/** A file's bytes and their SHA-256, when the main thread read them already (to see that they changed). */
export interface ReadFile {
  bytes: Uint8Array;
  sha256: string;
}

/**
 * Runs articles on the worker pool with bounded work in flight (one per worker: the time limit is
 * counted from when a task is handed over, so it must not wait behind another) and a time limit per
 * article: an article over `articleTimeoutMs` has its worker terminated and replaced, and is
 * reported as timed out while the batch goes on. When the run is interrupted, articles still in
 * flight after a short grace are stopped the same way and reported as interrupted (not recorded:
 * the next run processes them), so Ctrl-C never waits for a slow article.
 */
export type TaskOutcome =
  | { kind: 'done'; result: ArticleTaskResult }
  | { kind: 'timeout'; ms: number }
  | { kind: 'interrupted' }
  | { kind: 'crashed'; error: unknown };

export interface Scheduler {
  /** Waits for a free slot, then starts the article (from `read` when the file was read already); `onOutcome` runs when it settles. */
  submit(path: string, onOutcome: (outcome: TaskOutcome) => void, read?: ReadFile): Promise<void>;
  idle(): Promise<void>;
  destroy(): Promise<void>;
  readonly threads: number;
}

/** A replaced worker loads kuromoji again (about a second, more on a busy machine): not counted against the article. */
export const PIPELINE_LOAD_ALLOWANCE_MS = 60_000;
/** How long an interrupted run lets articles in flight finish before stopping them. */
export const INTERRUPT_GRACE_MS = 1_500;

export function createScheduler(config: KijiConfig, threads: number, options: { signal?: AbortSignal; onFailure: (error: unknown) => void; poolFactory?: typeof createArticlePool }): Scheduler {
  const pool: ArticlePool = (options.poolFactory ?? createArticlePool)(config, threads);
  const queue = new PQueue({ concurrency: threads });
  const interrupt = new AbortController();
  /** Workers that have not loaded the pipeline yet (new, or replacing one that was stopped). */
  let fresh = threads;
  let graceTimer: NodeJS.Timeout | undefined;
  const onAbort = () => {
    graceTimer = setTimeout(() => interrupt.abort('interrupted'), INTERRUPT_GRACE_MS);
    graceTimer.unref();
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  const runOne = async (path: string, read?: ReadFile): Promise<TaskOutcome> => {
    const limit = config.articleTimeoutMs + (fresh > 0 ? PIPELINE_LOAD_ALLOWANCE_MS : 0);
    const timeout = new AbortController();
    // A language loaded for this article (its worker's first English one) is not counted against it either.
    const loadClock = new Float64Array(new SharedArrayBuffer(16));
    const loadedMs = () => Math.min(PIPELINE_LOAD_ALLOWANCE_MS, loadClock[1]! + (loadClock[0]! > 0 ? Date.now() - loadClock[0]! : 0));
    const startedAt = Date.now();
    const check = () => {
      const left = limit + loadedMs() - (Date.now() - startedAt);
      if (left <= 0) timeout.abort('timeout');
      else timer = setTimeout(check, left);
    };
    let timer = setTimeout(check, limit);
    const started = performance.now();
    try {
      const task: ArticleTask = { path, maxBytes: config.maxFileBytes, loadClock, ...(read ? { bytes: read.bytes, sha256: read.sha256 } : {}) };
      const result = await pool.run(task, AbortSignal.any([timeout.signal, interrupt.signal]));
      if (result.loadMs > 0 && fresh > 0) fresh--;
      return { kind: 'done', result };
    } catch (error) {
      if (timeout.signal.aborted || interrupt.signal.aborted) {
        fresh++; // its worker was terminated; the replacement loads the pipeline again
        return timeout.signal.aborted ? { kind: 'timeout', ms: Math.round(performance.now() - started) } : { kind: 'interrupted' };
      }
      fresh++; // a crash (out of memory) replaces the worker too
      return { kind: 'crashed', error };
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    threads: pool.threads,
    async submit(path, onOutcome, read) {
      await queue.onSizeLessThan(1); // every slot busy: wait for one before taking the next path
      queue
        .add(async () => onOutcome(await runOne(path, read)))
        .catch(options.onFailure); // storing the result failed: the run stops
    },
    idle: () => queue.onIdle(),
    async destroy() {
      if (graceTimer) clearTimeout(graceTimer);
      options.signal?.removeEventListener('abort', onAbort);
      // A run that stopped on an error may still have articles in flight: stop them (not recorded) and
      // let their tasks settle before the pool goes, so no worker answers a pool that is gone.
      interrupt.abort('stopping');
      await queue.onIdle();
      await pool.destroy();
    },
  };
}
